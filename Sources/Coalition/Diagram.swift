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
        public enum Sample: Sendable, Hashable { case node(shape: String, fill: String, dashed: Bool), edge(style: String, color: String, arrowhead: String?) }
        public var label: String
        public var sample: Sample
    }

    public var title: String
    public var caption: String
    public var directed: Bool
    public var nodes: [Node] = []
    public var edges: [Edge] = []
    public var clusters: [Cluster] = []
    public var legend: [LegendItem] = []
    /// The engine that draws this view best at this size (see ``DiagramBuilder``).
    public var engine: String
}

/// Builds the views of a network: `full`, `ego`, `groups`, `silos`, `willing`.
public struct DiagramBuilder: Sendable {
    public enum View: String, Sendable, CaseIterable { case full, ego, groups, silos, willing }

    /// Okabe & Ito's colour-blind-safe palette, and a shape per kind, so kinds differ in two ways.
    public static let kindStyle: [String: (fill: String, shape: String)] = [
        "ministry": ("#0072B2", "box"), "agency": ("#56B4E9", "box"),
        "regional-government": ("#009E73", "hexagon"), "local-government": ("#009E73", "house"),
        "business": ("#E69F00", "ellipse"), "university": ("#CC79A7", "diamond"), "research": ("#CC79A7", "diamond"),
        "cso": ("#F0E442", "ellipse"), "community": ("#D55E00", "circle"), "funder": ("#56B4E9", "octagon"),
        "international": ("#BBBBBB", "doublecircle"),
    ]
    static let otherKind = (fill: "#DDDDDD", shape: "ellipse")
    static let groupColours = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999"]

    public let network: StakeholderNetwork
    public let missionName: String?
    public let source: String?
    public let dataDate: String?

    public init(network: StakeholderNetwork, missionName: String? = nil, source: String? = nil, dataDate: String? = nil) {
        self.network = network
        self.missionName = missionName
        self.source = source
        self.dataDate = dataDate
    }

