import Coalition
import CoalitionGraph
import Graphviz

extension DiagramBuilder {
    /// Whose voices are heard: the actors of underrepresented and too-small categories, and
    /// those only consulted, isolated or cut off, named and in bold; everyone else faded. A
    /// panel lists every expected category, the missing ones as empty placeholders.
    public func voices(_ v: VoicesAnalysis, sizeBy measure: String, values: [Double], engine: LayoutEngine?) -> Diagram {
        let n = network.actors.count
        let chosen = engine ?? (n <= 150 ? .neato : .sfdp)
        let size = sizes(values)
        let thin = Set(v.categories.filter { $0.status == .underrepresented || $0.status == .tooFewToJudge }.flatMap(\.actors))
        let consulted = Set(v.consultedOnly), isolated = Set(v.isolated), cutOff = Set(v.outsideMainComponent)
        // With nobody to pick out, nobody is faded: the drawing is then the full view.
        let nothingToShow = thin.isEmpty && consulted.isEmpty && isolated.isEmpty && cutOff.isEmpty
        let shown = nothingToShow ? Set(0..<n) : thin.union(consulted).union(isolated).union(cutOff)
        let named = labelled(shown.sorted(), values: values, keep: consulted.union(isolated))
        var d = Diagram(
            title: title("whose voices are heard"),
            caption: caption(
                measure: measure, engine: chosen,
                extra: [v.usedDefaultTaxonomy ? "expected voices: the default set" : "expected voices: from the mission file"]
                    + (nothingToShow ? ["no actor is in an underrepresented category, only consulted or cut off"] : [])
                    + labelNote(named.count, of: shown.count, nothingToShow ? "actors, the most central" : "highlighted actors")),
            directed: network.isDirected, engine: chosen)
        d.nodes = (0..<n).map { a in
            var x = node(a, size: size[a], label: named.contains(a))
            x.bold = thin.contains(a)
            x.faded = !shown.contains(a)
            if named.contains(a) {
                let notes = [
                    consulted.contains(a) ? "only consulted" : nil, isolated.contains(a) ? "isolated" : nil,
                    cutOff.contains(a) && !isolated.contains(a) ? "cut off" : nil,
                ].compactMap { $0 }
                if !notes.isEmpty { x.label += " (" + notes.joined(separator: ", ") + ")" }
            }
            return x
        }
        d.edges = network.tiesAsWritten.map { t in
            var e = edge(t)
            e.faded = !(shown.contains(Int(t.source)) || shown.contains(Int(t.target)))
            return e
        }
        d.legend = legend(nodes: Array(0..<n), ties: network.tiesAsWritten)
        if !thin.isEmpty {
            d.legend.append(.init(label: "bold: in an underrepresented or small category", sample: .node(shape: "ellipse", fill: "#FFFFFF", dashed: false)))
        }
        if !nothingToShow {
            d.legend.append(.init(label: "faded: voices well represented", sample: .node(shape: "ellipse", fill: "#EEEEEE", dashed: false)))
        }
        d.panels = [
            Diagram.Panel(
                title: "Expected voices",
                items: v.categories.map { c in
                    var count = NumberStyle.count(c.actors.count, "actor")
                    let unheard = [
                        c.consultedOnly > 0 ? "\(c.consultedOnly) only consulted" : nil, c.isolated > 0 ? "\(c.isolated) isolated" : nil,
                    ].compactMap { $0 }
                    if !unheard.isEmpty { count += " (" + unheard.joined(separator: ", ") + ")" }
                    switch c.status {
                    case .missing: return .init(label: "\(c.label): missing, no actor", sample: .placeholder)
                    case .underrepresented:
                        let ratio = c.degreeRatio.map { ", ties/actors \(Numbers.shortest(($0 * 100).rounded() / 100))" } ?? ""
                        return .init(label: "\(c.label): underrepresented, \(count)\(ratio)", sample: .mark("!"))
                    case .tooFewToJudge: return .init(label: "\(c.label): \(count), too few to judge", sample: .mark("?"))
                    case .present: return .init(label: "\(c.label): \(count)", sample: .mark("✓"))
                    case .notChecked: return .init(label: "\(c.label): not checked, no sheet uses it", sample: .mark("?"))
                    }
                })
        ]
        return d
    }
}
