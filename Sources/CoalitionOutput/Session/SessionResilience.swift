import Coalition
import CoalitionGraph

/// What a key-player search is asked: the set's size and who may be in it.
public struct KeyPlayerRequest: Sendable, Hashable {
    public var size: Int
    /// m of m-reach.
    public var steps = 1
    /// Only actors matching every selection may be in the set; empty: everyone.
    public var candidates: [ActorSelection] = []
    /// Actors (ids) never in the set.
    public var excluded: [String] = []
    public var restarts = 10

    public init(size: Int) { self.size = size }
}

/// Why a key-player search cannot run, worded for the person who asked.
public enum KeyPlayerError: Error, Sendable, CustomStringConvertible, Equatable {
    case grouping(GroupingError)
    case unknownActor(String, suggestion: String?)
    case badSize(size: Int, candidates: Int, actors: Int, removes: Bool)

    public var description: String {
        switch self {
        case .grouping(let g): g.selectionMessage
        case let .unknownActor(id, suggestion): "no actor with id \"\(id)\"" + (suggestion.map { "; did you mean \"\($0)\"?" } ?? "")
        case let .badSize(size, candidates, actors, removes):
            if size < 1 { "a set of key players has at least one actor (--size \(size))" }
            else if candidates < actors { "a set of \(size) from \(candidates) candidate\(candidates == 1 ? "" : "s"): ask for fewer, or widen --candidates" }
            else if removes { "taking \(size) of \(actors) actors out leaves too few to fragment (at most \(max(actors - 2, 0)))" }
            else { "a set of \(size) from \(actors) actors leaves no one to reach (at most \(max(actors - 1, 0)))" }
        }
    }
}

extension AnalysisSession {
    /// The undirected supporting network the key-player measures read, once.
    public var keyPlayerNetwork: KeyPlayers { cached("key-players") { KeyPlayers(network.graph()) } }

    /// The actors a request allows in the set, ascending.
    public func keyPlayerCandidates(_ request: KeyPlayerRequest) throws(KeyPlayerError) -> [Int] {
        var allowed = Set(network.actors.indices)
        for selection in request.candidates {
            do throws(GroupingError) { allowed.formIntersection(try selection.members(of: network)) } catch { throw .grouping(error) }
        }
        let index = network.actorIndex()
        for id in request.excluded {
            guard let i = index[id] else { throw .unknownActor(id, suggestion: Suggestions.closest(to: id, in: network.actors.map(\.id))) }
            allowed.remove(i)
        }
        return allowed.sorted()
    }

    /// The best set for `objective` (Borgatti 2006), searched with the session's seed and threads.
    public func keyPlayers(_ objective: KeyPlayers.Objective, _ request: KeyPlayerRequest) throws(KeyPlayerError) -> KeyPlayers.Result {
        let candidates = try keyPlayerCandidates(request)
        var options = KeyPlayers.Options(size: request.size)
        options.steps = request.steps
        options.candidates = candidates.count == network.actors.count ? nil : candidates
        options.restarts = request.restarts
        options.seed = settings.seed
        if let threads = settings.threads { options.threads = threads }
        let players = keyPlayerNetwork
        do throws(KeyPlayers.Problem) {
            let key = "key-players-\(objective.rawValue)-\(request.size)-\(request.steps)-\(request.candidates)-\(request.excluded)-\(request.restarts)"
            return try cached(key) { () throws(KeyPlayers.Problem) in try players.search(objective, options) }
        } catch {
            switch error {
            case let .badSize(size, count, actors): throw .badSize(size: size, candidates: count, actors: actors, removes: objective.removesTheSet)
            }
        }
    }
}

/// Who leaves in a what-if: actors by id, and every actor of some kinds or sectors.
public struct Departure: Sendable, Hashable {
    /// The mission's scenario name, when it is one.
    public var name: String?
    public var ids: [String] = []
    public var kinds: [String] = []
    public var sectors: [String] = []

