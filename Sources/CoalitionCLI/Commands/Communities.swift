import ArgumentParser
import Coalition
import CoalitionGraph
import CoalitionIO
import CoalitionOutput
import Foundation

struct CommunitiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "communities",
        abstract: "Find the clusters the network really has (Leiden or Louvain), and compare them with the groups.",
        discussion: """
            Seeded and deterministic: the same seed gives the same communities on any machine and \
            thread count, and every community is connected. High agreement with --group-by (NMI, \
            adjusted Rand) means the network's real structure follows the ministries or sectors — a \
            silo signal in itself. Opposition ties are left out; directed ties count both ways.

            Examples:
              coalition communities fixtures/healthy-lives-2040/mission.yaml
              coalition communities network.graphml --method louvain --resolution 0.5 --format json
            """)

    @OptionGroup var input: InputOptions
    @OptionGroup var portfolioTies: PortfolioTieOptions
    @OptionGroup var groupingOptions: GroupingOptions

    @Option(help: "leiden or louvain.")
    var method: CommunityMethod = .leiden

    @Option(help: "What to optimise: modularity, or cpm (the Constant Potts Model: communities denser than the resolution).")
    var objective: CommunitySettings.Objective = .modularity

    @Option(help: "Resolution: higher finds more, smaller communities (modularity: 1 is standard; cpm: the density threshold).")
    var resolution = 1.0

    @Option(help: "Seed for the random order and choices.")
    var seed: UInt64 = 1

    @Option(help: "Runs from different seeds, keeping the best (default 100 below 1,000 actors, 10 up to 20,000, else 1).")
    var restarts: Int?

    @Option(help: "Passes of each run, each from the last partition, as igraph's n_iterations (default: until the quality stops improving).")
    var iterations: Int?

    @Flag(help: "Weight ties by strength.")
    var weighted = false

    @OptionGroup var out: OutputOptions

    func validate() throws {
        if resolution < 0 || !resolution.isFinite { throw ValidationError("--resolution must be a number ≥ 0") }
        if let restarts, restarts < 1 { throw ValidationError("--restarts must be at least 1") }
        if let iterations, iterations < 1 { throw ValidationError("--iterations must be at least 1") }
    }

    func run() throws {
        var settings = AnalysisSettings()
        groupingOptions.apply(to: &settings)
        settings.seed = seed
        settings.weighted = weighted
        var how = CommunitySettings()
        how.method = method
        how.objective = objective
        how.resolution = resolution
        how.restarts = restarts
        how.iterations = iterations
        let session = try input.session(settings, ties: portfolioTies)
        try out.emit(try orStop { try session.communitiesDocument(how) })
    }
}
