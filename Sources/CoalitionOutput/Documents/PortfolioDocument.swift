import Coalition
import CoalitionGraph
import CoalitionIO
import Foundation

/// `portfolio`: the mission portfolio as a two-mode network — two-mode centrality of every
/// actor and initiative, what each initiative brings together, the portfolio's findings, and
/// (with `--project`) one of its projections.
public struct PortfolioDocument: Document, Sendable {
    public let analysis: PortfolioAnalysis
    public let network: StakeholderNetwork
    /// The findings, most telling first.
    public let findings: [Finding]
    public let projection: Projection?

    /// A one-mode projection asked for with the document.
    public struct Projection: Sendable {
        public var mode: ProjectionMode
        public var weighting: ProjectionWeighting
        public var network: StakeholderNetwork
        public init(mode: ProjectionMode, weighting: ProjectionWeighting, network: StakeholderNetwork) {
            self.mode = mode
            self.weighting = weighting
            self.network = network
        }
    }

    public init(_ analysis: PortfolioAnalysis, _ network: StakeholderNetwork, projection: Projection? = nil) {
        self.analysis = analysis
        self.network = network
        self.projection = projection
        findings = Self.findings(analysis, network)
    }

    var initiatives: [Initiative] { network.portfolio?.initiatives ?? [] }

    // MARK: Findings

