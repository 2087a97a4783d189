import Dispatch

/// Measures of a partition of the vertices into groups (sectors, ministries, kinds): how ties
/// fall within and between groups.
///
/// Conventions: a tie is an edge of the (simple, supporting) graph; a directed graph counts
/// arcs, so a reciprocated pair counts twice. Weighted variants sum weights instead of counting.
public struct GroupMeasures: Sendable {
    public let groupCount: Int
    public let sizes: [Int]
    /// ties[a][b]: ties from group a to group b. Undirected: symmetric, each tie once in
    /// [a][b] and once in [b][a] when a ≠ b, once on the diagonal when a = b.
    public let ties: [[Double]]
    /// Newman's (2003) e_ab: the fraction of tie ends from a to b (each undirected tie
    /// counted both ways, as networkx's normalised `attribute_mixing_matrix`); sums to 1.
    public let mixing: [[Double]]
    /// Block densities: ties within a group over n_a(n_a−1)/2 (directed n_a(n_a−1)), between
    /// groups over n_a·n_b; nil where no pair is possible.
    public let density: [[Double?]]
    /// Krackhardt & Stern's (1988) E-I index (E − I)/(E + I): E ties between groups, I within.
    public let ei: Double?
    /// Per group: E = ties with exactly one end in the group, I = ties with both ends in it
    /// (each once).
    public let groupExternal: [Double]
    public let groupInternal: [Double]
    public let groupEI: [Double?]
    /// Per vertex: ties to other groups and to its own.
    public let actorEI: [Double?]
    /// E-I rescaled to the range that the group sizes and the number of ties allow (−1: as
    /// inward as possible, +1: as outward as possible), in the manner of UCINET's rescaled E-I.
    public let eiRescaled: Double?
    public let groupEIRescaled: [Double?]
    /// Newman's (2003) attribute assortativity r = (Σ e_aa − Σ a_a b_a)/(1 − Σ a_a b_a).
    public let assortativity: Double?

    public init(_ g: Graph, groups: [Int], weighted: Bool = false) {
        precondition(groups.count == g.vertexCount, "one group per vertex")
        let k = (groups.max() ?? -1) + 1
        groupCount = k
        var sizes = [Int](repeating: 0, count: k)
        for x in groups { sizes[x] += 1 }
        self.sizes = sizes
        var t = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)
        var actorE = [Double](repeating: 0, count: g.vertexCount), actorI = actorE
        var total = 0.0
        for e in 0..<g.edgeCount {
            let u = Int(g.edgeSources[e]), v = Int(g.edgeTargets[e])
            let w = weighted ? g.edgeWeights[e] : 1
            let a = groups[u], b = groups[v]
            total += w
            t[a][b] += w
            if !g.isDirected && a != b { t[b][a] += w }
            if a == b { actorI[u] += w; actorI[v] += w } else { actorE[u] += w; actorE[v] += w }
        }
        ties = t
        var e = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)
        if total > 0 {
            for a in 0..<k {
                for b in 0..<k {
                    e[a][b] = g.isDirected ? t[a][b] / total : (a == b ? 2 * t[a][b] : t[a][b]) / (2 * total)
                }
            }
        }
        mixing = e
        density = (0..<k).map { a in
            (0..<k).map { b -> Double? in
                let possible =
                    a == b
                    ? Double(sizes[a] * (sizes[a] - 1)) / (g.isDirected ? 1 : 2)
                    : Double(sizes[a] * sizes[b])
                let observed = g.isDirected || a == b ? t[a][b] : t[a][b]
                return possible > 0 ? observed / possible : nil
            }
        }
        func ei(_ external: Double, _ inside: Double) -> Double? {
            external + inside > 0 ? (external - inside) / (external + inside) : nil
        }
        var insideTotal = 0.0
        for a in 0..<k { insideTotal += t[a][a] }
        let externalTotal = total - insideTotal
        self.ei = ei(externalTotal, insideTotal)
        var gE = [Double](repeating: 0, count: k), gI = gE
        for a in 0..<k {
            gI[a] = t[a][a]
            for b in 0..<k where b != a { gE[a] += g.isDirected ? t[a][b] + t[b][a] : t[a][b] }
        }
        groupExternal = gE
        groupInternal = gI
        let groupEI = (0..<k).map { ei(gE[$0], gI[$0]) }
        self.groupEI = groupEI
        actorEI = (0..<g.vertexCount).map { ei(actorE[$0], actorI[$0]) }

        // Rescaling: with T ties among P_I possible inside and P_E possible external pairs,
        // E-I ranges from (T − 2·min(T, P_I))/T to (2·min(T, P_E) − T)/T.
        let directedFactor = g.isDirected ? 2.0 : 1.0
        func rescaled(_ value: Double?, ties: Double, possibleInternal: Double, possibleExternal: Double) -> Double? {
            guard let value, ties > 0, !weighted else { return nil }
            let low = (ties - 2 * min(ties, possibleInternal)) / ties
            let high = (2 * min(ties, possibleExternal) - ties) / ties
            guard high > low else { return nil }
            return 2 * (value - low) / (high - low) - 1
        }
        let n = Double(g.vertexCount)
        let pairs = n * (n - 1) / 2 * directedFactor
        let possibleInternal = sizes.reduce(0.0) { $0 + Double($1) * Double($1 - 1) / 2 } * directedFactor
        eiRescaled = rescaled(self.ei, ties: total, possibleInternal: possibleInternal, possibleExternal: pairs - possibleInternal)
        groupEIRescaled = (0..<k).map { a in
            let na = Double(sizes[a])
            return rescaled(
                groupEI[a], ties: gE[a] + gI[a], possibleInternal: na * (na - 1) / 2 * directedFactor,
                possibleExternal: na * (n - na) * directedFactor)
        }
        var trace = 0.0, products = 0.0
        for a in 0..<k {
            trace += e[a][a]
            let row = e[a].reduce(0, +)
            let column = (0..<k).reduce(0.0) { $0 + e[$1][a] }
            products += row * column
        }
        assortativity = total > 0 && products < 1 ? (trace - products) / (1 - products) : nil
    }
}

