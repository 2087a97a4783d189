import ArgumentParser
import Coalition
import CoalitionIO
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
        let loaded = input.load()
        let diagnostics = loaded.diagnostics.sorted()
        let errors = loaded.diagnostics.errorCount, warnings = loaded.diagnostics.warningCount
        switch format {
        case .text:
            report(diagnostics) { print($0) }
            var line = errors == 0 ? "valid: " : "invalid: "
            line += "\(plural(errors, "error")), \(plural(warnings, "warning"))"
            if let n = loaded.network {
                line += "; \(plural(n.actors.count, "actor")), \(plural(n.ties.count, "tie"))\(n.isDirected ? " (directed)" : "")"
            }
            print(line)
        case .json:
            let out = ValidationReport(
                valid: errors == 0, errors: errors, warnings: warnings,
                actors: loaded.network?.actors.count, ties: loaded.network?.ties.count,
                directed: loaded.network?.isDirected, files: loaded.files,
                diagnostics: diagnostics.map(ValidationReport.Entry.init))
            print(try jsonString(out))
        }
        if errors > 0 { throw ExitCode(inputErrorExitCode) }
    }
}

struct ValidationReport: Encodable {
    var valid: Bool
    var errors: Int
    var warnings: Int
    var actors: Int?
    var ties: Int?
    var directed: Bool?
    var files: [String]
    var diagnostics: [Entry]

    struct Entry: Encodable {
        var severity: String
        var code: String
        var file: String
        var line: Int?
        var column: Int?
        var path: String?
        var message: String
        init(_ d: Diagnostic) {
            severity = d.severity.rawValue
            code = d.code.rawValue
            file = d.location.file
            line = d.location.line > 0 ? d.location.line : nil
            column = d.location.column > 0 ? d.location.column : nil
            path = d.location.path
            message = d.message
        }
    }
}

/// Pretty JSON with sorted keys, so output is byte-identical run to run.
func jsonString<T: Encodable>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
}
