import Coalition
import CoalitionGraph
import Graphviz

extension DiagramBuilder {
    /// Above this many actors and initiatives taking part, the portfolio is drawn as an
    /// initiative × sector matrix: a two-mode drawing that size is a hairball.
    public static let portfolioMatrixThreshold = 300
    /// Rows of the matrix: the largest initiatives.
    public static let portfolioMatrixRows = 30

    /// The mission portfolio: initiatives as labelled boxes (bold when cross-sectoral), the
    /// actors taking part shaped by kind and coloured by sector, a line for each participation
    /// (thicker for a lead, dashed for an observer). Above ``portfolioMatrixThreshold`` nodes,
    /// the matrix of the largest initiatives against the sectors their members come from.
    public func portfolio(_ p: PortfolioAnalysis, grouping: Grouping, engine: LayoutEngine?) -> Diagram {
        let initiatives = network.portfolio?.initiatives ?? []
        let drawn = (0..<initiatives.count).filter { !p.profiles[$0].members.isEmpty }
        let actors = (0..<network.actors.count).filter { p.measures.degree[$0] > 0 }
        if actors.count + drawn.count > Self.portfolioMatrixThreshold { return portfolioMatrix(p, grouping: grouping, drawn: drawn) }
        let chosen = engine ?? (actors.count + drawn.count <= 150 ? .neato : .sfdp)
        let named = labelled(actors, values: (0..<network.actors.count).map { Double(p.measures.degree[$0]) })
        let colour = { (a: Int) -> String in
            grouping.labels[a] == Grouping.none ? Self.otherKind.fill : Self.groupColours[grouping.index[a] % Self.groupColours.count]
        }
        var d = Diagram(
            title: title("the portfolio"),
            caption: caption(
                measure: nil, engine: chosen,
                extra: ["\(NumberStyle.count(drawn.count, "initiative")), \(NumberStyle.count(p.participations, "participation")) by \(NumberStyle.count(actors.count, "actor"))"]
                    + labelNote(named.count, of: actors.count, "actors, those in most initiatives")),
            directed: false, engine: chosen)
        for a in actors {
            var x = node(a, size: 0.3, label: named.contains(a))
            x.fill = colour(a)
            d.nodes.append(x)
        }
        let n = network.actors.count
        for i in drawn {
            let profile = p.profiles[i]
            d.nodes.append(
                Diagram.Node(
                    id: "n\(n + i)", label: initiatives[i].name, shape: "box", fill: "#F4F4F4", size: 0.9, bold: profile.crossSectoral,
                    tooltip: "\(initiatives[i].name) · \(NumberStyle.count(profile.members.count, "member")) · \(profile.sectors.joined(separator: ", "))"))
        }
        var roles = Set<String>()
        for a in network.portfolio?.affiliations(roles: p.options.roles) ?? [] {
            let role = a.role ?? .participant
            roles.insert(role == .lead ? "lead" : role == .observer ? "observer" : "member")
            d.edges.append(
                Diagram.Edge(
                    from: "n\(a.actor)", to: "n\(n + Int(a.initiative))", width: role == .lead ? 2.4 : 0.9,
                    style: role == .observer ? "dashed" : "solid", color: "#666666", arrowhead: nil))
        }
        d.legend = [.init(label: "initiative (box)", sample: .node(shape: "box", fill: "#F4F4F4", dashed: false))]
        if drawn.contains(where: { p.profiles[$0].crossSectoral }) {
            d.legend.append(.init(label: "cross-sectoral initiative (bold)", sample: .mark("▣")))
        }
        for item in legend(nodes: actors, ties: []) {
            guard case .node(let shape, _, let dashed) = item.sample else { continue }
            d.legend.append(.init(label: item.label, sample: .node(shape: shape, fill: "#FFFFFF", dashed: dashed)))
        }
        let groups = Set(actors.map { grouping.index[$0] })
        for g in groups.sorted() where grouping.groups[g] != Grouping.none {
            d.legend.append(
                .init(label: "\(grouping.attribute): \(grouping.groups[g])", sample: .node(shape: "ellipse", fill: Self.groupColours[g % Self.groupColours.count], dashed: false)))
        }
        if roles.contains("lead") { d.legend.append(.init(label: "leads the initiative", sample: .edge(style: "bold", color: "#666666", arrowhead: nil))) }
        if roles.contains("member") { d.legend.append(.init(label: "takes part", sample: .edge(style: "solid", color: "#666666", arrowhead: nil))) }
        if roles.contains("observer") { d.legend.append(.init(label: "observer", sample: .edge(style: "dashed", color: "#666666", arrowhead: nil))) }
        return d
    }

