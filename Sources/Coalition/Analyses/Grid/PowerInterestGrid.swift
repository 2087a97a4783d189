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
        /// The highest of the measures' percentiles: where the network puts the actor.
        public var structuralPercentile: Double
        public var pagerankPercentile: Double?
        public var betweennessPercentile: Double?
        /// "hidden influencer", "over-rated" or nil.
        public var finding: String?
        /// The measures that give the finding (a hidden influencer may be one by betweenness
        /// alone: a broker with few ties).
        public var foundBy: [Measure]
    }

    public var entries: [Entry]
    /// Actors without an influence or interest rating.
    public var unrated: [Int]
    /// Which measures give the structural influence.
    public enum Measure: String, Sendable, CaseIterable { case both, pagerank, betweenness }
    public var measure: Measure
    /// How many sampled sources the betweenness was estimated from; nil when it is exact.
    public var betweennessSampledSources: Int?

    /// Quadrants split at the middle of the 0–5 scale (2.5). Structural influence is the
    /// actor's PageRank and betweenness percentiles (or one of them). An actor is a *hidden
    /// influencer* when either puts it in the top quarter with a declared-influence percentile
    /// at least 0.4 lower — PageRank finds the well-tied, betweenness the broker with few ties —
    /// and *over-rated* when its declared percentile is in the top quarter and at least 0.4
    /// above both.
    ///
    /// - Parameter betweennessSources: the sources of the betweenness that ranks actors; a
    ///   sample estimates it (Brandes & Pich 2007), and ``betweennessSampledSources`` says so.
    ///   nil: every actor up to 2,000 actors; above, 1,000 sampled, fewer when there are more
    ///   than 50,000 ties so that the searches visit at most 5·10⁷ ties, never fewer than 256.
    public init(_ network: StakeholderNetwork, measure: Measure = .both, betweennessSources: SourceSelection? = nil, seed: UInt64 = 1) {
        let actors = network.actors
        let g = network.graph().simplified()
        self.measure = measure
        let sampled = max(256, min(1_000, 50_000_000 / max(g.edgeCount, 1)))
        let betweennessSources = betweennessSources ?? (g.vertexCount > 2_000 ? .sample(count: sampled, seed: seed) : .all)
        let rated = actors.indices.filter { actors[$0].influence != nil && actors[$0].interest != nil }
        unrated = actors.indices.filter { actors[$0].influence == nil || actors[$0].interest == nil }
        // Values within a billionth of each other are ties: two actors placed alike get the same
        // PageRank only up to rounding, and must get the same percentile.
        func same(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-9 * max(abs(a), abs(b)) }
        // Below: the values under x and not the same as it; equal: those the same as x (itself
        // included). The values are never negative, so in sorted order both are the ends of a
        // run found by binary search (counting for every value was quadratic: 10^10 steps at
        // 100,000 rated actors).
        func percentiles(_ values: [Double]) -> [Double] {
            guard values.count > 1 else { return values.map { _ in 0.5 } }
            let sorted = values.sorted()
            func firstIndex(where isAtOrAfter: (Double) -> Bool) -> Int {
                var lo = 0, hi = sorted.count
                while lo < hi { let mid = (lo + hi) / 2; if isAtOrAfter(sorted[mid]) { hi = mid } else { lo = mid + 1 } }
                return lo
            }
            return values.map { x in
                let below = firstIndex { $0 >= x || same($0, x) }
                let notAbove = firstIndex { $0 > x && !same($0, x) }
                return (Double(below) + Double(notAbove - below - 1) / 2) / Double(values.count - 1)
            }
        }
        let pagerank: [Double]? =
            measure == .betweenness ? nil : { let p = g.pageRank().values; return percentiles(rated.map { p[$0] }) }()
        let betweenness: [Double]? =
            measure == .pagerank
            ? nil : { let b = g.pathMeasures(sources: betweennessSources, edgeBetweenness: false).betweenness; return percentiles(rated.map { b[$0] }) }()
        if case .sample(let count, _) = betweennessSources, measure != .pagerank, count < g.vertexCount { betweennessSampledSources = count }
        let declared = percentiles(rated.map { actors[$0].influence! })
        entries = rated.enumerated().map { i, v in
            let influence = actors[v].influence!, interest = actors[v].interest!
            let quadrant: Quadrant =
                influence >= 2.5
                ? (interest >= 2.5 ? .manageClosely : .keepSatisfied)
                : (interest >= 2.5 ? .keepInformed : .monitor)
            let positions = [(Measure.pagerank, pagerank?[i]), (.betweenness, betweenness?[i])].compactMap { m, p in p.map { (m, $0) } }
            let structural = positions.map(\.1).max() ?? 0.5
            var finding: String?
            var foundBy: [Measure] = []
            let hidden = positions.filter { $0.1 >= 0.75 && $0.1 - declared[i] >= 0.4 }
            if !hidden.isEmpty {
                finding = "hidden influencer"
                foundBy = hidden.map(\.0)
            } else if declared[i] >= 0.75 && declared[i] - structural >= 0.4 {
                finding = "over-rated"
                foundBy = positions.map(\.0)
            }
            return Entry(
                actor: v, influence: influence, interest: interest, quadrant: quadrant,
                declaredPercentile: declared[i], structuralPercentile: structural, pagerankPercentile: pagerank?[i],
                betweennessPercentile: betweenness?[i], finding: finding, foundBy: foundBy)
        }
    }
}
