import Coalition
import Foundation

/// Reads GraphML as written by Gephi, yEd, networkx and igraph: typed attributes declared with
/// `<key>` and given with `<data>`, `edgedefault` and per-edge `directed`, yEd's node labels.
/// Attribute names are matched to the model like sheet columns (`label` → name, `weight` →
/// strength, `sector`, `kind`, …); the rest are kept as attributes. A two-mode file (a
/// `bipartite`, `mode` or boolean `type` node attribute, see ``TwoModeNodes``) is read as actors,
/// initiatives and the participations that join them.
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
        struct Key { let name: String; let domain: String; let type: String?; let defaultValue: String?; let isYEdGraphics: Bool }
        var keys: [String: Key] = [:]
        for k in root.children(named: "key") {
            guard let id = k.attributes["id"] else { continue }
            let name = k.attributes["attr.name"] ?? id
            keys[id] = Key(
                name: name, domain: k.attributes["for"] ?? "all", type: k.attributes["attr.type"],
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

        // The mode attribute, when the file is two-mode.
        let modeKey = keys.values.first { ($0.domain == "node" || $0.domain == "all") && TwoModeNodes.givesMode($0.name, declaredType: $0.type) }?.name
        var initiatives = Set<String>()
        var initiativeNodes: [(XMLElement, [(String, Cell, Bool)])] = []
        for node in graph.children(named: "node") {
            guard let id = node.attributes["id"] else {
                assembler.note(Diagnostic(.error, .emptyID, at: node.location(in: file), "a <node> has no id attribute"))
                continue
            }
            var given = values(of: node, domain: "node")
            if let modeKey {
                guard let i = given.firstIndex(where: { $0.0 == modeKey }) else {
                    assembler.note(TwoModeNodes.missingMode(node.location(in: file), node: id, attribute: modeKey))
                    continue
                }
                let cell = given.remove(at: i).1
                guard let second = TwoModeNodes.isInitiative(cell.text) else {
                    assembler.note(TwoModeNodes.badMode(cell, node: id))
                    continue
                }
                if second {
                    initiatives.insert(id)
                    initiativeNodes.append((node, given))
                    continue
                }
            }
            var r = ActorRecord(location: node.location(in: file))
            r.id = Cell(id, at: node.location(in: file))
            for (name, cell, fromGraphics) in given {
                // A yEd label names the actor only when no attribute does.
                if fromGraphics && r.name != nil { continue }
                r.assign(cell, toColumn: name)
            }
            assembler.add(r)
        }
        if modeKey != nil { assembler.declareInitiatives(); assembler.expectParticipations() }
        for (node, given) in initiativeNodes {
            var r = InitiativeRecord(location: node.location(in: file))
            r.id = node.attributes["id"].map { Cell($0, at: node.location(in: file)) }
            for (name, cell, fromGraphics) in given {
                if fromGraphics && r.name != nil { continue }
                r.assign(cell, toColumn: name)
            }
            assembler.add(r)
        }
        for edge in graph.children(named: "edge") {
            let at = edge.location(in: file)
            let source = edge.attributes["source"], target = edge.attributes["target"]
            switch TwoModeNodes.reading(source, target, initiatives: initiatives, at: at) {
            case .refused(let problem):
                assembler.note(problem)
                continue
            case .participation(var r):
                for (name, cell, _) in values(of: edge, domain: "edge") { r.assign(cell, toColumn: name) }
                assembler.add(r)
                continue
            case .tie: break
            }
            var r = TieRecord(location: at)
            r.source = source.map { Cell($0, at: at) }
            r.target = target.map { Cell($0, at: at) }
            let directed = edge.attributes["directed"].map { $0 == "true" } ?? defaultDirected
            r.direction = Cell(directed ? "directed" : "undirected", at: at)
            for (name, cell, _) in values(of: edge, domain: "edge") { r.assign(cell, toColumn: name) }
            assembler.add(r)
        }
    }
}
