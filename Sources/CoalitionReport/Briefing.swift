import Coalition
import CoalitionGraph
import CoalitionIO
import CoalitionOutput
import Crypto
import Foundation

/// Everything the briefing pack says, computed once: the analyses of the whole network, the
/// network as the audience may see it, and the findings in words.
public struct Briefing: Sendable {
    /// Who the pack is for (``CoalitionOutput/Audience``).
    public typealias Audience = CoalitionOutput.Audience

    /// A data file the pack was made from, named without its folder.
    public struct Source: Sendable, Encodable {
        public var file: String
        public var bytes: Int
        public var sha256: String
    }

    public let mission: Mission
    public let audience: Audience
    /// The date the pack states: `--date`, else the mission's `data_date`.
    public let date: String?
    /// The network as read; every analysis is of this one.
    public let network: StakeholderNetwork
    /// What the audience may see: for `external`, people pseudonymised, sensitive columns,
    /// every raw attribute and the opposition ties left out. Actors keep their positions, so
    /// the analyses' actor numbers hold for it too.
    public let shown: StakeholderNetwork
    public let grouping: Grouping
    public let analysis: NetworkAnalysis
    public let silos: SiloAnalysis
    public let willing: WillingAnalysis
    public let voices: VoicesAnalysis
    public let grid: PowerInterestGrid
    public let findings: [Finding]
    /// What to do next: three to five actions the findings imply, each with its evidence.
    public let nextSteps: [NextStep]
    public let sources: [Source]
    /// What changed since the mission's last earlier wave, when it lists one (names as the
    /// audience may see them).
    public let change: ComparisonDocument?
    /// The two waves behind ``change``.
    public let since: ComparisonSession?
    /// The mission portfolio, when the mission lists participations (names as the audience may
    /// see them).
    public let portfolio: PortfolioDocument?
    /// What the analysed ties are when they come from the portfolio ("ties: shared initiatives,
    /// Newman-weighted").
    public let tieBasis: String?

    /// The session the briefing reads its analyses from.
    public let session: AnalysisSession

    /// - Parameters:
    ///   - session: the network and mission under analysis; its source files are read for the
    ///     provenance, which names each by its file name only, never its folder.
    ///   - date: the date the pack states (default: the mission's `data_date`).
    ///   - progress: told each phase as it starts.
    ///   - since: the comparison with the last earlier wave (``AnalysisSession/sinceLastWave(loading:options:)``).
    public init(
        session: AnalysisSession, audience: Audience, date: String? = nil, since: ComparisonSession? = nil,
        progress: (String) -> Void = { _ in }
    ) throws(GroupingError) {
        let network = session.network
        let mission = session.mission ?? Mission(name: "Stakeholder network")
        self.session = session
        self.mission = mission
        self.audience = audience
        self.date = date ?? mission.dataDate
        self.network = network
        shown = audience == .internal ? network : network.circulated(mission)
        sources = session.sourceFiles.compactMap { path in
            (try? Data(contentsOf: URL(fileURLWithPath: path))).map { data in
                Source(
                    file: AtomicFiles.split(path).name, bytes: data.count,
                    sha256: SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined())
            }
        }
        progress("measuring \(Wording.count(network.actors.count, "actor")) and \(Wording.count(network.writtenTies.count, "tie"))")
        grouping = try session.grouping()
        analysis = try session.measures()
        progress("looking for silos across \(Wording.count(grouping.groups.count, "\(grouping.attribute) group"))")
        silos = try session.silos()
        progress("finding the community of the willing and the missing voices")
        willing = session.willing
        voices = session.voices
        grid = session.grid()
        var all = Self.findings(
            network: network, shown: shown, grouping: grouping, analysis: analysis, silos: silos,
            willing: willing, voices: voices, grid: grid)
        tieBasis = session.tieBasis
        if session.readNetwork.portfolio != nil {
            progress("measuring the portfolio")
            let document = PortfolioDocument(try session.portfolio(), shown)
            portfolio = document
            all += document.findings
        } else {
            portfolio = nil
        }
        progress("asking what breaks if actors leave")
        all += Self.resilienceFindings(session, analysis: analysis, shown: shown)
        self.since = since
        if let since {
            progress("comparing with the wave of \(since.label(true))")
            var c = try since.comparison()
            // An external pack shows no opposition, in the change section either.
            if audience == .external { c.relations.removeAll { $0.relation.isOpposition } }
            func circulated(_ n: StakeholderNetwork) -> StakeholderNetwork { audience == .internal ? n : n.circulated(mission) }
            let document = ComparisonDocument(
                c, before: circulated(since.before.network), after: circulated(since.after.network), labels: (since.label(true), since.label(false)),
                options: since.options, basis: since.basis)
            change = document
            all += document.findings
        } else {
            change = nil
        }
        if audience == .external {
            // Judgements and opposition stay inside; so does whatever the mission marks.
            let omitted = Set(mission.externalOmit)
            all.removeAll { $0.isSensitive || omitted.contains($0.code) }
        }
        var seen: [String: Int] = [:]
        for i in all.indices {
            seen[all[i].code, default: 0] += 1
            all[i].id = "\(all[i].code)-\(seen[all[i].code]!)"
        }
        findings = all
        let steps = Self.nextSteps(
            findings: all, shown: shown, grouping: grouping, silos: silos, willing: willing, voices: voices, grid: grid, analysis: analysis,
            cutOff: { session.cutOff(by: $0) })
        nextSteps = audience == .external ? steps.filter { !mission.externalOmit.contains($0.code) } : steps
    }

