import ArgumentParser
import Coalition
import CoalitionIO
import Foundation

struct Willing: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find the community of the willing to start with, who to recruit next, and the camps.",
        discussion: """
        Keeps supporting ties whose commitment, and both ends' commitment, reach the threshold \
        (where given); leaves out opposed actors and opposition ties. Clusters are the connected \
        parts of that network, split only where a split is clearly better than chance. Each is \
        scored (size, density, commitment, influence, diversity, mission criteria; weights from \
        the mission's willing.weights) and the best is recommended, with the outsiders most tied \
        to it and who would introduce them.

        Examples:
          coalition willing fixtures/healthy-lives-2040/mission.yaml
          coalition willing actors.csv ties.csv --min-commitment active --format json
        """)

    @OptionGroup var input: InputOptions

    @Option(name: .customLong("min-commitment"), help: "Threshold: none, exploring, pledged, active, leading or 0–4 (default: the mission's, else pledged).")
    var minCommitment: String?

    @Option(help: "Seed for splitting large components.")
    var seed: UInt64 = 1

    @OptionGroup var out: OutputOptions

    func validate() throws {
        if let minCommitment, Commitment(parsing: minCommitment) == nil {
            throw ValidationError("--min-commitment must be one of none, exploring, pledged, active, leading, or 0–4")
        }
    }

    func run() throws {
        let (network, mission) = try loadOrStop(input)
        let threshold = minCommitment.flatMap { Commitment(parsing: $0) } ?? mission?.willing.minCommitment ?? .pledged
        let w = WillingAnalysis(network, threshold: threshold, weights: mission?.willing.weights ?? [:], seed: seed)
        let ids = network.actors.map(\.id), names = network.actors.map(\.name)
        let text: String
        switch out.format {
        case .json: text = try jsonString(WillingJSON(w, ids))
        case .csv:
            var lines = ["cluster,rank,score,id,name,recommended"]
            for (rank, c) in w.clusters.enumerated() {
                for v in c.members {
                    lines.append([String(rank), String(rank + 1), String(c.score), ids[v], names[v], rank == 0 ? "true" : "false"].map(CSVWriter.field).joined(separator: ","))
                }
            }
            text = lines.joined(separator: "\n")
        case .table:
            var out = ["Willing network at \(w.threshold.name) or above: \(plural(w.willingActors.count, "actor")), \(plural(w.willingTies, "tie")); \(plural(w.clusters.count, "cluster"))", "", w.reason, ""]
            out.append(textTable(["#", "actors", "score", "density", "commitment", "sectors", "criteria met", "members (first 4)"],
                                 w.clusters.prefix(8).enumerated().map { i, c in
                                     ["\(i + 1)", "\(c.size)", fixed(c.score, 3), fixed(c.density, 2), c.meanCommitment.map { fixed($0, 1) } ?? "–",
                                      "\(c.sectors)", "\(c.criteria.met)/4", c.members.prefix(4).map { names[$0] }.joined(separator: ", ")]
                                 }))
            if !w.nextToRecruit.isEmpty {
                out.append("")
                out.append(textTable(["Next to recruit", "ties in", "strength", "introduced by"],
                                     w.nextToRecruit.prefix(8).map { ["\(names[$0.actor])", "\($0.ties)", formatNumber($0.tieStrength), names[$0.introducedBy]] }))
            }
            out.append("")
            out.append("Camps: \(w.camps.supporters.count) supporters, \(w.camps.opponents.count) opponents (\(w.camps.opponents.map { names[$0] }.joined(separator: ", ")))"
                       + (w.camps.between.isEmpty ? "" : "; between them: " + w.camps.between.map { names[$0] }.joined(separator: ", ")))
            for (a, b) in w.camps.oppositions.prefix(10) { out.append("  \(names[a]) opposes \(names[b])") }
            out.append("")
            out.append("Score = Σ weight × part / Σ weights, parts in 0–1: size (over the largest cluster), density, mean commitment / 4, declared influence (over the most), diversity (mean Blau index of kinds and sectors), criteria met / 4. Weights: " + WillingScoreParts.names.map { "\($0) \(formatNumber(w.weights[$0] ?? 0))" }.joined(separator: ", ") + ".")
            out += w.notes
            text = out.joined(separator: "\n")
        }
        try emit(text, to: out.output)
    }
}

/// `willing --format json`; field names fixed (README).
struct WillingJSON: Encodable {
    struct Cluster: Encodable {
        var members: [String]; var size: Int; var score: Double; var parts: [String: Double]
        var density: Double; var meanCommitment: Double?; var totalInfluence: Double
        var kindDiversity: Double; var sectorDiversity: Double; var sectors: Int
        var criteria: [String: Bool]; var articulationPoints: [String]
    }
    struct Recommended: Encodable { var members: [String]; var reason: String }
    struct Recruit: Encodable { var id: String; var introducedBy: String; var ties: Int; var tieStrength: Double }
    struct Camps: Encodable { var supporters: [String]; var opponents: [String]; var between: [String]; var oppositions: [[String]] }
    var threshold: String
    var willingActors: [String]
    var willingTies: Int
    var clusters: [Cluster]
    var recommended: Recommended?
    var nextToRecruit: [Recruit]
    var camps: Camps
    var weights: [String: Double]
    var notes: [String]

    init(_ w: WillingAnalysis, _ ids: [String]) {
        threshold = w.threshold.name
        willingActors = w.willingActors.map { ids[$0] }
        willingTies = w.willingTies
        clusters = w.clusters.map { c in
            Cluster(members: c.members.map { ids[$0] }, size: c.size, score: c.score, parts: c.parts, density: c.density,
                    meanCommitment: c.meanCommitment, totalInfluence: c.totalInfluence, kindDiversity: c.kindDiversity,
                    sectorDiversity: c.sectorDiversity, sectors: c.sectors,
                    criteria: ["crossSector": c.criteria.crossSector, "researchAndInnovation": c.criteria.researchAndInnovation,
                               "civilSociety": c.criteria.civilSociety, "noSinglePointOfFailure": c.criteria.noSinglePointOfFailure],
                    articulationPoints: c.articulationPoints.map { ids[$0] })
        }
        recommended = w.recommended.map { Recommended(members: w.clusters[$0].members.map { ids[$0] }, reason: w.reason) }
        nextToRecruit = w.nextToRecruit.map { Recruit(id: ids[$0.actor], introducedBy: ids[$0.introducedBy], ties: $0.ties, tieStrength: $0.tieStrength) }
        camps = Camps(supporters: w.camps.supporters.map { ids[$0] }, opponents: w.camps.opponents.map { ids[$0] },
                      between: w.camps.between.map { ids[$0] }, oppositions: w.camps.oppositions.map { [ids[$0.0], ids[$0.1]] })
        weights = w.weights
        notes = w.notes
    }
}
