import ArgumentParser
import Coalition
import CoalitionIO
import Foundation

/// The inputs every command takes, in the same way.
struct InputOptions: ParsableArguments {
    @Argument(help: ArgumentHelp(
        "A mission.yaml; or an actors sheet and a ties sheet (CSV/TSV, either order); or a ties sheet alone; or one Excel workbook (.xlsx), GraphML, GEXF, Coalition or Kumu JSON, or DOT (.gv) file.",
        valueName: "inputs"))
    var inputs: [String] = []

    @Flag(help: "Treat every tie as directed, from source to target (as Gephi's import option).")
    var directed = false

    @Option(help: "How repeated ties between the same pair with the same relation are merged: sum, max or mean (default: the mission's, else sum).")
    var merge: MergePolicy?

    @Option(name: .customLong("actors-sheet"), help: "The workbook's actors sheet (default: the one named Actors, Elements, Nodes or Stakeholders, else told by its columns).")
    var actorsSheet: String?

    @Option(name: .customLong("ties-sheet"), help: "The workbook's ties sheet (default: Ties, Connections, Edges or Relationships, else told by its columns).")
    var tiesSheet: String?

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("Give a mission.yaml, sheets, or a workbook, GraphML, GEXF, JSON or DOT file.") }
    }

    func load() -> LoadedInput {
        InputLoader.load(inputs, options: LoadOptions(forceDirected: directed, merge: merge, actorsSheet: actorsSheet, tiesSheet: tiesSheet))
    }
}

extension MergePolicy: ExpressibleByArgument {}

enum TextOrJSON: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// Where and how the analysis commands write their result.
struct OutputOptions: ParsableArguments {
    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json, csv }

    @Option(help: "Output format: table, json or csv.")
    var format: Format = .table

    @Option(help: "Write to this file (atomically) instead of standard output.")
    var output: String?
}

/// Exit code for input that has errors (usage errors exit with 64, as ArgumentParser does).
let inputErrorExitCode: Int32 = 1

func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

/// Prints diagnostics in `file:line:column: severity: message [code]` form.
func report(_ diagnostics: [Diagnostic], to stream: (String) -> Void) {
    for d in diagnostics { stream(d.description) }
}

func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }

/// Prints `text` or writes it (with a final newline) atomically to `path`.
func emit(_ text: String, to path: String?) throws {
    guard let path else { print(text); return }
    do {
        try AtomicFiles.write(Data((text + "\n").utf8), to: path)
    } catch {
        printError("error: \(error)")
        throw ExitCode(inputErrorExitCode)
    }
}
