import Coalition
import CoalitionIO
import Foundation

/// `grid`: the power–interest grid, with network position beside declared influence.
public struct GridDocument: Document {
    struct Entry: Encodable {
        var id: String; var influence: Double; var interest: Double; var quadrant: String
        var declaredPercentile: Double; var structuralPercentile: Double; var finding: String?
    }
    struct JSON: Encodable { var measure: String; var entries: [Entry]; var unrated: [String] }

    public let grid: PowerInterestGrid
    public let network: StakeholderNetwork

    public init(_ grid: PowerInterestGrid, _ network: StakeholderNetwork) {
        self.grid = grid
        self.network = network
    }

    public func encode(to encoder: Encoder) throws {
        let ids = network.actors.map(\.id)
        try JSON(
            measure: grid.measure.rawValue,
            entries: grid.entries.map {
                Entry(
                    id: ids[$0.actor], influence: $0.influence, interest: $0.interest, quadrant: $0.quadrant.rawValue,
                    declaredPercentile: $0.declaredPercentile, structuralPercentile: $0.structuralPercentile, finding: $0.finding)
            }, unrated: grid.unrated.map { ids[$0] }
        ).encode(to: encoder)
    }

    public var table: Table? {
        let ids = network.actors.map(\.id), names = network.actors.map(\.name)
        return Table(
            ["id", "name", "influence", "interest", "quadrant", "declaredPercentile", "structuralPercentile", "finding"],
            grid.entries.map { e in
                [
                    ids[e.actor], names[e.actor], NumberStyle.plain(e.influence), NumberStyle.plain(e.interest), e.quadrant.rawValue,
                    String(e.declaredPercentile), String(e.structuralPercentile), e.finding ?? "",
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
                ["Finding", "actor", "declared influence", "declared pct", "\(grid.measure.rawValue) pct"],
                findings.map {
                    [$0.finding!, names[$0.actor], NumberStyle.plain($0.influence), NumberStyle.fixed($0.declaredPercentile, 2), NumberStyle.fixed($0.structuralPercentile, 2)]
                }
            ).text)
        if !grid.unrated.isEmpty {
            out.append("");
            out.append("Not rated (\(grid.unrated.count)): " + grid.unrated.prefix(10).map { names[$0] }.joined(separator: ", ") + (grid.unrated.count > 10 ? ", …" : ""))
        }
        return out.joined(separator: "\n")
    }
}
