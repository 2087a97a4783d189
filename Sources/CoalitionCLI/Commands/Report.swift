import ArgumentParser
import Coalition
import CoalitionIO
import CoalitionOutput
import CoalitionReport
import Foundation

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the briefing pack: the page, the Markdown report, every diagram and the data, from a mission file.",
        discussion: """
            Writes to DIR (default output/<mission>/): index.html (one self-contained page: key \
            findings, every diagram with its caption and legend, sortable tables of actor measures, \
            the power–interest grid, methods, provenance), report.md, diagrams/ (full, groups, silos, \
            willing and voices views as SVG, PNG and PDF) and data/ (actors.csv with every measure, \
            ties.csv, groups.csv, findings.json, the network as GraphML and GEXF with the measures). \
            The pack is written beside DIR and moved into place when complete. --audience external \
            leaves out the mission's sensitive_columns, every raw attribute, opposition ties, the \
            power–interest grid and the camps, and pseudonymises people when the mission says \
            personal_data: true. The same input gives the same bytes in every file.

            Examples:
              coalition report fixtures/healthy-lives-2040/mission.yaml
              coalition report fixtures/healthy-lives-2040/mission.yaml --audience external --output-dir output/healthy-external
            """)

    @Argument(help: ArgumentHelp("The mission file (mission.yaml).", valueName: "mission.yaml"))
    var mission: String

    @Option(name: .customLong("output-dir"), help: "Where to write the pack (default: output/<mission-slug>/).")
    var outputDir: String?

    @Option(help: "internal (everything; printed on every page) or external (safe to circulate).")
    var audience: Briefing.Audience = .internal

    @Option(help: "The date the pack states, YYYY-MM-DD (default: the mission's data_date).")
    var date: String?

    @Flag(help: "Print no warnings, notes or progress: only errors.")
    var quiet = false

    @OptionGroup var dateOptions: DateOptions
    @OptionGroup var portfolioTies: PortfolioTieOptions

    func validate() throws {
        if let outputDir, outputDir.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--output-dir must name a folder, found an empty name")
        }
        if let date, date.range(of: #"^\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) == nil {
            throw ValidationError("--date must be written YYYY-MM-DD, found \"\(date)\"")
        }
        let ext = (mission as NSString).pathExtension.lowercased()
        if ext != "yaml" && ext != "yml" {
            throw ValidationError("report reads a mission file (mission.yaml), which names the mission and its data; `coalition init` writes one")
        }
    }

    func run() throws {
        let progress = Progress(enabled: !quiet && isatty(STDERR_FILENO) == 1)
        progress.say("reading \(AtomicFiles.split(mission).name)")
        var settings = AnalysisSettings()
        portfolioTies.apply(to: &settings)
        let session = try openSession([mission], loading: LoadOptions(at: dateOptions.day), settings: settings, quiet: quiet, before: progress.clear)
        // The pack states what its ties are; initiatives too large to give ties are named here.
        if !quiet, let warning = session.projectionNotices.warning {
            progress.clear()
            printError(warning)
        }
        // A scenario that names an actor the sheets do not have stops the pack before it starts.
        for scenario in session.mission?.scenarios ?? [] {
            do throws(WhatIfError) { _ = try session.leaving(Departure(scenario)) } catch {
                progress.clear()
                printError("\(scenario.location.map { "\($0): " } ?? "")error: \(error) [bad-mission]")
                throw ExitCode(inputErrorExitCode)
            }
        }
        // A finding code the mission would omit from external packs must be one that exists:
        // a typo would let the finding out.
        let codes = FindingTemplates.english.keys.sorted()
        for code in session.mission?.externalOmit ?? [] where !codes.contains(code) {
            progress.clear()
            let at = session.mission?.locations["external"].map { "\($0): " } ?? ""
            let hint = Suggestions.closest(to: code, in: codes).map { "did you mean \"\($0)\"? " } ?? ""
            printError("\(at)error: external.omit names \"\(code)\", which is no finding code; \(hint)the codes are listed in the README (Findings) [bad-mission]")
            throw ExitCode(inputErrorExitCode)
        }
        // The mission's last earlier wave, when it lists one: the pack says what changed since.
        let since: ComparisonSession?
        do {
            since = try session.sinceLastWave(options: { var o = WaveComparison.Options(); o.seed = session.settings.seed; return o }())
        } catch {
            progress.clear()
            error.diagnostics.forEach { printError($0.description) }
            printError("stopped: \(NumberStyle.count(error.diagnostics.count { $0.severity == .error }, "error")) in the earlier wave; run `coalition validate` on it for the full list")
            throw ExitCode(inputErrorExitCode)
        }
        if !quiet, let since { since.before.diagnostics.forEach { printError($0.description) } }
        let briefing: Briefing
        do {
            briefing = try Briefing(session: session, audience: audience, date: date, since: since, progress: progress.say)
        } catch {
            progress.clear()
            printError("error: \(advice(error))")
            throw ExitCode(inputErrorExitCode)
        }
        let m = briefing.mission
        let folder = outputDir ?? "output/\(m.slug)"
        let written: [String]
        do {
            // Each view is drawn by this same executable in a process of its own (see Renderer).
            written = try BriefingPack.write(
                briefing, to: folder, renderer: .freshProcess, progress: progress.say,
                note: {
                    progress.clear()
                    if !quiet { printError("note: " + $0) }
                })
        } catch {
            progress.clear()
            printError("error: the pack could not be written to \(folder): \(error)")
            throw ExitCode(inputErrorExitCode)
        }
        progress.clear()
        if !quiet {
            print("wrote \(written.count) files to \(folder)/ for an \(audience.rawValue) audience: \(briefing.findings.count) findings, \(written.count { $0.hasPrefix("diagrams/") && $0.hasSuffix(".svg") }) diagrams in 3 formats")
            print("open \(folder)/index.html")
        }
    }
}

extension Audience: ExpressibleByArgument {}

/// Phases on one terminal line, rewritten in place; nothing when standard error is not a terminal.
final class Progress {
    let enabled: Bool
    let start = Date()
    init(enabled: Bool) { self.enabled = enabled }

    func say(_ phase: String) {
        guard enabled else { return }
        let seconds = String(format: "%4.1f s", Date().timeIntervalSince(start))
        FileHandle.standardError.write(Data("\r\u{1B}[2K\(seconds)  \(phase)…".utf8))
    }

    func clear() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
    }
}
