import Coalition
import CoalitionGraph
import Graphviz

extension DiagramBuilder {
    /// One actor and everyone within `depth` ties of it.
    public func ego(_ actor: Int, depth: Int, sizeBy measure: String, values: [Double], engine: LayoutEngine?) -> Diagram {
        let g = network.graph()
        var hops = [Int](repeating: -1, count: network.actors.count)
        hops[actor] = 0
        var queue = [actor], head = 0
        while head < queue.count {
            let v = queue[head]; head += 1
            guard hops[v] < depth else { continue }
            for w in Array(g.outNeighbors(of: v)) + (g.isDirected ? Array(g.inNeighbors(of: v)) : []) where hops[Int(w)] < 0 {
                hops[Int(w)] = hops[v] + 1
                queue.append(Int(w))
            }
        }
        let members = queue.sorted()
        let inside = Set(members)
        let ties = network.tiesAsWritten.filter { inside.contains(Int($0.source)) && inside.contains(Int($0.target)) }
        let chosen = engine ?? (members.count <= 150 ? .neato : .sfdp)
        let size = sizes(members.map { values[$0] })
        let named = labelled(members, values: values, keep: [actor])
        var d = Diagram(
            title: title("\(network.actors[actor].name) and its ties within \(depth) step\(depth == 1 ? "" : "s")"),
            caption: caption(measure: measure, engine: chosen, extra: labelNote(named.count, of: members.count)),
            directed: network.isDirected, engine: chosen)
        d.nodes = members.enumerated().map { i, v in
            var x = node(v, size: size[i], label: named.contains(v))
            x.bold = v == actor
            return x
        }
        d.edges = ties.map(edge)
        d.legend = legend(nodes: members, ties: ties)
        return d
    }
}
