import CoalitionGraph

/// One per-actor measure, by the name users give it (`--size-by`), computed alone: drawing a
/// diagram sized by PageRank need not wait for betweenness.
public enum ActorMeasure: String, Sendable, CaseIterable {
    case pagerank, betweenness, degree, strength, eigenvector, harmonic, closeness, coreness

    /// The measure for every actor, on the supporting network, as ``NetworkAnalysis`` computes it.
    public func values(in network: StakeholderNetwork, options: AnalysisOptions = .init()) -> [Double] {
        let g = network.graph().simplified(includeNegative: false)
        switch self {
        case .pagerank: return g.pageRank(weighted: options.weighted).values
        case .eigenvector: return g.eigenvectorCentrality(weighted: options.weighted).values
        case .degree: return g.degrees().map(Double.init)
        case .strength: return g.strengths()
        case .coreness: return g.coreNumbers().map(Double.init)
        case .betweenness, .harmonic, .closeness:
            let sampled = g.vertexCount > options.exactLimit && options.samples < g.vertexCount
            let paths = g.pathMeasures(length: options.weighted ? .inverseWeight : .hops,
                                       sources: sampled ? .sample(count: options.samples, seed: options.seed) : .all,
                                       edgeBetweenness: false, threads: options.threads)
            switch self {
            case .betweenness: return paths.betweenness
            case .harmonic: return paths.harmonicIn
            default: return paths.closenessIn.map { $0 ?? 0 }
            }
        }
    }

    /// The measure taken from a finished analysis.
    public func values(from analysis: NetworkAnalysis) -> [Double] {
        analysis.actors.map { a in
            switch self {
            case .pagerank: a.pagerank
            case .betweenness: a.betweenness
            case .degree: Double(a.degree)
            case .strength: a.strength
            case .eigenvector: a.eigenvector
            case .harmonic: a.harmonic
            case .closeness: a.closeness ?? 0
            case .coreness: Double(a.coreness)
            }
        }
    }
}
