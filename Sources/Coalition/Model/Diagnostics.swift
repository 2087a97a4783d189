/// Where in a user's file something was found. Lines and columns are 1-based; 0 means
/// "not known" (a file-level problem, or a format such as JSON whose reader gives no
/// positions, in which case `path` names the element, e.g. `ties[3].target`).
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var path: String?

    public init(file: String, line: Int = 0, column: Int = 0, path: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.path = path
    }

    /// `file:line:column`, `file:line`, or `file`, the form editors and compilers use.
    public var description: String {
        if line > 0 && column > 0 { return "\(file):\(line):\(column)" }
        if line > 0 { return "\(file):\(line)" }
        return file
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column, a.path ?? "") < (b.file, b.line, b.column, b.path ?? "")
    }
}

/// One problem found in the input: an error stops the run (non-zero exit), a warning does not.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Comparable {
        case warning, error
        public static func < (a: Severity, b: Severity) -> Bool { a == .warning && b == .error }
    }

    /// A stable identifier of the class of problem (documented in the README).
    public var code: Code
    public var severity: Severity
    public var location: SourceLocation
    public var message: String

    public init(_ severity: Severity, _ code: Code, at location: SourceLocation, _ message: String) {
        self.severity = severity
        self.code = code
        self.location = location
        self.message = message
    }

    /// `file:line:column: error: message [code]`.
    public var description: String {
        let where_ = location.path.map { "\($0): " } ?? ""
        return "\(location): \(severity.rawValue): \(where_)\(Self.oneLine(message)) [\(code.rawValue)]"
    }

    /// The message on one line: control characters quoted from the input (a line break inside
    /// a mangled cell) are written as escapes, so that every diagnostic is one line of output.
    static func oneLine(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }) else { return text }
        var out = ""
        for u in text.unicodeScalars {
            switch u {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where u.value < 0x20 || u.value == 0x7F: out += "\\u{\(String(u.value, radix: 16))}"
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }

    /// The classes of problem. Their raw values are printed and documented.
    public enum Code: String, Sendable, Hashable, CaseIterable {
        case fileUnreadable = "file-unreadable"
        case emptyFile = "empty-file"
        case encoding = "encoding"
        case badQuoting = "bad-quoting"
        case raggedRow = "ragged-row"
        case missingColumn = "missing-column"
        case duplicateColumn = "duplicate-column"
        case unknownSheet = "unknown-sheet"
        case emptyID = "empty-id"
        case duplicateActor = "duplicate-actor"
        case lookalikeID = "lookalike-id"
        case unknownActor = "unknown-actor"
        case selfLoop = "self-loop"
        case duplicateTie = "duplicate-tie"
        case badStrength = "bad-strength"
        case badCommitment = "bad-commitment"
        case badStance = "bad-stance"
        case badLevel = "bad-level"
        case badScore = "bad-score"
        case badDirection = "bad-direction"
        case unknownKind = "unknown-kind"
        case mixedDirection = "mixed-direction"
        case malformedXML = "malformed-xml"
        case malformedJSON = "malformed-json"
        case malformedYAML = "malformed-yaml"
        case malformedXLSX = "malformed-xlsx"
        case malformedDOT = "malformed-dot"
        case badMission = "bad-mission"
        case unknownKey = "unknown-key"
        case badInput = "bad-input"
        case listSeparator = "list-separator"
        case actorByName = "actor-by-name"
        case headerRow = "header-row"
        case noRows = "no-rows"
        case placeholder = "placeholder"
        case expectedVoice = "expected-voice"
        case badDate = "bad-date"
        case unknownInitiative = "unknown-initiative"
        case duplicateInitiative = "duplicate-initiative"
        case duplicateParticipation = "duplicate-participation"
        case modeClash = "mode-clash"
        case badRole = "bad-role"
        case badBudget = "bad-budget"
        case personalTitle = "personal-title"
    }
}

/// An ordered collection of diagnostics.
public struct DiagnosticLog: Sendable {
    public private(set) var entries: [Diagnostic] = []
    public init() {}

    public mutating func error(_ code: Diagnostic.Code, at location: SourceLocation, _ message: String) {
        entries.append(Diagnostic(.error, code, at: location, message))
    }
    public mutating func warning(_ code: Diagnostic.Code, at location: SourceLocation, _ message: String) {
        entries.append(Diagnostic(.warning, code, at: location, message))
    }
    public mutating func append(contentsOf other: DiagnosticLog) { entries += other.entries }
    public mutating func append(_ d: Diagnostic) { entries.append(d) }

    public var errorCount: Int { entries.count { $0.severity == .error } }
    public var warningCount: Int { entries.count { $0.severity == .warning } }
    public var hasErrors: Bool { entries.contains { $0.severity == .error } }

    /// Entries in reading order: by file as first seen, then line and column; stable otherwise.
    public func sorted() -> [Diagnostic] {
        var fileOrder: [String: Int] = [:]
        for d in entries where fileOrder[d.location.file] == nil { fileOrder[d.location.file] = fileOrder.count }
        return entries.enumerated().sorted { a, b in
            let fa = fileOrder[a.element.location.file]!, fb = fileOrder[b.element.location.file]!
            if fa != fb { return fa < fb }
            let la = a.element.location, lb = b.element.location
            if (la.line, la.column) != (lb.line, lb.column) { return (la.line, la.column) < (lb.line, lb.column) }
            return a.offset < b.offset
        }.map(\.element)
    }
}

/// Thrown when input cannot be used at all; carries every diagnostic found so far.
public struct InputError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    public init(_ d: Diagnostic) { self.diagnostics = [d] }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