    /// How the portfolio gave the analysed ties; nil when it gave none.
    public var projectionRule: PortfolioTies? {
        let rule = session.tieRule
        return portfolio != nil && rule.combination != .tiesOnly ? rule : nil
    }

    /// The portfolio section's table, as plain text cells: each initiative's name, members,
    /// sectors, cross-sectoral or not, lead (when ``showsLeads``), civil society or not.
    public var portfolioTable: [[String]]? {
        guard let d = portfolio else { return nil }
        let names = shown.actors.map(\.name), initiatives = d.network.portfolio?.initiatives ?? []
        return d.analysis.profiles.enumerated().filter { !$0.element.members.isEmpty }.map { i, p in
            [
                initiatives[i].name, "\(p.members.count)", p.sectors.joined(separator: ", "), p.crossSectoral ? "yes" : "no",
                showsLeads ? p.leads.map { names[$0] }.joined(separator: ", ") : "", p.withCivilSociety ? "yes" : "no",
            ]
        }
    }

    /// The change section's tables, as plain text cells (each renderer escapes them): actors who
    /// joined or left (name, kind, sectors, which), commitment that moved, silo change.
    public var changeTables: (actors: [[String]], commitment: [[String]], groups: [[String]])? {
        guard let d = change else { return nil }
        let c = d.comparison
        func actor(_ a: Actor, _ how: String) -> [String] { [a.name, a.kind?.rawValue ?? "", a.sectors.joined(separator: ", "), how] }
        func ei(_ x: Double?) -> String { x.map { Words.fixed($0) } ?? "–" }
        return (
            c.joined.map { actor(d.after.actors[$0], "joined") } + c.left.map { actor(d.before.actors[$0], "left") },
            c.commitmentChanges.map { [d.after.actors[$0.actor].name, $0.before?.name ?? "–", $0.after?.name ?? "–"] },
            c.groups.map { g in [g.group, ei(g.eiBefore), ei(g.eiAfter), ei(g.change?.change), g.change?.pValue.map { Words.pValue($0) } ?? "–"] }
        )
    }

    /// `actors` most central first (betweenness, then actor order): the order the findings, the
    /// page's table and the report's table give them in.
    public func byBetweenness(_ actors: [Int]) -> [Int] {
        Self.byBetweenness(actors, analysis)
    }

    static func byBetweenness(_ actors: [Int], _ analysis: NetworkAnalysis) -> [Int] {
        actors.sorted {
            analysis.actors[$0].betweenness != analysis.actors[$1].betweenness
                ? analysis.actors[$0].betweenness > analysis.actors[$1].betweenness : $0 < $1
        }
    }

