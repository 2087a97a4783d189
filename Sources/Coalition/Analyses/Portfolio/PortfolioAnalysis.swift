import CoalitionGraph

/// The mission portfolio analysed as a two-mode network — the `portfolio` command: who takes
/// part in which initiative, which initiatives span sectors, which sectors never meet, who
/// holds the portfolio together, and whose voices take part.
public struct PortfolioAnalysis: Sendable {
    public struct Options: Sendable {
        /// Only these roles' participations count (`--roles`); nil: all.
        public var roles: Set<ParticipationRole>?
        /// Above this many actors and initiatives together, closeness and betweenness are
        /// estimated from `samples` sources.
        public var exactLimit: Int
        public var samples: Int
        public var seed: UInt64
        public var threads: Int
        public init(roles: Set<ParticipationRole>? = nil, exactLimit: Int = 25_000, samples: Int = 1_000, seed: UInt64 = 1, threads: Int = Graph.defaultThreadCount) {
            self.roles = roles
            self.exactLimit = exactLimit
            self.samples = samples
            self.seed = seed
            self.threads = threads
        }
    }

    /// One initiative as its members make it up.
    public struct Profile: Sendable {
        public var members: [Int]
        /// The groups (sectors, unless the mission groups otherwise) its members come from,
        /// the most represented first; members without one are not counted.
        public var sectors: [String]
        public var kinds: [String]
        public var levels: [String]
        /// Members from two sectors or more: the mission criterion that an initiative demands
        /// something of more than one sector.
        public var crossSectoral: Bool
        /// Its leads, in sheet order (co-leads are common).
        public var leads: [Int]
        /// Whether a civil-society organisation or a community group takes part.
        public var withCivilSociety: Bool
        /// The participations' budgets added up; nil when none gives one.
        public var pledged: Double?
    }

    /// An expected voice checked against the portfolio: do actors of that category take part?
    public struct VoiceCheck: Sendable {
        public enum Status: String, Sendable { case present, underrepresented, missing }
        public var expected: Mission.ExpectedVoice
        /// Actors of the category, and those of them that take part in an initiative.
        public var actors: Int
        public var participating: Int
        /// Initiatives with at least one of them.
        public var initiatives: Int
        public var status: Status
        public var reading: String
    }

    public var options: Options
    /// The attribute sectors are read from (`sector`, or the mission's `group_by`).
    public var groupedBy: String
    /// Two-mode measures; vertex i < actors is actor i, then initiative i is vertex actors + i.
    public var measures: TwoModeMeasures
    public var actorCount: Int
    public var profiles: [Profile]
    /// Initiatives with members from two sectors or more, over initiatives with any member
    /// that has a sector; nil when there are none.
    public var crossSectoralShare: Double?
    /// Pairs of sectors (each with participating actors) no initiative brings together.
    public var sectorPairsWithoutInitiative: [(String, String)]
    /// Sectors with actors none of whom takes part in an initiative.
    public var sectorsOutsidePortfolio: [String]
    /// Actors in two initiatives or more who lie on the most paths between others of the
    /// portfolio (two-mode betweenness), the most central first.
    public var connectors: [Int]
    /// Actors in exactly one initiative, and actors in none.
    public var inOneInitiative: [Int]
    public var outsidePortfolio: [Int]
    /// Initiatives with members and no civil-society organisation or community group.
    public var withoutCivilSociety: [Int]
    public var withoutLead: [Int]
    /// Separate parts of the portfolio: initiatives no chain of shared members joins, the
    /// largest part first (each part's initiatives, in order).
    public var parts: [[Int]]
    public var voices: [VoiceCheck]
    public var usedDefaultTaxonomy: Bool

    /// How many connectors are named.
    public static let connectorCount = 5

