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
        public var status: Status
        public var reasons: [String]
        /// A sentence a civil servant could paste into a briefing.
        public var reading: String

        public var label: String { "\(expected.dimension.rawValue): \(expected.value)" }
    }

    public enum Status: String, Sendable { case present, underrepresented, missing, tooFewToJudge = "too few to judge" }

    public var categories: [Category]
    public var usedDefaultTaxonomy: Bool
    /// Actors who only receive ties (directed) or whose only ties are consultation relations.
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
        func matches(_ a: Actor, _ e: Mission.ExpectedVoice) -> Bool {
            switch e.dimension {
            case .kind:
                let k = a.kind?.rawValue ?? ""
                return k == e.value || (e.value == "research" && k == "university")
            case .sector: return a.sectors.contains { $0.lowercased() == e.value.lowercased() }
            case .level: return a.level?.rawValue == e.value
            case .voice: return a.voices.contains(e.value)
            }
        }
        categories = expected.map { e in
            let members = actors.indices.filter { matches(actors[$0], e) }
            let share = n > 0 ? Double(members.count) / Double(n) : 0
            var c = Category(
                expected: e, actors: members, share: share, degreeRatio: nil, pagerankRatio: nil,
                distanceToWillingCore: nil, status: .present, reasons: [], reading: "")
            let what = Self.describe(e)
            guard !members.isEmpty else {
                c.status = .missing
                c.reasons = ["no actor"]
                c.reading = "No \(what) is in the coalition: this voice is missing."
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
        // Consulted only: in a directed network, ties come in and none go out; or every tie
        // is of a relation the mission marks as consultation.
        let consultation = Set((mission?.consultationRelations ?? []).map { Relation(parsing: $0) })
        var relations = [[Relation]](repeating: [], count: n)
        var incoming = [Int](repeating: 0, count: n), outgoing = [Int](repeating: 0, count: n)
        for t in network.ties where !t.isOpposition {
            relations[Int(t.source)].append(t.relation)
            relations[Int(t.target)].append(t.relation)
            if t.isDirected { outgoing[Int(t.source)] += 1; incoming[Int(t.target)] += 1 }
        }
        consultedOnly = (0..<n).filter { v in
            let byDirection = network.isDirected && incoming[v] > 0 && outgoing[v] == 0
            let byRelation = !consultation.isEmpty && !relations[v].isEmpty && relations[v].allSatisfy { consultation.contains($0) }
            return byDirection || byRelation
        }
        isolated = (0..<n).filter { degree[$0] == 0 }
        let components = g.weakComponents()
        let main = components.largest ?? -1
        outsideMainComponent = (0..<n).filter { Int(components.label[$0]) != main && degree[$0] > 0 }
    }

    static func describe(_ e: Mission.ExpectedVoice) -> String {
        switch e.dimension {
        case .kind:
            let names = [
                "ministry": "ministry", "agency": "agency", "regional-government": "regional government",
                "local-government": "local government", "business": "business", "research": "research body or university",
                "university": "university", "cso": "civil-society organisation", "community": "community group",
                "funder": "funder", "international": "international body",
            ]
            return names[e.value] ?? e.value
        case .sector: return "actor in the \(e.value) sector"
        case .level: return "actor at \(e.value) level"
        case .voice: return "actor speaking for \(e.value)"
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