extension Graph {
    /// Modularity of a partition (Newman 2006; for directed graphs Leicht & Newman 2008),
    /// as networkx's `modularity`: undirected Q = Σ_c [L_c/m − γ(K_c/2m)²], directed
    /// Q = Σ_c [L_c/m − γ K_c^out K_c^in/m²], with L_c the ties inside c and K_c its degrees
    /// (strengths when weighted).
    public func modularity(of communities: [Int], resolution: Double = 1, weighted: Bool = false) -> Double {
        let k = (communities.max() ?? -1) + 1
        var inside = [Double](repeating: 0, count: k)
        var outDegree = inside, inDegree = inside
        var m = 0.0
        for e in 0..<edgeCount {
            let u = Int(edgeSources[e]), v = Int(edgeTargets[e])
            let w = weighted ? edgeWeights[e] : 1
            m += w
            if communities[u] == communities[v] { inside[communities[u]] += w }
            outDegree[communities[u]] += w
            inDegree[communities[v]] += w
        }
        guard m > 0 else { return 0 }
        var q = 0.0
        for c in 0..<k {
            if isDirected {
                q += inside[c] / m - resolution * outDegree[c] * inDegree[c] / (m * m)
            } else {
                let degree = outDegree[c] + inDegree[c]
                q += inside[c] / m - resolution * (degree / (2 * m)) * (degree / (2 * m))
            }
        }
        return q
    }

