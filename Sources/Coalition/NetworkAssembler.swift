/// Options that decide how records become a network.
public struct AssemblyOptions: Sendable {
    /// Every tie without an explicit undirected/mutual marking becomes an arc source → target.
    public var forceDirected: Bool
    public var merge: MergePolicy
    /// Ties may name actors that no actors sheet declares; they are created from the tie
    /// (used when the input is a ties sheet alone).
    public var actorsFromTies: Bool

    public init(forceDirected: Bool = false, merge: MergePolicy = .sum, actorsFromTies: Bool = false) {
        self.forceDirected = forceDirected
        self.merge = merge
        self.actorsFromTies = actorsFromTies
    }
}

/// Turns actor and tie records from any input format into a ``StakeholderNetwork``,
/// applying the model's rules and reporting every problem with its location.
///
/// Rules: ids are unique and non-empty; ties name known actors; no self-loops; strengths are
/// positive numbers; vocabulary columns (commitment, stance, level) take their known values;
/// repeated ties between the same pair with the same relation are merged (ties of different
/// relations never are); a network is directed when asked to be or when any tie is marked
/// directed, and then undirected ties become two reciprocal arcs.
///
/// Feed all actors before the ties that name them.
public struct NetworkAssembler {
    public private(set) var diagnostics = DiagnosticLog()
    public let options: AssemblyOptions

    private var actors: [Actor] = []
    private var actorLocations: [SourceLocation] = []
    private var index: [String: Int32] = [:]
    private var actorColumns = ColumnTyper()
    private var tieColumns = ColumnTyper()

    private var ties: [PendingTie] = []
    private var files: [String] = []
    private var fileNumbers: [String: Int32] = [:]
    private var unknownActorReports = 0

    public init(options: AssemblyOptions = .init()) {
        self.options = options
    }

    public var actorCount: Int { actors.count }

    /// Reserves room for an expected number of ties (a hint only).
    public mutating func reserveTies(_ count: Int) { ties.reserveCapacity(count) }

    public mutating func note(_ d: Diagnostic) { diagnostics.append(d) }

    /// Declares a column where the format states it (JSON's column list): columns keep the
    /// declared order, and a column declared text stays text even when every value looks like
    /// a number ("007").
    public mutating func declareColumn(_ name: String, of role: ColumnOwner, as type: AttributeType) {
        switch role {
        case .actors: actorColumns.declare(name, type)
        case .ties: tieColumns.declare(name, type)
        }
    }

    public enum ColumnOwner: Sendable { case actors, ties }

    // MARK: Actors

    public mutating func add(_ r: ActorRecord) {
        let idCell = r.id ?? r.name
        guard let idCell, case let id = idCell.text.trimmingWhitespace(), !id.isEmpty else {
            diagnostics.error(.emptyID, at: idCell?.location ?? r.location, "actor has an empty id; every actor needs a unique id")
            return
        }
        if let first = index[id] {
            diagnostics.error(.duplicateActor, at: idCell.location,
                              "duplicate actor id \"\(id)\" (first defined at \(actorLocations[Int(first)]))")
            return
        }
        var actor = Actor(id: id)
        if let name = r.name?.text.trimmingWhitespace(), !name.isEmpty { actor.name = name }
        if let cell = r.kind { actor.kind = kind(cell) }
        if let cell = r.sector { actor.sectors = splitList(cell.text, r.conventions.listSeparators) }
        if let cell = nonEmpty(r.level) {
            actor.level = vocabulary(cell, { Level(parsing: $0) }, Level.allCases.map(\.rawValue), "level", .badLevel)
        }
        if let cell = nonEmpty(r.influence) { actor.influence = score(cell, "influence", r.conventions) }
        if let cell = nonEmpty(r.interest) { actor.interest = score(cell, "interest", r.conventions) }
        if let cell = nonEmpty(r.stance) {
            actor.stance = vocabulary(cell, { Stance(parsing: $0) }, Stance.allCases.map(\.rawValue), "stance", .badStance)
        }
        if let cell = r.voices {
            actor.voices = splitList(cell.text, r.conventions.listSeparators).map(normalizedToken)
        }
        if let cell = nonEmpty(r.commitment) { actor.commitment = commitment(cell) }
        for (column, cell) in r.extra {
            if let value = actorColumns.record(column, cell.text, r.conventions) { actor.attributes[column] = value }
        }
        index[id] = Int32(actors.count)
        actors.append(actor)
        actorLocations.append(idCell.location)
    }

