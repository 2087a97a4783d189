import Coalition
import CoalitionGraph

/// The choices analyses share, in one value, so that every front end asking the same question
/// gets the same answer: the CLI's commands, the briefing pack and any program using the library.
public struct AnalysisSettings: Sendable, Hashable {
    /// The attribute whose values are the groups (silos, brokerage, diagrams); nil: the mission's
    /// `group_by`, else `sector`.
    public var groupBy: String?
    /// With a multi-valued attribute, refuse (true) rather than use each actor's first value.
    public var requireSingleGroup = false
    /// The willing network's threshold; nil: the mission's `willing.min_commitment`, else pledged.
    public var minCommitment: Commitment?
    /// Use tie strength in the measures, the silo analysis and community detection.
    public var weighted = false
    /// Permutations of the E-I test.
    public var permutations = 5000
    /// The one seed of every random choice: sampling, permutations, community detection, splits.
    public var seed: UInt64 = 1
    /// Threads for the shortest-path measures (results are the same on any number).
    public var threads: Int?
    /// Above this many actors, betweenness, harmonic and closeness are estimated from
    /// `samples` sampled sources.
    public var exactLimit = 25_000
    public var samples = 1_000
    /// The portfolio's participations that count (`--roles`); nil: every role.
    public var roles: Set<ParticipationRole>?
    /// How participations become ties for the one-mode analyses; nil: the mission's
    /// `projection`, else `add`.
    public var projection: PortfolioTies.Combination?
    /// Weights of those ties (default Newman's).
    public var projectionWeighting: ProjectionWeighting = .newman
    /// Initiatives with more members give no ties (`--max-initiative-size`).
    public var maxInitiativeSize = PortfolioTies.defaultMaxInitiativeSize

    public init() {}
}

/// How `communities` looks for clusters; the defaults are those of the community column that
/// `convert --with-metrics` adds.
public struct CommunitySettings: Sendable, Hashable {
    public enum Objective: String, Sendable, CaseIterable { case modularity, cpm }
    public var method = CommunityMethod.leiden
    public var objective = Objective.modularity
    /// Modularity: 1 is standard; CPM: the density threshold.
    public var resolution = 1.0
    /// Runs from different seeds, keeping the best; nil: 10 up to 20,000 actors, else 1.
    public var restarts: Int?
    /// Passes of Leiden or Louvain in each run, each from the last partition (igraph's
    /// `n_iterations`); nil: until the quality stops improving.
    public var iterations: Int?

    public init() {}
}