    /// The rated actors in one quadrant of the grid, most influential and interested first.
    public func gridEntries(_ quadrant: PowerInterestGrid.Quadrant) -> [PowerInterestGrid.Entry] {
        grid.entries.filter { $0.quadrant == quadrant }.sorted { ($0.influence, $0.interest, $1.actor) > ($1.influence, $1.interest, $0.actor) }
    }

    /// Whether the pack names each initiative's lead: always inside the organisation; outside
    /// when the mission's `public_columns` lists `role`.
    public var showsLeads: Bool { audience == .internal || mission.publicColumns.contains(.role) }

    /// "What if they leave?": each single point of failure with whom it would cut off (the five
    /// who matter most as brokers), and each of the mission's scenarios. Names as the audience
    /// may see them; the scenarios are the mission's own planning, so an external pack leaves
    /// them out. A scenario that names an unknown actor was refused before the pack began.
    static func resilienceFindings(_ session: AnalysisSession, analysis: NetworkAnalysis, shown: StakeholderNetwork) -> [Finding] {
        let names = shown.actors.map(\.name), ids = shown.actors.map(\.id)
        var out: [Finding] = []
        let points = analysis.network.articulationPoints.sorted {
            (analysis.actors[$0].betweenness, $1) > (analysis.actors[$1].betweenness, $0)
        }
        for v in points.prefix(5) {
            let cut = session.cutOff(by: v)
            guard !cut.isEmpty else { continue }
            out.append(
                Finding(
                    code: "resilience.cut-point", section: .resilience, isKey: false, isSensitive: false,
                    text: FindingTemplates.sentence("resilience.cut-point", ["name": names[v], "count": "\(cut.count)", "names": Words.list(cut.map { names[$0] })]),
                    numbers: ["cutOff": Double(cut.count)], actors: [ids[v]] + cut.map { ids[$0] }, groups: []))
        }
        for departure in (try? session.scenarios()) ?? [] {
            guard let w = try? session.whatIf(departure) else { continue }
            let who = Words.list(w.removed.map { names[$0] }, limit: 4)
            var effects: [String] = []
            if !w.cutOff.isEmpty { effects.append("\(Words.list(w.cutOff.map { names[$0] })) would be cut off from the rest") }
            if !w.ministryPairsLost.isEmpty {
                effects.append("\(w.ministryPairsLost.count) pair\(w.ministryPairsLost.count == 1 ? "" : "s") of ministries would share neither a tie nor a contact")
            }
            for b in w.bridgesOpened { effects.append("\(b[0]) and \(b[1]) would become a missing bridge") }
            for v in w.voicesNowMissing { effects.append("the \(v) voice would be missing") }
            if w.willingBefore.count != w.willingAfter.count {
                effects.append("the community of the willing would go from \(w.willingBefore.count) to \(w.willingAfter.count) actors")
            }
            let values = ["scenario": departure.name ?? "", "who": who, "effects": Words.list(effects, separator: "; ")]
            let code = effects.isEmpty ? "resilience.scenario-holds" : "resilience.scenario"
            out.append(
                Finding(
                    code: code, section: .resilience, isKey: false, isSensitive: true, text: FindingTemplates.sentence(code, values),
                    numbers: ["fragmentationBefore": w.fragmentation.before, "fragmentationAfter": w.fragmentation.after, "cutOff": Double(w.cutOff.count)],
                    actors: w.removed.map { ids[$0] } + w.cutOff.map { ids[$0] }, groups: w.bridgesOpened.flatMap { $0 }))
        }
        return out
    }

    // MARK: Findings