    private mutating func kind(_ cell: Cell) -> ActorKind? {
        let kind = ActorKind(parsing: cell.text)
        if kind.rawValue.isEmpty { return nil }
        if !kind.isKnown {
            let known = ActorKind.known.map(\.rawValue)
            let hint = closestMatch(to: kind.rawValue, in: known).map { "did you mean \"\($0)\"?" }
                ?? "known kinds: \(known.joined(separator: ", "))"
            diagnostics.warning(.unknownKind, at: cell.location, "unknown kind \"\(kind.rawValue)\", kept as written; \(hint)")
        }
        return kind
    }

    private mutating func score(_ cell: Cell, _ what: String, _ conventions: CellConventions) -> Double? {
        guard let x = parseNumber(cell.text, conventions), x >= 0, x <= 5 else {
            diagnostics.error(.badScore, at: cell.location, "\(what) must be a number from 0 to 5, found \"\(cell.text)\"")
            return nil
        }
        return x
    }

    private mutating func commitment(_ cell: Cell) -> Commitment? {
        vocabulary(cell, { Commitment(parsing: $0) }, Commitment.allCases.map(\.name) + ["0–4"], "commitment level", .badCommitment)
    }

    private mutating func vocabulary<T>(_ cell: Cell, _ parse: (String) -> T?, _ allowed: [String],
                                        _ what: String, _ code: Diagnostic.Code) -> T? {
        if let value = parse(cell.text) { return value }
        let hint = closestMatch(to: normalizedToken(cell.text), in: allowed).map { "did you mean \"\($0)\"? " } ?? ""
        diagnostics.error(code, at: cell.location,
                          "unknown \(what) \"\(cell.text)\"; \(hint)expected one of: \(allowed.joined(separator: ", "))")
        return nil
    }

    // MARK: Ties

    public mutating func add(_ r: TieRecord) {
        guard let sourceCell = nonEmpty(r.source), let targetCell = nonEmpty(r.target) else {
            let cell = nonEmpty(r.source) == nil ? r.source : r.target
            diagnostics.error(.emptyID, at: cell?.location ?? r.location,
                              "tie has an empty \(nonEmpty(r.source) == nil ? "source" : "target"); every tie joins two actors")
            return
        }
        // Kumu allows several endpoints in one cell: `From: A`, `To: B|C`.
        let sources = splitList(sourceCell.text, ["|"])
        let targets = splitList(targetCell.text, ["|"])
        var relation = Relation.unspecified
        if let cell = nonEmpty(r.relation) { relation = Relation(parsing: cell.text) }
        var strength = 1.0
        if let cell = nonEmpty(r.strength) {
            if let x = parseNumber(cell.text, r.conventions), x > 0 {
                strength = x
            } else {
                diagnostics.error(.badStrength, at: cell.location, "strength must be a positive number, found \"\(cell.text)\"")
                return
            }
        }
        var level: Commitment?
        if let cell = nonEmpty(r.commitment) {
            guard let c = commitment(cell) else { return }
            level = c
        }
        var direction: TieDirection?
        if let cell = nonEmpty(r.direction) {
            guard let d = TieDirection(parsing: cell.text) else {
                diagnostics.error(.badDirection, at: cell.location,
                                  "unknown direction \"\(cell.text)\"; expected directed, undirected or mutual (or true/false)")
                return
            }
            direction = d
        }
        var attributes: [String: AttributeValue]?
        for (column, cell) in r.extra {
            if let value = tieColumns.record(column, cell.text, r.conventions) {
                if attributes == nil { attributes = [:] }
                attributes![column] = value
            }
        }
        let origin = origin(of: r.location)
        for s in sources {
            guard let u = resolve(s, sourceCell) else { continue }
            for t in targets {
                guard let v = resolve(t, targetCell) else { continue }
                if u == v {
                    diagnostics.error(.selfLoop, at: r.location, "tie from \"\(s)\" to itself; a tie must join two different actors")
                    continue
                }
                ties.append(PendingTie(source: u, target: v, relation: relation, strength: strength,
                                       commitment: level, direction: direction, attributes: attributes, origin: origin))
            }
        }
    }