    /// The largest initiatives (rows) against the groups their members come from (columns),
    /// each cell the number of members from that group, shaded by it; positions fixed.
    func portfolioMatrix(_ p: PortfolioAnalysis, grouping: Grouping, drawn: [Int]) -> Diagram {
        let initiatives = network.portfolio?.initiatives ?? []
        let rows = drawn.sorted { (p.profiles[$0].members.count, $1) > (p.profiles[$1].members.count, $0) }.prefix(Self.portfolioMatrixRows)
        var used = Set<Int>()
        var counts: [Int: [Int: Int]] = [:]
        for i in rows {
            for a in p.profiles[i].members where grouping.labels[a] != Grouping.none {
                counts[i, default: [:]][grouping.index[a], default: 0] += 1
                used.insert(grouping.index[a])
            }
        }
        let columns = used.sorted { grouping.groups[$0] < grouping.groups[$1] }
        let top = Double(counts.values.flatMap(\.values).max() ?? 1)
        let shades = ["#EFF3FF", "#BDD7E7", "#6BAED6", "#3182BD"]
        var d = Diagram(
            title: title("the portfolio by \(grouping.attribute)"),
            caption: caption(
                measure: nil, engine: .nop,
                extra: [
                    "the \(rows.count) largest of \(NumberStyle.count(drawn.count, "initiative")); a cell counts its members from each \(grouping.attribute)",
                    "\(NumberStyle.count(p.participations, "participation")) in all",
                ]),
            directed: false, engine: .nop)
        let dx = 70.0, dy = 34.0
        for (c, g) in columns.enumerated() {
            d.nodes.append(
                Diagram.Node(
                    id: "c\(c)", label: grouping.groups[g], shape: "plaintext", fill: "#FFFFFF", size: 0.9, tooltip: grouping.groups[g],
                    position: .init(x: Double(c) * dx, y: dy)))
        }
        for (r, i) in rows.enumerated() {
            let profile = p.profiles[i]
            let y = -Double(r) * dy
            d.nodes.append(
                Diagram.Node(
                    id: "r\(r)", label: initiatives[i].name + (profile.crossSectoral ? "  ◆" : ""), shape: "plaintext", fill: "#FFFFFF", size: 0.9,
                    tooltip: "\(initiatives[i].name) · \(NumberStyle.count(profile.members.count, "member"))", position: .init(x: -dx * 3, y: y)))
            for (c, g) in columns.enumerated() {
                let k = counts[i]?[g] ?? 0
                let shade = k == 0 ? "#FFFFFF" : shades[min(shades.count - 1, Int(Double(k) / top * Double(shades.count - 1) + 0.5))]
                d.nodes.append(
                    Diagram.Node(
                        id: "m\(r)x\(c)", label: k == 0 ? " " : "\(k)", shape: "box", fill: shade, size: 0.8,
                        tooltip: "\(initiatives[i].name) · \(grouping.groups[g]): \(k)", position: .init(x: Double(c) * dx, y: y), outline: "#CCCCCC"))
            }
        }
        d.legend = [
            .init(label: "members from that \(grouping.attribute) (darker: more)", sample: .node(shape: "box", fill: shades[2], dashed: false)),
            .init(label: "cross-sectoral initiative", sample: .mark("◆")),
        ]
        return d
    }
}
