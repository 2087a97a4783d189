import CoalitionGraph

/// Where the coalition works in silos, and who could bridge them: the `silos` command.
///
/// Runs on the supporting network (opposition ties left out, ties of several relations between
/// one pair counted once), grouped by one attribute with one group per actor.
public struct SiloAnalysis: Sendable {
    public struct Options: Sendable {
        public var permutations = 5000
        public var seed: UInt64 = 1
        public var weighted = false
        public var communityMethod = CommunityMethod.leiden
        public var resolution = 1.0
        public var restarts: Int?
        /// Missing bridges: least expected ties, and the false-discovery level.
        public var minimumExpected = 3.0
        public var alpha = 0.05
        public var candidates = 5
        /// Bridgers and candidates are found for this many missing bridges, the most surprising
        /// first (a network of 100,000 actors in 400 groups can have tens of thousands).
        public var detailedBridges = 1_000
        /// The sources of the betweenness that breaks ties between equally placed bridgers and
        /// candidates; nil: every actor up to 2,000 actors, else 256 sampled (exact all-pairs
        /// paths were most of the analysis on 10,000 actors).
        public var betweennessSources: SourceSelection?
        public init() {}
    }

    public struct Group: Sendable {
        public var group: String
        public var size: Int
        public var internalTies: Double
        public var externalTies: Double
        public var eiIndex: Double?
        public var eiRescaled: Double?
        /// One-sided permutation p-value (more inward-looking than chance), and after
        /// Benjamini–Hochberg across groups.
        public var eiPValue: Double
        public var eiAdjustedPValue: Double
        public var internalDensity: Double?
    }

    public struct Bridger: Sendable {
        public var actor: Int
        /// Pairs (one actor on each side) the actor joins in two steps.
        public var pairs: Int
        /// gatekeeper or representative (the actor is on one side), liaison (on neither).
        public var role: String
        public var betweenness: Double
    }

    public struct Candidate: Sendable {
        public var actor: Int
        public var score: Double
        public var reason: String
        public var betweenness: Double
    }

    public struct MissingBridge: Sendable {
        public var groups: (Int, Int)
        public var ties: Int
        public var expectedTies: Double
        public var pValue: Double
        public var adjustedPValue: Double
        public var bridgers: [Bridger]
        public var candidates: [Candidate]
    }

    public struct MinistryPair: Sendable {
        public var ministries: (Int, Int)
        public var directTies: Int
        /// Actors tied to both, public bodies first.
        public var intermediaries: [Int]
    }

    public struct Government: Sendable {
        public var publicBodies: Int
        /// E-I among public bodies only, grouped the same way.
        public var eiIndex: Double?
        public var ministryPairs: [MinistryPair]
        /// Ministry pairs with neither a direct tie nor a shared contact.
        public var unconnectedMinistryPairs: [(Int, Int)]
        /// Ties between public bodies by level pair ("national–local": 12), sorted.
        public var tiesByLevel: [(levels: String, ties: Int)]
    }

    public var grouping: Grouping
    public var groups: [Group]
    public var networkEI: Double?
    public var networkEIRescaled: Double?
    public var networkEIPValue: Double
    public var assortativity: Double?
    public var groupModularity: Double
    /// Tie counts, mixing fractions e_ab and block densities, in `grouping.groups` order.
    public var mixingTies: [[Double]]
    public var mixingFractions: [[Double]]
    public var blockDensity: [[Double?]]
    public var actorEI: [Double?]
    public var missingBridges: [MissingBridge]
    public var communities: Communities
    public var communitiesNMI: Double
    public var communitiesARI: Double
    public var government: Government
    public var permutations: Int
    /// Sampled sources of the betweenness that orders bridgers and candidates; nil: exact.
    public var betweennessSampledSources: Int?
    /// How many missing bridges have their bridgers and candidates (the first ones).
    public var detailedBridges: Int
    public static let nullModel =
        "Expected ties between two groups = K_a·K_b/2m, K being the groups' total degree and m the number of ties (the configuration model: ties placed at random, each actor keeping its degree). A pair is a missing bridge when at least 3 ties are expected and the Poisson probability of seeing as few as observed is below 0.05 after Benjamini–Hochberg correction over all pairs of groups."