    public init(name: String? = nil, ids: [String] = [], kinds: [String] = [], sectors: [String] = []) {
        self.name = name
        self.ids = ids
        self.kinds = kinds
        self.sectors = sectors
    }

    public init(_ scenario: Mission.Scenario) {
        self.init(name: scenario.name, ids: scenario.remove, kinds: scenario.removeKinds, sectors: scenario.removeSectors)
    }
}

/// Why a what-if cannot run, worded for the person who asked.
public enum WhatIfError: Error, Sendable, CustomStringConvertible, Equatable {
    case unknownActor(String, suggestion: String?, scenario: String?)
    case noOneLeaves(String?)
    case everyoneLeaves(String?)
    case unknownScenario(String, known: [String])
    case grouping(GroupingError)

    public var description: String {
        func named(_ s: String?) -> String { s.map { "scenario \"\($0)\": " } ?? "" }
        switch self {
        case let .unknownActor(id, suggestion, scenario):
            return named(scenario) + "no actor with id \"\(id)\"" + (suggestion.map { "; did you mean \"\($0)\"?" } ?? "")
        case .noOneLeaves(let s): return named(s) + "no actor matches: no one would leave"
        case .everyoneLeaves(let s): return named(s) + "every actor would leave: there is nothing left to analyse"
        case let .unknownScenario(name, known):
            return "the mission has no scenario \"\(name)\"" + (known.isEmpty ? " (it lists none)" : "; it lists \(known.map { "\"\($0)\"" }.joined(separator: ", "))")
        case .grouping(let g): return g.selectionMessage
        }
    }
}

/// What breaks if some actors leave: the same analyses before and after, side by side.
public struct WhatIf: Sendable {
    public var name: String?
    /// Who leaves, as indices of the network before.
    public var removed: [Int]
    /// The largest component's share of the actors (supporting ties).
    public var mainShare: (before: Double, after: Double)
    /// Borgatti's fragmentation F of the supporting network, before and without them.
    public var fragmentation: (before: Double, after: Double)
    /// Actors in the main component before who would be outside it (indices before).
    public var cutOff: [Int]
    /// Ministry pairs with a tie or a shared contact before and neither after (indices before).
    public var ministryPairsLost: [(Int, Int)]
    /// Pairs of groups that would become missing bridges.
    public var bridgesOpened: [[String]]
    /// The recommended willing cluster before and after (indices before), and its score.
    public var willingBefore: [Int]
    public var willingAfter: [Int]
    public var willingScore: (before: Double?, after: Double?)
    /// Expected voices that would be missing (labels such as "voice: patients").
    public var voicesNowMissing: [String]
}

extension AnalysisSession {
    /// The actors `departure` names, ascending.
    public func leaving(_ departure: Departure) throws(WhatIfError) -> [Int] {
        let index = network.actorIndex()
        var out = Set<Int>()
        for id in departure.ids {
            guard let i = index[id] else {
                throw .unknownActor(id, suggestion: Suggestions.closest(to: id, in: network.actors.map(\.id)), scenario: departure.name)
            }
            out.insert(i)
        }
        do throws(GroupingError) {
            if !departure.kinds.isEmpty { out.formUnion(try ActorSelection(attribute: "kind", values: departure.kinds).members(of: network)) }
            if !departure.sectors.isEmpty { out.formUnion(try ActorSelection(attribute: "sector", values: departure.sectors).members(of: network)) }
        } catch {
            throw .grouping(error)
        }
        guard !out.isEmpty else { throw .noOneLeaves(departure.name) }
        guard out.count < network.actors.count else { throw .everyoneLeaves(departure.name) }
        return out.sorted()
    }

