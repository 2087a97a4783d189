import Coalition
import Foundation

/// A delimited text file (CSV, TSV, `;`-separated) decoded and ready to read row by row.
///
/// Written by hand rather than taken from SwiftCSV or CSV.swift because neither reports *where*
/// a file is malformed (their errors carry no line or column), neither detects a `;` delimiter
/// or falls back to Windows-1252, and both build a String per character, far too slow for a
/// million ties in two seconds. This reader works on UTF-8 bytes and keeps positions.
///
/// Accepted: RFC 4180 quoting (fields in `"…"`, quotes doubled inside, line breaks inside
/// quotes), CRLF or LF line ends, a UTF-8 byte-order mark, blank lines (skipped) and comment
/// lines whose first character is `#` (skipped; `coalition init` writes them).
public struct CSVFile: Sendable {
    public let name: String
    public let delimiter: UInt8
    /// The text as UTF-8, byte-order mark removed (the file's own bytes when they are UTF-8,
    /// so that a large file is not copied).
    let bytes: Data
    public private(set) var diagnostics = DiagnosticLog()

    /// Decodes `data`; not-UTF-8 input is read as Windows-1252 with a located warning.
    /// - Parameter name: how the file is named in messages.
    public init(name: String, data: Data, delimiter: UInt8? = nil) throws(InputError) {
        self.name = name
        guard !data.isEmpty else {
            throw InputError(Diagnostic(.error, .emptyFile, at: SourceLocation(file: name), "the file is empty; expected a header row"))
        }
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        // Excel's "Unicode text" is UTF-16 (little-endian, with its byte-order mark): decoded from
        // the mark, not read byte by byte as Windows-1252.
        for (mark, encoding) in [([UInt8]([0xFF, 0xFE]), String.Encoding.utf16LittleEndian), ([0xFE, 0xFF], .utf16BigEndian)]
        where bytes.starts(with: mark) {
            guard bytes.count % 2 == 0, let text = String(data: bytes.dropFirst(2), encoding: encoding) else {
                throw InputError(
                    Diagnostic(
                        .error, .encoding, at: SourceLocation(file: name, line: 1, column: 1),
                        "the file starts as UTF-16 but is not valid UTF-16; save it as \"CSV UTF-8\""))
            }
            bytes = Data(text.utf8)
        }
        if Self.isUTF8(bytes) {
            self.bytes = bytes
        } else {
            let at = Self.firstInvalidUTF8(in: bytes)
            // Excel's "CSV" export in Western European locales writes Windows-1252. Bytes that
            // code page leaves undefined are read as Latin-1, so nothing is dropped or garbled.
            let decoded = String(bytes.map { windows1252[Int($0)] })
            self.bytes = Data(decoded.utf8)
            diagnostics.warning(
                .encoding, at: SourceLocation(file: name, line: at.line, column: at.column),
                "the file is not valid UTF-8; read it as Windows-1252 (Excel's \"CSV\" export). Save as \"CSV UTF-8\" to avoid this warning")
        }
        if self.bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw InputError(Diagnostic(.error, .emptyFile, at: SourceLocation(file: name), "the file is empty; expected a header row"))
        }
        self.delimiter = delimiter ?? Self.sniffDelimiter(self.bytes)
    }

    /// Whether the bytes are valid UTF-8; plain ASCII is recognised without decoding.
    static func isUTF8(_ bytes: Data) -> Bool {
        let ascii = bytes.withUnsafeBytes { raw -> Bool in
            var combined: UInt8 = 0
            for b in raw { combined |= b }
            return combined < 0x80
        }
        return ascii || String(validating: bytes, as: UTF8.self) != nil
    }

    static func sniffDelimiter(_ text: String) -> UInt8 { sniffDelimiter(Data(text.utf8)) }

    /// The delimiter that occurs most often, outside quotes, on the first row that is not blank
    /// or a comment; `,` when there is none or a tie.
    static func sniffDelimiter(_ bytes: Data) -> UInt8 {
        var counts: [UInt8: Int] = [0x2C: 0, 0x3B: 0, 0x09: 0]
        var inQuotes = false
        var atLineStart = true
        var skipping = false
        for b in bytes {
            if atLineStart {
                atLineStart = false
                skipping = b == UInt8(ascii: "#")
            }
            if b == UInt8(ascii: "\"") { inQuotes.toggle() }
            if b == 0x0A && !inQuotes {
                if !skipping && counts.values.contains(where: { $0 > 0 }) { break }
                atLineStart = true
                continue
            }
            if !inQuotes && !skipping, counts[b] != nil { counts[b]! += 1 }
        }
        let best = [UInt8(0x2C), 0x3B, 0x09].max { counts[$0]! < counts[$1]! }!
        return counts[best]! > 0 ? best : 0x2C
    }

    public static func firstInvalidUTF8(in bytes: Data) -> (line: Int, column: Int) {
        var line = 1, column = 1
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                if encoded.count == 1 && encoded.first == 0x0A { line += 1; column = 1 } else { column += 1 }
            case .error, .emptyInput:
                return (line, column)
            }
        }
    }

    /// The characters a multi-valued cell may use between values: `|` always, and `;` when
    /// it is not the delimiter.
    public var conventions: CellConventions {
        delimiter == 0x3B
            ? CellConventions(listSeparators: ["|"], decimalComma: true, misusedListSeparators: [";"])
            : CellConventions(listSeparators: ["|", ";"], decimalComma: false)
    }
}

