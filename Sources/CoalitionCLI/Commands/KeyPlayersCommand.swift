import ArgumentParser
import Coalition
import CoalitionGraph
import CoalitionOutput

extension KeyPlayers.Objective: ExpressibleByArgument {}

struct KeyPlayersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keyplayers",
        abstract: "Which few actors hold the coalition together, and which few reach everyone fastest (Borgatti's key players).",
        discussion: """
            On the undirected view of the supporting ties. If they left (KPP-Neg): the set whose \
            removal fragments the rest most — fragmentation F, the share of pairs left unable to \
            reach each other, and distance-weighted fragmentation DF, which also counts pairs \
            pushed far apart. Whom to engage first (KPP-Pos): the set closest to everyone else — \
            distance-weighted reach D_R, and m-reach, the share of the others within m steps. \
            Every set is tried where that is cheap (up to 60 candidates and a set of 3: the answer \
            is optimal, and said so); otherwise the paper's search: from a greedy start, the best \
            individuals and seeded random sets, the best swap of a member for a non-member until \
            none helps. Each answer comes with the best single actor and the k best individuals \
            taken together: what the set gains over them is the reason to choose sets. DF is \
            estimated above 300 actors from 50 sampled actors' distances, the same for every set, \
            with swaps among the 50 best-connected candidates; the output says so and gives the \
            estimate's standard error. Above 400 candidates, swaps bring in the 400 \
            best-connected, from 4 starts. \
            Definitions: Borgatti (2006), Computational and Mathematical Organization Theory 12(1).

            Examples:
              coalition keyplayers fixtures/healthy-lives-2040/mission.yaml --size 3
              coalition keyplayers mission.yaml --size 3 --objective reach --candidates kind=cso
              coalition keyplayers mission.yaml --size 2 --objective fragmentation --exclude min-health --format json
            """)

    @OptionGroup var input: InputOptions
    @OptionGroup var portfolioTies: PortfolioTieOptions

    @Option(help: "How many actors in the set.")
    var size = 3

    @Option(
        name: .customLong("objective"),
        help: ArgumentHelp("fragmentation, distance-weighted-fragmentation, reach or m-reach; repeat for several (default: all four).", valueName: "objective"))
    var objectives: [KeyPlayers.Objective] = []

    @Option(help: "m of m-reach: the steps within which an actor counts as reached.")
    var steps = 1

    @Option(
        name: .customLong("candidates"),
        help: ArgumentHelp("Only actors matching attribute=value (kind=ministry, sector=health|social) may be in the set; repeat to require several.", valueName: "attribute=value"))
    var candidates: [String] = []

    @Option(help: ArgumentHelp("Actors (ids, comma-separated) never in the set.", valueName: "ids"))
    var exclude: String?

    @Option(help: "Starts of the swap search (the first greedy, the second the best individuals, the others seeded random).")
    var restarts = 10

    @Option(help: "Seed of the random starts and of DF's sample.")
    var seed: UInt64 = 1

    @Option(help: "Threads for the search (the same answer on any number).")
    var threads: Int?

    @Option(help: "Output format: text or json.")
    var format: TextOrJSON = .text

    @Option(help: "Write to this file (atomically) instead of standard output.")
    var output: String?

    func validate() throws {
        if size < 1 { throw ValidationError("--size must be at least 1") }
        if steps < 1 { throw ValidationError("--steps must be at least 1") }
        if restarts < 1 { throw ValidationError("--restarts must be at least 1") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
        for c in candidates where ActorSelection(parsing: c) == nil {
            throw ValidationError("--candidates takes attribute=value, such as kind=ministry or sector=health|social; found \"\(c)\"")
        }
    }

    func run() throws {
        var settings = AnalysisSettings()
        settings.seed = seed
        settings.threads = threads
        let session = try input.session(settings, ties: portfolioTies)
        var request = KeyPlayerRequest(size: size)
        request.steps = steps
        request.candidates = candidates.compactMap(ActorSelection.init(parsing:))
        request.excluded = (exclude ?? "").split(separator: ",").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        request.restarts = restarts
        let document: KeyPlayersDocument
        do {
            document = try session.keyPlayersDocument(request, objectives: objectives.isEmpty ? KeyPlayers.Objective.allCases : objectives)
        } catch {
            // An unknown id, an unknown attribute, a set too large: what was asked cannot be.
            printError("error: \(error)")
            throw ExitCode.validationFailure
        }
        try emit(try document.rendered(format.format) ?? "", to: output)
    }
}
