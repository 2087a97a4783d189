import CoalitionGraph

/// The parts of a willing cluster's score and their default weights.
public enum WillingScoreParts {
    public static let names = ["size", "density", "commitment", "influence", "diversity", "criteria"]
    public static let defaults: [String: Double] = [
        "size": 0.2, "density": 0.15, "commitment": 0.2, "influence": 0.15, "diversity": 0.15, "criteria": 0.15,
    ]
}

/// The community of the willing: who is committed enough to start with, how they cluster, and
/// who to recruit next — the `willing` command.
///
/// The *willing network* keeps a supporting tie when its commitment and both ends' own
/// commitment reach the threshold (values not given do not block), and leaves out actors whose
/// stance is opposed and every opposition tie.
public struct WillingAnalysis: Sendable {
    public struct Cluster: Sendable {
        public var members: [Int]
        public var size: Int
        public var density: Double
        /// Mean commitment of the members who state one (0 = none … 4 = leading).
        public var meanCommitment: Double?
        public var totalInfluence: Double
        /// Blau's (Gini–Simpson) index 1 − Σ p² over kinds and over primary sectors.
        public var kindDiversity: Double
        public var sectorDiversity: Double
        public var sectors: Int
        public var criteria: Criteria
        /// Members whose removal would split the cluster.
        public var articulationPoints: [Int]
        /// Each score part in 0…1, and the weighted score.
        public var parts: [String: Double]
        public var score: Double
    }

    /// The mission criteria a cluster meets.
    public struct Criteria: Sendable {
        public var crossSector: Bool
        public var researchAndInnovation: Bool
        public var civilSociety: Bool
        public var noSinglePointOfFailure: Bool
        public var met: Int { [crossSector, researchAndInnovation, civilSociety, noSinglePointOfFailure].count { $0 } }
    }

    public struct Recruit: Sendable {
        public var actor: Int
        /// Sum of the strengths of its supporting ties into the cluster.
        public var tieStrength: Double
        public var ties: Int
        /// The member with the strongest tie to it.
        public var introducedBy: Int
    }

    public struct Camps: Sendable {
        public var supporters: [Int]
        public var opponents: [Int]
        /// Actors in neither camp with supporting ties into both.
        public var between: [Int]
        /// Opposition ties: who opposes whom.
        public var oppositions: [(Int, Int)]
    }

    public var threshold: Commitment
    public var willingActors: [Int]
    public var willingTies: Int
    public var clusters: [Cluster]
    /// Index into `clusters` of the cluster to start with, if any.
    public var recommended: Int?
    public var reason: String
    public var nextToRecruit: [Recruit]
    public var camps: Camps
    public var weights: [String: Double]
    /// Components that community detection would split but that were kept whole, and why.
    public var notes: [String]
    /// Degree-preserving rewirings run to test the components' structure against chance, and
    /// how many components' tests stopped early (see ``split``).
    public var rewirings = 0
    public var rewiringsStoppedEarly = 0

    /// The margin by which a component's modularity must exceed its first rewiring's for the
    /// test to stop there.
    public static let earlyStopMargin = 0.1
    /// Components smaller than this run all 20 rewirings: they are cheap, and the rewirings'
    /// modularity spreads more (the measured 0.0045 is of 550 actors).
    public static let earlyStopSize = 500

    static func rounded(_ q: Double) -> String { Numbers.shortest((q * 100).rounded() / 100) }

    struct SplitStatistics {
        var rewirings = 0
        var stoppedEarly = 0
        /// The last component tested: its modularity, the highest of its rewirings', how many ran.
        var last: (found: Double, random: Double, rounds: Int)?
    }

