import CoalitionGraph

/// What moved between two survey waves of one mission — the `compare` command.
///
/// Actors are matched by id; an actor whose id changed but whose name is the same (and shared by
/// no one else on either side) is a probable rename, matched too unless `matchNames` is off. A
/// tie is its pair of actors (ordered when directed): the supporting ties' pairs are compared for
/// kept, formed, dissolved and strength, every relation in its own table. The statistics of tie
/// change (Jaccard, Hamming, graph correlation and its QAP test, the E-I change test, rank
/// correlations) are on the actors present in both waves.
///
/// Actors are given by their index in the wave they are in: joined, continuing and renamed
/// actors by the after wave's index, left actors by the before wave's.
public struct WaveComparison: Sendable {
    /// One wave and its analyses, as a session computes them.
    public struct Wave: Sendable {
        public var network: StakeholderNetwork
        public var measures: NetworkAnalysis
        public var silos: SiloAnalysis
        public var willing: WillingAnalysis
        public var voices: VoicesAnalysis
        public init(network: StakeholderNetwork, measures: NetworkAnalysis, silos: SiloAnalysis, willing: WillingAnalysis, voices: VoicesAnalysis) {
            self.network = network
            self.measures = measures
            self.silos = silos
            self.willing = willing
            self.voices = voices
        }
    }

    public struct Options: Sendable {
        /// Match an actor whose id changed by its unchanged name.
        public var matchNames = true
        /// Permutations of the QAP and E-I change tests.
        public var permutations = 1_000
        public var seed: UInt64 = 1
        public init() {}
    }

    /// Why two waves cannot be compared.
    public enum Problem: Error, Sendable, Equatable {
        case differentDirection(beforeDirected: Bool)
        case emptyWave(isBefore: Bool)
        case noActorInCommon
    }

    /// A pair of actors, each as an index in its wave: `u`/`v` in the after wave when there, else
    /// in the before wave (`inBefore` says which wave each end is from).
    public struct Pair: Sendable, Hashable {
        public var source: Int
        public var target: Int
        public var sourceInBefore: Bool
        public var targetInBefore: Bool
        /// Summed supporting strength in each wave; nil where the pair has no tie.
        public var before: Double?
        public var after: Double?
    }

    public struct RelationChange: Sendable {
        public var relation: Relation
        public var before: Int
        public var after: Int
        public var kept: Int
        public var formed: Int
        public var dissolved: Int
    }

    public struct CommitmentChange: Sendable {
        /// In the after wave.
        public var actor: Int
        public var before: Commitment?
        public var after: Commitment?
    }

    public struct Mover: Sendable {
        /// In the after wave.
        public var actor: Int
        public var betweennessBefore: Double
        public var betweennessAfter: Double
        public var pagerankBefore: Double
        public var pagerankAfter: Double
    }

    public struct GroupChange: Sendable {
        public var group: String
        /// Each wave's E-I of the group over all its actors, with that wave's permutation p.
        public var eiBefore: Double?
        public var pBefore: Double?
        public var eiAfter: Double?
        public var pAfter: Double?
        /// The change among the actors in both waves (labelled as in the after wave), with the
        /// p-value of the relabelling test.
        public var change: WaveStatistics.EIChange?
        /// Ties between this group and each other group, before and after, by the other's name.
        public var tiesWith: [String: (before: Int, after: Int)]
    }

    public var isDirected: Bool
    public var joined: [Int]
    public var left: [Int]
    public var renamed: [(before: Int, after: Int)]
    /// Every actor in both waves (renamed ones included), by their two indices.
    public var continuing: [(before: Int, after: Int)]

    public var kept: [Pair]
    public var formed: [Pair]
    public var dissolved: [Pair]
    /// Kept pairs whose strength changed.
    public var changed: [Pair]
    public var relations: [RelationChange]
    /// Tie change among the actors in both waves.
    public var statistics: WaveStatistics
    public var correlation: (value: Double?, pValue: Double?, permutations: Int)

