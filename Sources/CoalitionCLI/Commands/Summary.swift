import ArgumentParser
import Coalition
import CoalitionIO
import Foundation

struct Summary: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Describe a stakeholder network: actors and ties by kind, sector and level; density; components.",
        discussion: """
        Problems in the data are printed first (to standard error); with any error nothing else \
        is printed and the exit code is 1.

        Examples:
          coalition summary fixtures/healthy-lives-2040/mission.yaml
          coalition summary fixtures/liveable-streets/network.graphml --format json
        """)

    @OptionGroup var input: InputOptions

    @Option(help: "Output format: text or json.")
    var format: TextOrJSON = .text

    @Option(help: "Write to this file (atomically) instead of standard output.")
    var output: String?

    func run() throws {
        let (network, mission) = try loadOrStop(input)
        let s = NetworkSummary(network)
        let result = switch format {
        case .json: try jsonString(SummaryJSON(s, mission: mission))
        case .text: text(s, mission: mission)
        }
        try emit(result, to: output)
    }

    func text(_ s: NetworkSummary, mission: Mission?) -> String {
        var out: [String] = []
        if let m = mission {
            out.append(m.name)
            if let goal = m.goal { out.append("Goal: \(goal)") }
            let provenance = [m.dataDate.map { "data as of \($0)" }, m.source].compactMap { $0 }
            if !provenance.isEmpty { out.append(provenance.joined(separator: " · ")) }
            out.append("")
        }
        out.append("\(plural(s.actors, "actor")), \(plural(s.ties, "tie")) (\(s.isDirected ? "directed" : "undirected"))"
                   + (s.oppositionTies > 0 ? ", of which \(s.oppositionTies) opposition" : ""))
        out.append("Density \(fixed(s.density, 3)) (share of possible pairs joined by a supporting tie)")
        let share = s.actors > 0 ? Double(s.largestComponent) / Double(s.actors) : 0
        out.append("\(plural(s.components, "component")); the largest holds \(s.largestComponent) actors (\(percent(share)))"
                   + (s.isolates > 0 ? "; \(plural(s.isolates, "isolate")) with no tie at all" : ""))
        for (title, rows) in [("kind", s.byKind), ("sector (primary)", s.bySector), ("level", s.byLevel)] {
            out.append("")
            out.append(textTable(["By \(title)", "actors", "share", "ties inside", "ties across"],
                             rows.map { [$0.value, "\($0.actors)", percent($0.share), "\($0.internalTies)", "\($0.externalTies)"] }))
        }
        out.append("")
        out.append(textTable(["Ties by relation", "ties"], s.tiesByRelation.map { [$0.value, "\($0.ties)"] }))
        out.append("")
        out.append(textTable(["Ties by commitment", "ties"], s.tiesByCommitment.map { [$0.value, "\($0.ties)"] }))
        return out.joined(separator: "\n")
    }
}

/// A plain text table: first column left-aligned, the others right-aligned.
func textTable(_ header: [String], _ rows: [[String]]) -> String {
    let all = [header] + rows
    let widths = header.indices.map { i in all.map { $0[i].count }.max() ?? 0 }
    func line(_ cells: [String]) -> String {
        cells.enumerated().map { i, c in
            let pad = String(repeating: " ", count: widths[i] - c.count)
            return i == 0 ? c + pad : pad + c
        }.joined(separator: "  ")
    }
    return ([line(header)] + rows.map(line)).joined(separator: "\n")
}

func fixed(_ x: Double, _ digits: Int) -> String {
    let scale = pow(10.0, Double(digits))
    let r = (x * scale).rounded() / scale
    var s = String(r)
    if let dot = s.firstIndex(of: ".") {
        let decimals = s.distance(from: dot, to: s.endIndex) - 1
        if decimals < digits { s += String(repeating: "0", count: digits - decimals) }
    } else if digits > 0 {
        s += "." + String(repeating: "0", count: digits)
    }
    return s
}

func percent(_ share: Double) -> String { fixed(share * 100, 1) + "%" }

struct SummaryJSON: Encodable {
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
