import Coalition

/// Which sheet a file is: the actors (nodes), the ties (edges), the initiatives of the
/// portfolio, or the participations (affiliations) of actors in initiatives.
public enum SheetRole: String, Sendable {
    case actors, ties, initiatives, affiliations

    /// How messages name the sheet.
    var name: String { self == .affiliations ? "affiliations (participations)" : rawValue }

    /// What a sheet of this role without rows means.
    var emptyMeaning: String {
        switch self {
        case .actors: "no actor is declared"
        case .ties: "no tie is given"
        case .initiatives: "no initiative is declared"
        case .affiliations: "no one takes part in anything"
        }
    }
}

/// The model field a column feeds.
enum ColumnField: Hashable {
    case id, name, kind, sector, level, influence, interest, stance, voices, commitment
    case source, target, relation, strength, direction
    case validFrom, validUntil
    case actor, initiative, role, budget, status
    /// Gephi's `Type` means direction (Directed/Undirected), Kumu's the relation: decided by
    /// the first value.
    case typeAmbiguous
    case extra(String)
}

/// Column names users already have, matched case-insensitively and ignoring spaces, `_` and `-`:
/// Gephi (`Id`, `Label`; `Source`, `Target`, `Type`, `Weight`), Kumu (`Label`, `Type`, `Tags`;
/// `From`, `To`, `Type`, `Direction`, `Strength`) and Coalition's own names.
enum ColumnAliases {
    static let actors: [String: ColumnField] = [
        "id": .id, "key": .id, "actorid": .id, "nodeid": .id,
        "name": .name, "label": .name, "actorname": .name, "organisation": .name, "organization": .name,
        "kind": .kind, "type": .kind, "actortype": .kind, "category": .kind, "elementtype": .kind,
        "sector": .sector, "sectors": .sector,
        "level": .level, "governancelevel": .level,
        "influence": .influence, "power": .influence,
        "interest": .interest,
        "stance": .stance, "position": .stance,
        "voices": .voices, "voice": .voices, "represents": .voices,
        "commitment": .commitment, "commitmentlevel": .commitment,
        "validfrom": .validFrom, "startdate": .validFrom, "validuntil": .validUntil, "validto": .validUntil, "enddate": .validUntil,
    ]
    static let ties: [String: ColumnField] = [
        "source": .source, "from": .source, "sourceid": .source,
        "target": .target, "to": .target, "targetid": .target,
        "relation": .relation, "relationship": .relation, "relationtype": .relation, "tietype": .relation,
        "connectiontype": .relation,
        "type": .typeAmbiguous,
        "strength": .strength, "weight": .strength,
        "commitment": .commitment, "commitmentlevel": .commitment,
        "direction": .direction, "directed": .direction,
        "validfrom": .validFrom, "startdate": .validFrom, "validuntil": .validUntil, "validto": .validUntil, "enddate": .validUntil,
    ]

    static let initiatives: [String: ColumnField] = [
        "id": .id, "key": .id, "initiativeid": .id, "projectid": .id, "code": .id,
        "name": .name, "label": .name, "title": .name, "initiative": .name, "project": .name,
        "initiativename": .name, "projectname": .name,
        "kind": .kind, "type": .kind, "category": .kind, "format": .kind, "initiativetype": .kind,
        "sector": .sector, "sectors": .sector,
        "budget": .budget, "funding": .budget, "amount": .budget, "totalbudget": .budget,
        "status": .status, "stage": .status, "phase": .status,
        "validfrom": .validFrom, "startdate": .validFrom, "validuntil": .validUntil, "validto": .validUntil, "enddate": .validUntil,
    ]
    static let affiliations: [String: ColumnField] = [
        "actor": .actor, "actorid": .actor, "organisation": .actor, "organization": .actor, "organisationid": .actor,
        "organizationid": .actor, "member": .actor, "stakeholder": .actor,
        "initiative": .initiative, "initiativeid": .initiative, "project": .initiative, "projectid": .initiative,
        "programme": .initiative, "program": .initiative, "pilot": .initiative, "event": .initiative,
        "role": .role, "participationrole": .role, "partnerrole": .role,
        "commitment": .commitment, "commitmentlevel": .commitment,
        "budget": .budget, "funding": .budget, "contribution": .budget, "amount": .budget,
        "validfrom": .validFrom, "startdate": .validFrom, "validuntil": .validUntil, "validto": .validUntil, "enddate": .validUntil,
    ]

    static func table(for role: SheetRole) -> [String: ColumnField] {
        switch role {
        case .actors: actors
        case .ties: ties
        case .initiatives: initiatives
        case .affiliations: affiliations
        }
    }

