import CoalitionGraph

/// A project, pilot, programme, working group or workshop of the mission: something actors
/// take part in (the IIPP "mission portfolio", a funding programme's project list).
public struct Initiative: Hashable, Sendable {
    /// Unique among initiatives, and never an actor's id.
    public var id: String
    public var name: String
    /// What sort of initiative it is (pilot, programme, working group, …), lower-cased as
    /// written: an open vocabulary.
    public var kind: String?
    /// Sectors the initiative itself says it serves (the sheet's `sector` column); the sectors
    /// its members come from are measured, not declared.
    public var sectors: [String]
    public var budget: Double?
    /// Proposed, running, closed, … as written.
    public var status: String?
    public var validity: ValidSpan?
    public var attributes: [String: AttributeValue]

    public init(
        id: String, name: String? = nil, kind: String? = nil, sectors: [String] = [], budget: Double? = nil,
        status: String? = nil, attributes: [String: AttributeValue] = [:]
    ) {
        self.id = id
        self.name = name ?? id
        self.kind = kind
        self.sectors = sectors
        self.budget = budget
        self.status = status
        self.attributes = attributes
    }
}

/// The part an actor plays in an initiative, ordered from the least to the most responsible.
public enum ParticipationRole: Int, CaseIterable, Comparable, Hashable, Sendable, CustomStringConvertible {
    case observer = 0, participant, partner, funder, lead

    public var name: String {
        switch self {
        case .observer: "observer"
        case .participant: "participant"
        case .partner: "partner"
        case .funder: "funder"
        case .lead: "lead"
        }
    }
    public var description: String { name }
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }

    /// A role name, or a word funding programmes use for it (coordinator, member, sponsor, …).
    public init?(parsing text: String) {
        switch normalizedToken(text) {
        case "lead", "leader", "coordinator", "chair", "owner", "lead-partner", "principal": self = .lead
        case "funder", "sponsor", "financier", "co-funder": self = .funder
        case "partner", "co-lead", "consortium-partner", "beneficiary": self = .partner
        case "participant", "member", "contributor", "attendee": self = .participant
        case "observer", "associate", "advisor", "adviser", "associated-partner": self = .observer
        default: return nil
        }
    }
}

/// One actor taking part in one initiative: a row of the affiliations sheet.
public struct Affiliation: Hashable, Sendable {
    /// Index in ``StakeholderNetwork/actors``.
    public var actor: Int32
    /// Index in ``Portfolio/initiatives``.
    public var initiative: Int32
    public var role: ParticipationRole?
    public var commitment: Commitment?
    /// What the actor puts in (money, as the sheet writes it).
    public var budget: Double?
    public var validity: ValidSpan?
    public var attributes: [String: AttributeValue]?

    public init(actor: Int32, initiative: Int32, role: ParticipationRole? = nil, commitment: Commitment? = nil, budget: Double? = nil) {
        self.actor = actor
        self.initiative = initiative
        self.role = role
        self.commitment = commitment
        self.budget = budget
    }
}

/// The mission's portfolio: its initiatives and who takes part in which — a two-mode
/// (affiliation) network whose first mode is the network's actors.
public struct Portfolio: Sendable {
    public var initiatives: [Initiative]
    /// In the order the sheet gives them; each (actor, initiative) pair once.
    public var affiliations: [Affiliation]
    /// User-defined columns of the initiatives and affiliations sheets, in the order first seen.
    public var initiativeColumns: [AttributeColumn]
    public var affiliationColumns: [AttributeColumn]

    public init(
        initiatives: [Initiative], affiliations: [Affiliation],
        initiativeColumns: [AttributeColumn] = [], affiliationColumns: [AttributeColumn] = []
    ) {
        self.initiatives = initiatives
        self.affiliations = affiliations
        self.initiativeColumns = initiativeColumns
        self.affiliationColumns = affiliationColumns
    }

    /// The affiliations of the given roles; all when `roles` is nil. A participation whose role
    /// is not given counts as a participant's.
    public func affiliations(roles: Set<ParticipationRole>?) -> [Affiliation] {
        guard let roles else { return affiliations }
        return affiliations.filter { roles.contains($0.role ?? .participant) }
    }

    /// The two-mode graph: vertices 0..<actorCount are the actors, then one vertex per
    /// initiative (vertex actorCount + i is initiative i); one undirected edge per affiliation.
    public func graph(actorCount: Int, roles: Set<ParticipationRole>? = nil) -> Graph {
        let chosen = affiliations(roles: roles)
        var builder = GraphBuilder(vertexCount: actorCount + initiatives.count, isDirected: false, expectedEdgeCount: chosen.count)
        for a in chosen { builder.addEdge(Int(a.actor), actorCount + Int(a.initiative)) }
        return builder.build()
    }

