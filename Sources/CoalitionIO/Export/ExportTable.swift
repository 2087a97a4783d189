import Coalition

/// A network laid out as the two tables every writer puts out: one row per actor and one per
/// tie, each with typed columns — the model's fields, the user's attributes, then any computed
/// measures. GraphML, GEXF, the CSV pair and Kumu JSON are all written from this, so they
/// carry the same things under the same names.
///
/// Multi-valued fields (sectors, voices) are joined with `|`, the separator every reader here
/// splits on. A column no row has a value for is left out.
public struct ExportTable: Sendable {
    public enum ColumnType: String, Sendable { case text, double, integer }

    public struct Column: Sendable {
        /// The model's own name (`name`, `kind`, `sector`, …, `strength`); writers rename a few
        /// to their format's convention (`label`, `weight`).
        public var name: String
        public var type: ColumnType
        public var values: [AttributeValue?]
    }

    public var directed: Bool
    public var actorIDs: [String]
    public var actorColumns: [Column]
    /// Each tie's two ends, by actor id.
    public var tieEnds: [(source: String, target: String)]
    public var tieColumns: [Column]

    /// - Parameters:
    ///   - measures: per-actor measures to add as columns (``NetworkAnalysis/measureColumns(directed:)``).
    ///   - tieMeasures: per-tie measures, one value per tie.
    public init(_ network: StakeholderNetwork, measures: [MeasureColumn] = [], tieMeasures: [MeasureColumn] = []) {
        directed = network.isDirected
        let actors = network.actors
        actorIDs = actors.map(\.id)
        func text(_ values: [String?]) -> [AttributeValue?] { values.map { $0.map(AttributeValue.text) } }
        func number(_ values: [Double?]) -> [AttributeValue?] { values.map { $0.map(AttributeValue.number) } }
        func list(_ values: [[String]]) -> [AttributeValue?] { values.map { $0.isEmpty ? nil : .text($0.joined(separator: "|")) } }
        var columns: [Column] = [
            Column(name: "name", type: .text, values: text(actors.map(\.name))),
            Column(name: "kind", type: .text, values: text(actors.map { $0.kind?.rawValue })),
            Column(name: "sector", type: .text, values: list(actors.map(\.sectors))),
            Column(name: "level", type: .text, values: text(actors.map { $0.level?.rawValue })),
            Column(name: "influence", type: .double, values: number(actors.map(\.influence))),
            Column(name: "interest", type: .double, values: number(actors.map(\.interest))),
            Column(name: "stance", type: .text, values: text(actors.map { $0.stance?.rawValue })),
            Column(name: "voices", type: .text, values: list(actors.map(\.voices))),
            Column(name: "commitment", type: .text, values: text(actors.map { $0.commitment?.name })),
            Column(name: "valid_from", type: .text, values: text(actors.map { $0.validity?.from?.description })),
            Column(name: "valid_until", type: .text, values: text(actors.map { $0.validity?.until?.description })),
        ]
        for c in network.actorColumns {
            columns.append(Column(name: c.name, type: c.type == .number ? .double : .text, values: actors.map { $0.attributes[c.name] }))
        }
        actorColumns = Self.appending(measures, to: columns)

        let ties = network.ties
        tieEnds = ties.map { (actors[Int($0.source)].id, actors[Int($0.target)].id) }
        var tieColumns: [Column] = [
            Column(name: "relation", type: .text, values: text(ties.map { $0.relation == .unspecified ? nil : $0.relation.rawValue })),
            Column(name: "strength", type: .double, values: number(ties.map(\.strength))),
            Column(name: "commitment", type: .text, values: text(ties.map { $0.commitment?.name })),
            Column(name: "valid_from", type: .text, values: text(ties.map { $0.validity?.from?.description })),
            Column(name: "valid_until", type: .text, values: text(ties.map { $0.validity?.until?.description })),
        ]
        for c in network.tieColumns {
            tieColumns.append(Column(name: c.name, type: c.type == .number ? .double : .text, values: ties.map { $0.attributes?[c.name] }))
        }
        self.tieColumns = Self.appending(tieMeasures, to: tieColumns)
    }

    /// Measures after the data's own columns; a measure whose name a column already has is
    /// prefixed `coalition_`, so the user's column is never overwritten.
    private static func appending(_ measures: [MeasureColumn], to columns: [Column]) -> [Column] {
        var out = columns.filter { $0.values.contains { $0 != nil } }
        var taken = Set(out.map { ColumnAliases.key($0.name) })
        for m in measures {
            var name = m.name
            if taken.contains(ColumnAliases.key(name)) { name = "coalition_" + name }
            taken.insert(ColumnAliases.key(name))
            out.append(Column(name: name, type: m.integral ? .integer : .double, values: m.values.map { $0.map(AttributeValue.number) }))
        }
        return out
    }
}

extension AttributeValue {
    /// The value as a writer prints it: numbers in the shortest form that reads back exactly.
    var exportText: String { description }
}

// MARK: The portfolio