/// One row of a delimited file.
public struct CSVRow {
    public var fields: [String]
    /// 1-based line of the row's first character.
    public var line: Int
    /// Line and 1-based character column at which each field starts.
    var starts: [(line: Int32, column: Int32)]

    public func location(ofField i: Int, in file: String) -> SourceLocation {
        let s = i < starts.count ? starts[i] : starts[starts.count - 1]
        return SourceLocation(file: file, line: Int(s.line), column: Int(s.column))
    }
}

extension CSVFile {
    /// Calls `body` for every row that is not blank or a comment, in order. Malformed rows are
    /// reported in ``diagnostics`` and skipped; reading goes on with the next line.
    public mutating func forEachRow(skipping: Int = 0, _ body: (CSVRow) -> Void) {
        var log = DiagnosticLog()
        let file = name
        let delimiter = self.delimiter
        bytes.withUnsafeBytes { raw in
            var scanner = Scanner(buf: raw.bindMemory(to: UInt8.self), delimiter: delimiter)
            for _ in 0..<skipping { _ = scanner.nextRow(file: file, log: &log) }
            while let row = scanner.nextRow(file: file, log: &log) {
                body(row)
            }
        }
        diagnostics.append(contentsOf: log)
    }

    /// The first `count` rows that are not blank or comments; their problems are reported
    /// when the whole file is read.
    func firstRows(_ count: Int) -> [CSVRow] {
        var log = DiagnosticLog()
        let file = name
        let delimiter = self.delimiter
        return bytes.withUnsafeBytes { raw in
            var scanner = Scanner(buf: raw.bindMemory(to: UInt8.self), delimiter: delimiter)
            var rows: [CSVRow] = []
            while rows.count < count, let row = scanner.nextRow(file: file, log: &log) { rows.append(row) }
            return rows
        }
    }
}

private let quote = UInt8(ascii: "\"")
private let lf: UInt8 = 0x0A
private let cr: UInt8 = 0x0D

private struct Scanner {
    let buf: UnsafeBufferPointer<UInt8>
    let delimiter: UInt8
    var i = 0
    var line = 1
    var lineStart = 0
    var scratch: [UInt8] = []
    /// The field count of the previous row, to size the next one's arrays.
    var expectedFields = 4

    init(buf: UnsafeBufferPointer<UInt8>, delimiter: UInt8) {
        self.buf = buf
        self.delimiter = delimiter
    }

    // The last column computed, so that the fields of a row are counted in one pass.
    var memoLineStart = -1
    var memoOffset = 0
    var memoColumn: Int32 = 1

    /// 1-based column in characters of byte offset `at` on the current line.
    mutating func column(_ at: Int) -> Int32 {
        var c: Int32 = 1
        var k = lineStart
        if memoLineStart == lineStart && memoOffset <= at { c = memoColumn; k = memoOffset }
        while k < at {
            if buf[k] & 0xC0 != 0x80 { c += 1 }
            k += 1
        }
        memoLineStart = lineStart
        memoOffset = at
        memoColumn = c
        return c
    }

