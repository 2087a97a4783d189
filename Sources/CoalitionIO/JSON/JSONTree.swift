import Coalition
import Foundation

/// A JSON document as `[String: Any]`, `[Any]`, `String`, `Double`, `Bool` and `NSNull`, with
/// every number exactly as written.
///
/// Foundation's `JSONSerialization` on Linux reads some 17-digit numbers a few units in the
/// last place off (0.06414860649673172 came back as …174), which broke exact round trips of
/// Coalition JSON; its `JSONDecoder` reads them exactly. `JSONSerialization` still runs first,
/// for the located syntax errors the readers report.
enum JSONTree {
    static func parse(_ data: Data) throws -> Any {
        _ = try JSONSerialization.jsonObject(with: data)
        return try JSONDecoder().decode(Node.self, from: data).value
    }

    struct Node: Decodable {
        var value: Any

        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if c.decodeNil() {
                value = NSNull()
            } else if let b = try? c.decode(Bool.self) {
                value = b
            } else if let d = try? c.decode(Double.self) {
                value = d
            } else if let s = try? c.decode(String.self) {
                value = s
            } else if let list = try? c.decode([Node].self) {
                value = list.map(\.value)
            } else {
                value = try c.decode([String: Node].self).mapValues(\.value)
            }
        }
    }
}