    public init(_ network: StakeholderNetwork, threshold: Commitment, weights: [String: Double] = [:], seed: UInt64 = 1) {
        self.threshold = threshold
        var w = WillingScoreParts.defaults
        for (k, v) in weights { w[k] = v }
        self.weights = w
        let actors = network.actors
        let opposed = actors.map { $0.stance == .opposed }
        func reaches(_ c: Commitment?) -> Bool { c.map { $0 >= threshold } ?? true }
        var builder = GraphBuilder(vertexCount: actors.count, isDirected: false)
        var willingTies = 0
        // The willing network is undirected: each tie once, as the sheet has it (an undirected
        // tie of a directed network is not two).
        for t in network.writtenTies where !t.isOpposition && reaches(t.commitment) {
            let u = Int(t.source), v = Int(t.target)
            guard !opposed[u], !opposed[v], reaches(actors[u].commitment), reaches(actors[v].commitment) else { continue }
            builder.addEdge(u, v, weight: t.strength)
            willingTies += 1
        }
        let willing = builder.build().simplified()
        self.willingTies = willingTies
        willingActors = (0..<actors.count).filter { willing.outDegree(of: $0) > 0 }

        // Clusters: components, split only where the split is clearly better than chance.
        var notes: [String] = []
        var groups: [[Int]] = []
        let components = willing.weakComponents()
        // Members of every component in one pass (a pass per component was quadratic when a
        // large network has thousands of willing pairs on their own).
        // Members of every component, and its ties by members' positions, in one pass each (a
        // pass per component was quadratic when a large network has thousands of components).
        var byComponent = [[Int]](repeating: [], count: components.count)
        var position = [Int](repeating: 0, count: actors.count)
        for v in 0..<actors.count where components.sizes[Int(components.label[v])] > 1 {
            let c = Int(components.label[v])
            position[v] = byComponent[c].count
            byComponent[c].append(v)
        }
        var componentTies = [[(Int, Int, Double)]](repeating: [], count: components.count)
        for e in 0..<willing.edgeCount {
            let u = Int(willing.edgeSources[e]), v = Int(willing.edgeTargets[e])
            componentTies[Int(components.label[u])].append((position[u], position[v], willing.edgeWeights[e]))
        }
        var splits = SplitStatistics()
        for c in 0..<components.count where components.sizes[c] > 1 {
            let members = byComponent[c]
            splits.last = nil
            let parts = Self.split(members, componentTies[c], seed: seed, statistics: &splits)
            if parts.count > 1, let test = splits.last {
                let how =
                    test.rounds == 1
                    ? "modularity \(Self.rounded(test.found)) against \(Self.rounded(test.random)) for a rewiring of it; \(Numbers.shortest(Self.earlyStopMargin)) or more above, the test stops after one rewiring of 20, as from \(Self.earlyStopSize) actors up the rewirings' modularity varies by a standard deviation of 0.005 or less"
                    : "modularity \(Self.rounded(test.found)) against at most \(Self.rounded(test.random)) for 20 rewirings of it"
                notes.append(
                    "A willing component of \(Wording.count(members.count, "actor")) was split into \(Wording.count(parts.count, "cluster")): its communities are far more modular than those of random networks with the same degrees (\(how))."
                )
            }
            groups += parts
        }
        self.rewirings = splits.rewirings
        self.rewiringsStoppedEarly = splits.stoppedEarly
        let degreeAll = willing.neighbourCounts()
        var clusters = Self.describe(groups, willing, network)
        let largest = Double(clusters.map(\.size).max() ?? 1)
        let mostInfluence = max(clusters.map(\.totalInfluence).max() ?? 0, 1e-300)
        for i in clusters.indices {
            var c = clusters[i]
            c.parts = [
                "size": Double(c.size) / largest,
                "density": c.density,
                "commitment": (c.meanCommitment ?? 0) / 4,
                "influence": c.totalInfluence / mostInfluence,
                "diversity": (c.kindDiversity + c.sectorDiversity) / 2,
                "criteria": Double(c.criteria.met) / 4,
            ]
            let totalWeight = WillingScoreParts.names.reduce(0.0) { $0 + (w[$1] ?? 0) }
            c.score = totalWeight > 0 ? WillingScoreParts.names.reduce(0.0) { $0 + (w[$1] ?? 0) * (c.parts[$1] ?? 0) } / totalWeight : 0
            clusters[i] = c
        }
        // Best first; ties by size, then by first member.
        clusters.sort { $0.score != $1.score ? $0.score > $1.score : ($0.size != $1.size ? $0.size > $1.size : $0.members[0] < $1.members[0]) }
        self.clusters = clusters
        recommended = clusters.isEmpty ? nil : 0
        if let best = clusters.first {
            let core = best.members.sorted { degreeAll[$0] != degreeAll[$1] ? degreeAll[$0] > degreeAll[$1] : $0 < $1 }.prefix(3).map { actors[$0].name }
            var strengths: [String] = []
            if let m = best.meanCommitment { strengths.append("its members are on average \(Commitment(rawValue: Int(m.rounded()))?.name ?? "committed")") }
            strengths.append("it spans \(Wording.count(best.sectors, "sector"))")
            if best.criteria.researchAndInnovation { strengths.append("research and innovation are in it") }
            if best.criteria.civilSociety { strengths.append("civil society or communities are in it") }
            strengths.append(
                best.criteria.noSinglePointOfFailure
                    ? "no single actor holds it together" : "but \(best.articulationPoints.count) actor\(best.articulationPoints.count == 1 ? " holds" : "s hold") it together")
            reason = "Start with the \(best.size)-actor cluster around \(core.joined(separator: ", ")): " + strengths.joined(separator: ", ") + "."
        } else {
            reason = "No actors are committed at \(threshold.name) or above with a tie between them: there is no community of the willing yet."
        }
        // Next to recruit: outsiders with the strongest supporting ties into the recommended cluster.
        var recruits: [Recruit] = []
        if let best = clusters.first {
            let inside = Set(best.members)
            var strength: [Int: (Double, Int, Int, Double)] = [:]  // actor → (total, ties, best member, best strength)
            for t in network.writtenTies where !t.isOpposition {
                for (a, b) in [(Int(t.source), Int(t.target)), (Int(t.target), Int(t.source))] where inside.contains(a) && !inside.contains(b) && !opposed[b] {
                    var e = strength[b] ?? (0, 0, a, 0)
                    e.0 += t.strength
                    e.1 += 1
                    if t.strength > e.3 || (t.strength == e.3 && a < e.2) { e.2 = a; e.3 = t.strength }
                    strength[b] = e
                }
            }
            recruits = strength.map { Recruit(actor: $0.key, tieStrength: $0.value.0, ties: $0.value.1, introducedBy: $0.value.2) }
                .sorted { $0.tieStrength != $1.tieStrength ? $0.tieStrength > $1.tieStrength : ($0.ties != $1.ties ? $0.ties > $1.ties : $0.actor < $1.actor) }
        }
        nextToRecruit = Array(recruits.prefix(10))
        camps = Self.camps(network)
        self.notes = notes
    }