    /// Members of each initiative, by actor index, in sheet order.
    public func members(roles: Set<ParticipationRole>? = nil) -> [[Int32]] {
        var out = [[Int32]](repeating: [], count: initiatives.count)
        for a in affiliations(roles: roles) { out[Int(a.initiative)].append(a.actor) }
        return out
    }

    /// The portfolio restricted to the actors kept (old index → new, -1 when dropped) and to
    /// the initiatives and participations that hold on `day` (all of them without a day).
    func keeping(actors index: [Int32], on day: Day?) -> Portfolio {
        var initiativeIndex = [Int32](repeating: -1, count: initiatives.count)
        var kept: [Initiative] = []
        for (i, x) in initiatives.enumerated() where day.map { x.validity?.holds(on: $0) ?? true } ?? true {
            initiativeIndex[i] = Int32(kept.count)
            kept.append(x)
        }
        var affiliations: [Affiliation] = []
        for a in self.affiliations where day.map { a.validity?.holds(on: $0) ?? true } ?? true {
            let u = index[Int(a.actor)], v = initiativeIndex[Int(a.initiative)]
            guard u >= 0, v >= 0 else { continue }
            var copy = a
            copy.actor = u
            copy.initiative = v
            affiliations.append(copy)
        }
        return Portfolio(initiatives: kept, affiliations: affiliations, initiativeColumns: initiativeColumns, affiliationColumns: affiliationColumns)
    }

    public var isDated: Bool { initiatives.contains { $0.validity != nil } || affiliations.contains { $0.validity != nil } }
}

/// Which mode a projection keeps.
public enum ProjectionMode: String, Sendable, CaseIterable {
    /// Actors tied when they take part in the same initiative.
    case actors
    /// Initiatives tied when they share members.
    case initiatives
}

extension Relation {
    /// The relation of a projected tie: the two share an initiative (or, between initiatives,
    /// a member).
    public static let sharedInitiative = Relation(rawValue: "shared-initiative")
    public static let sharedMember = Relation(rawValue: "shared-member")
}

extension StakeholderNetwork {
    /// The one-mode network of the portfolio: the actors, tied where they take part in the same
    /// initiative; or the initiatives (as actors of the result, with their kind, sectors,
    /// budget and status), tied where they share members. Each tie's strength is its weight
    /// (`weighting`), and its `shared` attribute counts what the pair shares. Only the
    /// participations of `roles` count (all when nil). Direct ties between actors are not part
    /// of it. Nil when the network has no portfolio.
    public func projected(onto mode: ProjectionMode, weighting: ProjectionWeighting = .count, roles: Set<ParticipationRole>? = nil) -> StakeholderNetwork? {
        guard let portfolio else { return nil }
        let n = actors.count, m = portfolio.initiatives.count
        let g = portfolio.graph(actorCount: n, roles: roles)
        let kept = mode == .actors ? Array(0..<n) : Array(n..<(n + m))
        let weights = g.projection(onto: kept, weighting: weighting)
        let counts = weighting == .count ? weights : g.projection(onto: kept, weighting: .count)
        let relation: Relation = mode == .actors ? .sharedInitiative : .sharedMember
        var ties: [Tie] = []
        ties.reserveCapacity(weights.edgeCount)
        for e in 0..<weights.edgeCount {
            var t = Tie(source: weights.edgeSources[e], target: weights.edgeTargets[e], relation: relation, strength: weights.edgeWeights[e])
            t.attributes = ["shared": .number(counts.edgeWeights[e])]
            ties.append(t)
        }
        let tieColumns = [AttributeColumn(name: "shared", type: .number)]
        switch mode {
        case .actors:
            return StakeholderNetwork(actors: actors, ties: ties, isDirected: false, actorColumns: actorColumns, tieColumns: tieColumns)
        case .initiatives:
            var columns: [AttributeColumn] = []
            if portfolio.initiatives.contains(where: { $0.budget != nil }) { columns.append(AttributeColumn(name: "budget", type: .number)) }
            if portfolio.initiatives.contains(where: { $0.status != nil }) { columns.append(AttributeColumn(name: "status", type: .text)) }
            let taken = Set(columns.map(\.name))
            columns += portfolio.initiativeColumns.filter { !taken.contains($0.name) }
            let nodes = portfolio.initiatives.map { x in
                var a = Actor(id: x.id, name: x.name, kind: x.kind.map { ActorKind(rawValue: $0) }, sectors: x.sectors, attributes: x.attributes)
                if let b = x.budget { a.attributes["budget"] = .number(b) }
                if let s = x.status { a.attributes["status"] = .text(s) }
                a.validity = x.validity
                return a
            }
            return StakeholderNetwork(actors: nodes, ties: ties, isDirected: false, actorColumns: columns, tieColumns: tieColumns)
        }
    }
}
