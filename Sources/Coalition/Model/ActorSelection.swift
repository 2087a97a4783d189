/// Actors chosen by the value of one attribute — `kind=ministry`, `sector=health|social` — as
/// `keyplayers --candidates` and `whatif --remove-kind` name them. An actor with several values
/// (sectors `health|research`) is chosen when any of them is.
public struct ActorSelection: Sendable, Hashable, CustomStringConvertible {
    /// As written: `kind`, `sector`, `level`, `stance`, `commitment`, `voice`, or an actors column.
    public var attribute: String
    /// Any of these values chooses an actor.
    public var values: [String]

    public init(attribute: String, values: [String]) {
        self.attribute = attribute
        self.values = values
    }

    /// `attribute=value` or `attribute=value|value`; nil without an `=` or a value.
    public init?(parsing text: String) {
        guard let eq = text.firstIndex(of: "=") else { return nil }
        let attribute = text[..<eq].trimmingWhitespace()
        let values = text[text.index(after: eq)...].split(separator: "|").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        guard !attribute.isEmpty, !values.isEmpty else { return nil }
        self.init(attribute: attribute, values: values)
    }

    public var description: String { "\(attribute)=\(values.joined(separator: "|"))" }

    /// The chosen actors of `network`, ascending.
    /// - Throws: an unknown attribute, with the nearest known one.
    public func members(of network: StakeholderNetwork) throws(GroupingError) -> [Int] {
        let lower = attribute.lowercased()
        func folded(_ s: String) -> String { s.lowercased().trimmingWhitespace() }
        let wanted = Set(values.map(folded))
        let test: (Actor) -> Bool
        switch lower {
        case "kind", "type":
            let kinds = Set(values.map { ActorKind(parsing: $0) }.map { (ActorKind.synonyms[$0.rawValue] ?? $0).rawValue })
            test = { $0.kind.map { kinds.contains($0.rawValue) } ?? false }
        case "sector", "sectors": test = { $0.sectors.contains { wanted.contains(folded($0)) } }
        case "level":
            let levels = Set(values.compactMap { Level(parsing: $0)?.rawValue } + wanted)
            test = { $0.level.map { levels.contains($0.rawValue) } ?? false }
        case "stance": test = { $0.stance.map { wanted.contains($0.rawValue) } ?? false }
        case "commitment":
            let levels = Set(values.compactMap { Commitment(parsing: $0) })
            test = { $0.commitment.map { levels.contains($0) } ?? false }
        case "voice", "voices":
            let voices = Set(values.map { ActorKind(parsing: $0).rawValue })
            test = { $0.voices.contains { voices.contains(ActorKind(parsing: $0).rawValue) } }
        default:
            guard let column = network.actorColumns.first(where: { $0.name.lowercased() == lower }) else {
                let known = Grouping.builtIn + network.actorColumns.map(\.name)
                throw .unknownAttribute(attribute, suggestion: Suggestions.closest(to: attribute, in: known), available: known)
            }
            test = { actor in
                guard let value = actor.attributes[column.name] else { return false }
                return value.description.split(separator: "|").contains { wanted.contains(folded(String($0))) }
            }
        }
        return network.actors.indices.filter { test(network.actors[$0]) }
    }
}