    /// If `departure`'s actors left: the network without them (its participations too, the
    /// projection made again) analysed with this session's settings and mission, against this one.
    public func whatIf(_ departure: Departure) throws(WhatIfError) -> WhatIf {
        let removed = try leaving(departure)
        let (rest, kept) = readNetwork.without(Set(removed))
        let later = AnalysisSession(network: rest, mission: mission, settings: settings, diagnostics: diagnostics, inputs: inputs, files: files)
        let was = mainComponent, now = Self.mainComponent(of: later.network)
        let gone = Set(removed)
        let cutOff = Self.cutOff(was, now, kept: kept)
        let players = keyPlayerNetwork
        do throws(GroupingError) {
            let s0 = try silos(), s1 = try later.silos()
            let before = Set(s0.government.unconnectedMinistryPairs.map { [min($0.0, $0.1), max($0.0, $0.1)] })
            let ministries = network.actors.indices.filter { network.actors[$0].kind == .ministry && !gone.contains($0) }
            let after = Set(s1.government.unconnectedMinistryPairs.map { [kept[$0.0], kept[$0.1]].sorted() })
            var lost: [(Int, Int)] = []
            for (x, a) in ministries.enumerated() {
                for b in ministries[(x + 1)...] where !before.contains([a, b]) && after.contains([a, b]) { lost.append((a, b)) }
            }
            func bridges(_ s: SiloAnalysis) -> Set<[String]> {
                Set(s.missingBridges.map { [s.grouping.groups[$0.groups.0], s.grouping.groups[$0.groups.1]].sorted() })
            }
            let opened = bridges(s1).subtracting(bridges(s0)).sorted { $0.lexicographicallyPrecedes($1) }
            let w0 = willing, w1 = later.willing
            let voicesBefore = Dictionary(voices.categories.map { ($0.label, $0.status) }, uniquingKeysWith: { a, _ in a })
            let nowMissing = later.voices.categories.filter { $0.status == .missing && voicesBefore[$0.label] != .missing }.map(\.label)
            return WhatIf(
                name: departure.name, removed: removed, mainShare: (was.share, now.share),
                fragmentation: (players.value(.fragmentation, of: []), players.value(.fragmentation, of: removed)),
                cutOff: cutOff, ministryPairsLost: lost, bridgesOpened: opened,
                willingBefore: willingCore, willingAfter: later.willingCore.map { kept[$0] },
                willingScore: (w0.recommended.map { w0.clusters[$0].score }, w1.recommended.map { w1.clusters[$0].score }),
                voicesNowMissing: nowMissing)
        } catch {
            throw .grouping(error)
        }
    }

    /// Who would be cut off from the main component if `actor` left (supporting ties; indices
    /// of this network): a single point of failure's dependants.
    public func cutOff(by actor: Int) -> [Int] {
        let (rest, kept) = network.without([actor])
        return Self.cutOff(mainComponent, Self.mainComponent(of: rest), kept: kept)
    }

    /// Each actor's component over the supporting ties, the largest's label (−1 for no actors)
    /// and its share of the actors.
    typealias MainComponent = (label: [Int32], largest: Int32, share: Double)

    /// This network's main component, once.
    var mainComponent: MainComponent { cached("main-component") { Self.mainComponent(of: network) } }

    static func mainComponent(of n: StakeholderNetwork) -> MainComponent {
        let c = n.graph().weakComponents(includeNegative: false)
        guard let largest = c.largest else { return ([], -1, 0) }
        return (c.label, Int32(largest), Double(c.sizes[largest]) / Double(n.actors.count))
    }

    /// The actors in the main component before who are outside it after, as indices before
    /// (`kept[i]` is the index before of actor i after).
    static func cutOff(_ before: MainComponent, _ after: MainComponent, kept: [Int]) -> [Int] {
        kept.indices.filter { before.label[kept[$0]] == before.largest && after.label[$0] != after.largest }.map { kept[$0] }
    }

    /// The mission's scenarios by name; every one when `names` is empty.
    public func scenarios(named names: [String] = []) throws(WhatIfError) -> [Departure] {
        let all = mission?.scenarios ?? []
        if names.isEmpty { return all.map(Departure.init) }
        var out: [Departure] = []
        for name in names {
            guard let s = all.first(where: { $0.name == name }) else { throw .unknownScenario(name, known: all.map(\.name)) }
            out.append(Departure(s))
        }
        return out
    }
}
