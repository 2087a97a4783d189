import Coalition
import Foundation

/// Kumu's JSON: the blueprint a map imports (`{"elements": [{"label": …, "type": …}],
/// "connections": [{"from": …, "to": …, "type": …, "direction": …}]}`) and the project
/// export, whose elements and connections keep their fields under `"attributes"` with `_id`s
/// (`"element type"`, `"connection type"`). Fields are matched to the model like sheet columns;
/// a connection without a `direction` is directed, as Kumu draws it.
public enum KumuJSON {
    /// Whether a parsed JSON document looks like Kumu's (it has `elements`).
    static func isKumu(_ object: Any) -> Bool {
        (object as? [String: Any])?["elements"] is [Any]
    }

    // MARK: Reading

    public static func read(_ data: Data, file: String, into assembler: inout NetworkAssembler) throws(InputError) {
        let object: Any
        do {
            object = try JSONTree.parse(data)
        } catch {
            throw InputError(
                Diagnostic(
                    .error, .malformedJSON, at: CoalitionJSON.syntaxErrorLocation(error, data: data, file: file),
                    "malformed JSON: \(CoalitionJSON.syntaxErrorReason(error).lowercased()) (look for a missing comma, quote or bracket just before this point)"))
        }
        try read(object, file: file, into: &assembler)
    }

    static func read(_ object: Any, file: String, into assembler: inout NetworkAssembler) throws(InputError) {
        let top = SourceLocation(file: file, line: 1, column: 1)
        guard let doc = object as? [String: Any], let elements = doc["elements"] as? [Any] else {
            throw InputError(Diagnostic(.error, .malformedJSON, at: top, "expected a Kumu JSON object with an \"elements\" list"))
        }
        let connections: [Any]
        switch doc["connections"] {
        case nil, is NSNull: connections = []
        case let list as [Any]: connections = list
        default: throw InputError(Diagnostic(.error, .malformedJSON, at: top, "\"connections\" must be a list"))
        }
        /// An element's or connection's fields: its own keys, then those under "attributes".
        func fields(_ item: [String: Any]) -> [(String, Any)] {
            var out = item.filter { $0.key != "attributes" }.map { ($0.key, $0.value) }
            out += (item["attributes"] as? [String: Any] ?? [:]).map { ($0.key, $0.value) }
            return out.sorted { $0.0 < $1.0 }
        }
        for (i, item) in elements.enumerated() {
            let at = { (field: String) in SourceLocation(file: file, path: "elements[\(i)]\(field.isEmpty ? "" : ".")\(field)") }
            guard let element = item as? [String: Any] else {
                assembler.note(Diagnostic(.error, .malformedJSON, at: at(""), "each element must be an object")); continue
            }
            var r = ActorRecord(location: at(""))
            for (key, value) in fields(element) {
                guard let text = CoalitionJSON.text(value) else { continue }
                let field: ColumnField = key == "_id" ? .id : ColumnAliases.actors[ColumnAliases.key(key)] ?? .extra(key)
                r.set(field, Cell(text, at: at(key)), column: key)
            }
            assembler.add(r)
        }
        for (i, item) in connections.enumerated() {
            let at = { (field: String) in SourceLocation(file: file, path: "connections[\(i)]\(field.isEmpty ? "" : ".")\(field)") }
            guard let connection = item as? [String: Any] else {
                assembler.note(Diagnostic(.error, .malformedJSON, at: at(""), "each connection must be an object")); continue
            }
            var r = TieRecord(location: at(""))
            // Kumu draws a connection without a direction as directed.
            r.direction = Cell("directed", at: at("direction"))
            for (key, value) in fields(connection) where key != "_id" && key != "id" {
                guard let text = CoalitionJSON.text(value) else { continue }
                // Kumu's "type" on a connection is its relation.
                var field = ColumnAliases.ties[ColumnAliases.key(key)] ?? .extra(key)
                if case .typeAmbiguous = field { field = .relation }
                r.set(field, Cell(text, at: at(key)), column: key)
            }
            assembler.add(r)
        }
    }

    // MARK: Writing

    /// A blueprint Kumu imports: every column of `table` as a field; multi-valued ones as lists.
    public static func write(_ table: ExportTable) throws -> Data {
        func value(_ v: AttributeValue, list: Bool) -> Value {
            switch v {
            case .number(let x): return .number(x)
            case .text(let s): return list ? .list(s.split(separator: "|").map(String.init)) : .text(s)
            }
        }
        let listColumns: Set<String> = ["sector", "voices"]
        let elements = table.actorIDs.enumerated().map { v, id in
            var object: [String: Value] = ["id": .text(id)]
            for c in table.actorColumns {
                guard let x = c.values[v] else { continue }
                object[c.name == "name" ? "label" : c.name == "kind" ? "type" : c.name] = value(x, list: listColumns.contains(c.name))
            }
            if object["label"] == nil { object["label"] = .text(id) }
            return object
        }
        let direction = table.directed ? "directed" : "undirected"
        let connections = table.tieEnds.enumerated().map { e, ends in
            var object: [String: Value] = ["from": .text(ends.source), "to": .text(ends.target), "direction": .text(direction)]
            for c in table.tieColumns {
                guard let x = c.values[e] else { continue }
                object[c.name == "relation" ? "type" : c.name] = value(x, list: false)
            }
            return object
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(["elements": elements, "connections": connections])
        data.append(0x0A)
        return data
    }

    enum Value: Encodable, Equatable {
        case number(Double), text(String), list([String])
        func encode(to encoder: Encoder) throws {
            var c = encoder.singleValueContainer()
            switch self {
            case .number(let x): try c.encode(x)
            case .text(let s): try c.encode(s)
            case .list(let l): try c.encode(l)
            }
        }
    }
}
