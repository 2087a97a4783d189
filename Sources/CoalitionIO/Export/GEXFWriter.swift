import Coalition

/// Writes GEXF for Gephi: 1.3 by default (the edge's relation as its `kind`), or 1.2draft,
/// the newest version networkx 3.6 reads (the relation then as an edge attribute). The actor's
/// name is the node `label`, tie strength the edge `weight`; every other column is a typed
/// `<attribute>` (string, double or integer).
public enum GEXFWriter {
    public enum Version: String, Sendable, CaseIterable {
        case v1_3 = "1.3", v1_2 = "1.2"
        var namespace: String { self == .v1_3 ? "http://gexf.net/1.3" : "http://www.gexf.net/1.2draft" }
        var schema: String { self == .v1_3 ? "http://gexf.net/1.3/gexf.xsd" : "http://www.gexf.net/1.2draft/gexf.xsd" }
    }

    /// - Parameter date: `YYYY-MM-DD` for `<meta lastmodifieddate>` (the mission's data date), so
    ///   the file is the same every run.
    public static func write(_ table: ExportTable, version: Version = .v1_3, date: String? = nil) -> String {
        var x = XMLWriter()
        x.start(
            "gexf",
            [
                ("xmlns", version.namespace), ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
                ("xsi:schemaLocation", "\(version.namespace) \(version.schema)"), ("version", version.rawValue),
            ])
        x.start("meta", date.map { [("lastmodifieddate", $0)] } ?? [])
        x.element("creator", text: "Coalition")
        x.end()
        x.start("graph", [("defaultedgetype", table.directed ? "directed" : "undirected"), ("mode", "static")])
        let label = table.actorColumns.firstIndex { $0.name == "name" }
        let weight = table.tieColumns.firstIndex { $0.name == "strength" }
        let kind = version == .v1_3 ? table.tieColumns.firstIndex { $0.name == "relation" } : nil
        let nodeAttributes = table.actorColumns.indices.filter { $0 != label }
        let edgeAttributes = table.tieColumns.indices.filter { $0 != weight && $0 != kind }
        func declare(_ cls: String, _ columns: [ExportTable.Column], _ indices: [Int]) {
            guard !indices.isEmpty else { return }
            x.start("attributes", [("class", cls), ("mode", "static")])
            for (n, i) in indices.enumerated() {
                x.start("attribute", [("id", "\(n)"), ("title", columns[i].name), ("type", type(columns[i].type))], empty: true)
            }
            x.end()
        }
        declare("node", table.actorColumns, nodeAttributes)
        declare("edge", table.tieColumns, edgeAttributes)
        func values(_ columns: [ExportTable.Column], _ indices: [Int], row: Int) {
            let given = indices.enumerated().compactMap { n, i in columns[i].values[row].map { (n, $0) } }
            guard !given.isEmpty else { return }
            x.start("attvalues")
            for (n, value) in given { x.start("attvalue", [("for", "\(n)"), ("value", value.exportText)], empty: true) }
            x.end()
        }
        x.start("nodes")
        for (v, id) in table.actorIDs.enumerated() {
            x.start("node", [("id", id), ("label", label.flatMap { table.actorColumns[$0].values[v]?.exportText } ?? id)])
            values(table.actorColumns, nodeAttributes, row: v)
            x.end()
        }
        x.end()
        x.start("edges")
        for (e, ends) in table.tieEnds.enumerated() {
            var attributes = [("id", "\(e)"), ("source", ends.source), ("target", ends.target)]
            if let k = kind, let value = table.tieColumns[k].values[e] { attributes.append(("kind", value.exportText)) }
            if let w = weight, let value = table.tieColumns[w].values[e] { attributes.append(("weight", value.exportText)) }
            x.start("edge", attributes)
            values(table.tieColumns, edgeAttributes, row: e)
            x.end()
        }
        x.end()
        x.end()
        x.end()
        return x.text
    }

    static func type(_ t: ExportTable.ColumnType) -> String {
        switch t {
        case .text: "string"
        case .double: "double"
        case .integer: "integer"
        }
    }
}