    static func key(_ header: String) -> String {
        String(header.lowercased().unicodeScalars.filter { !" _-.\t".unicodeScalars.contains($0) }.map(Character.init))
    }

    /// Tells the role of a sheet from its header: source and target (or from and to) make a
    /// ties sheet; an initiative (or project) column beside an actor (or organisation) column
    /// makes an affiliations sheet; an id, label or name column makes an actors sheet. An
    /// initiatives sheet has an actors sheet's columns, so it is never told this way: it is
    /// named (``SheetRole/initiatives``).
    static func role(of header: [String]) -> SheetRole? {
        let keys = Set(header.map(key))
        let hasSource = keys.contains { ties[$0] == .source }
        let hasTarget = keys.contains { ties[$0] == .target }
        if hasSource || hasTarget { return .ties }
        if keys.contains(where: { affiliations[$0] == .initiative }) && keys.contains(where: { affiliations[$0] == .actor }) {
            return .affiliations
        }
        if keys.contains(where: { actors[$0] == .id || actors[$0] == .name }) { return .actors }
        return nil
    }
}

extension ActorRecord {
    /// Puts a cell in `field`; anything that is not an actor field is kept as the attribute
    /// `column`.
    @inline(__always)
    mutating func set(_ field: ColumnField, _ cell: Cell, column: @autoclosure () -> String) {
        switch field {
        case .id: id = cell
        case .name: name = cell
        case .kind: kind = cell
        case .sector: sector = cell
        case .level: level = cell
        case .influence: influence = cell
        case .interest: interest = cell
        case .stance: stance = cell
        case .voices: voices = cell
        case .commitment: commitment = cell
        case .validFrom: validFrom = cell
        case .validUntil: validUntil = cell
        case .extra(let name): extra.append((name, cell))
        default: extra.append((column(), cell))
        }
    }

    /// An attribute of a GraphML or GEXF node, by its name. Formats give the id their own way,
    /// so an attribute called "id" is kept as an attribute.
    public mutating func assign(_ cell: Cell, toColumn name: String) {
        let field = ColumnAliases.actors[ColumnAliases.key(name)]
        set(field == .id ? .extra(name) : field ?? .extra(name), cell, column: name)
    }
}

extension TieRecord {
    /// Puts a cell in `field`; anything else is kept as the attribute `column`.
    @inline(__always)
    mutating func set(_ field: ColumnField, _ cell: Cell, column: @autoclosure () -> String) {
        switch field {
        case .source: source = cell
        case .target: target = cell
        case .relation: relation = cell
        case .strength: strength = cell
        case .commitment: commitment = cell
        case .direction: direction = cell
        case .validFrom: validFrom = cell
        case .validUntil: validUntil = cell
        case .extra(let name): extra.append((name, cell))
        default: extra.append((column(), cell))
        }
    }

    /// An attribute of a GraphML or GEXF edge, by its name (endpoints come from the element).
    public mutating func assign(_ cell: Cell, toColumn name: String) {
        let field = ColumnAliases.ties[ColumnAliases.key(name)]
        set(field == .source || field == .target ? .extra(name) : field ?? .extra(name), cell, column: name)
    }
}

extension InitiativeRecord {
    mutating func set(_ field: ColumnField, _ cell: Cell, column: @autoclosure () -> String) {
        switch field {
        case .id: id = cell
        case .name: name = cell
        case .kind: kind = cell
        case .sector: sector = cell
        case .budget: budget = cell
        case .status: status = cell
        case .validFrom: validFrom = cell
        case .validUntil: validUntil = cell
        case .extra(let name): extra.append((name, cell))
        default: extra.append((column(), cell))
        }
    }

    /// An attribute of a GraphML or GEXF node of the second mode, by its name.
    public mutating func assign(_ cell: Cell, toColumn name: String) {
        let field = ColumnAliases.initiatives[ColumnAliases.key(name)]
        set(field == .id ? .extra(name) : field ?? .extra(name), cell, column: name)
    }
}

extension AffiliationRecord {
    mutating func set(_ field: ColumnField, _ cell: Cell, column: @autoclosure () -> String) {
        switch field {
        case .actor: actor = cell
        case .initiative: initiative = cell
        case .role: role = cell
        case .commitment: commitment = cell
        case .budget: budget = cell
        case .validFrom: validFrom = cell
        case .validUntil: validUntil = cell
        case .extra(let name): extra.append((name, cell))
        default: extra.append((column(), cell))
        }
    }

    /// An attribute of a GraphML or GEXF edge between the modes, by its name (the ends come
    /// from the element). `weight` is a tie's; a participation has none, so it stays an attribute.
    public mutating func assign(_ cell: Cell, toColumn name: String) {
        let field = ColumnAliases.affiliations[ColumnAliases.key(name)]
        set(field == .actor || field == .initiative ? .extra(name) : field ?? .extra(name), cell, column: name)
    }
}

