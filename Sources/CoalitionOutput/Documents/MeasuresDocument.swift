import Coalition
import CoalitionGraph
import CoalitionIO
import Foundation

/// `analyze`: every measure per actor and per tie, and the network's structure.
public struct MeasuresDocument: Document {
    public let analysis: NetworkAnalysis
    public let network: StakeholderNetwork
    /// How many top actors per measure the text shows.
    public var top: Int

    public init(_ analysis: NetworkAnalysis, _ network: StakeholderNetwork, top: Int = 10) {
        self.analysis = analysis
        self.network = network
        self.top = top
    }

    enum Keys: String, CodingKey {
        case network, actors, ties, groupBy, notes
        case density, components, largestComponent, largestComponentShare, isolates, articulationPoints, bridges
        case directed, weighted, supportingPairs, oppositionTies, degreeCentralization, betweennessCentralization
        case diameter, betweennessExact, sampledSources, betweennessErrorBound, confidence
        case pagerankIterations, eigenvectorIterations, eigenvectorConverged
        case id, name, group, degree, inDegree, outDegree, strength, inStrength, outStrength, betweenness
        case closeness, closenessIn, closenessOut, harmonic, harmonicIn, harmonicOut, pagerank, eigenvector
        case coreness, clustering, constraint, effectiveSize, efficiency, hierarchy, brokerage
        case coordinator, itinerant, gatekeeper, representative, liaison, total
        case source, target, edgeBetweenness, attribute, groups, usedFirstOfSeveral
    }

    public func encode(to encoder: Encoder) throws {
        var root = encoder.container(keyedBy: Keys.self)
        let ids = network.actors.map(\.id)
        let m = analysis.network
        var net = root.nestedContainer(keyedBy: Keys.self, forKey: .network)
        try net.encode(m.actors, forKey: .actors)
        try net.encode(m.ties, forKey: .ties)
        try net.encode(m.directed, forKey: .directed)
        try net.encode(m.weighted, forKey: .weighted)
        try net.encode(m.density, forKey: .density)
        try net.encode(m.components, forKey: .components)
        try net.encode(m.largestComponent, forKey: .largestComponent)
        try net.encode(m.largestComponentShare, forKey: .largestComponentShare)
        try net.encode(m.isolates, forKey: .isolates)
        try net.encode(m.articulationPoints.map { ids[$0] }, forKey: .articulationPoints)
        try net.encode(m.bridges.map { [ids[$0.0], ids[$0.1]] }, forKey: .bridges)
        try net.encode(m.supportingPairs, forKey: .supportingPairs)
        try net.encode(m.oppositionTies, forKey: .oppositionTies)
        try net.encode(m.degreeCentralization, forKey: .degreeCentralization)
        try net.encode(m.betweennessCentralization, forKey: .betweennessCentralization)
        try net.encode(m.diameter, forKey: .diameter)
        try net.encode(m.pathsExact, forKey: .betweennessExact)
        try net.encode(m.sampledSources, forKey: .sampledSources)
        try net.encode(m.betweennessErrorBound, forKey: .betweennessErrorBound)
        try net.encode(m.confidence, forKey: .confidence)
        try net.encode(m.pagerankIterations, forKey: .pagerankIterations)
        try net.encode(m.eigenvectorIterations, forKey: .eigenvectorIterations)
        try net.encode(m.eigenvectorConverged, forKey: .eigenvectorConverged)

        var group = root.nestedContainer(keyedBy: Keys.self, forKey: .groupBy)
        try group.encode(analysis.grouping.attribute, forKey: .attribute)
        try group.encode(analysis.grouping.groups, forKey: .groups)
        try group.encode(analysis.grouping.usedFirstOfSeveral, forKey: .usedFirstOfSeveral)

        var actors = root.nestedUnkeyedContainer(forKey: .actors)
        for (i, a) in analysis.actors.enumerated() {
            var c = actors.nestedContainer(keyedBy: Keys.self)
            try c.encode(ids[i], forKey: .id)
            try c.encode(network.actors[i].name, forKey: .name)
            try c.encode(a.group, forKey: .group)
            try c.encode(a.degree, forKey: .degree)
            try c.encode(a.strength, forKey: .strength)
            try c.encode(a.betweenness, forKey: .betweenness)
            try c.encode(a.closeness, forKey: .closeness)
            try c.encode(a.harmonic, forKey: .harmonic)
            try c.encode(a.pagerank, forKey: .pagerank)
            try c.encode(a.eigenvector, forKey: .eigenvector)
            try c.encode(a.coreness, forKey: .coreness)
            try c.encode(a.clustering, forKey: .clustering)
            try c.encode(a.constraint, forKey: .constraint)
            try c.encode(a.effectiveSize, forKey: .effectiveSize)
            try c.encode(a.efficiency, forKey: .efficiency)
            try c.encode(a.hierarchy, forKey: .hierarchy)
            if m.directed {
                try c.encode(a.inDegree, forKey: .inDegree)
                try c.encode(a.outDegree, forKey: .outDegree)
                try c.encode(a.inStrength, forKey: .inStrength)
                try c.encode(a.outStrength, forKey: .outStrength)
                try c.encode(a.closenessIn, forKey: .closenessIn)
                try c.encode(a.closenessOut, forKey: .closenessOut)
                try c.encode(a.harmonicIn, forKey: .harmonicIn)
                try c.encode(a.harmonicOut, forKey: .harmonicOut)
            }
            var b = c.nestedContainer(keyedBy: Keys.self, forKey: .brokerage)
            try b.encode(a.brokerage.coordinator, forKey: .coordinator)
            try b.encode(a.brokerage.itinerant, forKey: .itinerant)
            try b.encode(a.brokerage.gatekeeper, forKey: .gatekeeper)
            try b.encode(a.brokerage.representative, forKey: .representative)
            try b.encode(a.brokerage.liaison, forKey: .liaison)
            try b.encode(a.brokerage.total, forKey: .total)
        }
        var ties = root.nestedUnkeyedContainer(forKey: .ties)
        for p in analysis.pairs {
            var c = ties.nestedContainer(keyedBy: Keys.self)
            try c.encode(ids[p.source], forKey: .source)
            try c.encode(ids[p.target], forKey: .target)
            try c.encode(p.strength, forKey: .strength)
            try c.encode(p.edgeBetweenness, forKey: .edgeBetweenness)
        }
        try root.encode(analysis.notes, forKey: .notes)
    }

