/// Two waves of a network observed on the same vertices — vertex i is the same actor in both —
/// and how far their ties moved. Both graphs are read as binary: an edge is present or not (its
/// weight and sign are ignored; give the supporting graphs to compare supporting ties). A
/// directed pair of graphs compares arcs; an undirected pair compares pairs, each once.
///
/// Everything works from the edge lists, never from an n×n matrix, so 10,000-actor waves cost
/// what their ties cost.
public struct WaveStatistics: Sendable {
    public let vertexCount: Int
    public let isDirected: Bool
    /// Cells (pairs, or ordered pairs when directed) in both waves, only before, only after.
    public let kept: Int
    public let dissolved: Int
    public let formed: Int
    /// Ties before and after.
    public var tiesBefore: Int { kept + dissolved }
    public var tiesAfter: Int { kept + formed }
    /// Jaccard index: ties in both over ties in either (nil when neither wave has a tie).
    public var jaccard: Double? { kept + formed + dissolved > 0 ? Double(kept) / Double(kept + formed + dissolved) : nil }
    /// Hamming distance: cells that differ — R sna's `hdist` (mode `digraph` for directed
    /// waves, `graph` for undirected ones, where each pair is one cell).
    public var hamming: Int { formed + dissolved }
    /// Cells of the adjacency matrix, diagonal excluded: n(n−1), or n(n−1)/2 undirected.
    public var cells: Int { isDirected ? vertexCount * (vertexCount - 1) : vertexCount * (vertexCount - 1) / 2 }

    private let before: Set<UInt64>
    private let afterEdges: [(Int32, Int32)]

    public init(before a: Graph, after b: Graph) {
        precondition(a.vertexCount == b.vertexCount && a.isDirected == b.isDirected, "two waves on the same vertices, read the same way")
        vertexCount = a.vertexCount
        isDirected = a.isDirected
        let directed = a.isDirected
        func key(_ u: Int32, _ v: Int32) -> UInt64 {
            let (x, y) = directed || u < v ? (u, v) : (v, u)
            return UInt64(UInt32(bitPattern: x)) << 32 | UInt64(UInt32(bitPattern: y))
        }
        var first = Set<UInt64>(minimumCapacity: a.edgeCount)
        for e in 0..<a.edgeCount where a.edgeSources[e] != a.edgeTargets[e] { first.insert(key(a.edgeSources[e], a.edgeTargets[e])) }
        var second = Set<UInt64>(minimumCapacity: b.edgeCount)
        var edges: [(Int32, Int32)] = []
        edges.reserveCapacity(b.edgeCount)
        for e in 0..<b.edgeCount where b.edgeSources[e] != b.edgeTargets[e] {
            if second.insert(key(b.edgeSources[e], b.edgeTargets[e])).inserted { edges.append((b.edgeSources[e], b.edgeTargets[e])) }
        }
        let both = first.intersection(second).count
        kept = both
        dissolved = first.count - both
        formed = second.count - both
        before = first
        afterEdges = edges
    }

    /// Pearson correlation of the two binary adjacency matrices, diagonal excluded — R sna's
    /// `gcor` (mode `digraph` or `graph`). Nil when either wave has no tie or every tie.
    public var correlation: Double? { Self.correlation(both: kept, a: tiesBefore, b: tiesAfter, cells: cells) }

    static func correlation(both c: Int, a: Int, b: Int, cells n: Int) -> Double? {
        let N = Double(n), A = Double(a), B = Double(b), C = Double(c)
        let denominator = (A * (N - A) * B * (N - B)).squareRoot()
        guard denominator > 0 else { return nil }
        return (N * C - A * B) / denominator
    }

    /// The QAP test of the correlation (Krackhardt 1987): the second wave's vertices are
    /// relabelled at random R times — rows and columns together, so each permutation keeps the
    /// wave's structure and breaks only its alignment with the first — and
    /// p = (b + 1)/(R + 1), with b the permutations whose correlation reaches the observed one.
    /// (R sna's `qaptest` reports b/R as `pgreq`; the two differ by at most 1/(R+1).) Each
    /// permutation draws from its own stream of `seed`, so the result depends on nothing else.
    /// - Complexity: O(R·m), m the second wave's ties.
    public func qapTest(permutations: Int = 1_000, seed: UInt64 = 1) -> (value: Double?, pValue: Double?, permutations: Int) {
        guard let observed = correlation, permutations > 0 else { return (correlation, nil, 0) }
        let directed = isDirected, n = vertexCount
        func key(_ u: Int32, _ v: Int32) -> UInt64 {
            let (x, y) = directed || u < v ? (u, v) : (v, u)
            return UInt64(UInt32(bitPattern: x)) << 32 | UInt64(UInt32(bitPattern: y))
        }
        var reached = 0
        var relabel = (0..<Int32(n)).map { $0 }
        for r in 0..<permutations {
            var rng = SplitMix64(seed: seed &+ UInt64(r) &* 0xA076_1D64_78BD_642F)
            for i in 0..<n { relabel[i] = Int32(i) }
            relabel.shuffle(using: &rng)
            var both = 0
            for (u, v) in afterEdges where before.contains(key(relabel[Int(u)], relabel[Int(v)])) { both += 1 }
            if let value = Self.correlation(both: both, a: tiesBefore, b: tiesAfter, cells: cells), value >= observed - 1e-12 {
                reached += 1
            }
        }
        return (observed, Double(reached + 1) / Double(permutations + 1), permutations)
    }
}

