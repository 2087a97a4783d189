import CoalitionGraph

/// Counts that describe a network at a glance: what `coalition summary` prints.
public struct NetworkSummary: Sendable {
    public struct Category: Sendable, Hashable {
        /// The category's value; "(none)" for actors without one.
        public var value: String
        public var actors: Int
        public var share: Double
        /// Ties with both ends in the category, and with one end only.
        public var internalTies: Int
        public var externalTies: Int
    }

    public var actors: Int
    /// Ties as the sheets have them (an undirected tie of a directed network once).
    public var ties: Int
    public var directedTies: Int
    public var undirectedTies: Int
    public var isDirected: Bool
    public var oppositionTies: Int
    /// Share of possible pairs joined by a positive tie (opposition ties left out).
    public var density: Double
    public var components: Int
    public var largestComponent: Int
    public var isolates: Int
    public var byKind: [Category]
    public var bySector: [Category]
    public var byLevel: [Category]
    /// Tie counts per relation and per commitment level, largest first then by name.
    public var tiesByRelation: [(value: String, ties: Int)]
    public var tiesByCommitment: [(value: String, ties: Int)]

    public static let none = "(none)"

    public init(_ network: StakeholderNetwork) {
        let graph = network.graph()
        actors = network.actors.count
        (directedTies, undirectedTies) = network.tieCounts
        ties = directedTies + undirectedTies
        isDirected = network.isDirected
        oppositionTies = network.writtenTies.count { $0.isOpposition }
        density = graph.density(includeNegative: false)
        let components = graph.weakComponents(includeNegative: false)
        self.components = components.count
        largestComponent = components.largest.map { components.sizes[$0] } ?? 0
        isolates = graph.isolates().count
        byKind = Self.categories(network) { $0.kind?.rawValue }
        bySector = Self.categories(network) { $0.primarySector }
        byLevel = Self.categories(network) { $0.level?.rawValue }
        tiesByRelation = Self.tally(network.writtenTies.map(\.relation.rawValue))
        tiesByCommitment = Self.tally(network.writtenTies.map { $0.commitment?.name ?? Self.none })
    }

    /// Categories by actor count (largest first), then by name; "(none)" last.
    static func categories(_ network: StakeholderNetwork, _ key: (Actor) -> String?) -> [Category] {
        let labels = network.actors.map { key($0) ?? none }
        var count: [String: Int] = [:]
        var inside: [String: Int] = [:]
        var outside: [String: Int] = [:]
        for l in labels { count[l, default: 0] += 1 }
        for t in network.writtenTies {
            let a = labels[Int(t.source)], b = labels[Int(t.target)]
            if a == b { inside[a, default: 0] += 1 } else { outside[a, default: 0] += 1; outside[b, default: 0] += 1 }
        }
        let n = Double(max(network.actors.count, 1))
        return count.map {
            Category(
                value: $0.key, actors: $0.value, share: Double($0.value) / n,
                internalTies: inside[$0.key] ?? 0, externalTies: outside[$0.key] ?? 0)
        }
        .sorted { a, b in
            if (a.value == none) != (b.value == none) { return b.value == none }
            return a.actors != b.actors ? a.actors > b.actors : a.value < b.value
        }
    }

    static func tally(_ values: [String]) -> [(value: String, ties: Int)] {
        var count: [String: Int] = [:]
        for v in values { count[v, default: 0] += 1 }
        return count.map { (value: $0.key, ties: $0.value) }
            .sorted { $0.ties != $1.ties ? $0.ties > $1.ties : $0.value < $1.value }
    }
}
