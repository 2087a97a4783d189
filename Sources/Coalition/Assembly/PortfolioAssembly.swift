/// What the assembler holds of a portfolio while sheets are read.
struct PortfolioParts {
    var initiatives: [Initiative] = []
    var initiativeLocations: [SourceLocation] = []
    var index: [String: Int32] = [:]
    /// Initiative names to indices (-1: a name several initiatives share), built on demand.
    var nameIndex: [String: Int32]?
    var endsByName = 0
    var firstEndByName: (name: String, id: String, at: SourceLocation)?
    var affiliations: [Affiliation] = []
    var affiliationLocations: [SourceLocation] = []
    /// (actor, initiative) → the participation that first joined them.
    var pairs: [UInt64: Int32] = [:]
    var initiativeColumns = ColumnTyper()
    var affiliationColumns = ColumnTyper()
    /// Whether an initiatives sheet declares the initiatives; when not, participations create them.
    var declared = false
    var unknownReports = 0
    var duplicateReports = 0
}

extension NetworkAssembler {
    /// Marks that an initiatives sheet is read: participations must then name its initiatives.
    /// Without one, each initiative a participation names is created from it.
    public mutating func declareInitiatives() {
        if portfolioParts == nil { portfolioParts = PortfolioParts() }
        portfolioParts!.declared = true
    }

    /// Marks that an affiliations sheet is read, so that the network has a portfolio even when
    /// the sheet has no rows.
    public mutating func expectParticipations() {
        if portfolioParts == nil { portfolioParts = PortfolioParts() }
    }

    /// Declares a column of the initiatives or affiliations sheet where the format types it.
    public mutating func declarePortfolioColumn(_ name: String, ofInitiatives: Bool, as type: AttributeType) {
        expectParticipations()
        if ofInitiatives { portfolioParts!.initiativeColumns.declare(name, type) } else { portfolioParts!.affiliationColumns.declare(name, type) }
    }

    // MARK: Initiatives

    /// Feed initiatives after the actors and before the participations that name them.
    public mutating func add(_ r: InitiativeRecord) {
        declareInitiatives()
        let idCell = r.id ?? r.name
        guard let idCell, case let id = idCell.text.trimmingWhitespace(), !id.isEmpty else {
            diagnostics.error(.emptyID, at: idCell?.location ?? r.location, "initiative has an empty id; every initiative needs a unique id")
            return
        }
        if let first = portfolioParts!.index[id] {
            diagnostics.error(
                .duplicateInitiative, at: idCell.location,
                "duplicate initiative id \"\(id)\" (first defined at \(portfolioParts!.initiativeLocations[Int(first)]))")
            return
        }
        if let actor = index[id] {
            diagnostics.error(
                .modeClash, at: idCell.location,
                "initiative id \"\(id)\" is also the id of an actor (defined at \(actorLocations[Int(actor)])); an id names one actor or one initiative — rename one of them")
            return
        }
        var initiative = Initiative(id: id)
        if let name = r.name?.text.trimmingWhitespace(), !name.isEmpty { initiative.name = name }
        if let cell = nonEmpty(r.kind) { initiative.kind = normalizedToken(cell.text) }
        if let cell = r.sector { initiative.sectors = list(cell, r.conventions, column: "sector") }
        if let cell = nonEmpty(r.budget) { initiative.budget = budget(cell, r.conventions) }
        if let cell = nonEmpty(r.status) { initiative.status = normalizedToken(cell.text) }
        initiative.validity = span(r.validFrom, r.validUntil)
        for (column, cell) in r.extra {
            if let value = portfolioParts!.initiativeColumns.record(column, cell.text, r.conventions) { initiative.attributes[column] = value }
        }
        portfolioParts!.index[id] = Int32(portfolioParts!.initiatives.count)
        portfolioParts!.initiatives.append(initiative)
        portfolioParts!.initiativeLocations.append(idCell.location)
    }

    /// A budget: a number not below zero (a decimal comma where the sheet uses one).
    private mutating func budget(_ cell: Cell, _ conventions: CellConventions) -> Double? {
        guard let x = parseNumber(cell.text, conventions), x >= 0 else {
            diagnostics.error(.badBudget, at: cell.location, "budget must be a number, zero or more, found \"\(cell.text.trimmingWhitespace())\" (write 250000, not 250k or €250,000)")
            return nil
        }
        return x
    }

    // MARK: Participations

