internal import CGraphviz

/// A graph as a DOT file describes it: its nodes and edges with their attributes, in the
/// file's order. What ``Graphviz/parse(dot:)`` returns, for programs that analyse `.gv` maps
/// rather than draw them.
public struct GraphDescription: Sendable {
    public struct Node: Sendable {
        public var name: String
        /// Attributes with a value, set on the node or by a `node [...]` default.
        public var attributes: [String: String]
    }

    public struct Edge: Sendable {
        public var tail: String
        public var head: String
        public var attributes: [String: String]
    }

    public var directed: Bool
    public var strict: Bool
    public var nodes: [Node]
    public var edges: [Edge]
}

extension Graphviz {
    /// Parses DOT text with Graphviz's own parser (every DOT dialect Graphviz reads).
    /// - Throws: ``GraphvizError`` with Graphviz's messages (`syntax error in line 3 near …`).
    public func parse(dot: String) throws(GraphvizError) -> GraphDescription {
        try withGraph(dot) { graph, _ in
            func values(of object: UnsafeMutableRawPointer, kind: Int32) -> [String: String] {
                var out: [String: String] = [:]
                var sym = agnxtattr(graph, kind, nil)
                while let s = sym {
                    if let raw = agxget(object, s) {
                        let value = String(cString: raw)
                        if !value.isEmpty { out[String(cString: s.pointee.name)] = value }
                    }
                    sym = agnxtattr(graph, kind, s)
                }
                return out
            }
            var nodes: [GraphDescription.Node] = []
            var edges: [GraphDescription.Edge] = []
            var node = agfstnode(graph)
            while let n = node {
                nodes.append(.init(name: String(cString: agnameof(n)), attributes: values(of: UnsafeMutableRawPointer(n), kind: cg_node_kind())))
                var edge = agfstout(graph, n)
                while let e = edge {
                    edges.append(
                        .init(
                            tail: String(cString: agnameof(cg_tail(e))), head: String(cString: agnameof(cg_head(e))),
                            attributes: values(of: UnsafeMutableRawPointer(e), kind: cg_edge_kind())))
                    edge = agnxtout(graph, e)
                }
                node = agnxtnode(graph, n)
            }
            return GraphDescription(directed: cg_is_directed(graph) != 0, strict: cg_is_strict(graph) != 0, nodes: nodes, edges: edges)
        }
    }
}
