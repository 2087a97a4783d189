import Coalition
import CoalitionIO

/// `validate`: every problem found in the input, located, and whether it may be analysed.
public struct ValidationDocument: Document {
    public struct Entry: Encodable, Sendable {
        public var severity: String
        public var code: String
        public var file: String
        public var line: Int?
        public var column: Int?
        public var path: String?
        public var message: String

        public init(_ d: Diagnostic) {
            severity = d.severity.rawValue
            code = d.code.rawValue
            file = d.location.file
            line = d.location.line > 0 ? d.location.line : nil
            column = d.location.column > 0 ? d.location.column : nil
            path = d.location.path
            message = d.message
        }
    }

    public var valid: Bool
    public var errors: Int
    public var warnings: Int
    public var actors: Int?
    public var ties: Int?
    public var directedTies: Int?
    public var undirectedTies: Int?
    public var directed: Bool?
    /// The portfolio's initiatives and participations, when the input has one.
    public var initiatives: Int?
    public var participations: Int?
    public var files: [String]
    public var diagnostics: [Entry]
    private var lines: [(severity: Diagnostic.Severity, text: String)]
    /// Whether the text lists warnings (`--quiet` leaves them out; the counts stay).
    public var showsWarnings = true

    enum CodingKeys: String, CodingKey { case valid, errors, warnings, actors, ties, directedTies, undirectedTies, directed, initiatives, participations, files, diagnostics }

    public init(_ loaded: LoadedInput) {
        let sorted = loaded.diagnostics.sorted()
        errors = loaded.diagnostics.errorCount
        warnings = loaded.diagnostics.warningCount
        valid = errors == 0
        actors = loaded.network?.actors.count
        if let counts = loaded.network?.tieCounts {
            (directedTies, undirectedTies) = counts
            ties = counts.directed + counts.undirected
        }
        directed = loaded.network?.isDirected
        initiatives = loaded.network?.portfolio?.initiatives.count
        participations = loaded.network?.portfolio?.affiliations.count
        files = loaded.files
        diagnostics = sorted.map(Entry.init)
        lines = sorted.map { ($0.severity, $0.description) }
    }

    /// Each problem as `file:line:column: severity: message [code]`, then a one-line verdict.
    public var text: String {
        var line = valid ? "valid: " : "invalid: "
        line += "\(NumberStyle.count(errors, "error")), \(NumberStyle.count(warnings, "warning"))"
        if let actors, let ties {
            line += "; \(NumberStyle.count(actors, "actor")), \(NumberStyle.ties(directed: directedTies ?? 0, undirected: undirectedTies ?? ties))"
        }
        if let initiatives, let participations {
            line += "; \(NumberStyle.count(initiatives, "initiative")), \(NumberStyle.count(participations, "participation"))"
        }
        return (lines.filter { showsWarnings || $0.severity == .error }.map(\.text) + [line]).joined(separator: "\n")
    }
}
