import Coalition
import CoalitionDOT
import CoalitionTestSupport
import Foundation
import XCTest

@testable import CoalitionIO

final class FixtureTests: XCTestCase {
    /// Every file in fixtures/invalid/ and the exact first message it must produce.
    /// Ties sheets are read beside fixtures/invalid/actors.csv.
    let invalid: [String: String] = [
        "actors-bad-commitment.csv":
            "actors-bad-commitment.csv:2:24: error: unknown commitment level \"activ\"; did you mean \"active\"? expected one of: none, exploring, pledged, active, leading, 0–4 [bad-commitment]",
        "actors-bad-influence.csv": "actors-bad-influence.csv:2:24: error: influence must be a number from 0 to 5, found \"7\" [bad-score]",
        "actors-bad-level.csv": "actors-bad-level.csv:2:24: error: unknown level \"federal\"; expected one of: local, regional, national, international [bad-level]",
        "actors-bad-stance.csv": "actors-bad-stance.csv:2:24: error: unknown stance \"opposing strongly\"; expected one of: supportive, neutral, opposed [bad-stance]",
        "actors-duplicate-column.csv": "actors-duplicate-column.csv:1:14: error: column \"name\" appears twice (first as column 2) [duplicate-column]",
        "actors-duplicate-id.csv": "actors-duplicate-id.csv:4:1: error: duplicate actor id \"moh\" (first defined at {dir}actors-duplicate-id.csv:2:1) [duplicate-actor]",
        "actors-empty-id.csv": "actors-empty-id.csv:3:1: error: actor has an empty id; every actor needs a unique id [empty-id]",
        "actors-ragged-row.csv":
            "actors-ragged-row.csv:3:28: error: row has 2 fields, the header has 3; check for a missing or extra delimiter (\",\") or an unquoted one inside a value [ragged-row]",
        "actors-stray-quote.csv": "actors-stray-quote.csv:2:17: error: stray quote in an unquoted field; enclose the field in quotes and double the quote (\"\") [bad-quoting]",
        "actors-text-after-quote.csv":
            "actors-text-after-quote.csv:2:16: error: unexpected text after a closing quote; a field that starts with \" must end with \" right before the delimiter [bad-quoting]",
        "actors-unclosed-quote.csv":
            "actors-unclosed-quote.csv:2:5: error: quoted field is never closed; add the missing \" (a quote inside a quoted field is written \"\") [bad-quoting]",
        "empty.csv": "empty.csv: error: the file is empty; expected a header row [empty-file]",
        "unknown-sheet.csv":
            "unknown-sheet.csv:1:1: error: cannot tell which sheet this is: an actors sheet needs an id (or label) column, a ties sheet source and target (or from and to) columns, an affiliations sheet actor and initiative (or organisation and project) columns; columns found: organisation_code, budget [unknown-sheet]",
        "ties-bad-commitment.csv":
            "ties-bad-commitment.csv:2:9: error: unknown commitment level \"pleged\"; did you mean \"pledged\"? expected one of: none, exploring, pledged, active, leading, 0–4 [bad-commitment]",
        "ties-bad-direction.csv": "ties-bad-direction.csv:2:9: error: unknown direction \"sideways\"; expected directed, undirected or mutual (or true/false) [bad-direction]",
        "ties-bad-strength.csv": "ties-bad-strength.csv:2:9: error: strength must be a positive number, found \"-2\" [bad-strength]",
        "ties-missing-target.csv": "ties-missing-target.csv:1:1: error: the ties sheet has no target (or to) column; columns found: source, strength [missing-column]",
        "ties-self-loop.csv": "ties-self-loop.csv:2:1: error: tie from \"moh\" to itself; a tie must join two different actors [self-loop]",
        "ties-unknown-actor.csv": "ties-unknown-actor.csv:3:5: error: tie names unknown actor \"rivertn\"; did you mean \"riverton\"? [unknown-actor]",
        "actors-bad-date.csv": "actors-bad-date.csv:2:24: error: valid_from must be a date written YYYY-MM-DD, found \"2025-02-30\" [bad-date]",
        "ties-until-before-from.csv":
            "ties-until-before-from.csv:2:20: error: valid_until 2025-12-31 is before valid_from 2026-03-01; the last day cannot come before the first [bad-date]",
        "ties-two-unknown-ends.csv": "ties-two-unknown-ends.csv:3:1: error: tie names unknown actor \"ministry-health\" [unknown-actor]",
        "mission-colon.yaml":
            "mission-colon.yaml:3:44: error: malformed YAML: mapping values are not allowed in this context; a value holding a colon must be quoted: goal: \"Every home heated without fossil fuel: by 2035\" [malformed-yaml]",
        "malformed.graphml": "malformed.graphml:6:11: error: malformed XML: closing tag does not match the opening tag [malformed-xml]",
        "malformed.gexf": "malformed.gexf:5:30: error: malformed XML: a name is required here (write & as &amp;) [malformed-xml]",
        "malformed.json": "malformed.json:6:16: error: malformed JSON: invalid value (look for a missing comma, quote or bracket just before this point) [malformed-json]",
        "not-coalition.json":
            "not-coalition.json:1:1: error: not a Coalition or Kumu JSON file: expected \"format\": \"coalition\", or Kumu's \"elements\" and \"connections\" (other JSON layouts are not read) [malformed-json]",
        "json-unknown-actor.json": "json-unknown-actor.json: error: ties[0].target: tie names unknown actor \"c\"; did you mean \"a\"? [unknown-actor]",
        "mission-malformed.yaml": "mission-malformed.yaml:6:4: error: malformed YAML: while parsing a block collection, did not find expected '-' indicator [malformed-yaml]",
        "mission-no-name.yaml": "mission-no-name.yaml:1:1: error: the mission has no name; add `name: …` [bad-mission]",
        "mission-bad-date.yaml": "mission-bad-date.yaml:2:12: error: data_date must be a date written YYYY-MM-DD, found \"2026-02-30\" [bad-mission]",
        "mission-missing-file.yaml": "no-such-actors.csv: error: no such file [file-unreadable]",
        "kumu-connections-not-a-list.json": "kumu-connections-not-a-list.json:1:1: error: \"connections\" must be a list [malformed-json]",
        "malformed.gv": "malformed.gv:3:5: error: malformed DOT: syntax error in line 3 near '--' [malformed-dot]",
        "xlsx-bad-strength.xlsx": "xlsx-bad-strength.xlsx[Ties]:3:3: error: strength must be a positive number, found \"lots\" [bad-strength]",
        "xlsx-damaged-part.xlsx": "xlsx-damaged-part.xlsx[xl/worksheets/sheet1.xml]:2:1670: error: malformed XML: an attribute value is not closed [malformed-xml]",
        "xlsx-no-sheet.xlsx":
            "xlsx-no-sheet.xlsx: error: no actors or ties sheet found: name them Actors and Ties (or Elements and Connections, Nodes and Edges), or choose them with --actors-sheet and --ties-sheet; the workbook's sheets: \"Sheet1\" [unknown-sheet]",
        "xlsx-not-a-workbook.xlsx":
            "xlsx-not-a-workbook.xlsx: error: not an Excel workbook: the file is not a ZIP package (save it from the spreadsheet as .xlsx, \"Excel Workbook\") [malformed-xlsx]",
        "ties-commitment-too-large.csv":
            "ties-commitment-too-large.csv:2:23: error: unknown commitment level \"1e300\"; expected one of: none, exploring, pledged, active, leading, 0–4 [bad-commitment]",
        "ties-strength-overflow.csv":
            "ties-strength-overflow.csv:3:1: error: this repeats the tie \"phi\" — \"moh\" (funding, first at {dir}ties-strength-overflow.csv:2:1) and the merged strength would be too large to hold (above 1.8e308); merge by max or mean, or use smaller numbers [bad-strength]",
        "actors-commitment-nan.csv":
            "actors-commitment-nan.csv:2:40: error: unknown commitment level \"nan\"; expected one of: none, exploring, pledged, active, leading, 0–4 [bad-commitment]",
        "mission-min-commitment-too-large.yaml":
            "mission-min-commitment-too-large.yaml:4:19: error: unknown commitment level \"1e300\"; expected one of: none, exploring, pledged, active, leading, or 0–4 [bad-commitment]",
        "mission-duplicate-key.yaml": "mission-duplicate-key.yaml:4:1: error: malformed YAML: the key \"name\" appears twice in one mapping; keep one of each [malformed-yaml]",
        "mission-unknown-group-by.yaml":
            "mission-unknown-group-by.yaml:3:11: error: group_by: no attribute \"ministry_cluster\" to group by; available: sector, kind, level, stance, commitment, voices [bad-mission]",
        "json-truncated.json":
            "json-truncated.json:3:1: error: malformed JSON: unexpected end of file during json parse (look for a missing comma, quote or bracket just before this point) [malformed-json]",
        "json-control-character.json":
            "json-control-character.json:2:44: error: malformed JSON: unescaped control character (look for a missing comma, quote or bracket just before this point) [malformed-json]",
        "dot-no-graph.gv":
            "dot-no-graph.gv:2:1: error: malformed DOT: no graph found before the end of the file; a DOT map starts `graph {` or `digraph {` and ends with `}` [malformed-dot]",
        "graphml-entity.graphml":
            "graphml-entity.graphml:3:3: error: malformed XML: the document declares an entity (<!ENTITY …>); entities are not read, as they can expand without bound: write the text itself [malformed-xml]",
        "graphml-undeclared-entity.graphml": "graphml-undeclared-entity.graphml:5:45: error: malformed XML: undeclared entity (write & as &amp;) [malformed-xml]",
        "actors-invisible-id.csv":
            "actors-invisible-id.csv:2:1: error: actor id holds only invisible characters (zero-width spaces or direction marks); every actor needs a visible id [empty-id]",
        "xlsx-damaged-header.xlsx":
            "xlsx-damaged-header.xlsx: error: the package is damaged: xl/worksheets/sheet2.xml cannot be unpacked (corrupted data); save the workbook again from the spreadsheet [malformed-xlsx]",
        "mission-not-a-sheet.yaml":
            "mission-not-a-sheet.yaml:2:9: error: actors: \"actors.c\" is not a sheet; expected a .csv or .tsv file (a workbook, GraphML, GEXF, JSON or DOT file goes under network:) [bad-mission]",
        "xlsx-garbled-encoding.xlsx":
            "xlsx-garbled-encoding.xlsx[xl/_rels/workbook.xml.rels]:1:34: error: malformed XML: the file is not valid UTF-8 here; save it as UTF-8 or declare its encoding [malformed-xml]",
        "affiliations-unknown-actor.csv": "affiliations-unknown-actor.csv:3:1: error: participation names unknown actor \"rivertn\"; did you mean \"riverton\"? [unknown-actor]",
        "affiliations-unknown-initiative.csv":
            "affiliations-unknown-initiative.csv:3:5: error: participation names unknown initiative \"school-street\" (did you mean \"school-streets\"?); every initiative a participation names must be in the initiatives sheet [unknown-initiative]",
        "affiliations-bad-role.csv":
            "affiliations-bad-role.csv:2:20: error: unknown role \"parnter\"; did you mean \"partner\"? expected one of: lead, funder, partner, participant, observer [bad-role]",
        "affiliations-swapped-columns.csv":
            "affiliations-swapped-columns.csv:2:1: error: participation names \"school-streets\" as its actor, but that is an initiative (defined at {dir}initiatives.csv:2:1); are the actor and initiative columns swapped? [mode-clash]",
        "affiliations-bad-budget.csv":
            "affiliations-bad-budget.csv:2:20: error: budget must be a number, zero or more, found \"€250k\" (write 250000, not 250k or €250,000) [bad-budget]",
        "initiatives-duplicate-id.csv":
            "initiatives-duplicate-id.csv:3:1: error: duplicate initiative id \"school-streets\" (first defined at {dir}initiatives-duplicate-id.csv:2:1) [duplicate-initiative]",
        "initiatives-actor-id.csv":
            "initiatives-actor-id.csv:2:1: error: initiative id \"phi\" is also the id of an actor (defined at {dir}actors.csv:3:1); an id names one actor or one initiative — rename one of them [mode-clash]",
        "graphml-two-mode-bad-mode.graphml":
            "graphml-two-mode-bad-mode.graphml:6:45: error: node \"school-streets\": mode \"2\" names neither mode; write 0 (or actor) for an actor and 1 (or initiative) for an initiative [mode-clash]",
        "graphml-initiative-edge.graphml":
            "graphml-initiative-edge.graphml:9:58: error: edge joins two initiatives (\"school-streets\" and \"air-monitoring\"); in a two-mode network an edge joins an actor to an initiative it takes part in (or two actors) [mode-clash]",
        "mission-initiatives-without-affiliations.yaml":
            "mission-initiatives-without-affiliations.yaml:3:14: error: `initiatives:` lists the portfolio's initiatives; add `affiliations:`, the sheet that says who takes part in which [bad-mission]",
    ]