    /// What a silos diagram draws: each group's E-I index and the missing bridges between
    /// groups — no permutations, paths, bridgers or communities.
    public struct Outline: Sendable {
        public var grouping: Grouping
        public var eiIndex: [Double?]
        /// Pairs of groups, most surprising first.
        public var missingBridges: [(Int, Int)]

        public init(_ network: StakeholderNetwork, grouping: Grouping, options: Options = .init()) {
            let g = network.graph().simplified(includeNegative: false)
            self.grouping = grouping
            eiIndex = GroupMeasures(g, groups: grouping.index, weighted: options.weighted).groupEI
            missingBridges = SiloAnalysis.bridgeTest(SiloAnalysis.undirectedNeighbours(g), grouping, options).map(\.groups)
        }

        init(grouping: Grouping, eiIndex: [Double?], missingBridges: [(Int, Int)]) {
            self.grouping = grouping
            self.eiIndex = eiIndex
            self.missingBridges = missingBridges
        }
    }

    /// The outline of this analysis.
    public var outline: Outline { Outline(grouping: grouping, eiIndex: groups.map(\.eiIndex), missingBridges: missingBridges.map(\.groups)) }

    public init(_ network: StakeholderNetwork, grouping: Grouping, options: Options = .init()) {
        let g = network.graph().simplified(includeNegative: false)
        let n = g.vertexCount
        self.grouping = grouping
        permutations = options.permutations
        let measures = GroupMeasures(g, groups: grouping.index, weighted: options.weighted)
        let test = g.eiPermutationTest(groups: grouping.index, permutations: options.permutations, seed: options.seed)
        let adjusted = Statistics.benjaminiHochberg(test.groups)
        groups = grouping.groups.indices.map { a in
            Group(
                group: grouping.groups[a], size: measures.sizes[a], internalTies: measures.groupInternal[a],
                externalTies: measures.groupExternal[a], eiIndex: measures.groupEI[a], eiRescaled: measures.groupEIRescaled[a],
                eiPValue: test.groups[a], eiAdjustedPValue: adjusted[a], internalDensity: measures.density[a][a])
        }
        networkEI = measures.ei
        networkEIRescaled = measures.eiRescaled
        networkEIPValue = test.network
        assortativity = measures.assortativity
        groupModularity = g.modularity(of: grouping.index, weighted: options.weighted)
        mixingTies = measures.ties
        mixingFractions = measures.mixing
        blockDensity = measures.density
        actorEI = measures.actorEI

        let sources = options.betweennessSources ?? (n > 2_000 ? .sample(count: 256, seed: options.seed) : .all)
        let paths = g.pathMeasures(length: options.weighted ? .inverseWeight : .hops, sources: sources, edgeBetweenness: false)
        if case .sample(let count, _) = sources, count < n { betweennessSampledSources = count }
        let neighbours = Self.undirectedNeighbours(g)
        missingBridges = Self.missingBridges(g, neighbours, grouping, paths.betweenness, network, options)
        detailedBridges = min(missingBridges.count, options.detailedBridges)
        let restarts = options.restarts ?? Communities.defaultRuns(vertexCount: n)
        communities = g.communities(
            method: options.communityMethod, objective: .modularity(resolution: options.resolution),
            weighted: options.weighted, seed: options.seed, restarts: restarts)
        communitiesNMI = PartitionComparison.normalizedMutualInformation(communities.membership, grouping.index)
        communitiesARI = PartitionComparison.adjustedRandIndex(communities.membership, grouping.index)
        government = Self.government(network, g, neighbours, grouping)
    }

    /// Each vertex's distinct neighbours in either direction, sorted.
    static func undirectedNeighbours(_ g: Graph) -> [[Int]] {
        (0..<g.vertexCount).map { v in
            var all = (Array(g.outNeighbors(of: v)) + (g.isDirected ? Array(g.inNeighbors(of: v)) : [])).map(Int.init)
            all.sort()
            var unique: [Int] = []
            for w in all where w != v && unique.last != w { unique.append(w) }
            return unique
        }
    }

