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
            let paths = g.pathMeasures(
                length: options.weighted ? .inverseWeight : .hops,
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

/// A computed measure as a column of per-actor values, for writers that carry measures beside
/// the data (`convert --with-metrics`, the report's GraphML and GEXF).
public struct MeasureColumn: Sendable {
    public var name: String
    /// Whole numbers (degree, coreness, brokerage counts): written as integers.
    public var integral: Bool
    /// One value per actor; nil where the measure is undefined (the constraint of an isolate).
    public var values: [Double?]

    public init(name: String, integral: Bool, values: [Double?]) {
        self.name = name
        self.integral = integral
        self.values = values
    }
}

extension NetworkAnalysis {
    /// Every per-actor measure `analyze` reports, in its order; the in/out variants only for a
    /// directed network.
    public func measureColumns(directed: Bool) -> [MeasureColumn] {
        func column(_ name: String, integral: Bool = false, _ value: (ActorMeasures) -> Double?) -> MeasureColumn {
            MeasureColumn(name: name, integral: integral, values: actors.map(value))
        }
        var columns = [
            column("degree", integral: true) { Double($0.degree) },
            column("strength") { $0.strength },
            column("betweenness") { $0.betweenness },
            column("closeness") { $0.closeness },
            column("harmonic") { $0.harmonic },
            column("pagerank") { $0.pagerank },
            column("eigenvector") { $0.eigenvector },
            column("coreness", integral: true) { Double($0.coreness) },
            column("clustering") { $0.clustering },
            column("constraint") { $0.constraint },
            column("effectiveSize") { $0.effectiveSize },
            column("efficiency") { $0.efficiency },
            column("hierarchy") { $0.hierarchy },
            column("brokerage", integral: true) { Double($0.brokerage.total) },
        ]
        if directed {
            columns += [
                column("inDegree", integral: true) { Double($0.inDegree) }, column("outDegree", integral: true) { Double($0.outDegree) },
                column("inStrength") { $0.inStrength }, column("outStrength") { $0.outStrength },
                column("closenessIn") { $0.closenessIn }, column("closenessOut") { $0.closenessOut },
                column("harmonicIn") { $0.harmonicIn }, column("harmonicOut") { $0.harmonicOut },
            ]
        }
        return columns
    }
}

extension NetworkAnalysis {
    /// Edge betweenness per tie of `network` (the value of its pair in the supporting network);
    /// nil for opposition ties, which the supporting network leaves out.
    public func tieMeasureColumns(_ network: StakeholderNetwork) -> [MeasureColumn] {
        var byPair: [Int: Double] = [:]
        let n = network.actors.count
        func key(_ a: Int, _ b: Int) -> Int { network.isDirected ? a * n + b : min(a, b) * n + max(a, b) }
        for p in pairs { byPair[key(p.source, p.target)] = p.edgeBetweenness }
        return [
            MeasureColumn(
                name: "edgeBetweenness", integral: false,
                values: network.ties.map { $0.isOpposition ? nil : byPair[key(Int($0.source), Int($0.target))] })
        ]
    }
}

extension StakeholderNetwork {
    /// The network with `measures` as number attributes of its actors and `tieMeasures` of its
    /// ties (a measure named like an existing column is prefixed `coalition_`); undefined values
    /// are left out. For formats that carry attributes but have no place for measures of their
    /// own (Coalition JSON).
    public func addingMeasures(_ measures: [MeasureColumn], tieMeasures: [MeasureColumn] = []) -> StakeholderNetwork {
        var copy = self
        func name(_ m: MeasureColumn, _ taken: [AttributeColumn]) -> String {
            taken.contains { $0.name.lowercased() == m.name.lowercased() } ? "coalition_" + m.name : m.name
        }
        for m in measures {
            let column = name(m, copy.actorColumns)
            copy.actorColumns.append(AttributeColumn(name: column, type: .number))
            for (i, v) in m.values.enumerated() { if let v { copy.actors[i].attributes[column] = .number(v) } }
        }
        for m in tieMeasures {
            let column = name(m, copy.tieColumns)
            copy.tieColumns.append(AttributeColumn(name: column, type: .number))
            for (i, v) in m.values.enumerated() {
                if let v { copy.ties[i].attributes = (copy.ties[i].attributes ?? [:]).merging([column: .number(v)]) { $1 } }
            }
        }
        return copy
    }
}