    func testEveryInvalidFixtureIsRejectedWithItsMessage() throws {
        let dir = fixture("invalid") + "/"
        let companions = ["actors.csv", "initiatives.csv", "affiliations.csv", "README.md"]
        let files = try FileManager.default.contentsOfDirectory(atPath: dir).filter { !companions.contains($0) }.sorted()
        XCTAssertEqual(Set(files), Set(invalid.keys), "every invalid fixture has an expected message, and every message a fixture")
        for name in files {
            var options = LoadOptions.withDOT
            var inputs = [dir + name]
            if name.hasPrefix("ties-") { inputs = [dir + "actors.csv", dir + name] }
            if name.hasPrefix("affiliations-") { inputs = [dir + "actors.csv", dir + "initiatives.csv", dir + name] }
            if name.hasPrefix("initiatives-") {
                inputs = [dir + "actors.csv", dir + "affiliations.csv"]
                options.initiativesFile = dir + name
            }
            let loaded = InputLoader.load(inputs, options: options)
            let errors = loaded.diagnostics.sorted().filter { $0.severity == .error }
            XCTAssertFalse(errors.isEmpty, "\(name) was accepted")
            let expected = dir + invalid[name, default: ""].replacingOccurrences(of: "{dir}", with: dir)
            XCTAssertEqual(errors.first?.description, expected, name)
        }
    }

