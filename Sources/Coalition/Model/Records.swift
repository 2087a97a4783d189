/// One cell of input as the user wrote it, and where.
public struct Cell: Sendable {
    public var text: String
    public var location: SourceLocation
    public init(_ text: String, at location: SourceLocation) {
        self.text = text
        self.location = location
    }
}

/// How cells of a file are to be read: which characters separate the values of a
/// multi-valued cell, and whether numbers may use a decimal comma (`;`-delimited sheets from
/// European spreadsheets write `2,5`).
public struct CellConventions: Sendable, Hashable {
    public var listSeparators: [Character]
    public var decimalComma: Bool
    /// Characters that are not list separators here but that users write as one (`;` in a
    /// `;`-separated sheet, inside a quoted cell): a list cell holding one is read as a list,
    /// with a warning.
    public var misusedListSeparators: [Character]
    public init(listSeparators: [Character] = ["|"], decimalComma: Bool = false, misusedListSeparators: [Character] = []) {
        self.listSeparators = listSeparators
        self.decimalComma = decimalComma
        self.misusedListSeparators = misusedListSeparators
    }
}

/// An actor as read from a row (or element) of some input format, before interpretation.
/// Each known field is nil when the input has no such column or the cell is empty.
public struct ActorRecord: Sendable {
    public var location: SourceLocation
    public var conventions: CellConventions
    public var id: Cell?
    public var name: Cell?
    public var kind: Cell?
    public var sector: Cell?
    public var level: Cell?
    public var influence: Cell?
    public var interest: Cell?
    public var stance: Cell?
    public var voices: Cell?
    public var commitment: Cell?
    /// `valid_from`, `valid_until`: the first and last day the actor was there.
    public var validFrom: Cell?
    public var validUntil: Cell?
    /// Other columns, in column order.
    public var extra: [(column: String, cell: Cell)] = []

    public init(location: SourceLocation, conventions: CellConventions = .init()) {
        self.location = location
        self.conventions = conventions
    }
}

/// A tie as read from a row (or element), before interpretation.
public struct TieRecord: Sendable {
    public var location: SourceLocation
    public var conventions: CellConventions
    public var source: Cell?
    public var target: Cell?
    public var relation: Cell?
    public var strength: Cell?
    public var commitment: Cell?
    /// `directed`/`undirected`/`mutual` or a boolean (`true`, `yes`, `1` = directed).
    public var direction: Cell?
    public var validFrom: Cell?
    public var validUntil: Cell?
    public var extra: [(column: String, cell: Cell)] = []

    public init(location: SourceLocation, conventions: CellConventions = .init()) {
        self.location = location
        self.conventions = conventions
    }
}

/// An initiative as read from a row of the initiatives sheet (or a second-mode node).
public struct InitiativeRecord: Sendable {
    public var location: SourceLocation
    public var conventions: CellConventions
    public var id: Cell?
    public var name: Cell?
    public var kind: Cell?
    public var sector: Cell?
    public var budget: Cell?
    public var status: Cell?
    public var validFrom: Cell?
    public var validUntil: Cell?
    public var extra: [(column: String, cell: Cell)] = []

    public init(location: SourceLocation, conventions: CellConventions = .init()) {
        self.location = location
        self.conventions = conventions
    }
}

/// A participation as read from a row of the affiliations sheet (or a two-mode edge).
public struct AffiliationRecord: Sendable {
    public var location: SourceLocation
    public var conventions: CellConventions
    public var actor: Cell?
    public var initiative: Cell?
    public var role: Cell?
    public var commitment: Cell?
    public var budget: Cell?
    public var validFrom: Cell?
    public var validUntil: Cell?
    public var extra: [(column: String, cell: Cell)] = []

    public init(location: SourceLocation, conventions: CellConventions = .init()) {
        self.location = location
        self.conventions = conventions
    }
}

/// A tie's direction as written in a sheet.
public enum TieDirection: Sendable, Hashable {
    case directed, undirected, mutual

    /// Gephi's `Directed`/`Undirected`, Kumu's `directed`/`undirected`/`mutual`, or a boolean.
    public init?(parsing text: String) {
        switch normalizedToken(text) {
        case "directed", "true", "yes", "1", "->", "one-way": self = .directed
        case "undirected", "false", "no", "0", "--", "none": self = .undirected
        case "mutual", "reciprocal", "both", "<->", "two-way": self = .mutual
        default: return nil
        }
    }
}

/// How repeated ties between the same pair with the same relation are combined.
public enum MergePolicy: String, Sendable, CaseIterable {
    /// Strengths add up (Gephi's importer does this).
    case sum
    /// The strongest tie is kept.
    case max
    /// Strengths are averaged.
    case mean
}

/// Reads a number, allowing a decimal comma where the conventions say so.
func parseNumber(_ text: String, _ conventions: CellConventions) -> Double? {
    var t = text.trimmingWhitespace()
    if conventions.decimalComma, !t.contains("."), t.contains(",") {
        t = t.replacingAll(",", with: ".")
    }
    guard let x = Double(t), x.isFinite else { return nil }
    return x
}

func splitList(_ text: String, _ separators: [Character]) -> [String] {
    text.split(whereSeparator: { separators.contains($0) })
        .map { $0.trimmingWhitespace() }
        .filter { !$0.isEmpty }
}

extension String {
    func replacingAll(_ a: Character, with b: Character) -> String {
        String(map { $0 == a ? b : $0 })
    }
}
