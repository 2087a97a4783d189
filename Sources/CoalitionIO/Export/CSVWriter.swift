import Coalition

/// Writes the sheet pair Coalition, Gephi's spreadsheet import and Kumu read: `actors.csv`
/// (`id`, `name`, `kind`, …) and `ties.csv` (`source`, `target`, `relation`, `strength`, …,
/// `direction`). RFC 4180: comma-separated, fields quoted when they hold a comma, quote or line
/// break; multi-valued cells joined with `|`; numbers in the shortest form that reads back
/// exactly; LF line ends.
public enum CSVWriter {
    public static func actors(_ table: ExportTable) -> String {
        var lines = [(["id"] + table.actorColumns.map(\.name)).map(field).joined(separator: ",")]
        for (v, id) in table.actorIDs.enumerated() {
            lines.append(([id] + table.actorColumns.map { $0.values[v]?.exportText ?? "" }).map(field).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public static func ties(_ table: ExportTable) -> String {
        var lines = [(["source", "target"] + table.tieColumns.map(\.name) + ["direction"]).map(field).joined(separator: ",")]
        let direction = table.directed ? "directed" : "undirected"
        for (e, ends) in table.tieEnds.enumerated() {
            lines.append(
                ([ends.source, ends.target] + table.tieColumns.map { $0.values[e]?.exportText ?? "" } + [direction])
                    .map(field).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The affiliations sheet: `actor`, `initiative`, then `role`, `commitment`, `budget`, …
    /// (``ExportTable/affiliations(_:)``).
    public static func affiliations(_ table: ExportTable) -> String {
        var lines = [(["actor", "initiative"] + table.tieColumns.map(\.name)).map(field).joined(separator: ",")]
        for (e, ends) in table.tieEnds.enumerated() {
            lines.append(([ends.source, ends.target] + table.tieColumns.map { $0.values[e]?.exportText ?? "" }).map(field).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A CSV field, quoted when it must be; a leading `#` is quoted too, since the reader
    /// skips lines that start with one as comments.
    public static func field(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) || s.hasPrefix("#") || s != s.trimmingWhitespace() else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