    func testEveryErrorInAFileIsReportedInOneRun() {
        let dir = fixture("invalid") + "/"
        let loaded = InputLoader.load([dir + "actors.csv", dir + "ties-bad-strength.csv"], options: .withDOT)
        XCTAssertEqual(loaded.diagnostics.entries.map(\.location.line), [2, 3])
        // Both ends of a row, not only the first.
        let ends = InputLoader.load([dir + "actors.csv", dir + "ties-two-unknown-ends.csv"], options: .withDOT)
        XCTAssertEqual(
            ends.diagnostics.sorted().map(\.description),
            [
                dir + "ties-two-unknown-ends.csv:3:1: error: tie names unknown actor \"ministry-health\" [unknown-actor]",
                dir + "ties-two-unknown-ends.csv:3:17: error: tie names unknown actor \"pub-health\" [unknown-actor]",
            ])
    }

    func testWarningsDoNotStopTheRun() throws {
        let dir = fixture("warnings") + "/"
        let cases: [([String], [String])] = [
            (
                ["cp1252-actors.csv", "cp1252-ties.csv"],
                [
                    "cp1252-actors.csv:2:9: warning: the file is not valid UTF-8; read it as Windows-1252 (Excel's \"CSV\" export). Save as \"CSV UTF-8\" to avoid this warning [encoding]",
                    "cp1252-ties.csv:2:9: warning: the file is not valid UTF-8; read it as Windows-1252 (Excel's \"CSV\" export). Save as \"CSV UTF-8\" to avoid this warning [encoding]",
                ]
            ),
            (
                ["unknown-kind.csv"],
                [
                    "unknown-kind.csv:2:24: warning: unknown kind \"ministery\", kept as written; did you mean \"ministry\"? [unknown-kind]",
                    "unknown-kind.csv:3:18: warning: unknown kind \"guild\", kept as written; known kinds: ministry, agency, regional-government, local-government, business, university, research, cso, community, funder, international, person [unknown-kind]",
                ]
            ),
            (
                ["../invalid/actors.csv", "duplicate-ties.csv"],
                ["duplicate-ties.csv:3:1: warning: duplicate partnership tie \"phi\" — \"moh\" (first at {dir}duplicate-ties.csv:2:1); merged by sum: strength 5 [duplicate-tie]"]
            ),
            (
                ["../invalid/actors.csv", "mixed-direction.csv"],
                [
                    "mixed-direction.csv:2:1: warning: this tie is marked directed, so the whole network is directed (rows: 1 directed, 2 undirected): directed measures count each undirected tie as two reciprocal arcs, as networkx does; counts still show the ties as the sheet has them [mixed-direction]"
                ]
            ),
            (
                ["../invalid/actors.csv", "directed-reversed-duplicate.csv"],
                [
                    "directed-reversed-duplicate.csv:2:1: warning: this tie is marked directed, so the whole network is directed (rows: 1 directed, 2 undirected): directed measures count each undirected tie as two reciprocal arcs, as networkx does; counts still show the ties as the sheet has them [mixed-direction]",
                    // One warning for the repeated undirected tie, not one per arc.
                    "directed-reversed-duplicate.csv:4:1: warning: duplicate partnership tie \"riverton\" — \"phi\" (first at {dir}directed-reversed-duplicate.csv:3:1); merged by sum: strength 2 [duplicate-tie]",
                ]
            ),
            (
                ["workbook-title-row.xlsx"],
                [
                    "workbook-title-row.xlsx[Actors]:3:1: warning: the header is on row 3, the first row whose cells name known columns; the row above it (a title?) is skipped [header-row]"
                ]
            ),
            (
                // A person under kind person passes; two entered as organisations are flagged.
                ["personal-title.csv"],
                [
                    "personal-title.csv:2:10: warning: \"Dr Lena Ortiz\" is entered as cso but its name opens with the personal title \"Dr\"; if this is a person, give kind person (external packs pseudonymise people when the mission says personal_data: true) [personal-title]",
                    "personal-title.csv:3:7: warning: \"Mayor Petra Holm\" is entered as local-government but its name opens with the personal title \"Mayor\"; if this is a person, give kind person (external packs pseudonymise people when the mission says personal_data: true) [personal-title]",
                ]
            ),
            (
                ["mission-unknown-key.yaml"],
                [
                    "mission-unknown-key.yaml:3:1: warning: unknown key \"group-by\" is ignored; did you mean \"group_by\"? [unknown-key]",
                    "mission-unknown-key.yaml:6:3: warning: unknown key \"willing.threshold\" is ignored; known: min_commitment, weights [unknown-key]",
                ]
            ),
        ]
        for (inputs, expected) in cases {
            let loaded = InputLoader.load(inputs.map { dir + $0 }, options: .withDOT)
            XCTAssertFalse(loaded.diagnostics.hasErrors, "\(inputs)")
            XCTAssertEqual(loaded.diagnostics.sorted().map(\.description), expected.map { dir + $0.replacingOccurrences(of: "{dir}", with: dir) })
        }
        let cp = try XCTUnwrap(loadValid([dir + "cp1252-actors.csv", dir + "cp1252-ties.csv"]))
        XCTAssertEqual(cp.actors.map(\.name), ["Ministère de la Santé", "Café Solidaire € Co"])
        XCTAssertEqual(cp.actors.map(\.id), ["min-santé", "café"])
        XCTAssertEqual(cp.actors.map { $0.attributes["budget"] }, [.number(1.5), .number(0.25)])
        XCTAssertEqual(cp.ties.count, 1)
    }

