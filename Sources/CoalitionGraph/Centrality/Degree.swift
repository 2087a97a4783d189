extension Graph {
    /// Degree of each vertex: neighbours for an undirected graph, in + out arcs for a directed
    /// one (networkx's `degree`). On a simple graph each neighbour counts once.
    public func degrees() -> [Int] {
        (0..<vertexCount).map { isDirected ? outDegree(of: $0) + inDegree(of: $0) : outDegree(of: $0) }
    }

    public func outDegrees() -> [Int] { (0..<vertexCount).map(outDegree(of:)) }
    public func inDegrees() -> [Int] { (0..<vertexCount).map(inDegree(of:)) }

    /// Sum of the weights of a vertex's edges (in + out for a directed graph).
    public func strengths() -> [Double] {
        isDirected ? zip(outStrengths(), inStrengths()).map(+) : outStrengths()
    }

    public func outStrengths() -> [Double] {
        (0..<vertexCount).map { v in outEdges(of: v).reduce(0) { $0 + edgeWeights[Int($1)] } }
    }

    public func inStrengths() -> [Double] {
        (0..<vertexCount).map { v in inEdges(of: v).reduce(0) { $0 + edgeWeights[Int($1)] } }
    }
}

extension Graph {
    /// Distinct neighbours of each vertex in either direction (the undirected view's degree).
    public func neighbourCounts() -> [Int] {
        guard isDirected else { return (0..<vertexCount).map { v in outNeighbors(of: v).count { Int($0) != v } } }
        return (0..<vertexCount).map { v in
            var all = Array(outNeighbors(of: v)) + Array(inNeighbors(of: v))
            all.sort()
            var count = 0
            var previous: Int32 = -1
            for w in all where w != previous && Int(w) != v { count += 1; previous = w }
            return count
        }
    }
}
