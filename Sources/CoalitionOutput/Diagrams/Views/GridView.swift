import Coalition
import CoalitionGraph
import Graphviz

extension DiagramBuilder {
    /// Eden & Ackermann's quadrants, with their names for the four kinds of stakeholder beside
    /// the advice the grid gives for each.
    static let quadrantTitles: [PowerInterestGrid.Quadrant: String] = [
        .manageClosely: "Players — manage closely", .keepSatisfied: "Context setters — keep satisfied",
        .keepInformed: "Subjects — keep informed", .monitor: "Crowd — monitor",
    ]
    static let stanceColours: [Stance: String] = [.supportive: "#009E73", .neutral: "#999999", .opposed: "#D55E00"]

    /// The power–interest grid as a chart (Eden & Ackermann 1998): declared power up, declared
    /// interest right, the quadrants split at 2.5. Every rated actor is a marker in the cell of
    /// its (rounded) ratings, sized by where the network puts it (the higher of its PageRank
    /// and betweenness percentiles), coloured by stance; the opposed stand out in vermilion
    /// with a dashed outline; hidden influencers carry ▲ and a bold outline, the over-rated ▼.
    /// Within a cell the named actors come first, one to a line with the name beside the
    /// marker; the rest are markers in rows. Positions are fixed (`nop`).
    public func grid(_ g: PowerInterestGrid) -> Diagram {
        let actors = network.actors
        let byActor = Dictionary(uniqueKeysWithValues: g.entries.map { ($0.actor, $0) })
        let structural = (0..<actors.count).map { byActor[$0]?.structuralPercentile ?? 0 }
        let flagged = Set(g.entries.filter { $0.finding != nil }.map(\.actor))
        let opposed = Set(g.entries.filter { actors[$0.actor].stance == .opposed }.map(\.actor))
        let named = labelled(g.entries.map(\.actor), values: structural, keep: flagged.union(opposed))
        // Cells by rounded rating (2.5 rounds up, as the quadrants split); the scale is 0–5,
        // drawn from 1 unless a 0 is given.
        func step(_ x: Double) -> Int { Int(x.rounded()) }
        let lo = min(1, g.entries.map { min(step($0.influence), step($0.interest)) }.min() ?? 1)
        let steps = Array(lo...5)
        var cells: [Int: [Int: [PowerInterestGrid.Entry]]] = [:]
        for e in g.entries { cells[step(e.influence), default: [:]][step(e.interest), default: []].append(e) }
        for (i, row) in cells {
            for (j, list) in row {
                cells[i]![j] = list.sorted { a, b in
                    let na = named.contains(a.actor), nb = named.contains(b.actor)
                    if na != nb { return na }
                    return a.structuralPercentile != b.structuralPercentile ? a.structuralPercentile > b.structuralPercentile : a.actor < b.actor
                }
            }
        }
        let perRow = 8, line = 15.0, markerStep = 17.0
        let textScale = 1.1
        func lines(_ list: [PowerInterestGrid.Entry]) -> Int {
            let n = list.count { named.contains($0.actor) }
            return n + (list.count - n + perRow - 1) / perRow
        }
        let tallest = cells.values.flatMap(\.values).map(lines).max() ?? 1
        // A column is as wide as its longest name needs (DejaVu Sans averages under 0.6 em a
        // character), so that no name runs into the next column.
        let nameSize = 8.0
        let longest = g.entries.filter { named.contains($0.actor) }.map { actors[$0.actor].name.count + 2 }.max() ?? 10
        let nameWidth = max(150, Double(longest) * nameSize * textScale * 0.6)
        let width = nameWidth + 30, height = max(60, Double(tallest) * line + 16)
        let band = 22.0  // above and below the cells, for the quadrants' titles
        let columns = Double(steps.count), split = Double(3 - lo)
        let rated = g.entries.count, all = actors.count
        let fractional = g.entries.contains { $0.influence != $0.influence.rounded() || $0.interest != $0.interest.rounded() }
        var d = Diagram(
            title: title("power and interest"),
            caption: caption(
                measure: nil, engine: .nop,
                extra: [
                    "Eden & Ackermann's grid: declared power (influence, 0–5) up, declared interest right, split at 2.5",
                    "marker size: where the network puts the actor (the higher of its PageRank and betweenness percentiles)",
                    "budget and legal power do not show in ties: a small marker is not a weak actor",
                    "\(rated) of \(NumberStyle.count(all, "actor")) rated" + (fractional ? ", placed at the nearest whole rating" : ""),
                ] + labelNote(named.count, of: rated, "rated actors, the opposed, the flagged and those the network puts highest")),
            directed: false, engine: .nop)
        d.textScale = textScale

        // The quadrants: a tinted panel each, drawn first so everything sits on top.
        let quadrants: [(PowerInterestGrid.Quadrant, x: ClosedRange<Double>, y: ClosedRange<Double>, fill: String)] = [
            (.keepSatisfied, 0...split, split...columns, "#F3F3F3"), (.manageClosely, split...columns, split...columns, "#FBEFE6"),
            (.monitor, 0...split, 0...split, "#FFFFFF"), (.keepInformed, split...columns, 0...split, "#F3F3F3"),
        ]
        let top = columns * height + band, bottom = -band
        for (k, q) in quadrants.enumerated() {
            let x0 = q.x.lowerBound * width, x1 = q.x.upperBound * width
            let y0 = q.y.lowerBound == 0 ? bottom : q.y.lowerBound * height, y1 = q.y.upperBound == columns ? top : q.y.upperBound * height
            d.nodes.append(
                Diagram.Node(
                    id: "q\(k)", label: "", shape: "box", fill: q.fill, size: (x1 - x0) / 72, tooltip: Self.quadrantTitles[q.0]!,
                    position: .init(x: (x0 + x1) / 2, y: (y0 + y1) / 2), outline: "#BBBBBB", height: (y1 - y0) / 72))
            // The title in the quadrant's outer corner band.
            let upper = q.y.upperBound == columns
            d.nodes.append(
                Diagram.Node(
                    id: "qt\(k)", label: Self.quadrantTitles[q.0]!, shape: "plaintext", fill: "#FFFFFF00", size: (x1 - x0 - 16) / 72,
                    tooltip: Self.quadrantTitles[q.0]!, position: .init(x: (x0 + x1) / 2, y: upper ? top - band / 2 : bottom + band / 2),
                    height: 0.25, fontColor: "#333333", fontSize: 11, leftAligned: true))
        }
        // Scale marks level with each cell's first line and its markers' column, and the axes'
        // names.
        for (c, v) in steps.enumerated() {
            d.nodes.append(
                Diagram.Node(
                    id: "xi\(c)", label: "\(v)", shape: "plaintext", fill: "#FFFFFF00", size: 0.8, tooltip: "interest \(v)",
                    position: .init(x: Double(c) * width + 16, y: bottom - 12), height: 0.2, fontSize: 9))
            d.nodes.append(
                Diagram.Node(
                    id: "yi\(c)", label: "\(v)", shape: "plaintext", fill: "#FFFFFF00", size: 0.8, tooltip: "power \(v)",
                    position: .init(x: -24, y: Double(c + 1) * height - 6 - line / 2), height: 0.2, fontSize: 9))
        }
        d.nodes.append(
            Diagram.Node(
                id: "xaxis", label: "interest in the mission (declared) →", shape: "plaintext", fill: "#FFFFFF00", size: 4,
                tooltip: "interest", position: .init(x: columns * width / 2, y: bottom - 32), height: 0.25, fontSize: 10))
        d.nodes.append(
            Diagram.Node(
                id: "yaxis", label: "↑ power (declared influence)", shape: "plaintext", fill: "#FFFFFF00", size: 3,
                tooltip: "power", position: .init(x: 108 - 14, y: top + 14), height: 0.25, fontSize: 10, leftAligned: true))

        // The actors, cell by cell, in the diagram's order of cells (power down, interest
        // across) so that the same input gives the same DOT.
        for (r, power) in steps.enumerated().reversed() {
            for (c, interest) in steps.enumerated() {
                guard let list = cells[power]?[interest] else { continue }
                let left = Double(c) * width + 10, first = Double(r + 1) * height - 6 - line / 2
                var lineNo = 0, loose = 0
                for e in list {
                    let a = actors[e.actor]
                    let isNamed = named.contains(e.actor)
                    let x: Double, y: Double
                    if isNamed {
                        x = left + 6
                        y = first - Double(lineNo) * line
                        lineNo += 1
                    } else {
                        x = left + 6 + Double(loose % perRow) * markerStep
                        y = first - Double(lineNo + loose / perRow) * line
                        loose += 1
                    }
                    let mark = e.finding == "hidden influencer" ? " ▲" : e.finding == "over-rated" ? " ▼" : ""
                    var tip = [
                        a.name, "power \(Numbers.shortest(e.influence)), interest \(Numbers.shortest(e.interest))",
                        "network position: \(Words.ordinal(e.structuralPercentile)) percentile",
                    ]
                    if let s = a.stance { tip.append(s.rawValue) }
                    if let f = e.finding { tip.append(f) }
                    d.nodes.append(
                        Diagram.Node(
                            id: "n\(e.actor)", label: "", shape: "circle", fill: a.stance.flatMap { Self.stanceColours[$0] } ?? "#FFFFFF",
                            size: 0.07 + 0.12 * e.structuralPercentile, bold: flagged.contains(e.actor), dashed: a.stance == .opposed,
                            tooltip: tip.joined(separator: " · ")))
                    d.nodes[d.nodes.count - 1].position = .init(x: x, y: y)
                    guard isNamed else { continue }
                    d.nodes.append(
                        Diagram.Node(
                            id: "t\(e.actor)", label: a.name + mark, shape: "plaintext", fill: "#FFFFFF00", size: nameWidth / 72,
                            tooltip: tip.joined(separator: " · "), position: .init(x: x + 10 + nameWidth / 2, y: y), height: line / 72,
                            fontColor: a.stance == .opposed ? "#B34700" : nil, fontSize: nameSize, leftAligned: true))
                }
            }
        }

        let stances = Set(g.entries.map { actors[$0.actor].stance })
        for s in Stance.allCases where stances.contains(s) {
            let words = s == .opposed ? "opposed (vermilion, dashed outline)" : s.rawValue
            d.legend.append(.init(label: words, sample: .node(shape: "circle", fill: Self.stanceColours[s]!, dashed: s == .opposed)))
        }
        if stances.contains(nil) { d.legend.append(.init(label: "stance not given", sample: .node(shape: "circle", fill: "#FFFFFF", dashed: false))) }
        if g.entries.contains(where: { $0.finding == "hidden influencer" }) {
            d.legend.append(.init(label: "hidden influencer: the network puts it higher than its rating (bold outline)", sample: .mark("▲")))
        }
        if g.entries.contains(where: { $0.finding == "over-rated" }) {
            d.legend.append(.init(label: "over-rated: its rating is higher than its network position", sample: .mark("▼")))
        }
        d.legend.append(.init(label: "larger marker: more central in the network", sample: .mark("●")))
        return d
    }
}
