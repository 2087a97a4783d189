import CoalitionGraph

/// A picture of (part of) a network, independent of any drawing library: what each node and
/// tie looks like, how nodes are grouped, and the legend. `DOTWriter` turns it into DOT text,
/// which the Graphviz module draws.
public struct Diagram: Sendable {
    public struct Node: Sendable {
        public var id: String
        public var label: String
        public var shape: String
        public var fill: String
        /// Width in inches.
        public var size: Double
        public var faded: Bool = false
        public var bold: Bool = false
        public var dashed: Bool = false
        public var cluster: Int?
        public var tooltip: String
    }

    public struct Edge: Sendable {
        public var from: String
        public var to: String
        public var width: Double
        public var style: String
        public var color: String
        public var arrowhead: String?
        public var faded: Bool = false
    }

    public struct Cluster: Sendable {
        public var label: String
        public var color: String
    }

    public struct LegendItem: Sendable, Hashable {
        /// What stands before the label: a node's fill, a tie's line, a status mark, or an empty
        /// dashed box (a placeholder for something that is missing from the drawing).
        public enum Sample: Sendable, Hashable {
            case node(shape: String, fill: String, dashed: Bool), edge(style: String, color: String, arrowhead: String?)
            case mark(String), placeholder
        }
        public var label: String
        public var sample: Sample
    }

    /// A titled list beside the legend, for what the drawing cannot show as nodes (the voices
    /// view lists every expected category, the missing ones as empty placeholders).
    public struct Panel: Sendable {
        public var title: String
        public var items: [LegendItem]
    }

    public var title: String
    public var caption: String
    public var directed: Bool
    public var nodes: [Node] = []
    public var edges: [Edge] = []
    public var clusters: [Cluster] = []
    public var legend: [LegendItem] = []
    public var panels: [Panel] = []
    /// Text size relative to the usual: a view whose layout is wide (clusters) is shrunk more to
    /// fit the page, so its text starts larger.
    public var textScale: Double = 1
    /// The engine that draws this view best at this size (see ``DiagramBuilder``).
    public var engine: String
}

/// Builds the views of a network: `full`, `ego`, `groups`, `silos`, `willing`.
public struct DiagramBuilder: Sendable {
    public enum View: String, Sendable, CaseIterable { case full, ego, groups, silos, willing, voices }

    /// Okabe & Ito's colour-blind-safe palette, and a shape per kind, so kinds differ in two ways.
    public static let kindStyle: [String: (fill: String, shape: String)] = [
        "ministry": ("#0072B2", "box"), "agency": ("#56B4E9", "box"),
        "regional-government": ("#009E73", "hexagon"), "local-government": ("#009E73", "house"),
        "business": ("#E69F00", "ellipse"), "university": ("#CC79A7", "diamond"), "research": ("#CC79A7", "diamond"),
        "cso": ("#F0E442", "ellipse"), "community": ("#D55E00", "circle"), "funder": ("#56B4E9", "octagon"),
        "international": ("#BBBBBB", "doublecircle"),
    ]
    static let otherKind = (fill: "#DDDDDD", shape: "ellipse")

    /// A Graphviz shape as the legend says it.
    static func shapeName(_ shape: String) -> String {
        ["box": "square", "ellipse": "oval", "doublecircle": "double circle"][shape] ?? shape
    }
    static let groupColours = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999"]

    public let network: StakeholderNetwork
    public let missionName: String?
    public let source: String?
    public let dataDate: String?

    /// At most this many actors carry their name on a drawing of actors (0: every actor). More
    /// names than this overlap in the dense centre of a 120-actor network; every actor keeps its
    /// name in the SVG's tooltip.
    public var labelLimit: Int

    public init(network: StakeholderNetwork, missionName: String? = nil, source: String? = nil, dataDate: String? = nil,
                labelLimit: Int = DiagramBuilder.defaultLabelLimit) {
        self.network = network
        self.missionName = missionName
        self.source = source
        self.dataDate = dataDate
        self.labelLimit = labelLimit
    }

    public static let defaultLabelLimit = 40

    /// Above this many actors, the full view is drawn with sfdp.
    public static let largeNetwork = 400

    /// The actors among `candidates` that keep their names: all when they fit the limit, else
    /// those in `keep` and then the highest by `values` (ties by actor order).
    func labelled(_ candidates: [Int], values: [Double], keep: Set<Int> = []) -> Set<Int> {
        guard labelLimit > 0, candidates.count > labelLimit else { return Set(candidates) }
        let ranked = candidates.sorted { a, b in
            let ka = keep.contains(a), kb = keep.contains(b)
            if ka != kb { return ka }
            return values[a] != values[b] ? values[a] > values[b] : a < b
        }
        return Set(ranked.prefix(max(labelLimit, keep.count)))
    }

