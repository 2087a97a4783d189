import Coalition
import CoalitionIO
import Foundation

/// `grid`: the power–interest grid, with network position beside declared influence.
public struct GridDocument: Document {
    struct Entry: Encodable {
        var id: String; var influence: Double; var interest: Double; var quadrant: String
        var declaredPercentile: Double; var structuralPercentile: Double
        var pagerankPercentile: Double?; var betweennessPercentile: Double?
        var finding: String?; var foundBy: [String]
    }
    struct JSON: Encodable { var measure: String; var betweennessSampledSources: Int?; var entries: [Entry]; var unrated: [String] }

    public let grid: PowerInterestGrid
    public let network: StakeholderNetwork

    public init(_ grid: PowerInterestGrid, _ network: StakeholderNetwork) {
        self.grid = grid
        self.network = network
    }

    public func encode(to encoder: Encoder) throws {
        let ids = network.actors.map(\.id)
        try JSON(
            measure: grid.measure.rawValue, betweennessSampledSources: grid.betweennessSampledSources,
            entries: grid.entries.map {
                Entry(
                    id: ids[$0.actor], influence: $0.influence, interest: $0.interest, quadrant: $0.quadrant.rawValue,
                    declaredPercentile: $0.declaredPercentile, structuralPercentile: $0.structuralPercentile,
                    pagerankPercentile: $0.pagerankPercentile, betweennessPercentile: $0.betweennessPercentile,
                    finding: $0.finding, foundBy: $0.foundBy.map(\.rawValue))
            }, unrated: grid.unrated.map { ids[$0] }
        ).encode(to: encoder)
    }

    public var table: Table? {
        let ids = network.actors.map(\.id), names = network.actors.map(\.name)
        return Table(
            [
                "id", "name", "influence", "interest", "quadrant", "declaredPercentile", "structuralPercentile", "pagerankPercentile",
                "betweennessPercentile", "finding", "foundBy",
            ],
            grid.entries.map { e in
                [
                    ids[e.actor], names[e.actor], NumberStyle.plain(e.influence), NumberStyle.plain(e.interest), e.quadrant.rawValue,
                    String(e.declaredPercentile), String(e.structuralPercentile), e.pagerankPercentile.map { String($0) } ?? "",
                    e.betweennessPercentile.map { String($0) } ?? "", e.finding ?? "", e.foundBy.map(\.rawValue).joined(separator: "|"),
                ]
            })
    }

    public var text: String {
        let names = network.actors.map(\.name)
        var out: [String] = []
        for q in PowerInterestGrid.Quadrant.allCases {
            let members = grid.entries.filter { $0.quadrant == q }
            out.append("\(q.rawValue.prefix(1).uppercased() + q.rawValue.dropFirst()) (\(members.count)): " + members.map { names[$0.actor] }.joined(separator: ", "))
        }
        out.append("")
        let findings = grid.entries.filter { $0.finding != nil }
        out.append(
            Table(
                ["Finding", "actor", "declared influence", "declared pct", "pagerank pct", "betweenness pct", "found by"],
                findings.map {
                    [
                        $0.finding!, names[$0.actor], NumberStyle.plain($0.influence), NumberStyle.fixed($0.declaredPercentile, 2),
                        $0.pagerankPercentile.map { NumberStyle.fixed($0, 2) } ?? "–", $0.betweennessPercentile.map { NumberStyle.fixed($0, 2) } ?? "–",
                        $0.foundBy.map { $0 == .pagerank ? "PageRank" : "betweenness" }.joined(separator: ", "),
                    ]
                }
            ).text)
        if let sources = grid.betweennessSampledSources {
            out.append("")
            out.append(
                "Betweenness percentiles are estimated from \(NumberStyle.count(sources, "sampled source")) (Brandes & Pich 2007): close ranks may swap, so an actor near the edge of the top quarter can gain or lose its finding.")
        }
        if !grid.unrated.isEmpty {
            out.append("");
            out.append("Not rated (\(grid.unrated.count)): " + grid.unrated.prefix(10).map { names[$0] }.joined(separator: ", ") + (grid.unrated.count > 10 ? ", …" : ""))
        }
        return out.joined(separator: "\n")
    }
}
