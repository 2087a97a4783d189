import Coalition
import CoalitionIO
import Foundation

/// `willing`: the community of the willing to start with, who to recruit next, and the camps.
public struct WillingDocument: Document {
    public let willing: WillingAnalysis
    public let network: StakeholderNetwork

    public init(_ willing: WillingAnalysis, _ network: StakeholderNetwork) {
        self.willing = willing
        self.network = network
    }

    public func encode(to encoder: Encoder) throws { try JSON(willing, network.actors.map(\.id)).encode(to: encoder) }

    public var table: Table? {
        let ids = network.actors.map(\.id), names = network.actors.map(\.name)
        var rows: [[String]] = []
        for (rank, c) in willing.clusters.enumerated() {
            for v in c.members { rows.append([String(rank), String(rank + 1), String(c.score), ids[v], names[v], rank == 0 ? "true" : "false"]) }
        }
        return Table(["cluster", "rank", "score", "id", "name", "recommended"], rows)
    }

    public var text: String {
        let w = willing, names = network.actors.map(\.name)
        var out = [
            "Willing network at \(w.threshold.name) or above: \(NumberStyle.count(w.willingActors.count, "actor")), \(NumberStyle.count(w.willingTies, "tie")); \(NumberStyle.count(w.clusters.count, "cluster"))",
            "", w.reason, "",
        ]
        out.append(
            Table(
                ["#", "actors", "score", "density", "commitment", "sectors", "criteria met", "members (first 4; all below)"],
                w.clusters.prefix(8).enumerated().map { i, c in
                    [
                        "\(i + 1)", "\(c.size)", NumberStyle.fixed(c.score, 3), NumberStyle.fixed(c.density, 2), c.meanCommitment.map { NumberStyle.fixed($0, 1) } ?? "–",
                        "\(c.sectors)", "\(c.criteria.met)/4", c.members.prefix(4).map { names[$0] }.joined(separator: ", "),
                    ]
                }
            ).text)
        for (i, c) in w.clusters.prefix(8).enumerated() {
            out.append("")
            out.append("Cluster \(i + 1)\(i == w.recommended ? ", the one to start with" : "") (\(c.size)): " + c.members.map { names[$0] }.joined(separator: ", "))
        }
        if !w.nextToRecruit.isEmpty {
            out.append("")
            out.append(
                Table(
                    ["Next to recruit", "ties in", "strength", "introduced by"],
                    w.nextToRecruit.prefix(8).map { ["\(names[$0.actor])", "\($0.ties)", NumberStyle.rounded($0.tieStrength, 2), names[$0.introducedBy]] }
                ).text)
        }
        out.append("")
        out.append(
            "Camps: \(NumberStyle.count(w.camps.supporters.count, "supporter")), \(NumberStyle.count(w.camps.opponents.count, "opponent")) (\(w.camps.opponents.map { names[$0] }.joined(separator: ", ")))"
                + (w.camps.between.isEmpty ? "" : "; between them: " + w.camps.between.map { names[$0] }.joined(separator: ", ")))
        for (a, b) in w.camps.oppositions.prefix(10) { out.append("  \(names[a]) opposes \(names[b])") }
        out.append("")
        out.append(
            "Score = Σ weight × part / Σ weights, parts in 0–1: size (over the largest cluster), density, mean commitment / 4, declared influence (over the most), diversity (mean Blau index of kinds and sectors), criteria met / 4. Weights: "
                + WillingScoreParts.names.map { "\($0) \(NumberStyle.plain(w.weights[$0] ?? 0))" }.joined(separator: ", ") + ".")
        out += w.notes
        return out.joined(separator: "\n")
    }

    struct JSON: Encodable {
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
                Cluster(
                    members: c.members.map { ids[$0] }, size: c.size, score: c.score, parts: c.parts, density: c.density,
                    meanCommitment: c.meanCommitment, totalInfluence: c.totalInfluence, kindDiversity: c.kindDiversity,
                    sectorDiversity: c.sectorDiversity, sectors: c.sectors,
                    criteria: [
                        "crossSector": c.criteria.crossSector, "researchAndInnovation": c.criteria.researchAndInnovation,
                        "civilSociety": c.criteria.civilSociety, "noSinglePointOfFailure": c.criteria.noSinglePointOfFailure,
                    ],
                    articulationPoints: c.articulationPoints.map { ids[$0] })
            }
            recommended = w.recommended.map { Recommended(members: w.clusters[$0].members.map { ids[$0] }, reason: w.reason) }
            nextToRecruit = w.nextToRecruit.map { Recruit(id: ids[$0.actor], introducedBy: ids[$0.introducedBy], ties: $0.ties, tieStrength: $0.tieStrength) }
            camps = Camps(
                supporters: w.camps.supporters.map { ids[$0] }, opponents: w.camps.opponents.map { ids[$0] },
                between: w.camps.between.map { ids[$0] }, oppositions: w.camps.oppositions.map { [ids[$0.0], ids[$0.1]] })
            weights = w.weights
            notes = w.notes
        }
    }
}
