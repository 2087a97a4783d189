import CoalitionGraph

/// Declared influence and interest against network position — the `grid` command.
public struct PowerInterestGrid: Sendable {
    public enum Quadrant: String, Sendable, CaseIterable {
        case manageClosely = "manage closely", keepSatisfied = "keep satisfied", keepInformed = "keep informed", monitor
    }

    public struct Entry: Sendable {
        public var actor: Int
        public var influence: Double
        public var interest: Double
        public var quadrant: Quadrant
        /// Percentile ranks (0…1, mid-rank for ties) among the rated actors.
        public var declaredPercentile: Double
        public var structuralPercentile: Double
        /// "hidden influencer", "over-rated" or nil.
        public var finding: String?
    }

    public var entries: [Entry]
    /// Actors without an influence or interest rating.
    public var unrated: [Int]
    /// Which measure gives the structural influence.
    public enum Measure: String, Sendable, CaseIterable { case pagerank, betweenness }
    public var measure: Measure

    /// Quadrants split at the middle of the 0–5 scale (2.5). Structural influence is the
    /// actor's PageRank (or betweenness) percentile; an actor is a *hidden influencer* when it
    /// is in the top quarter structurally but its declared-influence percentile is at least
    /// 0.4 lower, and *over-rated* in the mirror case.
    public init(_ network: StakeholderNetwork, measure: Measure = .pagerank) {
        let actors = network.actors
        let g = network.graph().simplified()
        let structural = measure == .betweenness ? g.pathMeasures(edgeBetweenness: false).betweenness : g.pageRank().values
        self.measure = measure
        let rated = actors.indices.filter { actors[$0].influence != nil && actors[$0].interest != nil }
        unrated = actors.indices.filter { actors[$0].influence == nil || actors[$0].interest == nil }
        func percentiles(_ values: [Double]) -> [Double] {
            guard values.count > 1 else { return values.map { _ in 0.5 } }
            return values.map { x in
                let below = values.count { $0 < x }, equal = values.count { $0 == x }
                return (Double(below) + Double(equal - 1) / 2) / Double(values.count - 1)
            }
        }
        let declared = percentiles(rated.map { actors[$0].influence! })
        let position = percentiles(rated.map { structural[$0] })
        entries = rated.enumerated().map { i, v in
            let influence = actors[v].influence!, interest = actors[v].interest!
            let quadrant: Quadrant =
                influence >= 2.5
                ? (interest >= 2.5 ? .manageClosely : .keepSatisfied)
                : (interest >= 2.5 ? .keepInformed : .monitor)
            var finding: String?
            if position[i] >= 0.75 && position[i] - declared[i] >= 0.4 { finding = "hidden influencer" }
            if declared[i] >= 0.75 && declared[i] - position[i] >= 0.4 { finding = "over-rated" }
            return Entry(
                actor: v, influence: influence, interest: interest, quadrant: quadrant,
                declaredPercentile: declared[i], structuralPercentile: position[i], finding: finding)
        }
    }
}
