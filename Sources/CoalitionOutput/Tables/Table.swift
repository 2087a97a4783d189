import CoalitionIO

/// Rows under a header, rendered the three ways Coalition prints tables: aligned text for the
/// terminal, CSV for spreadsheets, Markdown for reports.
public struct Table: Sendable, Equatable {
    public var header: [String]
    public var rows: [[String]]

    public init(_ header: [String], _ rows: [[String]]) {
        self.header = header
        self.rows = rows
    }

    /// Plain text: the first column left-aligned, the others right-aligned, two spaces apart.
    public var text: String {
        let all = [header] + rows
        let widths = header.indices.map { i in all.map { $0[i].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, c in
                let pad = String(repeating: " ", count: widths[i] - c.count)
                return i == 0 ? c + pad : pad + c
            }.joined(separator: "  ")
        }
        return ([line(header)] + rows.map(line)).joined(separator: "\n")
    }

    /// RFC 4180 CSV through `CSVWriter.field(_:)`, LF line ends, no final line end.
    public var csv: String {
        ([header] + rows).map { $0.map(CSVWriter.field).joined(separator: ",") }.joined(separator: "\n")
    }

    /// A GitHub-flavoured Markdown table, the first column left-aligned and the others right;
    /// `|`, `\` and line breaks in cells are escaped.
    public var markdown: String {
        func cell(_ s: String) -> String {
            s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "|", with: "\\|")
                .replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ")
        }
        func line(_ cells: [String]) -> String { "| " + cells.map(cell).joined(separator: " | ") + " |" }
        let rule = "| " + header.indices.map { $0 == 0 ? "---" : "---:" }.joined(separator: " | ") + " |"
        return ([line(header), rule] + rows.map(line)).joined(separator: "\n")
    }
}
