import CoalitionGraph

/// Whose voices are missing, underrepresented or only consulted — the `voices` command.
public struct VoicesAnalysis: Sendable {
    /// One expected category and what was found for it.
    public struct Category: Sendable {
        public var expected: Mission.ExpectedVoice
        public var actors: [Int]
        public var share: Double
        /// Share of degree (and of PageRank) over share of actors; nil with no actors.
        public var degreeRatio: Double?
        public var pagerankRatio: Double?
        /// Hops from the nearest member to the recommended willing cluster; nil if unreachable.
        public var distanceToWillingCore: Int?
        /// Members only consulted, and members with no tie at all.
        public var consultedOnly: Int
        public var isolated: Int
        public var status: Status
        public var reasons: [String]
        /// A sentence a civil servant could paste into a briefing.
        public var reading: String

        public var label: String { "\(expected.dimension.rawValue): \(expected.value)" }
    }

    public enum Status: String, Sendable {
        case present, underrepresented, missing
        case tooFewToJudge = "too few to judge"
        /// The mission names a kind, level or value no sheet uses and that looks like a typo
        /// of one they do: not judged, since "missing" would be false.
        case notChecked = "not checked"
    }

    public var categories: [Category]
    public var usedDefaultTaxonomy: Bool
    /// Actors with ties none of which commits them: every tie is a consultation relation, or
    /// comes in (a directed tie to the actor).
    public var consultedOnly: [Int]
    public var isolated: [Int]
    public var outsideMainComponent: [Int]

    /// The default categories when the mission names none: ministries, agencies, regional and
    /// local government, business, research (universities and research bodies count), CSOs,
    /// communities; each expected at least once.
    public static let defaultTaxonomy: [Mission.ExpectedVoice] = [
        "ministry", "agency", "regional-government", "local-government", "business", "research", "cso", "community",
    ].map { Mission.ExpectedVoice(dimension: .kind, value: $0, minCount: 1) }

