import Coalition
import CoalitionGraph
import Foundation

/// `compare`: what moved between two waves, as JSON (keys fixed, README), text and CSV (one row
/// per actor of either wave), with findings in words.
public struct ComparisonDocument: Document, Sendable {
    public let comparison: WaveComparison
    public let before: StakeholderNetwork
    public let after: StakeholderNetwork
    public let labels: (before: String, after: String)
    public let options: WaveComparison.Options
    /// The findings, most telling first.
    public let findings: [Finding]
    /// What ties the waves were compared on, when a portfolio is involved
    /// (``ComparisonSession/basis``).
    public let basis: String?

    public init(
        _ c: WaveComparison, before: StakeholderNetwork, after: StakeholderNetwork, labels: (String, String), options: WaveComparison.Options,
        basis: String? = nil
    ) {
        comparison = c
        self.basis = basis
        self.before = before
        self.after = after
        self.labels = (labels.0, labels.1)
        self.options = options
        findings = Self.findings(c, before: before, after: after, since: labels.0)
    }

    // MARK: Words

    /// Snijders, van de Bunt & Steglich (2010): Jaccard preferably above 0.3; below 0.2 change is
    /// too abrupt to read as gradual, unless the first wave is much sparser than the second.
    public static func jaccardReading(_ j: Double?, tiesBefore: Int, tiesAfter: Int) -> String {
        guard let j else { return "neither wave has a supporting tie among the actors in both" }
        let sparser = tiesBefore > 0 && Double(tiesAfter) >= 2 * Double(tiesBefore)
        if j >= 0.3 { return "gradual change: ties mostly carried over (Jaccard above 0.3)" }
        if j >= 0.2 { return "a lot of change: Jaccard between 0.2 and 0.3, below the 0.3 preferred for reading it as gradual" }
        if sparser { return "abrupt by Jaccard (below 0.2), but the first wave is much sparser than the second, so the network mostly grew" }
        return "abrupt change: Jaccard below 0.2, too low to read the waves as one network changing gradually; check that both were surveyed the same way"
    }

