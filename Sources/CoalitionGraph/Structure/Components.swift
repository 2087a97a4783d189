/// Connected components, as a label per vertex.
public struct Components: Sendable, Equatable {
    /// `label[v]` is the component of vertex `v`. Components are numbered by their smallest
    /// vertex, in ascending order, so the numbering is deterministic.
    public let label: [Int32]
    /// Vertex count of each component, indexed by label.
    public let sizes: [Int]

    public var count: Int { sizes.count }

    /// The label of the largest component (the lowest label among equals), or nil when empty.
    public var largest: Int? {
        guard let maxSize = sizes.max() else { return nil }
        return sizes.firstIndex(of: maxSize)
    }
}

extension Graph {
    /// Connected components of the undirected view (weak components for a directed graph).
    ///
    /// - Parameter includeNegative: whether opposition (negative) edges connect vertices.
    /// - Complexity: O(n + m), iterative breadth-first search.
    public func weakComponents(includeNegative: Bool = true) -> Components {
        var label = [Int32](repeating: -1, count: vertexCount)
        var sizes: [Int] = []
        var queue = [Int32]()
        queue.reserveCapacity(vertexCount)
        for start in 0..<vertexCount where label[start] < 0 {
            let c = Int32(sizes.count)
            label[start] = c
            queue.removeAll(keepingCapacity: true)
            queue.append(Int32(start))
            var head = 0
            while head < queue.count {
                let v = Int(queue[head]); head += 1
                visit(outOffsets, outTargets, outEdgeIDs, v)
                if isDirected { visit(inOffsets, inTargets, inEdgeIDs, v) }
            }
            sizes.append(queue.count)

            func visit(_ offsets: [Int], _ targets: [Int32], _ edges: [Int32], _ v: Int) {
                for i in offsets[v]..<offsets[v + 1] {
                    if !includeNegative && edgeSigns[Int(edges[i])] == .negative { continue }
                    let w = Int(targets[i])
                    if label[w] < 0 { label[w] = c; queue.append(Int32(w)) }
                }
            }
        }
        return Components(label: label, sizes: sizes)
    }

    /// The number of distinct vertex pairs joined by at least one edge, ignoring self-loops.
    /// For a directed graph, ordered pairs (u→v and v→u count separately).
    public func adjacentPairCount(includeNegative: Bool = true) -> Int {
        var pairs = 0
        for v in 0..<vertexCount {
            var previous: Int32 = -1
            for i in outOffsets[v]..<outOffsets[v + 1] {
                if !includeNegative && edgeSigns[Int(outEdgeIDs[i])] == .negative { continue }
                let w = outTargets[i]
                if w != previous && Int(w) != v { pairs += 1 }
                previous = w
            }
        }
        return isDirected ? pairs : pairs / 2
    }

    /// Density: the share of possible pairs that are joined, counting each joined pair once
    /// however many ties (relations) join it. Undirected 2p / (n(n−1)), directed p / (n(n−1)),
    /// as networkx's `density` on the simple graph. Zero for fewer than two vertices.
    public func density(includeNegative: Bool = true) -> Double {
        guard vertexCount > 1 else { return 0 }
        let possible = Double(vertexCount) * Double(vertexCount - 1)
        let p = Double(adjacentPairCount(includeNegative: includeNegative))
        return isDirected ? p / possible : 2 * p / possible
    }

    /// Vertices with no edge at all.
    public func isolates() -> [Int] {
        (0..<vertexCount).filter { outDegree(of: $0) == 0 && inDegree(of: $0) == 0 }
    }
}
