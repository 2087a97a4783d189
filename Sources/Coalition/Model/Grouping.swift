/// One group per actor, from an attribute: what partition measures (brokerage, E-I, …) need.
public struct Grouping: Sendable {
    /// The attribute grouped by, as the user named it.
    public var attribute: String
    /// Each actor's group; actors without a value are in "(none)".
    public var labels: [String]
    /// Distinct groups, sorted.
    public var groups: [String]
    /// Each actor's group as an index into `groups`.
    public var index: [Int]
    /// Whether some actor had several values and its first was used.
    public var usedFirstOfSeveral: Bool

    public static let none = "(none)"

    /// The attributes every network has; any user column can be named too.
    public static let builtIn = ["sector", "kind", "level", "stance", "commitment", "voices"]

    /// Groups the network's actors by `attribute`: `sector` (an actor's primary sector — the
    /// first of several), `kind`, `level`, `stance`, `commitment`, `voices` (the first tag), or
    /// any column of the actors sheet. Multi-valued cells (`a|b`) count by their first value
    /// unless `requireSingle`, when they are an error.
    public init(_ network: StakeholderNetwork, by attribute: String, requireSingle: Bool = false) throws(GroupingError) {
        let key = attribute.trimmingWhitespace()
        let lower = key.lowercased()
        var several: [String] = []
        func first(_ values: [String], _ actor: Actor) -> String? {
            if values.count > 1 { several.append(actor.id) }
            return values.first
        }
        let column = network.actorColumns.first { $0.name == key } ?? network.actorColumns.first { $0.name.lowercased() == lower }
        let labels: [String]
        switch lower {
        case "sector", "sectors": labels = network.actors.map { first($0.sectors, $0) ?? Self.none }
        case "kind", "type": labels = network.actors.map { $0.kind?.rawValue ?? Self.none }
        case "level": labels = network.actors.map { $0.level?.rawValue ?? Self.none }
        case "stance": labels = network.actors.map { $0.stance?.rawValue ?? Self.none }
        case "commitment": labels = network.actors.map { $0.commitment?.name ?? Self.none }
        case "voices", "voice": labels = network.actors.map { first($0.voices, $0) ?? Self.none }
        default:
            guard let column else {
                let known = Self.builtIn + network.actorColumns.map(\.name)
                throw .unknownAttribute(key, suggestion: Suggestions.closest(to: key, in: known), available: known)
            }
            labels = network.actors.map { actor in
                guard let value = actor.attributes[column.name] else { return Self.none }
                let text = value.description
                let parts = splitList(text, ["|"])
                return parts.isEmpty ? Self.none : (first(parts, actor) ?? Self.none)
            }
        }
        if requireSingle, !several.isEmpty {
            throw .severalValues(attribute: key, actors: several)
        }
        self.attribute = key
        self.labels = labels
        self.groups = Array(Set(labels)).sorted()
        let position = Dictionary(uniqueKeysWithValues: groups.enumerated().map { ($1, $0) })
        self.index = labels.map { position[$0]! }
        self.usedFirstOfSeveral = !several.isEmpty
    }
}

/// Why a grouping cannot be made. The messages name no command-line option: a front end adds
/// its own advice (the CLI names `--group-by` and `--multi`).
public enum GroupingError: Error, Sendable, CustomStringConvertible, Equatable {
    /// No built-in attribute or actors column of that name.
    case unknownAttribute(String, suggestion: String?, available: [String])
    /// Grouping needed one value per actor, and these actors have several.
    case severalValues(attribute: String, actors: [String])

    public var message: String {
        switch self {
        case let .unknownAttribute(key, suggestion, available):
            "no attribute \"\(key)\" to group by; \(suggestion.map { "did you mean \"\($0)\"? " } ?? "")available: \(available.joined(separator: ", "))"
        case let .severalValues(key, actors):
            "\(actors.count) actor\(actors.count == 1 ? " has" : "s have") several values of \"\(key)\" (first: \(actors[0])); partition measures need one group per actor"
        }
    }

    public var description: String { message }

    /// The message for an attribute that chooses actors (`--candidates kind=cso`) rather than
    /// grouping them.
    public var selectionMessage: String {
        guard case let .unknownAttribute(key, suggestion, available) = self else { return message }
        return "no attribute \"\(key)\" to choose actors by; \(suggestion.map { "did you mean \"\($0)\"? " } ?? "")available: \(available.joined(separator: ", "))"
    }
}
