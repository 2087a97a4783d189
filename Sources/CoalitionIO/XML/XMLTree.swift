import Coalition
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A parsed XML element with its position in the file. GraphML and GEXF are read as a small
/// tree (Foundation's `XMLParser`, the toolchain's libxml2 binding, does the parsing), then
/// walked by the format readers.
final class XMLElement {
    let name: String
    let attributes: [String: String]
    let line: Int
    let column: Int
    var text = ""
    var children: [XMLElement] = []

    init(name: String, attributes: [String: String], line: Int, column: Int) {
        self.name = name
        self.attributes = attributes
        self.line = line
        self.column = column
    }

    /// The local name, without a namespace prefix (`y:NodeLabel` → `NodeLabel`).
    var localName: String { name.split(separator: ":").last.map(String.init) ?? name }

    func children(named local: String) -> [XMLElement] { children.filter { $0.localName == local } }
    func child(named local: String) -> XMLElement? { children.first { $0.localName == local } }

    /// Every descendant with this local name, depth first.
    func descendants(named local: String) -> [XMLElement] {
        var out: [XMLElement] = []
        for c in children {
            if c.localName == local { out.append(c) }
            out += c.descendants(named: local)
        }
        return out
    }

    func location(in file: String) -> SourceLocation { SourceLocation(file: file, line: line, column: column) }
}

enum XMLTree {
    /// Parses `data`; a malformed document is an error located where the parser stopped.
    static func parse(_ data: Data, file: String) throws(InputError) -> XMLElement {
        let parser = XMLParser(data: data)
        let builder = TreeBuilder(parser: parser)
        parser.delegate = builder
        let ok = parser.parse()
        if !ok || builder.root == nil {
            let detail = builder.failure ?? parser.parserError.map { ($0 as NSError).localizedDescription } ?? "no root element"
            throw InputError(Diagnostic(.error, .malformedXML,
                                        at: SourceLocation(file: file, line: max(parser.lineNumber, 1), column: max(parser.columnNumber, 1)),
                                        "malformed XML: \(detail)"))
        }
        return builder.root!
    }
}

private final class TreeBuilder: NSObject, XMLParserDelegate {
    unowned let parser: XMLParser
    var root: XMLElement?
    var stack: [XMLElement] = []
    var failure: String?

    init(parser: XMLParser) { self.parser = parser }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        let e = XMLElement(name: qName ?? elementName, attributes: attributeDict,
                           line: parser.lineNumber, column: parser.columnNumber)
        if let parent = stack.last { parent.children.append(e) } else { root = e }
        stack.append(e)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        stack.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        stack.last?.text += string
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        stack.last?.text += String(decoding: CDATABlock, as: UTF8.self)
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        if failure == nil { failure = describe(parseError) }
    }

    private func describe(_ error: Error) -> String {
        let ns = error as NSError
        if let reason = ns.userInfo[NSLocalizedDescriptionKey] as? String, !reason.isEmpty { return reason }
        if let code = XMLParser.ErrorCode(rawValue: ns.code) { return "\(code)".replacingOccurrences(of: "Error", with: " error") }
        return "error \(ns.code)"
    }
}