    static func missingBridges(
        _ g: Graph, _ neighbours: [[Int]], _ grouping: Grouping,
        _ betweenness: [Double], _ network: StakeholderNetwork, _ options: Options
    ) -> [MissingBridge] {
        var result = bridgeTest(neighbours, grouping, options)
        let detailed = min(result.count, options.detailedBridges)
        guard detailed > 0 else { return result }
        let contacts = GroupContacts(neighbours, grouping)
        var scratch = (intoA: [Int32](repeating: 0, count: g.vertexCount), intoB: [Int32](repeating: 0, count: g.vertexCount))
        for i in 0..<detailed {
            let (a, b) = result[i].groups
            result[i].bridgers = bridgers(a, b, contacts, grouping, betweenness)
            result[i].candidates = candidates(a, b, neighbours, contacts, grouping, betweenness, network, options.candidates, scratch: &scratch)
        }
        return result
    }

    /// The pairs of groups with significantly fewer ties than the configuration model expects,
    /// most surprising first, without their bridgers and candidates.
    static func bridgeTest(_ neighbours: [[Int]], _ grouping: Grouping, _ options: Options) -> [MissingBridge] {
        let k = grouping.groups.count
        // Undirected view: ties between groups and total degree per group.
        var between = [[Int]](repeating: [Int](repeating: 0, count: k), count: k)
        var degree = [Double](repeating: 0, count: k)
        var ties = 0
        for v in neighbours.indices {
            for w in neighbours[v] where w > v {
                let a = grouping.index[v], b = grouping.index[w]
                between[a][b] += 1
                if a != b { between[b][a] += 1 }
                degree[a] += 1
                degree[b] += 1
                ties += 1
            }
        }
        guard ties > 0 else { return [] }
        var pairs: [(Int, Int, Double, Double)] = []
        for a in 0..<k {
            for b in a + 1..<k {
                let expected = degree[a] * degree[b] / Double(2 * ties)
                pairs.append((a, b, expected, Statistics.poissonLowerTail(between[a][b], mean: expected)))
            }
        }
        let adjusted = Statistics.benjaminiHochberg(pairs.map(\.3))
        var result: [MissingBridge] = []
        for (i, (a, b, expected, p)) in pairs.enumerated() where expected >= options.minimumExpected && adjusted[i] < options.alpha {
            result.append(MissingBridge(groups: (a, b), ties: between[a][b], expectedTies: expected, pValue: p, adjustedPValue: adjusted[i], bridgers: [], candidates: []))
        }
        // Most surprising first: the smallest chance of so few ties (2 where 57 are expected
        // before 0 where 5 are), then the lowest share of the expected, then the groups' order.
        result.sort { x, y in
            let rx = Double(x.ties) / x.expectedTies, ry = Double(y.ties) / y.expectedTies
            if x.pValue != y.pValue { return x.pValue < y.pValue }
            return rx != ry ? rx < ry : (x.groups.0, x.groups.1) < (y.groups.0, y.groups.1)
        }
        return result
    }

    /// For every group, the actors with contacts in it and how many, in actor order: the
    /// sides of every missing bridge come from these lists instead of a pass over every actor.
    struct GroupContacts {
        var actors: [[Int32]]
        var counts: [[Int32]]
        var members: [[Int32]]

        init(_ neighbours: [[Int]], _ grouping: Grouping) {
            let k = grouping.groups.count
            actors = Array(repeating: [], count: k)
            counts = Array(repeating: [], count: k)
            members = Array(repeating: [], count: k)
            var seen = [Int32](repeating: 0, count: k)
            var touched: [Int] = []
            for v in neighbours.indices {
                members[grouping.index[v]].append(Int32(v))
                for w in neighbours[v] {
                    let x = grouping.index[w]
                    if seen[x] == 0 { touched.append(x) }
                    seen[x] += 1
                }
                for x in touched {
                    actors[x].append(Int32(v)); counts[x].append(seen[x])
                    seen[x] = 0
                }
                touched.removeAll(keepingCapacity: true)
            }
        }
    }

