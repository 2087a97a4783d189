import Coalition
import Foundation

/// Reads GEXF 1.2 and 1.3 as written by Gephi and networkx: `<attributes>` declarations,
/// `<attvalues>` per node and edge, `defaultedgetype` and per-edge `type`, edge `weight`,
/// and the edge `kind` (GEXF 1.3's relation type) as the relation. Visual data is ignored.
/// A two-mode file (a `bipartite`, `mode` or boolean `type` node attribute, see
/// ``TwoModeNodes``) is read as actors, initiatives and the participations that join them.
public enum GEXFReader {
    public static func read(_ data: Data, file: String, into assembler: inout NetworkAssembler) throws(InputError) {
        let root = try XMLTree.parse(data, file: file)
        guard root.localName == "gexf" else {
            throw InputError(Diagnostic(.error, .malformedXML, at: root.location(in: file), "expected a <gexf> document, found <\(root.name)>"))
        }
        guard let graph = root.child(named: "graph") else {
            throw InputError(Diagnostic(.error, .malformedXML, at: root.location(in: file), "the GEXF file has no <graph> element"))
        }
        var titles: [String: [String: (title: String, type: String?, defaultValue: String?)]] = ["node": [:], "edge": [:]]
        for block in graph.children(named: "attributes") {
            let cls = block.attributes["class"] ?? "node"
            for a in block.children(named: "attribute") {
                guard let id = a.attributes["id"] else { continue }
                titles[cls, default: [:]][id] = (a.attributes["title"] ?? id, a.attributes["type"], a.child(named: "default")?.text)
            }
        }
        let defaultType = graph.attributes["defaultedgetype"] ?? "undirected"
        // GEXF's dynamic graphs: a node's or edge's `start`/`end`, or its `<spells>`, give when it
        // held — read as valid_from/valid_until when the times are dates.
        let timeFormat = (graph.attributes["timeformat"] ?? "double").lowercased()
        let datedTimes = timeFormat == "date" || timeFormat == "datetime"
        var warnedTimes = false
        func span(of element: XMLElement) -> (Cell?, Cell?) {
            let at = element.location(in: file)
            var starts = [element.attributes["start"]].compactMap { $0 }, ends = [element.attributes["end"]].compactMap { $0 }
            for spell in element.child(named: "spells")?.children(named: "spell") ?? [] {
                if let x = spell.attributes["start"] { starts.append(x) }
                if let x = spell.attributes["end"] { ends.append(x) }
            }
            guard !starts.isEmpty || !ends.isEmpty else { return (nil, nil) }
            guard datedTimes else {
                if !warnedTimes {
                    warnedTimes = true
                    assembler.note(
                        Diagnostic(
                            .warning, .badDate, at: at,
                            "times in this GEXF are \(timeFormat) values, not dates (timeformat=\"date\"); its spells are left out, so every node and edge holds on every day"))
                }
                return (nil, nil)
            }
            // Several spells become one span, from the first start to the last end.
            func day(_ t: String) -> String { String(t.prefix(10)) }
            return (starts.map(day).min().map { Cell($0, at: at) }, ends.map(day).max().map { Cell($0, at: at) })
        }

        func values(of element: XMLElement, cls: String) -> [(String, Cell)] {
            var out: [(String, Cell)] = []
            var given = Set<String>()
            for v in element.child(named: "attvalues")?.children(named: "attvalue") ?? [] {
                guard let id = v.attributes["for"] ?? v.attributes["id"] else { continue }
                given.insert(id)
                out.append((titles[cls]?[id]?.title ?? id, Cell(v.attributes["value"] ?? "", at: v.location(in: file))))
            }
            for (id, t) in (titles[cls] ?? [:]).sorted(by: { $0.key < $1.key }) where !given.contains(id) {
                if let d = t.defaultValue { out.append((t.title, Cell(d, at: element.location(in: file)))) }
            }
            return out
        }

        let modeTitle = (titles["node"] ?? [:]).values.first { TwoModeNodes.givesMode($0.title, declaredType: $0.type) }?.title
        var initiatives = Set<String>()
        var pendingInitiatives: [InitiativeRecord] = []
        for node in graph.child(named: "nodes")?.children(named: "node") ?? [] {
            let at = node.location(in: file)
            guard let id = node.attributes["id"] else {
                assembler.note(Diagnostic(.error, .emptyID, at: at, "a <node> has no id attribute"))
                continue
            }
            var given = values(of: node, cls: "node")
            if let modeTitle {
                guard let i = given.firstIndex(where: { $0.0 == modeTitle }) else {
                    assembler.note(TwoModeNodes.missingMode(at, node: id, attribute: modeTitle))
                    continue
                }
                let cell = given.remove(at: i).1
                guard let second = TwoModeNodes.isInitiative(cell.text) else {
                    assembler.note(TwoModeNodes.badMode(cell, node: id))
                    continue
                }
                if second { initiatives.insert(id) }
            }
            let nodeSpan = span(of: node)
            if initiatives.contains(id) {
                var r = InitiativeRecord(location: at)
                r.id = Cell(id, at: at)
                r.name = node.attributes["label"].map { Cell($0, at: at) }
                for (title, cell) in given { r.assign(cell, toColumn: title) }
                if nodeSpan.0 != nil || nodeSpan.1 != nil { (r.validFrom, r.validUntil) = nodeSpan }
                pendingInitiatives.append(r)
                continue
            }
            var r = ActorRecord(location: at)
            r.id = Cell(id, at: at)
            r.name = node.attributes["label"].map { Cell($0, at: at) }
            for (title, cell) in given { r.assign(cell, toColumn: title) }
            if nodeSpan.0 != nil || nodeSpan.1 != nil { (r.validFrom, r.validUntil) = nodeSpan }
            assembler.add(r)
        }
        // Initiatives after every actor, so that an id clash is found whichever comes first.
        if modeTitle != nil { assembler.declareInitiatives(); assembler.expectParticipations() }
        for r in pendingInitiatives { assembler.add(r) }
        for edge in graph.child(named: "edges")?.children(named: "edge") ?? [] {
            let at = edge.location(in: file)
            let source = edge.attributes["source"], target = edge.attributes["target"]
            let edgeSpan = span(of: edge)
            switch TwoModeNodes.reading(source, target, initiatives: initiatives, at: at) {
            case .refused(let problem):
                assembler.note(problem)
                continue
            case .participation(var r):
                for (title, cell) in values(of: edge, cls: "edge") { r.assign(cell, toColumn: title) }
                if edgeSpan.0 != nil || edgeSpan.1 != nil { (r.validFrom, r.validUntil) = edgeSpan }
                assembler.add(r)
                continue
            case .tie: break
            }
            var r = TieRecord(location: at)
            r.source = source.map { Cell($0, at: at) }
            r.target = target.map { Cell($0, at: at) }
            r.strength = edge.attributes["weight"].map { Cell($0, at: at) }
            r.direction = Cell(edge.attributes["type"] ?? defaultType, at: at)
            r.relation = edge.attributes["kind"].map { Cell($0, at: at) }
            for (title, cell) in values(of: edge, cls: "edge") { r.assign(cell, toColumn: title) }
            if r.relation == nil, let label = edge.attributes["label"] { r.relation = Cell(label, at: at) }
            if edgeSpan.0 != nil || edgeSpan.1 != nil { (r.validFrom, r.validUntil) = edgeSpan }
            assembler.add(r)
        }
    }
}
