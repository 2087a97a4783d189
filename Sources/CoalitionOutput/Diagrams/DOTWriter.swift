import Coalition
import Graphviz

/// Writes a ``Diagram`` as DOT text: the one writer behind `convert --to dot` and rendering,
/// so what is exported is what is drawn.
///
/// Node ids are generated (`n12`); the user's text only ever appears inside quoted attribute
/// values, escaped (backslash, quote, line break), or inside the HTML-like legend table,
/// escaped as HTML. Output order follows the diagram's order, and layout seeds are fixed
/// (`start=1`), so the same input gives the same bytes.
public enum DOTWriter {
    ///
    /// `overlap=prism` with `sep` moves nodes apart until they and a margin for their names do
    /// not overlap. Graphviz 2.43 corrupts its heap on the example mission with fdp's default
    /// overlap removal (0 of 6 renders survived, in a plain C program too) and with neato's
    /// `overlap=false` (3 of 8); `prism` survived 40 of 40 renders of every view. With
    /// clusters (fdp) it lets the group boxes overlap, and above ``DiagramBuilder/largeNetwork``
    /// nodes it is slow, so there it runs no iterations (`prism0`).
    /// Edges are straight (`splines=line`): curved ones took neato 3.1 s on the 120-actor
    /// example where straight ones take 0.04 s (fdp 2.8 s against 0.14 s on its silos view, sfdp
    /// over a minute on 1,000 actors), and read as well.
    public static func write(_ d: Diagram) -> String {
        let kind = d.directed ? "digraph" : "graph"
        let arrow = d.directed ? "->" : "--"
        // Fixed positions stay where they are: nop still removes overlaps otherwise, and a
        // chart's panels overlap everything on them by design.
        let overlap =
            d.engine == .nop
            ? "overlap=true" : d.clusters.isEmpty && d.nodes.count <= DiagramBuilder.largeNetwork ? "overlap=prism, sep=\"+6\"" : "overlap=prism0"
        func pt(_ size: Double) -> String { number(size * d.textScale) }
        var out = ["\(kind) coalition {"]
        out.append("  graph [label=<\(legendTable(d))>, labelloc=t, labeljust=l, fontname=\"DejaVu Sans\", fontsize=\(pt(11)),")
        out.append("         start=1, \(overlap), splines=line, outputorder=edgesfirst, pad=0.3, charset=\"UTF-8\",")
        // osage: a margin (points) between the packed boxes and between the actors in each.
        out.append("         size=\"16,12\", dpi=120, forcelabels=true\(d.engine == .osage ? ", pack=40" : "")];")
        out.append("  node [style=\"filled\", fontname=\"DejaVu Sans\", fontsize=\(pt(10)), penwidth=1, color=\"#333333\", fontcolor=\"#111111\"];")
        out.append("  edge [color=\"#555555\"];")
        func nodeLine(_ n: Diagram.Node) -> String {
            var styles = ["filled"]
            if n.dashed { styles.append("dashed") }
            if n.bold { styles.append("bold") }
            // Small fixed-size markers with the name beside them (xlabel): big shapes grown
            // around long names would hide the structure.
            // Big nodes (the groups view) hold their label inside.
            let inside = n.size >= 0.8
            // "\\l" ends a left-justified line (DOT's own escape, so added after quoting).
            let label = n.leftAligned ? String(quoted(n.label).dropLast()) + "\\l\"" : quoted(n.label)
            var attributes = [
                inside ? "label=\(label)" : "label=\"\"", inside ? "xlabel=\"\"" : "xlabel=\(quoted(n.label))",
                "shape=\(n.shape)", "style=\(quoted(styles.joined(separator: ",")))",
                "fillcolor=\(quoted(n.faded ? n.fill + "40" : n.fill))", "fixedsize=\(inside && !n.leftAligned ? "false" : "true")",
                "width=\(number(n.size))", "height=\(number(n.height ?? (n.shape == "circle" || n.shape == "doublecircle" ? n.size : n.size * 0.7)))",
                "tooltip=\(quoted(n.tooltip))",
            ]
            if n.faded { attributes += ["fontcolor=\"#999999\"", "color=\"#BBBBBB\""] }
            if let outline = n.outline, !n.faded { attributes.append("color=\(quoted(outline))") }
            if n.bold { attributes.append("penwidth=3") }
            if let c = n.fontColor, !n.faded { attributes.append("fontcolor=\(quoted(c))") }
            if let size = n.fontSize { attributes.append("fontsize=\(pt(size))") }
            if let p = n.position { attributes.append("pos=\"\(number(p.x)),\(number(p.y))!\"") }
            return "\(n.id) [\(attributes.joined(separator: ", "))];"
        }
        for (i, c) in d.clusters.enumerated() {
            out.append("  subgraph cluster_\(i) {")
            out.append("    label=\(quoted(c.label)); style=\"rounded\"; color=\(quoted(c.color)); penwidth=2; fontsize=\(pt(13));")
            for n in d.nodes where n.cluster == i { out.append("    " + nodeLine(n)) }
            out.append("  }")
        }
        for n in d.nodes where n.cluster == nil || n.cluster! >= d.clusters.count { out.append("  " + nodeLine(n)) }
        for e in d.edges {
            var attributes = ["penwidth=\(number(e.width))", "style=\(e.style)", "color=\(quoted(e.faded ? e.color + "40" : e.color))"]
            if let head = e.arrowhead { attributes.append("arrowhead=\(head)") }
            if !d.directed, e.arrowhead == "tee" { attributes.append("dir=forward") }
            // In a directed drawing a tie the sheet left undirected has no arrow.
            if d.directed, e.arrowhead == nil { attributes.append("dir=none") }
            out.append("  \(e.from) \(arrow) \(e.to) [\(attributes.joined(separator: ", "))];")
        }
        out.append("}")
        return out.joined(separator: "\n") + "\n"
    }

