import Coalition
import Foundation

/// Reads GraphML as written by Gephi, yEd, networkx and igraph: typed attributes declared with
/// `<key>` and given with `<data>`, `edgedefault` and per-edge `directed`, yEd's node labels.
/// Attribute names are matched to the model like sheet columns (`label` → name, `weight` →
/// strength, `sector`, `kind`, …); the rest are kept as attributes.
public enum GraphMLReader {
    public static func read(_ data: Data, file: String, into assembler: inout NetworkAssembler) throws(InputError) {
        let root = try XMLTree.parse(data, file: file)
        guard root.localName == "graphml" else {
            throw InputError(
                Diagnostic(
                    .error, .malformedXML, at: root.location(in: file),
                    "expected a <graphml> document, found <\(root.name)>"))
        }
        guard let graph = root.child(named: "graph") else {
            throw InputError(Diagnostic(.error, .malformedXML, at: root.location(in: file), "the GraphML file has no <graph> element"))
        }
        struct Key { let name: String; let domain: String; let defaultValue: String?; let isYEdGraphics: Bool }
        var keys: [String: Key] = [:]
        for k in root.children(named: "key") {
            guard let id = k.attributes["id"] else { continue }
            let name = k.attributes["attr.name"] ?? id
            keys[id] = Key(
                name: name, domain: k.attributes["for"] ?? "all",
                defaultValue: k.child(named: "default")?.text,
                isYEdGraphics: k.attributes["yfiles.type"] == "nodegraphics")
        }
        let defaultDirected = graph.attributes["edgedefault"] == "directed"

        func values(of element: XMLElement, domain: String) -> [(String, Cell, Bool)] {
            var out: [(String, Cell, Bool)] = []
            var given = Set<String>()
            for d in element.children(named: "data") {
                guard let keyID = d.attributes["key"] else { continue }
                let key = keys[keyID]
                if key?.isYEdGraphics == true {
                    // yEd keeps the visible label inside its graphics element.
                    if let label = d.descendants(named: "NodeLabel").first?.text.trimmingWhitespace(), !label.isEmpty {
                        out.append(("label", Cell(label, at: d.location(in: file)), true))
                    }
                    continue
                }
                let name = key?.name ?? keyID
                given.insert(keyID)
                out.append((name, Cell(d.text, at: d.location(in: file)), false))
            }
            for (id, key) in keys.sorted(by: { $0.key < $1.key })
            where (key.domain == domain || key.domain == "all") && !given.contains(id) {
                if let v = key.defaultValue { out.append((key.name, Cell(v, at: element.location(in: file)), false)) }
            }
            return out
        }

        for node in graph.children(named: "node") {
            var r = ActorRecord(location: node.location(in: file))
            r.id = node.attributes["id"].map { Cell($0, at: node.location(in: file)) }
            if r.id == nil {
                assembler.note(Diagnostic(.error, .emptyID, at: node.location(in: file), "a <node> has no id attribute"))
                continue
            }
            for (name, cell, fromGraphics) in values(of: node, domain: "node") {
                // A yEd label names the actor only when no attribute does.
                if fromGraphics && r.name != nil { continue }
                r.assign(cell, toColumn: name)
            }
            assembler.add(r)
        }
        for edge in graph.children(named: "edge") {
            let at = edge.location(in: file)
            var r = TieRecord(location: at)
            r.source = edge.attributes["source"].map { Cell($0, at: at) }
            r.target = edge.attributes["target"].map { Cell($0, at: at) }
            let directed = edge.attributes["directed"].map { $0 == "true" } ?? defaultDirected
            r.direction = Cell(directed ? "directed" : "undirected", at: at)
            for (name, cell, _) in values(of: edge, domain: "edge") { r.assign(cell, toColumn: name) }
            assembler.add(r)
        }
    }
}
