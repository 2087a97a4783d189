import Coalition
import CoalitionGraph

/// `keyplayers`: Borgatti's key-player sets, as JSON (keys fixed, README) and text.
public struct KeyPlayersDocument: Document, Sendable {
    public let results: [KeyPlayers.Result]
    public let network: StakeholderNetwork
    public let request: KeyPlayerRequest
    /// How many actors could be in the set.
    public let candidates: Int

    public init(_ results: [KeyPlayers.Result], network: StakeholderNetwork, request: KeyPlayerRequest, candidates: Int) {
        self.results = results
        self.network = network
        self.request = request
        self.candidates = candidates
    }

    public static let view = "the undirected view of the supporting ties (opposition left out; a tie counts once whatever its direction or strength)"
    public static let reference = "Borgatti, S. P. (2006), Identifying sets of key players in a social network, Computational and Mathematical Organization Theory 12(1), 21–34, doi:10.1007/s10588-006-7084-x"

    /// The objective in words, for headings.
    public static func title(_ o: KeyPlayers.Objective, steps: Int) -> String {
        switch o {
        case .fragmentation: "fragmentation (share of pairs left unable to reach each other)"
        case .distanceWeightedFragmentation: "distance-weighted fragmentation (pairs cut off, or far apart)"
        case .reach: "distance-weighted reach (how close everyone else is to the nearest member)"
        case .mReach: "\(steps)-step reach (share of the others within \(steps) step\(steps == 1 ? "" : "s") of a member)"
        }
    }

    public var text: String {
        let names = network.actors.map(\.name)
        func list(_ set: [Int]) -> String { set.map { names[$0] }.joined(separator: ", ") }
        let k = request.size
        var out = ["Key players, \(k) at a time, among \(NumberStyle.count(candidates, "candidate")) on \(Self.view)", ""]
        let negative = results.filter { $0.objective.removesTheSet }, positive = results.filter { !$0.objective.removesTheSet }
        func describe(_ r: KeyPlayers.Result) {
            out.append("  \(Self.title(r.objective, steps: request.steps)): \(NumberStyle.fixed(r.value, 3))" + (r.baseline.map { " (\(NumberStyle.fixed($0, 3)) with everyone)" } ?? ""))
            out.append("    \(list(r.set))")
            let gain = r.value - r.topIndividualsValue
            out.append(
                "    best single actor: \(names[r.bestSingle]) (\(NumberStyle.fixed(r.bestSingleValue, 3))); the \(k) best individuals together: \(NumberStyle.fixed(r.topIndividualsValue, 3))"
                    + (k > 1 ? (gain > 1e-9 ? ", so the set adds \(NumberStyle.fixed(gain, 3))" : ", as good as the set") : ""))
            out.append("    search: \(r.search)" + (r.sampledSources.map { "; estimated from \($0) sampled actors' distances, the same for every set (standard error \(NumberStyle.fixed(r.standardError ?? 0, 3)))" } ?? ""))
        }
        if !negative.isEmpty {
            out.append("If they left (KPP-Neg): who holds the most of the coalition together")
            negative.forEach(describe)
            out.append("")
        }
        if !positive.isEmpty {
            out.append("Whom to engage first (KPP-Pos): who reaches everyone else fastest")
            positive.forEach(describe)
            out.append("")
        }
        out.append("Definitions: \(Self.reference).")
        return out.joined(separator: "\n")
    }

    public func encode(to encoder: Encoder) throws { try JSON(self).encode(to: encoder) }

    struct JSON: Encodable {
        struct Single: Encodable { var id: String; var value: Double }
        struct Group: Encodable { var set: [String]; var value: Double }
        struct Entry: Encodable {
            var set: [String]; var value: Double; var optimal: Bool; var search: String
            var bestSingle: Single; var topIndividuals: Group; var gain: Double
            var baseline: Double?; var sampledSources: Int?; var standardError: Double?
        }
        var size: Int; var steps: Int; var candidates: Int; var view: String; var reference: String
        var fragmentation: Entry?; var distanceWeightedFragmentation: Entry?; var reach: Entry?; var mReach: Entry?

        init(_ d: KeyPlayersDocument) {
            let ids = d.network.actors.map(\.id)
            func entry(_ o: KeyPlayers.Objective) -> Entry? {
                guard let r = d.results.first(where: { $0.objective == o }) else { return nil }
                return Entry(
                    set: r.set.map { ids[$0] }, value: r.value, optimal: r.isOptimal, search: r.search,
                    bestSingle: Single(id: ids[r.bestSingle], value: r.bestSingleValue),
                    topIndividuals: Group(set: r.topIndividuals.map { ids[$0] }, value: r.topIndividualsValue),
                    gain: r.value - r.topIndividualsValue, baseline: r.baseline, sampledSources: r.sampledSources, standardError: r.standardError)
            }
            size = d.request.size
            steps = d.request.steps
            candidates = d.candidates
            view = KeyPlayersDocument.view
            reference = KeyPlayersDocument.reference
            fragmentation = entry(.fragmentation)
            distanceWeightedFragmentation = entry(.distanceWeightedFragmentation)
            reach = entry(.reach)
            mReach = entry(.mReach)
        }
    }
}

extension AnalysisSession {
    /// `keyplayers`: the best set for each objective asked (all four by default).
    public func keyPlayersDocument(_ request: KeyPlayerRequest, objectives: [KeyPlayers.Objective] = KeyPlayers.Objective.allCases) throws(KeyPlayerError)
        -> KeyPlayersDocument
    {
        var results: [KeyPlayers.Result] = []
        for o in objectives { results.append(try keyPlayers(o, request)) }
        return KeyPlayersDocument(results, network: network, request: request, candidates: try keyPlayerCandidates(request).count)
    }
}