    /// Columns of the CSV and their values, in order; nil is an empty cell.
    static func columns(_ a: NetworkAnalysis) -> [(String, (NetworkAnalysis.ActorMeasures) -> String)] {
        func num(_ x: Double?) -> String { x.map { String($0) } ?? "" }
        var cols: [(String, (NetworkAnalysis.ActorMeasures) -> String)] = [
            ("group", { $0.group }), ("degree", { String($0.degree) }),
        ]
        if a.network.directed {
            cols += [("inDegree", { String($0.inDegree) }), ("outDegree", { String($0.outDegree) })]
        }
        cols.append(("strength", { num($0.strength) }))
        if a.network.directed {
            cols += [("inStrength", { num($0.inStrength) }), ("outStrength", { num($0.outStrength) })]
        }
        cols += [("betweenness", { num($0.betweenness) }), ("closeness", { num($0.closeness) })]
        if a.network.directed {
            cols += [("closenessIn", { num($0.closenessIn) }), ("closenessOut", { num($0.closenessOut) })]
        }
        cols.append(("harmonic", { num($0.harmonic) }))
        if a.network.directed {
            cols += [("harmonicIn", { num($0.harmonicIn) }), ("harmonicOut", { num($0.harmonicOut) })]
        }
        cols += [
            ("pagerank", { num($0.pagerank) }), ("eigenvector", { num($0.eigenvector) }),
            ("coreness", { String($0.coreness) }), ("clustering", { num($0.clustering) }),
            ("constraint", { num($0.constraint) }), ("effectiveSize", { num($0.effectiveSize) }),
            ("efficiency", { num($0.efficiency) }), ("hierarchy", { num($0.hierarchy) }),
            ("brokerageCoordinator", { String($0.brokerage.coordinator) }), ("brokerageItinerant", { String($0.brokerage.itinerant) }),
            ("brokerageRepresentative", { String($0.brokerage.representative) }), ("brokerageGatekeeper", { String($0.brokerage.gatekeeper) }),
            ("brokerageLiaison", { String($0.brokerage.liaison) }), ("brokerageTotal", { String($0.brokerage.total) }),
        ]
        return cols
    }

    public var table: Table? {
        let cols = Self.columns(analysis)
        return Table(
            ["id", "name"] + cols.map(\.0),
            analysis.actors.enumerated().map { i, m in
                [network.actors[i].id, network.actors[i].name] + cols.map { $0.1(m) }
            })
    }

    /// The opening lines: who holds the coalition together and why, and who it hangs on,
    /// before any table.
    var headline: [String] {
        let a = analysis, names = network.actors.map(\.name)
        guard a.network.actors > 1, a.network.ties > 0 else { return [] }
        let brokers = a.actors.indices.filter { a.actors[$0].betweenness > 0 }
            .sorted { (a.actors[$0].betweenness, $1) > (a.actors[$1].betweenness, $0) }
        var lines: [String] = []
        if let first = brokers.first, brokers.count == a.actors.count, a.actors.allSatisfy({ $0.betweenness == a.actors[first].betweenness }) {
            lines.append(
                "No actor stands out as a broker: every actor lies on the same share of the shortest paths between the others (\(NumberStyle.percent(a.actors[first].betweenness))).")
        } else if let first = brokers.first {
            let b = a.actors[first].betweenness
            let then = brokers.dropFirst().prefix(2).map { names[$0] }
            lines.append(
                "Who holds the coalition together: \(names[first]), on \(NumberStyle.percent(b)) of the shortest paths between other actors (betweenness \(NumberStyle.fixed(b, 3)))"
                    + (then.isEmpty ? "." : ", then \(Words.list(then)).") )
        } else {
            lines.append("No actor stands between others: every pair that is connected is tied directly.")
        }
        let points = a.network.articulationPoints.sorted { (a.actors[$0].betweenness, $1) > (a.actors[$1].betweenness, $0) }
        if !points.isEmpty {
            let listed = points.prefix(5).map { names[$0] } + (points.count > 5 ? ["\(points.count - 5) more"] : [])
            lines.append(
                "\(Wording.count(points.count, "actor")) \(Wording.verb(points.count, "is a single point", "are single points")) of failure: if \(points.count == 1 ? "it leaves" : "one leaves"), part of the network is cut off (\(Words.list(listed, limit: 6))).")
        }
        return lines + [""]
    }

