import Coalition
import Foundation
import ZIPFoundation

/// An Excel workbook (`.xlsx`, Office Open XML) read down to its cell values: ZIPFoundation
/// opens the package, Foundation's XML parser reads the parts. Shared strings, inline strings,
/// numbers, booleans, formula results, errors and dates (numbers in a date format, 1900 or 1904
/// date system) become the text a CSV export would hold.
public struct Workbook: Sendable {
    public struct Sheet: Sendable {
        public var name: String
        /// Rows in order; each row's number (1-based, as Excel shows it) and its cells by
        /// 1-based column. Empty rows are absent.
        public var rows: [(number: Int, cells: [Int: String])]
    }

    public var file: String
    public var sheets: [Sheet]

    /// A part larger than this when unpacked is refused (a zip bomb, or not a stakeholder list):
    /// the bytes are counted as they are inflated, whatever size the package declares.
    static let largestPart = largestDocument

    /// Opens the workbook at `path` (named `file` in messages). The package is read from the
    /// file, not from memory: ZIPFoundation's in-memory archive traps on damaged headers
    /// (a range with its bounds reversed), where the file-backed one reports an error.
    public init(path: String, file: String) throws(InputError) {
        self.file = file
        let here = SourceLocation(file: file)
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw InputError(
                Diagnostic(
                    .error, .malformedXLSX, at: here,
                    "not an Excel workbook: the file is not a ZIP package (save it from the spreadsheet as .xlsx, \"Excel Workbook\")"))
        }
        func part(_ path: String, required: Bool = true) throws(InputError) -> Data? {
            guard let entry = archive[path] else {
                if required {
                    throw InputError(Diagnostic(.error, .malformedXLSX, at: here, "not an Excel workbook: the package has no \(path)"))
                }
                return nil
            }
            let tooLarge = Diagnostic(
                .error, .malformedXLSX, at: here,
                "\(path) unpacks to more than \(Self.largestPart >> 20) MiB, more than this program reads from one part of a workbook")
            guard entry.uncompressedSize <= Self.largestPart else { throw InputError(tooLarge) }
            var out = Data()
            do {
                _ = try archive.extract(entry, skipCRC32: false) { chunk in
                    // The declared size can lie: count what actually comes out.
                    guard out.count + chunk.count <= Self.largestPart else { throw PartTooLarge() }
                    out.append(chunk)
                }
            } catch is PartTooLarge {
                throw InputError(tooLarge)
            } catch {
                throw InputError(
                    Diagnostic(
                        .error, .malformedXLSX, at: here, "the package is damaged: \(path) cannot be unpacked (\(Self.words(error))); save the workbook again from the spreadsheet")
                )
            }
            return out
        }
        func xml(_ path: String, required: Bool = true) throws(InputError) -> XMLElement? {
            guard let data = try part(path, required: required) else { return nil }
            return try XMLTree.parse(data, file: "\(file)[\(path)]")
        }

        guard let workbook = try xml("xl/workbook.xml") else { sheets = []; return }
        let relations = try xml("xl/_rels/workbook.xml.rels", required: false)
        var targets: [String: String] = [:]
        for r in relations?.children(named: "Relationship") ?? [] {
            if let id = r.attributes["Id"], let target = r.attributes["Target"] { targets[id] = target }
        }
        let date1904 = ["1", "true"].contains(workbook.child(named: "workbookPr")?.attributes["date1904"] ?? "")

        // Shared strings: a string cell holds an index into this list. Rich text keeps its runs'
        // text; phonetic guides (rPh) are not part of the value.
        var shared: [String] = []
        if let sst = try xml("xl/sharedStrings.xml", required: false) {
            for si in sst.children(named: "si") { shared.append(Self.text(of: si)) }
        }
        // Styles: which cell formats are dates, by their index in cellXfs.
        var dateStyles = Set<Int>()
        if let styles = try xml("xl/styles.xml", required: false) {
            var custom: [Int: String] = [:]
            for f in styles.child(named: "numFmts")?.children(named: "numFmt") ?? [] {
                if let id = f.attributes["numFmtId"].flatMap(Int.init), let code = f.attributes["formatCode"] { custom[id] = code }
            }
            for (i, xf) in (styles.child(named: "cellXfs")?.children(named: "xf") ?? []).enumerated() {
                guard let id = xf.attributes["numFmtId"].flatMap(Int.init) else { continue }
                if Self.builtInDateFormats.contains(id) || custom[id].map(Self.isDateFormat) == true { dateStyles.insert(i) }
            }
        }

