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
        // Foundation's XMLParser traps on element names that are not valid UTF-8 in a document
        // read as UTF-8, so such a document is refused here, at the first bad byte.
        if declaresUTF8(data), !CSVFile.isUTF8(data) {
            let at = CSVFile.firstInvalidUTF8(in: data)
            throw InputError(Diagnostic(.error, .malformedXML, at: SourceLocation(file: file, line: at.line, column: at.column),
                                        "malformed XML: the file is not valid UTF-8 here; save it as UTF-8 or declare its encoding"))
        }
        let parser = XMLParser(data: data)
        let builder = TreeBuilder(parser: parser)
        parser.delegate = builder
        let ok = parser.parse()
        // libxml2 recovers from some errors and still reports success: any error counts.
        if let failure = builder.failure {
            throw InputError(Diagnostic(.error, .malformedXML, at: SourceLocation(file: file, line: failure.line, column: failure.column),
                                        "malformed XML: \(failure.reason)"))
        }
        if !ok || builder.root == nil {
            throw InputError(Diagnostic(.error, .malformedXML,
                                        at: SourceLocation(file: file, line: max(parser.lineNumber, 1), column: max(parser.columnNumber, 1)),
                                        "malformed XML: no root element"))
        }
        return builder.root!
    }
}

/// Whether the document is read as UTF-8: no `encoding` in its XML declaration, or UTF-8.
private func declaresUTF8(_ data: Data) -> Bool {
    let head = String(decoding: data.prefix(200), as: UTF8.self)
    guard head.hasPrefix("<?xml"), let end = head.range(of: "?>") else { return true }
    let declaration = head[..<end.lowerBound].lowercased()
    guard let enc = declaration.range(of: "encoding") else { return true }
    let value = declaration[enc.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\"" || $0 == "'" }
    return value.hasPrefix("utf-8") || value.hasPrefix("utf8")
}

private final class TreeBuilder: NSObject, XMLParserDelegate {
    unowned let parser: XMLParser
    var root: XMLElement?
    var stack: [XMLElement] = []
    var failure: (line: Int, column: Int, reason: String)?

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
        if failure == nil {
            failure = (max(parser.lineNumber, 1), max(parser.columnNumber, 1), describe(parseError))
        }
    }

    /// On Linux, Foundation passes libxml2's `xmlParserErrors` codes through without a message;
    /// the common ones are named here (numbers from libxml2's `xmlerror.h`).
    private func describe(_ error: Error) -> String {
        let ns = error as NSError
        if let reason = ns.userInfo[NSLocalizedDescriptionKey] as? String, !reason.isEmpty { return reason }
        let known: [Int: String] = [
            4: "the document is empty", 5: "extra content after the end of the document",
            9: "a character that XML does not allow", 23: "an entity reference is missing its ';' (write & as &amp;)",
            26: "undeclared entity (write & as &amp;)", 38: "'<' inside an attribute value (write &lt;)",
            39: "an attribute value must start with a quote", 40: "an attribute value is not closed",
            41: "an attribute has no value", 42: "the same attribute appears twice on one element",
            57: "the XML declaration is not finished", 65: "a space is required here",
            68: "a name is required here (write & as &amp;)", 73: "'>' is required here",
            74: "'</' is required here", 76: "closing tag does not match the opening tag",
            77: "an element is not closed before the end of the file", 85: "the elements are not properly nested",
        ]
        return known[ns.code] ?? "XML error \(ns.code)"
    }
}
