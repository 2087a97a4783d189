import ArgumentParser
import Coalition
import CoalitionGraph
import CoalitionIO
import CoalitionOutput
import Foundation
import Graphviz

/// The inputs every command takes, in the same way.
struct InputOptions: ParsableArguments {
    @Argument(
        help: ArgumentHelp(
            "A mission.yaml; or an actors sheet and a ties sheet (CSV/TSV, either order); or a ties sheet alone; with or instead of ties, an affiliations sheet (who takes part in which initiative) and an initiatives sheet; or one Excel workbook (.xlsx), GraphML, GEXF, Coalition or Kumu JSON, or DOT (.gv) file; or a folder holding one of these.",
            valueName: "inputs"))
    var inputs: [String] = []

    @OptionGroup var reading: ReadingOptions
    @OptionGroup var date: DateOptions

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("Give a mission.yaml, sheets, or a workbook, GraphML, GEXF, JSON or DOT file.") }
    }

    var loading: LoadOptions {
        var l = reading.loading
        l.at = date.day
        return l
    }
    var quiet: Bool { reading.quiet }

    /// Opens a session on the inputs, printing every problem; stops on errors.
    /// - Parameter ties: for the one-mode analyses, how participations become ties; they then
    ///   say what their ties are. Nil for the commands that read the portfolio itself.
    func session(_ settings: AnalysisSettings = .init(), ties: PortfolioTieOptions? = nil) throws -> AnalysisSession {
        var settings = settings
        ties?.apply(to: &settings)
        let session = try openSession(inputs, loading: loading, settings: settings, quiet: quiet)
        if ties != nil, !quiet {
            let notices = session.projectionNotices
            if let warning = notices.warning { printError(warning) }
            if let note = notices.note { printError(note) }
        }
        return session
    }
}

/// How a portfolio's participations become ties for the one-mode analyses.
struct PortfolioTieOptions: ParsableArguments {
    @Option(
        name: .customLong("projection"),
        help: "With participations: add their shared-initiative ties to the direct ties (add), use the direct ties alone (ties-only) or the shared initiatives alone (initiatives-only). Default: the mission's projection, else add.")
    var combination: PortfolioTies.Combination?

    @Option(help: "Initiatives with more members than this give no ties between their members (named in a warning).")
    var maxInitiativeSize = PortfolioTies.defaultMaxInitiativeSize

    func validate() throws {
        if maxInitiativeSize < 2 { throw ValidationError("--max-initiative-size must be 2 or more: an initiative of one member ties no one") }
    }

    func apply(to settings: inout AnalysisSettings) {
        if let combination { settings.projection = combination }
        settings.maxInitiativeSize = maxInitiativeSize
    }
}

extension PortfolioTies.Combination: ExpressibleByArgument {}

/// How inputs are read, whatever they are: every command's reading options.
struct ReadingOptions: ParsableArguments {
    @Flag(help: "Treat every tie as directed, from source to target (as Gephi's import option).")
    var directed = false

    @Option(help: "How repeated ties between the same pair with the same relation are merged: sum, max or mean (default: the mission's, else sum).")
    var merge: MergePolicy?

    @Option(name: .customLong("actors-sheet"), help: "The workbook's actors sheet (default: the one named Actors, Elements, Nodes or Stakeholders, else told by its columns).")
    var actorsSheet: String?

    @Option(name: .customLong("ties-sheet"), help: "The workbook's ties sheet (default: Ties, Connections, Edges or Relationships, else told by its columns).")
    var tiesSheet: String?

    @Option(help: ArgumentHelp("The portfolio's initiatives sheet (id, name, kind, sector, budget, status), read beside the affiliations sheet.", valueName: "file"))
    var initiatives: String?

    @Flag(help: "Print no warnings, notes or progress: only errors (and the requested output).")
    var quiet = false

    var loading: LoadOptions {
        var l = LoadOptions(forceDirected: directed, merge: merge, actorsSheet: actorsSheet, tiesSheet: tiesSheet)
        l.initiativesFile = initiatives
        return l
    }
}

/// `--at DATE`, on every command that reads one network.
struct DateOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The network as it stood on this day (YYYY-MM-DD): rows whose valid_from/valid_until do not cover it are left out.", valueName: "date"))
    var at: String?

    func validate() throws {
        if let at, Day(iso: at) == nil { throw ValidationError("--at must be a date written YYYY-MM-DD, found \"\(at)\"") }
    }

    var day: Day? { at.flatMap(Day.init(iso:)) }
}