        var sheets: [Sheet] = []
        for s in workbook.child(named: "sheets")?.children(named: "sheet") ?? [] {
            guard let name = s.attributes["name"] else { continue }
            let rid = s.attributes["r:id"] ?? s.attributes.first { $0.key.hasSuffix(":id") }?.value
            guard let target = rid.flatMap({ targets[$0] }) else {
                throw InputError(Diagnostic(.error, .malformedXLSX, at: here, "sheet \"\(name)\" has no part in the package"))
            }
            let path = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            guard let data = try part(path) else { continue }
            let sheetFile = "\(file)[\(name)]"
            var rows: [(Int, [Int: String])] = []
            var nextRow = 1
            let partFile = "\(file)[\(path)]"
            // Rows are read as each one ends and then let go: a large sheet is never held as a tree.
            func read(_ row: XMLElement) throws(InputError) {
                var number = nextRow
                if let r = row.attributes["r"] {
                    guard let n = Int(r), (1...Self.maxRows).contains(n) else {
                        throw InputError(
                            Diagnostic(
                                .error, .malformedXLSX, at: row.location(in: partFile),
                                "a row numbered \"\(r.prefix(40))\"; Excel's rows run from 1 to \(Self.maxRows)"))
                    }
                    number = n
                }
                guard number <= Self.maxRows else {
                    throw InputError(Diagnostic(.error, .malformedXLSX, at: row.location(in: partFile), "more than Excel's \(Self.maxRows) rows"))
                }
                nextRow = number + 1
                var cells: [Int: String] = [:]
                var nextColumn = 1
                for c in row.children(named: "c") {
                    var column = nextColumn
                    if let ref = c.attributes["r"] {
                        guard let (refColumn, refRow) = Self.cell(ofReference: ref), refRow == nil || refRow == number else {
                            throw InputError(
                                Diagnostic(
                                    .error, .malformedXLSX, at: c.location(in: partFile),
                                    "a cell reference \"\(ref.prefix(40))\" that is not a cell of row \(number) (columns run from A to XFD, rows from 1 to \(Self.maxRows))"))
                        }
                        column = refColumn
                    }
                    guard column <= Self.maxColumns else {
                        throw InputError(
                            Diagnostic(.error, .malformedXLSX, at: c.location(in: partFile), "more than Excel's \(Self.maxColumns) columns (A to XFD) in row \(number)"))
                    }
                    nextColumn = column + 1
                    let value = try Self.value(
                        of: c, shared: shared, dateStyles: dateStyles, date1904: date1904,
                        at: SourceLocation(file: sheetFile, line: number, column: column))
                    if !value.isEmpty { cells[column] = value }
                }
                if !cells.isEmpty { rows.append((number, cells)) }
            }
            _ = try XMLTree.parse(data, file: partFile) { (e: XMLElement) throws(InputError) -> Bool in
                guard e.localName == "row" else { return false }
                try read(e)
                return true
            }
            sheets.append(Sheet(name: name, rows: rows))
        }
        self.sheets = sheets
    }

    private struct PartTooLarge: Error {}

    /// ZIPFoundation's error cases in words: `invalidCRC32` → "invalid CRC32".
    static func words(_ error: Error) -> String {
        var out = ""
        for ch in "\(error)" {
            if ch.isUppercase, let last = out.last, last.isLowercase { out += " " }
            out.append(ch)
        }
        return out.split(separator: " ").map { $0.count > 1 && $0.allSatisfy { $0.isUppercase || $0.isNumber } ? String($0) : $0.lowercased() }.joined(separator: " ")
    }

    /// The text of a shared string or inline string: its `t`, or its runs' `t`s.
    static func text(of item: XMLElement) -> String {
        if let t = item.child(named: "t"), item.child(named: "r") == nil { return t.text }
        return item.children(named: "r").compactMap { $0.child(named: "t")?.text }.joined()
    }

    /// A cell's value as text. - Throws: a shared-string index that does not exist.
    static func value(
        of c: XMLElement, shared: [String], dateStyles: Set<Int>, date1904: Bool,
        at location: SourceLocation
    ) throws(InputError) -> String {
        let v = c.child(named: "v")?.text ?? ""
        switch c.attributes["t"] ?? "n" {
        case "s":
            guard let i = Int(v.trimmingWhitespace()), shared.indices.contains(i) else {
                throw InputError(Diagnostic(.error, .malformedXLSX, at: location, "the cell refers to shared string \(v), which the workbook does not have"))
            }
            return shared[i]
        case "inlineStr": return c.child(named: "is").map(text(of:)) ?? ""
        case "b": return v == "1" ? "TRUE" : v == "0" ? "FALSE" : v
        case "str", "e": return v
        case "d": return v  // ISO 8601 date, as Strict OOXML writes it.
        default:
            guard let x = Double(v) else { return v }
            guard x.isFinite else {
                throw InputError(Diagnostic(.error, .malformedXLSX, at: location, "the cell's number \"\(v.prefix(40))\" is not a finite number"))
            }
            if let s = c.attributes["s"].flatMap(Int.init), dateStyles.contains(s) {
                // Excel's dates run from day 0 to 9999-12-31 (serial 2,958,465); beyond that it
                // shows ####, and so the number is kept as it is.
                guard x >= 0, x < 2_958_466 else { return Numbers.shortest(x) }
                return isoDate(serial: x, date1904: date1904)
            }
            return Numbers.shortest(x)
        }
    }

    /// Excel's grid: 1,048,576 rows by 16,384 columns (A to XFD).
    static let maxRows = 1 << 20
    static let maxColumns = 1 << 14

    /// `B12` → column 2, row 12; `B` → column 2, no row. Nil unless the letters name a column of
    /// Excel's grid and the digits, if any, a row of it.
    static func cell(ofReference ref: String) -> (column: Int, row: Int?)? {
        var column = 0, letters = 0
        var rest = Substring(ref)
        while let u = rest.unicodeScalars.first, u.isASCII, u.properties.isAlphabetic {
            letters += 1
            guard letters <= 3 else { return nil }
            column = column * 26 + Int(u.value & 0x1F)
            rest = rest.dropFirst()
        }
        guard (1...maxColumns).contains(column) else { return nil }
        if rest.isEmpty { return (column, nil) }
        guard rest.count <= 7, rest.allSatisfy(\.isASCII), let row = Int(rest), (1...maxRows).contains(row) else { return nil }
        return (column, row)
    }

    /// `B12` → 2.
    static func column(ofReference ref: String) -> Int? { cell(ofReference: ref)?.column }

    /// Excel's built-in number formats that show dates or times (ECMA-376 part 1, 18.8.30).
    static let builtInDateFormats: Set<Int> = [14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]

    /// A custom format shows a date when it has d, m, y, h or s outside quotes, brackets and
    /// escapes (`[Red]0.00` and `"days"` do not count).
    static func isDateFormat(_ code: String) -> Bool {
        var quoted = false, bracket = false, escaped = false
        for ch in code.lowercased() {
            if escaped { escaped = false; continue }
            switch ch {
            case "\\": escaped = true
            case "\"": quoted.toggle()
            case "[" where !quoted: bracket = true
            case "]" where !quoted: bracket = false
            case "d", "m", "y", "h", "s": if !quoted && !bracket { return true }
            default: break
            }
        }
        return false
    }

    /// A date serial as `YYYY-MM-DD` (with `THH:MM:SS` when it has a time of day). In the 1900
    /// system day 1 is 1900-01-01 and Excel counts a 29 February 1900 that never was, so days
    /// from 61 on are one too many; the 1904 system counts from 1904-01-01 as day 0.
    static func isoDate(serial: Double, date1904: Bool) -> String {
        var days = serial.rounded(.down)
        let seconds = Int(((serial - days) * 86_400).rounded())
        if !date1904 && days < 61 { days += 1 }
        // Days from 1899-12-30 (1900 system) or 1904-01-01 to 1970-01-01.
        let epoch = date1904 ? 24_107.0 : 25_569.0
        let unix = Int((days - epoch) * 86_400) + seconds
        var t = time_t(unix)
        var parts = tm()
        gmtime_r(&t, &parts)
        let date = String(format: "%04d-%02d-%02d", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday))
        guard seconds % 86_400 != 0 else { return date }
        return date + String(format: "T%02d:%02d:%02d", Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec))
    }
}
