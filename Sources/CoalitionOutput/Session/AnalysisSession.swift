import Coalition
import CoalitionDOT
import CoalitionGraph
import CoalitionIO
import Foundation

/// One network under analysis: the inputs read once, each analysis computed on first use and
/// kept. Every front end asks a session rather than building an analysis itself, so the CLI's
/// `silos`, the `silos` diagram and the briefing pack give the same answer to the same question.
/// Comparing two survey waves is holding two sessions.
///
/// Safe to share between threads: the caches sit behind one lock (an analysis asked for twice
/// at once is computed once).
public final class AnalysisSession: @unchecked Sendable {
    /// The network as read: its direct ties, and its portfolio when it has one (what `convert`
    /// writes and the two-mode analysis reads).
    public let readNetwork: StakeholderNetwork
    /// The network the one-mode analyses read: without a portfolio the network as read; with
    /// one, the actors tied by the initiatives they share as ``tieRule`` says.
    public var network: StakeholderNetwork {
        readNetwork.portfolio == nil ? readNetwork : portfolioTies.network
    }
    /// The mission, when the input was a mission file.
    public let mission: Mission?
    public let settings: AnalysisSettings
    /// The warnings met while reading (errors stop the session from opening).
    public let diagnostics: [Diagnostic]
    /// What was opened: a mission file, sheets, a workbook, …
    public let inputs: [String]
    /// The data files read, as named in messages.
    public let files: [String]

    /// Every file the network was made from: the mission file and its data files.
    public var sourceFiles: [String] { mission != nil ? inputs + files.filter { !inputs.contains($0) } : files }

    private let lock = NSRecursiveLock()
    private var cache: [String: Any] = [:]

    public init(
        network: StakeholderNetwork, mission: Mission? = nil, settings: AnalysisSettings = .init(),
        diagnostics: [Diagnostic] = [], inputs: [String] = [], files: [String] = []
    ) {
        self.readNetwork = network
        self.mission = mission
        self.settings = settings
        self.diagnostics = diagnostics
        self.inputs = inputs
        self.files = files
    }

    /// Reads `inputs` (a mission file, sheets, a workbook, GraphML, GEXF, JSON or DOT).
    /// - Throws: `InputError` with every problem found, sorted, when any is an error.
    public static func open(_ inputs: [String], loading: LoadOptions = .init(), settings: AnalysisSettings = .init()) throws(InputError) -> AnalysisSession {
        let loaded = InputLoader.load(inputs, options: loading.dotReader == nil ? loading.readingDOT : loading)
        let sorted = loaded.diagnostics.sorted()
        guard !loaded.diagnostics.hasErrors, let network = loaded.network else { throw InputError(sorted) }
        return AnalysisSession(network: network, mission: loaded.mission, settings: settings, diagnostics: sorted, inputs: inputs, files: loaded.files)
    }

    /// Every problem in `inputs`, located, whether or not a session could open on them.
    public static func validate(_ inputs: [String], loading: LoadOptions = .init()) -> ValidationDocument {
        ValidationDocument(InputLoader.load(inputs, options: loading.dotReader == nil ? loading.readingDOT : loading))
    }

    /// The same inputs with other settings; analyses that do not depend on what changed are
    /// computed again (they are cheap next to reading).
    public func with(_ settings: AnalysisSettings) -> AnalysisSession {
        AnalysisSession(network: readNetwork, mission: mission, settings: settings, diagnostics: diagnostics, inputs: inputs, files: files)
    }

    func cached<T, E: Error>(_ key: String, _ make: () throws(E) -> T) throws(E) -> T {
        lock.lock()
        defer { lock.unlock() }
        if let value = cache[key] as? T { return value }
        let value = try make()
        cache[key] = value
        return value
    }

    // MARK: The analyses