    static func findings(_ p: PortfolioAnalysis, _ network: StakeholderNetwork) -> [Finding] {
        var out: [Finding] = []
        let names = network.actors.map(\.name)
        let initiatives = network.portfolio?.initiatives ?? []
        let ids = network.actors.map(\.id)
        func add(_ code: String, key: Bool = false, _ values: [String: String], numbers: [String: Double] = [:], actors: [String] = [], groups: [String] = []) {
            out.append(
                Finding(
                    code: code, section: .portfolio, isKey: key, isSensitive: false, text: FindingTemplates.sentence(code, values), numbers: numbers,
                    actors: actors, groups: groups))
        }
        let withMembers = p.profiles.count { !$0.members.isEmpty }
        let participants = p.actorCount - p.outsidePortfolio.count
        add(
            "portfolio.overview", key: true,
            [
                "initiatives": "\(withMembers)", "participations": "\(p.participations)", "participants": "\(participants)",
                "outside": p.outsidePortfolio.isEmpty ? "" : "\(p.outsidePortfolio.count)", "outsideCount": "\(p.outsidePortfolio.count)",
                "empty": withMembers < initiatives.count ? "\(initiatives.count - withMembers)" : "",
            ],
            numbers: [
                "initiatives": Double(withMembers), "participations": Double(p.participations), "participants": Double(participants),
                "outside": Double(p.outsidePortfolio.count),
            ])
        guard withMembers > 0 else { return out }
        if let share = p.crossSectoralShare {
            let judged = p.profiles.filter { !$0.sectors.isEmpty }
            let single = judged.indices.filter { !judged[$0].crossSectoral }
            add(
                "portfolio.cross-sectoral", key: true,
                [
                    "share": Words.percent(share), "count": "\(judged.count { $0.crossSectoral })", "judged": "\(judged.count)",
                    "attribute": p.groupedBy == "sector" ? "sectors" : "\(p.groupedBy) groups", "single": single.isEmpty ? "" : "\(single.count)",
                ],
                numbers: ["crossSectoralShare": share])
        }
        if !p.sectorPairsWithoutInitiative.isEmpty {
            let pairs = p.sectorPairsWithoutInitiative
            add(
                "portfolio.sectors-never-meet", key: true,
                ["count": "\(pairs.count)", "pairs": Words.list(pairs.map { "\($0.0) – \($0.1)" }, limit: 6, separator: "; ")],
                numbers: ["pairs": Double(pairs.count)], groups: Array(Set(pairs.flatMap { [$0.0, $0.1] })).sorted())
        }
        if !p.sectorsOutsidePortfolio.isEmpty {
            let unit = p.groupedBy == "sector" ? "sector" : "\(p.groupedBy) group"
            let outside = p.sectorsOutsidePortfolio
            add(
                "portfolio.sectors-outside",
                ["sectors": "the \(Words.list(outside)) \(outside.count == 1 ? unit : Wording.plural(of: unit))", "count": "\(outside.count)"],
                groups: outside)
        }
        if let top = p.connectors.first {
            let others = p.connectors.dropFirst().map { names[$0] }
            add(
                "portfolio.connector", key: true,
                [
                    "name": names[top], "initiatives": "\(p.measures.degree[top])", "betweenness": Words.fixed(p.measures.betweenness[top], 3),
                    "others": Words.list(Array(others)),
                ],
                numbers: ["betweenness": p.measures.betweenness[top], "initiatives": Double(p.measures.degree[top])], actors: p.connectors.map { ids[$0] })
        }
        if !p.inOneInitiative.isEmpty && participants > 0 {
            add(
                "portfolio.single-initiative",
                ["count": "\(p.inOneInitiative.count)", "share": Words.percent(Double(p.inOneInitiative.count) / Double(participants))],
                numbers: ["actors": Double(p.inOneInitiative.count)], actors: p.inOneInitiative.map { ids[$0] })
        }
        if !p.withoutCivilSociety.isEmpty {
            add(
                "portfolio.without-civil-society", key: true,
                ["count": "\(p.withoutCivilSociety.count)", "total": "\(withMembers)", "names": Words.list(p.withoutCivilSociety.map { initiatives[$0].name })],
                numbers: ["initiatives": Double(p.withoutCivilSociety.count)])
        }
        if !p.withoutLead.isEmpty && network.portfolio?.affiliations.contains(where: { $0.role != nil }) == true {
            add(
                "portfolio.without-lead", ["count": "\(p.withoutLead.count)", "names": Words.list(p.withoutLead.map { initiatives[$0].name })],
                numbers: ["initiatives": Double(p.withoutLead.count)])
        }
        if p.parts.count > 1 {
            let apart = p.parts.dropFirst().flatMap { $0 }
            add(
                "portfolio.parts", key: true,
                ["count": "\(p.parts.count)", "names": Words.list(apart.map { initiatives[$0].name }), "apartCount": "\(apart.count)"],
                numbers: ["parts": Double(p.parts.count)])
        }
        for v in p.voices where v.status != .present {
            let category = Words.category(v.expected)
            if v.status == .missing {
                // A kind is a plural noun ("community groups"); a voice tag names whom actors speak for.
                let who = v.expected.dimension == .voice ? "actor speaking for \(category)" : category
                add(
                    "portfolio.voice-missing", key: true,
                    [
                        "category": who, "number": v.expected.dimension == .voice ? "1" : "2", "present": v.actors > 0 ? "\(v.actors)" : "",
                        "presentCount": "\(v.actors)",
                    ],
                    numbers: ["actors": Double(v.actors)])
            } else {
                add(
                    "portfolio.voice-underrepresented",
                    ["category": category, "count": "\(v.participating)", "initiatives": "\(v.initiatives)", "reading": v.reading],
                    numbers: ["participating": Double(v.participating), "initiatives": Double(v.initiatives)])
            }
        }
        return out
    }

    // MARK: Text

