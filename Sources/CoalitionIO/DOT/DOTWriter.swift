import Coalition

/// Writes a ``Diagram`` as DOT text: the one writer behind `convert --to dot` and rendering,
/// so what is exported is what is drawn.
///
/// Node ids are generated (`n12`); the user's text only ever appears inside quoted attribute
/// values, escaped (backslash, quote, line break), or inside the HTML-like legend table,
/// escaped as HTML. Output order follows the diagram's order, and layout seeds are fixed
/// (`start=1`), so the same input gives the same bytes.
public enum DOTWriter {
    ///
    /// `overlap=prism0`: Graphviz 2.43 corrupts its heap on the example mission with the default
    /// overlap removal and fdp (0 of 6 renders survived, in a plain C program too), and with
    /// `overlap=false` and neato (3 of 8); `prism0` survived every run with both, and with sfdp.
    /// Curved edges only up to 200 nodes and 400 edges: on 1,000 actors they took sfdp over a
    /// minute (straight: 0.3 s), and neato over a minute on 36 groups with 627 edges (0.04 s).
    public static func write(_ d: Diagram) -> String {
        let kind = d.directed ? "digraph" : "graph"
        let arrow = d.directed ? "->" : "--"
        var out = ["\(kind) coalition {"]
        out.append("  graph [label=<\(legendTable(d))>, labelloc=t, labeljust=l, fontname=\"DejaVu Sans\", fontsize=11,")
        out.append("         start=1, overlap=prism0, splines=\(d.nodes.count <= 200 && d.edges.count <= 400 ? "curved" : "line"), outputorder=edgesfirst, pad=0.3, charset=\"UTF-8\",")
        out.append("         size=\"16,12\", dpi=120, forcelabels=true];")
        out.append("  node [style=\"filled\", fontname=\"DejaVu Sans\", fontsize=10, penwidth=1, color=\"#333333\", fontcolor=\"#111111\"];")
        out.append("  edge [color=\"#555555\"];")
        func nodeLine(_ n: Diagram.Node) -> String {
            var styles = ["filled"]
            if n.dashed { styles.append("dashed") }
            if n.bold { styles.append("bold") }
            // Small fixed-size markers with the name beside them (xlabel): big shapes grown
            // around long names would hide the structure.
            // Big nodes (the groups view) hold their label inside.
            let inside = n.size >= 0.8
            var attributes = [
                inside ? "label=\(quoted(n.label))" : "label=\"\"", inside ? "xlabel=\"\"" : "xlabel=\(quoted(n.label))",
                "shape=\(n.shape)", "style=\(quoted(styles.joined(separator: ",")))",
                "fillcolor=\(quoted(n.faded ? n.fill + "40" : n.fill))", "fixedsize=\(inside ? "false" : "true")",
                "width=\(number(n.size))", "height=\(number(n.shape == "circle" || n.shape == "doublecircle" ? n.size : n.size * 0.7))",
                "tooltip=\(quoted(n.tooltip))",
            ]
            if n.faded { attributes += ["fontcolor=\"#999999\"", "color=\"#BBBBBB\""] }
            if n.bold { attributes.append("penwidth=3") }
            return "\(n.id) [\(attributes.joined(separator: ", "))];"
        }
        for (i, c) in d.clusters.enumerated() {
            out.append("  subgraph cluster_\(i) {")
            out.append("    label=\(quoted(c.label)); style=\"rounded\"; color=\(quoted(c.color)); penwidth=2; fontsize=12;")
            for n in d.nodes where n.cluster == i { out.append("    " + nodeLine(n)) }
            out.append("  }")
        }
        for n in d.nodes where n.cluster == nil || n.cluster! >= d.clusters.count { out.append("  " + nodeLine(n)) }
        for e in d.edges {
            var attributes = ["penwidth=\(number(e.width))", "style=\(e.style)", "color=\(quoted(e.faded ? e.color + "40" : e.color))"]
            if let head = e.arrowhead { attributes.append("arrowhead=\(head)") }
            if !d.directed, e.arrowhead == "tee" { attributes.append("dir=forward") }
            out.append("  \(e.from) \(arrow) \(e.to) [\(attributes.joined(separator: ", "))];")
        }
        out.append("}")
        return out.joined(separator: "\n") + "\n"
    }

    /// Title, caption and legend as one HTML-like table above the drawing (every engine draws
    /// a graph label; clusters for a legend would be ignored by neato and sfdp).
    static func legendTable(_ d: Diagram) -> String {
        var rows = ["<TR><TD ALIGN=\"LEFT\" COLSPAN=\"2\"><B>\(html(d.title))</B></TD></TR>",
                    "<TR><TD ALIGN=\"LEFT\" COLSPAN=\"2\"><FONT POINT-SIZE=\"9\" COLOR=\"#444444\">\(html(d.caption))</FONT></TD></TR>"]
        for item in d.legend {
            switch item.sample {
            case .node(let shape, let fill, let dashed):
                rows.append("<TR><TD BGCOLOR=\"\(fill)\" WIDTH=\"18\" HEIGHT=\"10\" FIXEDSIZE=\"TRUE\" BORDER=\"1\"\(dashed ? " STYLE=\"dashed\"" : "")></TD><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"9\">\(html(item.label)) (\(html(shape)))</FONT></TD></TR>")
            case .edge(let style, let color, let arrowhead):
                let mark = style == "dotted" ? "· · ·" : style == "dashed" ? "– – –" : "———"
                rows.append("<TR><TD><FONT COLOR=\"\(color)\">\(mark)\(arrowhead == "tee" ? "|" : "")</FONT></TD><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"9\">\(html(item.label))</FONT></TD></TR>")
            }
        }
        return "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"2\" ALIGN=\"LEFT\">" + rows.joined() + "</TABLE>"
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
        return formatNumber(r)
    }
}
