extension Graph {
    /// Degree of each vertex: neighbours for an undirected graph, in + out arcs for a directed
    /// one (networkx's `degree`). On a simple graph each neighbour counts once.
    public func degrees() -> [Int] {
        (0 ..< vertexCount).map { isDirected ? outDegree(of: $0) + inDegree(of: $0) : outDegree(of: $0) }
    }

    public func outDegrees() -> [Int] { (0 ..< vertexCount).map(outDegree(of:)) }
    public func inDegrees() -> [Int] { (0 ..< vertexCount).map(inDegree(of:)) }

    /// Sum of the weights of a vertex's edges (in + out for a directed graph).
    public func strengths() -> [Double] {
        isDirected ? zip(outStrengths(), inStrengths()).map(+) : outStrengths()
    }

    public func outStrengths() -> [Double] {
        (0 ..< vertexCount).map { v in outEdges(of: v).reduce(0) { $0 + edgeWeights[Int($1)] } }
    }

    public func inStrengths() -> [Double] {
        (0 ..< vertexCount).map { v in inEdges(of: v).reduce(0) { $0 + edgeWeights[Int($1)] } }
    }
}
