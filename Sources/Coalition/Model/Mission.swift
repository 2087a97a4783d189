/// A mission and where its stakeholder data lives, as read from `mission.yaml`.
public struct Mission: Sendable {
    public var name: String
    public var goal: String?
    public var targetYear: Int?
    /// When the sheets were true, `YYYY-MM-DD` as written. Reports print it.
    public var dataDate: String?
    public var source: String?
    /// Sheets and files, relative to the mission file's folder.
    public var actorsFile: String?
    public var tiesFile: String?
    /// One GraphML, GEXF or Coalition JSON file instead of the two sheets.
    public var networkFile: String?
    /// The portfolio's sheets: who takes part in which initiative, and the initiatives.
    public var affiliationsFile: String?
    public var initiativesFile: String?
    /// How the portfolio's shared initiatives combine with direct ties in the one-mode analyses.
    public var projection: PortfolioTies.Combination?
    public var directed: Bool?
    public var merge: MergePolicy?
    /// The attribute that defines silos (sector by default).
    public var groupBy: String?
    /// Where each key's value was written (`"group_by"`, `"actors"`, …), for messages about it.
    public var locations: [String: SourceLocation] = [:]
    public var willing = Willing()
    public var expectedVoices: [ExpectedVoice] = []
    /// Relations that only consult (the actor is asked, not involved); empty means
    /// ``defaultConsultationRelations``.
    public var consultationRelations: [String] = []
    public static let defaultConsultationRelations: [Relation] = [.information, .consultation]
    /// Columns that must not leave the organisation (dropped from external reports).
    public var sensitiveColumns: [String] = []
    /// The portfolio's columns an external pack may show, which it otherwise leaves out:
    /// ``PortfolioColumn/role`` (who leads) and ``PortfolioColumn/budget`` (who pays).
    public var publicColumns: Set<PortfolioColumn> = []

    /// What of the portfolio is negotiated rather than published, unless the mission says so.
    public enum PortfolioColumn: String, Sendable, Hashable, CaseIterable {
        case role, budget
    }
    /// Finding codes an external pack leaves out, besides the sensitive ones (`external:
    /// {omit: [silos.unconnected-ministries]}`); a next step's code leaves that step out.
    public var externalOmit: [String] = []
    /// Whether actors include named people (pseudonymised in external reports).
    public var personalData = false
    /// Earlier survey waves, oldest first; the mission's own data is the current wave.
    public var waves: [Wave] = []
    /// Named what-if scenarios: who leaves (`scenarios:`).
    public var scenarios: [Scenario] = []

    /// A what-if scenario: the actors named, and every actor of the kinds and sectors named,
    /// leave the coalition.
    public struct Scenario: Sendable, Hashable {
        public var name: String
        public var remove: [String] = []
        public var removeKinds: [String] = []
        public var removeSectors: [String] = []
        /// Where the mission file lists it.
        public var location: SourceLocation?
        public init(name: String, remove: [String] = [], removeKinds: [String] = [], removeSectors: [String] = [], location: SourceLocation? = nil) {
            self.name = name
            self.remove = remove
            self.removeKinds = removeKinds
            self.removeSectors = removeSectors
            self.location = location
        }
    }

    /// A survey wave: a label and where its data is — another mission file, two sheets, or one
    /// network file. Written relative to the mission file's folder; once the mission is loaded,
    /// resolved against it.
    public struct Wave: Sendable, Hashable {
        public var label: String
        public var mission: String?
        public var actors: String?
        public var ties: String?
        public var network: String?
        /// Where the mission file lists the wave.
        public var location: SourceLocation?
        public init(label: String, mission: String? = nil, actors: String? = nil, ties: String? = nil, network: String? = nil, location: SourceLocation? = nil) {
            self.label = label
            self.mission = mission
            self.actors = actors
            self.ties = ties
            self.network = network
            self.location = location
        }
        /// The files to open, in the order the loader takes them.
        public var files: [String] { [mission, network, actors, ties].compactMap { $0 } }
    }

    public init(name: String) { self.name = name }

    public struct Willing: Sendable {
        public var minCommitment: Commitment?
        /// Weights of the cluster score's parts (size, density, commitment, influence,
        /// diversity, criteria); missing parts keep their defaults.
        public var weights: [String: Double] = [:]
        public init(minCommitment: Commitment? = nil) { self.minCommitment = minCommitment }
    }

    /// A voice the mission expects to hear: a category of actors and the least presence that
    /// counts as heard.
    public struct ExpectedVoice: Sendable, Hashable {
        public enum Dimension: String, Sendable, CaseIterable { case kind, sector, level, voice }
        public var dimension: Dimension
        public var value: String
        public var minCount: Int?
        public var minShare: Double?
        /// Where the mission file names the value, for warnings about it.
        public var location: SourceLocation?
        public init(dimension: Dimension, value: String, minCount: Int? = nil, minShare: Double? = nil, location: SourceLocation? = nil) {
            self.dimension = dimension
            self.value = value
            self.minCount = minCount
            self.minShare = minShare
            self.location = location
        }

        /// The same voice wherever the mission file names it.
        public static func == (a: Self, b: Self) -> Bool {
            (a.dimension, a.value, a.minCount, a.minShare) == (b.dimension, b.value, b.minCount, b.minShare)
        }
        public func hash(into h: inout Hasher) {
            h.combine(dimension)
            h.combine(value)
            h.combine(minCount)
            h.combine(minShare)
        }
    }

    /// A file-name-safe slug of the name ("Healthy Longer Lives 2040" → "healthy-longer-lives-2040").
    public var slug: String {
        var out = ""
        for ch in name.lowercased() {
            if ch.isLetter || ch.isNumber, ch.isASCII { out.append(ch) } else if !out.isEmpty && out.last != "-" { out.append("-") }
        }
        while out.last == "-" { out.removeLast() }
        return out.isEmpty ? "mission" : out
    }
}