    public var text: String {
        let a = analysis
        typealias Row = (index: Int, value: Double)
        let m = a.network
        let ids = network.actors.map(\.id)
        var out: [String] = headline
        out.append("\(NumberStyle.count(m.actors, "actor")), \(NumberStyle.count(m.ties, "tie")) (\(m.directed ? "directed" : "undirected")\(m.weighted ? ", weighted" : ""))")
        out.append(
            "Density \(NumberStyle.fixed(m.density, 4)); \(NumberStyle.count(m.components, "component")), the largest with \(m.largestComponent) actors (\(NumberStyle.percent(m.largestComponentShare)))"
        )
        out.append(
            "Diameter \(m.weighted ? NumberStyle.fixed(m.diameter, 3) : NumberStyle.plain(m.diameter))\(m.pathsExact ? "" : " or more"); degree centralization \(NumberStyle.fixed(m.degreeCentralization, 3)); betweenness centralization \(NumberStyle.fixed(m.betweennessCentralization, 3))"
        )
        let points = m.articulationPoints.map { ids[$0] }
        out.append("Articulation points (\(points.count)): " + (points.isEmpty ? "none" : points.prefix(top).joined(separator: ", ") + (points.count > top ? ", …" : "")))
        out.append(
            "Bridges (\(m.bridges.count)): "
                + (m.bridges.isEmpty ? "none" : m.bridges.prefix(top).map { "\(ids[$0.0])–\(ids[$0.1])" }.joined(separator: ", ") + (m.bridges.count > top ? ", …" : "")))
        struct Measure { let title: String; let value: (NetworkAnalysis.ActorMeasures) -> Double?; let lowestFirst: Bool; let integer: Bool }
        var measures = [
            Measure(title: "degree", value: { Double($0.degree) }, lowestFirst: false, integer: true),
            Measure(title: "betweenness", value: { $0.betweenness }, lowestFirst: false, integer: false),
            Measure(title: "closeness", value: { $0.closeness }, lowestFirst: false, integer: false),
            Measure(title: "harmonic", value: { $0.harmonic }, lowestFirst: false, integer: false),
            Measure(title: "pagerank", value: { $0.pagerank }, lowestFirst: false, integer: false),
            Measure(title: "eigenvector", value: { $0.eigenvector }, lowestFirst: false, integer: false),
            Measure(title: "core number", value: { Double($0.coreness) }, lowestFirst: false, integer: true),
            Measure(title: "effective size", value: { $0.effectiveSize }, lowestFirst: false, integer: false),
            Measure(title: "constraint (lowest: most open networks)", value: { $0.constraint }, lowestFirst: true, integer: false),
            Measure(title: "brokerage across \(a.grouping.attribute) groups (all roles)", value: { Double($0.brokerage.total) }, lowestFirst: false, integer: true),
            Measure(title: "liaison (between two other \(a.grouping.attribute) groups)", value: { Double($0.brokerage.liaison) }, lowestFirst: false, integer: true),
        ]
        if m.weighted { measures.insert(Measure(title: "strength", value: { $0.strength }, lowestFirst: false, integer: false), at: 1) }
        for measure in measures {
            var rows: [Row] = []
            for i in a.actors.indices {
                if let value = measure.value(a.actors[i]) { rows.append((i, value)) }
            }
            rows.sort { x, y in
                if x.value != y.value { return measure.lowestFirst ? x.value < y.value : x.value > y.value }
                return x.index < y.index
            }
            func shown(_ x: Double) -> String { measure.integer ? NumberStyle.plain(x) : NumberStyle.fixed(x, 4) }
            let ranked = rows.prefix(top).map { row -> [String] in ["\(network.actors[row.index].name) (\(ids[row.index]))", shown(row.value)] }
            out.append("")
            // A table in which every actor has the same value says nothing: one line instead.
            if rows.count > 1, let first = rows.first, rows.allSatisfy({ $0.value == first.value }) {
                out.append("\(measure.title.prefix(1).uppercased() + measure.title.dropFirst()): every actor has \(shown(first.value)), so it tells them apart nowhere")
                continue
            }
            if let line = Glossary.line(measure.title) { out.append("\(measure.title.prefix(1).uppercased() + measure.title.dropFirst()): \(line).") }
            out.append(Table(["Top \(ranked.count) by \(measure.title)", "value"], ranked).text)
        }
        if !a.notes.isEmpty {
            out.append("")
            out.append("Notes:")
            out += a.notes.map { "- " + $0 }
        }
        return out.joined(separator: "\n")
    }
}