    /// How the portfolio's participations become ties: the settings', else the mission's
    /// `projection`, with Newman weights unless told otherwise.
    public var tieRule: PortfolioTies {
        PortfolioTies(
            combination: settings.projection ?? mission?.projection ?? .add, weighting: settings.projectionWeighting,
            maxInitiativeSize: settings.maxInitiativeSize, roles: settings.roles)
    }

    /// The participations made ties, once.
    public var portfolioTies: PortfolioTies.Result { cached("portfolio-ties") { tieRule.apply(to: readNetwork) } }

    /// What the one-mode analyses' ties are ("ties: shared initiatives, Newman-weighted"), for
    /// outputs and captions; nil without a portfolio.
    public var tieBasis: String? { tieRule.basis(of: readNetwork) }

    /// What a one-mode analysis of a portfolio should say before its output: the note on what
    /// its ties are, and the warning naming the initiatives too large to give ties. Empty
    /// without a portfolio.
    public var projectionNotices: (note: String?, warning: String?) {
        guard let basis = tieBasis, let portfolio = readNetwork.portfolio else { return (nil, nil) }
        let result = portfolioTies, rule = tieRule
        var note = "note: \(basis)"
        if rule.combination != .tiesOnly {
            note += " — \(NumberStyle.count(result.projectedTies, "tie")) between actors who share an initiative"
            if result.directTiesLeftOut > 0 { note += "; \(NumberStyle.count(result.directTiesLeftOut, "direct tie")) left out (projection: initiatives-only)" }
            if portfolio.affiliations.contains(where: { $0.role != nil && $0.role != .participant }) {
                note += "; roles weigh in (lead 2, funder and partner 1.5, participant 1, observer 0.5; a pair by its less engaged end)"
            }
            if result.commitmentsFromParticipations > 0 {
                note += "; the commitment of \(NumberStyle.count(result.commitmentsFromParticipations, "actor")) comes from their participations"
            }
        }
        guard !result.leftOut.isEmpty else { return (note, nil) }
        let members = portfolio.members(roles: rule.roles)
        let named = result.leftOut.prefix(5).map { "\(portfolio.initiatives[$0].name) (\(members[$0].count))" }
        let more = result.leftOut.count > 5 ? ", and \(result.leftOut.count - 5) more" : ""
        let warning =
            "warning: \(NumberStyle.count(result.leftOut.count, "initiative")) with more than \(rule.maxInitiativeSize) members \(result.leftOut.count == 1 ? "gives" : "give") no ties: \(named.joined(separator: ", "))\(more); a forum that large would tie everyone to everyone (--max-initiative-size raises the limit)"
        return (note, warning)
    }

    public var summary: NetworkSummary { cached("summary") { NetworkSummary(network) } }

    /// The groups of `settings.groupBy`, else the mission's `group_by`, else `sector`.
    public func grouping() throws(GroupingError) -> Grouping {
        let attribute = settings.groupBy ?? mission?.groupBy ?? "sector"
        return try cached("grouping") { () throws(GroupingError) in
            // The groups are the actors', the same in both networks — but for commitment, which
            // participations may give (and the two-mode analysis should not wait for the projection).
            try Grouping(attribute == "commitment" ? network : readNetwork, by: attribute, requireSingle: settings.requireSingleGroup)
        }
    }

    public var analysisOptions: AnalysisOptions {
        var options = AnalysisOptions(weighted: settings.weighted)
        options.exactLimit = settings.exactLimit
        options.samples = settings.samples
        options.seed = settings.seed
        if let threads = settings.threads { options.threads = threads }
        return options
    }

    /// Every per-actor, per-tie and network measure.
    public func measures() throws(GroupingError) -> NetworkAnalysis {
        let grouping = try grouping()
        return cached("measures") { NetworkAnalysis(network, grouping: grouping, options: analysisOptions) }
    }

    public func silos() throws(GroupingError) -> SiloAnalysis {
        let grouping = try grouping()
        return cached("silos") {
            var options = SiloAnalysis.Options()
            options.permutations = settings.permutations
            options.seed = settings.seed
            options.weighted = settings.weighted
            return SiloAnalysis(network, grouping: grouping, options: options)
        }
    }

