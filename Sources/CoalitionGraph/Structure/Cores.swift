extension Graph {
    /// Core number of each vertex (Batagelj & Zaversnik 2003, arXiv:cs/0310049): the largest k
    /// such that the vertex belongs to a subgraph where every vertex has degree ≥ k. Degree is
    /// in + out for a directed graph, as networkx's `core_number`.
    /// - Complexity: O(n + m), bucket sort by degree.
    public func coreNumbers() -> [Int] {
        let n = vertexCount
        var degree = degrees()
        let maxDegree = degree.max() ?? 0
        var binStart = [Int](repeating: 0, count: maxDegree + 2)
        for d in degree { binStart[d + 1] += 1 }
        for d in 0..<maxDegree + 1 { binStart[d + 1] += binStart[d] }
        var position = [Int](repeating: 0, count: n)
        var vertices = [Int](repeating: 0, count: n)
        var next = binStart
        for v in 0..<n {
            position[v] = next[degree[v]]
            vertices[position[v]] = v
            next[degree[v]] += 1
        }
        func lower(_ u: Int, below dv: Int) {
            guard degree[u] > dv else { return }
            let du = degree[u], pu = position[u]
            let pw = binStart[du], w = vertices[pw]
            if u != w {
                position[u] = pw; vertices[pu] = w
                position[w] = pu; vertices[pw] = u
            }
            binStart[du] += 1
            degree[u] -= 1
        }
        for i in 0..<n {
            let v = vertices[i]
            let dv = degree[v]
            for u in outNeighbors(of: v) { lower(Int(u), below: dv) }
            if isDirected { for u in inNeighbors(of: v) { lower(Int(u), below: dv) } }
        }
        return degree
    }
}
