import Coalition
import CoalitionGraph
import CoalitionIO
import Foundation

/// `silos`: groups, E-I, mixing, missing bridges, communities against groups, government
/// coordination. The pack's `data/groups.csv` is this document's table.
public struct SilosDocument: Document {
    public let silos: SiloAnalysis
    public let network: StakeholderNetwork

    public init(_ silos: SiloAnalysis, _ network: StakeholderNetwork) {
        self.silos = silos
        self.network = network
    }

    public var table: Table? {
        func num(_ x: Double?) -> String { x.map { String($0) } ?? "" }
        return Table(
            ["group", "size", "internalTies", "externalTies", "eiIndex", "eiRescaled", "eiPValue", "eiAdjustedPValue", "internalDensity"],
            silos.groups.map { g in
                [
                    g.group, String(g.size), num(g.internalTies), num(g.externalTies), num(g.eiIndex),
                    num(g.eiRescaled), num(g.eiPValue), num(g.eiAdjustedPValue), num(g.internalDensity),
                ]
            })
    }

    public var text: String {
        let s = silos
        let name = { (v: Int) in network.actors[v].name }
        func opt(_ x: Double?, _ digits: Int = 3) -> String { x.map { NumberStyle.fixed($0, digits) } ?? "–" }
        var out: [String] = []
        out.append("Groups by \(s.grouping.attribute): \(s.groups.count)\(s.grouping.usedFirstOfSeveral ? " (actors with several values counted by their first)" : "")")
        out.append(
            "E-I index \(opt(s.networkEI)) (−1: all ties inside groups, +1: all between); rescaled \(opt(s.networkEIRescaled)); permutation p = \(NumberStyle.fixed(s.networkEIPValue, 4)) (\(s.permutations) permutations)"
        )
        out.append("Assortativity \(opt(s.assortativity)); modularity of the grouping \(NumberStyle.fixed(s.groupModularity, 3))")
        out.append("")
        let ranked = s.groups.sorted { ($0.eiIndex ?? 2) != ($1.eiIndex ?? 2) ? ($0.eiIndex ?? 2) < ($1.eiIndex ?? 2) : $0.group < $1.group }
        out.append(
            Table(
                ["Group (most inward first)", "actors", "inside", "across", "E-I", "rescaled", "p (BH)"],
                ranked.map {
                    [
                        $0.group, "\($0.size)", NumberStyle.rounded($0.internalTies, 2), NumberStyle.rounded($0.externalTies, 2),
                        opt($0.eiIndex), opt($0.eiRescaled), NumberStyle.fixed($0.eiAdjustedPValue, 4),
                    ]
                }
            ).text)
        out.append(contentsOf: Self.readingTheTable(ranked, groups: s.groups.count, permutations: s.permutations))
        out.append("")
        if s.missingBridges.isEmpty {
            out.append("Missing bridges: none (no pair of groups has significantly fewer ties than expected).")
        } else {
            out.append("Missing bridges (\(s.missingBridges.count)):")
            // A national network can have hundreds: the text reads the most surprising, the
            // JSON keeps them all.
            for (rank, bridge) in s.missingBridges.prefix(Self.bridgesInText).enumerated() {
                let a = s.grouping.groups[bridge.groups.0], b = s.grouping.groups[bridge.groups.1]
                out.append(
                    "- \(a) – \(b): \(bridge.ties) tie\(bridge.ties == 1 ? "" : "s") where \(NumberStyle.fixed(bridge.expectedTies, 1)) were expected (p = \(String(format: "%.2g", bridge.adjustedPValue)) after correction)"
                )
                if rank >= s.detailedBridges { continue }
                if let top = bridge.bridgers.first {
                    out.append(
                        "  bridging today: "
                            + bridge.bridgers.prefix(3).map { "\(name($0.actor)) (\($0.pairs) pair\($0.pairs == 1 ? "" : "s"), \($0.role))" }.joined(separator: "; ")
                            + (top.pairs > 0 ? "" : ""))
                } else {
                    out.append("  bridging today: nobody is tied to both")
                }
                for c in bridge.candidates.prefix(3) { out.append("  could bridge: \(c.reason)") }
            }
            if s.missingBridges.count > Self.bridgesInText {
                out.append("… and \(s.missingBridges.count - Self.bridgesInText) more, less surprising (--format json lists every one with its bridgers and candidates).")
            }
            let roles = s.missingBridges.prefix(Self.bridgesInText).flatMap { $0.bridgers.prefix(3).map(\.role) }
            out.append(
                "Reading the bridges: expected ties are what the two groups' numbers of tie ends predict if ties formed at random; "
                    + "a pair counts the actors on both sides it links through the bridger"
                    + (roles.contains { $0.hasPrefix("representative") } ? "; representative of X: the bridger belongs to X and carries its ties to the other group" : "")
                    + (roles.contains("liaison") ? "; liaison: the bridger belongs to neither group" : "") + ".")
            if s.detailedBridges < min(s.missingBridges.count, Self.bridgesInText) {
                out.append("Bridgers and candidates are named for the first \(NumberStyle.count(s.detailedBridges, "missing bridge")), the most surprising.")
            }
            if let sources = s.betweennessSampledSources {
                out.append(
                    "Bridgers with as many pairs, and candidates with the same score, are ordered by betweenness estimated from \(NumberStyle.count(sources, "sampled source")) (Brandes & Pich 2007).")
            }
        }
        out.append("")
        out.append(
            "Clusters found in the ties (\(s.communities.count) Leiden communities, best of \(NumberStyle.count(s.communities.runs, "run")), modularity \(NumberStyle.fixed(s.communities.quality, 3))): agreement with the \(s.grouping.attribute) groups NMI \(NumberStyle.fixed(s.communitiesNMI, 3)), adjusted Rand \(NumberStyle.fixed(s.communitiesARI, 3))\(s.communitiesNMI >= 0.6 ? " — the network's real structure follows the groups: a silo signal" : s.communitiesNMI < 0.3 ? " — the clusters cut across the groups" : " — the clusters follow the groups in part")"
        )
        out.append("  NMI (normalised mutual information): how much an actor's \(s.grouping.attribute) tells about its cluster; 0 nothing, 1 the clusters are the groups.")
        out.append("  Adjusted Rand: how often two actors are together, or apart, both in the clusters and in the groups, beyond chance; 0 chance, 1 the same split.")
        out.append("")
        let gov = s.government
        out.append("Government coordination (\(gov.publicBodies) public bodies; E-I among them \(opt(gov.eiIndex))):")
        for pair in gov.ministryPairs {
            let (x, y) = pair.ministries
            let via = pair.intermediaries.prefix(3).map(name).joined(separator: ", ") + (pair.intermediaries.count > 3 ? ", …" : "")
            let text =
                pair.directTies > 0
                ? "direct tie" + (pair.intermediaries.isEmpty ? "" : "; also through \(via)")
                : pair.intermediaries.isEmpty ? "no tie, no shared contact" : "only through \(via)"
            out.append("- \(name(x)) – \(name(y)): \(text)")
        }
        if !gov.tiesByLevel.isEmpty {
            out.append("Ties between public bodies by level: " + gov.tiesByLevel.map { "\($0.levels) \($0.ties)" }.joined(separator: ", "))
        }
        out.append("")
        out.append("Null model: \(SiloAnalysis.nullModel)")
        return out.joined(separator: "\n")
    }