    /// A one-sided permutation test of the E-I index: are ties more inside the groups than
    /// chance would put them? Group labels are shuffled R times with group sizes fixed; for
    /// the network and each group, p = (b + 1)/(R + 1), b = permutations whose E-I is as low as
    /// or lower than the observed one. Each permutation draws from its own seeded stream, so
    /// results do not depend on anything but `seed`.
    /// - Complexity: O(R·m).
    public func eiPermutationTest(groups: [Int], permutations: Int = 5000, seed: UInt64 = 1, threads: Int = Graph.defaultThreadCount) -> (network: Double, groups: [Double]) {
        let k = (groups.max() ?? -1) + 1
        let observed = GroupMeasures(self, groups: groups)
        @Sendable func ei(_ e: Int, _ i: Int) -> Double { e + i > 0 ? Double(e - i) / Double(e + i) : 0 }
        let networkObserved = observed.ei ?? 0
        let groupObserved = (0..<k).map { observed.groupEI[$0] ?? 0 }
        let tolerance = 1e-12
        // Permutation r is shuffled by a generator seeded from r alone, so the permutations are
        // shared out among threads in blocks and the counts (sums) are the same on any number.
        let graph = self
        @Sendable func count(_ range: Range<Int>) -> (network: Int, groups: [Int]) {
            var networkCount = 0
            var groupCount = [Int](repeating: 0, count: k)
            // 32-bit labels halve the memory the tie loop reads; the shuffle depends only on
            // the count and the generator, so it is the same permutation as of the groups.
            let original = groups.map { Int32($0) }
            var labels = original
            var external = [Int](repeating: 0, count: k), inside = external
            for r in range {
                var rng = SplitMix64(seed: seed &+ UInt64(r) &* 0x9E37_79B9_7F4A_7C15)
                labels = original
                labels.shuffle(using: &rng)
                for i in 0..<k { external[i] = 0; inside[i] = 0 }
                var e = 0, ii = 0
                labels.withUnsafeBufferPointer { labels in
                    graph.edgeSources.withUnsafeBufferPointer { sources in
                        graph.edgeTargets.withUnsafeBufferPointer { targets in
                            external.withUnsafeMutableBufferPointer { external in
                                inside.withUnsafeMutableBufferPointer { inside in
                                    for edge in 0..<sources.count {
                                        let a = Int(labels[Int(sources[edge])]), b = Int(labels[Int(targets[edge])])
                                        if a == b { inside[a] += 1; ii += 1 } else { external[a] += 1; external[b] += 1; e += 1 }
                                    }
                                }
                            }
                        }
                    }
                }
                if ei(e, ii) <= networkObserved + tolerance { networkCount += 1 }
                for a in 0..<k where ei(external[a], inside[a]) <= groupObserved[a] + tolerance { groupCount[a] += 1 }
            }
            return (networkCount, groupCount)
        }
        let blocks = max(1, min(threads, permutations / 50))
        var networkCount = 0
        var groupCount = [Int](repeating: 0, count: k)
        if blocks == 1 {
            (networkCount, groupCount) = count(0..<permutations)
        } else {
            let results = ResultSlots<(network: Int, groups: [Int])>(count: blocks)
            DispatchQueue.concurrentPerform(iterations: blocks) { b in
                results.store(count(b * permutations / blocks..<(b + 1) * permutations / blocks), at: b)
            }
            for part in results.values {
                networkCount += part.network
                for a in 0..<k { groupCount[a] += part.groups[a] }
            }
        }
        let denominator = Double(permutations + 1)
        return (Double(networkCount + 1) / denominator, groupCount.map { Double($0 + 1) / denominator })
    }
}

/// The statistics the group measures test with.
public enum Statistics {
    /// Benjamini–Hochberg (1995) adjusted p-values (false discovery rate), in the input's order.
    public static func benjaminiHochberg(_ p: [Double]) -> [Double] {
        let m = p.count
        guard m > 0 else { return [] }
        let order = p.indices.sorted { p[$0] != p[$1] ? p[$0] < p[$1] : $0 < $1 }
        var adjusted = [Double](repeating: 1, count: m)
        var running = 1.0
        for rank in stride(from: m, through: 1, by: -1) {
            let i = order[rank - 1]
            running = min(running, p[i] * Double(m) / Double(rank))
            adjusted[i] = min(1, running)
        }
        return adjusted
    }

    /// P(X ≤ k) for X ~ Poisson(λ), summed term by term (k is small where it is used).
    public static func poissonLowerTail(_ k: Int, mean lambda: Double) -> Double {
        guard k >= 0 else { return 0 }
        var term = Foundationless.exp(-lambda)
        var sum = term
        if k == 0 { return sum }
        for i in 1...k {
            term *= lambda / Double(i)
            sum += term
        }
        return min(1, sum)
    }
}
