import ArgumentParser
import Coalition
import CoalitionIO
import CoalitionOutput
import Foundation

struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare two survey waves: who joined or left, which ties formed, which silos were bridged, whether the willing grew.",
        discussion: """
            Each wave is one path — a mission.yaml, a folder holding an actors and a ties sheet (or \
            a mission.yaml), a workbook, or a GraphML, GEXF, JSON or DOT file — or sheets given with \
            --before and --after. Both are read the same way (the reading and grouping options apply \
            to both). Actors are matched by id, and an actor whose id changed but whose name did not \
            by its name (--match id turns that off). A tie is its pair of actors (ordered when \
            directed). Jaccard, Hamming (R sna's hdist), the graph correlation (sna's gcor) with its \
            QAP test, the E-I change test and the rank correlations are on the actors in both waves; \
            each test's p is (b+1)/(R+1) from seeded permutations.

            Examples:
              coalition compare wave-2025/mission.yaml wave-2026/mission.yaml
              coalition compare --before a25.csv --before t25.csv --after a26.csv --after t26.csv --format json
            """)

    @Argument(help: ArgumentHelp("The earlier wave, then the later one (one path each).", valueName: "waves"))
    var waves: [String] = []

    @Option(name: .customLong("before"), help: ArgumentHelp("A file of the earlier wave (repeat for a sheet pair).", valueName: "file"))
    var beforeFiles: [String] = []

    @Option(name: .customLong("after"), help: ArgumentHelp("A file of the later wave (repeat for a sheet pair).", valueName: "file"))
    var afterFiles: [String] = []

    @OptionGroup var reading: ReadingOptions

    @Option(name: .customLong("at"), help: ArgumentHelp("Compare one input on two days (give it twice: the earlier day, then the later), or read both waves as they stood on one day (YYYY-MM-DD).", valueName: "date"))
    var dates: [String] = []
    @OptionGroup var groupingOptions: GroupingOptions

    enum Matching: String, ExpressibleByArgument, CaseIterable { case name, id }

    @Option(help: "Match actors by id only (id), or also an actor whose id changed by its unchanged name (name).")
    var match: Matching = .name

    @Option(help: "Permutations for the QAP and E-I change tests (and each wave's own E-I test).")
    var permutations = 1000

    @Option(help: "Seed for the permutation tests and community detection.")
    var seed: UInt64 = 1

    @OptionGroup var out: OutputOptions

    func validate() throws {
        let byOption = !beforeFiles.isEmpty || !afterFiles.isEmpty
        if byOption && !waves.isEmpty {
            throw ValidationError("give the waves either as two paths or with --before and --after, not both")
        }
        if byOption && (beforeFiles.isEmpty || afterFiles.isEmpty) {
            throw ValidationError("give both waves: --before for the earlier one and --after for the later one")
        }
        for d in dates where Day(iso: d) == nil { throw ValidationError("--at must be a date written YYYY-MM-DD, found \"\(d)\"") }
        if dates.count > 2 { throw ValidationError("--at is given once (both waves on that day) or twice (one input on two days)") }
        if dates.count == 2 {
            if byOption || waves.count != 1 { throw ValidationError("with two --at dates, give one input (a path): it is compared with itself on the two days") }
            if let a = Day(iso: dates[0]), let b = Day(iso: dates[1]), !(a < b) { throw ValidationError("--at: give the earlier day first (\(dates[0]) is not before \(dates[1]))") }
        } else if !byOption && waves.count != 2 {
            throw ValidationError("give two waves, the earlier then the later (found \(waves.count) path\(waves.count == 1 ? "" : "s"))")
        }
        if permutations < 1 { throw ValidationError("--permutations must be at least 1") }
    }

    func run() throws {
        var settings = AnalysisSettings()
        groupingOptions.apply(to: &settings)
        settings.permutations = permutations
        settings.seed = seed
        var options = WaveComparison.Options()
        options.matchNames = match == .name
        options.permutations = permutations
        options.seed = seed
        let (before, after) = waves.count == 2 ? ([waves[0]], [waves[1]]) : waves.count == 1 ? ([waves[0]], [waves[0]]) : (beforeFiles, afterFiles)
        var loading = reading.loading
        var afterLoading: LoadOptions?
        if let first = dates.first { loading.at = Day(iso: first) }
        if dates.count == 2 {
            afterLoading = reading.loading
            afterLoading?.at = Day(iso: dates[1])
        }
        let session: ComparisonSession
        do {
            session = try ComparisonSession.open(
                before: before, after: after, loading: loading, afterLoading: afterLoading, settings: settings, options: options)
        } catch {
            error.diagnostics.forEach { printError($0.description) }
            printError("stopped: \(NumberStyle.count(error.diagnostics.count { $0.severity == .error }, "error")) in the input; run `coalition validate` on each wave for the full list")
            throw ExitCode(inputErrorExitCode)
        }
        if !reading.quiet {
            for d in session.before.diagnostics + session.after.diagnostics { printError(d.description) }
        }
        try out.emit(try orStop { try session.document() })
    }
}
