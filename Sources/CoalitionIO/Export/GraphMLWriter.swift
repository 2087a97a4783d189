import Coalition

/// Writes GraphML that Gephi, yEd, networkx and igraph read: one typed `<key>` per column
/// (`attr.type` string, double or int), the actor's name as `label` and tie strength as
/// `weight` (the names those tools look for), `edgedefault` from the network's direction.
public enum GraphMLWriter {
    public static func write(_ table: ExportTable) -> String {
        var x = XMLWriter()
        x.start(
            "graphml",
            [
                ("xmlns", "http://graphml.graphdrawing.org/xmlns"),
                ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
                ("xsi:schemaLocation", "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"),
            ])
        let nodeKeys = table.actorColumns.enumerated().map { i, c in ("d\(i)", c, c.name == "name" ? "label" : c.name) }
        let edgeKeys = table.tieColumns.enumerated().map { i, c in ("e\(i)", c, c.name == "strength" ? "weight" : c.name) }
        for (id, c, name) in nodeKeys {
            x.start("key", [("id", id), ("for", "node"), ("attr.name", name), ("attr.type", type(c.type))], empty: true)
        }
        for (id, c, name) in edgeKeys {
            x.start("key", [("id", id), ("for", "edge"), ("attr.name", name), ("attr.type", type(c.type))], empty: true)
        }
        x.start("graph", [("id", "G"), ("edgedefault", table.directed ? "directed" : "undirected")])
        for (v, id) in table.actorIDs.enumerated() {
            x.start("node", [("id", id)])
            for (key, c, _) in nodeKeys { if let value = c.values[v] { x.element("data", [("key", key)], text: value.exportText) } }
            x.end()
        }
        for (e, ends) in table.tieEnds.enumerated() {
            x.start("edge", [("source", ends.source), ("target", ends.target)])
            for (key, c, _) in edgeKeys { if let value = c.values[e] { x.element("data", [("key", key)], text: value.exportText) } }
            x.end()
        }
        x.end()
        x.end()
        return x.text
    }

    static func type(_ t: ExportTable.ColumnType) -> String {
        switch t {
        case .text: "string"
        case .double: "double"
        case .integer: "int"
        }
    }
}