    public var text: String {
        let p = analysis, names = network.actors.map(\.name)
        var out: [String] = []
        out.append(
            "Portfolio: \(NumberStyle.count(initiatives.count, "initiative")), \(NumberStyle.count(p.participations, "participation")) by \(NumberStyle.count(p.actorCount - p.outsidePortfolio.count, "actor"))"
                + (p.options.roles.map { " (roles: \($0.sorted(by: >).map(\.name).joined(separator: ", ")))" } ?? ""))
        out.append(
            p.measures.isExact
                ? "Two-mode measures: exact (Borgatti & Everett normalisations, as networkx's bipartite module)."
                : "Two-mode measures: closeness and betweenness estimated from \(p.measures.sourcesUsed) sampled sources (more than \(p.options.exactLimit) actors and initiatives); betweenness within ±\(NumberStyle.fixed(p.measures.errorBound.firstMode, 4)) for actors, ±\(NumberStyle.fixed(p.measures.errorBound.secondMode, 4)) for initiatives, \(Int((1 - p.measures.confidenceDelta) * 100)) % confidence."
        )
        out.append("")
        out += findings.map { "- " + $0.text }
        out.append("")
        let n = p.actorCount
        out.append("Initiatives")
        out.append(
            Table(
                ["Initiative", "members", "sectors", "cross-sectoral", "lead", "CSO/community", "betweenness"],
                initiatives.indices.map { i in
                    let profile = p.profiles[i]
                    return [
                        initiatives[i].name, "\(profile.members.count)", profile.sectors.isEmpty ? "–" : profile.sectors.joined(separator: ", "),
                        profile.crossSectoral ? "yes" : "no", profile.leads.map { names[$0] }.joined(separator: ", ").ifEmpty("–"),
                        profile.withCivilSociety ? "yes" : "no", NumberStyle.fixed(p.measures.betweenness[n + i], 3),
                    ]
                }
            ).text)
        out.append("")
        let shown = Self.textRows
        let ranked = (0..<n).filter { p.measures.degree[$0] > 0 }.sorted {
            (p.measures.betweenness[$0], p.measures.degree[$0], $1) > (p.measures.betweenness[$1], p.measures.degree[$1], $0)
        }
        out.append("Actors by two-mode betweenness" + (ranked.count > shown ? " (top \(shown) of \(ranked.count); all in --format json or csv)" : ""))
        out.append(
            Table(
                ["Actor", "initiatives", "degree centrality", "closeness", "betweenness"],
                ranked.prefix(shown).map { a in
                    [
                        names[a], "\(p.measures.degree[a])", NumberStyle.fixed(p.measures.degreeCentrality[a], 3),
                        p.measures.closeness[a].map { NumberStyle.fixed($0, 3) } ?? "–", NumberStyle.fixed(p.measures.betweenness[a], 3),
                    ]
                }
            ).text)
        out.append("")
        out.append(p.usedDefaultTaxonomy ? "Expected voices in the portfolio: the default set (the mission names none)" : "Expected voices in the portfolio: from the mission file")
        out.append(
            Table(
                ["Category", "status", "actors", "taking part", "initiatives"],
                p.voices.map { v in ["\(v.expected.dimension.rawValue): \(v.expected.value)", v.status.rawValue, "\(v.actors)", "\(v.participating)", "\(v.initiatives)"] }
            ).text)
        if let projection {
            out.append("")
            out += projectionText(projection)
        }
        return out.joined(separator: "\n")
    }

    /// Rows of the actors table in the text form.
    static let textRows = 15

    func projectionText(_ projection: Projection) -> [String] {
        let net = projection.network, names = net.actors.map(\.name)
        let ties = net.ties
        var out = [
            "Projection onto \(projection.mode.rawValue), \(projection.weighting.rawValue)-weighted: \(NumberStyle.count(net.actors.count, projection.mode == .actors ? "actor" : "initiative")), \(NumberStyle.count(ties.count, "tie"))"
        ]
        let largest = analysis.profiles.map(\.members.count).max() ?? 0
        if projection.mode == .actors && largest > 1 {
            out.append(
                "The largest initiative has \(largest) members and alone gives \(largest * (largest - 1) / 2) of the \(analysis.projectionPairs) pairs of co-members; Newman weights (1/(members − 1)) keep such an initiative from dominating.")
        }
        let strongest = ties.indices.sorted { (ties[$0].strength, $1) > (ties[$1].strength, $0) }.prefix(10)
        if !strongest.isEmpty {
            out.append(
                Table(
                    ["Pair", "strength", "shared"],
                    strongest.map { e in
                        let t = ties[e]
                        let shared = t.attributes?["shared"].map { $0.description } ?? ""
                        return ["\(names[Int(t.source)]) — \(names[Int(t.target)])", NumberStyle.fixed(t.strength, 3), shared]
                    }
                ).text)
        }
        return out
    }

