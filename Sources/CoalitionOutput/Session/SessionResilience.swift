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
        case .grouping(let g): g.message
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
