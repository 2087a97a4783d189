import CoalitionGraph

/// How a portfolio's participations become ties between actors, so that every one-mode analysis
/// (measures, silos, the willing, voices, the grid, diagrams) can read a mission whose data is
/// who takes part in what.
///
/// Two actors are tied when they take part in the same initiative. Each shared initiative adds
/// its weight — 1 (`count`) or, by default, Newman's 1/(k − 1) for an initiative of k members —
/// times the pair's role factor: the smaller of the two members' factors (lead 2, funder and
/// partner 1.5, participant 1, observer 0.5; no role is a participant). A tie is as strong as its
/// less engaged end: two leads of one pilot are tied four times as strongly as two observers of
/// it, and a sheet without roles gives exactly networkx's projection. Initiatives above
/// `maxInitiativeSize` members are left out: with plain counts a 300-member forum becomes a
/// 300-actor clique that dominates density, cores, the willing cluster and the silo measures.
///
/// This is not ``StakeholderNetwork/projected(onto:weighting:roles:)`` (what `convert --project`
/// writes, networkx's projections exactly): the graph core's projection weighs a pair by the
/// initiatives alone, while these ties need each member's role and commitment in each initiative.
public struct PortfolioTies: Sendable, Hashable {
    /// How projected ties combine with the ties the sheets give directly (the mission's
    /// `projection:` key).
    public enum Combination: String, Sendable, CaseIterable {
        /// Both: a pair tied directly and through initiatives has both ties, and the supporting
        /// network adds their strengths.
        case add
        /// The direct ties alone; the portfolio is read but gives no ties.
        case tiesOnly = "ties-only"
        /// The projected ties alone; direct ties are left out.
        case initiativesOnly = "initiatives-only"
    }

    public var combination: Combination
    public var weighting: ProjectionWeighting
    /// Initiatives with more members are left out of the projection.
    public var maxInitiativeSize: Int
    /// Only these roles' participations count; nil: all.
    public var roles: Set<ParticipationRole>?

    public static let defaultMaxInitiativeSize = 100

    public init(combination: Combination = .add, weighting: ProjectionWeighting = .newman, maxInitiativeSize: Int = defaultMaxInitiativeSize, roles: Set<ParticipationRole>? = nil) {
        self.combination = combination
        self.weighting = weighting
        self.maxInitiativeSize = maxInitiativeSize
        self.roles = roles
    }

    /// How much a member in this role brings to the ties of an initiative.
    public static func factor(_ role: ParticipationRole?) -> Double {
        switch role ?? .participant {
        case .lead: 2
        case .funder, .partner: 1.5
        case .participant: 1
        case .observer: 0.5
        }
    }

    /// The network the one-mode analyses read, and what the projection did.
    public struct Result: Sendable {
        public var network: StakeholderNetwork
        /// Initiatives left out for their size (indices into the portfolio), largest first.
        public var leftOut: [Int]
        /// Ties added from shared initiatives.
        public var projectedTies: Int
        /// Direct ties left out (`initiatives-only`).
        public var directTiesLeftOut: Int
        /// Actors whose commitment comes from their participations (the actors sheet gave none).
        public var commitmentsFromParticipations: Int
    }