    /// The groups table in words, under it: what E-I, rescaled and p say, with the first group
    /// that is inward against chance though its E-I is positive as the example.
    static func readingTheTable(_ ranked: [SiloAnalysis.Group], groups: Int, permutations: Int) -> [String] {
        var lines = [
            "Reading the table: E-I is (ties across − ties inside) ÷ the group's ties; −1 every tie stays inside, +1 every tie crosses.",
            "  rescaled: E-I on the range the group's size allows (−1 as inward as it could be, +1 as outward); a small group has few partners inside, so its raw E-I leans outward by arithmetic alone.",
            "  p (BH): how often \(NumberStyle.count(permutations, "random relabelling")) that keep the group sizes leave the group as inward as it is, adjusted for testing \(groups) groups (Benjamini–Hochberg); a small p means inward relative to chance.",
        ]
        if let g = ranked.first(where: { ($0.eiIndex ?? -1) >= 0 && $0.eiAdjustedPValue < 0.05 }) {
            lines.append(
                "  So \(g.group), E-I \(NumberStyle.fixed(g.eiIndex ?? 0, 3)) with p \(NumberStyle.fixed(g.eiAdjustedPValue, 4)), has more ties across than inside, yet more inside than random mixing would give.")
        }
        return lines
    }

    /// Missing bridges the text shows, with who bridges them and who could.
    static let bridgesInText = 30