/// Reads the rows of a sheet into a ``NetworkAssembler``.
struct SheetLayout {
    let role: SheetRole
    var fields: [ColumnField]
    let headers: [String]

    /// - Throws: when a required column is missing or a column name repeats.
    init(header: CSVRow, role: SheetRole, file: String) throws(InputError) {
        self.role = role
        self.headers = header.fields.map { $0.trimmingWhitespace() }
        let table = ColumnAliases.table(for: role)
        var seen: [ColumnField: Int] = [:]
        var problems: [Diagnostic] = []
        var fields: [ColumnField] = []
        for (i, h) in headers.enumerated() {
            var field = table[ColumnAliases.key(h)] ?? .extra(h)
            if h.isEmpty {
                problems.append(
                    Diagnostic(
                        .error, .missingColumn, at: header.location(ofField: i, in: file),
                        "column \(i + 1) has no name; every column needs a header"))
            }
            if let first = seen[field] {
                // A second alias of the same field (`Label` beside `Name`) is kept as an attribute;
                // the very same name twice is an error.
                if ColumnAliases.key(headers[first]) == ColumnAliases.key(h) {
                    problems.append(
                        Diagnostic(
                            .error, .duplicateColumn, at: header.location(ofField: i, in: file),
                            "column \"\(h)\" appears twice (first as column \(first + 1))"))
                }
                field = .extra(h)
            }
            if case .extra = field {} else { seen[field] = i }
            fields.append(field)
        }
        // Gephi `Id`+`Label`: the label is the name. Kumu `Label` alone: the label is the id.
        let required: [(ColumnField, String)] =
            switch role {
            case .ties: [(.source, "source (or from)"), (.target, "target (or to)")]
            case .affiliations: [(.actor, "actor (or organisation)"), (.initiative, "initiative (or project)")]
            case .actors, .initiatives: []
            }
        for (field, names) in required where seen[field] == nil {
            problems.append(
                Diagnostic(
                    .error, .missingColumn, at: SourceLocation(file: file, line: header.line, column: 1),
                    "the \(role.name) sheet has no \(names) column; columns found: \(headers.joined(separator: ", "))"))
        }
        if (role == .actors || role == .initiatives) && seen[.id] == nil && seen[.name] == nil {
            problems.append(
                Diagnostic(
                    .error, .missingColumn, at: SourceLocation(file: file, line: header.line, column: 1),
                    "the \(role.rawValue) sheet has no id (or \(role == .actors ? "label" : "name")) column; columns found: \(headers.joined(separator: ", "))"))
        }
        if !problems.isEmpty { throw InputError(problems) }
        self.fields = fields
    }

    /// - Parameter delimiter: the sheet's field separator, as messages name it.
    mutating func feed(
        _ row: CSVRow, file: String, conventions: CellConventions, delimiter: String,
        into assembler: inout NetworkAssembler
    ) {
        if row.fields.count != fields.count {
            // A trailing empty field from a trailing delimiter is harmless.
            let trimmed = row.fields.count > fields.count && row.fields[fields.count...].allSatisfy { $0.trimmingWhitespace().isEmpty }
            if !trimmed {
                // Too many fields: where the first extra one starts; too few: just past the last.
                var at = row.location(ofField: min(fields.count, row.fields.count - 1), in: file)
                if row.fields.count < fields.count, at.line == row.line { at.column += row.fields.last?.count ?? 0 }
                assembler.note(
                    Diagnostic(
                        .error, .raggedRow, at: at,
                        "row has \(row.fields.count) field\(row.fields.count == 1 ? "" : "s"), the header has \(fields.count); check for a missing or extra delimiter (\(delimiter)) or an unquoted one inside a value"
                    ))
                return
            }
        }
        let rowLocation = SourceLocation(file: file, line: row.line, column: 1)
        switch role {
        case .actors:
            var r = ActorRecord(location: rowLocation, conventions: conventions)
            for (i, field) in fields.enumerated() {
                r.set(field, Cell(row.fields[i], at: row.location(ofField: i, in: file)), column: headers[i])
            }
            assembler.add(r)
        case .ties:
            var r = TieRecord(location: rowLocation, conventions: conventions)
            for (i, field) in fields.enumerated() {
                let text = row.fields[i]
                if case .extra = field, text.isEmpty { continue }
                let cell = Cell(text, at: row.location(ofField: i, in: file))
                if case .typeAmbiguous = field {
                    let t = text.trimmingWhitespace()
                    if t.isEmpty { continue }
                    let looksLikeDirection = ["directed", "undirected", "mutual"].contains(t.lowercased())
                    fields[i] = looksLikeDirection ? .direction : (fields.contains(.relation) ? .extra(headers[i]) : .relation)
                }
                r.set(fields[i], cell, column: headers[i])
            }
            assembler.add(r)
        case .initiatives:
            var r = InitiativeRecord(location: rowLocation, conventions: conventions)
            for (i, field) in fields.enumerated() {
                r.set(field, Cell(row.fields[i], at: row.location(ofField: i, in: file)), column: headers[i])
            }
            assembler.add(r)
        case .affiliations:
            var r = AffiliationRecord(location: rowLocation, conventions: conventions)
            for (i, field) in fields.enumerated() {
                let text = row.fields[i]
                if case .extra = field, text.isEmpty { continue }
                r.set(field, Cell(text, at: row.location(ofField: i, in: file)), column: headers[i])
            }
            assembler.add(r)
        }
    }
}

