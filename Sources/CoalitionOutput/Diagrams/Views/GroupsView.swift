import Coalition
import CoalitionGraph
import Graphviz

extension DiagramBuilder {
    /// One node per group, sized by members; ties between groups as weighted edges.
    public func groups(_ grouping: Grouping, engine: LayoutEngine?) -> Diagram {
        let chosen = engine ?? .neato
        var d = Diagram(
            title: title("\(grouping.attribute) groups"),
            caption: caption(measure: "actors per group", engine: chosen, extra: ["edges: supporting ties between groups"]),
            directed: false, engine: chosen)
        (d.nodes, d.edges) = groupNodesAndEdges(grouping) { _ in nil }
        d.legend = [
            .init(label: "group (size: actors)", sample: .node(shape: "ellipse", fill: "#DDDDDD", dashed: false)),
            .init(label: "ties between groups (width: count)", sample: .edge(style: "solid", color: "#555555", arrowhead: nil)),
        ]
        return d
    }

    /// A node per group (sized by members, labelled with its counts and `note`) and an edge per
    /// pair of groups with supporting ties between them (width by count).
    func groupNodesAndEdges(_ grouping: Grouping, note: (Int) -> String?) -> ([Diagram.Node], [Diagram.Edge]) {
        let k = grouping.groups.count
        var counts = [Int](repeating: 0, count: k)
        for i in grouping.index { counts[i] += 1 }
        var between: [[Int]: Int] = [:]
        var inside = [Int](repeating: 0, count: k)
        for t in network.writtenTies where !t.isOpposition {
            let a = grouping.index[Int(t.source)], b = grouping.index[Int(t.target)]
            if a == b { inside[a] += 1 } else { between[[min(a, b), max(a, b)], default: 0] += 1 }
        }
        let most = Double(counts.max() ?? 1)
        let nodes = (0..<k).map { i in
            Diagram.Node(
                id: "g\(i)", label: ["\(grouping.groups[i])", "\(NumberStyle.count(counts[i], "actor")), \(NumberStyle.count(inside[i], "tie")) inside", note(i)].compactMap { $0 }.joined(separator: "\n"),
                shape: "ellipse", fill: Self.groupColours[i % Self.groupColours.count],
                size: 0.8 + 1.4 * (Double(counts[i]) / most).squareRoot(), tooltip: grouping.groups[i])
        }
        let top = Double(between.values.max() ?? 1)
        let edges = between.keys.sorted { $0.lexicographicallyPrecedes($1) }.map { pair in
            Diagram.Edge(
                from: "g\(pair[0])", to: "g\(pair[1])", width: 0.8 + 5 * Double(between[pair]!) / top, style: "solid",
                color: "#555555", arrowhead: nil)
        }
        return (nodes, edges)
    }
}
