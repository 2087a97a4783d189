import Coalition
import CoalitionGraph
import Graphviz

/// Builds the views of a network: `full`, `ego`, `groups`, `silos`, `willing`.
public struct DiagramBuilder: Sendable {
    public enum View: String, Sendable, CaseIterable {
        case full, ego, groups, silos, willing, voices
        /// Who takes part in which initiative (the mission portfolio).
        case portfolio
        /// What changed since the mission's last earlier wave, and that wave drawn with the same
        /// positions.
        case change
        case changeBefore = "change-before"
        /// Declared power against declared interest, with network position (internal only).
        case grid
    }

    /// Okabe & Ito's colour-blind-safe palette, and a shape per kind, so kinds differ in two ways.
    public static let kindStyle: [String: (fill: String, shape: String)] = [
        "ministry": ("#0072B2", "box"), "agency": ("#56B4E9", "box"),
        "regional-government": ("#009E73", "hexagon"), "local-government": ("#009E73", "house"),
        "business": ("#E69F00", "ellipse"), "university": ("#CC79A7", "diamond"), "research": ("#CC79A7", "diamond"),
        "cso": ("#F0E442", "ellipse"), "community": ("#D55E00", "circle"), "funder": ("#56B4E9", "octagon"),
        "international": ("#BBBBBB", "doublecircle"), "person": ("#FFFFFF", "triangle"),
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
    /// What the drawn ties are when they are not the sheets' own ("ties: shared initiatives,
    /// Newman-weighted"), said in every caption.
    public var tieBasis: String?

    public init(
        network: StakeholderNetwork, missionName: String? = nil, source: String? = nil, dataDate: String? = nil,
        labelLimit: Int = DiagramBuilder.defaultLabelLimit
    ) {
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

    func caption(measure: String?, engine: LayoutEngine, extra: [String] = []) -> String {
        var parts = [source.map { "Data: \($0)" }, dataDate.map { "as of \($0)" }].compactMap { $0 }
        if let tieBasis { parts.append(tieBasis) }
        if let measure { parts.append("size: \(measure)") }
        parts += extra
        parts.append("drawn with Graphviz \(engine.rawValue)")
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
        return Diagram.Node(
            id: "n\(v)", label: label ? a.name : "", shape: style.shape, fill: style.fill, size: size,
            dashed: a.stance == .opposed, tooltip: tip.joined(separator: " · "))
    }

    func edge(_ t: Tie) -> Diagram.Edge {
        let width = 0.4 + min(t.strength, 5) * 0.3
        if t.isOpposition {
            return Diagram.Edge(from: "n\(t.source)", to: "n\(t.target)", width: 1.6, style: "dotted", color: "#D55E00", arrowhead: "tee")
        }
        let tentative = t.commitment == .exploring || t.commitment == .pledged
        return Diagram.Edge(
            from: "n\(t.source)", to: "n\(t.target)", width: width, style: tentative ? "dashed" : "solid",
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
}