    /// Splits a component only when it has community structure clearly beyond chance: its best
    /// modularity (Leiden) must be at least 0.3 and above that of every one of 20
    /// degree-preserving random rewirings of it. The split itself uses the Constant Potts Model
    /// at twice the component's density (capped at 0.5), so a part is kept whole whenever it is
    /// denser than that with the rest — a dense, fully committed group stays one cluster rather
    /// than two halves, as modularity alone would cut it. Parts under 3 actors join the part
    /// they have most ties with, and two parts merge while the density between them is at
    /// least half the lower of their own densities.
    ///
    /// The rewiring test of a component of ``earlyStopSize`` actors or more stops after the
    /// first rewiring when the component's modularity exceeds the rewiring's by
    /// ``earlyStopMargin`` or more: the modularity of degree-preserving
    /// rewirings varies little (a standard deviation of 0.0045 on a 550-actor willing component
    /// and 0.0030 on a 1,655-actor one — BENCHMARKS.md), so 19 more rewirings could not reach
    /// it; on a national network each rewiring is a Leiden run on the whole component.
    ///
    /// - Parameter edges: the component's ties, by the positions of their ends in `members`.
    static func split(_ members: [Int], _ edges: [(Int, Int, Double)], seed: UInt64, statistics: inout SplitStatistics) -> [[Int]] {
        guard members.count >= 8 else { return [members] }
        func build(_ list: [(Int, Int, Double)]) -> Graph {
            var b = GraphBuilder(vertexCount: members.count, isDirected: false)
            for (u, v, _) in list { b.addEdge(u, v) }
            return b.build()
        }
        let sub = build(edges)
        let restarts = min(5, Communities.defaultRuns(vertexCount: members.count))
        // The test compares modularities, each found the same way: above 20,000 actors with
        // two passes of Leiden (igraph's default) rather than until stable.
        let passes: Int? = members.count > 20_000 ? 2 : nil
        let found = sub.communities(seed: seed, restarts: restarts, iterations: passes)
        guard found.count > 1, found.quality >= 0.3 else { return [members] }
        var sizes = [Int](repeating: 0, count: found.count)
        for c in found.membership { sizes[c] += 1 }
        guard sizes.allSatisfy({ $0 >= 3 }) else { return [members] }
        // Degree-preserving rewiring by double edge swaps (seeded).
        var rng = SplitMix64(seed: seed &+ 77)
        var highest = -Double.infinity
        let before = statistics.rewirings
        defer { statistics.last = (found.quality, highest, statistics.rewirings - before) }
        for round in 0..<20 {
            var list = edges.map { ($0.0, $0.1) }
            // A pair as one integer: a set of two-element arrays hashed each array, and was
            // most of the time this analysis took on 10,000 actors.
            let n = members.count
            func pair(_ x: Int, _ y: Int) -> Int { min(x, y) * n + max(x, y) }
            var present = Set(list.map { pair($0.0, $0.1) })
            for _ in 0..<10 * list.count {
                let i = Int.random(in: 0..<list.count, using: &rng), j = Int.random(in: 0..<list.count, using: &rng)
                let (a, b) = list[i], (c, d) = list[j]
                guard a != d, c != b, a != c, b != d else { continue }
                let e1 = pair(a, d), e2 = pair(c, b)
                guard !present.contains(e1), !present.contains(e2) else { continue }
                present.remove(pair(a, b)); present.remove(pair(c, d))
                present.insert(e1); present.insert(e2)
                list[i] = (a, d); list[j] = (c, b)
            }
            let random = build(list.map { ($0.0, $0.1, 1.0) }).communities(seed: seed, restarts: 1, iterations: passes)
            statistics.rewirings += 1
            highest = max(highest, random.quality)
            if random.quality >= found.quality { return [members] }
            if round == 0 && members.count >= earlyStopSize && found.quality - random.quality >= earlyStopMargin {
                statistics.stoppedEarly += 1
                break
            }
        }
        let density = 2 * Double(edges.count) / Double(members.count * (members.count - 1))
        let parts = sub.communities(objective: .cpm(resolution: min(0.5, 2 * density)), seed: seed, restarts: restarts).membership
        var merging = PartMerging(parts: parts, edges: edges)
        return merging.merged().map { $0.map { members[$0] } }
    }

