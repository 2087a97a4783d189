import Coalition
import CoalitionTestSupport
import Foundation
import XCTest

@testable import CoalitionIO

final class CSVTests: XCTestCase {
    func rows(_ text: String, delimiter: UInt8? = nil) throws -> ([[String]], DiagnosticLog) {
        var file = try CSVFile(name: "t.csv", data: Data(text.utf8), delimiter: delimiter)
        var out: [[String]] = []
        file.forEachRow { out.append($0.fields) }
        return (out, file.diagnostics)
    }

    func testRFC4180Quoting() throws {
        let (r, log) = try rows("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n1,,3\n")
        XCTAssertEqual(r, [["a", "b", "c"], ["x, y", "say \"hi\"", "two\nlines"], ["1", "", "3"]])
        XCTAssertTrue(log.entries.isEmpty)
    }

    func testLastLineWithoutNewlineAndTrailingEmptyField() throws {
        XCTAssertEqual(try rows("a,b\n1,").0, [["a", "b"], ["1", ""]])
        XCTAssertEqual(try rows("a,b\n1,2").0, [["a", "b"], ["1", "2"]])
    }

    func testBlankAndCommentLinesAreSkipped() throws {
        XCTAssertEqual(try rows("# a comment, with commas\n\na,b\n  \n1,2\n# another\n").0, [["a", "b"], ["1", "2"]])
    }

    func testByteOrderMarkIsDropped() throws {
        var data = Data([0xEF, 0xBB, 0xBF])
        data.append(Data("id,name\nx,y\n".utf8))
        var file = try CSVFile(name: "t.csv", data: data)
        var first: [String] = []
        file.forEachRow { if first.isEmpty { first = $0.fields } }
        XCTAssertEqual(first, ["id", "name"])
    }

    func testDelimiterIsSniffedFromTheHeader() {
        XCTAssertEqual(CSVFile.sniffDelimiter("Id;Label;Weight\n1;a,b;2,5\n"), UInt8(ascii: ";"))
        XCTAssertEqual(CSVFile.sniffDelimiter("id,name\n"), UInt8(ascii: ","))
        XCTAssertEqual(CSVFile.sniffDelimiter("id\tname\tkind\n"), 0x09)
        XCTAssertEqual(CSVFile.sniffDelimiter("# x;y;z\nid,name\n"), UInt8(ascii: ","))
        XCTAssertEqual(CSVFile.sniffDelimiter("\"a;b\",c\n"), UInt8(ascii: ","))
        XCTAssertEqual(CSVFile.sniffDelimiter("id\n"), UInt8(ascii: ","))
    }

    func testColumnsAreCountedInCharacters() throws {
        var file = try CSVFile(name: "t.csv", data: Data("ä,ö,x\n".utf8))
        var row: CSVRow?
        file.forEachRow { row = $0 }
        XCTAssertEqual(row?.location(ofField: 2, in: "t.csv").column, 5)
    }

    func testMalformedRowsAreReportedAndReadingGoesOn() throws {
        let (r, log) = try rows("a,b\nx\"y,1\n\"p\"q,2\nok,3\n")
        XCTAssertEqual(r, [["a", "b"], ["ok", "3"]])
        XCTAssertEqual(
            log.entries.map(\.description),
            [
                "t.csv:2:2: error: stray quote in an unquoted field; enclose the field in quotes and double the quote (\"\") [bad-quoting]",
                "t.csv:3:4: error: unexpected text after a closing quote; a field that starts with \" must end with \" right before the delimiter [bad-quoting]",
            ])
    }

    func testWindows1252IsReadWithAWarning() throws {
        // "Café € Co" in Windows-1252, as Excel's plain "CSV" export writes it in Western Europe.
        let bytes: [UInt8] = Array("id,name\nx,Caf".utf8) + [0xE9, 0x20, 0x80] + Array(" Co\n".utf8)
        var file = try CSVFile(name: "t.csv", data: Data(bytes))
        var names: [String] = []
        file.forEachRow { names.append($0.fields[1]) }
        XCTAssertEqual(names, ["name", "Café € Co"])
        XCTAssertEqual(file.diagnostics.entries.map(\.code), [.encoding])
        XCTAssertEqual(file.diagnostics.entries.first?.location.line, 2)
        XCTAssertEqual(file.diagnostics.entries.first?.location.column, 6)
    }

    func testEmptyFilesAreErrors() {
        for text in ["", "  \n\r\n"] {
            XCTAssertThrowsError(try CSVFile(name: "e.csv", data: Data(text.utf8))) { error in
                XCTAssertEqual((error as? InputError)?.diagnostics.map(\.code), [.emptyFile])
            }
        }
    }

    // MARK: Sheet conventions

    func testGephiSheets() throws {
        let (n, log) = try sheet("Source;Target;Type;Weight;Id;Label\na;b;Directed;1,5;0;funds\nb;c;Undirected;2;1;\n")
        XCTAssertTrue(log.entries.allSatisfy { $0.code == .mixedDirection }, "\(log.entries)")
        XCTAssertTrue(n.isDirected)
        XCTAssertEqual(n.ties.map(\.strength), [1.5, 2, 2])
        XCTAssertEqual(n.tieColumns.map(\.name), ["Id", "Label"])
        XCTAssertEqual(n.ties[0].attributes?["Label"], .text("funds"))
    }

