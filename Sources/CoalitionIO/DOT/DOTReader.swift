import Coalition
import Foundation
import Graphviz

/// Reads a DOT (`.gv`) map through Graphviz's own parser. Node names are actor ids; a node's
/// `label` is its name (else its `xlabel`, as Coalition's own diagrams write them) and its
/// other attributes are matched like sheet columns (`kind`, `sector`, …); an edge's `weight`
/// or `strength` is the tie strength, `relation` (or `label`) the relation. Attributes that
/// only style the drawing (`shape`, `color`, `pos`, …) are not data and are left out.
public enum DOTReader {
    /// Graphviz's drawing attributes (graphviz.org's attribute list, the ones that appear on
    /// nodes and edges), which say nothing about the actor or the tie.
    static let drawingAttributes: Set<String> = [
        "area", "arrowhead", "arrowsize", "arrowtail", "color", "colorscheme", "comment", "constraint", "decorate", "dir",
        "distortion", "fillcolor", "fixedsize", "fontcolor", "fontname", "fontsize", "gradientangle", "group", "headclip",
        "headlabel", "headport", "height", "href", "id", "image", "imagepos", "imagescale", "labelangle", "labeldistance",
        "labelfloat", "labelfontcolor", "labelfontname", "labelfontsize", "labelloc", "layer", "len", "lhead", "lp", "ltail",
        "margin", "minlen", "nojustify", "orientation", "penwidth", "peripheries", "pin", "pos", "rects", "regular",
        "root", "samehead", "sametail", "shape", "shapefile", "showboxes", "sides", "skew", "sortv", "style", "tailclip",
        "taillabel", "tailport", "target", "tooltip", "url", "vertices", "width", "xlp", "z", "edgetooltip", "edgeurl",
        "edgehref", "headtooltip", "tailtooltip", "headurl", "tailurl", "labeltooltip", "labelurl", "labelhref",
    ]

    public static func read(_ data: Data, file: String, into assembler: inout NetworkAssembler) throws(InputError) {
        guard let text = String(data: data, encoding: .utf8) else {
            let at = CSVFile.firstInvalidUTF8(in: data)
            throw InputError(Diagnostic(.error, .malformedDOT, at: SourceLocation(file: file, line: at.line, column: at.column),
                                        "the file is not valid UTF-8 here; save it as UTF-8"))
        }
        let graph: GraphDescription
        do {
            graph = try Graphviz.shared.parse(dot: text)
        } catch {
            throw InputError(diagnostic(for: error, text: text, file: file))
        }
        let at = SourceLocation(file: file)
        for n in graph.nodes {
            var r = ActorRecord(location: at)
            r.id = Cell(n.name, at: at)
            let attributes = n.attributes.filter { !drawingAttributes.contains($0.key.lowercased()) }
            var label = attributes["label"]
            if label == nil || label == "\\N" { label = attributes["xlabel"] }
            if let label, label != "\\N" { r.name = Cell(label, at: at) }
            for (key, value) in attributes.sorted(by: { $0.key < $1.key }) where key != "label" && key != "xlabel" {
                r.assign(Cell(value, at: at), toColumn: key)
            }
            assembler.add(r)
        }
        for e in graph.edges {
            var r = TieRecord(location: at)
            r.source = Cell(e.tail, at: at)
            r.target = Cell(e.head, at: at)
            r.direction = Cell(graph.directed ? "directed" : "undirected", at: at)
            let attributes = e.attributes.filter { !drawingAttributes.contains($0.key.lowercased()) && $0.key != "key" }
            for (key, value) in attributes.sorted(by: { $0.key < $1.key }) where key != "label" && key != "xlabel" {
                r.assign(Cell(value, at: at), toColumn: key)
            }
            // An edge's label names its relation, unless a relation is given: then it is kept.
            if let label = attributes["label"] {
                if r.relation == nil { r.relation = Cell(label, at: at) } else { r.extra.append(("label", Cell(label, at: at))) }
            }
            assembler.add(r)
        }
    }

    /// Graphviz says `syntax error in line 3 near 'x'`: the line it names, and the column of
    /// that text on the line when it can be found there.
    static func diagnostic(for error: GraphvizError, text: String, file: String) -> Diagnostic {
        let message = error.details.first { $0.contains("syntax error") } ?? error.details.first ?? error.message
        var line = 0, column = 0
        if let r = message.range(of: "in line "), let n = Int(message[r.upperBound...].prefix(while: \.isNumber)) {
            line = n
            column = 1
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            if let q = message.range(of: "near '"), let end = message[q.upperBound...].firstIndex(of: "'"), line <= lines.count {
                let near = message[q.upperBound ..< end]
                if !near.isEmpty, let hit = lines[line - 1].range(of: near) {
                    column = lines[line - 1].distance(from: lines[line - 1].startIndex, to: hit.lowerBound) + 1
                }
            }
        }
        let reason = message.replacingOccurrences(of: "Error: ", with: "")
        return Diagnostic(.error, .malformedDOT, at: SourceLocation(file: file, line: line, column: column),
                          "malformed DOT: \(reason.isEmpty ? "Graphviz could not parse the file" : reason)")
    }
}