    mutating func skipLine() {
        while i < buf.count && buf[i] != lf { i += 1 }
        if i < buf.count { i += 1; line += 1; lineStart = i }
    }

    /// The next well-formed row; malformed rows are reported and skipped.
    mutating func nextRow(file: String, log: inout DiagnosticLog) -> CSVRow? {
        while true {
            switch scanRow(file: file, log: &log) {
            case .row(let row): return row
            case .malformed: continue
            case .end: return nil
            }
        }
    }

    enum Outcome { case row(CSVRow), malformed, end }

    mutating func scanRow(file: String, log: inout DiagnosticLog) -> Outcome {
        // Skip blank and comment lines. A line of nothing but separators (`;;;;`, what Excel
        // writes for an empty row) is blank too.
        while i < buf.count {
            var k = i
            while k < buf.count && (buf[k] == 0x20 || buf[k] == 0x09 || buf[k] == cr || buf[k] == delimiter) { k += 1 }
            if k < buf.count && buf[k] == lf { i = k + 1; line += 1; lineStart = i; continue }
            if k == buf.count { i = k; return .end }
            if buf[i] == UInt8(ascii: "#") { skipLine(); continue }
            break
        }
        guard i < buf.count else { return .end }
        var fields: [String] = []
        var starts: [(line: Int32, column: Int32)] = []
        fields.reserveCapacity(expectedFields)
        starts.reserveCapacity(expectedFields)
        let rowLine = line
        while true {
            let start = i
            starts.append((line: Int32(line), column: column(start)))
            if i < buf.count && buf[i] == quote {
                let openLine = line, openColumn = column(start)
                i += 1
                scratch.removeAll(keepingCapacity: true)
                var closed = false
                while i < buf.count {
                    let b = buf[i]
                    if b == quote {
                        if i + 1 < buf.count && buf[i + 1] == quote { scratch.append(quote); i += 2; continue }
                        i += 1; closed = true; break
                    }
                    if b == lf { line += 1; lineStart = i + 1 }
                    scratch.append(b)
                    i += 1
                }
                if !closed {
                    log.error(
                        .badQuoting, at: SourceLocation(file: file, line: openLine, column: Int(openColumn)),
                        "quoted field is never closed; add the missing \" (a quote inside a quoted field is written \"\")")
                    i = buf.count
                    return .malformed
                }
                fields.append(String(decoding: scratch, as: UTF8.self))
                // After the closing quote: a delimiter, the end of the line, or (tolerated) spaces.
                while i < buf.count && (buf[i] == 0x20 || buf[i] == cr) && buf[i] != delimiter { i += 1 }
                if i < buf.count && buf[i] != delimiter && buf[i] != lf {
                    log.error(
                        .badQuoting, at: SourceLocation(file: file, line: line, column: Int(column(i))),
                        "unexpected text after a closing quote; a field that starts with \" must end with \" right before the delimiter")
                    skipLine()
                    return .malformed
                }
            } else {
                while i < buf.count && buf[i] != delimiter && buf[i] != lf {
                    if buf[i] == quote {
                        log.error(
                            .badQuoting, at: SourceLocation(file: file, line: line, column: Int(column(i))),
                            "stray quote in an unquoted field; enclose the field in quotes and double the quote (\"\")")
                        skipLine()
                        return .malformed
                    }
                    i += 1
                }
                var end = i
                if end > start && buf[end - 1] == cr && (i == buf.count || buf[i] == lf) { end -= 1 }
                fields.append(String(decoding: UnsafeBufferPointer(rebasing: buf[start..<end]), as: UTF8.self))
            }
            if i < buf.count && buf[i] == delimiter { i += 1; continue }
            // End of row.
            if i < buf.count { i += 1; line += 1; lineStart = i }
            expectedFields = fields.count
            return .row(CSVRow(fields: fields, line: rowLine, starts: starts))
        }
    }
}

/// Windows-1252 code page: bytes 0x80–0x9F map to typographic characters; the five bytes it
/// leaves undefined are read as Latin-1 (the C1 control of the same number).
private let windows1252: [Character] = (0..<256).map { b -> Character in
    let high: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]
    let scalar = (0x80..<0xA0).contains(b) ? high[b - 0x80] : UInt32(b)
    return Character(Unicode.Scalar(scalar)!)
}