/// Opens a session, printing every problem found — only the errors when `quiet` — (after
/// `before`, which clears a progress line); stops with the input-error exit code when any is an
/// error.
func openSession(
    _ inputs: [String], loading: LoadOptions = .init(), settings: AnalysisSettings = .init(),
    quiet: Bool = false, before: () -> Void = {}
) throws -> AnalysisSession {
    do {
        let session = try AnalysisSession.open(inputs, loading: loading, settings: settings)
        before()
        session.diagnostics.filter { !quiet || $0.severity == .error }.forEach { printError($0.description) }
        return session
    } catch {
        before()
        error.diagnostics.forEach { printError($0.description) }
        printError("stopped: \(NumberStyle.count(error.diagnostics.count { $0.severity == .error }, "error")) in the input; run `coalition validate` for the full list")
        throw ExitCode(inputErrorExitCode)
    }
}

/// Options shared by the commands that group actors.
struct GroupingOptions: ParsableArguments {
    @Option(
        name: .customLong("group-by"),
        help: "Attribute that defines the groups: sector, kind, level, stance, commitment, voices or any actors column (default: the mission's group_by, else sector).")
    var groupBy: String?

    @Option(help: "With a multi-valued attribute: use each actor's first value (first) or refuse (error).")
    var multi: MultiValue = .first

    enum MultiValue: String, ExpressibleByArgument, CaseIterable { case first, error }

    func apply(to settings: inout AnalysisSettings) {
        settings.groupBy = groupBy
        settings.requireSingleGroup = multi == .error
    }
}

/// How shortest-path measures are computed: exactly up to a size, from sampled sources above it.
struct PathSamplingOptions: ParsableArguments {
    @Option(name: .customLong("exact-limit"), help: "Above this many actors (and initiatives), betweenness, harmonic and closeness are estimated from sampled sources.")
    var exactLimit = 25_000

    @Option(help: "Sources sampled above the exact limit.")
    var samples = 1_000

    @Option(help: "Seed for the sampling.")
    var seed: UInt64 = 1

    @Option(help: "Threads for the shortest-path measures (results are the same on any number).")
    var threads: Int?

    func validate() throws {
        if samples < 1 { throw ValidationError("--samples must be at least 1") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
    }

    func apply(to settings: inout AnalysisSettings) {
        settings.exactLimit = exactLimit
        settings.samples = samples
        settings.seed = seed
        settings.threads = threads
    }
}

extension MergePolicy: ExpressibleByArgument {}
extension CommunityMethod: ExpressibleByArgument {}
extension DiagramBuilder.View: ExpressibleByArgument {}
extension ActorMeasure: ExpressibleByArgument {}
extension LayoutEngine: ExpressibleByArgument {}
extension PowerInterestGrid.Measure: ExpressibleByArgument {}
extension CommunitySettings.Objective: ExpressibleByArgument {}

enum TextOrJSON: String, ExpressibleByArgument, CaseIterable {
    case text, json
    var format: DocumentFormat { self == .text ? .text : .json }
}

/// Where and how the analysis commands write their result.
struct OutputOptions: ParsableArguments {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json, csv
        var format: DocumentFormat {
            switch self {
            case .table: .text;
            case .json: .json;
            case .csv: .csv
            }
        }
    }

    @Option(help: "Output format: table, json or csv.")
    var format: Format = .table

    @Option(help: "Write to this file (atomically) instead of standard output.")
    var output: String?

    /// Writes `document` as asked.
    func emit(_ document: some Document) throws {
        try CoalitionCLI.emit(try document.rendered(format.format) ?? "", to: output)
    }
}

/// Exit code for input that has errors (usage errors exit with 64, as ArgumentParser does).
let inputErrorExitCode: Int32 = 1

func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

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

/// Runs `body`, turning the library's typed errors into the CLI's advice and exit code.
func orStop<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as GroupingError {
        printError("error: " + advice(error))
        throw ExitCode(inputErrorExitCode)
    } catch let error as DiagramError {
        if case .grouping(let g) = error { printError("error: " + advice(g)) } else { printError("error: \(error)") }
        throw ExitCode(inputErrorExitCode)
    } catch let error as GraphvizError {
        printError("error: \(error.message)")
        for d in error.details { printError("  \(d)") }
        throw ExitCode(inputErrorExitCode)
    }
}

/// The library says what is wrong; the CLI adds which option sets it right.
func advice(_ error: GroupingError) -> String {
    switch error {
    case .severalValues: error.message + " (use --multi first to take the first value)"
    case .unknownAttribute: error.message
    }
}