    /// Feed participations after the actors and initiatives they name.
    public mutating func add(_ r: AffiliationRecord) {
        expectParticipations()
        guard let actorCell = nonEmpty(r.actor), let initiativeCell = nonEmpty(r.initiative) else {
            let which = nonEmpty(r.actor) == nil ? "actor" : "initiative"
            let cell = which == "actor" ? r.actor : r.initiative
            diagnostics.error(.emptyID, at: cell?.location ?? r.location, "participation has an empty \(which); every row names an actor and the initiative it takes part in")
            return
        }
        var role: ParticipationRole?
        if let cell = nonEmpty(r.role) {
            guard let x = vocabulary(cell, { ParticipationRole(parsing: $0) }, ParticipationRole.allCases.reversed().map(\.name), "role", .badRole) else { return }
            role = x
        }
        var level: Commitment?
        if let cell = nonEmpty(r.commitment) {
            guard let c = commitment(cell) else { return }
            level = c
        }
        var money: Double?
        if let cell = nonEmpty(r.budget) {
            guard let x = budget(cell, r.conventions) else { return }
            money = x
        }
        let validity = span(r.validFrom, r.validUntil)
        var attributes: [String: AttributeValue]?
        for (column, cell) in r.extra {
            if let value = portfolioParts!.affiliationColumns.record(column, cell.text, r.conventions) {
                if attributes == nil { attributes = [:] }
                attributes![column] = value
            }
        }
        // Kumu-style lists: one row may give several actors or initiatives (`P1|P2`).
        let actorIDs = endpoints(actorCell.text), initiativeIDs = endpoints(initiativeCell.text)
        let us = actorIDs.map { participant($0, actorCell) }
        let vs = initiativeIDs.map { initiative($0, initiativeCell) }
        for case let u? in us {
            for case let v? in vs {
                var a = Affiliation(actor: u, initiative: v, role: role, commitment: level, budget: money)
                a.validity = validity
                a.attributes = attributes
                record(a, at: r.location)
            }
        }
    }

    /// The actor a participation names. An initiative's id in the actor column is the columns
    /// swapped, or an id used twice: an error either way.
    private mutating func participant(_ id: String, _ cell: Cell) -> Int32? {
        if index[id] == nil, let clash = portfolioParts!.index[id] {
            diagnostics.error(
                .modeClash, at: cell.location,
                "participation names \"\(id)\" as its actor, but that is an initiative (defined at \(portfolioParts!.initiativeLocations[Int(clash)])); are the actor and initiative columns swapped?")
            return nil
        }
        return resolve(id, cell, by: "participation")
    }

    /// The initiative a participation names: an initiatives sheet's id (or a name only one
    /// initiative has), or — with no initiatives sheet — created on first sight.
    private mutating func initiative(_ id: String, _ cell: Cell) -> Int32? {
        if let i = portfolioParts!.index[id] { return i }
        if let actor = index[id] {
            diagnostics.error(
                .modeClash, at: cell.location,
                "participation names \"\(id)\" as its initiative, but that is an actor (defined at \(actorLocations[Int(actor)])); an id names one actor or one initiative")
            return nil
        }
        if !portfolioParts!.declared {
            let i = Int32(portfolioParts!.initiatives.count)
            portfolioParts!.index[id] = i
            portfolioParts!.initiatives.append(Initiative(id: id))
            portfolioParts!.initiativeLocations.append(cell.location)
            return i
        }
        if portfolioParts!.nameIndex == nil {
            var names: [String: Int32] = [:]
            for (i, x) in portfolioParts!.initiatives.enumerated() where x.name != x.id {
                for key in Set([x.name, x.name.lowercased()]) {
                    if let other = names[key], other != Int32(i) { names[key] = -1 } else { names[key] = Int32(i) }
                }
            }
            portfolioParts!.nameIndex = names
        }
        if let i = portfolioParts!.nameIndex![id] ?? portfolioParts!.nameIndex![id.lowercased()], i >= 0 {
            portfolioParts!.endsByName += 1
            if portfolioParts!.firstEndByName == nil { portfolioParts!.firstEndByName = (id, portfolioParts!.initiatives[Int(i)].id, cell.location) }
            return i
        }
        portfolioParts!.unknownReports += 1
        let hint =
            portfolioParts!.unknownReports <= 100
            ? Suggestions.closest(to: id, in: portfolioParts!.initiatives.lazy.map(\.id)).map { " (did you mean \"\($0)\"?)" } : nil
        diagnostics.error(
            .unknownInitiative, at: cell.location,
            "participation names unknown initiative \"\(id)\"\(hint ?? ""); every initiative a participation names must be in the initiatives sheet")
        return nil
    }

