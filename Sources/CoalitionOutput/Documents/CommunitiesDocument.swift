import Coalition
import CoalitionGraph
import CoalitionIO
import Foundation

/// `communities`: the clusters the network really has, and how far they follow the groups.
public struct CommunitiesDocument: Document {
    public struct Member: Encodable, Sendable { public var id: String; public var community: Int }
    public struct GroupCount: Encodable, Sendable { public var group: String; public var actors: Int }
    /// Size, group composition and best-connected members (most ties first) of one community.
    public struct Summary: Encodable, Sendable { public var community: Int; public var size: Int; public var groups: [GroupCount]; public var members: [String] }

    public var method: String
    public var objective: String
    public var resolution: Double
    public var seed: UInt64
    /// Runs from different seeds, the best kept.
    public var runs: Int
    /// Passes of each run (each from the last partition); nil: until the quality stops improving.
    public var iterations: Int?
    public var count: Int
    public var quality: Double
    public var modularity: Double
    public var nmi: Double
    public var adjustedRand: Double
    public var groupBy: String
    public var splitDisconnected: Int
    public var membership: [Member]
    public var communities: [Summary]
    private var names: [String]
    private var groupLabels: [String]
    private var directed: Bool

    enum CodingKeys: String, CodingKey {
        case method, objective, resolution, seed, runs, iterations, count, quality, modularity, nmi, adjustedRand, groupBy, splitDisconnected, membership, communities
    }

    public init(
        _ found: Communities, settings: CommunitySettings, seed: UInt64, weighted: Bool, grouping: Grouping,
        network: StakeholderNetwork, graph g: Graph
    ) {
        let ids = network.actors.map(\.id)
        method = settings.method.rawValue
        objective = settings.objective.rawValue
        resolution = settings.resolution
        self.seed = seed
        runs = found.runs
        iterations = settings.iterations
        count = found.count
        quality = found.quality
        modularity = g.modularity(of: found.membership, weighted: weighted)
        nmi = PartitionComparison.normalizedMutualInformation(found.membership, grouping.index)
        adjustedRand = PartitionComparison.adjustedRandIndex(found.membership, grouping.index)
        groupBy = grouping.attribute
        splitDisconnected = found.splitDisconnected
        membership = zip(ids, found.membership).map { Member(id: $0, community: $1) }
        names = network.actors.map(\.name)
        groupLabels = grouping.labels
        directed = g.isDirected
        let degree = g.neighbourCounts()
        // Members of every community in one pass (a filter per community was quadratic: thousands
        // of communities at 100,000 actors).
        var byCommunity = [[Int]](repeating: [], count: found.count)
        for (v, c) in found.membership.enumerated() { byCommunity[c].append(v) }
        communities = (0..<found.count).map { c in
            let members = byCommunity[c]
            var composition: [String: Int] = [:]
            for v in members { composition[grouping.labels[v], default: 0] += 1 }
            let groups = composition.map { GroupCount(group: $0.key, actors: $0.value) }
                .sorted { $0.actors != $1.actors ? $0.actors > $1.actors : $0.group < $1.group }
            let central = members.sorted { degree[$0] != degree[$1] ? degree[$0] > degree[$1] : $0 < $1 }.map { ids[$0] }
            return Summary(community: c, size: members.count, groups: groups, members: central)
        }
    }

    public var table: Table? {
        Table(
            ["id", "name", "community", "group"],
            membership.indices.map { i in
                [membership[i].id, names[i], String(membership[i].community), groupLabels[i]]
            })
    }

    public var text: String {
        var out = [
            "\(count) communities by \(method) (\(objective), resolution \(NumberStyle.plain(resolution)), best of \(NumberStyle.count(runs, "run")) from seed \(seed)\(iterations.map { ", \(NumberStyle.count($0, "iteration")) each" } ?? "")); "
                + (objective == CommunitySettings.Objective.modularity.rawValue && directed
                    ? "modularity \(NumberStyle.fixed(quality, 4)) on the ties taken both ways (what is optimised), \(NumberStyle.fixed(modularity, 4)) directed"
                    : "modularity \(NumberStyle.fixed(modularity, 4))"),
            "Agreement with the \(groupBy) groups: NMI \(NumberStyle.fixed(nmi, 3)), adjusted Rand \(NumberStyle.fixed(adjustedRand, 3))"
                + (nmi >= 0.6 ? " — the network's structure follows the groups (a silo signal)" : ""),
        ]
        if splitDisconnected > 0 { out.append("\(splitDisconnected) disconnected communit\(splitDisconnected == 1 ? "y was" : "ies were") split into connected parts.") }
        out.append("")
        out.append(
            Table(
                ["Community", "actors", "main groups", "most central members"],
                communities.map {
                    ["\($0.community)", "\($0.size)", $0.groups.prefix(3).map { "\($0.group) \($0.actors)" }.joined(separator: ", "), $0.members.prefix(3).joined(separator: ", ")]
                }
            ).text)
        return out.joined(separator: "\n")
    }
}