    static func findings(_ c: WaveComparison, before a: StakeholderNetwork, after b: StakeholderNetwork, since: String) -> [Finding] {
        var out: [Finding] = []
        func add(_ code: String, key: Bool = false, _ values: [String: String], numbers: [String: Double] = [:], actors: [String] = [], groups: [String] = []) {
            out.append(
                Finding(
                    code: code, section: .change, isKey: key, isSensitive: false, text: FindingTemplates.sentence(code, values), numbers: numbers,
                    actors: actors, groups: groups))
        }
        let s = c.statistics
        add(
            "change.actors", key: true,
            [
                "since": since, "joined": "\(c.joined.count)", "left": "\(c.left.count)", "renamed": c.renamed.isEmpty ? "" : "\(c.renamed.count)",
                "continuing": "\(c.continuing.count)",
            ],
            numbers: ["joined": Double(c.joined.count), "left": Double(c.left.count), "renamed": Double(c.renamed.count)])
        add(
            "change.ties", key: true,
            [
                "formed": "\(s.formed)", "dissolved": "\(s.dissolved)", "kept": "\(s.kept)", "jaccard": s.jaccard.map { Words.fixed($0) } ?? "–",
                "reading": jaccardReading(s.jaccard, tiesBefore: s.tiesBefore, tiesAfter: s.tiesAfter),
            ],
            numbers: ["formed": Double(s.formed), "dissolved": Double(s.dissolved), "kept": Double(s.kept), "jaccard": s.jaccard ?? 0])
        if let r = c.correlation.value, let p = c.correlation.pValue {
            add(
                "change.stability", ["r": Words.fixed(r), "p": Words.pValue(p), "permutations": "\(c.correlation.permutations)"],
                numbers: ["correlation": r, "pValue": p])
        }
        // Groups that now work together: no ties (or a missing bridge) before, three or more now.
        var together: [(String, String, Int, Int)] = []
        for g in c.groups {
            for (other, t) in g.tiesWith where g.group < other && t.before == 0 && t.after >= 3 { together.append((g.group, other, t.before, t.after)) }
        }
        for (x, y, _, now) in together.sorted(by: { $0.3 != $1.3 ? $0.3 > $1.3 : ($0.0, $0.1) < ($1.0, $1.1) }).prefix(3) {
            add("change.groups-together", key: true, ["a": x, "b": y, "ties": "\(now)"], numbers: ["ties": Double(now)], groups: [x, y])
        }
        for (x, y) in c.bridgesClosed where !together.contains(where: { [$0.0, $0.1] == [x, y].sorted() }) {
            add("change.bridge-closed", ["a": x, "b": y], groups: [x, y])
        }
        for (x, y) in c.bridgesOpened { add("change.bridge-opened", key: true, ["a": x, "b": y], groups: [x, y]) }
        for g in c.groups {
            guard let change = g.change, let d = change.change, let p = change.pValue, p < 0.05 else { continue }
            add(
                d > 0 ? "change.group-outward" : "change.group-inward",
                ["group": g.group, "before": change.before.map { Words.fixed($0) } ?? "–", "after": change.after.map { Words.fixed($0) } ?? "–", "p": Words.pValue(p)],
                numbers: ["eiBefore": change.before ?? 0, "eiAfter": change.after ?? 0, "pValue": p], groups: [g.group])
        }
        for (x, y) in c.ministryPairsConnected {
            add("change.ministries-connected", ["a": b.actors[x].name, "b": b.actors[y].name], actors: [b.actors[x].id, b.actors[y].id])
        }
        for (x, y) in c.ministryPairsCut {
            add("change.ministries-cut", key: true, ["a": a.actors[x].name, "b": a.actors[y].name], actors: [a.actors[x].id, a.actors[y].id])
        }
        if c.willingSizeBefore > 0 || c.willingSizeAfter > 0 {
            add(
                "change.willing", key: true,
                [
                    "before": "\(c.willingSizeBefore)", "after": "\(c.willingSizeAfter)", "verb": c.willingSizeAfter > c.willingSizeBefore ? "grew" : c.willingSizeAfter < c.willingSizeBefore ? "shrank" : "kept its size",
                    "joined": Words.list(c.willingJoined.map { b.actors[$0].name }), "left": Words.list(c.willingLeft.map { a.actors[$0].name }),
                ],
                numbers: ["sizeBefore": Double(c.willingSizeBefore), "sizeAfter": Double(c.willingSizeAfter), "scoreBefore": c.willingScoreBefore ?? 0, "scoreAfter": c.willingScoreAfter ?? 0],
                actors: c.willingJoined.map { b.actors[$0].id })
        }
        let up = c.commitmentChanges.filter { ($0.after?.rawValue ?? -1) > ($0.before?.rawValue ?? -1) }
        let down = c.commitmentChanges.filter { ($0.after?.rawValue ?? -1) < ($0.before?.rawValue ?? -1) }
        if !c.commitmentChanges.isEmpty {
            add(
                "change.commitment", key: true,
                ["up": "\(up.count)", "down": "\(down.count)", "names": Words.list(up.map { b.actors[$0.actor].name }, limit: 3)],
                numbers: ["up": Double(up.count), "down": Double(down.count)], actors: up.map { b.actors[$0.actor].id })
        }
        for label in c.voicesFilled { add("change.voice-filled", key: true, ["category": label], groups: [label]) }
        for label in c.voicesLost { add("change.voice-lost", key: true, ["category": label], groups: [label]) }
        for label in c.newlyUnderrepresented where !c.voicesFilled.contains(label) { add("change.voice-underrepresented", ["category": label], groups: [label]) }
        if !c.noLongerConsultedOnly.isEmpty {
            let names = c.noLongerConsultedOnly.map { a.actors[$0].name }
            add("change.consulted-no-longer", ["count": "\(names.count)", "names": Words.list(names)], numbers: ["count": Double(names.count)], actors: c.noLongerConsultedOnly.map { a.actors[$0].id })
        }
        if !c.nowConsultedOnly.isEmpty {
            let names = c.nowConsultedOnly.map { b.actors[$0].name }
            add("change.consulted-now", ["count": "\(names.count)", "names": Words.list(names)], numbers: ["count": Double(names.count)], actors: c.nowConsultedOnly.map { b.actors[$0].id })
        }
        if let top = c.risers.first {
            add(
                "change.riser", ["name": b.actors[top.actor].name, "before": Words.fixed(top.betweennessBefore, 3), "after": Words.fixed(top.betweennessAfter, 3)],
                numbers: ["betweennessBefore": top.betweennessBefore, "betweennessAfter": top.betweennessAfter], actors: [b.actors[top.actor].id])
        }
        if !c.cutPointsGained.isEmpty {
            let names = c.cutPointsGained.map { b.actors[$0].name }
            add("change.cut-points", ["count": "\(names.count)", "names": Words.list(names)], numbers: ["count": Double(names.count)], actors: c.cutPointsGained.map { b.actors[$0].id })
        }
        return out
    }

