import Coalition
import CoalitionOutput

/// One action the findings imply ("bridge health and economy through X"), from a template like
/// the findings, and the findings that are its evidence, by id.
public struct NextStep: Sendable, Encodable {
    public var code: String
    public var text: String
    public var evidence: [String]
}

extension Briefing {
    /// At most this many next steps: a page of actions is a plan nobody reads.
    static let nextStepLimit = 5

    /// The actions the findings imply, most structural first: close the most striking missing
    /// bridge, grow the community of the willing, give a missing voice a seat, keep a hidden
    /// influencer close, bring ministries that never meet together, back up a single point of
    /// failure, reach an opponent. Each only when its evidence is among the findings the
    /// audience sees, so an omitted finding takes its action with it.
    static func nextSteps(
        findings: [Finding], shown: StakeholderNetwork, grouping: Grouping, silos: SiloAnalysis, willing: WillingAnalysis,
        voices: VoicesAnalysis, grid: PowerInterestGrid, analysis: NetworkAnalysis, cutOff: (Int) -> [Int]
    ) -> [NextStep] {
        let names = shown.actors.map(\.name)
        let ids = Set(findings.map(\.id))
        var out: [NextStep] = []
        func step(_ code: String, _ values: [String: String], evidence: [String]) {
            let present = evidence.filter { ids.contains($0) }
            guard !present.isEmpty, present.count == evidence.count, out.count < nextStepLimit else { return }
            out.append(NextStep(code: code, text: FindingTemplates.sentence(code, values), evidence: present))
        }
        if let b = silos.missingBridges.first {
            let candidate = b.candidates.first.map { names[$0.actor] } ?? ""
            step(
                "next.bridge",
                [
                    "a": grouping.groups[b.groups.0], "b": grouping.groups[b.groups.1], "candidate": candidate,
                    "bridgers": candidate.isEmpty ? Words.list(b.bridgers.prefix(2).map { names[$0.actor] }) : "",
                ], evidence: ["silos.missing-bridge-1"])
        }
        if let r = willing.recommended, let recruit = willing.nextToRecruit.first {
            let degree = analysis.actors.map(\.degree)
            let core = willing.clusters[r].members.sorted { degree[$0] != degree[$1] ? degree[$0] > degree[$1] : $0 < $1 }.prefix(2)
            step(
                "next.recruit", ["name": names[recruit.actor], "introducer": names[recruit.introducedBy], "core": Words.list(core.map { names[$0] })],
                evidence: ["willing.recruit-1"])
        }
        if let missing = voices.categories.first(where: { $0.status == .missing }) {
            step("next.seat", ["category": Words.category(missing.expected)], evidence: ["voices.missing-1"])
        } else if !voices.consultedOnly.isEmpty {
            step("next.say", ["names": Words.list(voices.consultedOnly.map { names[$0] }, limit: 3)], evidence: ["voices.consulted-only-1"])
        }
        if let e = grid.entries.filter({ $0.finding == "hidden influencer" }).max(by: { ($0.structuralPercentile, $1.actor) < ($1.structuralPercentile, $0.actor) }) {
            let n = findings.firstIndex { $0.code == "grid.hidden-influencer" && $0.actors == [shown.actors[e.actor].id] }
            if let n { step("next.inform", ["name": names[e.actor]], evidence: [findings[n].id]) }
        }
        if let pair = silos.government.unconnectedMinistryPairs.first {
            let more = silos.government.unconnectedMinistryPairs.count - 1
            step(
                "next.ministries", ["a": names[pair.0], "b": names[pair.1], "more": more > 0 ? "\(more)" : ""],
                evidence: ["silos.unconnected-ministries-1"])
        }
        if let first = findings.first(where: { $0.code == "resilience.cut-point" }),
            let v = shown.actors.firstIndex(where: { $0.id == first.actors.first })
        {
            let cut = cutOff(v)
            step("next.backup", ["name": names[v], "names": Words.list(cut.map { names[$0] }, limit: 3), "count": "\(cut.count)"], evidence: [first.id])
        }
        if let first = findings.first(where: { $0.code == "camps.opponent" }), first.actors.count > 1,
            let v = shown.actors.firstIndex(where: { $0.id == first.actors.first })
        {
            // The opponent's first listed contact (most connected) is the way in.
            let contacts = first.actors.dropFirst(Int(first.numbers["oppositionTies"] ?? 0) + 1)
            if let contact = contacts.first, let c = shown.actors.firstIndex(where: { $0.id == contact }) {
                step("next.engage", ["name": names[v], "contact": names[c]], evidence: [first.id])
            }
        }
        return out
    }
}
