import Coalition
import CoalitionIO
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
            throw InputError(
                Diagnostic(
                    .error, .malformedDOT, at: SourceLocation(file: file, line: at.line, column: at.column),
                    "the file is not valid UTF-8 here; save it as UTF-8"))
        }
        let graph: GraphDescription
        do {
            graph = try Graphviz.shared.parse(dot: text)
        } catch {
            throw InputError(diagnostic(for: error, text: text, file: file))
        }
        // Graphviz's parser keeps no positions, so values are located where their text appears
        // in the file: a node where its name first appears, an attribute value at its first
        // appearance from there on, an edge where its tail is followed by its head.
        let tokens = DOTTokens(text)
        let top = SourceLocation(file: file, line: 1, column: 1)
        func location(_ offset: Int?) -> SourceLocation {
            guard let offset else { return top }
            let (line, column) = tokens.lineAndColumn(of: offset)
            return SourceLocation(file: file, line: line, column: column)
        }
        for n in graph.nodes {
            let start = tokens.first(n.name, from: 0)
            let at = location(start)
            func cell(_ value: String) -> Cell { Cell(value, at: location(tokens.first(value, from: start ?? 0) ?? start)) }
            var r = ActorRecord(location: at)
            r.id = Cell(n.name, at: at)
            let attributes = n.attributes.filter { !drawingAttributes.contains($0.key.lowercased()) }
            var label = attributes["label"]
            if label == nil || label == "\\N" { label = attributes["xlabel"] }
            if let label, label != "\\N" { r.name = cell(label) }
            for (key, value) in attributes.sorted(by: { $0.key < $1.key }) where key != "label" && key != "xlabel" {
                r.assign(cell(value), toColumn: key)
            }
            assembler.add(r)
        }
        for e in graph.edges {
            let start = tokens.edge(from: e.tail, to: e.head)
            let at = location(start)
            func cell(_ value: String) -> Cell { Cell(value, at: location(tokens.first(value, from: start ?? 0) ?? start)) }
            var r = TieRecord(location: at)
            r.source = Cell(e.tail, at: at)
            r.target = Cell(e.head, at: location(start.flatMap { tokens.first(e.head, from: $0 + 1) } ?? start))
            r.direction = Cell(graph.directed ? "directed" : "undirected", at: at)
            let attributes = e.attributes.filter { !drawingAttributes.contains($0.key.lowercased()) && $0.key != "key" }
            for (key, value) in attributes.sorted(by: { $0.key < $1.key }) where key != "label" && key != "xlabel" {
                r.assign(cell(value), toColumn: key)
            }
            // An edge's label names its relation, unless a relation is given: then it is kept.
            if let label = attributes["label"] {
                if r.relation == nil { r.relation = cell(label) } else { r.extra.append(("label", cell(label))) }
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
                let near = message[q.upperBound..<end]
                if !near.isEmpty, let hit = lines[line - 1].range(of: near) {
                    column = lines[line - 1].distance(from: lines[line - 1].startIndex, to: hit.lowerBound) + 1
                }
            }
        }
        var reason = message.replacingOccurrences(of: "Error: ", with: "")
        if reason.contains("memory exhausted") {
            // Bison's own words when its stack is full: the text nests too deep.
            reason = "subgraphs or brackets nested deeper than Graphviz's parser can follow, " + reason
        }
        if line == 0 {
            // Graphviz found no graph at all (only comments, or nothing): the place is the end.
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            line = max(lines.count, 1)
            column = (lines.last?.count ?? 0) + 1
            if reason.isEmpty || reason.contains("could not parse") {
                reason = "no graph found before the end of the file; a DOT map starts `graph {` or `digraph {` and ends with `}`"
            }
        }
        return Diagnostic(
            .error, .malformedDOT, at: SourceLocation(file: file, line: line, column: column),
            "malformed DOT: \(reason.isEmpty ? "Graphviz could not parse the file" : reason)")
    }
}