    public init(_ network: StakeholderNetwork, mission: Mission?, willingCore: [Int]) {
        let actors = network.actors
        let n = actors.count
        let expected = mission?.expectedVoices.isEmpty == false ? mission!.expectedVoices : Self.defaultTaxonomy
        usedDefaultTaxonomy = mission?.expectedVoices.isEmpty ?? true
        let g = network.graph().simplified()
        let degree = g.neighbourCounts().map(Double.init)
        let totalDegree = degree.reduce(0, +)
        let pagerank = g.pageRank().values
        // Hops from the willing core over supporting ties, both directions.
        var hops = [Int](repeating: -1, count: n)
        var queue = willingCore
        for v in willingCore { hops[v] = 0 }
        var head = 0
        while head < queue.count {
            let v = queue[head]; head += 1
            for w in Array(g.outNeighbors(of: v)) + (g.isDirected ? Array(g.inNeighbors(of: v)) : []) where hops[Int(w)] < 0 {
                hops[Int(w)] = hops[v] + 1
                queue.append(Int(w))
            }
        }
        // Only consulted: no tie commits the actor. A tie commits both its ends unless its
        // relation is a consultation relation; a directed tie commits its source only. An
        // undirected tie in a directed network is two arcs, so it commits both.
        let consultation = Set(
            mission.map { $0.consultationRelations.map { Relation(parsing: $0) } }.flatMap { $0.isEmpty ? nil : $0 }
                ?? Mission.defaultConsultationRelations)
        var tied = [Bool](repeating: false, count: n), committed = [Bool](repeating: false, count: n)
        for t in network.ties where !t.isOpposition {
            let u = Int(t.source), v = Int(t.target)
            tied[u] = true
            tied[v] = true
            guard !consultation.contains(t.relation) else { continue }
            committed[u] = true
            if !t.isDirected { committed[v] = true }
        }
        consultedOnly = (0..<n).filter { tied[$0] && !committed[$0] }
        isolated = (0..<n).filter { degree[$0] == 0 }
        let consulted = Set(consultedOnly), alone = Set(isolated)
        let mismatches = expected.map { Self.mismatch($0, in: network) }
        categories = zip(expected, mismatches).map { e, mismatch in
            let members = actors.indices.filter { Self.matches(actors[$0], e) }
            let share = n > 0 ? Double(members.count) / Double(n) : 0
            var c = Category(
                expected: e, actors: members, share: share, degreeRatio: nil, pagerankRatio: nil,
                distanceToWillingCore: nil, consultedOnly: members.count { consulted.contains($0) },
                isolated: members.count { alone.contains($0) }, status: .present, reasons: [], reading: "")
            let what = Self.describe(e, members.count)
            if members.isEmpty, let mismatch {
                c.status = .notChecked
                c.reasons = [mismatch]
                c.reading = "\(Self.capitalised(mismatch)): correct expected_voices in the mission file; this voice was not checked."
                return c
            }
            guard !members.isEmpty else {
                c.status = .missing
                c.reasons = ["no actor"]
                c.reading = "No \(Self.describe(e)) is in the coalition: this voice is missing."
                return c
            }
            if share > 0, totalDegree > 0 {
                c.degreeRatio = members.reduce(0.0) { $0 + degree[$1] } / totalDegree / share
                c.pagerankRatio = members.reduce(0.0) { $0 + pagerank[$1] } / share
            }
            let reached = members.compactMap { hops[$0] >= 0 ? hops[$0] : nil }
            c.distanceToWillingCore = willingCore.isEmpty ? nil : reached.min()
            if let minimum = e.minCount, members.count < minimum {
                c.reasons.append("\(members.count) of at least \(minimum) expected")
            }
            if let minimum = e.minShare, share < minimum {
                c.reasons.append("\(Self.percent(share)) of actors against at least \(Self.percent(minimum)) expected")
            }
            // Present in numbers is not heard: half or more only consulted or with no tie at all.
            let unheard = c.consultedOnly + c.isolated
            if unheard * 2 >= members.count && unheard > 0 {
                let parts = [
                    c.consultedOnly > 0 ? (c.isolated > 0 ? "\(c.consultedOnly) only consulted" : "only consulted") : nil,
                    c.isolated > 0 ? (c.consultedOnly > 0 ? "\(c.isolated) without a tie" : "without a tie") : nil,
                ].compactMap { $0 }
                c.reasons.append(
                    members.count == 1
                        ? "its one actor is \(c.isolated > 0 ? "without a tie" : "only consulted")"
                        : "\(unheard == members.count ? "all \(unheard)" : "\(unheard) of its \(members.count)") actors \(Wording.verb(unheard, "is", "are")) \(parts.joined(separator: " and "))")
            }
            let lowRatio = [c.degreeRatio, c.pagerankRatio].compactMap { $0 }.contains { $0 < 0.5 }
            if lowRatio {
                if members.count >= 3 {
                    c.reasons.append(
                        "its share of ties is \(Self.twoDecimals(c.degreeRatio ?? 0)) of its share of actors (PageRank \(Self.twoDecimals(c.pagerankRatio ?? 0)); below 0.5 means it is heard less than its numbers)"
                    )
                } else if c.reasons.isEmpty {
                    c.status = .tooFewToJudge
                    c.reading = "Only \(members.count) \(what) \(members.count == 1 ? "is" : "are") in the coalition: too few to judge whether they are heard."
                    return c
                }
            }
            if !c.reasons.isEmpty {
                c.status = .underrepresented
                c.reading = "\(Self.capitalised(what)) \(members.count == 1 ? "is" : "are") underrepresented: " + c.reasons.joined(separator: "; ") + "."
            } else {
                c.reading = "\(Self.capitalised(what)) \(members.count == 1 ? "is" : "are") present (\(members.count), \(Self.percent(share)) of actors)."
            }
            return c
        }
        let components = g.weakComponents()
        let main = components.largest ?? -1
        outsideMainComponent = (0..<n).filter { Int(components.label[$0]) != main && degree[$0] > 0 }
    }