    /// What the silos diagram draws: the full analysis's outline when it has run (a report
    /// runs it anyway), else only the group E-I and the missing-bridge test.
    public func siloOutline() throws(GroupingError) -> SiloAnalysis.Outline {
        let grouping = try grouping()
        lock.lock()
        let full = cache["silos"] as? SiloAnalysis
        lock.unlock()
        if let full { return full.outline }
        return cached("silo-outline") {
            var options = SiloAnalysis.Options()
            options.weighted = settings.weighted
            return SiloAnalysis.Outline(network, grouping: grouping, options: options)
        }
    }

    /// The willing network's threshold: `settings.minCommitment`, else the mission's, else pledged.
    public var threshold: Commitment { settings.minCommitment ?? mission?.willing.minCommitment ?? .pledged }

    public var willing: WillingAnalysis {
        cached("willing") { WillingAnalysis(network, threshold: threshold, weights: mission?.willing.weights ?? [:], seed: settings.seed) }
    }

    /// The recommended cluster of the willing (empty when there is none).
    public var willingCore: [Int] { willing.recommended.map { willing.clusters[$0].members } ?? [] }

    public var voices: VoicesAnalysis {
        cached("voices") { VoicesAnalysis(network, mission: mission, willingCore: willingCore) }
    }

    public func grid(measure: PowerInterestGrid.Measure = .both) -> PowerInterestGrid {
        cached("grid-\(measure.rawValue)") { PowerInterestGrid(network, measure: measure, seed: settings.seed) }
    }

    /// The supporting network the community search runs on (opposition ties left out).
    public var supportingGraph: Graph {
        cached("supporting-graph") { network.graph().simplified(includeNegative: false) }
    }

    public func communities(_ how: CommunitySettings = .init()) -> Communities {
        cached("communities-\(how.method.rawValue)-\(how.objective.rawValue)-\(how.resolution)-\(how.restarts ?? -1)-\(how.iterations ?? -1)") {
            let g = supportingGraph
            let objective: CommunityObjective = how.objective == .modularity ? .modularity(resolution: how.resolution) : .cpm(resolution: how.resolution)
            return g.communities(
                method: how.method, objective: objective, weighted: settings.weighted, seed: settings.seed,
                restarts: how.restarts ?? Communities.defaultRuns(vertexCount: g.vertexCount), iterations: how.iterations)
        }
    }

    /// The portfolio as a two-mode network (its sectors from the session's grouping).
    public func portfolio() throws(GroupingError) -> PortfolioAnalysis {
        let grouping = try grouping()
        return cached("portfolio") {
            var options = PortfolioAnalysis.Options(roles: settings.roles)
            options.exactLimit = settings.exactLimit
            options.samples = settings.samples
            options.seed = settings.seed
            if let threads = settings.threads { options.threads = threads }
            return PortfolioAnalysis(readNetwork, mission: mission, grouping: grouping, options: options)
        }
    }

    /// A one-mode projection of the portfolio, with the session's roles; nil without a portfolio.
    public func projection(onto mode: ProjectionMode, weighting: ProjectionWeighting) -> StakeholderNetwork? {
        // (An optional is never cached: a missing entry would read as a cached nil.)
        guard readNetwork.portfolio != nil else { return nil }
        return cached("projection-\(mode.rawValue)-\(weighting.rawValue)") { readNetwork.projected(onto: mode, weighting: weighting, roles: settings.roles)! }
    }

    /// One per-actor measure (`--size-by`): computed alone, unless the full measures already are.
    public func values(of measure: ActorMeasure) -> [Double] {
        lock.lock()
        let done = cache["measures"] as? NetworkAnalysis
        lock.unlock()
        if let done { return measure.values(from: done) }
        return cached("values-\(measure.rawValue)") { measure.values(in: network, options: analysisOptions) }
    }
}
