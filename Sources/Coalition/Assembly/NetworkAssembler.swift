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
    public internal(set) var diagnostics = DiagnosticLog()
    public let options: AssemblyOptions

    var actors: [Actor] = []
    var actorLocations: [SourceLocation] = []
    var index: [String: Int32] = [:]
    /// Ids that hold invisible characters, by their visible text: two ids that look the same.
    private var invisibleForms: [String: Int32] = [:]
    private var actorColumns = ColumnTyper()
    private var tieColumns = ColumnTyper()

    // Ties as read, with the direction decided in `finish()`. Parallel arrays keep a million
    // ties small: the direction as written, the relation's interned code, where the row was.
    private var ties: [Tie] = []
    private var tieDirections: [TieDirection?] = []
    private var tieRelationCodes: [Int32] = []
    private var tieOrigins: [Origin] = []
    private var relations: [String: (relation: Relation, code: Int32)] = [:]
    private var files: [String] = []
    private var fileNumbers: [String: Int32] = [:]
    var unknownActorReports = 0
    private var kindSynonymsSeen: Set<String> = []
    private var misusedSeparatorColumns: Set<String> = []
    /// Actor names to indices, built when a tie end is not an id (-1: a name several actors share).
    var nameIndex: [String: Int32]?
    /// Tie ends given as a unique actor name: how many, and the first.
    var endsByName = 0
    var firstEndByName: (name: String, id: String, at: SourceLocation)?
    /// Initiatives and participations read so far; nil until a portfolio sheet is read.
    var portfolioParts: PortfolioParts?

    public init(options: AssemblyOptions = .init()) {
        self.options = options
    }

    public var actorCount: Int { actors.count }

    /// Reserves room for an expected number of ties (a hint only).
    public mutating func reserveTies(_ count: Int) {
        ties.reserveCapacity(count)
        tieDirections.reserveCapacity(count)
        tieRelationCodes.reserveCapacity(count)
        tieOrigins.reserveCapacity(count)
    }

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
            diagnostics.error(
                .duplicateActor, at: idCell.location,
                "duplicate actor id \"\(id)\" (first defined at \(actorLocations[Int(first)]))")
            return
        }
        // Zero-width and direction marks (pasted from the web or a PDF) are invisible: an id of
        // nothing else is empty, and two ids that differ only by them look the same to a reader.
        if let visible = Self.withoutInvisibleCharacters(id) {
            guard !visible.isEmpty else {
                diagnostics.error(.emptyID, at: idCell.location, "actor id holds only invisible characters (zero-width spaces or direction marks); every actor needs a visible id")
                return
            }
            if let other = index[visible] ?? invisibleForms[visible] {
                diagnostics.warning(
                    .lookalikeID, at: idCell.location,
                    "actor id \"\(visible)\" holds invisible characters and looks the same as the id defined at \(actorLocations[Int(other)]); ties to either may reach the wrong one"
                )
            }
            invisibleForms[visible] = invisibleForms[visible] ?? Int32(actors.count)
        } else if let other = invisibleForms[id] {
            diagnostics.warning(
                .lookalikeID, at: idCell.location,
                "actor id \"\(id)\" looks the same as the id defined at \(actorLocations[Int(other)]), which holds invisible characters; ties to either may reach the wrong one")
        }
        var actor = Actor(id: id)
        if let name = r.name?.text.trimmingWhitespace(), !name.isEmpty { actor.name = name }
        if let cell = r.kind { actor.kind = kind(cell) }
        if let cell = r.sector { actor.sectors = list(cell, r.conventions, column: "sector") }
        if let cell = nonEmpty(r.level) {
            actor.level = vocabulary(cell, { Level(parsing: $0) }, Level.allCases.map(\.rawValue), "level", .badLevel)
        }
        if let cell = nonEmpty(r.influence) { actor.influence = score(cell, "influence", r.conventions) }
        if let cell = nonEmpty(r.interest) { actor.interest = score(cell, "interest", r.conventions) }
        if let cell = nonEmpty(r.stance) {
            actor.stance = vocabulary(cell, { Stance(parsing: $0) }, Stance.allCases.map(\.rawValue), "stance", .badStance)
        }
        if let cell = r.voices {
            actor.voices = list(cell, r.conventions, column: "voices").map(normalizedToken)
        }
        if let cell = nonEmpty(r.commitment) { actor.commitment = commitment(cell) }
        actor.validity = span(r.validFrom, r.validUntil)
        for (column, cell) in r.extra {
            if let value = actorColumns.record(column, cell.text, r.conventions) { actor.attributes[column] = value }
        }
        // A person entered as an organisation would escape pseudonymisation: flagged for review.
        if let kind = actor.kind, ActorKind.organisations.contains(kind), let title = ActorKind.personalTitle(in: actor.name) {
            diagnostics.warning(
                .personalTitle, at: r.name?.location ?? idCell.location,
                "\"\(actor.name)\" is entered as \(kind.rawValue) but its name opens with the personal title \"\(title)\"; if this is a person, give kind person (external packs pseudonymise people when the mission says personal_data: true)")
        }
        index[id] = Int32(actors.count)
        actors.append(actor)
        actorLocations.append(idCell.location)
    }

    private mutating func kind(_ cell: Cell) -> ActorKind? {
        let kind = ActorKind(parsing: cell.text)
        if kind.rawValue.isEmpty { return nil }
        if kind.isKnown { return kind }
        if let known = ActorKind.synonyms[kind.rawValue] {
            // One warning per word: a sheet that says "NGO" says it on every CSO's row.
            if kindSynonymsSeen.insert(kind.rawValue).inserted {
                diagnostics.warning(
                    .unknownKind, at: cell.location,
                    "kind \"\(cell.text.trimmingWhitespace())\" is not one of Coalition's kinds; read as \"\(known.rawValue)\" here and wherever the sheets say it (did you mean \"\(known.rawValue)\"? write that to silence this)"
                )
            }
            return known
        }
        let known = ActorKind.known.map(\.rawValue)
        let hint =
            Suggestions.closest(to: kind.rawValue, in: known).map { "did you mean \"\($0)\"?" }
            ?? "known kinds: \(known.joined(separator: ", "))"
        diagnostics.warning(.unknownKind, at: cell.location, "unknown kind \"\(kind.rawValue)\", kept as written; \(hint)")
        return kind
    }

    /// A list cell (sectors, voices). In a `;`-separated sheet lists take `|`, but a quoted
    /// "governance; housing" is plainly a list: it is read as one, with a warning per column.
    mutating func list(_ cell: Cell, _ conventions: CellConventions, column: String) -> [String] {
        let misused = conventions.misusedListSeparators.filter { cell.text.contains($0) }
        guard !misused.isEmpty else { return splitList(cell.text, conventions.listSeparators) }
        let values = splitList(cell.text, conventions.listSeparators + misused)
        if values.count > 1, misusedSeparatorColumns.insert("\(cell.location.file)\u{0}\(column)").inserted {
            let written = values.joined(separator: "|")
            diagnostics.warning(
                .listSeparator, at: cell.location,
                "\(column) \"\(cell.text.trimmingWhitespace())\" looks like a list written with \"\(misused[0])\", which separates the fields of this sheet; read as \(values.count) values, here and in every such cell of the column — write lists with | (\"\(written)\")"
            )
        }
        return values
    }

    /// `valid_from` and `valid_until`: days written `YYYY-MM-DD`, the first not after the last.
    mutating func span(_ from: Cell?, _ until: Cell?) -> ValidSpan? {
        func day(_ cell: Cell?, _ what: String) -> Day? {
            guard let cell = nonEmpty(cell) else { return nil }
            guard let d = Day(iso: cell.text) else {
                diagnostics.error(.badDate, at: cell.location, "\(what) must be a date written YYYY-MM-DD, found \"\(cell.text.trimmingWhitespace())\"")
                return nil
            }
            return d
        }
        let a = day(from, "valid_from"), b = day(until, "valid_until")
        if let a, let b, b < a, let cell = until {
            diagnostics.error(.badDate, at: cell.location, "valid_until \(b) is before valid_from \(a); the last day cannot come before the first")
            return nil
        }
        return a == nil && b == nil ? nil : ValidSpan(from: a, until: b)
    }

    private mutating func score(_ cell: Cell, _ what: String, _ conventions: CellConventions) -> Double? {
        guard let x = parseNumber(cell.text, conventions), x >= 0, x <= 5 else {
            diagnostics.error(.badScore, at: cell.location, "\(what) must be a number from 0 to 5, found \"\(cell.text)\"")
            return nil
        }
        return x
    }

    mutating func commitment(_ cell: Cell) -> Commitment? {
        vocabulary(cell, { Commitment(parsing: $0) }, Commitment.allCases.map(\.name) + ["0–4"], "commitment level", .badCommitment)
    }

    mutating func vocabulary<T>(
        _ cell: Cell, _ parse: (String) -> T?, _ allowed: [String],
        _ what: String, _ code: Diagnostic.Code
    ) -> T? {
        if let value = parse(cell.text) { return value }
        let hint = Suggestions.closest(to: normalizedToken(cell.text), in: allowed).map { "did you mean \"\($0)\"? " } ?? ""
        diagnostics.error(
            code, at: cell.location,
            "unknown \(what) \"\(cell.text)\"; \(hint)expected one of: \(allowed.joined(separator: ", "))")
        return nil
    }

    // MARK: Ties

    public mutating func add(_ r: TieRecord) {
        guard let sourceCell = nonEmpty(r.source), let targetCell = nonEmpty(r.target) else {
            let cell = nonEmpty(r.source) == nil ? r.source : r.target
            diagnostics.error(
                .emptyID, at: cell?.location ?? r.location,
                "tie has an empty \(nonEmpty(r.source) == nil ? "source" : "target"); every tie joins two actors")
            return
        }
        // Kumu allows several endpoints in one cell: `From: A`, `To: B|C`.
        let sources = endpoints(sourceCell.text)
        let targets = endpoints(targetCell.text)
        let (relation, relationCode) = intern(nonEmpty(r.relation)?.text ?? "")
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
                diagnostics.error(
                    .badDirection, at: cell.location,
                    "unknown direction \"\(cell.text)\"; expected directed, undirected or mutual (or true/false)")
                return
            }
            direction = d
        }
        let validity = span(r.validFrom, r.validUntil)
        var attributes: [String: AttributeValue]?
        for (column, cell) in r.extra {
            if let value = tieColumns.record(column, cell.text, r.conventions) {
                if attributes == nil { attributes = [:] }
                attributes![column] = value
            }
        }
        // One tie of this row; each pair of ends fills in its source and target.
        var tie = Tie(
            source: 0, target: 0, relation: relation, strength: strength, commitment: level,
            isDirected: direction == .directed, attributes: attributes)
        tie.validity = validity
        let origin = origin(of: r.location)
        // Every end is resolved before any tie is made, so that a row naming two unknown
        // actors reports both. One source and one target (nearly every row) need no arrays.
        if sources.count == 1 && targets.count == 1 {
            let u = resolve(sources[0], sourceCell), v = resolve(targets[0], targetCell)
            if let u, let v { add(tie, u, v, sources[0], direction, relationCode, origin, r.location) }
            return
        }
        let us = sources.map { resolve($0, sourceCell) }
        let vs = targets.map { resolve($0, targetCell) }
        for (s, u) in zip(sources, us) {
            guard let u else { continue }
            for case let v? in vs { add(tie, u, v, s, direction, relationCode, origin, r.location) }
        }
    }

    /// Records `tie` from `u` to `v`, unless it would join an actor to itself.
    private mutating func add(
        _ tie: Tie, _ u: Int32, _ v: Int32, _ name: String, _ direction: TieDirection?, _ code: Int32, _ origin: Origin, _ row: SourceLocation
    ) {
        guard u != v else {
            diagnostics.error(.selfLoop, at: row, "tie from \"\(name)\" to itself; a tie must join two different actors")
            return
        }
        var t = tie
        t.source = u
        t.target = v
        ties.append(t)
        tieDirections.append(direction)
        tieRelationCodes.append(code)
        tieOrigins.append(origin)
    }

    func endpoints(_ text: String) -> [String] {
        text.utf8.contains(UInt8(ascii: "|")) ? splitList(text, ["|"]) : [text.trimmingWhitespace()]
    }

    /// The relation a cell names, parsed once per distinct text.
    private mutating func intern(_ text: String) -> (Relation, Int32) {
        if let known = relations[text] { return known }
        let relation = Relation(parsing: text)
        let code = relations.values.first { $0.relation == relation }?.code ?? Int32(relations.count)
        relations[text] = (relation, code)
        return (relation, code)
    }

    /// - Parameter what: the row that names the actor, for messages ("tie", "participation").
    mutating func resolve(_ id: String, _ cell: Cell, by what: String = "tie") -> Int32? {
        if let i = index[id] { return i }
        if options.actorsFromTies {
            let i = Int32(actors.count)
            index[id] = i
            actors.append(Actor(id: id))
            actorLocations.append(cell.location)
            return i
        }
        // Kumu's habit: ties that give the actor's name. A name only one actor has is read as
        // that actor; a name several share is an error that lists them.
        let byName = nameIndex ?? buildNameIndex()
        if let i = byName[id] ?? byName[id.lowercased()] {
            if i >= 0 {
                endsByName += 1
                if firstEndByName == nil { firstEndByName = (id, actors[Int(i)].id, cell.location) }
                return i
            }
            let sharing = actors.filter { $0.name == id || $0.name.lowercased() == id.lowercased() }.map { "\"\($0.id)\"" }
            diagnostics.error(
                .unknownActor, at: cell.location,
                "\(what) names \"\(id)\", which is no actor's id but the name of \(sharing.count) actors (\(sharing.joined(separator: ", "))); use the id of the one meant")
            return nil
        }
        unknownActorReports += 1
        // Suggestions cost O(actors) each: give them for the first hundred problems only.
        let hint = unknownActorReports <= 100 ? Suggestions.closest(to: id, in: actors.lazy.map(\.id)).map { "; did you mean \"\($0)\"?" } : nil
        diagnostics.error(.unknownActor, at: cell.location, "\(what) names unknown actor \"\(id)\"\(hint ?? "")")
        return nil
    }

    /// Names (as written, and lower-cased) to actors; -1 marks a name several actors share.
    mutating func buildNameIndex() -> [String: Int32] {
        var names: [String: Int32] = [:]
        for (i, a) in actors.enumerated() where a.name != a.id {
            for key in Set([a.name, a.name.lowercased()]) {
                if let other = names[key], other != Int32(i) { names[key] = -1 } else { names[key] = Int32(i) }
            }
        }
        nameIndex = names
        return names
    }

    private mutating func origin(of location: SourceLocation) -> Origin {
        let file: Int32
        if let last = files.last, last == location.file {
            file = Int32(files.count - 1)
        } else if let f = fileNumbers[location.file] {
            file = f
        } else {
            file = Int32(files.count)
            files.append(location.file)
            fileNumbers[location.file] = file
        }
        return Origin(file: file, line: Int32(clamping: location.line))
    }

    private func location(of o: Origin) -> SourceLocation {
        SourceLocation(file: files[Int(o.file)], line: Int(o.line), column: o.line > 0 ? 1 : 0)
    }

    // MARK: Finishing

    /// The network, and every diagnostic found. Errors do not stop assembly: the network holds
    /// everything that could be read, so that all problems are reported in one run.
    public mutating func finish() -> (network: StakeholderNetwork, diagnostics: DiagnosticLog) {
        if let first = firstEndByName {
            let others = endsByName - 1
            diagnostics.warning(
                .actorByName, at: first.at,
                "tie end \"\(first.name)\" is the name of actor \"\(first.id)\", not an id; read as that actor\(others > 0 ? ", as \(Wording.verb(others, "is", "are")) \(Wording.count(others, "other tie end")) that \(Wording.verb(others, "gives", "give")) a unique name" : "") (ids are safer: names change)"
            )
        }
        let directed = options.forceDirected || tieDirections.contains(.directed)
        if directed { addReciprocalArcs() }
        mergeRepeatedTies(directed: directed)
        let columns = actorColumns.finish()
        let tieCols = tieColumns.finish()
        Self.retype(&actors, columns)
        Self.retypeTies(&ties, tieCols)
        let portfolio = finishPortfolio()
        let network = StakeholderNetwork(
            actors: actors, ties: ties, isDirected: directed,
            actorColumns: columns, tieColumns: tieCols, portfolio: portfolio)
        ties = []
        tieDirections = []
        tieRelationCodes = []
        tieOrigins = []
        return (network, diagnostics)
    }

    /// In a directed network every tie is an arc; a tie not marked directed becomes two
    /// reciprocal arcs (unless `--directed` asked for source → target and the sheet said
    /// nothing), placed next to each other, the second marked as the reverse arc.
    private mutating func addReciprocalArcs() {
        func reciprocal(_ i: Int) -> Bool {
            let d = tieDirections[i]
            return d != .directed && (d != nil || !options.forceDirected)
        }
        let count = ties.indices.count(where: reciprocal)
        guard count > 0 else {
            for i in ties.indices { ties[i].isDirected = true }
            return
        }
        // The warning points at what made the network directed: the first row marked so, or
        // the first tie the sheet left undirected when the network was asked to be directed.
        let cause = ties.indices.first { tieDirections[$0] == .directed }
        let at = location(of: tieOrigins[cause ?? ties.indices.first(where: reciprocal)!])
        var arcs: [Tie] = [], codes: [Int32] = [], origins: [Origin] = []
        arcs.reserveCapacity(ties.count + count)
        for i in ties.indices {
            var t = ties[i]
            t.isDirected = true
            arcs.append(t); codes.append(tieRelationCodes[i]); origins.append(tieOrigins[i])
            if reciprocal(i) {
                swap(&t.source, &t.target)
                t.isReverseArc = true
                arcs.append(t); codes.append(tieRelationCodes[i]); origins.append(tieOrigins[i])
            }
        }
        ties = arcs
        tieRelationCodes = codes
        tieOrigins = origins
        let others = Wording.count(count, "undirected tie")
        let directedTies = ties.count - 2 * count
        if cause != nil {
            diagnostics.warning(
                .mixedDirection, at: at,
                "this tie is marked directed, so the whole network is directed (rows: \(directedTies) directed, \(count) undirected): directed measures count each undirected tie as two reciprocal arcs, as networkx does; counts still show the ties as the sheet has them"
            )
        } else {
            diagnostics.warning(
                .mixedDirection, at: at,
                "the network was asked to be directed, but the sheet marks \(others) as undirected or mutual: directed measures count each as two reciprocal arcs, as networkx does"
            )
        }
    }

    /// Merges repeated ties between the same pair with the same relation, in place.
    private mutating func mergeRepeatedTies(directed: Bool) {
        var slot: [TieKey: Int32] = [:]
        slot.reserveCapacity(ties.count)
        var merges: [Int: Int] = [:]  // slot → ties merged into it, for the mean
        var kept = 0
        var mergedPrevious = false
        for i in ties.indices {
            let t = ties[i]
            let key =
                directed
                ? TieKey(t.source, t.target, tieRelationCodes[i])
                : TieKey(min(t.source, t.target), max(t.source, t.target), tieRelationCodes[i])
            guard let existing = slot[key] else {
                slot[key] = Int32(kept)
                ties[kept] = t
                tieOrigins[kept] = tieOrigins[i]
                kept += 1
                mergedPrevious = false
                continue
            }
            let k = Int(existing)
            let before = ties[k].strength
            let n = Double(merges[k, default: 1])
            let a = actors[Int(t.source)].id, b = actors[Int(t.target)].id
            let arrow = directed && !(t.isReverseArc || (i + 1 < ties.count && ties[i + 1].isReverseArc)) ? "→" : "—"
            let merged: Double
            switch options.merge {
            case .sum: merged = before + t.strength
            case .max: merged = Swift.max(before, t.strength)
            case .mean:
                // Large strengths would overflow `before * n`; the running mean does not.
                let m = (before * n + t.strength) / (n + 1)
                merged = m.isFinite ? m : before + (t.strength - before) / (n + 1)
            }
            // The reverse arc of an undirected tie repeats its first arc's merge: one warning.
            let repeatsWarning = t.isReverseArc && mergedPrevious
            mergedPrevious = true
            guard merged.isFinite else {
                if !repeatsWarning {
                    diagnostics.error(
                        .badStrength, at: location(of: tieOrigins[i]),
                        "this repeats the tie \"\(a)\" \(arrow) \"\(b)\" (\(Self.relationWords(t.relation)), first at \(location(of: tieOrigins[k]))) and the merged strength would be too large to hold (above 1.8e308); merge by max or mean, or use smaller numbers"
                    )
                }
                continue
            }
            ties[k].strength = merged
            merges[k, default: 1] += 1
            if let c = t.commitment { ties[k].commitment = Swift.max(ties[k].commitment ?? c, c) }
            if !repeatsWarning {
                let what = t.relation == .unspecified ? "duplicate tie" : "duplicate \(t.relation) tie"
                diagnostics.warning(
                    .duplicateTie, at: location(of: tieOrigins[i]),
                    "\(what) \"\(a)\" \(arrow) \"\(b)\" (first at \(location(of: tieOrigins[k]))); merged by \(options.merge.rawValue): strength \(Numbers.shortest(ties[k].strength))"
                )
            }
        }
        ties.removeLast(ties.count - kept)
        tieOrigins.removeLast(tieOrigins.count - kept)
    }

    private static func relationWords(_ r: Relation) -> String {
        r == .unspecified ? "no relation given" : r.rawValue
    }

    static func retype(_ actors: inout [Actor], _ columns: [AttributeColumn]) {
        for column in columns where column.type == .number {
            for i in actors.indices {
                if case .text(let s)? = actors[i].attributes[column.name] {
                    actors[i].attributes[column.name] = ColumnTyper.number(s).map(AttributeValue.number)
                }
            }
        }
    }

    private static func retypeTies(_ ties: inout [Tie], _ columns: [AttributeColumn]) {
        for column in columns where column.type == .number {
            for i in ties.indices {
                if case .text(let s)? = ties[i].attributes?[column.name] {
                    ties[i].attributes?[column.name] = ColumnTyper.number(s).map(AttributeValue.number)
                }
            }
        }
    }
}

extension NetworkAssembler {
    /// The text without zero-width characters and direction marks; nil when it has none.
    static func withoutInvisibleCharacters(_ text: String) -> String? {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return nil }
        func invisible(_ u: Unicode.Scalar) -> Bool {
            switch u.value {
            case 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x2069, 0xFEFF, 0x061C, 0x00AD: true
            default: false
            }
        }
        guard text.unicodeScalars.contains(where: invisible) else { return nil }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: text.unicodeScalars.filter { !invisible($0) })
        return String(out).trimmingWhitespace()
    }
}

func nonEmpty(_ cell: Cell?) -> Cell? {
    guard let cell, !cell.text.trimmingWhitespace().isEmpty else { return nil }
    return cell
}

/// A compact source location for each tie (a million ties must stay small).
private struct Origin {
    var file: Int32
    var line: Int32
}

private struct TieKey: Hashable {
    var u: Int32
    var v: Int32
    var relation: Int32
    init(_ u: Int32, _ v: Int32, _ relation: Int32) {
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