    /// Whether an actor belongs to an expected voice's category (universities count as research).
    static func matches(_ a: Actor, _ e: Mission.ExpectedVoice) -> Bool {
        switch e.dimension {
        case .kind:
            let k = a.kind?.rawValue ?? ""
            return k == e.value || (e.value == "research" && k == "university")
        case .sector: return a.sectors.contains { $0.lowercased() == e.value.lowercased() }
        case .level: return a.level?.rawValue == e.value
        case .voice: return a.voices.contains(e.value)
        }
    }

    /// Why an expected voice cannot be judged as written: a kind or level that does not exist,
    /// or a value no sheet uses that is a likely typo of one they do (`tenant` for `tenants`).
    /// Nil when the value is known, or simply absent from the sheets (a missing voice).
    public static func mismatch(_ e: Mission.ExpectedVoice, in network: StakeholderNetwork) -> String? {
        let actors = network.actors
        func check(_ used: Set<String>, known: [String], what: String) -> String? {
            let value = e.dimension == .sector ? e.value.lowercased() : e.value
            if used.contains(value) { return nil }
            let candidates = (Set(known).union(used)).sorted()
            let nearest = Suggestions.closest(to: value, in: candidates)
            if !known.isEmpty && !known.contains(value) {
                return "\(what) \"\(e.value)\" is not a \(what) Coalition knows\(nearest.map { " (did you mean \"\($0)\"?)" } ?? "; known: \(known.joined(separator: ", "))")"
            }
            guard let nearest, nearest != value else { return nil }
            return "no sheet uses the \(what) \"\(e.value)\", but the sheets use \"\(nearest)\" (did you mean \"\(nearest)\"?)"
        }
        switch e.dimension {
        case .kind:
            let used = Set(actors.compactMap { $0.kind?.rawValue })
            return check(used, known: ActorKind.known.map(\.rawValue) + ["research"] + used, what: "kind")
        case .level:
            return check(Set(actors.compactMap { $0.level?.rawValue }), known: Level.allCases.map(\.rawValue), what: "level")
        case .sector:
            return check(Set(actors.flatMap { $0.sectors.map { $0.lowercased() } }), known: [], what: "sector")
        case .voice:
            return check(Set(actors.flatMap(\.voices)), known: [], what: "voice")
        }
    }

    /// The category as a noun phrase agreeing with `count` ("1 community group", "no actor
    /// speaking for youth", "3 actors in the health sector").
    static func describe(_ e: Mission.ExpectedVoice, _ count: Int = 1) -> String {
        let one = count == 1
        switch e.dimension {
        case .kind:
            let names: [String: (String, String)] = [
                "research": ("research body or university", "research bodies and universities"),
                "cso": ("civil-society organisation", "civil-society organisations"),
                "regional-government": ("regional government", "regional governments"),
                "local-government": ("local government", "local governments"),
                "community": ("community group", "community groups"),
                "international": ("international body", "international bodies"),
                "business": ("business", "businesses"), "person": ("individual", "individuals"),
            ]
            let (singular, plural) = names[e.value] ?? (e.value, Wording.plural(of: e.value))
            return one ? singular : plural
        case .sector: return "\(one ? "actor" : "actors") in the \(e.value) sector"
        case .level: return "\(one ? "actor" : "actors") at \(e.value) level"
        case .voice: return "\(one ? "actor" : "actors") speaking for \(e.value)"
        }
    }

    static func percent(_ x: Double) -> String { "\(Int((x * 100).rounded())) %" }
    static func twoDecimals(_ x: Double) -> String {
        let r = (x * 100).rounded() / 100
        let s = String(r)
        return s.contains(".") && s.split(separator: ".")[1].count == 1 ? s + "0" : s
    }
    static func capitalised(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }
}