    // MARK: Text

    public var text: String {
        let c = comparison, s = c.statistics
        let nameBefore = before.actors.map(\.name), nameAfter = after.actors.map(\.name)
        var out = ["Change from \(labels.before) to \(labels.after)"] + (basis.map { [$0] } ?? []) + [""]
        out += findings.map { "- " + $0.text }
        out.append("")
        out.append(
            "Actors: \(NumberStyle.count(c.continuing.count, "actor")) in both waves, \(c.joined.count) joined, \(c.left.count) left"
                + (c.renamed.isEmpty ? "" : ", \(c.renamed.count) renamed (matched by name)"))
        func list(_ title: String, _ names: [String]) {
            if !names.isEmpty { out.append("  \(title): " + names.prefix(12).joined(separator: ", ") + (names.count > 12 ? ", … (\(names.count))" : "")) }
        }
        list("joined", c.joined.map { nameAfter[$0] })
        list("left", c.left.map { nameBefore[$0] })
        list("renamed", c.renamed.map { "\(before.actors[$0.before].id) → \(after.actors[$0.after].id)" })
        out.append("")
        out.append(
            "Supporting ties among the actors in both waves: \(s.kept) kept, \(s.formed) formed, \(s.dissolved) dissolved; Jaccard \(s.jaccard.map { NumberStyle.fixed($0, 3) } ?? "–"), Hamming \(s.hamming)")
        out.append("  " + Self.jaccardReading(s.jaccard, tiesBefore: s.tiesBefore, tiesAfter: s.tiesAfter))
        if let r = c.correlation.value {
            out.append(
                "Graph correlation \(NumberStyle.fixed(r, 3)) (QAP, \(c.correlation.permutations) permutations: p = \(c.correlation.pValue.map { NumberStyle.fixed($0, 4) } ?? "–"), counted as (b+1)/(R+1); sna's pgreq is b/R)"
            )
        }
        out.append("All ties: \(c.kept.count) pairs kept (\(c.changed.count) with another strength), \(c.formed.count) formed, \(c.dissolved.count) dissolved")
        out.append("")
        out.append(
            Table(
                ["Relation", "before", "after", "kept", "formed", "dissolved"],
                c.relations.map { [$0.relation.rawValue, "\($0.before)", "\($0.after)", "\($0.kept)", "\($0.formed)", "\($0.dissolved)"] }
            ).text)
        if !c.commitmentLadder.isEmpty {
            out.append("")
            out.append(
                Table(
                    ["Commitment before", "after", "actors"],
                    c.commitmentLadder.map { [$0.from?.name ?? "–", $0.to?.name ?? "–", "\($0.actors)"] }
                ).text)
        }
        out.append("")
        out.append(
            "Centrality of the actors in both waves: Spearman \(c.betweennessSpearman.map { NumberStyle.fixed($0, 3) } ?? "–") (betweenness), \(c.pagerankSpearman.map { NumberStyle.fixed($0, 3) } ?? "–") (PageRank)"
        )
        list("rose most (betweenness)", c.risers.map { "\(nameAfter[$0.actor]) \(NumberStyle.fixed($0.betweennessBefore, 3)) → \(NumberStyle.fixed($0.betweennessAfter, 3))" })
        list("fell most", c.fallers.map { "\(nameAfter[$0.actor]) \(NumberStyle.fixed($0.betweennessBefore, 3)) → \(NumberStyle.fixed($0.betweennessAfter, 3))" })
        list("new single points of failure", c.cutPointsGained.map { nameAfter[$0] })
        list("no longer single points of failure", c.cutPointsLost.map { nameBefore[$0] })
        out.append("")
        func ei(_ x: Double?) -> String { x.map { NumberStyle.fixed($0, 2) } ?? "–" }
        func p(_ x: Double?) -> String { x.map { NumberStyle.fixed($0, 3) } ?? "–" }
        out.append(
            Table(
                ["\(c.groupAttribute.capitalized) group", "E-I before", "p", "E-I after", "p", "change (both waves)", "p"],
                c.groups.map { g in
                    [g.group, ei(g.eiBefore), p(g.pBefore), ei(g.eiAfter), p(g.pAfter), g.change?.change.map { NumberStyle.fixed($0, 2) } ?? "–", p(g.change?.pValue)]
                }
            ).text)
        out.append(WaveComparison.eiChangeNull)
        list("missing bridges closed", c.bridgesClosed.map { "\($0.0) – \($0.1)" })
        list("missing bridges opened", c.bridgesOpened.map { "\($0.0) – \($0.1)" })
        list("ministries newly connected", c.ministryPairsConnected.map { "\(nameAfter[$0.0]) – \(nameAfter[$0.1])" })
        list("ministries no longer connected", c.ministryPairsCut.map { "\(nameBefore[$0.0]) – \(nameBefore[$0.1])" })
        out.append("")
        out.append(
            "Community of the willing: \(c.willingSizeBefore) → \(c.willingSizeAfter) actors, score \(c.willingScoreBefore.map { NumberStyle.fixed($0, 3) } ?? "–") → \(c.willingScoreAfter.map { NumberStyle.fixed($0, 3) } ?? "–")"
        )
        list("joined it", c.willingJoined.map { nameAfter[$0] })
        list("left it", c.willingLeft.map { nameBefore[$0] })
        out.append("Voices: filled \(c.voicesFilled.isEmpty ? "none" : c.voicesFilled.joined(separator: ", ")); lost \(c.voicesLost.isEmpty ? "none" : c.voicesLost.joined(separator: ", "))")
        list("newly underrepresented", c.newlyUnderrepresented)
        list("no longer only consulted", c.noLongerConsultedOnly.map { nameBefore[$0] })
        list("now only consulted", c.nowConsultedOnly.map { nameAfter[$0] })
        return out.joined(separator: "\n")
    }

