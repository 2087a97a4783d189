import ArgumentParser
import Coalition
import CoalitionIO
import Foundation

struct Voices: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Whose voices are missing, underrepresented, only consulted or cut off.",
        discussion: """
        Checks the mission's expected_voices (kinds, sectors, levels, voice tags with a minimum \
        count or share) — or, without them, a default set of ministries, agencies, regional and \
        local government, business, research, CSOs and communities. A category with no actor is \
        missing; one below its minimum, or whose share of ties (degree, PageRank) is under half \
        its share of actors, is underrepresented (judged only from 3 actors up).

        Examples:
          coalition voices fixtures/healthy-lives-2040/mission.yaml
          coalition voices fixtures/healthy-lives-2040/mission.yaml --format json
        """)

    @OptionGroup var input: InputOptions

    @OptionGroup var out: OutputOptions

    func run() throws {
        let (network, mission) = try loadOrStop(input)
        let willing = WillingAnalysis(network, threshold: mission?.willing.minCommitment ?? .pledged, weights: mission?.willing.weights ?? [:])
        let core = willing.recommended.map { willing.clusters[$0].members } ?? []
        let v = VoicesAnalysis(network, mission: mission, willingCore: core)
        let ids = network.actors.map(\.id), names = network.actors.map(\.name)
        let text: String
        switch out.format {
        case .json: text = try jsonString(VoicesJSON(v, ids))
        case .csv:
            text = (["category,status,actors,share,degreeRatio,pagerankRatio,distanceToWillingCore,reading"] + v.categories.map { c in
                [c.label, c.status.rawValue, String(c.actors.count), String(c.share), c.degreeRatio.map { String($0) } ?? "",
                 c.pagerankRatio.map { String($0) } ?? "", c.distanceToWillingCore.map(String.init) ?? "", c.reading].map(CSVWriter.field).joined(separator: ",")
            }).joined(separator: "\n")
        case .table:
            var out = [v.usedDefaultTaxonomy ? "Expected voices: the default set (the mission names none)" : "Expected voices: from the mission file", ""]
            out.append(textTable(["Category", "status", "actors", "share", "ties/actors", "hops to willing core"],
                                 v.categories.map { c in
                                     [c.label, c.status.rawValue, "\(c.actors.count)", percent(c.share), c.degreeRatio.map { fixed($0, 2) } ?? "–",
                                      c.distanceToWillingCore.map(String.init) ?? "–"]
                                 }))
            out.append("")
            out += v.categories.filter { $0.status != .present }.map { "- " + $0.reading }
            func list(_ title: String, _ actors: [Int]) {
                out.append("\(title) (\(actors.count))" + (actors.isEmpty ? "" : ": " + actors.map { names[$0] }.joined(separator: ", ")))
            }
            out.append("")
            list("Only consulted", v.consultedOnly)
            list("Isolated", v.isolated)
            list("Outside the main component", v.outsideMainComponent)
            text = out.joined(separator: "\n")
        }
        try emit(text, to: out.output)
    }
}

/// `voices --format json`; field names fixed (README).
struct VoicesJSON: Encodable {
    struct Entry: Encodable {
        var category: String; var dimension: String; var value: String; var actors: [String]; var count: Int
        var share: Double; var representationRatio: Double?; var pagerankRatio: Double?
        var distanceToWillingCore: Int?; var reasons: [String]; var reading: String
    }
    var missing: [Entry]
    var underrepresented: [Entry]
    var tooFewToJudge: [Entry]
    var present: [Entry]
    var consultedOnly: [String]
    var isolated: [String]
    var outsideMainComponent: [String]
    var usedDefaultTaxonomy: Bool

