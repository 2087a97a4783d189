import CoalitionGraph

/// Choices for ``NetworkAnalysis``.
public struct AnalysisOptions: Sendable {
    /// Use tie strength: as weight for PageRank, eigenvector, clustering and Burt's measures,
    /// and as 1/strength path length for betweenness, closeness, harmonic and the diameter.
    public var weighted = false
    /// Networks with more actors than this get betweenness (and harmonic and closeness)
    /// estimated from sampled sources.
    public var exactLimit = 25_000
    /// Sources sampled above the exact limit.
    public var samples = 1_000
    public var seed: UInt64 = 1
    public var threads = Graph.defaultThreadCount

    public init(weighted: Bool = false) { self.weighted = weighted }
}

/// Every measure per actor, per tie and for the network: what `coalition analyze` reports.
///
/// The measures run on the *supporting* network: opposition ties are left out (they are
/// counted in `network.oppositionTies`), and ties of several relations between the same pair
/// count as one tie whose strength is the sum of theirs. Conventions follow networkx (see
/// ``PathMeasures`` and the graph core's documentation; the README's methods section).
public struct NetworkAnalysis: Sendable {
    public struct ActorMeasures: Sendable {
        public var degree: Int
        public var inDegree: Int
        public var outDegree: Int
        public var strength: Double
        public var inStrength: Double
        public var outStrength: Double
        public var betweenness: Double
        /// Closeness from distances to the actor (networkx's default); nil when not estimated.
        public var closeness: Double?
        public var closenessIn: Double?
        public var closenessOut: Double?
        public var harmonic: Double
        public var harmonicIn: Double
        public var harmonicOut: Double
        public var pagerank: Double
        public var eigenvector: Double
        public var coreness: Int
        public var clustering: Double
        public var constraint: Double?
        public var effectiveSize: Double?
        public var efficiency: Double?
        public var hierarchy: Double?
        public var brokerage: BrokerageRoles
        public var group: String
    }

    /// A pair of actors joined by supporting ties, and its edge betweenness.
    public struct PairMeasures: Sendable {
        public var source: Int
        public var target: Int
        /// Sum of the strengths of the ties joining the pair (in this direction).
        public var strength: Double
        public var edgeBetweenness: Double
    }

    public struct NetworkMeasures: Sendable {
        public var actors: Int
        public var ties: Int
        /// Pairs of actors joined by a supporting tie (ties of several relations, and the two
        /// arcs of a reciprocated or undirected tie, are one pair), and opposition ties left out.
        public var supportingPairs: Int
        public var oppositionTies: Int
        public var directed: Bool
        public var weighted: Bool
        public var density: Double
        public var components: Int
        public var largestComponent: Int
        public var largestComponentShare: Double
        public var isolates: Int
        public var articulationPoints: [Int]
        public var bridges: [(Int, Int)]
        /// Freeman (1979) degree centralization on the undirected view: Σ(d_max − d_i) / ((n−1)(n−2)).
        public var degreeCentralization: Double
        /// Freeman betweenness centralization: Σ(b_max − b_i) / (n−1), b normalised.
        public var betweennessCentralization: Double
        /// Longest shortest path in the largest component (hops, or Σ 1/strength when weighted).
        public var diameter: Double
        public var pathsExact: Bool
        public var sampledSources: Int
        public var betweennessErrorBound: Double
        public var confidence: Double
        public var pagerankIterations: Int
        public var eigenvectorIterations: Int
        public var eigenvectorConverged: Bool
        public var pagerankConverged: Bool
    }

    public var network: NetworkMeasures
    public var actors: [ActorMeasures]
    public var pairs: [PairMeasures]
    public var grouping: Grouping
    /// Plain-language notes on how the numbers were made (approximations, conventions).
    public var notes: [String]

    /// Distinct unordered pairs joined by an edge of a simple graph.
    static func pairs(_ g: Graph) -> Int {
        guard g.isDirected else { return g.edgeCount }
        var seen = Set<UInt64>()
        seen.reserveCapacity(g.edgeCount)
        for e in 0..<g.edgeCount {
            let u = UInt64(g.edgeSources[e]), v = UInt64(g.edgeTargets[e])
            seen.insert(min(u, v) << 32 | max(u, v))
        }
        return seen.count
    }