    /// Every cluster's make-up, from one pass over the ties (a pass per cluster was quadratic
    /// on a national network, where the split leaves thousands).
    static func describe(_ groups: [[Int]], _ g: Graph, _ network: StakeholderNetwork) -> [Cluster] {
        var cluster = [Int](repeating: -1, count: g.vertexCount), position = cluster
        for (c, members) in groups.enumerated() {
            for (i, v) in members.enumerated() { cluster[v] = c; position[v] = i }
        }
        var ties = [Int](repeating: 0, count: groups.count)
        var builders = groups.map { GraphBuilder(vertexCount: $0.count, isDirected: false) }
        for e in 0..<g.edgeCount {
            let u = Int(g.edgeSources[e]), v = Int(g.edgeTargets[e])
            let c = cluster[u]
            guard c >= 0, c == cluster[v] else { continue }
            ties[c] += 1
            builders[c].addEdge(position[u], position[v])
        }
        return groups.indices.map { c in
            describe(groups[c], ties: ties[c], articulationPoints: builders[c].build().cutPoints().articulationPoints.map { groups[c][$0] }, network)
        }
    }

    static func describe(_ members: [Int], ties: Int, articulationPoints points: [Int], _ network: StakeholderNetwork) -> Cluster {
        let actors = network.actors
        let n = members.count
        let stated = members.compactMap { actors[$0].commitment?.rawValue }
        func blau(_ labels: [String]) -> Double {
            var count: [String: Int] = [:]
            for l in labels { count[l, default: 0] += 1 }
            let total = Double(labels.count)
            // Summed in label order: the same bits in every process (dictionary order is not).
            return total > 0 ? 1 - count.keys.sorted().reduce(0.0) { $0 + (Double(count[$1]!) / total) * (Double(count[$1]!) / total) } : 0
        }
        let kinds = members.map { actors[$0].kind?.rawValue ?? Grouping.none }
        let sectors = members.map { actors[$0].primarySector ?? Grouping.none }
        let criteria = Criteria(
            crossSector: Set(sectors.filter { $0 != Grouping.none }).count > 1,
            researchAndInnovation: members.contains { v in
                let a = actors[v]
                return a.kind == .university || a.kind == .research || a.kind == .funder
                    || a.sectors.contains { $0.lowercased().contains("research") || $0.lowercased().contains("innovation") }
            },
            civilSociety: members.contains { actors[$0].kind == .cso || actors[$0].kind == .community },
            noSinglePointOfFailure: points.isEmpty)
        return Cluster(
            members: members, size: n, density: n > 1 ? 2 * Double(ties) / Double(n * (n - 1)) : 0,
            meanCommitment: stated.isEmpty ? nil : Double(stated.reduce(0, +)) / Double(stated.count),
            totalInfluence: members.reduce(0.0) { $0 + (actors[$1].influence ?? 0) },
            kindDiversity: blau(kinds), sectorDiversity: blau(sectors),
            sectors: Set(sectors.filter { $0 != Grouping.none }).count, criteria: criteria,
            articulationPoints: points, parts: [:], score: 0)
    }

    static func camps(_ network: StakeholderNetwork) -> Camps {
        let actors = network.actors
        let supporters = actors.indices.filter { actors[$0].stance == .supportive }
        let opponents = actors.indices.filter { actors[$0].stance == .opposed }
        let isSupporter = Set(supporters), isOpponent = Set(opponents)
        var toSupporters = Set<Int>(), toOpponents = Set<Int>()
        var oppositions: [(Int, Int)] = []
        for t in network.ties {
            let u = Int(t.source), v = Int(t.target)
            if t.isOpposition {
                // An undirected opposition in a directed network is one opposition, not two.
                if !t.isReverseArc { oppositions.append((u, v)) }
                continue
            }
            for (a, b) in [(u, v), (v, u)] {
                if isSupporter.contains(b) { toSupporters.insert(a) }
                if isOpponent.contains(b) { toOpponents.insert(a) }
            }
        }
        let between = actors.indices.filter { !isSupporter.contains($0) && !isOpponent.contains($0) && toSupporters.contains($0) && toOpponents.contains($0) }
        return Camps(supporters: supporters, opponents: opponents, between: between, oppositions: oppositions)
    }
}
