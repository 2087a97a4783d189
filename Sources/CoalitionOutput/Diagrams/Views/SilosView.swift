import Coalition
import CoalitionGraph
import Graphviz

extension DiagramBuilder {
    /// Actors clustered by group, ties between groups emphasised, missing bridges as ghost edges.
    /// Above ``largeNetwork`` actors the boxes of actors give way to one node per group, with
    /// its E-I index, and the missing bridges between them: fdp took minutes on 10,000 actors.
    /// It draws from the analysis's outline alone (E-I per group, missing bridges), which
    /// costs a pass over the ties rather than the whole silo analysis.
    public func silos(_ silos: SiloAnalysis.Outline, sizeBy measure: String, values: [Double], engine: LayoutEngine?) -> Diagram {
        let grouping = silos.grouping
        if network.actors.count > Self.largeNetwork { return groupSilos(silos, engine: engine) }
        // osage packs the group boxes and the actors in each: compact, and the same every run.
        // fdp drew the boxes in a more telling shape, but Graphviz 2.43's fdp lays clusters out
        // differently on every run, start=1 or not.
        let chosen = engine ?? .osage
        let size = sizes(values)
        // Ghost edges join the best-connected members of each missing bridge's two groups.
        let degree = network.graph().simplified().neighbourCounts()
        func anchor(_ group: Int) -> Int? {
            network.actors.indices.filter { grouping.index[$0] == group }.max { degree[$0] != degree[$1] ? degree[$0] < degree[$1] : $0 > $1 }
        }
        let ghosts = silos.missingBridges.compactMap { b in anchor(b.0).flatMap { a in anchor(b.1).map { (a, $0) } } }
        // Names are shared out between the groups, so every box says who is in it.
        let k = max(grouping.groups.count, 1)
        var named = Set<Int>()
        for g in 0..<k {
            let members = network.actors.indices.filter { grouping.index[$0] == g }
            let share = labelLimit == 0 ? members.count : max(2, (labelLimit + k - 1) / k)
            let keep = Set(ghosts.flatMap { [$0.0, $0.1] }.filter { grouping.index[$0] == g })
            named.formUnion(
                members.count <= share
                    ? Set(members)
                    : Set(
                        members.sorted { a, b in
                            if keep.contains(a) != keep.contains(b) { return keep.contains(a) }
                            return values[a] != values[b] ? values[a] > values[b] : a < b
                        }.prefix(max(share, keep.count))))
        }
        let n = network.actors.count
        var d = Diagram(
            title: title("silos by \(grouping.attribute)"),
            caption: caption(
                measure: measure, engine: chosen,
                extra: ["bold: ties across groups", "grey dashed: missing bridges"] + labelNote(named.count, of: n, "actors, the most central of each group")),
            directed: network.isDirected, engine: chosen)
        d.clusters = grouping.groups.enumerated().map { i, g in Diagram.Cluster(label: g, color: Self.groupColours[i % Self.groupColours.count]) }
        // The group boxes spread wider than the other views, so the page shrinks them more.
        d.textScale = n > 40 ? 1.2 : 1
        // Within each box the most central first: osage packs a box's actors in the order given.
        let order = network.actors.indices.sorted { a, b in
            grouping.index[a] != grouping.index[b] ? grouping.index[a] < grouping.index[b] : (values[a] != values[b] ? values[a] > values[b] : a < b)
        }
        d.nodes = order.map { v in
            var x = node(v, size: size[v], label: named.contains(v))
            x.cluster = grouping.index[v]
            return x
        }
        d.edges = network.tiesAsWritten.map { t in
            var e = edge(t)
            if !t.isOpposition && grouping.index[Int(t.source)] != grouping.index[Int(t.target)] { e.width += 1; e.color = "#000000" } else if !t.isOpposition { e.faded = true }
            return e
        }
        for (a, b) in ghosts {
            d.edges.append(Diagram.Edge(from: "n\(a)", to: "n\(b)", width: 3, style: "dashed", color: "#BBBBBB", arrowhead: nil))
        }
        d.legend = legend(nodes: Array(network.actors.indices), ties: network.tiesAsWritten)
        if !silos.missingBridges.isEmpty {
            d.legend.append(.init(label: "missing bridge (\(silos.missingBridges.count))", sample: .edge(style: "dashed", color: "#BBBBBB", arrowhead: nil)))
        }
        return d
    }

    func groupSilos(_ silos: SiloAnalysis.Outline, engine: LayoutEngine?) -> Diagram {
        let grouping = silos.grouping
        let chosen = engine ?? (grouping.groups.count <= 150 ? .neato : .sfdp)
        var d = Diagram(
            title: title("silos by \(grouping.attribute)"),
            caption: caption(
                measure: "actors per group", engine: chosen,
                extra: [
                    "one node per group: \(network.actors.count) actors are too many to draw one by one",
                    "E-I: −1 all ties inside, +1 all across", "grey dashed: missing bridges",
                ]),
            directed: false, engine: chosen)
        (d.nodes, d.edges) = groupNodesAndEdges(grouping) { i in
            silos.eiIndex[i].map { "E-I \(Numbers.shortest(($0 * 100).rounded() / 100))" }
        }
        for b in silos.missingBridges {
            d.edges.append(Diagram.Edge(from: "g\(b.0)", to: "g\(b.1)", width: 3, style: "dashed", color: "#BBBBBB", arrowhead: nil))
        }
        d.legend = [
            .init(label: "group (size: actors)", sample: .node(shape: "ellipse", fill: "#DDDDDD", dashed: false)),
            .init(label: "ties between groups (width: count)", sample: .edge(style: "solid", color: "#555555", arrowhead: nil)),
        ]
        if !silos.missingBridges.isEmpty {
            d.legend.append(.init(label: "missing bridge (\(silos.missingBridges.count))", sample: .edge(style: "dashed", color: "#BBBBBB", arrowhead: nil)))
        }
        return d
    }
}
