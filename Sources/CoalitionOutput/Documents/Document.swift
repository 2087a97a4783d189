import Foundation

/// The formats a command's result is written in.
public enum DocumentFormat: String, Sendable, CaseIterable {
    case text, json, csv
}

/// What one command answers, in every form it can be written: the `Encodable` value is the
/// documented JSON interface (README), its key names fixed; `text` is for reading; `table`, when
/// there is one, is the CSV.
public protocol Document: Encodable {
    var text: String { get }
    /// The rows `--format csv` writes; nil when the document has no CSV form.
    var table: Table? { get }
}

extension Document {
    public var table: Table? { nil }

    /// The document as `format`; nil for CSV when it has none.
    public func rendered(_ format: DocumentFormat) throws -> String? {
        switch format {
        case .text: text
        case .json: try DocumentJSON.string(self)
        case .csv: table?.csv
        }
    }
}

/// The one JSON encoder configuration: pretty, keys sorted (so output is byte-identical run to
/// run, whatever order a dictionary holds), slashes unescaped.
public enum DocumentJSON {
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    public static func data<T: Encodable>(_ value: T) throws -> Data { try encoder().encode(value) }

    public static func string<T: Encodable>(_ value: T) throws -> String { String(decoding: try data(value), as: UTF8.self) }
}