    func testMissingFilesAndFoldersAreErrors() {
        XCTAssertEqual(
            InputLoader.load(["/nonexistent/actors.csv"], options: .withDOT).diagnostics.entries.map(\.description),
            ["/nonexistent/actors.csv: error: no such file [file-unreadable]"])
        XCTAssertEqual(InputLoader.load([fixture("invalid") + "/x.docx"], options: .withDOT).diagnostics.entries.first?.code, .badInput)
        XCTAssertEqual(InputLoader.load([fixture("invalid") + "/actors.csv", fixture("invalid") + "/actors-bad-level.csv"]).diagnostics.entries.first?.code, .badInput)
    }

    // MARK: The example missions

    func testHealthyLivesMission() throws {
        let loaded = InputLoader.load([fixture("healthy-lives-2040/mission.yaml")], options: .withDOT)
        XCTAssertTrue(loaded.diagnostics.entries.isEmpty, "\(loaded.diagnostics.entries)")
        let m = try XCTUnwrap(loaded.mission)
        XCTAssertEqual(m.name, "Healthy Longer Lives 2040")
        XCTAssertEqual(m.targetYear, 2040)
        XCTAssertEqual(m.dataDate, "2026-10-01")
        XCTAssertEqual(m.groupBy, "sector")
        XCTAssertEqual(m.willing.minCommitment, .pledged)
        XCTAssertEqual(m.expectedVoices.first, .init(dimension: .kind, value: "cso", minCount: 3))
        XCTAssertEqual(m.expectedVoices[1], .init(dimension: .kind, value: "community", minShare: 0.15))
        XCTAssertEqual(m.expectedVoices[2], .init(dimension: .voice, value: "youth", minCount: 1))
        XCTAssertEqual(m.sensitiveColumns, ["stance", "influence", "notes"])
        let n = try XCTUnwrap(loaded.network)
        XCTAssertEqual(n.actors.count, 120)
        XCTAssertEqual(n.ties.count, 348)
        XCTAssertFalse(n.isDirected)
        XCTAssertEqual(n.actors.count { $0.kind == .ministry }, 7)
        XCTAssertEqual(n.ties.count { $0.isOpposition }, 7)
        XCTAssertEqual(n.actorColumns, [.init(name: "budget_meur", type: .number), .init(name: "notes", type: .text)])
        // Planted: no tie at all between the ministries of health and of food.
        let index = n.actorIndex()
        let health = Int32(index["min-health"]!), food = Int32(index["min-food"]!)
        XCTAssertFalse(n.ties.contains { Set([$0.source, $0.target]) == Set([health, food]) })
        // Planted: the expected youth voice is absent.
        XCTAssertFalse(n.actors.contains { $0.voices.contains("youth") })
    }