    public var commitmentChanges: [CommitmentChange]
    /// How many continuing actors moved from each level to each other (nil: no level given).
    public var commitmentLadder: [(from: Commitment?, to: Commitment?, actors: Int)]

    public var betweennessSpearman: Double?
    public var pagerankSpearman: Double?
    /// The continuing actors whose betweenness rose and fell most (five each).
    public var risers: [Mover]
    public var fallers: [Mover]
    /// Single points of failure that are new (after wave) or gone (before wave).
    public var cutPointsGained: [Int]
    public var cutPointsLost: [Int]

    public var groupAttribute: String
    public var groups: [GroupChange]
    public var networkEI: WaveStatistics.EIChange
    public var bridgesClosed: [(String, String)]
    public var bridgesOpened: [(String, String)]
    /// Ministry pairs that shared neither a tie nor a contact and now do (after-wave indices),
    /// and those that did and no longer do (before-wave indices).
    public var ministryPairsConnected: [(Int, Int)]
    public var ministryPairsCut: [(Int, Int)]

    public var willingScoreBefore: Double?
    public var willingScoreAfter: Double?
    public var willingSizeBefore: Int
    public var willingSizeAfter: Int
    public var willingJoined: [Int]
    public var willingLeft: [Int]

    /// Expected-voice categories (by label) missing before and heard now, and the reverse;
    /// categories underrepresented now that were not.
    public var voicesFilled: [String]
    public var voicesLost: [String]
    public var newlyUnderrepresented: [String]
    /// Before-wave indices.
    public var noLongerConsultedOnly: [Int]
    /// After-wave indices.
    public var nowConsultedOnly: [Int]

    public static let eiChangeNull =
        "The E-I change test relabels the actors present in both waves at random, the same relabelling in both, keeping each group's size; p is the share of relabellings (plus the observed one) whose change is at least as large either way."

    /// The checks that must pass before two waves are compared.
    public static func problems(before: StakeholderNetwork, after: StakeholderNetwork, matchNames: Bool = true) -> [Problem] {
        var out: [Problem] = []
        if before.isDirected != after.isDirected { out.append(.differentDirection(beforeDirected: before.isDirected)) }
        if before.actors.isEmpty { out.append(.emptyWave(isBefore: true)) }
        if after.actors.isEmpty { out.append(.emptyWave(isBefore: false)) }
        if out.isEmpty && match(before, after, names: matchNames).continuing.isEmpty { out.append(.noActorInCommon) }
        return out
    }

    /// Matches actors by id, then (optionally) the rest by a name unique on both sides.
    static func match(_ a: StakeholderNetwork, _ b: StakeholderNetwork, names: Bool) -> (continuing: [(Int, Int)], renamed: [(Int, Int)]) {
        let afterIndex = b.actorIndex()
        var continuing: [(Int, Int)] = []
        var matchedAfter = Set<Int>()
        for (i, actor) in a.actors.enumerated() {
            if let j = afterIndex[actor.id] {
                continuing.append((i, j))
                matchedAfter.insert(j)
            }
        }
        var renamed: [(Int, Int)] = []
        if names {
            let matchedBefore = Set(continuing.map(\.0))
            func uniqueNames(_ n: StakeholderNetwork, skipping: Set<Int>) -> [String: Int] {
                var seen: [String: Int] = [:]
                var shared = Set<String>()
                for (i, actor) in n.actors.enumerated() where actor.name != actor.id {
                    if seen[actor.name] != nil { shared.insert(actor.name) } else { seen[actor.name] = i }
                }
                return seen.filter { !shared.contains($0.key) && !skipping.contains($0.value) }
            }
            let beforeNames = uniqueNames(a, skipping: matchedBefore), afterNames = uniqueNames(b, skipping: matchedAfter)
            for (name, i) in beforeNames.sorted(by: { $0.value < $1.value }) {
                if let j = afterNames[name] { renamed.append((i, j)) }
            }
            continuing += renamed
        }
        continuing.sort { $0.1 < $1.1 }
        return (continuing, renamed)
    }