    static func findings(
        network: StakeholderNetwork, shown: StakeholderNetwork, grouping: Grouping, analysis: NetworkAnalysis,
        silos: SiloAnalysis, willing: WillingAnalysis, voices: VoicesAnalysis, grid: PowerInterestGrid
    ) -> [Finding] {
        let names = shown.actors.map(\.name), ids = shown.actors.map(\.id)
        let n = network.actors.count
        var out: [Finding] = []
        func add(
            _ code: String, _ section: Finding.Section, key: Bool = false, sensitive: Bool = false, _ values: [String: String],
            numbers: [String: Double] = [:], actors: [Int] = [], groups: [String] = []
        ) {
            out.append(
                Finding(
                    code: code, section: section, isKey: key, isSensitive: sensitive, text: FindingTemplates.sentence(code, values),
                    numbers: numbers, actors: actors.map { ids[$0] }, groups: groups))
        }
        let net = analysis.network
        // The shown network has no opposition ties when the audience may not see them.
        let opposition = shown.writtenTies.count(where: \.isOpposition)
        var overview = [
            "actors": Double(net.actors), "supportingTies": Double(net.supportingPairs),
            "largestComponentShare": net.largestComponentShare, "density": net.density,
        ]
        if opposition > 0 { overview["oppositionTies"] = Double(opposition) }
        if net.actors == 0 {
            add("network.empty", .network, key: true, [:], numbers: ["actors": 0])
            return out
        }
        add(
            "network.overview", .network, key: true,
            [
                "actors": "\(net.actors)", "ties": "\(net.supportingPairs)", "opposition": opposition > 0 ? "\(opposition)" : "",
                "largest": Words.percent(net.largestComponentShare),
            ], numbers: overview)

        // Who holds the coalition together: the top brokers, and the cut points.
        let brokers = byBetweenness(Array(analysis.actors.indices), analysis)
        for (rank, v) in brokers.prefix(3).enumerated() where analysis.actors[v].betweenness > 0 {
            let b = analysis.actors[v].betweenness
            add(
                "holders.broker", .holders, key: rank == 0, ["name": names[v], "share": Words.percent(b), "betweenness": Words.fixed(b, 3)],
                numbers: ["betweenness": b, "rank": Double(rank + 1)], actors: [v])
        }
        if !net.articulationPoints.isEmpty {
            let points = byBetweenness(net.articulationPoints, analysis)
            add(
                "holders.cut-points", .holders, key: true, ["count": "\(points.count)", "names": Words.list(points.map { names[$0] })],
                numbers: ["count": Double(points.count)], actors: points)
        }

        // Silos: inward groups beyond chance, missing bridges, ministries that never meet.
        let inward = silos.groups.indices.filter { silos.groups[$0].eiIndex.map { $0 < 0 } == true && silos.groups[$0].eiAdjustedPValue < 0.05 }
            .sorted { (silos.groups[$0].eiIndex ?? 0, $0) < (silos.groups[$1].eiIndex ?? 0, $1) }
        for (rank, g) in inward.enumerated() {
            let s = silos.groups[g]
            add(
                "silos.inward", .silos, key: rank == 0, ["group": s.group, "ei": Words.fixed(s.eiIndex ?? 0), "p": Words.pValue(s.eiAdjustedPValue)],
                numbers: ["eiIndex": s.eiIndex ?? 0, "adjustedPValue": s.eiAdjustedPValue, "size": Double(s.size)], groups: [s.group])
        }
        for (rank, b) in silos.missingBridges.enumerated() {
            let a = grouping.groups[b.groups.0], c = grouping.groups[b.groups.1]
            let candidate = b.candidates.first
            // The analysis words its reason as "Name (group): tied to …."; the sentence names
            // the candidate itself.
            var reason = candidate?.reason ?? ""
            if let r = reason.range(of: "): ") { reason = String(reason[r.upperBound...]) }
            while reason.hasSuffix(".") { reason.removeLast() }
            add(
                "silos.missing-bridge", .silos, key: rank == 0,
                [
                    "a": a, "b": c, "ties": "\(b.ties)", "expected": Words.fixed(b.expectedTies, 1),
                    "bridgers": Words.list(b.bridgers.prefix(3).map { names[$0.actor] }),
                    "candidate": candidate.map { names[$0.actor] } ?? "", "reason": reason,
                ],
                numbers: ["ties": Double(b.ties), "expectedTies": b.expectedTies, "adjustedPValue": b.adjustedPValue],
                actors: b.bridgers.prefix(3).map(\.actor) + (candidate.map { [$0.actor] } ?? []), groups: [a, c])
        }
        let unconnected = silos.government.unconnectedMinistryPairs
        if !unconnected.isEmpty {
            add(
                "silos.unconnected-ministries", .silos, key: true,
                [
                    "count": "\(unconnected.count)",
                    "pairs": Words.list(unconnected.map { "\(names[$0.0]) and \(names[$0.1])" }, limit: 3, separator: "; "),
                ],
                numbers: ["pairs": Double(unconnected.count)], actors: Array(Set(unconnected.flatMap { [$0.0, $0.1] })).sorted())
        }
        if silos.communitiesNMI >= 0.6 {
            add(
                "silos.communities-follow-groups", .silos, ["attribute": grouping.attribute, "nmi": Words.fixed(silos.communitiesNMI)],
                numbers: ["nmi": silos.communitiesNMI, "adjustedRand": silos.communitiesARI])
        }

        // The community of the willing, and who to recruit next.
        if let r = willing.recommended {
            let c = willing.clusters[r]
            let degree = analysis.actors.map(\.degree)
            let core = c.members.sorted { degree[$0] != degree[$1] ? degree[$0] > degree[$1] : $0 < $1 }.prefix(3)
            add(
                "willing.recommended", .willing, key: true,
                [
                    "core": Words.list(core.map { names[$0] }), "size": "\(c.size)", "threshold": willing.threshold.name,
                    "sectors": Wording.count(c.sectors, "sector"), "density": Words.fixed(c.density),
                    "criteria": "\(c.criteria.met)", "score": Words.fixed(c.score),
                ],
                numbers: ["size": Double(c.size), "density": c.density, "score": c.score, "criteriaMet": Double(c.criteria.met)],
                actors: c.members)
            // Every member, most connected first: whom to invite is the point of the finding.
            let all = c.members.sorted { degree[$0] != degree[$1] ? degree[$0] > degree[$1] : $0 < $1 }
            add(
                "willing.members", .willing, key: true, ["size": "\(c.size)", "names": Words.list(all.map { names[$0] }, limit: Int.max)],
                numbers: ["size": Double(c.size)], actors: all)
            let others = willing.clusters.indices.filter { $0 != r }.prefix(4).map { i -> String in
                let o = willing.clusters[i]
                let around = o.members.sorted { degree[$0] != degree[$1] ? degree[$0] > degree[$1] : $0 < $1 }.prefix(2).map { names[$0] }
                return "the \(Wording.count(o.size, "actor")) around \(Words.list(around))"
            }
            if !others.isEmpty {
                add(
                    "willing.others", .willing, ["count": "\(willing.clusters.count - 1)", "clusters": Words.list(others, separator: "; ")],
                    numbers: ["clusters": Double(willing.clusters.count - 1)])
            }
            for (rank, recruit) in willing.nextToRecruit.prefix(5).enumerated() {
                add(
                    "willing.recruit", .willing, key: rank < 3,
                    [
                        "name": names[recruit.actor], "ties": "\(recruit.ties)",
                        "introducer": names[recruit.introducedBy],
                    ],
                    numbers: ["ties": Double(recruit.ties), "tieStrength": recruit.tieStrength], actors: [recruit.actor, recruit.introducedBy])
            }
        } else {
            add("willing.none", .willing, key: true, ["threshold": willing.threshold.name])
        }

        // Whose voices are missing.
        for c in voices.categories where c.status == .missing {
            add("voices.missing", .voices, key: true, ["category": Words.category(c.expected)], numbers: ["actors": 0], groups: [c.label])
        }
        for c in voices.categories where c.status == .underrepresented {
            var expected = ""
            if let m = c.expected.minCount, c.actors.count < m { expected = "\(m)" }
            if let s = c.expected.minShare, c.share < s { expected = Words.percent(s) }
            let ratio = c.degreeRatio.map { $0 < 0.5 ? Words.fixed($0) : "" } ?? ""
            // Present in number but not heard: say how many are only consulted or without a tie.
            let unheard = c.consultedOnly + c.isolated
            let parts = [
                c.consultedOnly > 0 ? "\(c.consultedOnly == c.actors.count ? "all" : "\(c.consultedOnly)") only consulted" : nil,
                c.isolated > 0 ? "\(c.isolated) without a supporting tie" : nil,
            ].compactMap { $0 }
            add(
                "voices.underrepresented", .voices, key: true,
                [
                    "category": Words.category(c.expected), "count": "\(c.actors.count)", "actors": "\(n)", "share": Words.percent(c.share),
                    "expected": expected, "ratio": ratio, "unheard": unheard * 2 >= c.actors.count && unheard > 0 ? parts.joined(separator: ", ") : "",
                ],
                numbers: [
                    "actors": Double(c.actors.count), "share": c.share, "degreeRatio": c.degreeRatio ?? 0,
                    "consultedOnly": Double(c.consultedOnly), "isolated": Double(c.isolated),
                ], actors: c.actors, groups: [c.label])
        }
        for c in voices.categories where c.status == .notChecked {
            add(
                "voices.not-checked", .voices, key: true, ["category": "“\(c.label)”", "problem": c.reasons.first ?? ""],
                numbers: ["actors": 0], groups: [c.label])
        }
        for (code, list) in [
            ("voices.consulted-only", voices.consultedOnly), ("voices.isolated", voices.isolated),
            ("voices.cut-off", voices.outsideMainComponent.filter { !voices.isolated.contains($0) }),
        ] where !list.isEmpty {
            // Those only consulted have a place in the key findings: heard of, not heard.
            add(
                code, .voices, key: code == "voices.consulted-only", ["count": "\(list.count)", "names": Words.list(list.map { names[$0] })],
                numbers: ["count": Double(list.count)], actors: list)
        }

        // Judgements against position (the grid) and the camps: internal only.
        for e in grid.entries where e.finding != nil {
            add(
                e.finding == "hidden influencer" ? "grid.hidden-influencer" : "grid.over-rated", .grid, sensitive: true,
                [
                    "name": names[e.actor], "declared": Words.ordinal(e.declaredPercentile), "structural": Words.ordinal(e.structuralPercentile),
                    "measure": e.foundBy.map { $0 == .pagerank ? "PageRank" : "betweenness" }.joined(separator: " and "),
                ],
                numbers: ["declaredPercentile": e.declaredPercentile, "structuralPercentile": e.structuralPercentile], actors: [e.actor])
        }
        if !willing.camps.oppositions.isEmpty {
            add(
                "camps.opposition", .camps, sensitive: true,
                [
                    "count": "\(willing.camps.oppositions.count)", "opponents": Words.list(willing.camps.opponents.map { names[$0] }),
                    "opponentCount": "\(willing.camps.opponents.count)", "between": Words.list(willing.camps.between.map { names[$0] }),
                    "betweenCount": "\(willing.camps.between.count)",
                ],
                numbers: ["oppositionTies": Double(willing.camps.oppositions.count)], actors: willing.camps.opponents)
        }
        // Each opponent: whom it opposes, and whom it is tied to (the way to reach it). Those
        // with the most opposition ties first; the first three are key findings.
        var opposes: [Int: [Int]] = [:]
        for (u, v) in willing.camps.oppositions { opposes[u, default: []].append(v) }
        var tiedTo: [Int: Set<Int>] = [:]
        for t in network.writtenTies where !t.isOpposition {
            tiedTo[Int(t.source), default: []].insert(Int(t.target))
            tiedTo[Int(t.target), default: []].insert(Int(t.source))
        }
        let degree = analysis.actors.map(\.degree)
        let opponents = Set(willing.camps.opponents).union(opposes.keys).sorted { a, b in
            let x = opposes[a]?.count ?? 0, y = opposes[b]?.count ?? 0
            return x != y ? x > y : a < b
        }
        for (rank, v) in opponents.enumerated() {
            let targets = (opposes[v] ?? []).sorted()
            let contacts = (tiedTo[v] ?? []).sorted { degree[$0] != degree[$1] ? degree[$0] > degree[$1] : $0 < $1 }
            add(
                "camps.opponent", .camps, key: rank < 3, sensitive: true,
                [
                    "name": names[v], "stance": network.actors[v].stance == .opposed ? "yes" : "", "opposes": Words.list(targets.map { names[$0] }),
                    "contacts": Words.list(contacts.map { names[$0] }, limit: 4), "alone": contacts.isEmpty ? "yes" : "",
                ],
                numbers: ["oppositionTies": Double(targets.count), "supportingTies": Double(contacts.count)], actors: [v] + targets + contacts)
        }
        return out
    }
}