    func labelNote(_ shown: Int, of total: Int, _ what: String = "actors") -> [String] {
        shown < total ? ["names on \(shown) of \(total) \(what) (all in the SVG's tooltips)"] : []
    }

    func caption(measure: String?, engine: String, extra: [String] = []) -> String {
        var parts = [source.map { "Data: \($0)" }, dataDate.map { "as of \($0)" }].compactMap { $0 }
        if let measure { parts.append("size: \(measure)") }
        parts += extra
        parts.append("drawn with Graphviz \(engine)")
        return parts.joined(separator: " · ")
    }

    func title(_ view: String) -> String {
        [missionName, view].compactMap { $0 }.joined(separator: " — ")
    }

    /// Node sizes from a measure, 0.15–0.6 inches by square root (area follows the measure).
    func sizes(_ values: [Double]) -> [Double] {
        let top = values.max() ?? 0
        return values.map { top > 0 ? 0.15 + 0.45 * ($0 / top).squareRoot() : 0.3 }
    }

    func node(_ v: Int, size: Double, label: Bool = true) -> Diagram.Node {
        let a = network.actors[v]
        let style = a.kind.flatMap { Self.kindStyle[$0.rawValue] } ?? Self.otherKind
        var tip = [a.name, a.kind?.rawValue, a.primarySector, a.commitment.map { "commitment: \($0.name)" }].compactMap { $0 }
        if a.stance == .opposed { tip.append("opposed") }
        return Diagram.Node(id: "n\(v)", label: label ? a.name : "", shape: style.shape, fill: style.fill, size: size,
                            dashed: a.stance == .opposed, tooltip: tip.joined(separator: " · "))
    }

    func edge(_ t: Tie) -> Diagram.Edge {
        let width = 0.4 + min(t.strength, 5) * 0.3
        if t.isOpposition {
            return Diagram.Edge(from: "n\(t.source)", to: "n\(t.target)", width: 1.6, style: "dotted", color: "#D55E00", arrowhead: "tee")
        }
        let tentative = t.commitment == .exploring || t.commitment == .pledged
        return Diagram.Edge(from: "n\(t.source)", to: "n\(t.target)", width: width, style: tentative ? "dashed" : "solid",
                            color: "#555555", arrowhead: t.isDirected ? "normal" : nil)
    }

    /// The legend for what the diagram shows: kinds present, tie styles present.
    func legend(nodes: [Int], ties: [Tie]) -> [Diagram.LegendItem] {
        var items: [Diagram.LegendItem] = []
        var seen = Set<String>()
        let kinds = Set(nodes.map { network.actors[$0].kind?.rawValue ?? "other" })
        for kind in (ActorKind.known.map(\.rawValue) + ["other"]) where kinds.contains(kind) && seen.insert(kind).inserted {
            let style = Self.kindStyle[kind] ?? Self.otherKind
            items.append(.init(label: "\(kind) (\(Self.shapeName(style.shape)))", sample: .node(shape: style.shape, fill: style.fill, dashed: false)))
        }
        for other in kinds.sorted() where !seen.contains(other) {
            items.append(.init(label: "\(other) (\(Self.shapeName(Self.otherKind.shape)))", sample: .node(shape: Self.otherKind.shape, fill: Self.otherKind.fill, dashed: false)))
        }
        if nodes.contains(where: { network.actors[$0].stance == .opposed }) {
            items.append(.init(label: "opposed (dashed outline)", sample: .node(shape: "ellipse", fill: "#FFFFFF", dashed: true)))
        }
        if ties.contains(where: { !$0.isOpposition && !($0.commitment == .exploring || $0.commitment == .pledged) }) {
            items.append(.init(label: "tie (width: strength)", sample: .edge(style: "solid", color: "#555555", arrowhead: nil)))
        }
        if ties.contains(where: { $0.commitment == .exploring || $0.commitment == .pledged }) {
            items.append(.init(label: "exploring or pledged tie", sample: .edge(style: "dashed", color: "#555555", arrowhead: nil)))
        }
        if ties.contains(where: \.isOpposition) {
            items.append(.init(label: "opposition", sample: .edge(style: "dotted", color: "#D55E00", arrowhead: "tee")))
        }
        return items
    }

