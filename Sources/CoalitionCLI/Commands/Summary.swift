import ArgumentParser
import Coalition
import CoalitionIO
import CoalitionOutput
import Foundation

struct Summary: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Describe a stakeholder network: actors and ties by kind, sector and level; density; components.",
        discussion: """
            Problems in the data are printed first (to standard error); with any error nothing else \
            is printed and the exit code is 1.

            Examples:
              coalition summary fixtures/healthy-lives-2040/mission.yaml
              coalition summary fixtures/liveable-streets/network.graphml --format json
            """)

    @OptionGroup var input: InputOptions
    @OptionGroup var portfolioTies: PortfolioTieOptions

    @Option(help: "Output format: text or json.")
    var format: TextOrJSON = .text

    @Option(help: "Write to this file (atomically) instead of standard output.")
    var output: String?

    func run() throws {
        try emit(try input.session(ties: portfolioTies).summaryDocument().rendered(format.format) ?? "", to: output)
    }
}
