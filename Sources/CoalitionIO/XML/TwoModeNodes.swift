import Coalition

/// How GraphML and GEXF files say which mode a node is in: networkx's `bipartite` (0 or 1),
/// a `mode` or `node_type` attribute, or igraph's `type` when it is declared boolean (igraph
/// writes its two-mode graphs so). A `type` of any other type is a kind, as in a sheet. The
/// first mode (0, false, "actor", "organisation") is the actors, the second (1, true,
/// "initiative", "project", "event") the initiatives — networkx's Davis data has the women
/// at 0 and the events at 1.
enum TwoModeNodes {
    /// Whether an attribute of this name (and declared type) gives the node's mode.
    static func givesMode(_ name: String, declaredType: String?) -> Bool {
        switch ColumnAliases.key(name) {
        case "bipartite", "mode", "nodetype", "nodemode": true
        case "type": declaredType?.lowercased() == "boolean"
        default: false
        }
    }

    /// The mode a value names: false for actors, true for initiatives, nil when it names neither.
    static func isInitiative(_ value: String) -> Bool? {
        switch normalized(value) {
        case "0", "0.0", "false", "actor", "actors", "organisation", "organization", "organisations", "organizations",
            "stakeholder", "member", "person", "people", "top":
            false
        case "1", "1.0", "true", "initiative", "initiatives", "project", "projects", "event", "events", "programme",
            "program", "activity", "group", "bottom":
            true
        default: nil
        }
    }

    private static func normalized(_ text: String) -> String { text.trimmingWhitespace().lowercased() }

    /// The error for a mode value that names neither mode.
    static func badMode(_ cell: Cell, node: String) -> Diagnostic {
        Diagnostic(
            .error, .modeClash, at: cell.location,
            "node \"\(node)\": mode \"\(cell.text.trimmingWhitespace())\" names neither mode; write 0 (or actor) for an actor and 1 (or initiative) for an initiative")
    }

    /// The error for a node without a mode in a file whose other nodes have one.
    static func missingMode(_ at: SourceLocation, node: String, attribute: String) -> Diagnostic {
        Diagnostic(
            .error, .modeClash, at: at,
            "node \"\(node)\" has no \(attribute) value, but other nodes do: in a two-mode file every node says whether it is an actor (0) or an initiative (1)")
    }

    /// What an edge of a file with initiatives is.
    enum EdgeReading {
        /// A tie between two actors.
        case tie
        /// A participation, with its actor and initiative set from the ends.
        case participation(AffiliationRecord)
        /// Two initiatives joined: the error.
        case refused(Diagnostic)
    }

    /// Reads an edge by its ends: to or from an initiative it is a participation (whichever
    /// way the file draws it), between two initiatives an error, else a tie.
    static func reading(_ source: String?, _ target: String?, initiatives: Set<String>, at: SourceLocation) -> EdgeReading {
        let sourceIsInitiative = source.map(initiatives.contains) ?? false
        let targetIsInitiative = target.map(initiatives.contains) ?? false
        if sourceIsInitiative && targetIsInitiative { return .refused(initiativeEdge(at, source!, target!)) }
        guard sourceIsInitiative || targetIsInitiative else { return .tie }
        var r = AffiliationRecord(location: at)
        r.actor = (sourceIsInitiative ? target : source).map { Cell($0, at: at) }
        r.initiative = (sourceIsInitiative ? source : target).map { Cell($0, at: at) }
        return .participation(r)
    }

    /// The error for an edge that joins two initiatives.
    private static func initiativeEdge(_ at: SourceLocation, _ a: String, _ b: String) -> Diagnostic {
        Diagnostic(
            .error, .modeClash, at: at,
            "edge joins two initiatives (\"\(a)\" and \"\(b)\"); in a two-mode network an edge joins an actor to an initiative it takes part in (or two actors)")
    }
}