    init(_ v: VoicesAnalysis, _ ids: [String]) {
        func entries(_ status: VoicesAnalysis.Status) -> [Entry] {
            v.categories.filter { $0.status == status }.map { c in
                Entry(category: c.label, dimension: c.expected.dimension.rawValue, value: c.expected.value, actors: c.actors.map { ids[$0] },
                      count: c.actors.count, share: c.share, representationRatio: c.degreeRatio, pagerankRatio: c.pagerankRatio,
                      distanceToWillingCore: c.distanceToWillingCore, reasons: c.reasons, reading: c.reading)
            }
        }
        missing = entries(.missing)
        underrepresented = entries(.underrepresented)
        tooFewToJudge = entries(.tooFewToJudge)
        present = entries(.present)
        consultedOnly = v.consultedOnly.map { ids[$0] }
        isolated = v.isolated.map { ids[$0] }
        outsideMainComponent = v.outsideMainComponent.map { ids[$0] }
        usedDefaultTaxonomy = v.usedDefaultTaxonomy
    }
}

struct Grid: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The power–interest grid, with network position beside declared influence.",
        discussion: """
        Actors rated for influence and interest (0–5) fall in four quadrants (manage closely, \
        keep satisfied, keep informed, monitor; split at 2.5). Beside each, the percentile of its \
        PageRank (or --measure betweenness): central actors rated low are hidden influencers, \
        actors rated high but peripheral are over-rated.

        Examples:
          coalition grid fixtures/healthy-lives-2040/mission.yaml
          coalition grid actors.csv ties.csv --measure betweenness --format csv
        """)

    @OptionGroup var input: InputOptions

    @Option(help: "Structural influence: pagerank or betweenness.")
    var measure: StructuralMeasure = .pagerank

    @OptionGroup var out: OutputOptions

    enum StructuralMeasure: String, ExpressibleByArgument, CaseIterable { case pagerank, betweenness }

    func run() throws {
        let (network, _) = try loadOrStop(input)
        let grid = PowerInterestGrid(network, measure: measure.rawValue)
        let ids = network.actors.map(\.id), names = network.actors.map(\.name)
        let text: String
        switch out.format {
        case .json:
            struct Entry: Encodable {
                var id: String; var influence: Double; var interest: Double; var quadrant: String
                var declaredPercentile: Double; var structuralPercentile: Double; var finding: String?
            }
            struct Doc: Encodable { var measure: String; var entries: [Entry]; var unrated: [String] }
            text = try jsonString(Doc(measure: grid.measure, entries: grid.entries.map {
                Entry(id: ids[$0.actor], influence: $0.influence, interest: $0.interest, quadrant: $0.quadrant.rawValue,
                      declaredPercentile: $0.declaredPercentile, structuralPercentile: $0.structuralPercentile, finding: $0.finding)
            }, unrated: grid.unrated.map { ids[$0] }))
        case .csv:
            text = (["id,name,influence,interest,quadrant,declaredPercentile,structuralPercentile,finding"] + grid.entries.map { e in
                [ids[e.actor], names[e.actor], formatNumber(e.influence), formatNumber(e.interest), e.quadrant.rawValue,
                 String(e.declaredPercentile), String(e.structuralPercentile), e.finding ?? ""].map(CSVWriter.field).joined(separator: ",")
            }).joined(separator: "\n")
        case .table:
            var out: [String] = []
            for q in PowerInterestGrid.Quadrant.allCases {
                let members = grid.entries.filter { $0.quadrant == q }
                out.append("\(q.rawValue.prefix(1).uppercased() + q.rawValue.dropFirst()) (\(members.count)): " + members.map { names[$0.actor] }.joined(separator: ", "))
            }
            out.append("")
            let findings = grid.entries.filter { $0.finding != nil }
            out.append(textTable(["Finding", "actor", "declared influence", "declared pct", "\(grid.measure) pct"],
                                 findings.map { [$0.finding!, names[$0.actor], formatNumber($0.influence), fixed($0.declaredPercentile, 2), fixed($0.structuralPercentile, 2)] }))
            if !grid.unrated.isEmpty { out.append(""); out.append("Not rated (\(grid.unrated.count)): " + grid.unrated.prefix(10).map { names[$0] }.joined(separator: ", ") + (grid.unrated.count > 10 ? ", …" : "")) }
            text = out.joined(separator: "\n")
        }
        try emit(text, to: out.output)
    }
}