    /// `network` with its participations turned into ties as these settings say; the network
    /// itself when it has no portfolio or the combination is `ties-only`. Actors, their order
    /// and the portfolio stay as they are, so the two-mode analysis still reads the result.
    public func apply(to network: StakeholderNetwork) -> Result {
        guard let portfolio = network.portfolio, combination != .tiesOnly else {
            return Result(network: network, leftOut: [], projectedTies: 0, directTiesLeftOut: 0, commitmentsFromParticipations: 0)
        }
        let n = network.actors.count, m = portfolio.initiatives.count
        let chosen = portfolio.affiliations(roles: roles)
        var members = [[(actor: Int32, factor: Double, commitment: Commitment?)]](repeating: [], count: m)
        for a in chosen { members[Int(a.initiative)].append((a.actor, Self.factor(a.role), a.commitment)) }
        let leftOut = (0..<m).filter { members[$0].count > maxInitiativeSize }
            .sorted { (members[$0].count, $1) > (members[$1].count, $0) }
        for i in leftOut { members[i] = [] }
        // Each actor's initiatives, with its place in each, for the dense accumulator below.
        var taking = [[(initiative: Int32, slot: Int32)]](repeating: [], count: n)
        for (i, these) in members.enumerated() {
            for (slot, x) in these.enumerated() { taking[Int(x.actor)].append((Int32(i), Int32(slot))) }
        }
        let share = members.map { k in k.count > 1 ? (weighting == .newman ? 1 / Double(k.count - 1) : 1) : 0 }
        var out = network
        if combination == .initiativesOnly { out.ties = [] }
        let projectedStart = out.ties.count
        var weight = [Double](repeating: 0, count: n)
        var overlap = [Int](repeating: 0, count: n)
        var best = [Int](repeating: -1, count: n)
        var touched: [Int32] = []
        // Each pair once, from its lower end, summed in a dense accumulator (no hash map of
        // pairs: a portfolio of 200,000 participations has millions of them).
        for x in 0..<n {
            for (i, slot) in taking[x] {
                let mine = members[Int(i)][Int(slot)]
                for other in members[Int(i)] where other.actor > Int32(x) {
                    let y = Int(other.actor)
                    if overlap[y] == 0 { touched.append(other.actor) }
                    let pair = min(mine.factor, other.factor)
                    weight[y] += share[Int(i)] * pair
                    overlap[y] += 1
                    if let a = mine.commitment, let b = other.commitment { best[y] = max(best[y], min(a, b).rawValue) }
                }
            }
            touched.sort()
            for y in touched.map(Int.init) {
                var strength = weight[y]
                if weighting == .jaccard {
                    let union = taking[x].count + taking[y].count - overlap[y]
                    strength = union > 0 ? strength / Double(union) : 0
                }
                var tie = Tie(source: Int32(x), target: Int32(y), relation: .sharedInitiative, strength: strength, commitment: best[y] >= 0 ? Commitment(rawValue: best[y]) : nil)
                if strength > 0 {
                    out.ties.append(tie)
                    if network.isDirected {
                        // A directed network holds an undirected tie as two arcs.
                        (tie.source, tie.target) = (tie.target, tie.source)
                        tie.isReverseArc = true
                        out.ties.append(tie)
                    }
                }
                weight[y] = 0
                overlap[y] = 0
                best[y] = -1
            }
            touched.removeAll(keepingCapacity: true)
        }
        // Commitment the actors sheet does not give comes from the participations: the highest.
        var filled = 0
        for a in chosen {
            let i = Int(a.actor)
            guard network.actors[i].commitment == nil, let c = a.commitment else { continue }
            if out.actors[i].commitment == nil { filled += 1 }
            out.actors[i].commitment = max(out.actors[i].commitment ?? c, c)
        }
        let projected = (out.ties.count - projectedStart) / (network.isDirected ? 2 : 1)
        return Result(
            network: out, leftOut: leftOut, projectedTies: projected,
            directTiesLeftOut: combination == .initiativesOnly ? network.writtenTies.count : 0, commitmentsFromParticipations: filled)
    }

    /// What the analysed ties are, for outputs and captions: "ties: shared initiatives,
    /// Newman-weighted"; nil for a network without a portfolio.
    public func basis(of network: StakeholderNetwork) -> String? {
        guard network.portfolio != nil else { return nil }
        let what = switch weighting {
        case .newman: "Newman-weighted"
        case .count: "weighted by initiatives shared"
        case .jaccard: "Jaccard-weighted"
        }
        let direct = !network.ties.isEmpty
        return switch combination {
        case .add where direct: "ties: direct ties and shared initiatives (\(what)), added"
        case .add, .initiativesOnly: "ties: shared initiatives, \(what)"
        case .tiesOnly: "ties: direct ties only (the portfolio gives none)"
        }
    }
}
