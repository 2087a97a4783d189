/// Whether a tie carries support or opposition.
///
/// Opposition ties are *negative* ties: they are stored in the same graph as the positive
/// ones so that nothing is lost, but every algorithm states whether it looks at them.
public enum TieSign: UInt8, Sendable, Hashable {
    case positive
    case negative
}

/// An immutable network in compressed sparse row (CSR) form.
///
/// Vertices are the integers `0 ..< vertexCount`; edges are the integers `0 ..< edgeCount`
/// and keep the order in which they were added. For every vertex the adjacency rows list the
/// neighbours in ascending order (ties between the same pair in edge order), so algorithms
/// that walk them are deterministic.
///
/// An undirected edge appears in the rows of both of its ends; a directed edge appears in the
/// out-row of its source and in the in-row of its target. Undirected graphs share one set of
/// rows for both directions.
///
/// Only this file and `Graph+Building.swift` touch the row arrays; algorithms go through
/// ``outNeighbors(of:)``, ``inNeighbors(of:)`` and their edge-index counterparts.
public struct Graph: Sendable {
    /// The number of vertices.
    public let vertexCount: Int
    /// Whether edges have a direction.
    public let isDirected: Bool

    /// Edge endpoints, weights and signs, indexed by edge.
    public let edgeSources: [Int32]
    public let edgeTargets: [Int32]
    public let edgeWeights: [Double]
    public let edgeSigns: [TieSign]

    // Row arrays: offsets are `vertexCount + 1` long; neighbours and edge ids in lock step.
    @usableFromInline internal let outOffsets: [Int]
    @usableFromInline internal let outTargets: [Int32]
    @usableFromInline internal let outEdgeIDs: [Int32]
    @usableFromInline internal let inOffsets: [Int]
    @usableFromInline internal let inTargets: [Int32]
    @usableFromInline internal let inEdgeIDs: [Int32]

    internal init(
        vertexCount: Int, isDirected: Bool,
        edgeSources: [Int32], edgeTargets: [Int32], edgeWeights: [Double], edgeSigns: [TieSign],
        outOffsets: [Int], outTargets: [Int32], outEdgeIDs: [Int32],
        inOffsets: [Int], inTargets: [Int32], inEdgeIDs: [Int32]
    ) {
        self.vertexCount = vertexCount
        self.isDirected = isDirected
        self.edgeSources = edgeSources
        self.edgeTargets = edgeTargets
        self.edgeWeights = edgeWeights
        self.edgeSigns = edgeSigns
        self.outOffsets = outOffsets
        self.outTargets = outTargets
        self.outEdgeIDs = outEdgeIDs
        self.inOffsets = inOffsets
        self.inTargets = inTargets
        self.inEdgeIDs = inEdgeIDs
    }

    /// The number of edges (an undirected edge counts once).
    public var edgeCount: Int { edgeSources.count }

    /// Vertices reachable from `v` along one edge (for undirected graphs: all neighbours).
    /// A neighbour appears once per edge, so parallel edges repeat it.
    @inlinable
    public func outNeighbors(of v: Int) -> ArraySlice<Int32> {
        outTargets[outOffsets[v]..<outOffsets[v + 1]]
    }

    /// Vertices with an edge into `v` (for undirected graphs: all neighbours).
    @inlinable
    public func inNeighbors(of v: Int) -> ArraySlice<Int32> {
        inTargets[inOffsets[v]..<inOffsets[v + 1]]
    }

    /// The edges leaving `v`, in the same order as ``outNeighbors(of:)``.
    @inlinable
    public func outEdges(of v: Int) -> ArraySlice<Int32> {
        outEdgeIDs[outOffsets[v]..<outOffsets[v + 1]]
    }

    /// The edges entering `v`, in the same order as ``inNeighbors(of:)``.
    @inlinable
    public func inEdges(of v: Int) -> ArraySlice<Int32> {
        inEdgeIDs[inOffsets[v]..<inOffsets[v + 1]]
    }

    /// Out-degree (undirected: degree), counting parallel edges.
    @inlinable
    public func outDegree(of v: Int) -> Int { outOffsets[v + 1] - outOffsets[v] }

    /// In-degree (undirected: degree), counting parallel edges.
    @inlinable
    public func inDegree(of v: Int) -> Int { inOffsets[v + 1] - inOffsets[v] }
}
