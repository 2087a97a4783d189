import ArgumentParser
import Coalition
import CoalitionIO
import CoalitionOutput
import Foundation

struct Analyze: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure who holds the coalition together: centrality, brokerage, cores and structure.",
        discussion: """
            Computes, per actor: degree, strength, betweenness, closeness, harmonic centrality, \
            PageRank, eigenvector centrality, core number, clustering, Burt's constraint, effective \
            size, efficiency and hierarchy, and Gould–Fernandez brokerage roles across the groups \
            of --group-by; per tie: edge betweenness; for the network: density, components, \
            articulation points, bridges, centralization and diameter. Conventions are networkx's \
            (README, methods). Opposition ties are left out of the measures.

            Examples:
              coalition analyze fixtures/healthy-lives-2040/mission.yaml
              coalition analyze actors.csv ties.csv --group-by kind --weighted --format json --output analysis.json
            """)

    @OptionGroup var input: InputOptions
    @OptionGroup var portfolioTies: PortfolioTieOptions

    @OptionGroup var groupingOptions: GroupingOptions

    @Flag(help: "Use tie strength: as weight for PageRank, eigenvector, clustering and Burt's measures, and as 1/strength path length for betweenness, closeness and harmonic.")
    var weighted = false

    @Option(help: "How many top actors per measure the table shows.")
    var top = 10

    @OptionGroup var out: OutputOptions

    @OptionGroup var paths: PathSamplingOptions

    func validate() throws {
        if top < 1 { throw ValidationError("--top must be at least 1") }
    }

    func run() throws {
        var settings = AnalysisSettings()
        groupingOptions.apply(to: &settings)
        settings.weighted = weighted
        paths.apply(to: &settings)
        let session = try input.session(settings, ties: portfolioTies)
        try out.emit(try orStop { try session.measuresDocument(top: top) })
    }
}