    // MARK: CSV

    /// One row per actor and per initiative (`mode` says which); with a projection, its ties.
    public var table: Table? {
        if let projection {
            let net = projection.network, ids = net.actors.map(\.id)
            return Table(
                ["source", "target", "strength", "shared"],
                net.ties.map { t in [ids[Int(t.source)], ids[Int(t.target)], Numbers.shortest(t.strength), t.attributes?["shared"]?.description ?? ""] })
        }
        let p = analysis, n = p.actorCount, ids = network.actors.map(\.id)
        func measures(_ v: Int) -> [String] {
            [
                "\(p.measures.degree[v])", String(p.measures.degreeCentrality[v]), p.measures.closeness[v].map { String($0) } ?? "",
                String(p.measures.betweenness[v]),
            ]
        }
        var rows: [[String]] = network.actors.indices.map { a in
            ["actor", ids[a], network.actors[a].name] + measures(a) + ["", "", "", "", ""]
        }
        rows += initiatives.indices.map { i in
            let profile = p.profiles[i]
            return ["initiative", initiatives[i].id, initiatives[i].name] + measures(n + i) + [
                profile.sectors.joined(separator: "|"), profile.crossSectoral ? "true" : "false", profile.leads.map { ids[$0] }.joined(separator: "|"),
                profile.withCivilSociety ? "true" : "false", profile.pledged.map(Numbers.shortest) ?? "",
            ]
        }
        return Table(
            ["mode", "id", "name", "degree", "degreeCentrality", "closeness", "betweenness", "sectors", "crossSectoral", "lead", "withCivilSociety", "pledged"], rows)
    }

    // MARK: JSON

    public func encode(to encoder: Encoder) throws { try JSON(self).encode(to: encoder) }

    struct JSON: Encodable {
        struct Summary: Encodable {
            var actors: Int; var initiatives: Int; var participations: Int; var roles: [String]?; var groupedBy: String
            var crossSectoralShare: Double?; var sectorPairsWithoutInitiative: [[String]]; var sectorsOutsidePortfolio: [String]
            var connectors: [String]; var inOneInitiative: [String]; var outsidePortfolio: [String]
            var withoutCivilSociety: [String]; var withoutLead: [String]; var parts: [[String]]
            var projectionPairs: Int; var measuresExact: Bool; var sampledSources: Int
            var betweennessErrorBound: [String: Double]?
        }
        struct ActorEntry: Encodable {
            var id: String; var name: String; var degree: Int; var degreeCentrality: Double; var closeness: Double?; var betweenness: Double
            var initiatives: [String]
        }
        struct InitiativeEntry: Encodable {
            var id: String; var name: String; var kind: String?; var status: String?; var budget: Double?; var pledged: Double?
            var members: [String]; var degree: Int; var degreeCentrality: Double; var closeness: Double?; var betweenness: Double
            var sectors: [String]; var kinds: [String]; var levels: [String]; var crossSectoral: Bool
            var lead: String?; var leads: [String]; var withCivilSociety: Bool
        }
        struct Voice: Encodable {
            var category: String; var dimension: String; var value: String; var status: String
            var actors: Int; var participating: Int; var initiatives: Int; var reading: String
        }
        struct ProjectionEntry: Encodable {
            struct TieEntry: Encodable { var source: String; var target: String; var strength: Double; var shared: Double }
            var onto: String; var weighting: String; var nodes: Int; var tieCount: Int; var ties: [TieEntry]
        }
        struct FindingRow: Encodable {
            var code: String; var key: Bool; var text: String; var numbers: [String: Double]; var actors: [String]; var groups: [String]
        }
        var portfolio: Summary
        var actors: [ActorEntry]
        var initiatives: [InitiativeEntry]
        var voices: [Voice]
        var findings: [FindingRow]
        var projection: ProjectionEntry?