extension WaveStatistics {
    /// Did each group's E-I index change between the waves by more than relabelling would
    /// give? The null: group membership is unrelated to how ties moved. The labels of the
    /// vertices are permuted R times, the same permutation in both waves (so a group keeps its
    /// size and is the same set of actors in both), and the change after − before is compared
    /// with the observed one. Two-sided: p = (b + 1)/(R + 1), b the permutations whose change is
    /// at least as large in absolute value. Both graphs must be simple and on the same vertices.
    /// - Returns: for the network and each group, E-I before and after (nil without ties), and
    ///   the p-value of the change (nil when it is not defined).
    public static func eiChangeTest(
        before a: Graph, after b: Graph, groups: [Int], permutations: Int = 1_000, seed: UInt64 = 1
    ) -> (network: EIChange, groups: [EIChange]) {
        precondition(a.vertexCount == b.vertexCount && groups.count == a.vertexCount, "one group per vertex, the same vertices")
        let k = (groups.max() ?? -1) + 1
        struct Counts { var external: [Int]; var inside: [Int]; var e = 0; var i = 0 }
        func counts(_ g: Graph, _ labels: [Int], _ c: inout Counts) {
            for x in 0..<k { c.external[x] = 0; c.inside[x] = 0 }
            c.e = 0
            c.i = 0
            for edge in 0..<g.edgeCount {
                let x = labels[Int(g.edgeSources[edge])], y = labels[Int(g.edgeTargets[edge])]
                if x == y { c.inside[x] += 1; c.i += 1 } else { c.external[x] += 1; c.external[y] += 1; c.e += 1 }
            }
        }
        func ei(_ e: Int, _ i: Int) -> Double? { e + i > 0 ? Double(e - i) / Double(e + i) : nil }
        var before = Counts(external: Array(repeating: 0, count: k), inside: Array(repeating: 0, count: k))
        var after = before
        counts(a, groups, &before)
        counts(b, groups, &after)
        let observedNetwork = (ei(before.e, before.i), ei(after.e, after.i))
        let observedGroups = (0..<k).map { (ei(before.external[$0], before.inside[$0]), ei(after.external[$0], after.inside[$0])) }
        func change(_ pair: (Double?, Double?)) -> Double? { pair.0.flatMap { x in pair.1.map { $0 - x } } }
        var networkReached = 0
        var groupReached = [Int](repeating: 0, count: k)
        var labels = groups
        let tolerance = 1e-12
        for r in 0..<permutations {
            var rng = SplitMix64(seed: seed &+ UInt64(r) &* 0x9E37_79B9_7F4A_7C15)
            labels = groups
            labels.shuffle(using: &rng)
            counts(a, labels, &before)
            counts(b, labels, &after)
            if let observed = change(observedNetwork), let d = change((ei(before.e, before.i), ei(after.e, after.i))), abs(d) >= abs(observed) - tolerance {
                networkReached += 1
            }
            for x in 0..<k {
                if let observed = change(observedGroups[x]),
                    let d = change((ei(before.external[x], before.inside[x]), ei(after.external[x], after.inside[x]))),
                    abs(d) >= abs(observed) - tolerance
                {
                    groupReached[x] += 1
                }
            }
        }
        let denominator = Double(permutations + 1)
        func result(_ pair: (Double?, Double?), _ reached: Int) -> EIChange {
            EIChange(before: pair.0, after: pair.1, pValue: change(pair) != nil && permutations > 0 ? Double(reached + 1) / denominator : nil)
        }
        return (result(observedNetwork, networkReached), (0..<k).map { result(observedGroups[$0], groupReached[$0]) })
    }

    /// An E-I index in two waves, and the p-value of its change.
    public struct EIChange: Sendable, Hashable {
        public var before: Double?
        public var after: Double?
        public var pValue: Double?
        public var change: Double? { before.flatMap { b in after.map { $0 - b } } }
    }
}

/// Rank statistics.
public enum RankCorrelation {
    /// Spearman's rank correlation: Pearson's on mid-ranks (ties share their mean rank), as
    /// scipy's `spearmanr`. Nil with fewer than two values or when either side is constant.
    public static func spearman(_ x: [Double], _ y: [Double]) -> Double? {
        precondition(x.count == y.count, "paired values")
        guard x.count > 1 else { return nil }
        let rx = midRanks(x), ry = midRanks(y)
        let n = Double(x.count)
        let mx = rx.reduce(0, +) / n, my = ry.reduce(0, +) / n
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for i in rx.indices {
            sxy += (rx[i] - mx) * (ry[i] - my)
            sxx += (rx[i] - mx) * (rx[i] - mx)
            syy += (ry[i] - my) * (ry[i] - my)
        }
        guard sxx > 0, syy > 0 else { return nil }
        return sxy / (sxx * syy).squareRoot()
    }

    /// Ranks 1…n, ties sharing the mean of their ranks.
    public static func midRanks(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var ranks = [Double](repeating: 0, count: values.count)
        var i = 0
        while i < order.count {
            var j = i
            while j + 1 < order.count && values[order[j + 1]] == values[order[i]] { j += 1 }
            let rank = Double(i + j) / 2 + 1
            for k in i...j { ranks[order[k]] = rank }
            i = j + 1
        }
        return ranks
    }
}
