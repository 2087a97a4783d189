import Coalition
import CoalitionDOT
import CoalitionGraph
import CoalitionOutput
import CoalitionTestSupport
import Foundation
import XCTest

@testable import CoalitionIO

/// The portfolio read from every format, measured against networkx, projected, and written back.
final class PortfolioTests: XCTestCase {
    let example = "active-travel-2035/mission.yaml"

    func reference(_ name: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: fixture("reference/\(name)")))) as! [String: Any]
    }

    func assertSamePortfolio(_ a: StakeholderNetwork, _ b: StakeholderNetwork, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a.actors, b.actors, "\(what): actors", file: file, line: line)
        XCTAssertEqual(a.ties, b.ties, "\(what): ties", file: file, line: line)
        guard let p = a.portfolio, let q = b.portfolio else { return XCTFail("\(what): no portfolio", file: file, line: line) }
        XCTAssertEqual(p.initiatives, q.initiatives, "\(what): initiatives", file: file, line: line)
        XCTAssertEqual(p.affiliations, q.affiliations, "\(what): participations", file: file, line: line)
        XCTAssertEqual(p.initiativeColumns, q.initiativeColumns, "\(what): initiative columns", file: file, line: line)
        XCTAssertEqual(p.affiliationColumns, q.affiliationColumns, "\(what): participation columns", file: file, line: line)
    }

    func testTheExampleMissionReadsItsPortfolio() throws {
        let n = try XCTUnwrap(loadValid([fixture(example)]))
        let p = try XCTUnwrap(n.portfolio)
        XCTAssertEqual(n.actors.count, 33)
        XCTAssertEqual(n.ties.count, 0)
        XCTAssertEqual(p.initiatives.count, 14)
        XCTAssertEqual(p.affiliations.count, 68)
        let streets = try XCTUnwrap(p.initiatives.first { $0.id == "school-streets" })
        XCTAssertEqual(streets.kind, "pilot")
        XCTAssertEqual(streets.sectors, ["mobility", "education"])
        XCTAssertEqual(streets.budget, 420_000)
        XCTAssertEqual(streets.status, "running")
        let lead = try XCTUnwrap(p.affiliations.first { n.actors[Int($0.actor)].id == "riverton" && $0.initiative == 0 })
        XCTAssertEqual(lead.role, .lead)
        XCTAssertEqual(lead.commitment, .leading)
        XCTAssertEqual(lead.budget, 150_000)
    }

    /// Every two-mode measure of every actor and initiative, to 1e-9, against networkx's bipartite
    /// module on the example's sheets (scripts/make-two-mode-reference.py).
    func testPortfolioMeasuresMatchNetworkx() throws {
        let session = try AnalysisSession.open([fixture(example)], loading: .withDOT)
        let analysis = try session.portfolio()
        let json = try reference("active-travel-two-mode.json")
        let ids = session.network.actors.map(\.id) + session.network.portfolio!.initiatives.map(\.id)
        let m = analysis.measures
        for (key, values) in [("degree", m.degreeCentrality), ("closeness", m.closeness.map { $0 ?? .nan }), ("betweenness", m.betweenness)] {
            let expected = json[key] as! [String: Double]
            XCTAssertEqual(expected.count, ids.count, key)
            for (i, id) in ids.enumerated() {
                XCTAssertEqual(values[i], try XCTUnwrap(expected[id], id), accuracy: 1e-9, "\(key) of \(id)")
            }
        }
        XCTAssertTrue(m.isExact)
    }

    /// Every projection `convert --project` writes, against networkx's three projections, with
    /// roles filtered, and onto the initiatives.
    func testProjectionsMatchNetworkx() throws {
        let n = try XCTUnwrap(loadValid([fixture(example)]))
        let json = try reference("active-travel-two-mode.json")
        let cases: [(String, ProjectionMode, ProjectionWeighting, Set<ParticipationRole>?)] = [
            ("actors_count", .actors, .count, nil), ("actors_newman", .actors, .newman, nil), ("actors_jaccard", .actors, .jaccard, nil),
            ("actors_count_lead_partner", .actors, .count, [.lead, .partner]), ("initiatives_newman", .initiatives, .newman, nil),
        ]
        for (key, mode, weighting, roles) in cases {
            assertTies(of: try XCTUnwrap(n.projected(onto: mode, weighting: weighting, roles: roles)), are: json[key] as! [[Any]], key)
        }
        // The count of shared initiatives travels with every weighting.
        let newman = try XCTUnwrap(n.projected(onto: .actors, weighting: .newman))
        let ids = newman.actors.map(\.id)
        let pair = try XCTUnwrap(newman.ties.first { ids[Int($0.source)] == "tech-uni" && ids[Int($0.target)] == "urban-institute" || ids[Int($0.source)] == "urban-institute" && ids[Int($0.target)] == "tech-uni" })
        XCTAssertEqual(pair.attributes?["shared"], .number(1))
        XCTAssertEqual(pair.relation, .sharedInitiative)
    }

    /// A network's ties, each pair by its ids in order, against networkx's `[a, b, weight]` rows.
    func assertTies(of network: StakeholderNetwork, are rows: [[Any]], _ key: String, file: StaticString = #filePath, line: UInt = #line) {
        let ids = network.actors.map(\.id)
        let mine = network.ties.map { t in (min(ids[Int(t.source)], ids[Int(t.target)]), max(ids[Int(t.source)], ids[Int(t.target)]), t.strength) }
            .sorted { ($0.0, $0.1) < ($1.0, $1.1) }
        let expected = rows.map { ($0[0] as! String, $0[1] as! String, ($0[2] as! NSNumber).doubleValue) }
        XCTAssertEqual(mine.count, expected.count, key, file: file, line: line)
        for (x, y) in zip(mine, expected) {
            XCTAssertEqual([x.0, x.1], [y.0, y.1], key, file: file, line: line)
            XCTAssertEqual(x.2, y.2, accuracy: 1e-9, "\(key) \(y.0)–\(y.1)", file: file, line: line)
        }
    }

    /// The ties the one-mode analyses read: without roles, exactly networkx's collaboration
    /// (Newman) and weighted projections; with the example's roles, leads' ties weigh more.
    func testAnalysisTiesAreNetworkxsProjectionWithoutRoles() throws {
        var n = try XCTUnwrap(loadValid([fixture(example)]))
        let withRoles = PortfolioTies().apply(to: n).network
        for i in n.portfolio!.affiliations.indices { n.portfolio!.affiliations[i].role = nil }
        let json = try reference("active-travel-two-mode.json")
        for (key, weighting) in [("actors_newman", ProjectionWeighting.newman), ("actors_count", .count)] {
            assertTies(of: PortfolioTies(weighting: weighting).apply(to: n).network, are: json[key] as! [[Any]], key)
        }
        // School Streets: Riverton leads (2), the schools are a partner (1.5): min 1.5 × 1/(6 − 1).
        let ids = withRoles.actors.map(\.id)
        let pair = try XCTUnwrap(withRoles.ties.first { ids[Int($0.source)] == "riverton" && ids[Int($0.target)] == "schools" || ids[Int($0.source)] == "schools" && ids[Int($0.target)] == "riverton" })
        XCTAssertEqual(pair.strength, 1.5 / 5, accuracy: 1e-12)
    }

    /// Davis's Southern Women as networkx (bipartite 0/1 in GraphML and GEXF) and igraph (a
    /// boolean `type`) write it: read as 18 actors and 14 initiatives, with networkx's measures.
    func testTwoModeFilesFromNetworkxAndIgraph() throws {
        let json = try reference("davis-two-mode.json")
        let betweenness = json["betweenness"] as! [String: Double]
        for name in ["davis-networkx.graphml", "davis-networkx.gexf", "davis-igraph.graphml"] {
            let loaded = InputLoader.load([fixture("interop/\(name)")], options: .withDOT)
            XCTAssertEqual(loaded.diagnostics.entries.map(\.description), [], name)
            let n = try XCTUnwrap(loaded.network, name)
            XCTAssertEqual(n.actors.count, 18, name)
            XCTAssertEqual(n.portfolio?.initiatives.count, 14, name)
            XCTAssertEqual(n.portfolio?.affiliations.count, 89, name)
            XCTAssertFalse(n.actorColumns.contains { ["bipartite", "type"].contains($0.name) }, "\(name): the mode is not kept as an attribute")
            let session = AnalysisSession(network: n)
            let m = try session.portfolio().measures
            // igraph names its vertices n0, n1, … and keeps the names as `name`.
            let names = n.actors.map(\.name) + n.portfolio!.initiatives.map(\.name)
            for (i, id) in names.enumerated() {
                XCTAssertEqual(m.betweenness[i], try XCTUnwrap(betweenness[id], "\(name): \(id)"), accuracy: 1e-9, "\(name): betweenness of \(id)")
            }
        }
    }

    /// A `type` column that is not boolean stays a kind, as in a sheet.
    func testATextTypeIsAKindNotAMode() throws {
        let graphml = """
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns"><key id="t" for="node" attr.name="type" attr.type="string"/>
            <graph edgedefault="undirected"><node id="a"><data key="t">ministry</data></node><node id="b"><data key="t">cso</data></node>
            <edge source="a" target="b"/></graph></graphml>
            """
        var asm = NetworkAssembler()
        try GraphMLReader.read(Data(graphml.utf8), file: "t.graphml", into: &asm)
        let (n, log) = asm.finish()
        XCTAssertFalse(log.hasErrors)
        XCTAssertNil(n.portfolio)
        XCTAssertEqual(n.actors.map(\.kind), [.ministry, .cso])
        XCTAssertEqual(n.ties.count, 1)
    }

    func testEveryWriterRoundTripsThePortfolio() throws {
        let dir = try temporaryFolder()
        let original = try XCTUnwrap(loadValid([fixture(example)]))
        let table = ExportTable(twoMode: original)
        func save(_ name: String, _ text: String) throws -> String {
            let path = dir.appendingPathComponent(name).path
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            return path
        }
        let cases: [(String, [String])] = [
            ("GraphML", [try save("p.graphml", GraphMLWriter.write(table))]),
            ("GEXF 1.3", [try save("p.gexf", GEXFWriter.write(table))]),
            ("GEXF 1.2", [try save("p12.gexf", GEXFWriter.write(table, version: .v1_2))]),
            ("Coalition JSON", [try save("p.json", String(decoding: try CoalitionJSON.encode(original), as: UTF8.self))]),
            (
                "CSV sheets",
                [
                    try save("actors.csv", CSVWriter.actors(ExportTable(original))),
                    try save("initiatives.csv", CSVWriter.actors(ExportTable.initiatives(original.portfolio!))),
                    try save("affiliations.csv", CSVWriter.affiliations(ExportTable.affiliations(original))),
                ]
            ),
        ]
        for (format, paths) in cases {
            let loaded = InputLoader.load(paths, options: .withDOT)
            XCTAssertEqual(loaded.diagnostics.entries.map(\.description), [], format)
            assertSamePortfolio(original, try XCTUnwrap(loaded.network), format)
        }
        XCTAssertTrue(GraphMLWriter.write(table).contains("attr.name=\"bipartite\" attr.type=\"int\""))
    }

    /// Participations as people write them: roles in their own words, a repeated row, an
    /// initiative by its name, several initiatives in one cell, and no initiatives sheet.
    func testParticipationsAsPeopleWriteThem() throws {
        let dir = try temporaryFolder()
        let actors = dir.appendingPathComponent("actors.csv"), rows = dir.appendingPathComponent("participations.csv")
        try Data("id,name,kind\nmoh,Ministry of Health,ministry\nngo,Food Alliance,cso\nuni,City University,university\n".utf8).write(to: actors)
        try Data(
            "organisation,project,role,budget\nmoh,school-food,Coordinator,1000\nngo,school-food,member,\nmoh,school-food,participant,500\nuni,school-food|dementia-care,partner,\nFood Alliance,dementia-care,,\n"
                .utf8
        ).write(to: rows)
        let loaded = InputLoader.load([actors.path, rows.path], options: .withDOT)
        XCTAssertFalse(loaded.diagnostics.hasErrors, "\(loaded.diagnostics.entries)")
        let n = try XCTUnwrap(loaded.network)
        let p = try XCTUnwrap(n.portfolio)
        XCTAssertEqual(p.initiatives.map(\.id), ["school-food", "dementia-care"], "created from the participations, in order")
        XCTAssertEqual(p.affiliations.count, 5)
        XCTAssertEqual(p.affiliations[0].role, .lead, "coordinator is a lead; the repeat as participant keeps the lead")
        XCTAssertEqual(p.affiliations[0].budget, 1500, "the repeat's budget is added")
        XCTAssertEqual(p.affiliations[1].role, .participant, "member is a participant")
        XCTAssertEqual(p.affiliations.filter { n.actors[Int($0.actor)].id == "uni" }.map(\.initiative), [0, 1])
        let warnings = loaded.diagnostics.entries.map(\.description)
        XCTAssertTrue(warnings.contains { $0.contains("participations.csv:4:1: warning: \"moh\" takes part in \"school-food\" already") && $0.hasSuffix("kept once, with role lead, budget 1500 [duplicate-participation]") }, "\(warnings)")
        XCTAssertTrue(warnings.contains { $0.contains("\"Food Alliance\" is the name of actor \"ngo\"") }, "\(warnings)")
    }

    /// A workbook whose sheets are Actors, Initiatives and Participations.
    func testAWorkbookWithAPortfolio() throws {
        let loaded = InputLoader.load([fixture("active-travel-2035/portfolio.xlsx")], options: .withDOT)
        XCTAssertEqual(loaded.diagnostics.entries.map(\.description), [])
        let csv = try XCTUnwrap(loadValid([fixture(example)]))
        let n = try XCTUnwrap(loaded.network)
        XCTAssertEqual(n.actors.map(\.id), csv.actors.map(\.id))
        XCTAssertEqual(n.portfolio?.initiatives, csv.portfolio?.initiatives)
        XCTAssertEqual(n.portfolio?.affiliations, csv.portfolio?.affiliations)
    }
}
