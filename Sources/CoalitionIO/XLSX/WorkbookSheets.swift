import Coalition

extension Workbook {
    /// Sheet names that say which sheet is which (Coalition's, Kumu's and Gephi's words),
    /// matched like column names.
    static let actorSheetNames = ["actors", "elements", "nodes", "stakeholders"]
    static let tieSheetNames = ["ties", "connections", "edges", "relationships"]
    /// A portfolio's sheets: the initiatives (named so, as their columns are an actors
    /// sheet's) and the participations (found by name or by their columns).
    static let initiativeSheetNames = ["initiatives", "projects", "programmes", "programs"]
    static let affiliationSheetNames = ["affiliations", "participations", "participants", "memberships", "members"]

    /// Finds the actors and ties sheets — by the names given, else by their usual names, else
    /// by their columns — and reads them into `assembler` as sheets are read. Problems are
    /// located as `file.xlsx[Sheet]:row:column`.
    /// - Returns: the assembler the sheets were read into (it creates actors from the ties when
    ///   the workbook has no actors sheet).
    public func read(actorsSheet: String? = nil, tiesSheet: String? = nil, options: AssemblyOptions) throws(InputError) -> NetworkAssembler {
        let here = SourceLocation(file: file)
        let names = sheets.map { "\"\($0.name)\"" }.joined(separator: ", ")
        func named(_ wanted: String, option: String) throws(InputError) -> Sheet {
            guard let s = sheets.first(where: { ColumnAliases.key($0.name) == ColumnAliases.key(wanted) }) else {
                throw InputError(Diagnostic(.error, .unknownSheet, at: here, "the workbook has no sheet \"\(wanted)\" (\(option)); its sheets: \(names)"))
            }
            return s
        }
        func usual(_ candidates: [String], role: SheetRole) -> Sheet? {
            for c in candidates { if let s = sheets.first(where: { ColumnAliases.key($0.name) == c }) { return s } }
            return sheets.first { s in !Self.initiativeSheetNames.contains(ColumnAliases.key(s.name)) && s.header(for: role) != nil }
        }
        let actors = try actorsSheet.map { (name: String) throws(InputError) in try named(name, option: "--actors-sheet") } ?? usual(Self.actorSheetNames, role: .actors)
        let ties = try tiesSheet.map { (name: String) throws(InputError) in try named(name, option: "--ties-sheet") } ?? usual(Self.tieSheetNames, role: .ties)
        let initiatives = sheets.first { Self.initiativeSheetNames.contains(ColumnAliases.key($0.name)) }
        let affiliations = usual(Self.affiliationSheetNames, role: .affiliations)
        guard actors != nil || ties != nil || affiliations != nil else {
            throw InputError(
                Diagnostic(
                    .error, .unknownSheet, at: here,
                    "no actors or ties sheet found: name them Actors and Ties (or Elements and Connections, Nodes and Edges), or choose them with --actors-sheet and --ties-sheet; the workbook's sheets: \(names)"
                ))
        }
        var opts = options
        opts.actorsFromTies = actors == nil
        var assembler = NetworkAssembler(options: opts)
        var problems: [Diagnostic] = []
        if let initiatives, affiliations == nil {
            throw InputError(
                Diagnostic(
                    .error, .unknownSheet, at: here,
                    "the sheet \"\(initiatives.name)\" lists initiatives, but no sheet says who takes part in which: add a sheet called Participations (columns actor and initiative)"))
        }
        for (sheet, role) in [(actors, SheetRole.actors), (initiatives, .initiatives), (affiliations, .affiliations), (ties, .ties)] {
            guard let sheet else { continue }
            do throws(InputError) { try sheet.read(as: role, file: "\(file)[\(sheet.name)]", into: &assembler) } catch { problems += error.diagnostics }
        }
        for d in problems { assembler.note(d) }
        return assembler
    }
}

extension Workbook.Sheet {
    /// Rows as a CSV reader gives them: comment rows (first cell starting with `#`) skipped.
    var rowsAsText: [CSVRow] {
        rows.filter { !($0.cells[1]?.hasPrefix("#") ?? false) }.map { row in
            let width = row.cells.keys.max() ?? 0
            return CSVRow(
                fields: (1...max(width, 1)).map { row.cells[$0] ?? "" }, line: row.number,
                starts: (1...max(width, 1)).map { (Int32(row.number), Int32($0)) })
        }
    }

    /// Where the header of a sheet in `role` is among ``rowsAsText``: the first of the top rows
    /// whose cells name that role's columns (a title may sit above it); nil when none does.
    func header(for role: SheetRole) -> Int? {
        HeaderSearch.find(in: Array(rowsAsText.prefix(HeaderSearch.rows)), role: role)
    }

    func read(as role: SheetRole, file: String, into assembler: inout NetworkAssembler) throws(InputError) {
        let all = rowsAsText
        guard !all.isEmpty else {
            throw InputError(Diagnostic(.error, .emptyFile, at: SourceLocation(file: file), "the sheet is empty; its first row should name the columns"))
        }
        // The header is the first row unless a title sits above it; when no top row names the
        // columns, the first row is taken and its missing columns are what the error reports.
        let skipped = header(for: role) ?? 0
        let rows = all[skipped...]
        var header = rows.first!
        if skipped > 0 { assembler.note(HeaderSearch.skipped(skipped, header: header, file: file, unit: "row")) }
        // A header cell left empty after the last named column is not a column.
        while header.fields.count > 1, header.fields.last?.isEmpty == true { header.fields.removeLast(); header.starts.removeLast() }
        var layout = try SheetLayout(header: header, role: role, file: file)
        if role == .initiatives { assembler.declareInitiatives() }
        if role == .affiliations { assembler.expectParticipations() }
        let conventions = CellConventions(listSeparators: ["|", ";"], decimalComma: false)
        let width = header.fields.count
        if rows.count == 1 {
            assembler.note(
                Diagnostic(
                    .warning, .noRows, at: SourceLocation(file: file, line: header.line, column: 1),
                    "the \(role.name) sheet has a header but no rows: \(role.emptyMeaning)"))
        }
        for var row in rows.dropFirst() {
            if row.fields.count > width {
                if let extra = row.fields[width...].firstIndex(where: { !$0.trimmingWhitespace().isEmpty }) {
                    assembler.note(
                        Diagnostic(
                            .error, .raggedRow, at: SourceLocation(file: file, line: row.line, column: extra + 1),
                            "a value beyond the last named column (\(width)); give its column a header or clear it"))
                    continue
                }
                row.fields.removeLast(row.fields.count - width)
                row.starts.removeLast(row.starts.count - width)
            }
            while row.fields.count < width {
                row.fields.append("")
                row.starts.append((Int32(row.line), Int32(row.fields.count)))
            }
            layout.feed(row, file: file, conventions: conventions, delimiter: "a cell", into: &assembler)
        }
    }
}
