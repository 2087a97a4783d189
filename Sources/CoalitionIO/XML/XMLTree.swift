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
    /// - Parameter completed: called with each element as soon as it ends; when it returns true
    ///   the element is handed over and dropped from the tree, so that a long list (a
    ///   worksheet's rows) is read one item at a time instead of held whole. An error it
    ///   throws stops the parse and is thrown.
    static func parse(
        _ data: Data, file: String,
        completed: ((XMLElement) throws(InputError) -> Bool)? = nil
    ) throws(InputError) -> XMLElement {
        // Foundation's XMLParser traps on element names that are not valid UTF-8 in a document
        // read as UTF-8, so such a document is refused here, at the first bad byte.
        if declaresUTF8(data), !CSVFile.isUTF8(data) {
            let at = CSVFile.firstInvalidUTF8(in: data)
            throw InputError(
                Diagnostic(
                    .error, .malformedXML, at: SourceLocation(file: file, line: at.line, column: at.column),
                    "malformed XML: the file is not valid UTF-8 here; save it as UTF-8 or declare its encoding"))
        }
        guard data.count <= largestDocument else {
            throw InputError(
                Diagnostic(
                    .error, .malformedXML, at: SourceLocation(file: file),
                    "the document is \(data.count) bytes, more than the \(largestDocument >> 20) MiB this program reads as XML"))
        }
        // Entities declared in the document can expand a few kilobytes into gigabytes (the
        // "billion laughs"), and libxml2 expands them before anyone can count. GraphML, GEXF and
        // workbooks never need them, so a document that declares one is refused unread.
        if let at = firstEntityDeclaration(in: data) {
            throw InputError(
                Diagnostic(
                    .error, .malformedXML, at: SourceLocation(file: file, line: at.line, column: at.column),
                    "malformed XML: the document declares an entity (<!ENTITY …>); entities are not read, as they can expand without bound: write the text itself"))
        }
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        let builder = TreeBuilder(parser: parser)
        builder.completed = completed
        parser.delegate = builder
        let ok = parser.parse()
        if let error = builder.handlerError { throw error }
        // libxml2 recovers from some errors and still reports success: any error counts.
        if let failure = builder.failure {
            throw InputError(
                Diagnostic(
                    .error, .malformedXML, at: SourceLocation(file: file, line: failure.line, column: failure.column),
                    "malformed XML: \(failure.reason)"))
        }
        if !ok || builder.root == nil {
            throw InputError(
                Diagnostic(
                    .error, .malformedXML,
                    at: SourceLocation(file: file, line: max(parser.lineNumber, 1), column: max(parser.columnNumber, 1)),
                    "malformed XML: no root element"))
        }
        return builder.root!
    }
}

/// The largest XML document read: a GraphML or GEXF file, or one part of a workbook once
/// unpacked. A whole tree takes about 15 times the document's size in memory (a 250 MiB
/// worksheet took 3.8 GB), which is why worksheets are read row by row.
let largestDocument = 256 << 20

/// Elements nested deeper than this are refused: GraphML, GEXF and workbooks need fewer than
/// ten levels, and a tree thousands deep would overflow the stack when walked or freed.
let deepestNesting = 256

/// Where the document declares an entity, if it does (line and column, 1-based).
private func firstEntityDeclaration(in data: Data) -> (line: Int, column: Int)? {
    let needle = Array("<!ENTITY".utf8)
    return data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> (Int, Int)? in
        let b = raw.bindMemory(to: UInt8.self)
        guard b.count >= needle.count else { return nil }
        var line = 1, lineStart = 0
        for i in 0...(b.count - needle.count) {
            if b[i] == 0x0A { line += 1; lineStart = i + 1; continue }
            if b[i] == 0x3C, b[i + 1] == 0x21, needle.indices.allSatisfy({ b[i + $0] == needle[$0] }) {
                return (line, i - lineStart + 1)
            }
        }
        return nil
    }
}

/// Whether libxml2 may read the document as UTF-8: unless its XML declaration names a
/// single-byte encoding that libxml2 converts from (or the file starts with a UTF-16 mark),
/// it is read as UTF-8 — a garbled or unknown encoding name included.
private func declaresUTF8(_ data: Data) -> Bool {
    if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) { return false }
    let head = String(decoding: data.prefix(200), as: UTF8.self)
    guard head.hasPrefix("<?xml"), let end = head.range(of: "?>") else { return true }
    let declaration = head[..<end.lowerBound].lowercased()
    guard let enc = declaration.range(of: "encoding") else { return true }
    let value = declaration[enc.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\"" || $0 == "'" }
    let converted = ["iso-8859-", "latin1", "latin-1", "windows-125", "cp125", "utf-16"]
    return !converted.contains { value.hasPrefix($0) }
}

private final class TreeBuilder: NSObject, XMLParserDelegate {
    unowned let parser: XMLParser
    var root: XMLElement?
    var stack: [XMLElement] = []
    var failure: (line: Int, column: Int, reason: String)?

    var completed: ((XMLElement) throws(InputError) -> Bool)?
    var handlerError: InputError?