        init(_ d: PortfolioDocument) {
            let p = d.analysis, n = p.actorCount, ids = d.network.actors.map(\.id), initiatives = d.initiatives
            let m = p.measures
            portfolio = Summary(
                actors: n, initiatives: initiatives.count, participations: p.participations,
                roles: p.options.roles.map { $0.sorted(by: >).map(\.name) }, groupedBy: p.groupedBy,
                crossSectoralShare: p.crossSectoralShare, sectorPairsWithoutInitiative: p.sectorPairsWithoutInitiative.map { [$0.0, $0.1] },
                sectorsOutsidePortfolio: p.sectorsOutsidePortfolio, connectors: p.connectors.map { ids[$0] },
                inOneInitiative: p.inOneInitiative.map { ids[$0] }, outsidePortfolio: p.outsidePortfolio.map { ids[$0] },
                withoutCivilSociety: p.withoutCivilSociety.map { initiatives[$0].id }, withoutLead: p.withoutLead.map { initiatives[$0].id },
                parts: p.parts.map { $0.map { initiatives[$0].id } }, projectionPairs: p.projectionPairs, measuresExact: m.isExact,
                sampledSources: m.sourcesUsed,
                betweennessErrorBound: m.isExact ? nil : ["actors": m.errorBound.firstMode, "initiatives": m.errorBound.secondMode])
            var initiativesOf = [[String]](repeating: [], count: n)
            for (i, profile) in p.profiles.enumerated() { for a in profile.members { initiativesOf[a].append(initiatives[i].id) } }
            actors = (0..<n).map { a in
                ActorEntry(
                    id: ids[a], name: d.network.actors[a].name, degree: m.degree[a], degreeCentrality: m.degreeCentrality[a], closeness: m.closeness[a],
                    betweenness: m.betweenness[a], initiatives: initiativesOf[a])
            }
            self.initiatives = initiatives.indices.map { i in
                let x = initiatives[i], profile = p.profiles[i], v = n + i
                return InitiativeEntry(
                    id: x.id, name: x.name, kind: x.kind, status: x.status, budget: x.budget, pledged: profile.pledged,
                    members: profile.members.map { ids[$0] }, degree: m.degree[v], degreeCentrality: m.degreeCentrality[v], closeness: m.closeness[v],
                    betweenness: m.betweenness[v], sectors: profile.sectors, kinds: profile.kinds, levels: profile.levels,
                    crossSectoral: profile.crossSectoral, lead: profile.leads.first.map { ids[$0] }, leads: profile.leads.map { ids[$0] },
                    withCivilSociety: profile.withCivilSociety)
            }
            voices = p.voices.map { v in
                Voice(
                    category: "\(v.expected.dimension.rawValue): \(v.expected.value)", dimension: v.expected.dimension.rawValue, value: v.expected.value,
                    status: v.status.rawValue, actors: v.actors, participating: v.participating, initiatives: v.initiatives, reading: v.reading)
            }
            findings = d.findings.map { FindingRow(code: $0.code, key: $0.isKey, text: $0.text, numbers: $0.numbers, actors: $0.actors, groups: $0.groups) }
            projection = d.projection.map { pr in
                let pids = pr.network.actors.map(\.id)
                return ProjectionEntry(
                    onto: pr.mode.rawValue, weighting: pr.weighting.rawValue, nodes: pr.network.actors.count, tieCount: pr.network.ties.count,
                    ties: pr.network.ties.map { t in
                        .init(
                            source: pids[Int(t.source)], target: pids[Int(t.target)], strength: t.strength,
                            shared: { if case .number(let x)? = t.attributes?["shared"] { return x } else { return 0 } }())
                    })
            }
        }
    }
}

extension String {
    func ifEmpty(_ replacement: String) -> String { isEmpty ? replacement : self }
}
