import Coalition
import Foundation

/// Coalition's own JSON format, version 2 or 3: everything the model holds, so that a network
/// round-trips exactly. Documented in the README. Version 2 added `validFrom` and `validUntil`
/// (YYYY-MM-DD, only where given) to actors and ties; version 3 adds the portfolio
/// (`initiatives`, `affiliations` and their column lists) and is written only for a network
/// that has one, so that files without a portfolio still open in earlier versions.
///
/// ```json
/// {"format": "coalition", "version": 2, "directed": false,
///  "actorColumns": [{"name": "budget", "type": "number"}], "tieColumns": [],
///  "actors": [{"id": "moh", "name": "Ministry of Health", "kind": "ministry",
///              "sectors": ["health"], "level": "national", "influence": 5, "interest": 4,
///              "stance": "supportive", "voices": [], "commitment": "active",
///              "attributes": {"budget": 1200}}],
///  "ties": [{"source": "moh", "target": "nia", "relation": "mandate", "strength": 2,
///            "commitment": "active", "directed": false, "attributes": {}}]}
/// ```
public enum CoalitionJSON {
    public static let formatName = "coalition"
    public static let version = 3
    /// The versions this program reads.
    public static let readable = 1...3

    // MARK: Writing

    /// Deterministic, pretty-printed JSON with sorted keys.
    public static func encode(_ network: StakeholderNetwork) throws -> Data {
        let doc = Document(
            format: formatName, version: network.portfolio == nil ? 2 : version, directed: network.isDirected,
            actorColumns: network.actorColumns.map { .init(name: $0.name, type: $0.type.rawValue) },
            tieColumns: network.tieColumns.map { .init(name: $0.name, type: $0.type.rawValue) },
            actors: network.actors.map { a in
                .init(
                    id: a.id, name: a.name, kind: a.kind?.rawValue, sectors: a.sectors, level: a.level?.rawValue,
                    influence: a.influence, interest: a.interest, stance: a.stance?.rawValue, voices: a.voices,
                    commitment: a.commitment?.name, validFrom: a.validity?.from?.description, validUntil: a.validity?.until?.description,
                    attributes: a.attributes.mapValues(Value.init))
            },
            ties: network.ties.map { t in
                .init(
                    source: network.actors[Int(t.source)].id, target: network.actors[Int(t.target)].id,
                    relation: t.relation.rawValue, strength: t.strength, commitment: t.commitment?.name,
                    directed: t.isDirected, validFrom: t.validity?.from?.description, validUntil: t.validity?.until?.description,
                    attributes: (t.attributes ?? [:]).mapValues(Value.init))
            },
            initiativeColumns: network.portfolio?.initiativeColumns.map { .init(name: $0.name, type: $0.type.rawValue) },
            affiliationColumns: network.portfolio?.affiliationColumns.map { .init(name: $0.name, type: $0.type.rawValue) },
            initiatives: network.portfolio?.initiatives.map { x in
                .init(
                    id: x.id, name: x.name, kind: x.kind, sectors: x.sectors, budget: x.budget, status: x.status,
                    validFrom: x.validity?.from?.description, validUntil: x.validity?.until?.description, attributes: x.attributes.mapValues(Value.init))
            },
            affiliations: network.portfolio.map { p in
                p.affiliations.map { a in
                    .init(
                        actor: network.actors[Int(a.actor)].id, initiative: p.initiatives[Int(a.initiative)].id, role: a.role?.name,
                        commitment: a.commitment?.name, budget: a.budget, validFrom: a.validity?.from?.description,
                        validUntil: a.validity?.until?.description, attributes: (a.attributes ?? [:]).mapValues(Value.init))
                }
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(doc)
        data.append(0x0A)
        return data
    }

    struct Document: Encodable {
        var format: String
        var version: Int
        var directed: Bool
        var actorColumns: [Column]
        var tieColumns: [Column]
        var actors: [ActorEntry]
        var ties: [TieEntry]
        var initiativeColumns: [Column]?
        var affiliationColumns: [Column]?
        var initiatives: [InitiativeEntry]?
        var affiliations: [AffiliationEntry]?
    }
    struct InitiativeEntry: Encodable {
        var id: String; var name: String; var kind: String?; var sectors: [String]; var budget: Double?; var status: String?
        var validFrom: String?; var validUntil: String?; var attributes: [String: Value]
    }
    struct AffiliationEntry: Encodable {
        var actor: String; var initiative: String; var role: String?; var commitment: String?; var budget: Double?
        var validFrom: String?; var validUntil: String?; var attributes: [String: Value]
    }
    struct Column: Encodable { var name: String; var type: String }
    struct ActorEntry: Encodable {
        var id: String; var name: String; var kind: String?; var sectors: [String]; var level: String?
        var influence: Double?; var interest: Double?; var stance: String?; var voices: [String]
        var commitment: String?; var validFrom: String?; var validUntil: String?; var attributes: [String: Value]
    }
    struct TieEntry: Encodable {
        var source: String; var target: String; var relation: String; var strength: Double
        var commitment: String?; var directed: Bool; var validFrom: String?; var validUntil: String?; var attributes: [String: Value]
    }
    enum Value: Encodable {
        case number(Double), text(String)
        init(_ v: AttributeValue) {
            switch v {
            case .number(let x): self = .number(x)
            case .text(let s): self = .text(s)
            }
        }
        func encode(to encoder: Encoder) throws {
            var c = encoder.singleValueContainer()
            switch self {
            case .number(let x): try c.encode(x)
            case .text(let s): try c.encode(s)
            }
        }
    }

    // MARK: Reading

    /// Reads a Coalition JSON document into `assembler`. JSON gives no positions for values,
    /// so problems name the element (`ties[3].target`); syntax errors give line and column.
    public static func read(_ data: Data, file: String, into assembler: inout NetworkAssembler) throws(InputError) {
        let object: Any
        do {
            object = try JSONTree.parse(data)
        } catch {
            throw InputError(
                Diagnostic(
                    .error, .malformedJSON, at: syntaxErrorLocation(error, data: data, file: file),
                    "malformed JSON: \(syntaxErrorReason(error).lowercased()) (look for a missing comma, quote or bracket just before this point)"))
        }
        let top = SourceLocation(file: file, line: 1, column: 1)
        guard let doc = object as? [String: Any] else {
            throw InputError(Diagnostic(.error, .malformedJSON, at: top, "expected a JSON object with \"format\": \"coalition\""))
        }
        guard doc["format"] as? String == formatName else {
            throw InputError(
                Diagnostic(
                    .error, .malformedJSON, at: top,
                    "not a Coalition or Kumu JSON file: expected \"format\": \"coalition\", or Kumu's \"elements\" and \"connections\" (other JSON layouts are not read)"))
        }
        guard let v = (doc["version"] as? Double).flatMap({ $0 == $0.rounded() && abs($0) < 1e9 ? Int($0) : nil }), readable.contains(v) else {
            throw InputError(
                Diagnostic(
                    .error, .malformedJSON, at: top,
                    "unsupported Coalition JSON version \(doc["version"].flatMap { text($0) } ?? "(none)"); this program reads versions \(readable.lowerBound) to \(readable.upperBound)"))
        }
        let directed = doc["directed"] as? Bool ?? false
        for (key, owner) in [("actorColumns", NetworkAssembler.ColumnOwner.actors), ("tieColumns", .ties)] {
            for c in doc[key] as? [[String: Any]] ?? [] {
                if let name = c["name"] as? String {
                    assembler.declareColumn(name, of: owner, as: c["type"] as? String == "text" ? .text : .number)
                }
            }
        }
        guard let actors = doc["actors"] as? [Any] else {
            throw InputError(Diagnostic(.error, .malformedJSON, at: top, "\"actors\" must be a list"))
        }
        let ties = doc["ties"] as? [Any] ?? []
        for (key, ofInitiatives) in [("initiativeColumns", true), ("affiliationColumns", false)] {
            for c in doc[key] as? [[String: Any]] ?? [] {
                if let name = c["name"] as? String {
                    assembler.declarePortfolioColumn(name, ofInitiatives: ofInitiatives, as: c["type"] as? String == "text" ? .text : .number)
                }
            }
        }
        for (i, item) in actors.enumerated() {
            let at = { (field: String) in SourceLocation(file: file, path: "actors[\(i)]\(field.isEmpty ? "" : ".")\(field)") }
            guard let a = item as? [String: Any] else {
                assembler.note(Diagnostic(.error, .malformedJSON, at: at(""), "each actor must be an object")); continue
            }
            var r = ActorRecord(location: at(""))
            func cell(_ key: String) -> Cell? { text(a[key]).map { Cell($0, at: at(key)) } }
            r.id = cell("id"); r.name = cell("name"); r.kind = cell("kind"); r.sector = cell("sectors")
            r.level = cell("level"); r.influence = cell("influence"); r.interest = cell("interest")
            r.stance = cell("stance"); r.voices = cell("voices"); r.commitment = cell("commitment")
            r.validFrom = cell("validFrom"); r.validUntil = cell("validUntil")
            if r.id == nil {
                assembler.note(Diagnostic(.error, .emptyID, at: at("id"), "actor has no id")); continue
            }
            for (k, v) in (a["attributes"] as? [String: Any] ?? [:]).sorted(by: { $0.key < $1.key }) {
                if let t = text(v) { r.extra.append((k, Cell(t, at: at("attributes.\(k)")))) }
            }
            assembler.add(r)
        }
        if let initiatives = doc["initiatives"] {
            guard let list = initiatives as? [Any] else {
                throw InputError(Diagnostic(.error, .malformedJSON, at: top, "\"initiatives\" must be a list"))
            }
            assembler.declareInitiatives()
            for (i, item) in list.enumerated() {
                let at = { (field: String) in SourceLocation(file: file, path: "initiatives[\(i)]\(field.isEmpty ? "" : ".")\(field)") }
                guard let x = item as? [String: Any] else {
                    assembler.note(Diagnostic(.error, .malformedJSON, at: at(""), "each initiative must be an object")); continue
                }
                var r = InitiativeRecord(location: at(""))
                func cell(_ key: String) -> Cell? { text(x[key]).map { Cell($0, at: at(key)) } }
                r.id = cell("id"); r.name = cell("name"); r.kind = cell("kind"); r.sector = cell("sectors")
                r.budget = cell("budget"); r.status = cell("status"); r.validFrom = cell("validFrom"); r.validUntil = cell("validUntil")
                if r.id == nil {
                    assembler.note(Diagnostic(.error, .emptyID, at: at("id"), "initiative has no id")); continue
                }
                for (k, v) in (x["attributes"] as? [String: Any] ?? [:]).sorted(by: { $0.key < $1.key }) {
                    if let t = text(v) { r.extra.append((k, Cell(t, at: at("attributes.\(k)")))) }
                }
                assembler.add(r)
            }
        }
        if let affiliations = doc["affiliations"] {
            guard let list = affiliations as? [Any] else {
                throw InputError(Diagnostic(.error, .malformedJSON, at: top, "\"affiliations\" must be a list"))
            }
            assembler.expectParticipations()
            for (i, item) in list.enumerated() {
                let at = { (field: String) in SourceLocation(file: file, path: "affiliations[\(i)]\(field.isEmpty ? "" : ".")\(field)") }
                guard let x = item as? [String: Any] else {
                    assembler.note(Diagnostic(.error, .malformedJSON, at: at(""), "each affiliation must be an object")); continue
                }
                var r = AffiliationRecord(location: at(""))
                func cell(_ key: String) -> Cell? { text(x[key]).map { Cell($0, at: at(key)) } }
                r.actor = cell("actor"); r.initiative = cell("initiative"); r.role = cell("role")
                r.commitment = cell("commitment"); r.budget = cell("budget"); r.validFrom = cell("validFrom"); r.validUntil = cell("validUntil")
                for (k, v) in (x["attributes"] as? [String: Any] ?? [:]).sorted(by: { $0.key < $1.key }) {
                    if let t = text(v) { r.extra.append((k, Cell(t, at: at("attributes.\(k)")))) }
                }
                assembler.add(r)
            }
        }
        for (i, item) in ties.enumerated() {
            let at = { (field: String) in SourceLocation(file: file, path: "ties[\(i)]\(field.isEmpty ? "" : ".")\(field)") }
            guard let t = item as? [String: Any] else {
                assembler.note(Diagnostic(.error, .malformedJSON, at: at(""), "each tie must be an object")); continue
            }
            var r = TieRecord(location: at(""))
            func cell(_ key: String) -> Cell? { text(t[key]).map { Cell($0, at: at(key)) } }
            r.source = cell("source"); r.target = cell("target"); r.relation = cell("relation")
            r.strength = cell("strength"); r.commitment = cell("commitment")
            r.validFrom = cell("validFrom"); r.validUntil = cell("validUntil")
            let isDirected = (t["directed"] as? Bool) ?? directed
            r.direction = Cell(isDirected ? "directed" : "undirected", at: at("directed"))
            for (k, v) in (t["attributes"] as? [String: Any] ?? [:]).sorted(by: { $0.key < $1.key }) {
                if let s = text(v) { r.extra.append((k, Cell(s, at: at("attributes.\(k)")))) }
            }
            assembler.add(r)
        }
    }

    /// A JSON value as cell text: lists joined with `|` (the model's multi-value separator).
    static func text(_ value: Any?) -> String? {
        switch value {
        case nil, is NSNull: return nil
        case let s as String: return s
        case let b as Bool: return b ? "true" : "false"
        case let d as Double: return Numbers.shortest(d)
        case let n as NSNumber:
            // Foundation boxes JSON booleans as NSNumber with the C type "c".
            if String(cString: n.objCType) == "c" { return n.boolValue ? "true" : "false" }
            return Numbers.shortest(n.doubleValue)
        case let list as [Any]: return list.compactMap { text($0) }.joined(separator: "|")
        default: return "\(value!)"
        }
    }

    /// Foundation reports JSON syntax errors as "… around character N." (a byte offset).
    static func syntaxErrorLocation(_ error: Error, data: Data, file: String) -> SourceLocation {
        let message = ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String) ?? "\(error)"
        let offset: Int
        if let range = message.range(of: "character "), let n = Int(message[range.upperBound...].prefix(while: \.isNumber)) {
            offset = n
        } else if message.lowercased().contains("control character"), let n = firstControlCharacterInString(data) {
            // Foundation names no place for these: the first raw control character in a string.
            offset = n
        } else {
            // Nor for the end of the file (an unclosed bracket or string): the place is the end.
            offset = data.count
        }
        var line = 1, column = 1
        for b in data.prefix(offset) {
            if b == 0x0A { line += 1; column = 1 } else if b & 0xC0 != 0x80 { column += 1 }
        }
        return SourceLocation(file: file, line: line, column: column)
    }

    /// The offset of the first byte below 0x20 inside a string, where JSON wants `\n`, `\t`, `\u0001`.
    static func firstControlCharacterInString(_ data: Data) -> Int? {
        var inString = false, escaped = false
        for (i, b) in data.enumerated() {
            if inString {
                if escaped { escaped = false } else if b == 0x5C { escaped = true } else if b == 0x22 { inString = false } else if b < 0x20 { return i }
            } else if b == 0x22 {
                inString = true
            } else if b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D {
                return i
            }
        }
        return nil
    }

    static func syntaxErrorReason(_ error: Error) -> String {
        let message = ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String) ?? "\(error)"
        let reason = message.components(separatedBy: " around").first ?? message
        return reason.hasSuffix(".") ? String(reason.dropLast()) : reason
    }
}