    private mutating func resolve(_ id: String, _ cell: Cell) -> Int32? {
        if let i = index[id] { return i }
        if options.actorsFromTies {
            let i = Int32(actors.count)
            index[id] = i
            actors.append(Actor(id: id))
            actorLocations.append(cell.location)
            return i
        }
        unknownActorReports += 1
        // Suggestions cost O(actors) each: give them for the first hundred problems only.
        let hint = unknownActorReports <= 100 ? closestMatch(to: id, in: actors.lazy.map(\.id)).map { "; did you mean \"\($0)\"?" } : nil
        diagnostics.error(.unknownActor, at: cell.location, "tie names unknown actor \"\(id)\"\(hint ?? "")")
        return nil
    }

    private mutating func origin(of location: SourceLocation) -> Origin {
        let file: Int32
        if let f = fileNumbers[location.file] { file = f } else {
            file = Int32(files.count)
            files.append(location.file)
            fileNumbers[location.file] = file
        }
        return Origin(file: file, line: Int32(clamping: location.line), column: Int32(clamping: location.column))
    }

    private func location(of o: Origin) -> SourceLocation {
        SourceLocation(file: files[Int(o.file)], line: Int(o.line), column: Int(o.column))
    }

    // MARK: Finishing

    /// The network, and every diagnostic found. Errors do not stop assembly: the network holds
    /// everything that could be read, so that all problems are reported in one run.
    public mutating func finish() -> (network: StakeholderNetwork, diagnostics: DiagnosticLog) {
        let anyDirected = ties.contains { $0.direction == .directed }
        let directed = options.forceDirected || anyDirected
        var reciprocated = 0
        var merged: [Tie] = []
        merged.reserveCapacity(ties.count)
        var firstOrigin: [Origin] = []
        var mergeCount: [Int32] = []
        var slot: [TieKey: Int32] = [:]
        slot.reserveCapacity(ties.count)

        func place(_ p: PendingTie, _ u: Int32, _ v: Int32) {
            let key = directed ? TieKey(u, v, p.relation) : TieKey(min(u, v), max(u, v), p.relation)
            if let i = slot[key] {
                let k = Int(i)
                let before = merged[k].strength
                switch options.merge {
                case .sum: merged[k].strength += p.strength
                case .max: merged[k].strength = Swift.max(before, p.strength)
                case .mean:
                    let n = Double(mergeCount[k])
                    merged[k].strength = (before * n + p.strength) / (n + 1)
                }
                mergeCount[k] += 1
                if let c = p.commitment { merged[k].commitment = Swift.max(merged[k].commitment ?? c, c) }
                let a = actors[Int(u)].id, b = actors[Int(v)].id
                diagnostics.warning(.duplicateTie, at: location(of: p.origin),
                                    "duplicate \(p.relation) tie \"\(a)\" \(directed ? "→" : "—") \"\(b)\" (first at \(location(of: firstOrigin[k]))); merged by \(options.merge.rawValue): strength \(formatNumber(merged[k].strength))")
                return
            }
            slot[key] = Int32(merged.count)
            merged.append(Tie(source: u, target: v, relation: p.relation, strength: p.strength,
                              commitment: p.commitment, isDirected: directed, attributes: p.attributes))
            firstOrigin.append(p.origin)
            mergeCount.append(1)
        }

        for p in ties {
            place(p, p.source, p.target)
            if directed && p.direction != .directed && (p.direction != nil || !options.forceDirected) {
                place(p, p.target, p.source)
                reciprocated += 1
            }
        }
        if reciprocated > 0 {
            let first = ties.first { $0.direction != .directed && ($0.direction != nil || !options.forceDirected) }!
            diagnostics.warning(.mixedDirection, at: location(of: first.origin),
                                "the network is directed, so \(reciprocated) undirected tie\(reciprocated == 1 ? "" : "s") became two reciprocal arcs each (degree counts them twice, as networkx does)")
        }
        ties = []

        let columns = actorColumns.finish()
        let tieCols = tieColumns.finish()
        retype(&actors, columns)
        retypeTies(&merged, tieCols)
        let network = StakeholderNetwork(actors: actors, ties: merged, isDirected: directed,
                                         actorColumns: columns, tieColumns: tieCols)
        return (network, diagnostics)
    }

