import Coalition
import CoalitionGraph
import Graphviz

extension DiagramBuilder {
    /// One wave of a comparison, drawn so that it can sit beside the other: the actors of both
    /// waves together, each wave's absent actors and ties ghosted. Built on the later wave's
    /// builder (`network` is the after wave); `before` is the earlier one.
    ///
    /// In the after drawing, joined actors and formed ties stand out (green, bold), actors who
    /// left and dissolved ties are ghosted; in the before drawing, the actors who will join are
    /// ghosted and the ties that will dissolve stand out. Node ids are shared by both drawings
    /// (`n` + the after wave's index, `l` + the before wave's index for actors who left), so
    /// positions found once for the union pin both.
    public func change(
        _ c: WaveComparison, before: StakeholderNetwork, showing wave: ChangeWave, labels: (before: String, after: String),
        values: [Double], positions: [String: Diagram.Position]? = nil, engine: LayoutEngine? = nil
    ) -> Diagram {
        let after = network
        let nb = after.actors.count
        let chosen = positions != nil ? LayoutEngine.nop : engine ?? (nb + c.left.count <= 150 ? .neato : .sfdp)
        let joined = Set(c.joined)
        let added = "#009E73", removed = "#D55E00"
        let named = labelled(Array(0..<nb), values: values, keep: joined)
        var d = Diagram(
            title: title(wave == .after ? "what changed since \(labels.before)" : "the coalition in \(labels.before), before the changes"),
            caption: caption(
                measure: nil, engine: chosen,
                extra: ["\(labels.before) → \(labels.after): \(c.joined.count) joined, \(c.left.count) left, \(c.formed.count) ties formed, \(c.dissolved.count) dissolved; positions shared by both waves' drawings"]
                    + labelNote(named.count, of: nb)),
            directed: after.isDirected, engine: chosen)
        d.nodes = (0..<nb).map { v in
            var x = node(v, size: 0.3, label: named.contains(v))
            if joined.contains(v) {
                if wave == .after { x.bold = true; x.outline = added; x.label = "+ " + (named.contains(v) ? after.actors[v].name : "") } else { x.faded = true; x.label = "" }
            }
            return x
        }
        for i in c.left {
            let a = before.actors[i]
            let style = a.kind.flatMap { Self.kindStyle[$0.rawValue] } ?? Self.otherKind
            var x = Diagram.Node(
                id: "l\(i)", label: wave == .before ? "− " + a.name : "", shape: style.shape, fill: style.fill, size: 0.3,
                tooltip: "\(a.name) · left after \(labels.before)")
            if wave == .after { x.faded = true; x.dashed = true } else { x.bold = true; x.outline = removed }
            d.nodes.append(x)
        }
        func id(_ index: Int, inBefore: Bool) -> String { inBefore ? "l\(index)" : "n\(index)" }
        func draw(_ p: WaveComparison.Pair, _ kind: PairKind) -> Diagram.Edge {
            let strength = max(p.before ?? 0, p.after ?? 0)
            var e = Diagram.Edge(
                from: id(p.source, inBefore: p.sourceInBefore), to: id(p.target, inBefore: p.targetInBefore), width: 0.4 + min(strength, 5) * 0.3,
                style: "solid", color: "#555555", arrowhead: after.isDirected ? "normal" : nil)
            switch (kind, wave) {
            case (.formed, .after): e.color = added; e.width += 1
            case (.formed, .before): e.faded = true; e.style = "dotted"
            case (.dissolved, .after): e.faded = true; e.style = "dotted"
            case (.dissolved, .before): e.color = removed; e.width += 1
            case (.kept, _): break
            }
            return e
        }
        d.edges = c.kept.map { draw($0, .kept) } + c.formed.map { draw($0, .formed) } + c.dissolved.map { draw($0, .dissolved) }
        if let positions {
            for i in d.nodes.indices { d.nodes[i].position = positions[d.nodes[i].id] }
        }
        d.legend = legend(nodes: Array(0..<nb), ties: [])
        if wave == .after {
            d.legend += [
                .init(label: "+ joined since \(labels.before) (\(c.joined.count))", sample: .node(shape: "ellipse", fill: "#FFFFFF", dashed: false)),
                .init(label: "ghosted: left since then (\(c.left.count))", sample: .node(shape: "ellipse", fill: "#EEEEEE", dashed: true)),
                .init(label: "green: ties formed (\(c.formed.count))", sample: .edge(style: "bold", color: added, arrowhead: nil)),
                .init(label: "dotted, pale: ties dissolved (\(c.dissolved.count))", sample: .edge(style: "dotted", color: "#BBBBBB", arrowhead: nil)),
            ]
        } else {
            d.legend += [
                .init(label: "− left after \(labels.before) (\(c.left.count))", sample: .node(shape: "ellipse", fill: "#FFFFFF", dashed: false)),
                .init(label: "ghosted: not yet there (\(c.joined.count) joined later)", sample: .node(shape: "ellipse", fill: "#EEEEEE", dashed: false)),
                .init(label: "orange: ties that later dissolved (\(c.dissolved.count))", sample: .edge(style: "bold", color: removed, arrowhead: nil)),
                .init(label: "dotted, pale: ties not yet formed (\(c.formed.count))", sample: .edge(style: "dotted", color: "#BBBBBB", arrowhead: nil)),
            ]
        }
        return d
    }

    private enum PairKind { case kept, formed, dissolved }
}

/// Which wave of a comparison a change drawing shows.
public enum ChangeWave: String, Sendable, CaseIterable { case before, after }
