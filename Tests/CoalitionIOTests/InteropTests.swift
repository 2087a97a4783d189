import Coalition
import CoalitionDOT
import CoalitionOutput
import CoalitionTestSupport
import Foundation
import XCTest
import ZIPFoundation

@testable import CoalitionIO

/// Writers and readers against each other: whatever one writes, the other reads back whole.
final class InteropTests: XCTestCase {
    /// Everything the model holds, compared field by field (the message names the first
    /// difference).
    func assertSameNetwork(_ a: StakeholderNetwork, _ b: StakeholderNetwork, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a.isDirected, b.isDirected, "\(what): direction", file: file, line: line)
        XCTAssertEqual(a.actors.count, b.actors.count, "\(what): actors", file: file, line: line)
        for (x, y) in zip(a.actors, b.actors) where x != y {
            XCTFail("\(what): actor \(x.id) differs:\n\(x)\n\(y)", file: file, line: line)
            break
        }
        XCTAssertEqual(a.ties.count, b.ties.count, "\(what): ties", file: file, line: line)
        for (x, y) in zip(a.ties, b.ties) where x != y {
            XCTFail("\(what): tie \(a.actors[Int(x.source)].id)–\(a.actors[Int(x.target)].id) differs:\n\(x)\n\(y)", file: file, line: line)
            break
        }
        XCTAssertEqual(a.actorColumns, b.actorColumns, "\(what): actor columns", file: file, line: line)
        XCTAssertEqual(a.tieColumns, b.tieColumns, "\(what): tie columns", file: file, line: line)
    }

    func testEveryWriterRoundTripsTheExampleMissions() throws {
        let dir = try temporaryFolder()
        for mission in ["healthy-lives-2040/mission.yaml", "liveable-streets/mission.yaml"] {
            let original = try XCTUnwrap(loadValid([fixture(mission)]))
            let table = ExportTable(original)
            var files: [(String, [String])] = []
            func save(_ name: String, _ text: String) throws -> String {
                let path = dir.appendingPathComponent(name).path
                try Data(text.utf8).write(to: URL(fileURLWithPath: path))
                return path
            }
            files.append(("GraphML", [try save("n.graphml", GraphMLWriter.write(table))]))
            files.append(("GEXF 1.3", [try save("n.gexf", GEXFWriter.write(table))]))
            files.append(("GEXF 1.2", [try save("n12.gexf", GEXFWriter.write(table, version: .v1_2))]))
            files.append(("Kumu JSON", [try save("n.kumu.json", String(decoding: try KumuJSON.write(table), as: UTF8.self))]))
            files.append(("Coalition JSON", [try save("n.json", String(decoding: try CoalitionJSON.encode(original), as: UTF8.self))]))
            files.append(("CSV pair", [try save("actors.csv", CSVWriter.actors(table)), try save("ties.csv", CSVWriter.ties(table))]))
            for (format, paths) in files {
                let loaded = InputLoader.load(paths, options: .withDOT)
                XCTAssertEqual(loaded.diagnostics.entries.map(\.description), [], "\(mission) via \(format)")
                assertSameNetwork(original, try XCTUnwrap(loaded.network), "\(mission) via \(format)")
            }
        }
    }

    func testTrickyTextSurvivesEveryFormat() throws {
        let dir = try temporaryFolder()
        let actors =
            "id,name,kind,sector,notes\n" + "a,\"Ministry \"\"A\"\", <Health> & Care\",ministry,health|social,\"two\nlines\"\n" + "b,#hash at the start,cso,,\ttab\n"
            + "c,健康局 Ελληνικά القاهرة,community,,12\n"
        let (network, log) = try sheet(actors + "", name: "a.csv", options: .init())
        XCTAssertFalse(log.hasErrors)
        var n = network
        n.ties = [Tie(source: 0, target: 1, relation: Relation(rawValue: "funding"), strength: 2.5), Tie(source: 1, target: 2)]
        let table = ExportTable(n)
        let graphml = dir.appendingPathComponent("t.graphml"), gexf = dir.appendingPathComponent("t.gexf")
        let kumu = dir.appendingPathComponent("t.json"), a = dir.appendingPathComponent("a.csv"), t = dir.appendingPathComponent("t.csv")
        try Data(GraphMLWriter.write(table).utf8).write(to: graphml)
        try Data(GEXFWriter.write(table).utf8).write(to: gexf)
        try KumuJSON.write(table).write(to: kumu)
        try Data(CSVWriter.actors(table).utf8).write(to: a)
        try Data(CSVWriter.ties(table).utf8).write(to: t)
        for paths in [[graphml.path], [gexf.path], [kumu.path], [a.path, t.path]] {
            let back = try XCTUnwrap(loadValid(paths))
            XCTAssertEqual(back.actors.map(\.name), ["Ministry \"A\", <Health> & Care", "#hash at the start", "健康局 Ελληνικά القاهرة"], "\(paths)")
            XCTAssertEqual(back.actors[0].sectors, ["health", "social"], "\(paths)")
            XCTAssertEqual(back.actors[0].attributes["notes"], .text("two\nlines"), "\(paths)")
            XCTAssertEqual(back.ties.map(\.strength), [2.5, 1], "\(paths)")
        }
    }

    func testMeasuresAreWrittenAsTypedAttributes() throws {
        let n = try XCTUnwrap(loadValid([fixture("healthy-lives-2040/mission.yaml")]))
        let session = AnalysisSession(network: n)
        let analysis = try session.measures()
        let columns = try session.measureColumns()
        let table = ExportTable(n, measures: columns.actors, tieMeasures: columns.ties)
        let graphml = GraphMLWriter.write(table)
        XCTAssertTrue(graphml.contains("<key id=\"d11\" for=\"node\" attr.name=\"degree\" attr.type=\"int\"/>"), graphml)
        XCTAssertTrue(graphml.contains("attr.name=\"pagerank\" attr.type=\"double\""))
        XCTAssertTrue(graphml.contains("attr.name=\"community\" attr.type=\"int\""))
        XCTAssertTrue(graphml.contains("attr.name=\"edgeBetweenness\" attr.type=\"double\""))
        let top = analysis.actors.indices.max { analysis.actors[$0].pagerank < analysis.actors[$1].pagerank }!
        let pagerank = try XCTUnwrap(table.actorColumns.first { $0.name == "pagerank" })
        XCTAssertEqual(pagerank.values[top], .number(analysis.actors[top].pagerank))
        // Opposition ties have no edge betweenness: the supporting network leaves them out.
        let eb = try XCTUnwrap(table.tieColumns.first { $0.name == "edgeBetweenness" })
        XCTAssertEqual(zip(n.ties, eb.values).filter { $0.0.isOpposition }.map { $0.1 == nil }, n.ties.filter(\.isOpposition).map { _ in true })
        let gexf = GEXFWriter.write(table, date: "2026-10-01")
        XCTAssertTrue(gexf.contains("<attribute id=\"10\" title=\"degree\" type=\"integer\"/>"), gexf)
        XCTAssertTrue(gexf.contains("<meta lastmodifieddate=\"2026-10-01\">"))
        XCTAssertEqual(gexf, GEXFWriter.write(table, date: "2026-10-01"), "the same bytes every time")
        // A measure named like one of the data's columns does not overwrite it.
        let clash = ExportTable(n, measures: [MeasureColumn(name: "influence", integral: false, values: n.actors.map { _ in 0 })])
        XCTAssertEqual(clash.actorColumns.filter { $0.name.hasSuffix("influence") }.map(\.name), ["influence", "coalition_influence"])
    }

    func testCoalitionJSONCarriesMeasuresAsAttributes() throws {
        let n = try XCTUnwrap(loadValid([fixture("healthy-lives-2040/mission.yaml")]))
        let analysis = NetworkAnalysis(n, grouping: try Grouping(n, by: "sector"))
        let measured = n.addingMeasures(analysis.measureColumns(directed: n.isDirected), tieMeasures: analysis.tieMeasureColumns(n))
        let url = try temporaryFolder().appendingPathComponent("m.json")
        try CoalitionJSON.encode(measured).write(to: url)
        let back = try XCTUnwrap(loadValid([url.path]))
        XCTAssertEqual(back.actors[0].attributes["pagerank"], .number(analysis.actors[0].pagerank))
        XCTAssertEqual(back.actorColumns.first { $0.name == "coreness" }?.type, .number)
        XCTAssertEqual(back.tieColumns.map(\.name), ["edgeBetweenness"])
        let undefined = try XCTUnwrap(analysis.actors.indices.first { analysis.actors[$0].constraint == nil }, "an isolate or leaf without constraint")
        XCTAssertNil(back.actors[undefined].attributes["constraint"], "an undefined measure is left out")
        XCTAssertEqual(
            zip(back.actors, analysis.actors).filter { $0.0.attributes["betweenness"] != .number($0.1.betweenness) }.count, 0,
            "every value exactly as computed")
    }

    func testTheWorkbookReadsAsTheCSVPair() throws {
        let sheets = try XCTUnwrap(loadValid([fixture("healthy-lives-2040/actors.csv"), fixture("healthy-lives-2040/ties.csv")]))
        let workbook = try XCTUnwrap(loadValid([fixture("healthy-lives-2040/stakeholders.xlsx")]))
        assertSameNetwork(sheets, workbook, "stakeholders.xlsx (saved by LibreOffice) against actors.csv and ties.csv")
    }

    func testWorkbookCellTypes() throws {
        // Made by LibreOffice (scripts/make-xlsx-fixtures.py): Kumu's sheet names, a date style,
        // a percentage, formulas, rich text, a comment row and an empty row.
        let loaded = InputLoader.load([fixture("interop/types.xlsx")], options: .withDOT)
        let n = try XCTUnwrap(loaded.network)
        XCTAssertEqual(n.actors.map(\.id), ["city", "cyclists", "uni"])
        XCTAssertEqual(n.actors[1].name, "Cyclists’ Union — Ελληνικά 自行车")
        XCTAssertEqual(n.actors[0].attributes["Joined"], .text("2024-03-15"))
        XCTAssertEqual(n.actors[1].attributes["Joined"], .text("2019-11-30"))
        XCTAssertEqual(n.actors[0].attributes["Budget share"], .number(0.25))
        XCTAssertEqual(n.actors[0].attributes["Seats"], .number(6), "a formula's result")
        XCTAssertEqual(n.actors[2].attributes["Seats"], .number(-3.5))
        XCTAssertEqual(n.actors[0].attributes["Note"], .text("Leads the mission"), "rich text runs joined")
        XCTAssertEqual(n.actors[2].attributes["Note"], .text("spaced"))
        XCTAssertTrue(n.isDirected)
        XCTAssertEqual(
            n.ties.map { "\(n.actors[Int($0.source)].id)>\(n.actors[Int($0.target)].id) \($0.relation) \(Numbers.shortest($0.strength))" },
            ["city>cyclists funding 2.5", "cyclists>uni partnership 2", "uni>cyclists partnership 2"])
        XCTAssertEqual(
            loaded.diagnostics.entries.map(\.description),
            [
                "\(fixture("interop/types.xlsx"))[Connections]:2:1: warning: this tie is marked directed, so the whole network is directed (rows: 1 directed, 1 undirected): directed measures count each undirected tie as two reciprocal arcs, as networkx does; counts still show the ties as the sheet has them [mixed-direction]"
            ])
        // Sheets chosen by name.
        let chosen = InputLoader.load([fixture("interop/types.xlsx")], options: LoadOptions(tiesSheet: "connections").readingDOT)
        XCTAssertEqual(chosen.network?.ties.count, 3)
        let missing = InputLoader.load([fixture("interop/types.xlsx")], options: LoadOptions(actorsSheet: "People").readingDOT)
        XCTAssertEqual(
            missing.diagnostics.entries.first?.description,
            "\(fixture("interop/types.xlsx")): error: the workbook has no sheet \"People\" (--actors-sheet); its sheets: \"Elements\", \"Connections\", \"Notes\" [unknown-sheet]")
    }

    /// A workbook as Excel itself writes one: inline strings, booleans (`t="b"`), errors, a
    /// 1904 date system, cells without references.
    func testExcelCellKindsLibreOfficeDoesNotWrite() throws {
        let archive = try Archive(data: Data(), accessMode: .create)
        func add(_ path: String, _ text: String) throws {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        let main = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
        try add("xl/workbook.xml", "<workbook \(main)><workbookPr date1904=\"1\"/><sheets><sheet name=\"Nodes\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>")
        try add(
            "xl/_rels/workbook.xml.rels",
            "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"/xl/worksheets/s.xml\"/></Relationships>"
        )
        try add("xl/styles.xml", "<styleSheet \(main)><cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/></cellXfs></styleSheet>")
        try add(
            "xl/worksheets/s.xml",
            """
            <worksheet \(main)><sheetData>
            <row><c t="inlineStr"><is><t>id</t></is></c><c t="inlineStr"><is><t>member</t></is></c><c t="inlineStr"><is><t>since</t></is></c><c t="inlineStr"><is><t>score</t></is></c></row>
            <row><c t="inlineStr"><is><t>a</t></is></c><c t="b"><v>1</v></c><c s="1"><v>0</v></c><c t="e"><v>#N/A</v></c></row>
            <row r="4"><c r="A4" t="str"><v>b</v></c><c r="B4" t="b"><v>0</v></c><c r="C4" s="1"><v>43465.5</v></c><c r="D4"><v>1E-3</v></c></row>
            </sheetData></worksheet>
            """)
        let url = try temporaryFolder().appendingPathComponent("excel.xlsx")
        try XCTUnwrap(archive.data).write(to: url)
        let loaded = InputLoader.load([url.path], options: .withDOT)
        XCTAssertEqual(loaded.diagnostics.entries.map(\.description), [])
        let n = try XCTUnwrap(loaded.network)
        XCTAssertEqual(n.actors.map(\.id), ["a", "b"])
        XCTAssertEqual(n.actors.map { $0.attributes["member"] }, [.text("TRUE"), .text("FALSE")])
        XCTAssertEqual(n.actors.map { $0.attributes["since"] }, [.text("1904-01-01"), .text("2023-01-01T12:00:00")])
        XCTAssertEqual(n.actors.map { $0.attributes["score"] }, [.text("#N/A"), .text("0.001")])
    }

    func testDateSerialsFollowExcel() {
        XCTAssertEqual(Workbook.isoDate(serial: 1, date1904: false), "1900-01-01")
        XCTAssertEqual(Workbook.isoDate(serial: 59, date1904: false), "1900-02-28")
        XCTAssertEqual(Workbook.isoDate(serial: 61, date1904: false), "1900-03-01", "after Excel's 29 February 1900")
        XCTAssertEqual(Workbook.isoDate(serial: 45366, date1904: false), "2024-03-15")
        XCTAssertEqual(Workbook.isoDate(serial: 45366.75, date1904: false), "2024-03-15T18:00:00")
        XCTAssertEqual(Workbook.isoDate(serial: 0, date1904: true), "1904-01-01")
        XCTAssertTrue(Workbook.isDateFormat("yyyy\\-mm\\-dd"))
        XCTAssertTrue(Workbook.isDateFormat("[$-409]d mmm yy"))
        XCTAssertFalse(Workbook.isDateFormat("0.00%"))
        XCTAssertFalse(Workbook.isDateFormat("[Red]#,##0"))
        XCTAssertFalse(Workbook.isDateFormat("0 \"days\""))
        XCTAssertEqual(Workbook.column(ofReference: "AB12"), 28)
    }

    func testKumuBlueprintAndProjectExport() throws {
        let blueprint = try XCTUnwrap(loadValid([fixture("interop/kumu-blueprint.json")]))
        XCTAssertEqual(blueprint.actors.map(\.id), ["City of Larchmont", "Larchmont Transport Department", "Cyclists' Union", "Larchmont University"])
        XCTAssertEqual(blueprint.actors[2].sectors, ["mobility", "health"])
        XCTAssertEqual(blueprint.actors[2].voices, ["cyclists", "children"])
        XCTAssertEqual(blueprint.actors[2].influence, 2.5)
        XCTAssertEqual(blueprint.actors[2].attributes["Members"], .number(1200))
        XCTAssertEqual(blueprint.actors[0].attributes["tags"], .text("core|funder"))
        XCTAssertEqual(blueprint.actors[3].attributes["description"], .text("Urban mobility lab"))
        XCTAssertTrue(blueprint.isDirected, "Kumu draws connections without a direction as directed")
        XCTAssertEqual(blueprint.ties.count, 4, "the mutual connection is two arcs")
        let export = try XCTUnwrap(loadValid([fixture("interop/kumu-export.json")]))
        XCTAssertEqual(export.actors.map(\.id), ["elem-7f3a", "elem-91bc", "elem-02de"])
        XCTAssertEqual(export.actors.map(\.name), ["City of Larchmont", "Cyclists' Union", "Larchmont University"])
        XCTAssertEqual(export.actors.map { $0.kind?.rawValue }, ["local-government", "cso", "university"])
        XCTAssertEqual(export.ties.map(\.relation.rawValue), ["funding", "partnership"])
        XCTAssertEqual(export.ties.map(\.strength), [2, 1])
    }

    func testDOTMapsReadThroughGraphviz() throws {
        let n = try XCTUnwrap(loadValid([fixture("interop/city-map.gv")]))
        XCTAssertEqual(n.actors.map(\.id), ["city", "transport", "schools", "cyclists", "uni"])
        XCTAssertEqual(n.actors.map(\.name), ["City of Larchmont", "Larchmont Transport Department", "Schools Board \"North\"", "Cyclists' Union", "Larchmont University"])
        XCTAssertEqual(n.actors.map { $0.level?.rawValue }, ["local", "local", "local", "local", "regional"], "node [level=local] applies to all")
        XCTAssertEqual(n.actors[3].voices, ["cyclists", "children"])
        XCTAssertEqual(n.actors[3].influence, 2.5)
        XCTAssertEqual(n.actorColumns, [], "drawing attributes (shape, style, fillcolor) are not data")
        let ties = n.ties.map { "\(n.actors[Int($0.source)].id)-\(n.actors[Int($0.target)].id) \($0.relation) \(Numbers.shortest($0.strength))" }.sorted()
        XCTAssertEqual(
            ties,
            [
                "city-schools partnership 2", "city-transport mandate 3", "cyclists-uni tie 1.5", "schools-cyclists opposition 1",
                "transport-cyclists information 1",
            ])
        XCTAssertEqual(n.tieColumns.map(\.name), ["label"], "an edge label beside a relation is kept")
        // Coalition's own diagrams read back: names from xlabel, ids generated.
        let dot = DOTWriter.write(DiagramBuilder(network: n).full(sizeBy: "degree", values: n.actors.map { _ in 1 }, engine: nil))
        let path = try temporaryFolder().appendingPathComponent("drawn.gv")
        try Data(dot.utf8).write(to: path)
        let drawn = try XCTUnwrap(loadValid([path.path]))
        XCTAssertEqual(drawn.actors.map(\.name), n.actors.map(\.name))
        XCTAssertEqual(drawn.ties.count, n.ties.count)
    }
}