    /// Keeps a participation, or merges a repeat of the same actor in the same initiative into
    /// the first: the more responsible role, the higher commitment, the budgets added.
    private mutating func record(_ a: Affiliation, at location: SourceLocation) {
        let key = UInt64(UInt32(bitPattern: a.actor)) << 32 | UInt64(UInt32(bitPattern: a.initiative))
        guard let first = portfolioParts!.pairs[key] else {
            portfolioParts!.pairs[key] = Int32(portfolioParts!.affiliations.count)
            portfolioParts!.affiliations.append(a)
            portfolioParts!.affiliationLocations.append(location)
            return
        }
        let k = Int(first)
        var kept = portfolioParts!.affiliations[k]
        if let r = a.role { kept.role = max(kept.role ?? r, r) }
        if let c = a.commitment { kept.commitment = max(kept.commitment ?? c, c) }
        if let b = a.budget { kept.budget = (kept.budget ?? 0) + b }
        portfolioParts!.affiliations[k] = kept
        portfolioParts!.duplicateReports += 1
        guard portfolioParts!.duplicateReports <= 100 else { return }
        var merged: [String] = []
        if let r = kept.role { merged.append("role \(r)") }
        if let c = kept.commitment { merged.append("commitment \(c)") }
        if let b = kept.budget { merged.append("budget \(Numbers.shortest(b))") }
        diagnostics.warning(
            .duplicateParticipation, at: location,
            "\"\(actors[Int(a.actor)].id)\" takes part in \"\(portfolioParts!.initiatives[Int(a.initiative)].id)\" already (first at \(portfolioParts!.affiliationLocations[k])); kept once\(merged.isEmpty ? "" : ", with \(merged.joined(separator: ", "))")")
    }

    // MARK: Finishing

    /// The portfolio, when a portfolio sheet was read.
    mutating func finishPortfolio() -> Portfolio? {
        guard var parts = portfolioParts else { return nil }
        if parts.duplicateReports > 100, let last = parts.affiliationLocations.last {
            diagnostics.warning(
                .duplicateParticipation, at: last,
                "\(parts.duplicateReports - 100) more repeated participations were merged the same way (only the first 100 are listed)")
        }
        if let first = parts.firstEndByName {
            let others = parts.endsByName - 1
            diagnostics.warning(
                .unknownInitiative, at: first.at,
                "\"\(first.name)\" is the name of initiative \"\(first.id)\", not its id; read as that initiative\(others > 0 ? ", as \(Wording.verb(others, "is", "are")) \(Wording.count(others, "other participation")) that \(Wording.verb(others, "gives", "give")) a unique name" : "") (ids are safer: names change)"
            )
        }
        // An actor declared after an initiative of the same id (a format that gives nodes of
        // both modes in one list) clashes too.
        for (i, x) in parts.initiatives.enumerated() {
            guard let actor = index[x.id] else { continue }
            diagnostics.error(
                .modeClash, at: parts.initiativeLocations[i],
                "initiative id \"\(x.id)\" is also the id of an actor (defined at \(actorLocations[Int(actor)])); an id names one actor or one initiative — rename one of them")
        }
        let initiativeColumns = parts.initiativeColumns.finish()
        let affiliationColumns = parts.affiliationColumns.finish()
        for column in initiativeColumns where column.type == .number {
            for i in parts.initiatives.indices {
                if case .text(let s)? = parts.initiatives[i].attributes[column.name] {
                    parts.initiatives[i].attributes[column.name] = ColumnTyper.number(s).map(AttributeValue.number)
                }
            }
        }
        for column in affiliationColumns where column.type == .number {
            for i in parts.affiliations.indices {
                if case .text(let s)? = parts.affiliations[i].attributes?[column.name] {
                    parts.affiliations[i].attributes?[column.name] = ColumnTyper.number(s).map(AttributeValue.number)
                }
            }
        }
        portfolioParts = nil
        return Portfolio(
            initiatives: parts.initiatives, affiliations: parts.affiliations,
            initiativeColumns: initiativeColumns, affiliationColumns: affiliationColumns)
    }
}
