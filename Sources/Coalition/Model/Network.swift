import CoalitionGraph

/// An organisation or group with a stake in the mission.
public struct Actor: Hashable, Sendable {
    /// Unique within a network.
    public var id: String
    public var name: String
    public var kind: ActorKind?
    /// Sectors, the first being the actor's primary sector (used wherever one group per actor
    /// is needed).
    public var sectors: [String]
    public var level: Level?
    /// Declared influence and interest, 0–5 (Net-Map / power–interest ratings).
    public var influence: Double?
    public var interest: Double?
    public var stance: Stance?
    /// Tags of whom the actor speaks for (youth, patients, rural, …).
    public var voices: [String]
    public var commitment: Commitment?
    /// When the actor was part of the coalition (`valid_from`, `valid_until`); nil: always.
    public var validity: ValidSpan?
    /// Every other column of the sheet, typed per column (see ``StakeholderNetwork/actorColumns``).
    public var attributes: [String: AttributeValue]

    public init(
        id: String, name: String? = nil, kind: ActorKind? = nil, sectors: [String] = [],
        level: Level? = nil, influence: Double? = nil, interest: Double? = nil,
        stance: Stance? = nil, voices: [String] = [], commitment: Commitment? = nil,
        attributes: [String: AttributeValue] = [:]
    ) {
        self.id = id
        self.name = name ?? id
        self.kind = kind
        self.sectors = sectors
        self.level = level
        self.influence = influence
        self.interest = interest
        self.stance = stance
        self.voices = voices
        self.commitment = commitment
        self.attributes = attributes
    }

    public var primarySector: String? { sectors.first }
}

/// A tie between two actors, by their index in ``StakeholderNetwork/actors``.
public struct Tie: Hashable, Sendable {
    public var source: Int32
    public var target: Int32
    public var relation: Relation
    /// Tie strength (weight), > 0.
    public var strength: Double
    public var commitment: Commitment?
    public var isDirected: Bool
    /// In a directed network an undirected tie of the sheet is held as two arcs, the second
    /// right after the first: this marks the second, so that counts see the tie once.
    public var isReverseArc: Bool = false
    /// When the tie held (`valid_from`, `valid_until`); nil: always.
    public var validity: ValidSpan?
    /// Other columns of the ties sheet, typed per column; nil when there are none.
    public var attributes: [String: AttributeValue]?

    public init(
        source: Int32, target: Int32, relation: Relation = .unspecified, strength: Double = 1,
        commitment: Commitment? = nil, isDirected: Bool = false,
        attributes: [String: AttributeValue]? = nil
    ) {
        self.source = source
        self.target = target
        self.relation = relation
        self.strength = strength
        self.commitment = commitment
        self.isDirected = isDirected
        self.attributes = attributes
    }

    /// Opposition ties are negative ties.
    public var isOpposition: Bool { relation.isOpposition }
}

/// A user-defined column and the type inferred for it.
public struct AttributeColumn: Hashable, Sendable {
    public var name: String
    public var type: AttributeType
    public init(name: String, type: AttributeType) {
        self.name = name
        self.type = type
    }
}

/// The stakeholder network: actors, the ties between them, and what the columns held.
public struct StakeholderNetwork: Sendable {
    public var actors: [Actor]
    public var ties: [Tie]
    public var isDirected: Bool
    /// User-defined actor columns in the order they were first seen.
    public var actorColumns: [AttributeColumn]
    /// User-defined tie columns in the order they were first seen.
    public var tieColumns: [AttributeColumn]
    /// Who takes part in which initiative, when the input holds participations.
    public var portfolio: Portfolio?

    public init(
        actors: [Actor], ties: [Tie], isDirected: Bool,
        actorColumns: [AttributeColumn] = [], tieColumns: [AttributeColumn] = [], portfolio: Portfolio? = nil
    ) {
        self.actors = actors
        self.ties = ties
        self.isDirected = isDirected
        self.actorColumns = actorColumns
        self.tieColumns = tieColumns
        self.portfolio = portfolio
    }

    /// The ties as the sheets have them: an undirected tie held as two arcs counts once.
    public var writtenTies: LazyFilterSequence<[Tie]> { ties.lazy.filter { !$0.isReverseArc } }

    /// Each tie once, with the direction the sheet gave it: in a directed network an undirected
    /// tie (held as two arcs) is one tie with `isDirected` false. For drawings and lists a
    /// reader checks against the sheet.
    public var tiesAsWritten: [Tie] {
        guard isDirected else { return ties }
        var out: [Tie] = []
        out.reserveCapacity(ties.count)
        for (i, t) in ties.enumerated() where !t.isReverseArc {
            var tie = t
            if i + 1 < ties.count, ties[i + 1].isReverseArc, ties[i + 1].source == t.target, ties[i + 1].target == t.source { tie.isDirected = false }
            out.append(tie)
        }
        return out
    }

    /// How many ties the sheets give with a direction and without one (in a directed network
    /// each undirected tie is held as two arcs, counted here once).
    public var tieCounts: (directed: Int, undirected: Int) {
        guard isDirected else { return (0, ties.count) }
        let reverse = ties.count { $0.isReverseArc }
        return (max(0, ties.count - 2 * reverse), reverse)
    }

    /// Id → index, built on demand (O(n)).
    public func actorIndex() -> [String: Int] {
        var index: [String: Int] = [:]
        index.reserveCapacity(actors.count)
        for (i, a) in actors.enumerated() { index[a.id] = i }
        return index
    }

    /// The network as a CSR graph: one vertex per actor (same order), one edge per tie (same
    /// order), weight = strength, opposition ties negative.
    public func graph() -> Graph {
        var builder = GraphBuilder(vertexCount: actors.count, isDirected: isDirected, expectedEdgeCount: ties.count)
        for t in ties {
            builder.addEdge(Int(t.source), Int(t.target), weight: t.strength, sign: t.isOpposition ? .negative : .positive)
        }
        return builder.build()
    }
}
