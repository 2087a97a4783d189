import Coalition
import CoalitionGraph
import Graphviz

extension DiagramBuilder {
    /// Every actor: colour and shape by kind, size by `measure`, width by strength.
    public func full(sizeBy measure: String, values: [Double], engine: LayoutEngine?) -> Diagram {
        let n = network.actors.count
        let chosen = engine ?? (n <= 150 ? .neato : .sfdp)
        let size = sizes(values)
        let named = labelled(Array(0..<n), values: values)
        var d = Diagram(
            title: title("all actors"),
            caption: caption(measure: measure, engine: chosen, extra: labelNote(named.count, of: n, "actors, the most central")),
            directed: network.isDirected, engine: chosen)
        d.nodes = (0..<n).map { node($0, size: size[$0], label: named.contains($0)) }
        d.edges = network.tiesAsWritten.map(edge)
        d.legend = legend(nodes: Array(0..<n), ties: network.tiesAsWritten)
        return d
    }
}