    func testLiveableStreetsIsTheSameNetworkInEveryFormat() throws {
        let csv = try XCTUnwrap(loadValid([fixture("liveable-streets/mission.yaml")]))
        let graphml = try XCTUnwrap(loadValid([fixture("liveable-streets/network.graphml")]))
        let gexf = try XCTUnwrap(loadValid([fixture("liveable-streets/network.gexf")]))
        XCTAssertEqual(csv.actors.count, 38)
        XCTAssertEqual(csv.ties.count, 91)
        XCTAssertTrue(csv.ties.contains { $0.strength == 2.5 }, "decimal commas are read")
        for other in [graphml, gexf] {
            XCTAssertEqual(canonical(other), canonical(csv))
        }
    }

    /// Actors and ties as comparable text, independent of order.
    func canonical(_ n: StakeholderNetwork) -> [String] {
        n.actors.map { a in
            "A \(a.id) \(a.name) \(a.kind?.rawValue ?? "-") \(a.sectors) \(a.level?.rawValue ?? "-") \(a.commitment?.name ?? "-") \(a.stance?.rawValue ?? "-")"
        }.sorted()
            + n.ties.map { t in
                let ends = [n.actors[Int(t.source)].id, n.actors[Int(t.target)].id].sorted()
                return "T \(ends) \(t.relation) \(t.strength) \(t.isDirected)"
            }.sorted()
    }

