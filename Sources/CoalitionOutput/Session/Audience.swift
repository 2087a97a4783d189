import Coalition

/// Who output is for. Inside the organisation everything shows; outside, what
/// `StakeholderNetwork.circulated(_:)` leaves, without the judgements.
public enum Audience: String, Sendable, CaseIterable {
    case `internal`, external

    /// The line printed on every page.
    public var banner: String {
        self == .internal
            ? "INTERNAL — holds stance, influence ratings and opposition; do not circulate outside the organisation"
            : "EXTERNAL — safe to circulate: no sensitive columns, opposition ties, power–interest grid or raw attributes"
    }
}

extension Actor {
    /// Whether the actor may be a named person: kind `person`, any kind that is not one of the
    /// organisation kinds (an unknown or missing kind counts, to be safe), or a name that opens
    /// with a personal title ("Dr …", "Mayor …") whatever the kind.
    public var mayBePerson: Bool {
        guard let kind else { return true }
        return !ActorKind.organisations.contains(kind) || ActorKind.personalTitle(in: name) != nil
    }
}

extension StakeholderNetwork {
    /// The network as it may leave the organisation: the mission's sensitive columns, every
    /// raw attribute and the opposition ties left out, people pseudonymised when the mission
    /// says `personal_data: true`, the portfolio's roles and budgets unless `public_columns`
    /// lists them. Actors keep their positions, so analyses of the whole network hold for it.
    public func circulated(_ mission: Mission?) -> StakeholderNetwork {
        let network = self
        let mission = mission ?? Mission(name: "")
        let sensitive = Set(mission.sensitiveColumns.map { $0.lowercased().filter { $0.isLetter || $0.isNumber } })
        var people = 0
        let actors = network.actors.map { a -> Actor in
            var b = a
            b.attributes = [:]
            if sensitive.contains("stance") || sensitive.contains("position") { b.stance = nil }
            if sensitive.contains("influence") || sensitive.contains("power") { b.influence = nil }
            if sensitive.contains("interest") { b.interest = nil }
            if sensitive.contains("commitment") { b.commitment = nil }
            if sensitive.contains("voices") || sensitive.contains("voice") { b.voices = [] }
            if sensitive.contains("level") { b.level = nil }
            if sensitive.contains("sector") || sensitive.contains("sectors") { b.sectors = [] }
            if mission.personalData && a.mayBePerson {
                people += 1
                b.id = "person-\(people)"
                b.name = "Person \(people)"
            }
            return b
        }
        var ties = network.ties.filter { !$0.isOpposition }
        for i in ties.indices { ties[i].attributes = nil }
        // The portfolio circulates without its raw attributes, and without its roles and
        // budgets unless the mission's `public_columns` names them: who leads and who pays is
        // negotiated, not published.
        let roles = mission.publicColumns.contains(.role), budgets = mission.publicColumns.contains(.budget)
        let portfolio = network.portfolio.map { p in
            Portfolio(
                initiatives: p.initiatives.map { x in
                    var y = x
                    if !budgets { y.budget = nil }
                    y.attributes = [:]
                    return y
                },
                affiliations: p.affiliations.map { a in
                    var b = a
                    if !roles { b.role = nil }
                    if !budgets { b.budget = nil }
                    b.attributes = nil
                    return b
                })
        }
        return StakeholderNetwork(actors: actors, ties: ties, isDirected: network.isDirected, portfolio: portfolio)
    }
}