    /// Title, caption and legend as one HTML-like table above the drawing (every engine draws
    /// a graph label; clusters for a legend would be ignored by neato and sfdp). The legend is a
    /// table of its own, in columns, so its sample cells keep their size whatever the caption's
    /// width; panels stand beside it.
    static func legendTable(_ d: Diagram) -> String {
        let scale = d.textScale
        var blocks: [String] = []
        if !d.legend.isEmpty { blocks.append(itemTable(d.legend, columns: d.panels.isEmpty ? 3 : 2, scale: scale)) }
        for panel in d.panels where !panel.items.isEmpty {
            blocks.append(itemTable(panel.items, columns: 1, title: panel.title, scale: scale))
        }
        var rows = [
            "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\"><FONT POINT-SIZE=\"\(number(16 * scale))\"><B>\(html(d.title))</B></FONT></TD></TR>",
            "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\"><FONT POINT-SIZE=\"\(number(10 * scale))\" COLOR=\"#444444\">\(wrapped(d.caption).map(html).joined(separator: "<BR/>"))</FONT></TD></TR>",
        ]
        if !blocks.isEmpty {
            rows.append(
                "<TR><TD ALIGN=\"LEFT\"><TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\"><TR>"
                    + blocks.map { "<TD VALIGN=\"TOP\" ALIGN=\"LEFT\">\($0)</TD>" }.joined() + "</TR></TABLE></TD></TR>")
        }
        return "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"2\" ALIGN=\"LEFT\">" + rows.joined() + "</TABLE>"
    }

    /// The caption in lines of about 100 characters, broken after a " · ": a table cell as wide
    /// as a one-line caption would stretch the legend's columns apart.
    static func wrapped(_ caption: String, width: Int = 100) -> [String] {
        var lines: [String] = []
        for part in caption.components(separatedBy: " · ") {
            if let last = lines.last, last.count + 3 + part.count <= width { lines[lines.count - 1] = last + " · " + part } else { lines.append(part) }
        }
        return lines
    }

    /// Legend items in `columns` columns, filled down each column in turn.
    static func itemTable(_ items: [Diagram.LegendItem], columns: Int, title: String? = nil, scale: Double = 1) -> String {
        let perColumn = (items.count + columns - 1) / columns
        var rows: [String] = []
        if let title { rows.append("<TR><TD COLSPAN=\"\(2 * columns)\" ALIGN=\"LEFT\"><FONT POINT-SIZE=\"\(number(11 * scale))\"><B>\(html(title))</B></FONT></TD></TR>") }
        for r in 0..<perColumn {
            var cells = ""
            for c in 0..<columns {
                let i = c * perColumn + r
                cells +=
                    i < items.count
                    ? sampleCell(items[i].sample, scale: scale) + "<TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"\(number(10 * scale))\">\(html(items[i].label))</FONT></TD>"
                    : "<TD></TD><TD></TD>"
            }
            rows.append("<TR>\(cells)</TR>")
        }
        return "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"3\" CELLPADDING=\"1\">" + rows.joined() + "</TABLE>"
    }

    static func sampleCell(_ sample: Diagram.LegendItem.Sample, scale: Double) -> String {
        let w = Int((22 * scale).rounded()), h = Int((12 * scale).rounded())
        switch sample {
        case .node(let shape, let fill, let dashed):
            // The shape's name goes in the cell's tooltip; the label says it in words.
            return "<TD BGCOLOR=\"\(fill)\" WIDTH=\"\(w)\" HEIGHT=\"\(h)\" FIXEDSIZE=\"TRUE\" BORDER=\"1\"\(dashed ? " STYLE=\"dashed\"" : "") TOOLTIP=\"\(html(shape))\"></TD>"
        case .edge(let style, let color, let arrowhead):
            // A solid tie is a thin bar; dashes and dots are ASCII. Runs of em dashes came out
            // at positions differing in the sixth decimal from one PDF to the next (pango),
            // so the same diagram gave different bytes.
            guard style == "dotted" || style == "dashed" else {
                return "<TD WIDTH=\"\(w)\" HEIGHT=\"\(max(2, h / 4))\" FIXEDSIZE=\"TRUE\" BGCOLOR=\"\(color)\"></TD>"
            }
            let mark = style == "dotted" ? ". . ." : "- - -"
            return "<TD WIDTH=\"\(w)\"><FONT COLOR=\"\(color)\"><B>\(mark)\(arrowhead == "tee" ? " |" : "")</B></FONT></TD>"
        case .mark(let text):
            return "<TD WIDTH=\"\(w)\"><B>\(html(text))</B></TD>"
        case .placeholder:
            return "<TD WIDTH=\"\(w)\" HEIGHT=\"\(h)\" FIXEDSIZE=\"TRUE\" BORDER=\"1\" STYLE=\"dashed\"></TD>"
        }
    }

    /// A DOT quoted string: backslash, quote and line breaks escaped (a label's "\n" is a
    /// centred line break; a user's backslash stays a backslash).
    public static func quoted(_ s: String) -> String {
        var out = "\""
        for ch in s {
            switch ch {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n", "\r\n": out += "\\n"
            case "\r": break
            default: out.append(ch)
            }
        }
        return out + "\""
    }

    static func html(_ s: String) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\n": out += "<BR/>"
            default: out.append(ch)
            }
        }
        return out
    }

    static func number(_ x: Double) -> String {
        let r = (x * 100).rounded() / 100
        return Numbers.shortest(r)
    }
}