    private func retype(_ actors: inout [Actor], _ columns: [AttributeColumn]) {
        for column in columns where column.type == .number {
            for i in actors.indices {
                if case .text(let s)? = actors[i].attributes[column.name] {
                    actors[i].attributes[column.name] = ColumnTyper.number(s).map(AttributeValue.number)
                }
            }
        }
    }

    private func retypeTies(_ ties: inout [Tie], _ columns: [AttributeColumn]) {
        for column in columns where column.type == .number {
            for i in ties.indices {
                if case .text(let s)? = ties[i].attributes?[column.name] {
                    ties[i].attributes?[column.name] = ColumnTyper.number(s).map(AttributeValue.number)
                }
            }
        }
    }
}

private func nonEmpty(_ cell: Cell?) -> Cell? {
    guard let cell, !cell.text.trimmingWhitespace().isEmpty else { return nil }
    return cell
}

/// A tie as read, before direction is decided and repeats are merged.
private struct PendingTie {
    var source: Int32
    var target: Int32
    var relation: Relation
    var strength: Double
    var commitment: Commitment?
    var direction: TieDirection?
    var attributes: [String: AttributeValue]?
    var origin: Origin
}

/// A compact source location for each tie (a million ties must stay small).
private struct Origin {
    var file: Int32
    var line: Int32
    var column: Int32
}

private struct TieKey: Hashable {
    var u: Int32
    var v: Int32
    var relation: Relation
    init(_ u: Int32, _ v: Int32, _ relation: Relation) {
        self.u = u
        self.v = v
        self.relation = relation
    }
}

/// Infers a type per user-defined column: number when every non-empty value is numeric.
/// Values are held as text until the whole column has been seen.
struct ColumnTyper {
    private var order: [String] = []
    private var allNumeric: [String: Bool] = [:]

    /// Records a value and returns what to store for now (nil for an empty cell).
    mutating func record(_ column: String, _ text: String, _ conventions: CellConventions) -> AttributeValue? {
        if allNumeric[column] == nil { order.append(column); allNumeric[column] = true }
        let t = text.trimmingWhitespace()
        if t.isEmpty { return nil }
        var normalised = t
        if conventions.decimalComma, !t.contains("."), t.contains(",") { normalised = t.replacingAll(",", with: ".") }
        if allNumeric[column] == true && Self.number(normalised) == nil { allNumeric[column] = false }
        // Kept as written; a numeric column is converted in `finish` (decimal comma and all).
        return .text(t)
    }

    mutating func declare(_ column: String, _ type: AttributeType) {
        if allNumeric[column] == nil { order.append(column); allNumeric[column] = true }
        if type == .text { allNumeric[column] = false }
    }

    static func number(_ s: String) -> Double? {
        var t = s
        if !t.contains("."), t.contains(",") { t = t.replacingAll(",", with: ".") }
        guard let x = Double(t), x.isFinite else { return nil }
        return x
    }

    func finish() -> [AttributeColumn] {
        order.map { AttributeColumn(name: $0, type: allNumeric[$0]! ? .number : .text) }
    }
}
