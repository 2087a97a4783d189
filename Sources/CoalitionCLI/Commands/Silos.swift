import ArgumentParser
import Coalition
import CoalitionGraph
import CoalitionIO
import CoalitionOutput
import Foundation

struct Silos: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find where the coalition works in silos, which groups lack a bridge, and who could build it.",
        discussion: """
            For the groups of --group-by: the mixing matrix and block densities, Krackhardt's E-I \
            index (network, group, actor), UCINET-style rescaled E-I with a permutation test of \
            whether each group is more inward-looking than chance, attribute assortativity and the \
            modularity of the grouping; missing bridges (pairs of groups with far fewer ties than \
            their degrees predict) with who bridges them today and who could; communities found by \
            Leiden compared with the grouping; and, among public bodies only, which ministries work \
            together directly, through whom, or not at all.

            Examples:
              coalition silos fixtures/healthy-lives-2040/mission.yaml
              coalition silos actors.csv ties.csv --group-by kind --format json --output silos.json
            """)

    @OptionGroup var input: InputOptions
    @OptionGroup var portfolioTies: PortfolioTieOptions
    @OptionGroup var groupingOptions: GroupingOptions

    @Option(help: "Permutations for the E-I test.")
    var permutations = 5000

    @Option(help: "Seed for the permutation test and community detection.")
    var seed: UInt64 = 1

    @Flag(help: "Weight ties by strength (E-I and mixing then sum strengths; no rescaled E-I).")
    var weighted = false

    @OptionGroup var out: OutputOptions

    func validate() throws {
        if permutations < 1 { throw ValidationError("--permutations must be at least 1") }
    }

    func run() throws {
        var settings = AnalysisSettings()
        groupingOptions.apply(to: &settings)
        settings.permutations = permutations
        settings.seed = seed
        settings.weighted = weighted
        let session = try input.session(settings, ties: portfolioTies)
        try out.emit(try orStop { try session.silosDocument() })
    }
}