    public init(_ net: StakeholderNetwork, grouping: Grouping, options: AnalysisOptions = .init()) {
        let full = net.graph()
        let g = full.simplified(includeNegative: false)
        let n = g.vertexCount
        let sampled = n > options.exactLimit && options.samples < n
        let paths = g.pathMeasures(
            length: options.weighted ? .inverseWeight : .hops,
            sources: sampled ? .sample(count: options.samples, seed: options.seed) : .all,
            threads: options.threads)
        let pagerank = g.pageRank(weighted: options.weighted)
        let eigenvector = g.eigenvectorCentrality(weighted: options.weighted)
        let cores = g.coreNumbers()
        let clustering = g.clustering(weighted: options.weighted)
        let holes = g.structuralHoles(weighted: options.weighted)
        let brokerage = g.brokerage(group: grouping.index)
        let degree = g.degrees(), inDegree = g.inDegrees(), outDegree = g.outDegrees()
        let inStrength = g.inStrengths(), outStrength = g.outStrengths()
        let strength = g.strengths()

        actors = (0..<n).map { v in
            ActorMeasures(
                degree: degree[v], inDegree: inDegree[v], outDegree: outDegree[v],
                strength: strength[v], inStrength: inStrength[v], outStrength: outStrength[v],
                betweenness: paths.betweenness[v],
                closeness: paths.closenessIn[v], closenessIn: paths.closenessIn[v], closenessOut: paths.closenessOut[v],
                harmonic: paths.harmonicIn[v], harmonicIn: paths.harmonicIn[v], harmonicOut: paths.harmonicOut[v],
                pagerank: pagerank.values[v], eigenvector: eigenvector.values[v], coreness: cores[v],
                clustering: clustering[v], constraint: holes.constraint[v], effectiveSize: holes.effectiveSize[v],
                efficiency: holes.efficiency[v], hierarchy: holes.hierarchy[v], brokerage: brokerage[v],
                group: grouping.labels[v])
        }
        pairs = (0..<g.edgeCount).map { e in
            PairMeasures(
                source: Int(g.edgeSources[e]), target: Int(g.edgeTargets[e]),
                strength: g.edgeWeights[e], edgeBetweenness: paths.edgeBetweenness[e])
        }
        let components = g.weakComponents()
        let largest = components.largest.map { components.sizes[$0] } ?? 0
        let (points, bridges) = g.cutPoints()
        let undirectedDegree = g.neighbourCounts()
        let maxDegree = undirectedDegree.max() ?? 0
        let maxBetweenness = paths.betweenness.max() ?? 0
        network = NetworkMeasures(
            actors: n, ties: net.writtenTies.count, supportingPairs: Self.pairs(g),
            oppositionTies: net.writtenTies.count { $0.isOpposition }, directed: g.isDirected, weighted: options.weighted,
            density: g.density(), components: components.count, largestComponent: largest,
            largestComponentShare: n > 0 ? Double(largest) / Double(n) : 0,
            isolates: g.isolates().count, articulationPoints: points, bridges: bridges,
            degreeCentralization: n > 2 ? Double(undirectedDegree.reduce(0) { $0 + maxDegree - $1 }) / (Double(n - 1) * Double(n - 2)) : 0,
            betweennessCentralization: n > 1 ? paths.betweenness.reduce(0) { $0 + maxBetweenness - $1 } / Double(n - 1) : 0,
            diameter: paths.diameter, pathsExact: paths.isExact, sampledSources: paths.sourcesUsed,
            betweennessErrorBound: paths.errorBound, confidence: 1 - paths.confidenceDelta,
            pagerankIterations: pagerank.iterations, eigenvectorIterations: eigenvector.iterations,
            eigenvectorConverged: eigenvector.converged, pagerankConverged: pagerank.converged)
        self.grouping = grouping

        var notes: [String] = []
        if network.oppositionTies > 0 {
            notes.append(
                "\(Wording.count(network.oppositionTies, "opposition tie")) \(Wording.verb(network.oppositionTies, "is", "are")) left out of every measure; the measures describe the supporting network.")
        }
        if g.edgeCount < net.ties.count(where: { !$0.isOpposition }) {
            notes.append("Ties of several relations between the same pair count as one tie whose strength is the sum of theirs.")
        }
        if grouping.usedFirstOfSeveral {
            notes.append("Brokerage groups actors by the first value of \"\(grouping.attribute)\" where an actor has several.")
        }
        if !g.isDirected {
            notes.append(
                "The network is undirected, so brokerage counts each tie both ways: representative and gatekeeper counts are the same number (an actor between its own group and another), not two findings."
            )
        }
        if !paths.isExact {
            notes.append(
                "Betweenness is estimated from \(paths.sourcesUsed) randomly chosen source actors (seed \(options.seed)) because the network has more than \(options.exactLimit) actors: every actor's value is within ±\(Numbers.shortest((paths.errorBound * 10_000).rounded() / 10_000)) of the exact one with \(Int((1 - paths.confidenceDelta) * 100)) % confidence. Harmonic centrality is estimated from the same sources\(g.isDirected ? "; closeness is not computed" : ", closeness from the distances within each component"), and the diameter is a lower bound."
            )
        }
        if options.weighted {
            notes.append(
                "Weighted: tie strength is the weight for PageRank, eigenvector, clustering and Burt's measures; path lengths are 1/strength, so strong ties are short paths.")
        }
        if !eigenvector.converged || !pagerank.converged {
            notes.append(
                "\(!eigenvector.converged ? "Eigenvector centrality" : "PageRank") did not converge in \(!eigenvector.converged ? eigenvector.iterations : pagerank.iterations) iterations; its values are the last iterate."
            )
        }
        if components.count > 1 {
            notes.append(
                "The network has \(Wording.count(components.count, "component")); eigenvector centrality concentrates on the component with the largest eigenvalue, and closeness uses Wasserman and Faust's correction."
            )
        }
        self.notes = notes
    }
}