    enum Keys: String, CodingKey {
        case groupBy, groups, network, missingBridges, communities, government, nullModel, mixing, actors
        case group, size, internalTies, externalTies, eiIndex, eiRescaled, eiPValue, eiAdjustedPValue, internalDensity
        case eiPermutations, eiRescaledIndex, eiPValueNetwork, assortativity, groupModularity
        case order, ties, fractions, density, id, ei
        case ties_, expectedTies, pValue, adjustedPValue, bridgers, candidates, pairs, role, betweenness, score, reason
        case membership, community, modularity, nmi, adjustedRand, count, method, runs, splitDisconnected
        case publicBodies, ministryPairs, ministries, directTies, intermediaries, unconnectedMinistryPairs, tiesByLevel, levels
        case attribute, usedFirstOfSeveral
        case betweennessSampledSources, detailedBridges
    }

    public func encode(to encoder: Encoder) throws {
        let ids = network.actors.map(\.id)
        let s = silos
        var top = encoder.container(keyedBy: Keys.self)
        var gb = top.nestedContainer(keyedBy: Keys.self, forKey: .groupBy)
        try gb.encode(s.grouping.attribute, forKey: .attribute)
        try gb.encode(s.grouping.usedFirstOfSeveral, forKey: .usedFirstOfSeveral)
        var groups = top.nestedUnkeyedContainer(forKey: .groups)
        for g in s.groups {
            var c = groups.nestedContainer(keyedBy: Keys.self)
            try c.encode(g.group, forKey: .group)
            try c.encode(g.size, forKey: .size)
            try c.encode(g.internalTies, forKey: .internalTies)
            try c.encode(g.externalTies, forKey: .externalTies)
            try c.encode(g.eiIndex, forKey: .eiIndex)
            try c.encode(g.eiRescaled, forKey: .eiRescaled)
            try c.encode(g.eiPValue, forKey: .eiPValue)
            try c.encode(g.eiAdjustedPValue, forKey: .eiAdjustedPValue)
            try c.encode(g.internalDensity, forKey: .internalDensity)
        }
        var net = top.nestedContainer(keyedBy: Keys.self, forKey: .network)
        try net.encode(s.networkEI, forKey: .eiIndex)
        try net.encode(s.networkEIRescaled, forKey: .eiRescaled)
        try net.encode(s.networkEIPValue, forKey: .eiPValue)
        try net.encode(s.permutations, forKey: .eiPermutations)
        try net.encode(s.assortativity, forKey: .assortativity)
        try net.encode(s.groupModularity, forKey: .groupModularity)
        var mixing = top.nestedContainer(keyedBy: Keys.self, forKey: .mixing)
        try mixing.encode(s.grouping.groups, forKey: .order)
        try mixing.encode(s.mixingTies, forKey: .ties)
        try mixing.encode(s.mixingFractions, forKey: .fractions)
        try mixing.encode(s.blockDensity, forKey: .density)
        var actors = top.nestedUnkeyedContainer(forKey: .actors)
        for (i, ei) in s.actorEI.enumerated() {
            var c = actors.nestedContainer(keyedBy: Keys.self)
            try c.encode(ids[i], forKey: .id)
            try c.encode(s.grouping.labels[i], forKey: .group)
            try c.encode(ei, forKey: .eiIndex)
        }
        try top.encodeIfPresent(s.betweennessSampledSources, forKey: .betweennessSampledSources)
        if s.detailedBridges < s.missingBridges.count { try top.encode(s.detailedBridges, forKey: .detailedBridges) }
        var bridges = top.nestedUnkeyedContainer(forKey: .missingBridges)
        for b in s.missingBridges {
            var c = bridges.nestedContainer(keyedBy: Keys.self)
            try c.encode([s.grouping.groups[b.groups.0], s.grouping.groups[b.groups.1]], forKey: .groups)
            try c.encode(b.ties, forKey: .ties)
            try c.encode(b.expectedTies, forKey: .expectedTies)
            try c.encode(b.pValue, forKey: .pValue)
            try c.encode(b.adjustedPValue, forKey: .adjustedPValue)
            var bridgers = c.nestedUnkeyedContainer(forKey: .bridgers)
            for x in b.bridgers {
                var e = bridgers.nestedContainer(keyedBy: Keys.self)
                try e.encode(ids[x.actor], forKey: .id)
                try e.encode(x.pairs, forKey: .pairs)
                try e.encode(x.role, forKey: .role)
                try e.encode(x.betweenness, forKey: .betweenness)
            }
            var candidates = c.nestedUnkeyedContainer(forKey: .candidates)
            for x in b.candidates {
                var e = candidates.nestedContainer(keyedBy: Keys.self)
                try e.encode(ids[x.actor], forKey: .id)
                try e.encode(x.score, forKey: .score)
                try e.encode(x.reason, forKey: .reason)
                try e.encode(x.betweenness, forKey: .betweenness)
            }
        }
        var comm = top.nestedContainer(keyedBy: Keys.self, forKey: .communities)
        try comm.encode(CommunityMethod.leiden.rawValue, forKey: .method)
        try comm.encode(s.communities.runs, forKey: .runs)
        try comm.encode(s.communities.count, forKey: .count)
        try comm.encode(s.communities.quality, forKey: .modularity)
        try comm.encode(s.communitiesNMI, forKey: .nmi)
        try comm.encode(s.communitiesARI, forKey: .adjustedRand)
        var membership = comm.nestedUnkeyedContainer(forKey: .membership)
        for (i, c) in s.communities.membership.enumerated() {
            var e = membership.nestedContainer(keyedBy: Keys.self)
            try e.encode(ids[i], forKey: .id)
            try e.encode(c, forKey: .community)
        }
        var gov = top.nestedContainer(keyedBy: Keys.self, forKey: .government)
        try gov.encode(s.government.publicBodies, forKey: .publicBodies)
        try gov.encode(s.government.eiIndex, forKey: .eiIndex)
        var pairs = gov.nestedUnkeyedContainer(forKey: .ministryPairs)
        for p in s.government.ministryPairs {
            var e = pairs.nestedContainer(keyedBy: Keys.self)
            try e.encode([ids[p.ministries.0], ids[p.ministries.1]], forKey: .ministries)
            try e.encode(p.directTies, forKey: .directTies)
            try e.encode(p.intermediaries.map { ids[$0] }, forKey: .intermediaries)
        }
        try gov.encode(s.government.unconnectedMinistryPairs.map { [ids[$0.0], ids[$0.1]] }, forKey: .unconnectedMinistryPairs)
        var levels = gov.nestedUnkeyedContainer(forKey: .tiesByLevel)
        for l in s.government.tiesByLevel {
            var e = levels.nestedContainer(keyedBy: Keys.self)
            try e.encode(l.levels, forKey: .levels)
            try e.encode(l.ties, forKey: .ties)
        }
        try top.encode(SiloAnalysis.nullModel, forKey: .nullModel)
    }
}