    init(parser: XMLParser) { self.parser = parser }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) {
        let e = XMLElement(
            name: qName ?? elementName, attributes: attributeDict,
            line: parser.lineNumber, column: parser.columnNumber)
        guard stack.count < deepestNesting else {
            if failure == nil {
                failure = (
                    max(parser.lineNumber, 1), max(parser.columnNumber, 1),
                    "elements are nested more than \(deepestNesting) deep; GraphML, GEXF and workbooks need far fewer"
                )
            }
            parser.abortParsing()
            return
        }
        if let parent = stack.last { parent.children.append(e) } else { root = e }
        stack.append(e)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        guard let e = stack.popLast() else { return }
        guard let completed, handlerError == nil else { return }
        do throws(InputError) {
            if try completed(e), let parent = stack.last, parent.children.last === e { parent.children.removeLast() }
        } catch {
            handlerError = error
            parser.abortParsing()
        }
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
    /// each is said in words here (numbers from libxml2's `xmlerror.h`).
    private func describe(_ error: Error) -> String {
        let ns = error as NSError
        if let reason = ns.userInfo[NSLocalizedDescriptionKey] as? String, !reason.isEmpty { return reason }
        return XMLTree.meaning(ofLibxml2Error: ns.code)
    }
}

extension XMLTree {
    /// What a libxml2 error code means, as a reader fixing the file needs it.
    static func meaning(ofLibxml2Error code: Int) -> String {
        let known: [Int: String] = [
            1: "the XML parser failed inside", 2: "the XML parser ran out of memory",
            3: "the document does not start like XML", 4: "the document is empty",
            5: "extra content after the end of the document", 6: "a hexadecimal character reference (&#x…;) is malformed",
            7: "a decimal character reference (&#…;) is malformed", 8: "a character reference names a character XML does not allow",
            9: "a character that XML does not allow", 10: "the file ends inside a character reference",
            11: "a character reference before the root element", 12: "a character reference after the root element",
            13: "a character reference inside the document type declaration", 14: "the file ends inside an entity reference",
            15: "an entity reference before the root element", 16: "an entity reference after the root element",
            17: "an entity reference inside the document type declaration", 18: "the file ends inside a parameter-entity reference",
            19: "a parameter-entity reference before the root element", 20: "a parameter-entity reference after the root element",
            21: "a parameter-entity reference inside the document type declaration", 22: "'&' is not followed by an entity name (write & as &amp;)",
            23: "an entity reference is missing its ';' (write & as &amp;)", 24: "'%' is not followed by a name",
            25: "a parameter-entity reference is missing its ';'", 26: "undeclared entity (write & as &amp;)",
            27: "undeclared entity (write & as &amp;)", 28: "a reference to an unparsed entity",
            29: "a reference to an external entity, which is not read", 30: "a parameter entity used in the document",
            31: "the declared encoding is not known; save the file as UTF-8", 32: "the declared encoding is not supported; save the file as UTF-8",
            33: "a quoted string is expected here", 34: "a quoted string is not closed",
            35: "a namespace declaration is malformed", 36: "an entity value is expected here",
            37: "an entity value is not closed", 38: "'<' inside an attribute value (write &lt;)",
            39: "an attribute value must start with a quote", 40: "an attribute value is not closed",
            41: "an attribute has no value", 42: "the same attribute appears twice on one element",
            43: "a quoted literal is expected here", 44: "a quoted literal is not closed",
            45: "a comment is not closed (<!-- needs -->)", 46: "a processing instruction is malformed",
            47: "a processing instruction is not closed (<? needs ?>)", 48: "a notation declaration is malformed",
            49: "a notation declaration is not closed", 50: "an attribute-list declaration is malformed",
            51: "an attribute-list declaration is not closed", 52: "a mixed-content declaration is malformed",
            53: "a mixed-content declaration is not closed", 54: "an element-content declaration is malformed",
            55: "an element-content declaration is not closed", 56: "the XML declaration is malformed",
            57: "the XML declaration is not finished", 58: "a conditional section is malformed",
            59: "a conditional section is not closed", 60: "the external subset is not finished",
            61: "the document type declaration is not finished", 62: "']]>' outside a CDATA section",
            63: "a CDATA section is not closed (<![CDATA[ needs ]]>)", 64: "a name starting with 'xml' is reserved",
            65: "a space is required here", 66: "a separator is required here",
            67: "a name token is required here", 68: "a name is required here (write & as &amp;)",
            69: "#PCDATA is required here", 70: "a URI is required here",
            71: "a public identifier is required here", 72: "'<' is required here",
            73: "'>' is required here", 74: "'</' is required here",
            75: "'=' is required here", 76: "closing tag does not match the opening tag",
            77: "an element is not closed before the end of the file", 78: "standalone must be 'yes' or 'no'",
            79: "the encoding name is malformed", 80: "'--' inside a comment",
            81: "the text is not in the declared encoding; save the file as UTF-8", 82: "an external entity in a standalone document",
            83: "a conditional section is malformed", 84: "a value is required here",
            85: "the elements are not properly nested", 86: "extra content at the end of the document",
            87: "an entity contains a character XML does not allow", 88: "a parameter entity inside the internal subset",
            89: "an entity refers to itself", 90: "an entity ends inside a construct it started",
            91: "a URI is malformed", 92: "a URI has a fragment", 94: "the document has no DTD",
            95: "a conditional section's keyword is malformed", 96: "the XML declaration has no version",
            101: "the encoding is not declared", 103: "the document is not standalone",
            104: "an entity could not be processed", 105: "a notation could not be processed",
            106: "a null character (&#0; or a zero byte)", 107: "a name is longer than XML allows",
            108: "a document nested or expanded beyond the parser's limits", 201: "an element or attribute uses an undeclared namespace prefix",
            202: "a qualified name is malformed", 203: "an attribute appears twice under one namespace",
        ]
        return known[code] ?? "the XML parser stopped here (libxml2 error \(code))"

    }
}