    // MARK: CSV: one row per actor of either wave

    public var table: Table? {
        let c = comparison
        let afterToBefore = Dictionary(uniqueKeysWithValues: c.continuing.map { ($0.after, $0.before) })
        let renamed = Set(c.renamed.map(\.after))
        func number(_ x: Double?) -> String { x.map { String($0) } ?? "" }
        var rows: [[String]] = after.actors.indices.map { j in
            let i = afterToBefore[j]
            let status = i == nil ? "joined" : renamed.contains(j) ? "renamed" : "continuing"
            let prior = i.map { before.actors[$0] }
            return [
                after.actors[j].id, prior?.id ?? "", after.actors[j].name, status, prior?.commitment?.name ?? "", after.actors[j].commitment?.name ?? "",
            ]
        }
        rows += c.left.map { i in [before.actors[i].id, before.actors[i].id, before.actors[i].name, "left", before.actors[i].commitment?.name ?? "", ""] }
        return Table(["id", "idBefore", "name", "status", "commitmentBefore", "commitmentAfter"], rows)
    }

    // MARK: JSON

    public func encode(to encoder: Encoder) throws { try JSON(self).encode(to: encoder) }

    struct JSON: Encodable {
        struct ActorRef: Encodable { var id: String; var name: String; var kind: String?; var sectors: [String] }
        struct Rename: Encodable { var before: String; var after: String; var name: String }
        struct Actors: Encodable { var joined: [ActorRef]; var left: [ActorRef]; var renamed: [Rename]; var continuing: Int }
        struct TiePair: Encodable { var source: String; var target: String; var before: Double?; var after: Double? }
        struct RelationRow: Encodable { var relation: String; var before: Int; var after: Int; var kept: Int; var formed: Int; var dissolved: Int }
        struct Ties: Encodable {
            var kept: [TiePair]; var formed: [TiePair]; var dissolved: [TiePair]; var changed: [TiePair]
            var relations: [RelationRow]
            var amongContinuing: [String: Int]
            var jaccard: Double?; var hamming: Int; var reading: String
        }
        struct Correlation: Encodable { var value: Double?; var pValue: Double?; var permutations: Int; var mode: String; var pValueRule: String }
        struct Move: Encodable { var id: String; var before: String?; var after: String? }
        struct Rung: Encodable { var before: String?; var after: String?; var actors: Int }
        struct CommitmentPart: Encodable { var changes: [Move]; var ladder: [Rung] }
        struct Mover: Encodable { var id: String; var betweennessBefore: Double; var betweennessAfter: Double; var pagerankBefore: Double; var pagerankAfter: Double }
        struct Centrality: Encodable {
            var betweennessSpearman: Double?; var pagerankSpearman: Double?; var risers: [Mover]; var fallers: [Mover]
            var cutPointsGained: [String]; var cutPointsLost: [String]
        }
        struct GroupRow: Encodable {
            var group: String; var eiBefore: Double?; var eiPValueBefore: Double?; var eiAfter: Double?; var eiPValueAfter: Double?
            var change: Double?; var changePValue: Double?
        }
        struct Silos: Encodable {
            var groupBy: String; var groups: [GroupRow]; var network: GroupRow
            var bridgesClosed: [[String]]; var bridgesOpened: [[String]]; var ministryPairsConnected: [[String]]; var ministryPairsCut: [[String]]
            var null: String
        }
        struct Willing: Encodable { var joined: [String]; var left: [String]; var scoreBefore: Double?; var scoreAfter: Double?; var sizeBefore: Int; var sizeAfter: Int }
        struct Voices: Encodable { var filled: [String]; var lost: [String]; var newlyUnderrepresented: [String]; var noLongerConsultedOnly: [String]; var nowConsultedOnly: [String] }
        struct FindingRow: Encodable { var code: String; var key: Bool; var text: String; var numbers: [String: Double]; var actors: [String]; var groups: [String] }

