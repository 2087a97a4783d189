import ArgumentParser
import Coalition
import CoalitionIO
import CoalitionOutput
import Foundation

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check stakeholder data and report every problem with its file, line and column.",
        discussion: """
            Prints each problem as file:line:column: error|warning: message [code], then a one-line \
            summary. Exits with 1 when there is any error, 0 otherwise (warnings alone pass).

            Examples:
              coalition validate fixtures/healthy-lives-2040/mission.yaml
              coalition validate actors.csv ties.csv --format json
            """)

    @OptionGroup var input: InputOptions

    @Option(help: "Output format: text or json.")
    var format: TextOrJSON = .text

    func run() throws {
        var document = AnalysisSession.validate(input.inputs, loading: input.loading)
        document.showsWarnings = !input.quiet
        print(try document.rendered(format.format) ?? "")
        if !document.valid { throw ExitCode(inputErrorExitCode) }
    }
}
