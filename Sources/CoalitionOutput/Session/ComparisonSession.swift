import Coalition
import CoalitionIO
import Foundation
import Graphviz

/// Two survey waves of one mission, each its own ``AnalysisSession`` opened with the same
/// settings, and what moved between them.
public final class ComparisonSession: @unchecked Sendable {
    public let before: AnalysisSession
    public let after: AnalysisSession
    public let options: WaveComparison.Options
    /// What findings call the waves; nil takes ``label(_:)``'s default.
    public let labels: (before: String, after: String)?

    /// True when only one wave holds participation lists, so both are compared on their direct
    /// ties (see ``init(before:after:options:labels:)``).
    public let onDirectTiesOnly: Bool

    /// The two waves as given, except when only one of them holds participation lists: then both
    /// are compared on their direct ties alone (`projection: ties-only`), or every tie its
    /// initiatives give would read as a tie formed (or dissolved) between the waves.
    public init(before: AnalysisSession, after: AnalysisSession, options: WaveComparison.Options = .init(), labels: (String, String)? = nil) {
        let one = (before.readNetwork.portfolio != nil) != (after.readNetwork.portfolio != nil)
        func direct(_ s: AnalysisSession) -> AnalysisSession {
            guard one, s.readNetwork.portfolio != nil else { return s }
            var settings = s.settings
            settings.projection = .tiesOnly
            return s.with(settings)
        }
        self.before = direct(before)
        self.after = direct(after)
        self.options = options
        self.labels = labels.map { (before: $0.0, after: $0.1) }
        onDirectTiesOnly = one
    }

    /// What ties the waves are compared on, when a portfolio is involved, as a sentence:
    /// "Compared on direct ties only: the 2025 wave has no participation lists, …", or the basis
    /// both share; nil when neither wave has a portfolio.
    public var basis: String? {
        if onDirectTiesOnly {
            return "Compared on direct ties only: the \(waveWithoutLists) wave has no participation lists, and the ties the other wave's initiatives give would all read as change."
        }
        return after.tieBasis.map { "Both waves compared on \($0.replacingOccurrences(of: "ties: ", with: ""))." }
    }

    /// Opens both waves (each a mission file, a folder, sheets, a workbook or a network file)
    /// and checks that they can be compared.
    /// - Throws: every problem of either side, located; or, when both read, why they cannot be
    ///   compared — different direction, an empty wave, no actor in common — at the waves' files.
    /// - Parameters:
    ///   - before: the earlier wave's inputs.
    ///   - after: the later wave's inputs.
    ///   - loading: how both waves are read.
    ///   - afterLoading: how the later wave is read when not as the earlier one (the same
    ///     input on another day: `compare --at D1 --at D2`).
    ///   - settings: the analysis settings both waves share.
    ///   - options: the comparison's tests (permutations, seed, matching).
    public static func open(
        before: [String], after: [String], loading: LoadOptions = .init(), afterLoading: LoadOptions? = nil, settings: AnalysisSettings = .init(),
        options: WaveComparison.Options = .init()
    ) throws(InputError) -> ComparisonSession {
        var problems: [Diagnostic] = []
        var sessions: [AnalysisSession] = []
        for (side, how) in [(before, loading), (after, afterLoading ?? loading)] {
            do throws(InputError) { sessions.append(try AnalysisSession.open(side, loading: how, settings: settings)) } catch { problems += error.diagnostics }
        }
        guard problems.isEmpty else { throw InputError(problems) }
        let dated = afterLoading?.at != nil && afterLoading?.at != loading.at
        let session = ComparisonSession(
            before: sessions[0], after: sessions[1], options: options,
            labels: dated ? (loading.at.map { "\($0)" } ?? "before", afterLoading!.at.map { "\($0)" }!) : nil)
        let found = WaveComparison.problems(before: session.before.network, after: session.after.network, matchNames: options.matchNames)
        guard found.isEmpty else { throw InputError(found.map(session.diagnostic)) }
        return session
    }

    var waveWithoutLists: String { before.readNetwork.portfolio == nil ? label(true) : label(false) }

    /// What the change diagrams' captions say the ties are.
    var captionBasis: String? {
        onDirectTiesOnly ? "ties: direct ties only (the \(waveWithoutLists) wave has no participation lists)" : after.tieBasis
    }

    /// Where a wave is named in messages: its first input.
    func place(_ isBefore: Bool) -> SourceLocation { SourceLocation(file: (isBefore ? before : after).inputs.first ?? (isBefore ? "before" : "after")) }

    func diagnostic(_ problem: WaveComparison.Problem) -> Diagnostic {
        switch problem {
        case .differentDirection(let beforeDirected):
            return Diagnostic(
                .error, .badInput, at: place(!beforeDirected),
                "this wave is read as \(beforeDirected ? "undirected" : "directed") and the \(beforeDirected ? "before" : "after") wave as directed: ties cannot be compared across them; give both --directed, or mark the same ties directed in both")
        case .emptyWave(let isBefore):
            return Diagnostic(.error, .badInput, at: place(isBefore), "the \(isBefore ? "before" : "after") wave has no actors; there is nothing to compare")
        case .noActorInCommon:
            return Diagnostic(
                .error, .badInput, at: place(false),
                "no actor of this wave is in the before wave, by id or by name: these look like two different networks (check that both use the same ids)")
        }
    }

