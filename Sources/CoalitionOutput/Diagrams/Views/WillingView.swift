import Coalition
import CoalitionGraph
import Graphviz

extension DiagramBuilder {
    /// The recommended community of the willing and the other willing clusters highlighted,
    /// everyone else faded and unnamed; next-to-recruit actors marked.
    public func willing(_ w: WillingAnalysis, sizeBy measure: String, values: [Double], engine: LayoutEngine?) -> Diagram {
        let n = network.actors.count
        let chosen = engine ?? (n <= 150 ? .neato : .sfdp)
        let size = sizes(values)
        let recommended = Set(w.recommended.map { w.clusters[$0].members } ?? [])
        let otherWilling = Set(w.clusters.indices.filter { $0 != w.recommended }.flatMap { w.clusters[$0].members })
        let recruits = Set(w.nextToRecruit.prefix(5).map(\.actor))
        let shown = recommended.union(otherWilling).union(recruits)
        let named = labelled(shown.sorted(), values: values, keep: recommended.union(recruits))
        var d = Diagram(
            title: title("community of the willing"),
            caption: caption(
                measure: measure, engine: chosen,
                extra: ["willing: commitment \(w.threshold.name) or above"] + labelNote(named.count, of: shown.count, "willing actors and recruits")),
            directed: network.isDirected, engine: chosen)
        d.nodes = (0..<n).map { v in
            var x = node(v, size: size[v], label: named.contains(v))
            x.bold = recommended.contains(v)
            x.faded = !shown.contains(v)
            if recruits.contains(v) { x.dashed = true; x.label = "→ " + x.label }
            return x
        }
        d.edges = network.tiesAsWritten.map { t in
            var e = edge(t)
            e.faded = !(recommended.contains(Int(t.source)) && recommended.contains(Int(t.target)))
            return e
        }
        d.legend =
            legend(nodes: Array(0..<n), ties: network.tiesAsWritten) + [
                .init(label: "bold: the cluster to start with (\(recommended.count))", sample: .node(shape: "ellipse", fill: "#FFFFFF", dashed: false))
            ]
        if !otherWilling.isEmpty {
            d.legend.append(.init(label: "coloured: other willing clusters (\(otherWilling.count))", sample: .node(shape: "ellipse", fill: "#DDDDDD", dashed: false)))
        }
        if !recruits.isEmpty {
            d.legend.append(.init(label: "→ next to recruit (\(recruits.count))", sample: .node(shape: "ellipse", fill: "#FFFFFF", dashed: true)))
        }
        d.legend.append(.init(label: "faded: not (yet) willing", sample: .node(shape: "ellipse", fill: "#EEEEEE", dashed: false)))
        return d
    }
}