    /// Actors tied to both sides today, by the number of cross pairs they join.
    static func bridgers(_ a: Int, _ b: Int, _ contacts: GroupContacts, _ grouping: Grouping, _ betweenness: [Double]) -> [Bridger] {
        var out: [Bridger] = []
        let xa = contacts.actors[a], xb = contacts.actors[b]
        var i = 0, j = 0
        while i < xa.count && j < xb.count {
            if xa[i] < xb[j] { i += 1; continue }
            if xb[j] < xa[i] { j += 1; continue }
            let v = Int(xa[i]), own = grouping.index[v]
            let role = own == a ? "representative of \(grouping.groups[a])" : own == b ? "representative of \(grouping.groups[b])" : "liaison"
            out.append(Bridger(actor: v, pairs: Int(contacts.counts[a][i]) * Int(contacts.counts[b][j]), role: role, betweenness: betweenness[v]))
            i += 1; j += 1
        }
        return out.sorted { $0.pairs != $1.pairs ? $0.pairs > $1.pairs : ($0.betweenness != $1.betweenness ? $0.betweenness > $1.betweenness : $0.actor < $1.actor) }
    }

    /// Actors one new tie away from bridging a and b: tied to one side (or a member of it) and
    /// with contacts who work with the other. Score: (direct + ½·via) on each side, multiplied.
    /// Only members of the two groups and their contacts can score, so only they are visited.
    /// `intoA` and `intoB` (zero on entry and on return) hold each actor's ties into a and b
    /// while the bridge is scored.
    static func candidates(
        _ a: Int, _ b: Int, _ neighbours: [[Int]], _ contacts: GroupContacts, _ grouping: Grouping, _ betweenness: [Double],
        _ network: StakeholderNetwork, _ limit: Int, scratch: inout (intoA: [Int32], intoB: [Int32])
    ) -> [Candidate] {
        let nameA = grouping.groups[a], nameB = grouping.groups[b]
        for (i, v) in contacts.actors[a].enumerated() { scratch.intoA[Int(v)] = contacts.counts[a][i] }
        for (i, v) in contacts.actors[b].enumerated() { scratch.intoB[Int(v)] = contacts.counts[b][i] }
        defer {
            for v in contacts.actors[a] { scratch.intoA[Int(v)] = 0 }
            for v in contacts.actors[b] { scratch.intoB[Int(v)] = 0 }
        }
        struct Scored { var actor: Int; var score: Double; var directA: Int; var directB: Int; var viaA: Int; var viaB: Int }
        func first(_ x: Scored, _ y: Scored) -> Bool {
            x.score != y.score ? x.score > y.score : (betweenness[x.actor] != betweenness[y.actor] ? betweenness[x.actor] > betweenness[y.actor] : x.actor < y.actor)
        }
        // The best `limit` so far, best first: most actors score, few are kept.
        var out: [Scored] = []
        func consider(_ x: Scored) {
            guard out.count < limit || first(x, out[out.count - 1]) else { return }
            let at = out.firstIndex { first(x, $0) } ?? out.count
            out.insert(x, at: at)
            if out.count > limit { out.removeLast() }
        }
        func score(_ v: Int, _ own: Int) {
            let directA = Int(scratch.intoA[v]), directB = Int(scratch.intoB[v])
            if directA > 0 && directB > 0 { return }  // already a bridge
            var viaA = 0, viaB = 0
            for w in neighbours[v] {
                let gw = grouping.index[w]
                if gw != a && scratch.intoA[w] > 0 { viaA += 1 }
                if gw != b && scratch.intoB[w] > 0 { viaB += 1 }
            }
            let sideA = Double(directA) + 0.5 * Double(viaA) + (own == a ? 1 : 0)
            let sideB = Double(directB) + 0.5 * Double(viaB) + (own == b ? 1 : 0)
            let score = sideA * sideB
            guard score > 0, directA + directB > 0 || own == a || own == b else { return }
            consider(Scored(actor: v, score: score, directA: directA, directB: directB, viaA: viaA, viaB: viaB))
        }
        // Members of either group, and actors with a tie into either; each once (members of a
        // with ties into b are in both lists).
        let lists = [contacts.actors[a], contacts.actors[b], contacts.members[a], contacts.members[b]]
        for (l, list) in lists.enumerated() {
            for v32 in list {
                let v = Int(v32), own = grouping.index[v]
                let earlier = (l >= 1 && scratch.intoA[v] > 0) || (l >= 2 && scratch.intoB[v] > 0) || (l == 3 && own == a)
                if earlier { continue }
                score(v, own)
            }
        }
        // The reasons, for those kept only.
        return out.map { c in
            var parts: [String] = []
            if c.directA > 0 { parts.append("tied to \(Wording.count(c.directA, "actor")) in \(nameA)") }
            if c.directB > 0 { parts.append("tied to \(Wording.count(c.directB, "actor")) in \(nameB)") }
            if c.viaA > 0 && c.directA == 0 { parts.append("\(c.viaA) of its contacts work\(c.viaA == 1 ? "s" : "") with \(nameA)") }
            if c.viaB > 0 && c.directB == 0 { parts.append("\(c.viaB) of its contacts work\(c.viaB == 1 ? "s" : "") with \(nameB)") }
            let reason =
                "\(network.actors[c.actor].name) (\(grouping.groups[grouping.index[c.actor]])): " + parts.joined(separator: "; ")
                + " — one introduction would join the two sides."
            return Candidate(actor: c.actor, score: c.score, reason: reason, betweenness: betweenness[c.actor])
        }
    }