    /// A wave's name in findings: its mission's data date, else its first input's name.
    public func label(_ isBefore: Bool) -> String {
        if let labels { return isBefore ? labels.before : labels.after }
        let s = isBefore ? before : after
        if let date = s.mission?.dataDate { return date }
        return AtomicFiles.split(s.inputs.first ?? (isBefore ? "before" : "after")).name
    }

    /// The comparison: both waves' analyses (computed once per session) and what moved.
    public func comparison() throws(GroupingError) -> WaveComparison {
        func wave(_ s: AnalysisSession) throws(GroupingError) -> WaveComparison.Wave {
            WaveComparison.Wave(network: s.network, measures: try s.measures(), silos: try s.silos(), willing: s.willing, voices: s.voices)
        }
        return WaveComparison(before: try wave(before), after: try wave(after), options: options)
    }

    public func document() throws(GroupingError) -> ComparisonDocument {
        ComparisonDocument(try comparison(), before: before.network, after: after.network, labels: (label(true), label(false)), options: options, basis: basis)
    }
}

extension AnalysisSession {
    /// The mission's latest earlier wave (the last of `waves:`) against this one: the wave is
    /// opened with this session's settings and analysed with this mission's keys (group_by,
    /// willing, expected voices, consultation relations), so that both waves are judged alike.
    /// Nil when the mission lists no wave.
    /// - Throws: the wave's own problems, located, or why the two cannot be compared.
    public func sinceLastWave(loading: LoadOptions = .init(), options: WaveComparison.Options = .init()) throws(InputError) -> ComparisonSession? {
        guard let mission, let wave = mission.waves.last else { return nil }
        let opened = try AnalysisSession.open(wave.files, loading: loading, settings: settings)
        var keys = mission
        keys.waves = []
        keys.dataDate = opened.mission?.dataDate
        keys.source = opened.mission?.source
        let earlier = AnalysisSession(
            network: opened.network, mission: keys, settings: settings, diagnostics: opened.diagnostics, inputs: opened.inputs, files: opened.files)
        let session = ComparisonSession(before: earlier, after: self, options: options, labels: (wave.label, mission.dataDate ?? "now"))
        let found = WaveComparison.problems(before: session.before.network, after: session.after.network, matchNames: options.matchNames)
        guard found.isEmpty else {
            throw InputError(found.map { problem in
                var d = session.diagnostic(problem)
                d.location = wave.location ?? d.location
                d.message = "waves: \(wave.label): " + d.message
                return d
            })
        }
        return session
    }
}

extension ComparisonSession {
    /// The two change drawings — the earlier wave and the later one — with the same position
    /// for every actor: the union of both waves is laid out once (through `renderer`), then each
    /// wave is drawn with those positions pinned (the `nop` engine).
    /// - Parameters:
    ///   - renderer: lays out the union of both waves.
    ///   - shown: the waves as the audience may see them (actors in the same positions).
    ///   - style: the drawing style of both diagrams.
    public func changeDiagrams(
        renderer: Renderer = .inProcess, shown: (before: StakeholderNetwork, after: StakeholderNetwork)? = nil, style: DiagramStyle = .init()
    ) throws -> (before: Diagram, after: Diagram) {
        let c = try comparison()
        let networks = shown ?? (before.network, after.network)
        let mission = after.mission
        var builder = DiagramBuilder(
            network: networks.after, missionName: mission?.name, source: mission?.source, dataDate: mission?.dataDate, labelLimit: style.labels)
        builder.tieBasis = captionBasis
        let values = after.values(of: style.sizeBy)
        let labels = (before: label(true), after: label(false))
        let union = builder.change(c, before: networks.before, showing: .after, labels: labels, values: values, engine: style.engine)
        let laid = try renderer.render(dot: DOTWriter.write(union), engine: union.engine, formats: [.json], pdfDate: "2000-01-01")[0].data
        let positions = try Self.positions(fromGraphvizJSON: laid)
        // The earlier drawing's caption states the earlier wave's date.
        var earlier = DiagramBuilder(
            network: networks.after, missionName: mission?.name, source: before.mission?.source ?? mission?.source,
            dataDate: before.mission?.dataDate ?? labels.before, labelLimit: style.labels)
        earlier.tieBasis = captionBasis
        return (
            earlier.change(c, before: networks.before, showing: .before, labels: labels, values: values, positions: positions),
            builder.change(c, before: networks.before, showing: .after, labels: labels, values: values, positions: positions)
        )
    }

    /// Node positions (points) from Graphviz's `json` output: each object's `name` and `pos`.
    static func positions(fromGraphvizJSON data: Data) throws -> [String: Diagram.Position] {
        guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any], let objects = root["objects"] as? [[String: Any]] else {
            throw GraphvizError(message: "the layout of the change view could not be read back", details: [])
        }
        var out: [String: Diagram.Position] = [:]
        for o in objects {
            guard let name = o["name"] as? String, let pos = o["pos"] as? String else { continue }
            let xy = pos.split(separator: ",").compactMap { Double($0) }
            if xy.count == 2 { out[name] = Diagram.Position(x: xy[0], y: xy[1]) }
        }
        return out
    }
}