/// The words and quoted strings of a DOT file with where each appears (byte offsets), to give
/// values found by Graphviz's parser a place in the file. Comments are skipped.
struct DOTTokens {
    private var positions: [String: [Int]] = [:]
    /// Byte offsets at which each line starts.
    private var lineStarts: [Int] = [0]
    private let bytes: [UInt8]

    init(_ text: String) {
        bytes = Array(text.utf8)
        let b = bytes
        var i = 0
        func add(_ token: String, at offset: Int) { positions[token, default: []].append(offset) }
        while i < b.count {
            let c = b[i]
            if c == 0x0A { lineStarts.append(i + 1); i += 1; continue }
            if c == 0x2F, i + 1 < b.count, b[i + 1] == 0x2F || b[i + 1] == 0x2A {  // // or /*
                let block = b[i + 1] == 0x2A
                i += 2
                while i < b.count {
                    if b[i] == 0x0A { lineStarts.append(i + 1); if !block { i += 1; break } }
                    if block, b[i] == 0x2A, i + 1 < b.count, b[i + 1] == 0x2F { i += 2; break }
                    i += 1
                }
                continue
            }
            if c == 0x22 {  // "quoted", with \" escapes
                let start = i
                var value: [UInt8] = []
                i += 1
                while i < b.count, b[i] != 0x22 {
                    if b[i] == 0x5C, i + 1 < b.count, b[i + 1] == 0x22 { value.append(0x22); i += 2; continue }
                    if b[i] == 0x0A { lineStarts.append(i + 1) }
                    value.append(b[i]); i += 1
                }
                i += 1
                add(String(decoding: value, as: UTF8.self), at: start)
                continue
            }
            if c >= 0x80 || (c >= 0x30 && c <= 0x39) || (c | 0x20 >= 0x61 && c | 0x20 <= 0x7A) || c == 0x5F || c == 0x2E
                || c == 0x2D && !(i + 1 < b.count && (b[i + 1] == 0x2D || b[i + 1] == 0x3E))
            {
                let start = i
                while i < b.count {
                    let d = b[i]
                    guard d >= 0x80 || (d >= 0x30 && d <= 0x39) || (d | 0x20 >= 0x61 && d | 0x20 <= 0x7A) || d == 0x5F || d == 0x2E else { break }
                    i += 1
                }
                if i == start { i += 1; continue }
                add(String(decoding: b[start..<i], as: UTF8.self), at: start)
                continue
            }
            i += 1
        }
    }

    /// The first place at or after `offset` where `token` appears.
    func first(_ token: String, from offset: Int) -> Int? {
        guard let list = positions[token] else { return nil }
        var lo = 0, hi = list.count
        while lo < hi { let mid = (lo + hi) / 2; if list[mid] < offset { lo = mid + 1 } else { hi = mid } }
        return lo < list.count ? list[lo] : list.first
    }

    /// Where an edge from `tail` to `head` is written: the first `tail` followed by an edge
    /// operator and `head`, else the first `tail`.
    func edge(from tail: String, to head: String) -> Int? {
        guard let tails = positions[tail] else { return nil }
        let heads = positions[head] ?? []
        for t in tails {
            guard let h = heads.first(where: { $0 > t }) else { break }
            let between = bytes[t..<h]
            if between.count < 400, between.contains(0x2D) { return t }
        }
        return tails.first
    }

    func lineAndColumn(of offset: Int) -> (Int, Int) {
        var lo = 0, hi = lineStarts.count
        while lo + 1 < hi { let mid = (lo + hi) / 2; if lineStarts[mid] <= offset { lo = mid } else { hi = mid } }
        // Columns count characters, not bytes.
        let column = bytes[lineStarts[lo]..<offset].filter { $0 & 0xC0 != 0x80 }.count + 1
        return (lo + 1, column)
    }
}

extension LoadOptions {
    /// These options, reading DOT maps through ``DOTReader``.
    public var readingDOT: LoadOptions {
        var copy = self
        copy.dotReader = { data, file, assembler throws(InputError) in try DOTReader.read(data, file: file, into: &assembler) }
        return copy
    }

    /// The default options, reading DOT maps too.
    public static var withDOT: LoadOptions { LoadOptions().readingDOT }
}
