extension Graph {
    /// The simple graph the measures run on: parallel edges between the same pair (ties of
    /// several relations) become one edge whose weight is the sum of theirs, self-loops are
    /// dropped, and negative (opposition) edges are left out unless `includeNegative`.
    ///
    /// Directed graphs keep one arc per ordered pair. Vertex numbering is unchanged.
    /// - Complexity: O(n + m) (rows are already sorted by neighbour).
    public func simplified(includeNegative: Bool = false) -> Graph {
        var builder = GraphBuilder(vertexCount: vertexCount, isDirected: isDirected, expectedEdgeCount: edgeCount)
        for v in 0..<vertexCount {
            var previous: Int32 = -1
            var weight = 0.0
            func flush() {
                if previous >= 0 { builder.addEdge(v, Int(previous), weight: weight) }
            }
            for i in outOffsets[v]..<outOffsets[v + 1] {
                let e = Int(outEdgeIDs[i])
                if !includeNegative && edgeSigns[e] == .negative { continue }
                let w = outTargets[i]
                // Undirected edges appear in both rows: keep each from its lower end.
                if Int(w) == v || (!isDirected && Int(w) < v) { continue }
                if w != previous { flush(); previous = w; weight = 0 }
                weight += edgeWeights[e]
            }
            flush()
        }
        return builder.build()
    }

    /// Whether no two edges join the same pair (in the same direction) and none is a loop.
    public var isSimple: Bool {
        for v in 0..<vertexCount {
            var previous: Int32 = -1
            for i in outOffsets[v]..<outOffsets[v + 1] {
                let w = outTargets[i]
                if w == previous || Int(w) == v { return false }
                previous = w
            }
        }
        return true
    }

    /// Weight of each out-row entry, aligned with ``outNeighbors(of:)`` (edge weights by row
    /// position, so hot loops avoid the edge-id indirection).
    public func outRowWeights() -> [Double] { outEdgeIDs.map { edgeWeights[Int($0)] } }
    /// Weight of each in-row entry, aligned with ``inNeighbors(of:)``.
    public func inRowWeights() -> [Double] { inEdgeIDs.map { edgeWeights[Int($0)] } }

    /// The row arrays, for algorithms that walk them in hot loops.
    public var outRows: (offsets: [Int], targets: [Int32], edges: [Int32]) { (outOffsets, outTargets, outEdgeIDs) }
    public var inRows: (offsets: [Int], targets: [Int32], edges: [Int32]) { (inOffsets, inTargets, inEdgeIDs) }
}
