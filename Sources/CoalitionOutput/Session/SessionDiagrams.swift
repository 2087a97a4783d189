import Coalition
import Graphviz

/// How a view is drawn: what sizes the actors, which actor an ego view centres on, how many
/// names it carries, and the engine (nil: the one that draws this view best at its size).
public struct DiagramStyle: Sendable {
    public var sizeBy = ActorMeasure.pagerank
    /// The ego view's centre, by id.
    public var actor: String?
    /// How many steps out the ego view reaches.
    public var depth = 2
    /// At most this many actors carry their names (0: all).
    public var labels = DiagramBuilder.defaultLabelLimit
    public var engine: LayoutEngine?

    public init() {}
}

/// Why a view cannot be drawn.
public enum DiagramError: Error, Sendable, CustomStringConvertible {
    case grouping(GroupingError)
    /// The ego view's actor is not in the network; the closest id, if one is close.
    case unknownActor(String, suggestion: String?)
    /// The ego view was asked for without an actor.
    case noActor
    /// A change view of a mission that lists no earlier wave.
    case noWaves
    /// The portfolio view of a network without participations.
    case noPortfolio
    /// The earlier wave could not be read or compared.
    case wave([Diagnostic])
    /// Graphviz could not lay out the change view.
    case layout(String)
    /// The grid view of a network without influence and interest ratings.
    case noRatings
    /// A view that holds judgements (the power–interest grid), asked for an external audience.
    case internalOnly(String)

    public var description: String {
        switch self {
        case .grouping(let e): e.message
        case let .unknownActor(id, suggestion): "no actor with id \"\(id)\"" + (suggestion.map { "; did you mean \"\($0)\"?" } ?? "")
        case .noActor: "the ego view needs an actor"
        case .noWaves: "the change views need a mission file that lists an earlier wave (waves:)"
        case .noPortfolio: "the portfolio view needs participations in initiatives (an affiliations sheet, a mission's affiliations: key, or a two-mode GraphML/GEXF file)"
        case .wave(let problems): "the earlier wave: " + problems.map(\.description).joined(separator: "; ")
        case .layout(let message): "the change view could not be laid out: \(message)"
        case .noRatings: "the grid view needs actors rated for influence and interest (0–5; columns `influence` and `interest`)"
        case .internalOnly(let what): "\(what) stays inside the organisation: it is not drawn for an external audience"
        }
    }
}

extension AnalysisSession {
    /// The one place a view becomes a diagram, for `render`, `convert --to dot` and the pack.
    /// - Parameters:
    ///   - view: which picture: full, ego, groups, silos, willing or voices.
    ///   - style: what sizes the actors, the ego view's centre, names, engine.
    ///   - shown: the network as the audience may see it (actors in the same positions); the
    ///     analyses are always of the whole network.
    ///   - date: the date the caption states (default: the mission's `data_date`).
    ///   - audience: for ``Audience/external``, drawn from the network as it may circulate
    ///     (unless `shown` is given); the grid view is refused.
    public func diagram(
        _ view: DiagramBuilder.View, style: DiagramStyle = .init(), shown: StakeholderNetwork? = nil,
        date: String? = nil, audience: Audience = .internal
    ) throws(DiagramError) -> Diagram {
        if audience == .external && view == .grid { throw .internalOnly("the power–interest grid") }
        let shown = shown ?? (audience == .external ? network.circulated(mission) : nil)
        var builder = DiagramBuilder(
            network: shown ?? network, missionName: mission?.name, source: mission?.source,
            dataDate: date ?? mission?.dataDate, labelLimit: style.labels)
        // The portfolio view draws the participations themselves, not ties made of them.
        builder.tieBasis = view == .portfolio ? nil : tieBasis
        let measure = style.sizeBy.rawValue
        var ego = 0
        if view == .ego {
            guard let id = style.actor else { throw .noActor }
            guard let index = network.actors.firstIndex(where: { $0.id == id }) else {
                throw .unknownActor(id, suggestion: Suggestions.closest(to: id, in: network.actors.map(\.id)))
            }
            ego = index
        }
        func grouped(_ make: () throws(GroupingError) -> Diagram) throws(DiagramError) -> Diagram {
            do throws(GroupingError) { return try make() } catch { throw .grouping(error) }
        }
        switch view {
        case .full: return builder.full(sizeBy: measure, values: values(of: style.sizeBy), engine: style.engine)
        case .ego: return builder.ego(ego, depth: style.depth, sizeBy: measure, values: values(of: style.sizeBy), engine: style.engine)
        case .groups: return try grouped { () throws(GroupingError) in builder.groups(try grouping(), engine: style.engine) }
        case .silos:
            return try grouped { () throws(GroupingError) in builder.silos(try siloOutline(), sizeBy: measure, values: values(of: style.sizeBy), engine: style.engine) }
        case .willing: return builder.willing(willing, sizeBy: measure, values: values(of: style.sizeBy), engine: style.engine)
        case .voices: return builder.voices(voices, sizeBy: measure, values: values(of: style.sizeBy), engine: style.engine)
        case .portfolio:
            guard readNetwork.portfolio != nil else { throw .noPortfolio }
            return try grouped { () throws(GroupingError) in builder.portfolio(try portfolio(), grouping: try grouping(), engine: style.engine) }
        case .grid:
            let g = grid()
            guard !g.entries.isEmpty else { throw .noRatings }
            return builder.grid(g)
        case .change: return try changeDiagram(.after, style: style, audience: audience)
        case .changeBefore: return try changeDiagram(.before, style: style, audience: audience)
        }
    }

    /// A change drawing: the last earlier wave against this one, laid out here.
    func changeDiagram(_ wave: ChangeWave, style: DiagramStyle, audience: Audience) throws(DiagramError) -> Diagram {
        let since: ComparisonSession?
        do throws(InputError) { since = try sinceLastWave() } catch { throw .wave(error.diagnostics) }
        guard let since else { throw .noWaves }
        do {
            let shown = audience == .internal ? nil : (since.before.network.circulated(mission), since.after.network.circulated(mission))
            let drawn = try since.changeDiagrams(renderer: .inProcess, shown: shown, style: style)
            return wave == .after ? drawn.after : drawn.before
        } catch let error as GroupingError {
            throw .grouping(error)
        } catch {
            throw .layout("\(error)")
        }
    }
}