/// Finds a sheet's header: the first row, or — when a title sits above it — the first of the
/// top rows whose cells name known columns.
enum HeaderSearch {
    /// How far down a header is looked for.
    static let rows = 20

    /// The header's position among `rows` (blank and comment rows already left out), or nil
    /// when no row names known columns; the first row when it already does.
    static func find(in rows: [CSVRow], role: SheetRole?) -> Int? {
        rows.firstIndex { row in
            // An initiatives sheet is named, not told by its columns: its header names an id or a name.
            if role == .initiatives {
                return row.fields.contains { [.id, .name].contains(ColumnAliases.initiatives[ColumnAliases.key($0)]) }
            }
            guard let found = ColumnAliases.role(of: row.fields) else { return false }
            return role == nil || found == role
        }
    }

    /// The warning for rows skipped above the header.
    static func skipped(_ count: Int, header: CSVRow, file: String, unit: String) -> Diagnostic {
        Diagnostic(
            .warning, .headerRow, at: SourceLocation(file: file, line: header.line, column: 1),
            "the header is on \(unit) \(header.line), the first row whose cells name known columns; \(count == 1 ? "the row" : "the \(count) rows") above it (a title?) \(Wording.verb(count, "is", "are")) skipped")
    }
}

extension CSVFile {
    /// The header row and how many rows above it are skipped: the first row that is not blank
    /// or a comment, unless a later one among the first 20 names the columns and it does not.
    func headerRow(for role: SheetRole? = nil) -> (row: CSVRow, skipped: Int)? {
        let top = firstRows(HeaderSearch.rows)
        guard let first = top.first else { return nil }
        guard let i = HeaderSearch.find(in: top, role: role) else { return (first, 0) }
        return (top[i], i)
    }

    /// The sheet's role told from its header, or nil when it cannot be told.
    public func detectedRole() -> SheetRole? {
        headerRow().flatMap { ColumnAliases.role(of: $0.row.fields) }
    }

    /// Reads every row after the header into `assembler`.
    /// - Parameter role: the sheet's role when the caller knows it (a mission file says which
    ///   sheet is which); otherwise told from the columns.
    public mutating func read(as role: SheetRole? = nil, into assembler: inout NetworkAssembler) throws(InputError) {
        guard let (header, skipped) = headerRow(for: role) else {
            throw InputError(Diagnostic(.error, .emptyFile, at: SourceLocation(file: name), "the file has no header row"))
        }
        guard let role = role ?? ColumnAliases.role(of: header.fields) else {
            throw InputError(
                Diagnostic(
                    .error, .unknownSheet, at: SourceLocation(file: name, line: header.line, column: 1),
                    "cannot tell which sheet this is: an actors sheet needs an id (or label) column, a ties sheet source and target (or from and to) columns; columns found: \(header.fields.joined(separator: ", "))"
                ))
        }
        var layout = try SheetLayout(header: header, role: role, file: name)
        if role == .initiatives { assembler.declareInitiatives() }
        if role == .affiliations { assembler.expectParticipations() }
        if skipped > 0 { assembler.note(HeaderSearch.skipped(skipped, header: header, file: name, unit: "line")) }
        let file = name
        let conventions = self.conventions
        let delimiterName = delimiter == 0x09 ? "a tab" : "\"\(Character(Unicode.Scalar(delimiter)))\""
        var rows = 0
        forEachRow(skipping: skipped + 1) { row in
            rows += 1
            layout.feed(row, file: file, conventions: conventions, delimiter: delimiterName, into: &assembler)
        }
        for d in diagnostics.entries { assembler.note(d) }
        if rows == 0 {
            assembler.note(
                Diagnostic(
                    .warning, .noRows, at: SourceLocation(file: name, line: header.line, column: 1),
                    "the \(role.name) sheet has a header but no rows: \(role.emptyMeaning)"))
        }
    }
}
