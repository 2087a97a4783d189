/// Centrality in a two-mode (affiliation) network — actors and the initiatives they take part
/// in — with the two-mode normalisations of Borgatti & Everett (1997) and Borgatti & Halgin
/// (2011), as networkx's `bipartite` module computes them: each value is divided by the most a
/// vertex of its mode could have in a network of these two sizes, so actors are compared with
/// actors and initiatives with initiatives.
///
/// The graph is undirected and read unweighted; `firstMode[v]` says which mode vertex v is in
/// (actors, say), the rest are the second mode. Ties inside a mode are not expected.
public struct TwoModeMeasures: Sendable {
    /// Ties, and ties over the size of the other mode (networkx `degree_centrality`).
    public var degree: [Int]
    public var degreeCentrality: [Double]
    /// (m + 2(n − 1)) / Σ distances for the first mode (n + 2(m − 1) for the second), times the
    /// share of the network the vertex reaches, as networkx's `closeness_centrality`.
    public var closeness: [Double]
    /// Shortest-path betweenness over the most a vertex of that mode can hold (networkx's
    /// `betweenness_centrality`).
    public var betweenness: [Double]

    public init(_ g: Graph, firstMode: [Bool], threads: Int = Graph.defaultThreadCount) {
        precondition(firstMode.count == g.vertexCount, "one mode per vertex")
        precondition(!g.isDirected, "an affiliation network is undirected")
        let total = g.vertexCount
        let n = firstMode.count { $0 }, m = total - n
        let simple = g.simplified()
        let degree = (0..<total).map { simple.outNeighbors(of: $0).count }
        self.degree = degree
        degreeCentrality = (0..<total).map { v in
            let other = firstMode[v] ? m : n
            return other > 0 ? Double(degree[v]) / Double(other) : 0
        }
        // Closeness from a breadth-first search per vertex.
        var closeness = [Double](repeating: 0, count: total)
        var distance = [Int32](repeating: -1, count: total)
        var queue = [Int32](repeating: 0, count: total)
        for source in 0..<total {
            for i in 0..<total { distance[i] = -1 }
            distance[source] = 0
            queue[0] = Int32(source)
            var head = 0, tail = 1, sum = 0
            while head < tail {
                let v = Int(queue[head])
                head += 1
                for w in simple.outNeighbors(of: v) where distance[Int(w)] < 0 {
                    distance[Int(w)] = distance[v] + 1
                    sum += Int(distance[Int(w)])
                    queue[tail] = w
                    tail += 1
                }
            }
            guard sum > 0, total > 1 else { continue }
            let best = firstMode[source] ? Double(m + 2 * (n - 1)) : Double(n + 2 * (m - 1))
            closeness[source] = best / Double(sum) * (Double(tail - 1) / Double(total - 1))
        }
        self.closeness = closeness
        // Betweenness: the one-mode counts (networkx's, unnormalised), over each mode's maximum.
        let normalised = simple.pathMeasures(length: .hops, edgeBetweenness: false, threads: threads).betweenness
        let scale = total > 2 ? Double(total - 1) * Double(total - 2) / 2 : 0
        func maximum(_ n: Int, _ m: Int) -> Double {
            guard m > 0 else { return 0 }
            let (s, t) = ((n - 1) / m, (n - 1) % m)
            let a = Double(m * m) * Double((s + 1) * (s + 1))
            let b = Double(m * (s + 1) * (2 * t - s - 1))
            let c = Double(t * (2 * s - t + 3))
            return (a + b - c) / 2
        }
        let topMax = maximum(n, m), bottomMax = maximum(m, n)
        betweenness = (0..<total).map { v in
            let most = firstMode[v] ? topMax : bottomMax
            return most > 0 ? normalised[v] * scale / most : 0
        }
    }
}

/// How a projection weighs a pair that shares initiatives.
public enum ProjectionWeighting: String, Sendable, CaseIterable {
    /// The initiatives the pair shares (networkx `weighted_projected_graph`).
    case count
    /// Newman's (2001) collaboration weight: Σ 1/(members − 1) over the shared initiatives, so a
    /// large initiative joins its members less than a small one (networkx
    /// `collaboration_weighted_projected_graph`).
    case newman
    /// Shared initiatives over the initiatives either takes part in (networkx
    /// `overlap_weighted_projected_graph(jaccard=True)`).
    case jaccard
}

extension Graph {
    /// The one-mode projection of a two-mode graph onto the vertices of one mode: two of them
    /// are tied when they share a vertex of the other mode, weighted as `weighting` says. The
    /// result's vertex i is `vertices[i]`.
    /// - Complexity: Σ over the other mode's vertices of their degree squared — an initiative
    ///   of k members adds k(k−1)/2 pairs.
    public func projection(onto vertices: [Int], weighting: ProjectionWeighting = .count) -> Graph {
        let g = simplified()
        var position = [Int32](repeating: -1, count: g.vertexCount)
        for (i, v) in vertices.enumerated() { position[v] = Int32(i) }
        var weight: [UInt64: Double] = [:]
        var visited = [Bool](repeating: false, count: g.vertexCount)
        for u in vertices {
            for w in g.outNeighbors(of: u) where !visited[Int(w)] && position[Int(w)] < 0 {
                visited[Int(w)] = true
                let members = g.outNeighbors(of: Int(w)).compactMap { position[Int($0)] >= 0 ? position[Int($0)] : nil }
                let k = members.count
                guard k > 1 else { continue }
                let add = weighting == .newman ? 1 / Double(k - 1) : 1
                for a in 0..<k {
                    for b in (a + 1)..<k {
                        let (x, y) = members[a] < members[b] ? (members[a], members[b]) : (members[b], members[a])
                        weight[UInt64(UInt32(x)) << 32 | UInt64(UInt32(y)), default: 0] += add
                    }
                }
            }
        }
        var builder = GraphBuilder(vertexCount: vertices.count, isDirected: false, expectedEdgeCount: weight.count)
        for key in weight.keys.sorted() {
            let x = Int(key >> 32), y = Int(key & 0xFFFF_FFFF)
            var w = weight[key]!
            if weighting == .jaccard {
                let union = g.outNeighbors(of: vertices[x]).count + g.outNeighbors(of: vertices[y]).count - Int(w)
                w = union > 0 ? w / Double(union) : 0
            }
            builder.addEdge(x, y, weight: w)
        }
        return builder.build()
    }
}