    func testJSONRoundTripKeepsEverything() throws {
        let original = try XCTUnwrap(loadValid([fixture("healthy-lives-2040/mission.yaml")]))
        let data = try CoalitionJSON.encode(original)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("coalition-json-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("network.json").path
        try data.write(to: URL(fileURLWithPath: path))
        let back = try XCTUnwrap(loadValid([path]))
        XCTAssertEqual(back.actors, original.actors)
        XCTAssertEqual(back.ties, original.ties)
        XCTAssertEqual(back.actorColumns, original.actorColumns)
        XCTAssertEqual(try CoalitionJSON.encode(back), data, "writing is deterministic")
    }

    // MARK: Real networks

    func testReferenceNetworksMatchNetworkx() throws {
        for name in ["karate", "florentine", "lesmis"] {
            let ref = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: fixture("reference/\(name).json")))) as! [String: Any]
            let graph = ref["graph"] as! [String: Any]
            let n = try XCTUnwrap(loadValid([fixture("reference/\(name).actors.csv"), fixture("reference/\(name).ties.csv")]))
            XCTAssertEqual(n.actors.count, graph["n_nodes"] as? Int, name)
            XCTAssertEqual(n.ties.count, graph["n_ties"] as? Int, name)
            let s = NetworkSummary(n)
            let density = graph["density"] as! Double
            XCTAssertEqual(s.density, density, accuracy: density * 1e-9, name)
            XCTAssertEqual(s.components, graph["n_components"] as? Int, name)
            XCTAssertEqual(n.ties.reduce(0) { $0 + $1.strength }, graph["total_weight"] as? Double ?? Double(n.ties.count), name)
        }
    }
}

extension FixtureTests {
    /// Every problem code the program can print is explained in the README's table.
    func testEveryCodeIsDocumented() throws {
        let readme = try String(contentsOf: TestSupport.root.appendingPathComponent("README.md"), encoding: .utf8)
        let rows = readme.split(separator: "\n").filter { $0.hasPrefix("| `") && $0.contains("| warning") || $0.contains("| error") }
        for code in Diagnostic.Code.allCases {
            XCTAssertTrue(rows.contains { $0.contains("`\(code.rawValue)`") }, "\(code.rawValue) is not in the README's table")
        }
    }
}
