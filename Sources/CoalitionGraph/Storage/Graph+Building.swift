/// Collects edges and produces an immutable ``Graph``.
///
/// Building is a counting sort of the edge list into rows, O(n + m) memory and
/// O(n + m log d) time (each row is sorted by neighbour).
public struct GraphBuilder: Sendable {
    public let vertexCount: Int
    public let isDirected: Bool
    private var sources: [Int32] = []
    private var targets: [Int32] = []
    private var weights: [Double] = []
    private var signs: [TieSign] = []

    public init(vertexCount: Int, isDirected: Bool, expectedEdgeCount: Int = 0) {
        precondition(vertexCount >= 0 && vertexCount < Int(Int32.max), "vertex count out of range")
        self.vertexCount = vertexCount
        self.isDirected = isDirected
        sources.reserveCapacity(expectedEdgeCount)
        targets.reserveCapacity(expectedEdgeCount)
        weights.reserveCapacity(expectedEdgeCount)
        signs.reserveCapacity(expectedEdgeCount)
    }

    /// Adds an edge and returns its index.
    @discardableResult
    public mutating func addEdge(_ u: Int, _ v: Int, weight: Double = 1, sign: TieSign = .positive) -> Int {
        precondition(u >= 0 && u < vertexCount && v >= 0 && v < vertexCount, "vertex out of range")
        sources.append(Int32(u))
        targets.append(Int32(v))
        weights.append(weight)
        signs.append(sign)
        return sources.count - 1
    }

    public func build() -> Graph {
        let n = vertexCount
        let m = sources.count
        precondition(m < Int(Int32.max), "too many edges for 32-bit edge ids")
        let out: Rows
        let inRows: Rows
        if isDirected {
            out = Rows.make(n: n, arcs: m, from: sources, to: targets, both: false)
            inRows = Rows.make(n: n, arcs: m, from: targets, to: sources, both: false)
        } else {
            out = Rows.make(n: n, arcs: 2 * m, from: sources, to: targets, both: true)
            inRows = out
        }
        return Graph(
            vertexCount: n, isDirected: isDirected,
            edgeSources: sources, edgeTargets: targets, edgeWeights: weights, edgeSigns: signs,
            outOffsets: out.offsets, outTargets: out.targets, outEdgeIDs: out.edges,
            inOffsets: inRows.offsets, inTargets: inRows.targets, inEdgeIDs: inRows.edges)
    }
}

private struct Rows {
    var offsets: [Int]
    var targets: [Int32]
    var edges: [Int32]

    /// Counting sort of arcs `from[e] -> to[e]` into rows; with `both`, each edge also
    /// contributes the reverse arc (a self-loop then appears twice in its row, as it adds
    /// two to the degree).
    static func make(n: Int, arcs: Int, from: [Int32], to: [Int32], both: Bool) -> Rows {
        var offsets = [Int](repeating: 0, count: n + 1)
        for e in from.indices {
            offsets[Int(from[e]) + 1] += 1
            if both { offsets[Int(to[e]) + 1] += 1 }
        }
        for v in 0..<n { offsets[v + 1] += offsets[v] }
        var cursor = Array(offsets.dropLast())
        var targets = [Int32](repeating: 0, count: arcs)
        var edges = [Int32](repeating: 0, count: arcs)
        for e in from.indices {
            let a = Int(from[e]), b = Int(to[e])
            targets[cursor[a]] = Int32(b); edges[cursor[a]] = Int32(e); cursor[a] += 1
            if both {
                targets[cursor[b]] = Int32(a); edges[cursor[b]] = Int32(e); cursor[b] += 1
            }
        }
        // Rows are filled in edge order; sort each by neighbour (stable on edge id) so that
        // walks are ordered and parallel edges sit next to each other.
        targets.withUnsafeMutableBufferPointer { t in
            edges.withUnsafeMutableBufferPointer { ed in
                for v in 0..<n {
                    let lo = offsets[v], hi = offsets[v + 1]
                    if hi - lo < 2 { continue }
                    var isSorted = true
                    for i in lo + 1..<hi where t[i - 1] > t[i] { isSorted = false; break }
                    if isSorted { continue }
                    var pairs = (lo..<hi).map { (t[$0], ed[$0]) }
                    pairs.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
                    for (k, p) in pairs.enumerated() { t[lo + k] = p.0; ed[lo + k] = p.1 }
                }
            }
        }
        return Rows(offsets: offsets, targets: targets, edges: edges)
    }
}
