import Coalition
import CoalitionGraph
import CoalitionIO
import Foundation

/// `summary`: actors and ties by kind, sector and level; density; components.
public struct SummaryDocument: Document {
    public let summary: NetworkSummary
    public let mission: Mission?
    /// The portfolio's size, when the input has one.
    public let portfolio: (initiatives: Int, participations: Int)?

    public init(_ summary: NetworkSummary, mission: Mission?, portfolio: (initiatives: Int, participations: Int)? = nil) {
        self.summary = summary
        self.mission = mission
        self.portfolio = portfolio
    }

    public func encode(to encoder: Encoder) throws {
        var json = JSON(summary, mission: mission)
        json.initiatives = portfolio?.initiatives
        json.participations = portfolio?.participations
        try json.encode(to: encoder)
    }

    public var text: String {
        let s = summary
        var out: [String] = []
        if let m = mission {
            out.append(m.name)
            if let goal = m.goal { out.append("Goal: \(goal)") }
            let provenance = [m.dataDate.map { "data as of \($0)" }, m.source].compactMap { $0 }
            if !provenance.isEmpty { out.append(provenance.joined(separator: " · ")) }
            out.append("")
        }
        out.append(
            "\(NumberStyle.count(s.actors, "actor")), \(NumberStyle.ties(directed: s.directedTies, undirected: s.undirectedTies))"
                + (s.oppositionTies > 0 ? ", of which \(s.oppositionTies) opposition" : ""))
        if let portfolio {
            out.append(
                "Portfolio: \(NumberStyle.count(portfolio.initiatives, "initiative")), \(NumberStyle.count(portfolio.participations, "participation")) (`coalition portfolio` measures it)")
        }
        out.append("Density \(NumberStyle.fixed(s.density, 3)) (share of possible pairs joined by a supporting tie)")
        let share = s.actors > 0 ? Double(s.largestComponent) / Double(s.actors) : 0
        out.append(
            "\(NumberStyle.count(s.components, "component")); the largest holds \(s.largestComponent) actors (\(NumberStyle.percent(share)))"
                + (s.isolates > 0 ? "; \(NumberStyle.count(s.isolates, "isolate")) with no tie at all" : ""))
        for (title, rows) in [("kind", s.byKind), ("sector (primary)", s.bySector), ("level", s.byLevel)] {
            out.append("")
            out.append(
                Table(
                    ["By \(title)", "actors", "share", "ties inside", "ties across"],
                    rows.map { [$0.value, "\($0.actors)", NumberStyle.percent($0.share), "\($0.internalTies)", "\($0.externalTies)"] }
                ).text)
        }
        out.append("")
        out.append(Table(["Ties by relation", "ties"], s.tiesByRelation.map { [$0.value, "\($0.ties)"] }).text)
        out.append("")
        out.append(Table(["Ties by commitment", "ties"], s.tiesByCommitment.map { [$0.value, "\($0.ties)"] }).text)
        return out.joined(separator: "\n")
    }

    struct JSON: Encodable {
        struct MissionInfo: Encodable { var name: String; var goal: String?; var dataDate: String?; var source: String? }
        struct Category: Encodable { var value: String; var actors: Int; var share: Double; var internalTies: Int; var externalTies: Int }
        struct Count: Encodable { var value: String; var ties: Int }
        var mission: MissionInfo?
        var actors: Int
        var ties: Int
        var directed: Bool
        var oppositionTies: Int
        var density: Double
        var components: Int
        var largestComponent: Int
        var largestComponentShare: Double
        var isolates: Int
        var byKind: [Category]
        var bySector: [Category]
        var byLevel: [Category]
        var tiesByRelation: [Count]
        var tiesByCommitment: [Count]
        var initiatives: Int?
        var participations: Int?

        init(_ s: NetworkSummary, mission: Mission?) {
            self.mission = mission.map { MissionInfo(name: $0.name, goal: $0.goal, dataDate: $0.dataDate, source: $0.source) }
            actors = s.actors; ties = s.ties; directed = s.isDirected; oppositionTies = s.oppositionTies
            density = s.density; components = s.components; largestComponent = s.largestComponent
            largestComponentShare = s.actors > 0 ? Double(s.largestComponent) / Double(s.actors) : 0
            isolates = s.isolates
            let convert = { (c: NetworkSummary.Category) in
                Category(value: c.value, actors: c.actors, share: c.share, internalTies: c.internalTies, externalTies: c.externalTies)
            }
            byKind = s.byKind.map(convert); bySector = s.bySector.map(convert); byLevel = s.byLevel.map(convert)
            tiesByRelation = s.tiesByRelation.map { Count(value: $0.value, ties: $0.ties) }
            tiesByCommitment = s.tiesByCommitment.map { Count(value: $0.value, ties: $0.ties) }
        }
    }
}
