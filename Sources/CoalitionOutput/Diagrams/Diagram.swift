import Graphviz

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
        /// A fixed position in points (drawn with the `nop` engine, which keeps it).
        public var position: Position?
        /// An outline colour other than the default.
        public var outline: String?
        /// Height in inches, when not set by the width (a chart's background panel).
        public var height: Double?
        /// Text colour and size (points) other than the default.
        public var fontColor: String?
        public var fontSize: Double?
        /// The label starts at the node's left edge instead of its centre (a chart's names,
        /// which begin beside their marker whatever their length).
        public var leftAligned: Bool = false
    }

    public struct Position: Sendable, Hashable {
        public var x: Double
        public var y: Double
        public init(x: Double, y: Double) {
            self.x = x
            self.y = y
        }
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
    public var engine: LayoutEngine
}
