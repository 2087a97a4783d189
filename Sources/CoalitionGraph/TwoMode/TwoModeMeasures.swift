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
    /// share of the network the vertex reaches, as networkx's `closeness_centrality`. Nil where
    /// sampled sources give no estimate (a small component no source fell in).
    public var closeness: [Double?]
    /// Shortest-path betweenness over the most a vertex of that mode can hold (networkx's
    /// `betweenness_centrality`).
    public var betweenness: [Double]
    /// Whether closeness and betweenness are exact, or estimated from sampled sources.
    public var isExact: Bool
    public var sourcesUsed: Int
    /// With sampling: the additive error bound on each mode's normalised betweenness, for all
    /// vertices of that mode together with probability 1 − `confidenceDelta` (zero when exact).
    public var errorBound: (firstMode: Double, secondMode: Double)
    public var confidenceDelta: Double

    /// - Parameter sources: every vertex (exact), or a sample whose shortest paths estimate
    ///   closeness and betweenness (see ``PathMeasures``).
    public init(_ g: Graph, firstMode: [Bool], sources: SourceSelection = .all, threads: Int = Graph.defaultThreadCount) {
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
        // One pass of shortest paths gives both: the one-mode closeness r/Σd · r/(N−1) (r the
        // vertices reached) becomes the two-mode one on multiplying by best/r.
        let paths = simple.pathMeasures(length: .hops, sources: sources, edgeBetweenness: false, threads: threads)
        let components = simple.weakComponents()
        closeness = (0..<total).map { v in
            guard let c = paths.closenessIn[v] else { return nil }
            let reached = components.sizes[Int(components.label[v])] - 1
            guard reached > 0, c > 0 else { return 0 }
            let best = firstMode[v] ? Double(m + 2 * (n - 1)) : Double(n + 2 * (m - 1))
            return c * best / Double(reached)
        }
        // Betweenness: the one-mode counts (networkx's, unnormalised), over each mode's maximum.
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
            return most > 0 ? paths.betweenness[v] * scale / most : 0
        }
        isExact = paths.isExact
        sourcesUsed = paths.sourcesUsed
        errorBound = (
            topMax > 0 ? paths.errorBound * scale / topMax : 0,
            bottomMax > 0 ? paths.errorBound * scale / bottomMax : 0
        )
        confidenceDelta = paths.confidenceDelta
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
    ///
    /// Built one vertex at a time with a dense accumulator (a weight slot per vertex of the
    /// projection and the list of slots touched), so that no hash map of pairs is needed and
    /// the ties come out sorted by their first end.
    public func projection(onto vertices: [Int], weighting: ProjectionWeighting = .count) -> Graph {
        let g = simplified()
        var position = [Int32](repeating: -1, count: g.vertexCount)
        for (i, v) in vertices.enumerated() { position[v] = Int32(i) }
        // Each other-mode vertex's members in this mode, and its Newman share 1/(k − 1).
        var share = [Double](repeating: 0, count: g.vertexCount)
        for w in 0..<g.vertexCount where position[w] < 0 {
            let k = g.outNeighbors(of: w).count { position[Int($0)] >= 0 }
            share[w] = k > 1 ? 1 / Double(k - 1) : 0
        }
        let degreeHere = vertices.map { u in g.outNeighbors(of: u).count { position[Int($0)] < 0 } }
        var weight = [Double](repeating: 0, count: vertices.count)
        var touched: [Int32] = []
        var builder = GraphBuilder(vertexCount: vertices.count, isDirected: false)
        for (x, u) in vertices.enumerated() {
            for w in g.outNeighbors(of: u) where position[Int(w)] < 0 {
                let add = weighting == .newman ? share[Int(w)] : 1
                for member in g.outNeighbors(of: Int(w)) {
                    let y = position[Int(member)]
                    // Each pair once, from its lower end.
                    guard y > Int32(x) else { continue }
                    if weight[Int(y)] == 0 { touched.append(y) }
                    weight[Int(y)] += add
                }
            }
            touched.sort()
            for y in touched {
                var w = weight[Int(y)]
                weight[Int(y)] = 0
                if weighting == .jaccard {
                    let union = degreeHere[x] + degreeHere[Int(y)] - Int(w)
                    w = union > 0 ? w / Double(union) : 0
                }
                builder.addEdge(x, Int(y), weight: w)
            }
            touched.removeAll(keepingCapacity: true)
        }
        return builder.build()
    }
}