    /// Every actor: colour and shape by kind, size by `measure`, width by strength.
    public func full(sizeBy measure: String, values: [Double], engine: String?) -> Diagram {
        let n = network.actors.count
        let chosen = engine ?? (n <= 150 ? "neato" : "sfdp")
        let size = sizes(values)
        let named = labelled(Array(0 ..< n), values: values)
        var d = Diagram(title: title("all actors"),
                        caption: caption(measure: measure, engine: chosen, extra: labelNote(named.count, of: n, "actors, the most central")),
                        directed: network.isDirected, engine: chosen)
        d.nodes = (0 ..< n).map { node($0, size: size[$0], label: named.contains($0)) }
        d.edges = network.ties.map(edge)
        d.legend = legend(nodes: Array(0 ..< n), ties: network.ties)
        return d
    }

    /// One actor and everyone within `depth` ties of it.
    public func ego(_ actor: Int, depth: Int, sizeBy measure: String, values: [Double], engine: String?) -> Diagram {
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
        let ties = network.ties.filter { inside.contains(Int($0.source)) && inside.contains(Int($0.target)) }
        let chosen = engine ?? (members.count <= 150 ? "neato" : "sfdp")
        let size = sizes(members.map { values[$0] })
        let named = labelled(members, values: values, keep: [actor])
        var d = Diagram(title: title("\(network.actors[actor].name) and its ties within \(depth) step\(depth == 1 ? "" : "s")"),
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

    /// One node per group, sized by members; ties between groups as weighted edges.
    public func groups(_ grouping: Grouping, engine: String?) -> Diagram {
        let chosen = engine ?? "neato"
        var d = Diagram(title: title("\(grouping.attribute) groups"),
                        caption: caption(measure: "actors per group", engine: chosen, extra: ["edges: supporting ties between groups"]),
                        directed: false, engine: chosen)
        (d.nodes, d.edges) = groupNodesAndEdges(grouping) { _ in nil }
        d.legend = [.init(label: "group (size: actors)", sample: .node(shape: "ellipse", fill: "#DDDDDD", dashed: false)),
                    .init(label: "ties between groups (width: count)", sample: .edge(style: "solid", color: "#555555", arrowhead: nil))]
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
        for t in network.ties where !t.isOpposition {
            let a = grouping.index[Int(t.source)], b = grouping.index[Int(t.target)]
            if a == b { inside[a] += 1 } else { between[[min(a, b), max(a, b)], default: 0] += 1 }
        }
        let most = Double(counts.max() ?? 1)
        let nodes = (0 ..< k).map { i in
            Diagram.Node(id: "g\(i)", label: ["\(grouping.groups[i])", "\(counts[i]) actors, \(inside[i]) ties inside", note(i)].compactMap { $0 }.joined(separator: "\n"),
                         shape: "ellipse", fill: Self.groupColours[i % Self.groupColours.count],
                         size: 0.8 + 1.4 * (Double(counts[i]) / most).squareRoot(), tooltip: grouping.groups[i])
        }
        let top = Double(between.values.max() ?? 1)
        let edges = between.keys.sorted { $0.lexicographicallyPrecedes($1) }.map { pair in
            Diagram.Edge(from: "g\(pair[0])", to: "g\(pair[1])", width: 0.8 + 5 * Double(between[pair]!) / top, style: "solid",
                         color: "#555555", arrowhead: nil)
        }
        return (nodes, edges)
    }

    /// Actors clustered by group, ties between groups emphasised, missing bridges as ghost edges.
    /// Above ``largeNetwork`` actors the boxes of actors give way to one node per group, with
    /// its E-I index, and the missing bridges between them: fdp took minutes on 10,000 actors.
    public func silos(_ silos: SiloAnalysis, sizeBy measure: String, values: [Double], engine: String?) -> Diagram {
        let grouping = silos.grouping
        if network.actors.count > Self.largeNetwork { return groupSilos(silos, engine: engine) }
        // osage packs the group boxes and the actors in each: compact, and the same every run.
        // fdp drew the boxes in a more telling shape, but Graphviz 2.43's fdp lays clusters out
        // differently on every run, start=1 or not.
        let chosen = engine ?? "osage"
        let size = sizes(values)
        // Ghost edges join the best-connected members of each missing bridge's two groups.
        let degree = network.graph().simplified().neighbourCounts()
        func anchor(_ group: Int) -> Int? {
            network.actors.indices.filter { grouping.index[$0] == group }.max { degree[$0] != degree[$1] ? degree[$0] < degree[$1] : $0 > $1 }
        }
        let ghosts = silos.missingBridges.compactMap { b in anchor(b.groups.0).flatMap { a in anchor(b.groups.1).map { (a, $0) } } }
        // Names are shared out between the groups, so every box says who is in it.
        let k = max(grouping.groups.count, 1)
        var named = Set<Int>()
        for g in 0 ..< k {
            let members = network.actors.indices.filter { grouping.index[$0] == g }
            let share = labelLimit == 0 ? members.count : max(2, (labelLimit + k - 1) / k)
            let keep = Set(ghosts.flatMap { [$0.0, $0.1] }.filter { grouping.index[$0] == g })
            named.formUnion(members.count <= share ? Set(members)
                            : Set(members.sorted { a, b in
                                  if keep.contains(a) != keep.contains(b) { return keep.contains(a) }
                                  return values[a] != values[b] ? values[a] > values[b] : a < b
                              }.prefix(max(share, keep.count))))
        }
        let n = network.actors.count
        var d = Diagram(title: title("silos by \(grouping.attribute)"),
                        caption: caption(measure: measure, engine: chosen,
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
        d.edges = network.ties.map { t in
            var e = edge(t)
            if !t.isOpposition && grouping.index[Int(t.source)] != grouping.index[Int(t.target)] { e.width += 1; e.color = "#000000" }
            else if !t.isOpposition { e.faded = true }
            return e
        }
        for (a, b) in ghosts {
            d.edges.append(Diagram.Edge(from: "n\(a)", to: "n\(b)", width: 3, style: "dashed", color: "#BBBBBB", arrowhead: nil))
        }
        d.legend = legend(nodes: Array(network.actors.indices), ties: network.ties)
        if !silos.missingBridges.isEmpty {
            d.legend.append(.init(label: "missing bridge (\(silos.missingBridges.count))", sample: .edge(style: "dashed", color: "#BBBBBB", arrowhead: nil)))
        }
        return d
    }

    func groupSilos(_ silos: SiloAnalysis, engine: String?) -> Diagram {
        let grouping = silos.grouping
        let chosen = engine ?? (grouping.groups.count <= 150 ? "neato" : "sfdp")
        var d = Diagram(title: title("silos by \(grouping.attribute)"),
                        caption: caption(measure: "actors per group", engine: chosen,
                                         extra: ["one node per group: \(network.actors.count) actors are too many to draw one by one",
                                                 "E-I: −1 all ties inside, +1 all across", "grey dashed: missing bridges"]),
                        directed: false, engine: chosen)
        (d.nodes, d.edges) = groupNodesAndEdges(grouping) { i in
            silos.groups[i].eiIndex.map { "E-I \(formatNumber(($0 * 100).rounded() / 100))" }
        }
        for b in silos.missingBridges {
            d.edges.append(Diagram.Edge(from: "g\(b.groups.0)", to: "g\(b.groups.1)", width: 3, style: "dashed", color: "#BBBBBB", arrowhead: nil))
        }
        d.legend = [.init(label: "group (size: actors)", sample: .node(shape: "ellipse", fill: "#DDDDDD", dashed: false)),
                    .init(label: "ties between groups (width: count)", sample: .edge(style: "solid", color: "#555555", arrowhead: nil))]
        if !silos.missingBridges.isEmpty {
            d.legend.append(.init(label: "missing bridge (\(silos.missingBridges.count))", sample: .edge(style: "dashed", color: "#BBBBBB", arrowhead: nil)))
        }
        return d
    }

    /// The recommended community of the willing and the other willing clusters highlighted,
    /// everyone else faded and unnamed; next-to-recruit actors marked.
    public func willing(_ w: WillingAnalysis, sizeBy measure: String, values: [Double], engine: String?) -> Diagram {
        let n = network.actors.count
        let chosen = engine ?? (n <= 150 ? "neato" : "sfdp")
        let size = sizes(values)
        let recommended = Set(w.recommended.map { w.clusters[$0].members } ?? [])
        let otherWilling = Set(w.clusters.indices.filter { $0 != w.recommended }.flatMap { w.clusters[$0].members })
        let recruits = Set(w.nextToRecruit.prefix(5).map(\.actor))
        let shown = recommended.union(otherWilling).union(recruits)
        let named = labelled(shown.sorted(), values: values, keep: recommended.union(recruits))
        var d = Diagram(title: title("community of the willing"),
                        caption: caption(measure: measure, engine: chosen,
                                         extra: ["willing: commitment \(w.threshold.name) or above"] + labelNote(named.count, of: shown.count, "willing actors and recruits")),
                        directed: network.isDirected, engine: chosen)
        d.nodes = (0 ..< n).map { v in
            var x = node(v, size: size[v], label: named.contains(v))
            x.bold = recommended.contains(v)
            x.faded = !shown.contains(v)
            if recruits.contains(v) { x.dashed = true; x.label = "→ " + x.label }
            return x
        }
        d.edges = network.ties.map { t in
            var e = edge(t)
            e.faded = !(recommended.contains(Int(t.source)) && recommended.contains(Int(t.target)))
            return e
        }
        d.legend = legend(nodes: Array(0 ..< n), ties: network.ties) + [
            .init(label: "bold: the cluster to start with (\(recommended.count))", sample: .node(shape: "ellipse", fill: "#FFFFFF", dashed: false)),
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

    /// Whose voices are heard: the actors of underrepresented and too-small categories, and
    /// those only consulted, isolated or cut off, named and in bold; everyone else faded. A
    /// panel lists every expected category, the missing ones as empty placeholders.
    public func voices(_ v: VoicesAnalysis, sizeBy measure: String, values: [Double], engine: String?) -> Diagram {
        let n = network.actors.count
        let chosen = engine ?? (n <= 150 ? "neato" : "sfdp")
        let size = sizes(values)
        let thin = Set(v.categories.filter { $0.status == .underrepresented || $0.status == .tooFewToJudge }.flatMap(\.actors))
        let consulted = Set(v.consultedOnly), isolated = Set(v.isolated), cutOff = Set(v.outsideMainComponent)
        // With nobody to pick out, nobody is faded: the drawing is then the full view.
        let nothingToShow = thin.isEmpty && consulted.isEmpty && isolated.isEmpty && cutOff.isEmpty
        let shown = nothingToShow ? Set(0 ..< n) : thin.union(consulted).union(isolated).union(cutOff)
        let named = labelled(shown.sorted(), values: values, keep: consulted.union(isolated))
        var d = Diagram(title: title("whose voices are heard"),
                        caption: caption(measure: measure, engine: chosen,
                                         extra: [v.usedDefaultTaxonomy ? "expected voices: the default set" : "expected voices: from the mission file"]
                                             + (nothingToShow ? ["no actor is in an underrepresented category, only consulted or cut off"] : [])
                                             + labelNote(named.count, of: shown.count, nothingToShow ? "actors, the most central" : "highlighted actors")),
                        directed: network.isDirected, engine: chosen)
        d.nodes = (0 ..< n).map { a in
            var x = node(a, size: size[a], label: named.contains(a))
            x.bold = thin.contains(a)
            x.faded = !shown.contains(a)
            if named.contains(a) {
                let notes = [consulted.contains(a) ? "only consulted" : nil, isolated.contains(a) ? "isolated" : nil,
                             cutOff.contains(a) && !isolated.contains(a) ? "cut off" : nil].compactMap { $0 }
                if !notes.isEmpty { x.label += " (" + notes.joined(separator: ", ") + ")" }
            }
            return x
        }
        d.edges = network.ties.map { t in
            var e = edge(t)
            e.faded = !(shown.contains(Int(t.source)) || shown.contains(Int(t.target)))
            return e
        }
        d.legend = legend(nodes: Array(0 ..< n), ties: network.ties)
        if !thin.isEmpty {
            d.legend.append(.init(label: "bold: in an underrepresented or small category", sample: .node(shape: "ellipse", fill: "#FFFFFF", dashed: false)))
        }
        if !nothingToShow {
            d.legend.append(.init(label: "faded: voices well represented", sample: .node(shape: "ellipse", fill: "#EEEEEE", dashed: false)))
        }
        d.panels = [Diagram.Panel(title: "Expected voices", items: v.categories.map { c in
            let count = "\(c.actors.count) actor\(c.actors.count == 1 ? "" : "s")"
            switch c.status {
            case .missing: return .init(label: "\(c.label): missing, no actor", sample: .placeholder)
            case .underrepresented:
                let ratio = c.degreeRatio.map { ", ties/actors \(formatNumber(($0 * 100).rounded() / 100))" } ?? ""
                return .init(label: "\(c.label): underrepresented, \(count)\(ratio)", sample: .mark("!"))
            case .tooFewToJudge: return .init(label: "\(c.label): \(count), too few to judge", sample: .mark("?"))
            case .present: return .init(label: "\(c.label): \(count)", sample: .mark("✓"))
            }
        })]
        return d
    }
}
