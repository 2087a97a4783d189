import ArgumentParser
import Coalition
import CoalitionGraph
import CoalitionIO
import Foundation

struct CommunitiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "communities",
        abstract: "Find the clusters the network really has (Leiden or Louvain), and compare them with the groups.",
        discussion: """
        Seeded and deterministic: the same seed gives the same communities on any machine and \
        thread count, and every community is connected. High agreement with --group-by (NMI, \
        adjusted Rand) means the network's real structure follows the ministries or sectors — a \
        silo signal in itself. Opposition ties are left out; directed ties count both ways.

        Examples:
          coalition communities fixtures/healthy-lives-2040/mission.yaml
          coalition communities network.graphml --method louvain --resolution 0.5 --format json
        """)

    @OptionGroup var input: InputOptions
    @OptionGroup var groupingOptions: GroupingOptions

    @Option(help: "leiden or louvain.")
    var method: CommunityMethod = .leiden

    @Option(help: "What to optimise: modularity, or cpm (the Constant Potts Model: communities denser than the resolution).")
    var objective: ObjectiveName = .modularity

    @Option(help: "Resolution: higher finds more, smaller communities (modularity: 1 is standard; cpm: the density threshold).")
    var resolution = 1.0

    @Option(help: "Seed for the random order and choices.")
    var seed: UInt64 = 1

    @Option(help: "Runs from different seeds, keeping the best (default 10 up to 20,000 actors, else 1).")
    var restarts: Int?

    @Flag(help: "Weight ties by strength.")
    var weighted = false

    @OptionGroup var out: OutputOptions

    enum ObjectiveName: String, ExpressibleByArgument, CaseIterable { case modularity, cpm }

    func validate() throws {
        if resolution < 0 || !resolution.isFinite { throw ValidationError("--resolution must be a number ≥ 0") }
        if let restarts, restarts < 1 { throw ValidationError("--restarts must be at least 1") }
    }

    func run() throws {
        let (network, mission) = try loadOrStop(input)
        let grouping = try groupingOptions.grouping(network, mission: mission)
        let g = network.graph().simplified(includeNegative: false)
        let found = g.communities(method: method,
                                  objective: objective == .modularity ? .modularity(resolution: resolution) : .cpm(resolution: resolution),
                                  weighted: weighted, seed: seed, restarts: restarts ?? (g.vertexCount <= 20_000 ? 10 : 1))
        let modularity = g.modularity(of: found.membership, weighted: weighted)
        let nmi = PartitionComparison.normalizedMutualInformation(found.membership, grouping.index)
        let ari = PartitionComparison.adjustedRandIndex(found.membership, grouping.index)
        let ids = network.actors.map(\.id)
        let text: String
        switch out.format {
        case .json:
            text = try jsonString(CommunitiesJSON(
                method: method.rawValue, objective: objective.rawValue, resolution: resolution, seed: seed,
                count: found.count, quality: found.quality, modularity: modularity, nmi: nmi, adjustedRand: ari,
                groupBy: grouping.attribute, splitDisconnected: found.splitDisconnected,
                membership: zip(ids, found.membership).map { .init(id: $0, community: $1) },
                communities: summaries(found, grouping, network)))
        case .csv:
            text = (["id,name,community,group"] + network.actors.indices.map { i in
                [ids[i], network.actors[i].name, String(found.membership[i]), grouping.labels[i]].map(CSVWriter.field).joined(separator: ",")
            }).joined(separator: "\n")
        case .table:
            var out = ["\(found.count) communities by \(method.rawValue) (\(objective.rawValue), resolution \(formatNumber(resolution)), seed \(seed)); modularity \(fixed(modularity, 4))",
                       "Agreement with the \(grouping.attribute) groups: NMI \(fixed(nmi, 3)), adjusted Rand \(fixed(ari, 3))"
                           + (nmi >= 0.6 ? " — the network's structure follows the groups (a silo signal)" : "")]
            if found.splitDisconnected > 0 { out.append("\(found.splitDisconnected) disconnected communit\(found.splitDisconnected == 1 ? "y was" : "ies were") split into connected parts.") }
            out.append("")
            out.append(textTable(["Community", "actors", "main groups", "most central members"],
                                 summaries(found, grouping, network).map { ["\($0.community)", "\($0.size)", $0.groups.prefix(3).map { "\($0.group) \($0.actors)" }.joined(separator: ", "), $0.members.prefix(3).joined(separator: ", ")] }))
            text = out.joined(separator: "\n")
        }
        try emit(text, to: out.output)
    }

    /// Size, group composition and best-connected members of each community.
    func summaries(_ found: Communities, _ grouping: Grouping, _ network: StakeholderNetwork) -> [CommunitiesJSON.Summary] {
        let g = network.graph().simplified(includeNegative: false)
        let degree = g.neighbourCounts()
        return (0 ..< found.count).map { c in
            let members = found.membership.indices.filter { found.membership[$0] == c }
            var composition: [String: Int] = [:]
            for v in members { composition[grouping.labels[v], default: 0] += 1 }
            let groups = composition.map { CommunitiesJSON.GroupCount(group: $0.key, actors: $0.value) }
                .sorted { $0.actors != $1.actors ? $0.actors > $1.actors : $0.group < $1.group }
            let central = members.sorted { degree[$0] != degree[$1] ? degree[$0] > degree[$1] : $0 < $1 }.map { network.actors[$0].id }
            return .init(community: c, size: members.count, groups: groups, members: central)
        }
    }
}

extension CommunityMethod: ExpressibleByArgument {}

struct CommunitiesJSON: Encodable {
    struct Member: Encodable { var id: String; var community: Int }
    struct GroupCount: Encodable { var group: String; var actors: Int }
    struct Summary: Encodable { var community: Int; var size: Int; var groups: [GroupCount]; var members: [String] }
    var method: String
    var objective: String
    var resolution: Double
    var seed: UInt64
    var count: Int
    var quality: Double
    var modularity: Double
    var nmi: Double
    var adjustedRand: Double
    var groupBy: String
    var splitDisconnected: Int
    var membership: [Member]
    var communities: [Summary]
}