    func testKumuSheets() throws {
        let (n, log) = try sheet("From,To,Type,Direction,Strength\nHealth Ministry,Food Bank|Riverton,funding,directed,3\nRiverton,Food Bank,partnership,mutual,\n")
        XCTAssertTrue(n.isDirected)
        XCTAssertEqual(n.actors.map(\.id), ["Health Ministry", "Food Bank", "Riverton"])
        XCTAssertEqual(n.ties.map(\.relation.rawValue), ["funding", "funding", "partnership", "partnership"])
        XCTAssertEqual(n.ties.map { [$0.source, $0.target] }, [[0, 1], [0, 2], [2, 1], [1, 2]])
        XCTAssertEqual(log.entries.map(\.code), [.mixedDirection])
    }

    func testKumuActorsUseTheLabelAsId() throws {
        let (n, _) = try sheet("Label,Type,Tags,Description\nFood Bank,CSO,food|poverty,Runs 40 depots\n", options: .init())
        XCTAssertEqual(n.actors.first?.id, "Food Bank")
        XCTAssertEqual(n.actors.first?.kind, .cso)
        XCTAssertEqual(n.actors.first?.attributes["Tags"], .text("food|poverty"))
    }

    func testActorColumnsAndMultiValues() throws {
        let (n, log) = try sheet(
            "ID,Name,Kind,Sector,Level,Influence,Interest,Stance,Voices,Commitment,Budget\nmoh,Ministry,ministry,health;social,National,4,3.5,supportive,Patients|Older People,2,12\n",
            options: .init())
        XCTAssertTrue(log.entries.isEmpty, "\(log.entries)")
        let a = try XCTUnwrap(n.actors.first)
        XCTAssertEqual(a.sectors, ["health", "social"])
        XCTAssertEqual(a.primarySector, "health")
        XCTAssertEqual(a.level, .national)
        XCTAssertEqual(a.influence, 4)
        XCTAssertEqual(a.interest, 3.5)
        XCTAssertEqual(a.stance, .supportive)
        XCTAssertEqual(a.voices, ["patients", "older-people"])
        XCTAssertEqual(a.commitment, .pledged)
        XCTAssertEqual(a.attributes, ["Budget": .number(12)])
    }

    func testTypeColumnMeansRelationWhenItIsNotADirection() throws {
        let (n, _) = try sheet("source,target,type\na,b,funding\n")
        XCTAssertEqual(n.ties.first?.relation, .funding)
        XCTAssertFalse(n.isDirected)
    }
}

extension CSVTests {
    /// Excel writes an empty row of a `;` sheet as `;;;`: a blank line, not a row with an empty id.
    func testRowsOfOnlySeparatorsAreBlankLines() throws {
        XCTAssertEqual(try rows("a;b;c\n1;2;3\n;;\n ; ;\n4;5;6\n;;").0, [["a", "b", "c"], ["1", "2", "3"], ["4", "5", "6"]])
        // A row that starts with an empty field is still a row.
        XCTAssertEqual(try rows("a;b\n;2\n").0, [["a", "b"], ["", "2"]])
        let n = try XCTUnwrap(loadValid([fixture("warnings/actors-unicode-text.txt"), fixture("warnings/ties-blank-rows.csv")]))
        XCTAssertEqual(n.ties.count, 2)
    }

    /// Excel's "Unicode text" (UTF-16 with its byte-order mark, tabs) is decoded, not read as
    /// Windows-1252 ("ÿþi d").
    func testUTF16IsDecodedFromItsByteOrderMark() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: fixture("warnings/actors-unicode-text.txt")))
        var file = try CSVFile(name: "actors.txt", data: data)
        var out: [[String]] = []
        file.forEachRow { out.append($0.fields) }
        XCTAssertEqual(out, [["id", "name", "kind"], ["moh", "Ministère de la Santé", "ministry"], ["cso-1", "健康 Network", "cso"]])
        XCTAssertTrue(file.diagnostics.entries.isEmpty, "\(file.diagnostics.entries)")
        var big = Data([0xFE, 0xFF])
        big.append("id,name\nx,Y\n".data(using: .utf16BigEndian)!)
        var be = try CSVFile(name: "be.csv", data: big)
        var rowsBE: [[String]] = []
        be.forEachRow { rowsBE.append($0.fields) }
        XCTAssertEqual(rowsBE, [["id", "name"], ["x", "Y"]])
        XCTAssertThrowsError(try CSVFile(name: "odd.csv", data: Data([0xFF, 0xFE, 0x41]))) { error in
            XCTAssertEqual("\(error)", "odd.csv:1:1: error: the file starts as UTF-16 but is not valid UTF-16; save it as \"CSV UTF-8\" [encoding]")
        }
    }
}