    public init(before: Wave, after: Wave, options: Options = .init()) {
        let a = before.network, b = after.network
        let directed = b.isDirected
        isDirected = directed
        let (continuing, renamed) = Self.match(a, b, names: options.matchNames)
        self.continuing = continuing
        self.renamed = renamed
        let beforeToAfter = Dictionary(uniqueKeysWithValues: continuing.map { ($0.0, $0.1) })
        let afterToBefore = Dictionary(uniqueKeysWithValues: continuing.map { ($0.1, $0.0) })
        joined = b.actors.indices.filter { afterToBefore[$0] == nil }
        left = a.actors.indices.filter { beforeToAfter[$0] == nil }

        // Identities: an after-wave actor is its index; a left actor comes after them.
        let nb = b.actors.count
        func identity(before i: Int) -> Int { beforeToAfter[i] ?? nb + i }
        func key(_ u: Int, _ v: Int) -> UInt64 {
            let (x, y) = directed || u < v ? (u, v) : (v, u)
            return UInt64(x) << 32 | UInt64(y)
        }
        func supporting(_ n: StakeholderNetwork, _ id: (Int) -> Int) -> [UInt64: Double] {
            var pairs: [UInt64: Double] = [:]
            for t in n.ties where !t.isOpposition {
                pairs[key(id(Int(t.source)), id(Int(t.target))), default: 0] += t.strength
            }
            return pairs
        }
        let pairsBefore = supporting(a, identity(before:)), pairsAfter = supporting(b, { $0 })
        func pair(_ k: UInt64, _ x: Double?, _ y: Double?) -> Pair {
            let u = Int(k >> 32), v = Int(k & 0xFFFF_FFFF)
            return Pair(
                source: u >= nb ? u - nb : u, target: v >= nb ? v - nb : v, sourceInBefore: u >= nb, targetInBefore: v >= nb,
                before: x, after: y)
        }
        kept = pairsBefore.keys.filter { pairsAfter[$0] != nil }.sorted().map { pair($0, pairsBefore[$0], pairsAfter[$0]) }
        formed = pairsAfter.keys.filter { pairsBefore[$0] == nil }.sorted().map { pair($0, nil, pairsAfter[$0]) }
        dissolved = pairsBefore.keys.filter { pairsAfter[$0] == nil }.sorted().map { pair($0, pairsBefore[$0], nil) }
        changed = kept.filter { abs(($0.after ?? 0) - ($0.before ?? 0)) > 1e-9 * max(1, abs($0.before ?? 0)) }

        // Every relation, opposition included, in its own table.
        func byRelation(_ n: StakeholderNetwork, _ id: (Int) -> Int) -> [Relation: Set<UInt64>] {
            var out: [Relation: Set<UInt64>] = [:]
            for t in n.ties { out[t.relation, default: []].insert(key(id(Int(t.source)), id(Int(t.target)))) }
            return out
        }
        let relBefore = byRelation(a, identity(before:)), relAfter = byRelation(b, { $0 })
        relations = Set(relBefore.keys).union(relAfter.keys).sorted().map { r in
            let x = relBefore[r] ?? [], y = relAfter[r] ?? []
            let both = x.intersection(y).count
            return RelationChange(relation: r, before: x.count, after: y.count, kept: both, formed: y.count - both, dissolved: x.count - both)
        }

        // The actors in both waves, numbered in the after wave's order.
        let position = Dictionary(uniqueKeysWithValues: continuing.enumerated().map { ($1.1, $0) })
        func graph(_ n: StakeholderNetwork, _ index: (Int) -> Int?) -> Graph {
            var builder = GraphBuilder(vertexCount: continuing.count, isDirected: directed)
            for t in n.ties where !t.isOpposition {
                if let u = index(Int(t.source)), let v = index(Int(t.target)) { builder.addEdge(u, v, weight: t.strength) }
            }
            return builder.build().simplified()
        }
        let gBefore = graph(a, { beforeToAfter[$0].flatMap { position[$0] } }), gAfter = graph(b, { position[$0] })
        statistics = WaveStatistics(before: gBefore, after: gAfter)
        correlation = statistics.qapTest(permutations: options.permutations, seed: options.seed)

        // Commitment.
        commitmentChanges = continuing.compactMap { i, j in
            let x = a.actors[i].commitment, y = b.actors[j].commitment
            return x == y ? nil : CommitmentChange(actor: j, before: x, after: y)
        }
        var ladder: [String: (Commitment?, Commitment?, Int)] = [:]
        for c in commitmentChanges {
            let k = "\(c.before?.rawValue ?? -1)>\(c.after?.rawValue ?? -1)"
            ladder[k] = (c.before, c.after, (ladder[k]?.2 ?? 0) + 1)
        }
        commitmentLadder = ladder.values.map { (from: $0.0, to: $0.1, actors: $0.2) }.sorted {
            ($0.from?.rawValue ?? -1, $0.to?.rawValue ?? -1) < ($1.from?.rawValue ?? -1, $1.to?.rawValue ?? -1)
        }

        // Centrality of the actors in both waves.
        let mb = before.measures.actors, ma = after.measures.actors
        betweennessSpearman = RankCorrelation.spearman(continuing.map { mb[$0.0].betweenness }, continuing.map { ma[$0.1].betweenness })
        pagerankSpearman = RankCorrelation.spearman(continuing.map { mb[$0.0].pagerank }, continuing.map { ma[$0.1].pagerank })
        let movers = continuing.map { i, j in
            Mover(
                actor: j, betweennessBefore: mb[i].betweenness, betweennessAfter: ma[j].betweenness, pagerankBefore: mb[i].pagerank,
                pagerankAfter: ma[j].pagerank)
        }
        func rise(_ m: Mover) -> Double { m.betweennessAfter - m.betweennessBefore }
        risers = Array(movers.filter { rise($0) > 1e-12 }.sorted { rise($0) != rise($1) ? rise($0) > rise($1) : $0.actor < $1.actor }.prefix(5))
        fallers = Array(movers.filter { rise($0) < -1e-12 }.sorted { rise($0) != rise($1) ? rise($0) < rise($1) : $0.actor < $1.actor }.prefix(5))
        let cutBefore = Set(before.measures.network.articulationPoints), cutAfter = Set(after.measures.network.articulationPoints)
        cutPointsGained = cutAfter.filter { afterToBefore[$0].map { !cutBefore.contains($0) } ?? true }.sorted()
        cutPointsLost = cutBefore.filter { beforeToAfter[$0].map { !cutAfter.contains($0) } ?? true }.sorted()

        // Silos: each wave's E-I, and the change among the actors in both, labelled as after.
        let sb = before.silos, sa = after.silos
        groupAttribute = sa.grouping.attribute
        let labels = continuing.map { sa.grouping.labels[$0.1] }
        let names = Array(Set(labels)).sorted()
        let labelIndex = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        let test = WaveStatistics.eiChangeTest(
            before: gBefore, after: gAfter, groups: labels.map { labelIndex[$0]! }, permutations: options.permutations, seed: options.seed)
        networkEI = test.network
        func mixing(_ s: SiloAnalysis) -> [String: [String: Int]] {
            var out: [String: [String: Int]] = [:]
            for (x, gx) in s.grouping.groups.enumerated() {
                for (y, gy) in s.grouping.groups.enumerated() where x != y { out[gx, default: [:]][gy] = Int(s.mixingTies[x][y].rounded()) }
            }
            return out
        }
        let mixBefore = mixing(sb), mixAfter = mixing(sa)
        let allGroups = Array(Set(sb.groups.map(\.group)).union(sa.groups.map(\.group))).sorted()
        groups = allGroups.map { g in
            let x = sb.groups.first { $0.group == g }, y = sa.groups.first { $0.group == g }
            var with: [String: (Int, Int)] = [:]
            for other in allGroups where other != g {
                let t = (mixBefore[g]?[other] ?? 0, mixAfter[g]?[other] ?? 0)
                if t.0 > 0 || t.1 > 0 { with[other] = t }
            }
            return GroupChange(
                group: g, eiBefore: x?.eiIndex, pBefore: x?.eiPValue, eiAfter: y?.eiIndex, pAfter: y?.eiPValue,
                change: labelIndex[g].map { test.groups[$0] }, tiesWith: with)
        }
        func bridges(_ s: SiloAnalysis) -> Set<[String]> {
            Set(s.missingBridges.map { [s.grouping.groups[$0.groups.0], s.grouping.groups[$0.groups.1]].sorted() })
        }
        let bb = bridges(sb), ba = bridges(sa)
        bridgesClosed = bb.subtracting(ba).sorted { $0.lexicographicallyPrecedes($1) }.map { ($0[0], $0[1]) }
        bridgesOpened = ba.subtracting(bb).sorted { $0.lexicographicallyPrecedes($1) }.map { ($0[0], $0[1]) }
        let unconnectedBefore = Set(sb.government.unconnectedMinistryPairs.map { [identity(before: $0.0), identity(before: $0.1)].sorted() })
        let unconnectedAfter = Set(sa.government.unconnectedMinistryPairs.map { [$0.0, $0.1].sorted() })
        let ministriesAfter = Set(sa.government.ministryPairs.flatMap { [$0.ministries.0, $0.ministries.1] })
        let ministriesBefore = Set(sb.government.ministryPairs.flatMap { [identity(before: $0.ministries.0), identity(before: $0.ministries.1)] })
        ministryPairsConnected = unconnectedBefore.subtracting(unconnectedAfter)
            .filter { $0.allSatisfy { ministriesAfter.contains($0) } }.map { ($0[0], $0[1]) }.sorted { ($0.0, $0.1) < ($1.0, $1.1) }
        ministryPairsCut = unconnectedAfter.subtracting(unconnectedBefore)
            .filter { $0.allSatisfy { ministriesBefore.contains($0) } }
            .map { (afterToBefore[$0[0]]!, afterToBefore[$0[1]]!) }.sorted { ($0.0, $0.1) < ($1.0, $1.1) }

        // The community of the willing.
        let wb = before.willing, wa = after.willing
        let coreBefore = wb.recommended.map { wb.clusters[$0] }, coreAfter = wa.recommended.map { wa.clusters[$0] }
        willingScoreBefore = coreBefore?.score
        willingScoreAfter = coreAfter?.score
        willingSizeBefore = coreBefore?.size ?? 0
        willingSizeAfter = coreAfter?.size ?? 0
        let membersBefore = Set((coreBefore?.members ?? []).map { identity(before: $0) }), membersAfter = Set(coreAfter?.members ?? [])
        willingJoined = membersAfter.subtracting(membersBefore).sorted()
        willingLeft = membersBefore.subtracting(membersAfter).map { $0 >= nb ? $0 - nb : afterToBefore[$0]! }.sorted()

        // Voices.
        let vb = Dictionary(before.voices.categories.map { ($0.label, $0.status) }, uniquingKeysWith: { x, _ in x })
        let heard: Set<VoicesAnalysis.Status> = [.present, .underrepresented, .tooFewToJudge]
        voicesFilled = after.voices.categories.filter { vb[$0.label] == .missing && heard.contains($0.status) }.map(\.label)
        voicesLost = after.voices.categories.filter { $0.status == .missing && vb[$0.label].map { heard.contains($0) } == true }.map(\.label)
        newlyUnderrepresented = after.voices.categories.filter { $0.status == .underrepresented && vb[$0.label].map { $0 != .underrepresented } ?? true }
            .map(\.label)
        let consultedBefore = Set(before.voices.consultedOnly), consultedAfter = Set(after.voices.consultedOnly)
        noLongerConsultedOnly = consultedBefore.filter { beforeToAfter[$0].map { !consultedAfter.contains($0) } == true }.sorted()
        nowConsultedOnly = consultedAfter.filter { afterToBefore[$0].map { !consultedBefore.contains($0) } ?? true }.sorted()
    }
}