        var before: String; var after: String; var directed: Bool; var seed: UInt64; var basis: String?
        var actors: Actors; var ties: Ties; var correlation: Correlation; var commitment: CommitmentPart
        var centrality: Centrality; var silos: Silos; var willing: Willing; var voices: Voices; var findings: [FindingRow]

        init(_ d: ComparisonDocument) {
            let c = d.comparison, a = d.before.actors, b = d.after.actors
            func ref(_ x: Actor) -> ActorRef { ActorRef(id: x.id, name: x.name, kind: x.kind?.rawValue, sectors: x.sectors) }
            func id(_ i: Int, _ inBefore: Bool) -> String { inBefore ? a[i].id : b[i].id }
            func pair(_ p: WaveComparison.Pair) -> TiePair {
                TiePair(source: id(p.source, p.sourceInBefore), target: id(p.target, p.targetInBefore), before: p.before, after: p.after)
            }
            before = d.labels.before
            after = d.labels.after
            directed = c.isDirected
            seed = d.options.seed
            basis = d.basis
            actors = Actors(
                joined: c.joined.map { ref(b[$0]) }, left: c.left.map { ref(a[$0]) },
                renamed: c.renamed.map { Rename(before: a[$0.before].id, after: b[$0.after].id, name: b[$0.after].name) }, continuing: c.continuing.count)
            let s = c.statistics
            ties = Ties(
                kept: c.kept.map(pair), formed: c.formed.map(pair), dissolved: c.dissolved.map(pair), changed: c.changed.map(pair),
                relations: c.relations.map { RelationRow(relation: $0.relation.rawValue, before: $0.before, after: $0.after, kept: $0.kept, formed: $0.formed, dissolved: $0.dissolved) },
                amongContinuing: ["kept": s.kept, "formed": s.formed, "dissolved": s.dissolved, "actors": s.vertexCount],
                jaccard: s.jaccard, hamming: s.hamming, reading: jaccardReading(s.jaccard, tiesBefore: s.tiesBefore, tiesAfter: s.tiesAfter))
            correlation = Correlation(
                value: c.correlation.value, pValue: c.correlation.pValue, permutations: c.correlation.permutations, mode: c.isDirected ? "digraph" : "graph",
                pValueRule: "(b+1)/(R+1), b the permutations reaching the observed correlation; R sna's qaptest reports b/R (pgreq)")
            commitment = CommitmentPart(
                changes: c.commitmentChanges.map { Move(id: b[$0.actor].id, before: $0.before?.name, after: $0.after?.name) },
                ladder: c.commitmentLadder.map { Rung(before: $0.from?.name, after: $0.to?.name, actors: $0.actors) })
            func mover(_ m: WaveComparison.Mover) -> Mover {
                Mover(id: b[m.actor].id, betweennessBefore: m.betweennessBefore, betweennessAfter: m.betweennessAfter, pagerankBefore: m.pagerankBefore, pagerankAfter: m.pagerankAfter)
            }
            centrality = Centrality(
                betweennessSpearman: c.betweennessSpearman, pagerankSpearman: c.pagerankSpearman, risers: c.risers.map(mover), fallers: c.fallers.map(mover),
                cutPointsGained: c.cutPointsGained.map { b[$0].id }, cutPointsLost: c.cutPointsLost.map { a[$0].id })
            silos = Silos(
                groupBy: c.groupAttribute,
                groups: c.groups.map {
                    GroupRow(group: $0.group, eiBefore: $0.eiBefore, eiPValueBefore: $0.pBefore, eiAfter: $0.eiAfter, eiPValueAfter: $0.pAfter, change: $0.change?.change, changePValue: $0.change?.pValue)
                },
                network: GroupRow(
                    group: "(network)", eiBefore: c.networkEI.before, eiPValueBefore: nil, eiAfter: c.networkEI.after, eiPValueAfter: nil, change: c.networkEI.change,
                    changePValue: c.networkEI.pValue),
                bridgesClosed: c.bridgesClosed.map { [$0.0, $0.1] }, bridgesOpened: c.bridgesOpened.map { [$0.0, $0.1] },
                ministryPairsConnected: c.ministryPairsConnected.map { [b[$0.0].id, b[$0.1].id] }, ministryPairsCut: c.ministryPairsCut.map { [a[$0.0].id, a[$0.1].id] },
                null: WaveComparison.eiChangeNull)
            willing = Willing(
                joined: c.willingJoined.map { b[$0].id }, left: c.willingLeft.map { a[$0].id }, scoreBefore: c.willingScoreBefore, scoreAfter: c.willingScoreAfter,
                sizeBefore: c.willingSizeBefore, sizeAfter: c.willingSizeAfter)
            voices = Voices(
                filled: c.voicesFilled, lost: c.voicesLost, newlyUnderrepresented: c.newlyUnderrepresented,
                noLongerConsultedOnly: c.noLongerConsultedOnly.map { a[$0].id }, nowConsultedOnly: c.nowConsultedOnly.map { b[$0].id })
            findings = d.findings.map { FindingRow(code: $0.code, key: $0.isKey, text: $0.text, numbers: $0.numbers, actors: $0.actors, groups: $0.groups) }
        }
    }
}