    /// Above this many actors, labels go only on the most central ones.
    public static let largeNetwork = 400

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
            items.append(.init(label: kind, sample: .node(shape: style.shape, fill: style.fill, dashed: false)))
        }
        for other in kinds.sorted() where !seen.contains(other) {
            items.append(.init(label: other, sample: .node(shape: Self.otherKind.shape, fill: Self.otherKind.fill, dashed: false)))
        }
        if nodes.contains(where: { network.actors[$0].stance == .opposed }) {
            items.append(.init(label: "opposed (stance)", sample: .node(shape: "ellipse", fill: "#FFFFFF", dashed: true)))
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
        let large = n > Self.largeNetwork
        let chosen = engine ?? (n <= 150 ? "neato" : "sfdp")
        let size = sizes(values)
        // On a large network only the 50 most central actors keep their labels.
        let labelled = large ? Set(values.indices.sorted { values[$0] != values[$1] ? values[$0] > values[$1] : $0 < $1 }.prefix(50)) : Set(0 ..< n)
        var d = Diagram(title: title("all actors"),
                        caption: caption(measure: measure, engine: chosen, extra: large ? ["labels on the 50 most central of \(n) actors"] : []),
                        directed: network.isDirected, engine: chosen)
        d.nodes = (0 ..< n).map { node($0, size: size[$0], label: labelled.contains($0)) }
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
        var d = Diagram(title: title("\(network.actors[actor].name) and its ties within \(depth) step\(depth == 1 ? "" : "s")"),
                        caption: caption(measure: measure, engine: chosen), directed: network.isDirected, engine: chosen)
        d.nodes = members.enumerated().map { i, v in
            var x = node(v, size: size[i])
            x.bold = v == actor
            return x
        }
        d.edges = ties.map(edge)
        d.legend = legend(nodes: members, ties: ties)
        return d
    }

    /// One node per group, sized by members; ties between groups as weighted edges.
    public func groups(_ grouping: Grouping, engine: String?) -> Diagram {
        let k = grouping.groups.count
        var counts = [Int](repeating: 0, count: k)
        for i in grouping.index { counts[i] += 1 }
        var between: [[Int]: Int] = [:]
        var inside = [Int](repeating: 0, count: k)
        for t in network.ties where !t.isOpposition {
            let a = grouping.index[Int(t.source)], b = grouping.index[Int(t.target)]
            if a == b { inside[a] += 1 } else { between[[min(a, b), max(a, b)], default: 0] += 1 }
        }
        let chosen = engine ?? "neato"
        let most = Double(counts.max() ?? 1)
        var d = Diagram(title: title("\(grouping.attribute) groups"),
                        caption: caption(measure: "actors per group", engine: chosen, extra: ["edges: supporting ties between groups"]),
                        directed: false, engine: chosen)
        d.nodes = (0 ..< k).map { i in
            Diagram.Node(id: "g\(i)", label: "\(grouping.groups[i])\n\(counts[i]) actors, \(inside[i]) ties inside", shape: "ellipse",
                         fill: Self.groupColours[i % Self.groupColours.count], size: 0.8 + 1.4 * (Double(counts[i]) / most).squareRoot(),
                         tooltip: grouping.groups[i])
        }
        let top = Double(between.values.max() ?? 1)
        d.edges = between.keys.sorted { $0.lexicographicallyPrecedes($1) }.map { pair in
            Diagram.Edge(from: "g\(pair[0])", to: "g\(pair[1])", width: 0.8 + 5 * Double(between[pair]!) / top, style: "solid",
                         color: "#555555", arrowhead: nil)
        }
        d.legend = [.init(label: "group (size: actors)", sample: .node(shape: "ellipse", fill: "#DDDDDD", dashed: false)),
                    .init(label: "ties between groups (width: count)", sample: .edge(style: "solid", color: "#555555", arrowhead: nil))]
        return d
    }

    /// Actors clustered by group, ties between groups emphasised, missing bridges as ghost edges.
    public func silos(_ silos: SiloAnalysis, sizeBy measure: String, values: [Double], engine: String?) -> Diagram {
        let grouping = silos.grouping
        let chosen = engine ?? "fdp"
        let size = sizes(values)
        var d = Diagram(title: title("silos by \(grouping.attribute)"),
                        caption: caption(measure: measure, engine: chosen, extra: ["bold: ties across groups", "grey dashed: missing bridges"]),
                        directed: network.isDirected, engine: chosen)
        d.clusters = grouping.groups.enumerated().map { i, g in Diagram.Cluster(label: g, color: Self.groupColours[i % Self.groupColours.count]) }
        d.nodes = network.actors.indices.map { v in
            var x = node(v, size: size[v])
            x.cluster = grouping.index[v]
            return x
        }
        d.edges = network.ties.map { t in
            var e = edge(t)
            if !t.isOpposition && grouping.index[Int(t.source)] != grouping.index[Int(t.target)] { e.width += 1; e.color = "#000000" }
            else if !t.isOpposition { e.faded = true }
            return e
        }
        // Ghost edges between the best-connected members of each missing bridge's groups.
        let degree = network.graph().simplified().neighbourCounts()
        func anchor(_ group: Int) -> Int? {
            network.actors.indices.filter { grouping.index[$0] == group }.max { degree[$0] != degree[$1] ? degree[$0] < degree[$1] : $0 > $1 }
        }
        for bridge in silos.missingBridges {
            if let a = anchor(bridge.groups.0), let b = anchor(bridge.groups.1) {
                d.edges.append(Diagram.Edge(from: "n\(a)", to: "n\(b)", width: 3, style: "dashed", color: "#BBBBBB", arrowhead: nil))
            }
        }
        d.legend = legend(nodes: Array(network.actors.indices), ties: network.ties)
        if !silos.missingBridges.isEmpty {
            d.legend.append(.init(label: "missing bridge (\(silos.missingBridges.count))", sample: .edge(style: "dashed", color: "#BBBBBB", arrowhead: nil)))
        }
        return d
    }

    /// The recommended community of the willing and the other willing clusters highlighted,
    /// everyone else faded; next-to-recruit actors marked.
    public func willing(_ w: WillingAnalysis, sizeBy measure: String, values: [Double], engine: String?) -> Diagram {
        let n = network.actors.count
        let chosen = engine ?? (n <= 150 ? "neato" : "sfdp")
        let size = sizes(values)
        let recommended = Set(w.recommended.map { w.clusters[$0].members } ?? [])
        let otherWilling = Set(w.clusters.dropFirst().flatMap(\.members))
        let recruits = Set(w.nextToRecruit.prefix(5).map(\.actor))
        var d = Diagram(title: title("community of the willing"),
                        caption: caption(measure: measure, engine: chosen, extra: ["willing: commitment \(w.threshold.name) or above"]),
                        directed: network.isDirected, engine: chosen)
        d.nodes = (0 ..< n).map { v in
            var x = node(v, size: size[v])
            x.bold = recommended.contains(v)
            x.faded = !recommended.contains(v) && !otherWilling.contains(v) && !recruits.contains(v)
            if recruits.contains(v) { x.dashed = true; x.label = "→ " + x.label }
            return x
        }
        d.edges = network.ties.map { t in
            var e = edge(t)
            e.faded = !(recommended.contains(Int(t.source)) && recommended.contains(Int(t.target)))
            return e
        }
        d.legend = legend(nodes: Array(0 ..< n), ties: network.ties) + [
            .init(label: "bold: the cluster to start with", sample: .node(shape: "ellipse", fill: "#FFFFFF", dashed: false)),
            .init(label: "→ next to recruit", sample: .node(shape: "ellipse", fill: "#FFFFFF", dashed: true)),
        ]
        return d
    }
}
