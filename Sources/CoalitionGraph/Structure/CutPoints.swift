extension Graph {
    /// Articulation points and bridges of the undirected view (for a directed graph, of the
    /// graph with every arc taken both ways, as networkx computes them): vertices and edges
    /// whose removal splits a component. Parallel edges are one tie; a pair joined twice is
    /// not a bridge.
    ///
    /// Tarjan's (1972) depth-first search with low-points, iterative so that long chains do
    /// not exhaust the stack.
    /// - Complexity: O(n + m).
    /// - Returns: vertices ascending; bridges as (lower, higher) vertex pairs, ascending.
    public func cutPoints() -> (articulationPoints: [Int], bridges: [(Int, Int)]) {
        let n = vertexCount
        // Undirected simple view: sorted distinct neighbours.
        var neighbours = [[Int32]](repeating: [], count: n)
        for v in 0..<n {
            var row = Array(outNeighbors(of: v))
            if isDirected { row += inNeighbors(of: v); row.sort() }
            var unique: [Int32] = []
            for w in row where Int(w) != v && unique.last != w { unique.append(w) }
            neighbours[v] = unique
        }
        var discovery = [Int](repeating: -1, count: n)
        var low = [Int](repeating: 0, count: n)
        var parent = [Int](repeating: -1, count: n)
        var isCut = [Bool](repeating: false, count: n)
        var bridges: [(Int, Int)] = []
        var time = 0
        var stack: [(v: Int, next: Int)] = []
        for root in 0..<n where discovery[root] < 0 {
            discovery[root] = time; low[root] = time; time += 1
            var rootChildren = 0
            stack.append((root, 0))
            while !stack.isEmpty {
                let (v, i) = stack[stack.count - 1]
                if i < neighbours[v].count {
                    stack[stack.count - 1].next += 1
                    let w = Int(neighbours[v][i])
                    if discovery[w] < 0 {
                        parent[w] = v
                        discovery[w] = time; low[w] = time; time += 1
                        if v == root { rootChildren += 1 }
                        stack.append((w, 0))
                    } else if w != parent[v] {
                        low[v] = min(low[v], discovery[w])
                    }
                } else {
                    stack.removeLast()
                    let p = parent[v]
                    if p >= 0 {
                        low[p] = min(low[p], low[v])
                        if low[v] > discovery[p] { bridges.append((min(p, v), max(p, v))) }
                        if p != root && low[v] >= discovery[p] { isCut[p] = true }
                    }
                }
            }
            if rootChildren > 1 { isCut[root] = true }
        }
        bridges.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        return ((0..<n).filter { isCut[$0] }, bridges)
    }
}