    static func government(_ network: StakeholderNetwork, _ g: Graph, _ neighbours: [[Int]], _ grouping: Grouping) -> Government {
        let isPublic = network.actors.map { $0.kind?.isPublicBody == true }
        let publicBodies = (0..<network.actors.count).filter { isPublic[$0] }
        // E-I among public bodies only.
        var builder = GraphBuilder(vertexCount: publicBodies.count, isDirected: false)
        var position = [Int: Int]()
        for (i, v) in publicBodies.enumerated() { position[v] = i }
        var levelTies: [String: Int] = [:]
        for v in publicBodies {
            for w in neighbours[v] where w > v && isPublic[w] {
                builder.addEdge(position[v]!, position[w]!)
                let levels = [network.actors[v].level?.rawValue ?? "unknown level", network.actors[w].level?.rawValue ?? "unknown level"].sorted()
                levelTies["\(levels[0])–\(levels[1])", default: 0] += 1
            }
        }
        let sub = builder.build()
        let ei = publicBodies.isEmpty ? nil : GroupMeasures(sub, groups: publicBodies.map { grouping.index[$0] }).ei
        let ministries = publicBodies.filter { network.actors[$0].kind == .ministry }
        // Direct supporting ties per ministry pair, in one pass over the ties (a pass per pair
        // took 85 s with the 150 ministries of a 10,000-actor network).
        let isMinistry = network.actors.map { $0.kind == .ministry }
        var directTies: [Int: Int] = [:]
        let n = network.actors.count
        for t in network.writtenTies where !t.isOpposition && isMinistry[Int(t.source)] && isMinistry[Int(t.target)] {
            let a = Int(min(t.source, t.target)), b = Int(max(t.source, t.target))
            directTies[a * n + b, default: 0] += 1
        }
        var pairs: [MinistryPair] = []
        var unconnected: [(Int, Int)] = []
        for (i, x) in ministries.enumerated() {
            for y in ministries[(i + 1)...] {
                let direct = directTies[min(x, y) * n + max(x, y)] ?? 0
                // Both lists are sorted: their common actors by one merge.
                var shared: [Int] = []
                var i = 0, j = 0
                let nx = neighbours[x], ny = neighbours[y]
                while i < nx.count && j < ny.count {
                    if nx[i] < ny[j] { i += 1 } else if ny[j] < nx[i] { j += 1 } else { shared.append(nx[i]); i += 1; j += 1 }
                }
                let intermediaries = shared.sorted { (isPublic[$0] ? 0 : 1, $0) < (isPublic[$1] ? 0 : 1, $1) }
                pairs.append(MinistryPair(ministries: (x, y), directTies: direct, intermediaries: intermediaries))
                if direct == 0 && intermediaries.isEmpty { unconnected.append((x, y)) }
            }
        }
        return Government(
            publicBodies: publicBodies.count, eiIndex: ei, ministryPairs: pairs,
            unconnectedMinistryPairs: unconnected,
            tiesByLevel: levelTies.map { ($0.key, $0.value) }.sorted { $0.levels < $1.levels })
    }
}