    public init(_ network: StakeholderNetwork, mission: Mission?, grouping: Grouping, options: Options = .init()) {
        let portfolio = network.portfolio ?? Portfolio(initiatives: [], affiliations: [])
        let n = network.actors.count, m = portfolio.initiatives.count
        self.options = options
        groupedBy = grouping.attribute
        actorCount = n
        let g = portfolio.graph(actorCount: n, roles: options.roles)
        let firstMode = (0..<(n + m)).map { $0 < n }
        let sampled = n + m > options.exactLimit && options.samples < n + m
        measures = TwoModeMeasures(
            g, firstMode: firstMode, sources: sampled ? .sample(count: options.samples, seed: options.seed) : .all, threads: options.threads)
        let members = portfolio.members(roles: options.roles).map { $0.map(Int.init) }
        let actors = network.actors
        func sector(_ a: Int) -> String? {
            let label = grouping.labels[a]
            return label == Grouping.none ? nil : label
        }
        var leads = [[Int]](repeating: [], count: m)
        var pledged = [Double?](repeating: nil, count: m)
        for a in portfolio.affiliations(roles: options.roles) {
            if a.role == .lead { leads[Int(a.initiative)].append(Int(a.actor)) }
            if let b = a.budget { pledged[Int(a.initiative)] = (pledged[Int(a.initiative)] ?? 0) + b }
        }
        func ranked(_ values: [String]) -> [String] {
            var count: [String: Int] = [:]
            for v in values { count[v, default: 0] += 1 }
            return count.keys.sorted { (count[$0]!, $1) > (count[$1]!, $0) }
        }
        profiles = (0..<m).map { i in
            let these = members[i]
            let sectors = ranked(these.compactMap(sector))
            return Profile(
                members: these, sectors: sectors, kinds: ranked(these.compactMap { actors[$0].kind?.rawValue }),
                levels: ranked(these.compactMap { actors[$0].level?.rawValue }), crossSectoral: sectors.count >= 2, leads: leads[i],
                withCivilSociety: these.contains { actors[$0].kind == .cso || actors[$0].kind == .community }, pledged: pledged[i])
        }
        let judged = profiles.filter { !$0.sectors.isEmpty }
        crossSectoralShare = judged.isEmpty ? nil : Double(judged.count { $0.crossSectoral }) / Double(judged.count)
        // Sector pairs: which sectors meet in some initiative.
        let participating = Set(members.joined())
        let present = Set(participating.compactMap(sector)).sorted()
        var met = Set<String>()
        for p in profiles {
            for (i, a) in p.sectors.sorted().enumerated() {
                for b in p.sectors.sorted()[(i + 1)...] { met.insert(a + "\u{0}" + b) }
            }
        }
        var pairs: [(String, String)] = []
        for (i, a) in present.enumerated() {
            for b in present[(i + 1)...] where !met.contains(a + "\u{0}" + b) { pairs.append((a, b)) }
        }
        sectorPairsWithoutInitiative = pairs
        sectorsOutsidePortfolio = Set((0..<n).compactMap(sector)).subtracting(present).sorted()
        let degree = Array(measures.degree[0..<n])
        let betweenness = measures.betweenness, profiles = self.profiles
        connectors = Array(
            (0..<n).filter { degree[$0] >= 2 && betweenness[$0] > 0 }
                .sorted { (betweenness[$0], degree[$0], $1) > (betweenness[$1], degree[$1], $0) }
                .prefix(Self.connectorCount))
        inOneInitiative = (0..<n).filter { degree[$0] == 1 }
        outsidePortfolio = (0..<n).filter { degree[$0] == 0 }
        withoutCivilSociety = (0..<m).filter { !profiles[$0].members.isEmpty && !profiles[$0].withCivilSociety }
        withoutLead = (0..<m).filter { !profiles[$0].members.isEmpty && profiles[$0].leads.isEmpty }
        // Parts: components of the two-mode graph, counted by their initiatives.
        let components = g.weakComponents()
        var byComponent: [Int32: [Int]] = [:]
        for i in 0..<m where !members[i].isEmpty { byComponent[components.label[n + i], default: []].append(i) }
        parts = byComponent.values.sorted { ($0.count, $1[0]) > ($1.count, $0[0]) }
        // Expected voices, as the voices analysis names them.
        let expected = mission?.expectedVoices.isEmpty == false ? mission!.expectedVoices : VoicesAnalysis.defaultTaxonomy
        usedDefaultTaxonomy = mission?.expectedVoices.isEmpty ?? true
        var initiativesOf = [[Int]](repeating: [], count: n)
        for (i, these) in members.enumerated() { for a in these { initiativesOf[a].append(i) } }
        voices = expected.map { e in
            let category = (0..<n).filter { VoicesAnalysis.matches(actors[$0], e) }
            let taking = category.filter { degree[$0] > 0 }
            let reach = Set(taking.flatMap { initiativesOf[$0] })
            let what = VoicesAnalysis.describe(e, taking.count)
            let status: VoiceCheck.Status
            let reading: String
            if taking.isEmpty {
                status = .missing
                reading =
                    category.isEmpty
                    ? "No \(VoicesAnalysis.describe(e)) is among the actors, so none takes part in an initiative."
                    : "\(Wording.count(category.count, VoicesAnalysis.describe(e, 1), plural: VoicesAnalysis.describe(e, 2))) \(Wording.verb(category.count, "is", "are")) among the actors, but none takes part in an initiative."
            } else if let minimum = e.minCount, taking.count < minimum {
                status = .underrepresented
                reading = "Only \(taking.count) \(what) \(Wording.verb(taking.count, "takes", "take")) part in initiatives, fewer than the \(minimum) the mission expects."
            } else if let minimum = e.minShare, participating.count > 0, Double(taking.count) / Double(participating.count) < minimum {
                status = .underrepresented
                reading = "\(VoicesAnalysis.capitalised(what)) make up \(VoicesAnalysis.percent(Double(taking.count) / Double(participating.count))) of the participants, below the \(VoicesAnalysis.percent(minimum)) the mission expects."
            } else {
                status = .present
                reading = "\(taking.count) \(what) \(Wording.verb(taking.count, "takes", "take")) part, in \(Wording.count(reach.count, "initiative"))."
            }
            return VoiceCheck(expected: e, actors: category.count, participating: taking.count, initiatives: reach.count, status: status, reading: reading)
        }
    }

    /// Initiatives with members, the parts the portfolio falls into, and participations counted.
    public var participations: Int { profiles.reduce(0) { $0 + $1.members.count } }

    /// The ties the actor projection has at most: Σ k(k − 1)/2 over initiatives of k members
    /// (pairs that share several initiatives count once per initiative).
    public var projectionPairs: Int { profiles.reduce(0) { $0 + $1.members.count * ($1.members.count - 1) / 2 } }
}
