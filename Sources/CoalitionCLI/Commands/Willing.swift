import ArgumentParser
import Coalition
import CoalitionIO
import CoalitionOutput
import Foundation

struct Willing: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find the community of the willing to start with, who to recruit next, and the camps.",
        discussion: """
            Keeps supporting ties whose commitment, and both ends' commitment, reach the threshold \
            (where given); leaves out opposed actors and opposition ties. Clusters are the connected \
            parts of that network, split only where a split is clearly better than chance. Each is \
            scored (size, density, commitment, influence, diversity, mission criteria; weights from \
            the mission's willing.weights) and the best is recommended, with the outsiders most tied \
            to it and who would introduce them.

            Examples:
              coalition willing fixtures/healthy-lives-2040/mission.yaml
              coalition willing actors.csv ties.csv --min-commitment active --format json
            """)

    @OptionGroup var input: InputOptions
    @OptionGroup var portfolioTies: PortfolioTieOptions

    @Option(name: .customLong("min-commitment"), help: "Threshold: none, exploring, pledged, active, leading or 0–4 (default: the mission's, else pledged).")
    var minCommitment: String?

    @Option(help: "Seed for splitting large components.")
    var seed: UInt64 = 1

    @OptionGroup var out: OutputOptions

    func validate() throws {
        if let minCommitment, Commitment(parsing: minCommitment) == nil {
            throw ValidationError("--min-commitment must be one of none, exploring, pledged, active, leading, or 0–4")
        }
    }

    func run() throws {
        var settings = AnalysisSettings()
        settings.minCommitment = minCommitment.flatMap { Commitment(parsing: $0) }
        settings.seed = seed
        try out.emit(try input.session(settings, ties: portfolioTies).willingDocument())
    }
}
