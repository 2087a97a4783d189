import Coalition
import CoalitionDOT
import CoalitionTestSupport
import Foundation
import XCTest
import ZIPFoundation

@testable import CoalitionIO

/// Hostile inputs too large to commit, made here: each gives a located error, quickly, in
/// bounded memory — never a trap, a stack overflow or gigabytes of allocation.
final class HostileInputTests: XCTestCase {
    func write(_ text: String, as name: String) throws -> String {
        let path = try temporaryFolder().appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func firstError(_ paths: [String]) -> String? {
        InputLoader.load(paths, options: .withDOT).diagnostics.sorted().first { $0.severity == .error }?.description
    }

    func testXMLNestedFiftyThousandDeepIsRefusedAtTheLimit() throws {
        let deep =
            "<?xml version=\"1.0\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"><graph edgedefault=\"undirected\">"
            + String(repeating: "<data>", count: 50_000) + String(repeating: "</data>", count: 50_000) + "</graph></graphml>"
        let path = try write(deep, as: "deep.graphml")
        XCTAssertEqual(
            firstError([path]), "\(path):2:1617: error: malformed XML: elements are nested more than 256 deep; GraphML, GEXF and workbooks need far fewer [malformed-xml]")
        // GEXF goes through the same parser.
        let gexf = try write(deep.replacingOccurrences(of: "graphml", with: "gexf"), as: "deep.gexf")
        XCTAssertTrue(firstError([gexf])?.contains("nested more than 256 deep") == true)
    }

    func testDOTNestedBeyondTheParsersStackIsAnErrorNotAnEmptyMap() throws {
        let dot = "graph { " + String(repeating: "subgraph { ", count: 5_000) + "a -- b" + String(repeating: " }", count: 5_000) + " }\n"
        let path = try write(dot, as: "deep.gv")
        XCTAssertEqual(
            firstError([path]),
            "\(path):1:9: error: malformed DOT: subgraphs or brackets nested deeper than Graphviz's parser can follow, memory exhausted in line 1 near 'subgraph' [malformed-dot]")
    }

    func testEntityExpansionIsRefusedBeforeParsing() throws {
        // 400 KB of references to one 1 KB entity: quadratic expansion before, refused now.
        var text = "<?xml version=\"1.0\"?>\n<!DOCTYPE graphml [<!ENTITY big \"" + String(repeating: "x", count: 1000) + "\">]>\n"
        text +=
            "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"><key id=\"n\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/><graph edgedefault=\"undirected\"><node id=\"a\"><data key=\"n\">"
        text += String(repeating: "&big;", count: 80_000) + "</data></node></graph></graphml>"
        let path = try write(text, as: "laughs.graphml")
        let start = Date()
        XCTAssertEqual(
            firstError([path]),
            "\(path):2:20: error: malformed XML: the document declares an entity (<!ENTITY …>); entities are not read, as they can expand without bound: write the text itself [malformed-xml]"
        )
        XCTAssertLessThan(Date().timeIntervalSince(start), 2)
    }

    // MARK: Workbooks

    static let main = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""

    /// A workbook of one sheet "Actors"; `sheet` is the worksheet part, given as chunks
    /// produced on demand so that a large part is never held whole.
    func workbook(size: Int, chunk: @escaping (Int, Int) -> Data) throws -> URL {
        let archive = try Archive(data: Data(), accessMode: .create)
        func add(_ path: String, _ text: String) throws {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { p, n in
                data.subdata(in: Int(p)..<Int(p) + n)
            }
        }
        try add("xl/workbook.xml", "<workbook \(Self.main)><sheets><sheet name=\"Actors\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>")
        try add(
            "xl/_rels/workbook.xml.rels",
            "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/s.xml\"/></Relationships>"
        )
        try add("xl/styles.xml", "<styleSheet \(Self.main)><cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/></cellXfs></styleSheet>")
        try archive.addEntry(
            with: "xl/worksheets/s.xml", type: .file, uncompressedSize: Int64(size), compressionMethod: .deflate,
            bufferSize: 1 << 20
        ) { p, n in chunk(Int(p), n) }
        let url = try temporaryFolder().appendingPathComponent("book.xlsx")
        try XCTUnwrap(archive.data).write(to: url)
        return url
    }

    func sheet(_ rows: String) throws -> URL {
        let text = Data(
            "<worksheet \(Self.main)><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>id</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>joined</t></is></c></row>\(rows)</sheetData></worksheet>"
                .utf8)
        return try workbook(size: text.count) { p, n in text.subdata(in: p..<p + n) }
    }

    func testCellReferencesAndRowsBeyondExcelsGridAreLocatedErrors() throws {
        let beyond = try sheet("<row r=\"2\"><c r=\"XFD1048577\" t=\"inlineStr\"><is><t>a</t></is></c></row>")
        XCTAssertEqual(
            firstError([beyond.path]),
            "\(beyond.path)[xl/worksheets/s.xml]:1:322: error: a cell reference \"XFD1048577\" that is not a cell of row 2 (columns run from A to XFD, rows from 1 to 1048576) [malformed-xlsx]"
        )
        let column = try sheet("<row r=\"2\"><c r=\"AAAAAAAAAAAAAAAAAAAA2\"><v>1</v></c></row>")
        XCTAssertTrue(firstError([column.path])?.contains("a cell reference \"AAAAAAAAAAAAAAAAAAAA2\" that is not a cell of row 2") == true)
        let row = try sheet("<row r=\"99999999999999999999\"><c t=\"inlineStr\"><is><t>a</t></is></c></row>")
        XCTAssertEqual(
            firstError([row.path]), "\(row.path)[xl/worksheets/s.xml]:1:309: error: a row numbered \"99999999999999999999\"; Excel's rows run from 1 to 1048576 [malformed-xlsx]")
        let maxRow = try sheet("<row r=\"9223372036854775807\"><c t=\"inlineStr\"><is><t>a</t></is></c></row>")
        XCTAssertTrue(firstError([maxRow.path])?.contains("a row numbered \"9223372036854775807\"") == true)
    }

    func testDatesAndNumbersThatDoNotFit() throws {
        let huge = try sheet("<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>a</t></is></c><c r=\"B2\" s=\"1\"><v>1e300</v></c></row>")
        let loaded = InputLoader.load([huge.path], options: .withDOT)
        XCTAssertEqual(loaded.diagnostics.entries.map(\.description), [])
        // Beyond 9999-12-31 Excel shows ####; the number is kept as written.
        XCTAssertEqual(loaded.network?.actors.first?.attributes["joined"]?.description, "1e+300")
        for bad in ["nan", "inf", "-inf"] {
            let book = try sheet("<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>a</t></is></c><c r=\"B2\" s=\"1\"><v>\(bad)</v></c></row>")
            XCTAssertEqual(firstError([book.path]), "\(book.path)[Actors]:2:2: error: the cell's number \"\(bad)\" is not a finite number [malformed-xlsx]")
        }
    }

    func testAPartLargerThanTheBoundIsRefusedAsItInflates() throws {
        // 272 MiB of rows that deflate to well under a megabyte.
        let row = Data("<row><c t=\"inlineStr\"><is><t>an actor of a sheet far too large</t></is></c></row>".utf8)
        let head = Data("<worksheet \(Self.main)><sheetData>".utf8)
        let size = 272 << 20
        let book = try workbook(size: size) { p, n in
            var out = Data(capacity: n)
            var i = p
            while out.count < n {
                if i < head.count { out.append(head[i]); i += 1; continue }
                let k = (i - head.count) % row.count
                let take = min(row.count - k, n - out.count)
                out.append(row.subdata(in: k..<k + take))
                i += take
            }
            return out
        }
        XCTAssertLessThan(try Data(contentsOf: book).count, 4 << 20)
        XCTAssertEqual(
            firstError([book.path]),
            "\(book.path): error: xl/worksheets/s.xml unpacks to more than 256 MiB, more than this program reads from one part of a workbook [malformed-xlsx]")

        // The same bomb with its headers saying it unpacks to 1 KB: counted as it inflates.
        var bytes = [UInt8](try Data(contentsOf: book))
        let name = Array("xl/worksheets/s.xml".utf8)
        var patched = 0
        for i in 0..<bytes.count - 46 {
            if bytes[i..<i + 4].elementsEqual([0x50, 0x4B, 0x03, 0x04]), bytes[(i + 30)..<(i + 30 + name.count)].elementsEqual(name) {
                bytes.replaceSubrange((i + 22)..<(i + 26), with: [0x00, 0x04, 0x00, 0x00]); patched += 1
            }
            if bytes[i..<i + 4].elementsEqual([0x50, 0x4B, 0x01, 0x02]), i + 46 + name.count <= bytes.count,
                bytes[(i + 46)..<(i + 46 + name.count)].elementsEqual(name)
            {
                bytes.replaceSubrange((i + 24)..<(i + 28), with: [0x00, 0x04, 0x00, 0x00]); patched += 1
            }
        }
        XCTAssertEqual(patched, 2)
        let liar = book.deletingLastPathComponent().appendingPathComponent("liar.xlsx")
        try Data(bytes).write(to: liar)
        let error = try XCTUnwrap(firstError([liar.path]))
        XCTAssertTrue(error.hasPrefix("\(liar.path)"), error)
        XCTAssertTrue(error.hasSuffix("[malformed-xlsx]") || error.hasSuffix("[malformed-xml]"), error)
    }

    // MARK: Files that are not files

    func testPipesAndDevicesAreRefusedUnread() throws {
        let dir = try temporaryFolder()
        let fifo = dir.appendingPathComponent("actors.csv").path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        XCTAssertEqual(firstError([fifo]), "\(fifo): error: this is a named pipe (FIFO), not a regular file; save the data to a file and give that [file-unreadable]")
        let zero = dir.appendingPathComponent("zero.csv").path
        try FileManager.default.createSymbolicLink(atPath: zero, withDestinationPath: "/dev/zero")
        XCTAssertEqual(firstError([zero]), "\(zero): error: this is a device, not a regular file; save the data to a file and give that [file-unreadable]")
    }

    func testIdsThatDifferOnlyByInvisibleCharactersAreFlagged() throws {
        let path = try write("id,name\nmoh,Ministry of Health\nmo\u{200B}h,Ministry of Health (copy)\n\u{200F}phi,Public Health Institute\nphi,Institute again\n", as: "actors.csv")
        let loaded = InputLoader.load([path], options: .withDOT)
        XCTAssertEqual(
            loaded.diagnostics.entries.map(\.description),
            [
                "\(path):3:1: warning: actor id \"moh\" holds invisible characters and looks the same as the id defined at \(path):2:1; ties to either may reach the wrong one [lookalike-id]",
                "\(path):5:1: warning: actor id \"phi\" looks the same as the id defined at \(path):4:1, which holds invisible characters; ties to either may reach the wrong one [lookalike-id]",
            ])
        XCTAssertEqual(loaded.network?.actors.count, 4)
    }

    func testAControlCharacterQuotedFromTheInputStaysOnOneLine() {
        let d = Diagnostic(.error, .unknownActor, at: SourceLocation(file: "t.csv", line: 2, column: 1), "tie names unknown actor \"a\nb\u{1}\"")
        XCTAssertEqual(d.description, "t.csv:2:1: error: tie names unknown actor \"a\\nb\\u{1}\" [unknown-actor]")
    }
}

extension HostileInputTests {
    /// CoalitionIO links no Graphviz: without the DOT module's reader a map is refused plainly.
    func testADOTMapWithoutTheDOTReaderIsAClearError() {
        let loaded = InputLoader.load([fixture("interop/city-map.gv")])
        XCTAssertEqual(
            loaded.diagnostics.entries.map(\.description),
            [
                "\(fixture("interop/city-map.gv")): error: this program reads no DOT maps (it was built without the CoalitionDOT module); export the map as GraphML or CSV [bad-input]"
            ])
        XCTAssertNil(loaded.network)
    }
}