extension ExportTable {
    /// The portfolio's initiatives as an actors-like table (`id`, `name`, `kind`, `sector`,
    /// `budget`, `status`, dates, the sheet's other columns), for `initiatives.csv`.
    public static func initiatives(_ portfolio: Portfolio) -> ExportTable {
        let xs = portfolio.initiatives
        var columns: [Column] = [
            Column(name: "name", type: .text, values: xs.map { .text($0.name) }),
            Column(name: "kind", type: .text, values: xs.map { $0.kind.map(AttributeValue.text) }),
            Column(name: "sector", type: .text, values: xs.map { $0.sectors.isEmpty ? nil : .text($0.sectors.joined(separator: "|")) }),
            Column(name: "budget", type: .double, values: xs.map { $0.budget.map(AttributeValue.number) }),
            Column(name: "status", type: .text, values: xs.map { $0.status.map(AttributeValue.text) }),
            Column(name: "valid_from", type: .text, values: xs.map { $0.validity?.from.map { .text($0.description) } }),
            Column(name: "valid_until", type: .text, values: xs.map { $0.validity?.until.map { .text($0.description) } }),
        ]
        for c in portfolio.initiativeColumns {
            columns.append(Column(name: c.name, type: c.type == .number ? .double : .text, values: xs.map { $0.attributes[c.name] }))
        }
        return ExportTable(directed: false, actorIDs: xs.map(\.id), actorColumns: columns.filter { $0.values.contains { $0 != nil } }, tieEnds: [], tieColumns: [])
    }

    /// The participations as a ties-like table whose ends are (actor id, initiative id), with
    /// `role`, `commitment`, `budget`, dates and the sheet's other columns.
    public static func affiliations(_ network: StakeholderNetwork) -> ExportTable {
        guard let portfolio = network.portfolio else { return ExportTable(directed: false, actorIDs: [], actorColumns: [], tieEnds: [], tieColumns: []) }
        let xs = portfolio.affiliations
        var columns: [Column] = [
            Column(name: "role", type: .text, values: xs.map { $0.role.map { .text($0.name) } }),
            Column(name: "commitment", type: .text, values: xs.map { $0.commitment.map { .text($0.name) } }),
            Column(name: "budget", type: .double, values: xs.map { $0.budget.map(AttributeValue.number) }),
            Column(name: "valid_from", type: .text, values: xs.map { $0.validity?.from.map { .text($0.description) } }),
            Column(name: "valid_until", type: .text, values: xs.map { $0.validity?.until.map { .text($0.description) } }),
        ]
        for c in portfolio.affiliationColumns {
            columns.append(Column(name: c.name, type: c.type == .number ? .double : .text, values: xs.map { $0.attributes?[c.name] }))
        }
        return ExportTable(
            directed: false, actorIDs: [], actorColumns: [],
            tieEnds: xs.map { (network.actors[Int($0.actor)].id, portfolio.initiatives[Int($0.initiative)].id) },
            tieColumns: columns.filter { $0.values.contains { $0 != nil } })
    }

    /// The two-mode network in one table, as GraphML and GEXF hold it: the actors then the
    /// initiatives, told apart by a `bipartite` column (0 actors, 1 initiatives — networkx's
    /// convention, which Coalition reads back); the ties between actors, then the
    /// participations. A column both modes have (`name`, `kind`, `sector`) is one column.
    public init(twoMode network: StakeholderNetwork, measures: [MeasureColumn] = [], tieMeasures: [MeasureColumn] = []) {
        let actors = ExportTable(network, measures: measures, tieMeasures: tieMeasures)
        guard let portfolio = network.portfolio else {
            self = actors
            return
        }
        let initiatives = Self.initiatives(portfolio), affiliations = Self.affiliations(network)
        let a = actors.actorIDs.count, b = initiatives.actorIDs.count
        let mode = Column(name: "bipartite", type: .integer, values: Array(repeating: .number(0), count: a) + Array(repeating: .number(1), count: b))
        self.init(
            directed: network.isDirected, actorIDs: actors.actorIDs + initiatives.actorIDs,
            actorColumns: [mode] + Self.stacking(actors.actorColumns, a, initiatives.actorColumns, b),
            tieEnds: actors.tieEnds + affiliations.tieEnds,
            tieColumns: Self.stacking(actors.tieColumns, actors.tieEnds.count, affiliations.tieColumns, affiliations.tieEnds.count))
    }

    init(directed: Bool, actorIDs: [String], actorColumns: [Column], tieEnds: [(source: String, target: String)], tieColumns: [Column]) {
        self.directed = directed
        self.actorIDs = actorIDs
        self.actorColumns = actorColumns
        self.tieEnds = tieEnds
        self.tieColumns = tieColumns
    }

    /// The rows of `first` (`a` of them) above those of `second` (`b`), columns matched by
    /// name; a column of differing types becomes text.
    private static func stacking(_ first: [Column], _ a: Int, _ second: [Column], _ b: Int) -> [Column] {
        var out: [Column] = first.map { c in
            guard let other = second.first(where: { $0.name == c.name }) else {
                return Column(name: c.name, type: c.type, values: c.values + Array(repeating: nil, count: b))
            }
            return Column(name: c.name, type: c.type == other.type ? c.type : .text, values: c.values + other.values)
        }
        for c in second where !first.contains(where: { $0.name == c.name }) {
            out.append(Column(name: c.name, type: c.type, values: Array(repeating: nil, count: a) + c.values))
        }
        return out
    }
}
