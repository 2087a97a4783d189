import CoalitionTestSupport
import Foundation
import XCTest

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Runs the built `coalition` executable, as a user would.
final class CLITests: XCTestCase {
    static let root = TestSupport.root

    var executable: URL { TestSupport.executable() }

    typealias Run = TestSupport.Run

    func run(_ arguments: [String], in directory: URL = CLITests.root, environment: [String: String] = [:]) throws -> Run {
        try TestSupport.run(executable, arguments, in: directory, environment: environment)
    }

    func testValidateAcceptsEveryExampleMission() throws {
        for input in [
            "fixtures/healthy-lives-2040/mission.yaml", "fixtures/liveable-streets/mission.yaml",
            "fixtures/liveable-streets/network.graphml", "fixtures/liveable-streets/network.gexf",
        ] {
            let r = try run(["validate", input])
            XCTAssertEqual(r.status, 0, input)
            XCTAssertTrue(r.stdout.hasPrefix("valid: 0 errors, 0 warnings;"), r.stdout)
        }
    }

    func testValidateRejectsWithLocatedMessagesAndExitCode() throws {
        let r = try run(["validate", "fixtures/invalid/actors.csv", "fixtures/invalid/ties-bad-strength.csv"])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(
            r.stdout,
            """
            fixtures/invalid/ties-bad-strength.csv:2:9: error: strength must be a positive number, found "-2" [bad-strength]
            fixtures/invalid/ties-bad-strength.csv:3:14: error: strength must be a positive number, found "strong" [bad-strength]
            invalid: 2 errors, 0 warnings; 4 actors, 0 ties (undirected)

            """)
        let json = try run(["validate", "fixtures/invalid/actors-bad-level.csv", "--format", "json"])
        XCTAssertEqual(json.status, 1)
        let doc = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
        XCTAssertEqual(doc["valid"] as? Bool, false)
        let first = (doc["diagnostics"] as! [[String: Any]])[0]
        XCTAssertEqual(first["code"] as? String, "bad-level")
        XCTAssertEqual(first["line"] as? Int, 2)
        XCTAssertEqual(first["column"] as? Int, 24)
    }

    func testSummaryStopsOnErrors() throws {
        let r = try run(["summary", "fixtures/invalid/mission-bad-date.yaml"])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stdout, "")
        XCTAssertTrue(r.stderr.contains("mission-bad-date.yaml:2:12: error:"), r.stderr)
    }

    func testSummaryJSONIsIdenticalAcrossProcesses() throws {
        let a = try run(["summary", "fixtures/healthy-lives-2040/mission.yaml", "--format", "json"])
        let b = try run(["summary", "fixtures/healthy-lives-2040/mission.yaml", "--format", "json"])
        XCTAssertEqual(a.status, 0)
        XCTAssertEqual(a.stdout, b.stdout)
        let doc = try JSONSerialization.jsonObject(with: Data(a.stdout.utf8)) as! [String: Any]
        XCTAssertEqual(doc["actors"] as? Int, 120)
        XCTAssertEqual(doc["ties"] as? Int, 805, "348 from the survey, 457 from shared initiatives")
        XCTAssertEqual(doc["components"] as? Int, 3)
        XCTAssertEqual((doc["byKind"] as! [[String: Any]]).first?["value"] as? String, "business")
        XCTAssertEqual((doc["mission"] as! [String: Any])["dataDate"] as? String, "2026-10-01")
    }

    func testSummaryTextNamesTheMission() throws {
        let r = try run(["summary", "fixtures/healthy-lives-2040/mission.yaml"])
        XCTAssertEqual(r.status, 0)
        XCTAssertTrue(r.stdout.hasPrefix("Healthy Longer Lives 2040\n"))
        XCTAssertTrue(r.stdout.contains("120 actors, 805 ties (undirected), of which 7 opposition"), r.stdout)
        XCTAssertTrue(r.stdout.contains("Portfolio: 30 initiatives, 180 participations"), r.stdout)
        XCTAssertTrue(r.stdout.contains("Density 0.099"), r.stdout)
        XCTAssertEqual(
            r.stderr,
            "note: ties: direct ties and shared initiatives (Newman-weighted), added — 457 ties between actors who share an initiative; roles weigh in (lead 2, funder and partner 1.5, participant 1, observer 0.5; a pair by its less engaged end)\n"
        )
    }

    func testInitWritesAStarterThatValidatesAndRefusesToOverwrite() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("coalition-init-\(ProcessInfo.processInfo.processIdentifier)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let first = try run(["init", dir.path, "--name", "Every Street Liveable"])
        XCTAssertEqual(first.status, 0, first.stderr)
        let mission = dir.appendingPathComponent("mission.yaml").path
        let check = try run(["validate", mission])
        XCTAssertEqual(check.status, 0, check.stdout)
        // Valid, with what is still to do: the goal to write and the sheets to fill.
        XCTAssertEqual(
            check.stdout,
            """
            \(mission):6:7: warning: the goal is still the template's placeholder; write the mission's goal, with its measurable target — reports print it [placeholder]
            \(dir.path)/actors.csv:12:1: warning: the actors sheet has a header but no rows: no actor is declared [no-rows]
            \(dir.path)/ties.csv:6:1: warning: the ties sheet has a header but no rows: no tie is given [no-rows]
            valid: 0 errors, 3 warnings; 0 actors, 0 ties (undirected)

            """)
        let quiet = try run(["validate", mission, "--quiet"])
        XCTAssertEqual(quiet.stdout, "valid: 0 errors, 3 warnings; 0 actors, 0 ties (undirected)\n", "--quiet leaves the warnings out, not their count")
        let again = try run(["init", dir.path])
        XCTAssertEqual(again.status, 1)
        XCTAssertTrue(again.stderr.contains("already exist"))
    }

    func testHelpShowsExamples() throws {
        for command in ["validate", "summary", "analyze", "silos", "communities", "willing", "voices", "grid", "portfolio", "render", "convert", "init"] {
            let r = try run([command, "--help"])
            XCTAssertEqual(r.status, 0)
            XCTAssertTrue(r.stdout.contains("Example"), command)
        }
    }

    func testUsageErrors() throws {
        XCTAssertEqual(try run(["summary"]).status, 64)
        XCTAssertEqual(try run(["validate", "x.csv", "--merge", "median"]).status, 64)
    }
}

extension CLITests {
    func testAnalyzeJSONIsIdenticalAcrossProcessesAndThreadCounts() throws {
        let mission = "fixtures/healthy-lives-2040/mission.yaml"
        let one = try run(["analyze", mission, "--format", "json", "--weighted", "--threads", "1"])
        let two = try run(["analyze", mission, "--format", "json", "--weighted", "--threads", "2"])
        let three = try run(["analyze", mission, "--format", "json", "--weighted", "--threads", "3"])
        XCTAssertEqual(one.status, 0, one.stderr)
        XCTAssertEqual(one.stdout, two.stdout)
        XCTAssertEqual(one.stdout, three.stdout)
        let doc = try JSONSerialization.jsonObject(with: Data(one.stdout.utf8)) as! [String: Any]
        let network = doc["network"] as! [String: Any]
        XCTAssertEqual(network["actors"] as? Int, 120)
        XCTAssertEqual(network["oppositionTies"] as? Int, 7)
        let actors = doc["actors"] as! [[String: Any]]
        let isolate = try XCTUnwrap(actors.first { $0["id"] as? String == "cso-migrants" })
        XCTAssertTrue(isolate["constraint"] is NSNull, "undefined values are null")
        for key in [
            "id", "name", "degree", "strength", "betweenness", "closeness", "harmonic", "pagerank", "eigenvector",
            "coreness", "clustering", "constraint", "effectiveSize", "brokerage",
        ] {
            XCTAssertNotNil(isolate[key], key)
        }
        XCTAssertEqual(
            Set((isolate["brokerage"] as! [String: Any]).keys),
            ["coordinator", "itinerant", "gatekeeper", "representative", "liaison", "total"])
        XCTAssertNil(isolate["inDegree"], "directed fields only for directed networks")
    }

    func testAnalyzeCSVAndTable() throws {
        let csv = try run(["analyze", "fixtures/liveable-streets/network.gexf", "--format", "csv", "--directed"])
        XCTAssertEqual(csv.status, 0, csv.stderr)
        let lines = csv.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 39)
        XCTAssertTrue(lines[0].hasPrefix("id,name,group,degree,inDegree,outDegree,strength,inStrength,outStrength,betweenness,closeness,closenessIn,closenessOut"))
        let table = try run(["analyze", "fixtures/healthy-lives-2040/mission.yaml", "--top", "3", "--group-by", "kind"])
        XCTAssertEqual(table.status, 0)
        XCTAssertTrue(table.stdout.contains("Top 3 by betweenness"))
        XCTAssertTrue(table.stdout.contains("brokerage across kind groups"))
        let bad = try run(["analyze", "fixtures/healthy-lives-2040/mission.yaml", "--group-by", "sectr"])
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(bad.stderr.contains("did you mean \"sector\""), bad.stderr)
    }
}

extension CLITests {
    func testSilosJSONHasTheDocumentedFields() throws {
        let r = try run(["silos", "fixtures/healthy-lives-2040/mission.yaml", "--format", "json", "--permutations", "499"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let again = try run(["silos", "fixtures/healthy-lives-2040/mission.yaml", "--format", "json", "--permutations", "499"])
        XCTAssertEqual(r.stdout, again.stdout, "byte-identical across processes")
        let doc = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        let group = (doc["groups"] as! [[String: Any]]).first!
        for key in ["group", "size", "internalTies", "externalTies", "eiIndex", "eiRescaled", "eiPValue"] { XCTAssertNotNil(group[key], key) }
        let network = doc["network"] as! [String: Any]
        for key in ["eiIndex", "assortativity", "groupModularity"] { XCTAssertNotNil(network[key], key) }
        let bridge = (doc["missingBridges"] as! [[String: Any]]).first!
        XCTAssertEqual(Set(bridge["groups"] as! [String]), ["food", "health"])
        for key in ["ties", "expectedTies", "candidates"] { XCTAssertNotNil(bridge[key], key) }
        let communities = doc["communities"] as! [String: Any]
        XCTAssertEqual((communities["membership"] as! [[String: Any]]).count, 120)
        XCTAssertEqual((communities["membership"] as! [[String: Any]]).first?["id"] as? String, "min-health")
        for key in ["modularity", "nmi"] { XCTAssertNotNil(communities[key], key) }
        XCTAssertNotNil(doc["government"] as? [String: Any])
        XCTAssertTrue((doc["nullModel"] as! String).hasPrefix("Expected ties between two groups = K_a·K_b/2m"))
    }

    func testCommunitiesCommand() throws {
        let r = try run(["communities", "fixtures/healthy-lives-2040/mission.yaml", "--format", "json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let doc = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        XCTAssertEqual(doc["method"] as? String, "leiden")
        XCTAssertEqual((doc["membership"] as! [Any]).count, 120)
        let louvain = try run(["communities", "fixtures/healthy-lives-2040/mission.yaml", "--method", "louvain", "--resolution", "0.5"])
        XCTAssertEqual(louvain.status, 0, louvain.stderr)
        XCTAssertTrue(louvain.stdout.contains("by louvain (modularity, resolution 0.5, best of 100 runs from seed 1)"), louvain.stdout)
        XCTAssertEqual(try run(["communities", "fixtures/healthy-lives-2040/mission.yaml", "--method", "spectral"]).status, 64)
        XCTAssertNil(doc["iterations"], "until stable by default")
        // As igraph's n_iterations: one pass, or two, each from the last partition.
        let passes = try run(["communities", "fixtures/healthy-lives-2040/mission.yaml", "--restarts", "1", "--iterations", "2", "--format", "json"])
        XCTAssertEqual(passes.status, 0, passes.stderr)
        let two = try JSONSerialization.jsonObject(with: Data(passes.stdout.utf8)) as! [String: Any]
        XCTAssertEqual(two["iterations"] as? Int, 2)
        XCTAssertEqual(two["runs"] as? Int, 1)
        let text = try run(["communities", "fixtures/healthy-lives-2040/mission.yaml", "--restarts", "1", "--iterations", "1"])
        XCTAssertTrue(text.stdout.contains("(modularity, resolution 1, best of 1 run from seed 1, 1 iteration each)"), text.stdout)
        XCTAssertEqual(try run(["communities", "fixtures/healthy-lives-2040/mission.yaml", "--iterations", "0"]).status, 64)
    }
}

extension CLITests {
    func testWillingVoicesAndGridJSON() throws {
        let mission = "fixtures/healthy-lives-2040/mission.yaml"
        let willing = try run(["willing", mission, "--format", "json"])
        XCTAssertEqual(willing.status, 0, willing.stderr)
        XCTAssertEqual(willing.stdout, try run(["willing", mission, "--format", "json"]).stdout, "byte-identical across processes")
        let w = try JSONSerialization.jsonObject(with: Data(willing.stdout.utf8)) as! [String: Any]
        let cluster = (w["clusters"] as! [[String: Any]]).first!
        for key in ["members", "score", "parts"] { XCTAssertNotNil(cluster[key], key) }
        let recommended = w["recommended"] as! [String: Any]
        XCTAssertTrue((recommended["reason"] as! String).hasPrefix("Start with the"))
        let recruit = (w["nextToRecruit"] as! [[String: Any]]).first!
        XCTAssertNotNil(recruit["id"]); XCTAssertNotNil(recruit["introducedBy"])
        XCTAssertNotNil(w["camps"] as? [String: Any])

        let voices = try run(["voices", mission, "--format", "json"])
        XCTAssertEqual(voices.status, 0, voices.stderr)
        let v = try JSONSerialization.jsonObject(with: Data(voices.stdout.utf8)) as! [String: Any]
        XCTAssertEqual((v["missing"] as! [[String: Any]]).first?["category"] as? String, "voice: youth")
        let under = (v["underrepresented"] as! [[String: Any]]).first!
        XCTAssertEqual(under["category"] as? String, "kind: community")
        XCTAssertNotNil(under["representationRatio"])
        XCTAssertEqual((v["consultedOnly"] as! [String]).count, 4)
        XCTAssertEqual(v["isolated"] as? [String], ["cso-migrants"])

        let grid = try run(["grid", mission, "--format", "csv"])
        XCTAssertEqual(grid.status, 0, grid.stderr)
        XCTAssertTrue(
            grid.stdout.hasPrefix(
                "id,name,influence,interest,quadrant,declaredPercentile,structuralPercentile,pagerankPercentile,betweennessPercentile,finding,foundBy\nmin-health,"),
            grid.stdout)
        XCTAssertEqual(try run(["willing", mission, "--min-commitment", "keen"]).status, 64)
    }
}

extension CLITests {
    /// keyplayers: the numbers of the JSON are the graph core's, and what cannot be asked is a
    /// usage error that says why.
    func testKeyPlayersAndTheirUsageErrors() throws {
        let mission = "fixtures/liveable-streets/mission.yaml"
        let r = try run(["keyplayers", mission, "--size", "2", "--objective", "fragmentation", "--format", "json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let doc = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        let f = try XCTUnwrap(doc["fragmentation"] as? [String: Any])
        XCTAssertEqual(f["optimal"] as? Bool, true, "38 candidates, a set of 2: every set tried")
        XCTAssertEqual((f["set"] as? [String])?.count, 2)
        XCTAssertNil(doc["reach"], "only the objective asked")
        XCTAssertEqual(doc["reference"] as? String, "Borgatti, S. P. (2006), Identifying sets of key players in a social network, Computational and Mathematical Organization Theory 12(1), 21–34, doi:10.1007/s10588-006-7084-x")
        let exclude = try run(["keyplayers", mission, "--size", "2", "--objective", "reach", "--exclude", "cityy"])
        XCTAssertEqual(exclude.status, 64)
        XCTAssertTrue(exclude.stderr.contains("no actor with id \"cityy\"; did you mean \"city\"?"), exclude.stderr)
        let tooMany = try run(["keyplayers", mission, "--size", "37", "--objective", "fragmentation"])
        XCTAssertEqual(tooMany.status, 64)
        XCTAssertTrue(tooMany.stderr.contains("leaves too few to fragment (at most 36)"), tooMany.stderr)
        let few = try run(["keyplayers", mission, "--size", "3", "--candidates", "kind=ministry", "--objective", "reach"])
        XCTAssertEqual(few.status, 64)
        XCTAssertTrue(few.stderr.contains("a set of 3 from 1 candidate"), few.stderr)
        let syntax = try run(["keyplayers", mission, "--candidates", "ministry"])
        XCTAssertEqual(syntax.status, 64)
        XCTAssertTrue(syntax.stderr.contains("--candidates takes attribute=value"), syntax.stderr)
        let attribute = try run(["keyplayers", mission, "--candidates", "kindd=cso", "--objective", "reach"])
        XCTAssertEqual(attribute.status, 64)
        XCTAssertTrue(attribute.stderr.contains("no attribute \"kindd\" to choose actors by; did you mean \"kind\"?"), attribute.stderr)
    }

    /// whatif: the mission's scenarios and ad-hoc departures, through the same analyses as the
    /// other commands, and what cannot be asked as usage errors.
    func testWhatIfSaysWhatBreaks() throws {
        let mission = "fixtures/healthy-lives-2040/mission.yaml"
        let r = try run(["whatif", mission, "--format", "json", "--quiet"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let scenarios = (try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any])["scenarios"] as! [[String: Any]]
        XCTAssertEqual(scenarios.map { $0["name"] as? String }, ["after the election", "the innovation agency reorganised", "the regions step back"])
        let agency = scenarios[1]
        XCTAssertEqual(agency["removed"] as? [String], ["innov-agency"])
        XCTAssertEqual(agency["bridgesOpened"] as? [[String]], [["economy", "food"]], "the agency is the economy side's one tie to food")
        XCTAssertEqual(((agency["willing"] as! [String: Any])["after"] as! [String]).count, 16)
        XCTAssertEqual((scenarios[2]["removed"] as? [String])?.count, 4, "remove_kind: every regional authority")
        // Two municipalities that alone tie their community groups to the rest.
        let cut = try run(["whatif", mission, "--remove", "muni-harbourside,muni-oakdale,innov-agency", "--format", "json", "--quiet"])
        let only = ((try JSONSerialization.jsonObject(with: Data(cut.stdout.utf8)) as! [String: Any])["scenarios"] as! [[String: Any]])[0]
        XCTAssertEqual(only["cutOff"] as? [String], ["comm-harbour-residents", "comm-walking-club"])
        let f = only["fragmentation"] as! [String: Double]
        XCTAssertEqual(try XCTUnwrap(f["before"]), 0.049, accuracy: 0.0005)
        XCTAssertGreaterThan(try XCTUnwrap(f["after"]), try XCTUnwrap(f["before"]))
        let text = try run(["whatif", mission, "--remove", "muni-harbourside", "--quiet"])
        XCTAssertTrue(text.stdout.hasPrefix("If Municipality of Harbourside left\n"), text.stdout)
        XCTAssertTrue(text.stdout.contains("cut off from the rest (1): Harbour Quarter Residents"), text.stdout)
        let unknown = try run(["whatif", mission, "--remove", "phy", "--quiet"])
        XCTAssertEqual(unknown.status, 64)
        XCTAssertTrue(unknown.stderr.contains("no actor with id \"phy\"; did you mean \"phi\"?"), unknown.stderr)
        let scenario = try run(["whatif", mission, "--scenario", "after the elections", "--quiet"])
        XCTAssertEqual(scenario.status, 64)
        XCTAssertTrue(scenario.stderr.contains("the mission has no scenario \"after the elections\"; it lists \"after the election\""), scenario.stderr)
        XCTAssertEqual(try run(["whatif", mission, "--scenario", "x", "--remove", "phi"]).status, 64)
        let nobody = try run(["whatif", "fixtures/liveable-streets/mission.yaml"])
        XCTAssertEqual(nobody.status, 64)
        XCTAssertTrue(nobody.stderr.contains("say who leaves"), nobody.stderr)
        let everyone = try run(["whatif", "fixtures/liveable-streets/mission.yaml", "--remove-kind", "local-government,agency,regional-government,business,ministry,funder,university,research,cso,community"])
        XCTAssertEqual(everyone.status, 64)
        XCTAssertTrue(everyone.stderr.contains("every actor would leave"), everyone.stderr)
        // A scenario naming an actor the sheets lack stops `report` before it writes anything.
        let dir = try scratch()
        let source = CLITests.root.appendingPathComponent("fixtures/liveable-streets")
        for f in ["nodes.csv", "edges.csv"] { try FileManager.default.copyItem(at: source.appendingPathComponent(f), to: dir.appendingPathComponent(f)) }
        let yaml = try String(contentsOf: source.appendingPathComponent("mission.yaml"), encoding: .utf8) + "scenarios:\n  - {name: budget cuts, remove: [citty]}\n"
        try yaml.write(to: dir.appendingPathComponent("mission.yaml"), atomically: true, encoding: .utf8)
        let pack = dir.appendingPathComponent("pack")
        let refused = try run(["report", dir.appendingPathComponent("mission.yaml").path, "--output-dir", pack.path])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("error: scenario \"budget cuts\": no actor with id \"citty\"; did you mean \"city\"? [bad-mission]"), refused.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: pack.path), "no pack begun")
        // So does a finding code to omit from external packs that is no code: a typo would let
        // the finding out.
        let typo = try String(contentsOf: source.appendingPathComponent("mission.yaml"), encoding: .utf8) + "external: {omit: [silos.unconnected-ministry]}\n"
        try typo.write(to: dir.appendingPathComponent("mission.yaml"), atomically: true, encoding: .utf8)
        let badCode = try run(["report", dir.appendingPathComponent("mission.yaml").path, "--output-dir", pack.path, "--audience", "external"])
        XCTAssertEqual(badCode.status, 1)
        XCTAssertTrue(
            badCode.stderr.contains("error: external.omit names \"silos.unconnected-ministry\", which is no finding code; did you mean \"silos.unconnected-ministries\"?"),
            badCode.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: pack.path), "no pack begun")
    }

    /// stderr without Coalition's own notes ("note: ties: shared initiatives, …"), which a
    /// mission with a portfolio gets from every analysis: what is left came from elsewhere.
    static func withoutNotes(_ stderr: String) -> String {
        stderr.split(separator: "\n").filter { !$0.hasPrefix("note: ") }.joined(separator: "\n")
    }

    func testRenderWritesImagesThatAreTheSameEveryTime() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("coalition-render-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let mission = "fixtures/healthy-lives-2040/mission.yaml"
        for (view, format, magic) in [
            ("groups", "png", [UInt8]([0x89, 0x50, 0x4E, 0x47])), ("ego", "pdf", Array("%PDF".utf8)), ("willing", "svg", Array("<?xml".utf8)),
            ("silos", "png", [UInt8]([0x89, 0x50, 0x4E, 0x47])),
        ] {
            var paths: [URL] = []
            for i in 0..<2 {
                let path = dir.appendingPathComponent("\(view)-\(i).\(format)")
                var args = ["render", mission, "--view", view, "--format", format, "--output", path.path]
                if view == "ego" { args += ["--actor", "phi", "--depth", "1"] }
                let r = try run(args)
                XCTAssertEqual(r.status, 0, r.stderr)
                XCTAssertEqual(Self.withoutNotes(r.stderr), "", "Graphviz says nothing on stderr")
                paths.append(path)
            }
            let a = try Data(contentsOf: paths[0]), b = try Data(contentsOf: paths[1])
            XCTAssertTrue(a.starts(with: magic), view)
            XCTAssertGreaterThan(a.count, 5_000, view)
            XCTAssertEqual(a, b, "\(view) \(format) identical across processes")
        }
        let bad = try run(["render", mission, "--view", "ego", "--actor", "phy", "--output", dir.appendingPathComponent("x.svg").path])
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(bad.stderr.contains("did you mean \"phi\""), bad.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("x.svg").path), "no partial output")
    }

    /// Every view of every example mission renders as well-formed SVG carrying its title, with
    /// nothing on stderr.
    func testEveryViewOfEveryExampleRenders() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("coalition-views-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for (mission, ego) in [("fixtures/healthy-lives-2040/mission.yaml", "phi"), ("fixtures/liveable-streets/mission.yaml", "city")] {
            for view in ["full", "ego", "groups", "silos", "willing", "voices"] + (mission.contains("healthy") ? ["portfolio"] : []) {
                let path = dir.appendingPathComponent("\(view).svg")
                var args = ["render", mission, "--view", view, "--output", path.path]
                if view == "ego" { args += ["--actor", ego] }
                let r = try run(args)
                XCTAssertEqual(r.status, 0, "\(mission) \(view): \(r.stderr)")
                XCTAssertEqual(Self.withoutNotes(r.stderr), "", "\(mission) \(view): Graphviz says nothing on stderr")
                let svg = try Data(contentsOf: path)
                let parser = XMLParser(data: svg)
                XCTAssertTrue(parser.parse(), "\(mission) \(view) is well-formed XML")
                let text = String(decoding: svg, as: UTF8.self)
                XCTAssertTrue(text.contains("drawn with Graphviz"), "\(mission) \(view) has its caption")
                XCTAssertGreaterThan(text.components(separatedBy: "class=\"node\"").count, 2, "\(mission) \(view) has nodes")
            }
        }
    }

    /// Graphviz without its plugin configuration, or without the cairo plugin, is a clear error
    /// naming the Debian package, and leaves no file behind. GVBINDIR points Graphviz at a
    /// plugin folder of the test's making.
    func testMissingGraphvizPluginsAreClearErrors() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("coalition-plugins-\(ProcessInfo.processInfo.processIdentifier)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let system = try XCTUnwrap(
            ["/usr/lib/x86_64-linux-gnu/graphviz", "/usr/lib/aarch64-linux-gnu/graphviz", "/usr/lib/graphviz"]
                .first { FileManager.default.fileExists(atPath: $0 + "/libgvplugin_core.so.6") }, "Graphviz's plugins")
        /// A plugin folder holding only `plugins` (none: not even a configuration).
        func pluginFolder(_ name: String, _ plugins: [String]) throws -> String {
            let folder = dir.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            guard !plugins.isEmpty else { return folder.path }
            for plugin in plugins {
                try FileManager.default.createSymbolicLink(
                    atPath: folder.appendingPathComponent("libgvplugin_\(plugin).so.6").path,
                    withDestinationPath: "\(system)/libgvplugin_\(plugin).so.6")
            }
            // `dot -c` writes the plugin configuration for the folder GVBINDIR names.
            let configure = Process()
            configure.executableURL = URL(fileURLWithPath: "/usr/bin/dot")
            configure.arguments = ["-c"]
            configure.environment = ["GVBINDIR": folder.path]
            try configure.run()
            configure.waitUntilExit()
            return folder.path
        }
        let out = dir.appendingPathComponent("x.png").path
        func render(_ extra: [String], plugins: String) throws -> Run {
            try run(["render", "fixtures/liveable-streets/mission.yaml", "--view", "groups", "--output", out] + extra, environment: ["GVBINDIR": plugins])
        }

        let none = try render([], plugins: try pluginFolder("none", []))
        XCTAssertEqual(none.status, 1)
        XCTAssertTrue(none.stderr.hasPrefix("error: Graphviz finds no layout plugins: its plugin configuration is missing. Reinstall the Debian package libgvc6"), none.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out))

        let noCairo = try pluginFolder("no-cairo", ["core", "dot_layout", "neato_layout"])
        let png = try render(["--format", "png"], plugins: noCairo)
        XCTAssertEqual(png.status, 1)
        XCTAssertTrue(png.stderr.hasPrefix("error: Graphviz cannot render png; install the Debian package libgvc6 (its cairo plugin renders PNG and PDF)"), png.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out))
        let svg = try run(
            ["render", "fixtures/liveable-streets/mission.yaml", "--view", "groups", "--format", "svg", "--output", out + ".svg"],
            environment: ["GVBINDIR": noCairo])
        XCTAssertEqual(svg.status, 0, "SVG needs only the core plugin: \(svg.stderr)")

        // Without the neato plugin, an engine it brings is a clear error too.
        let sfdp = try render(["--engine", "sfdp"], plugins: try pluginFolder("dot-only", ["core", "dot_layout"]))
        XCTAssertEqual(sfdp.status, 1)
        XCTAssertTrue(sfdp.stderr.hasPrefix("error: the layout engine \"sfdp\" is not installed; install the Debian package libgvc6"), sfdp.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out))
    }

    func testConvertToDOTAndJSON() throws {
        let dot = try run(["convert", "fixtures/liveable-streets/network.gexf", "--to", "dot", "--view", "silos", "--group-by", "kind"])
        XCTAssertEqual(dot.status, 0, dot.stderr)
        XCTAssertTrue(dot.stdout.hasPrefix("graph coalition {"))
        XCTAssertTrue(dot.stdout.contains("subgraph cluster_0"))
        let json = try run(["convert", "fixtures/liveable-streets/network.gexf", "--to", "json"])
        XCTAssertTrue(json.stdout.contains("\"format\" : \"coalition\""))
    }
}

extension CLITests {
    /// `--quiet` on every command: the hand-made mission has thirteen warnings, and none of
    /// them (nor notes or "wrote" lines) reaches standard error; errors still do.
    func testQuietSilencesWarningsOnEveryCommand() throws {
        let mission = "fixtures/warnings/net-zero-neighbourhoods/mission.yaml"
        let dir = try temporaryFolder()
        let loud = try run(["summary", mission])
        XCTAssertEqual(loud.stderr.split(separator: "\n").count, 13, loud.stderr)
        for arguments in [
            ["validate", mission], ["summary", mission], ["analyze", mission], ["silos", mission, "--permutations", "99"],
            ["communities", mission], ["willing", mission], ["voices", mission], ["grid", mission],
            ["render", mission, "--view", "voices", "--format", "dot", "--output", dir.appendingPathComponent("v.gv").path],
            ["convert", mission, "--to", "json", "--output", dir.appendingPathComponent("n.json").path],
            ["report", mission, "--output-dir", dir.appendingPathComponent("pack").path],
            ["init", dir.appendingPathComponent("new").path, "--name", "Net-Zero Neighbourhoods 2035"],
            ["compare", mission, mission, "--permutations", "99"],
        ] {
            let r = try run(arguments + ["--quiet"])
            XCTAssertEqual(r.status, 0, "\(arguments[0]): \(r.stderr)")
            XCTAssertEqual(r.stderr, "", arguments[0])
        }
        let help = try run(["--help"])
        for command in ["validate", "summary", "analyze", "silos", "communities", "willing", "voices", "grid", "compare", "render", "convert", "report", "init"] {
            XCTAssertTrue(try run([command, "--help"]).stdout.contains("--quiet"), "\(command) has --quiet")
        }
        XCTAssertEqual(help.status, 0)
        // Errors are not silenced.
        let bad = try run(["summary", "fixtures/invalid/actors.csv", "fixtures/invalid/ties-bad-strength.csv", "--quiet"])
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(bad.stderr.contains("error: strength must be a positive number"), bad.stderr)
        // The name's year is the target year.
        let starter = try String(contentsOf: dir.appendingPathComponent("new/mission.yaml"), encoding: .utf8)
        XCTAssertTrue(starter.contains("\ntarget_year: 2035\n"), starter)
    }
}

extension CLITests {
    func testCompareTakesFoldersOrSheetPairsAndGivesTheSameAnswer() throws {
        let folders = try run(["compare", "fixtures/waves/westmark-2025", "fixtures/waves/westmark-2026", "--format", "json"])
        XCTAssertEqual(folders.status, 0, folders.stderr)
        let sheets = try run([
            "compare", "--before", "fixtures/waves/westmark-2025/actors.csv", "--before", "fixtures/waves/westmark-2025/ties.csv",
            "--after", "fixtures/waves/westmark-2026/ties.csv", "--after", "fixtures/waves/westmark-2026/actors.csv", "--format", "json",
        ])
        XCTAssertEqual(sheets.status, 0, sheets.stderr)
        let a = try JSONSerialization.jsonObject(with: Data(folders.stdout.utf8)) as! [String: Any]
        let b = try JSONSerialization.jsonObject(with: Data(sheets.stdout.utf8)) as! [String: Any]
        for key in ["actors", "ties", "correlation", "commitment", "silos", "willing", "voices"] {
            XCTAssertEqual(a[key] as? NSDictionary, b[key] as? NSDictionary, key)
        }
        let ties = a["ties"] as! [String: Any]
        XCTAssertEqual((ties["formed"] as! [Any]).count, 15)
        XCTAssertEqual(ties["hamming"] as? Int, 3)
        XCTAssertEqual(((a["actors"] as! [String: Any])["renamed"] as! [[String: String]]).first?["before"], "coop-westmark")
        XCTAssertEqual(try run(["compare", "fixtures/waves/westmark-2025", "fixtures/waves/westmark-2026", "--format", "json"]).stdout, folders.stdout, "byte-identical")
        let strict = try run(["compare", "fixtures/waves/westmark-2025", "fixtures/waves/westmark-2026", "--match", "id", "--format", "json"])
        XCTAssertEqual((((try JSONSerialization.jsonObject(with: Data(strict.stdout.utf8)) as! [String: Any])["actors"] as! [String: Any])["joined"] as! [Any]).count, 4)
    }

    func testCompareRefusesWavesThatCannotBeCompared() throws {
        let dir = try temporaryFolder()
        // The spring wave with its ties undirected: one side directed, the other not.
        let spring = try String(contentsOf: Self.root.appendingPathComponent("fixtures/reference/coleman-spring.ties.csv"), encoding: .utf8)
        try spring.replacingOccurrences(of: ",yes\n", with: ",no\n").write(to: dir.appendingPathComponent("ties.csv"), atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(at: Self.root.appendingPathComponent("fixtures/reference/coleman-spring.actors.csv"), to: dir.appendingPathComponent("actors.csv"))
        let fall = ["--before", "fixtures/reference/coleman-fall.actors.csv", "--before", "fixtures/reference/coleman-fall.ties.csv"]
        let direction = try run(["compare"] + fall + ["--after", dir.appendingPathComponent("actors.csv").path, "--after", dir.appendingPathComponent("ties.csv").path])
        XCTAssertEqual(direction.status, 1)
        XCTAssertTrue(
            direction.stderr.hasPrefix(
                "\(dir.appendingPathComponent("actors.csv").path): error: this wave is read as undirected and the before wave as directed: ties cannot be compared across them"),
            direction.stderr)
        XCTAssertEqual(direction.stdout, "")
        let strangers = try run(["compare"] + fall + ["--after", "fixtures/waves/westmark-2026/actors.csv", "--after", "fixtures/waves/westmark-2026/ties.csv", "--directed"])
        XCTAssertEqual(strangers.status, 1)
        XCTAssertTrue(strangers.stderr.contains("fixtures/waves/westmark-2026/actors.csv: error: no actor of this wave is in the before wave, by id or by name"), strangers.stderr)
        XCTAssertEqual(try run(["init", dir.appendingPathComponent("empty").path, "--quiet"]).status, 0)
        let empty = try run(["compare", dir.appendingPathComponent("empty").path, "fixtures/waves/westmark-2026", "--quiet"])
        XCTAssertEqual(empty.status, 1)
        XCTAssertTrue(empty.stderr.contains("error: the before wave has no actors; there is nothing to compare"), empty.stderr)
        XCTAssertEqual(try run(["compare", "fixtures/waves/westmark-2026"]).status, 64, "one wave is a usage error")
        // A broken side reports its own located errors.
        let broken = try run(["compare", "--before", "fixtures/invalid/actors.csv", "--before", "fixtures/invalid/ties-bad-strength.csv", "--after", "fixtures/waves/westmark-2026/actors.csv", "--after", "fixtures/waves/westmark-2026/ties.csv"])
        XCTAssertEqual(broken.status, 1)
        XCTAssertTrue(broken.stderr.hasPrefix("fixtures/invalid/ties-bad-strength.csv:2:9: error: strength must be a positive number"), broken.stderr)
    }
}

extension CLITests {
    /// `compare --at D1 --at D2` on one dated input is the comparison of the two waves' own
    /// sheets (the renamed id aside: the dated sheet uses one id throughout), in every format
    /// the dates travel through.
    func testCompareOneDatedInputOnTwoDays() throws {
        let dir = try temporaryFolder()
        var results: [[String: Int]] = []
        for format in ["json", "graphml", "gexf"] {
            let file = dir.appendingPathComponent("dated.\(format)").path
            XCTAssertEqual(try run(["convert", "fixtures/waves/westmark-dated", "--to", format, "--output", file, "--quiet"]).status, 0)
            let r = try run(["compare", file, "--at", "2025-06-30", "--at", "2026-06-30", "--format", "json"])
            XCTAssertEqual(r.status, 0, r.stderr)
            let doc = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
            XCTAssertEqual(doc["before"] as? String, "2025-06-30")
            results.append((doc["ties"] as! [String: Any])["amongContinuing"] as! [String: Int])
        }
        XCTAssertEqual(results, Array(repeating: ["actors": 32, "kept": 60, "formed": 3, "dissolved": 0], count: 3))
        let summary = try run(["summary", "fixtures/waves/westmark-dated", "--at", "2025-06-30"])
        XCTAssertTrue(summary.stdout.hasPrefix("33 actors, 67 ties (undirected)"), summary.stdout)
        XCTAssertEqual(try run(["summary", "fixtures/waves/westmark-dated", "--at", "2025-06-31"]).status, 64)
        XCTAssertEqual(try run(["compare", "fixtures/waves/westmark-dated", "--at", "2026-06-30", "--at", "2025-06-30"]).status, 64, "earlier day first")
        let undated = try run(["summary", "fixtures/waves/westmark-2026", "--at", "2026-06-30"])
        XCTAssertTrue(undated.stderr.contains("warning: --at 2026-06-30: no actor or tie carries valid_from or valid_until"), undated.stderr)
    }
}

extension CLITests {
    func testPortfolioCommandAndItsOptions() throws {
        let mission = "fixtures/active-travel-2035/mission.yaml"
        let json = try run(["portfolio", mission, "--format", "json", "--threads", "1"])
        XCTAssertEqual(json.status, 0, json.stderr)
        XCTAssertEqual(try run(["portfolio", mission, "--format", "json", "--threads", "2"]).stdout, json.stdout, "the same on any number of threads")
        let doc = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
        let summary = doc["portfolio"] as! [String: Any]
        XCTAssertEqual(summary["crossSectoralShare"] as? Double, 12.0 / 14.0)
        XCTAssertEqual(summary["connectors"] as? [String], ["riverton", "westmark", "public-health", "eastbrook", "city-uni"])
        XCTAssertEqual(summary["outsidePortfolio"] as? [String], ["min-social"])
        let initiatives = doc["initiatives"] as! [[String: Any]]
        let streets = try XCTUnwrap(initiatives.first { $0["id"] as? String == "school-streets" })
        XCTAssertEqual(streets["lead"] as? String, "riverton")
        XCTAssertEqual(streets["crossSectoral"] as? Bool, true)
        XCTAssertEqual(streets["withCivilSociety"] as? Bool, true)
        XCTAssertEqual(streets["sectors"] as? [String], ["education", "health", "mobility"])
        // Usage errors: a weighting without a projection, a role that is none.
        XCTAssertEqual(try run(["portfolio", mission, "--weighting", "newman"]).status, 64)
        let badRole = try run(["portfolio", mission, "--roles", "lead,boss"])
        XCTAssertEqual(badRole.status, 64)
        XCTAssertTrue(badRole.stderr.contains("unknown role \"boss\""), badRole.stderr)
        // A projection asked of a network without a portfolio.
        let none = try run(["convert", "fixtures/liveable-streets/mission.yaml", "--project", "actors", "--to", "json"])
        XCTAssertEqual(none.status, 1)
        XCTAssertTrue(none.stderr.contains("no participations in initiatives to project"), none.stderr)
        let noPortfolio = try run(["portfolio", "fixtures/liveable-streets/mission.yaml"])
        XCTAssertEqual(noPortfolio.status, 1)
        XCTAssertEqual(noPortfolio.stdout, "", "no empty tables for a network without a portfolio")
        XCTAssertTrue(noPortfolio.stderr.contains("the input holds no participations in initiatives"), noPortfolio.stderr)
        // An analysis of participations alone says where its ties are.
        let silos = try run(["summary", mission])
        XCTAssertTrue(silos.stdout.contains("Portfolio: 14 initiatives, 68 participations"), silos.stdout)
        // Every one-mode analysis reads the actors tied by shared initiatives, and says so.
        let analyze = try run(["analyze", mission])
        XCTAssertEqual(analyze.status, 0)
        XCTAssertTrue(analyze.stderr.hasPrefix("note: ties: shared initiatives, Newman-weighted — 126 ties between actors who share an initiative; roles weigh in"), analyze.stderr)
        XCTAssertTrue(analyze.stderr.contains("the commitment of 32 actors comes from their participations"), analyze.stderr)
        XCTAssertTrue(analyze.stdout.hasPrefix("Who holds the coalition together: "), analyze.stdout)
        XCTAssertTrue(analyze.stdout.contains("\n\n33 actors, 126 ties (undirected)"), analyze.stdout)
        let small = try run(["silos", mission, "--max-initiative-size", "6"])
        XCTAssertTrue(
            small.stderr.hasPrefix(
                "warning: 1 initiative with more than 6 members gives no ties: Clean Air Monitoring Network (7); a forum that large would tie everyone to everyone (--max-initiative-size raises the limit)\n"),
            small.stderr)
        let direct = try run(["analyze", mission, "--projection", "ties-only"])
        XCTAssertTrue(direct.stdout.hasPrefix("33 actors, 0 ties"), direct.stdout)
        XCTAssertTrue(direct.stderr.contains("ties: direct ties only (the portfolio gives none)"), direct.stderr)
        XCTAssertEqual(try run(["analyze", mission, "--max-initiative-size", "1"]).status, 64)
        let quiet = try run(["willing", mission, "--quiet"])
        XCTAssertEqual(quiet.stderr, "")
        // The pack takes the same limit, names what it leaves out and says it in its methods.
        let pack = try temporaryFolder().appendingPathComponent("pack")
        let report = try run(["report", mission, "--output-dir", pack.path, "--max-initiative-size", "6"])
        XCTAssertEqual(report.status, 0, report.stderr)
        XCTAssertTrue(report.stderr.hasPrefix("warning: 1 initiative with more than 6 members gives no ties: Clean Air Monitoring Network (7)"), report.stderr)
        let markdown = try String(contentsOf: pack.appendingPathComponent("report.md"), encoding: .utf8)
        XCTAssertTrue(markdown.contains("Initiatives of more than 6 members give no ties."), markdown)
        XCTAssertTrue(FileManager.default.fileExists(atPath: pack.appendingPathComponent("diagrams/portfolio.svg").path))
    }

    func testConvertWritesTheTwoModeSheetsAndTheProjection() throws {
        let dir = try temporaryFolder()
        let mission = "fixtures/active-travel-2035/mission.yaml"
        let sheets = dir.appendingPathComponent("sheets").path
        XCTAssertEqual(try run(["convert", mission, "--to", "csv", "--output", sheets, "--quiet"]).status, 0)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: sheets).sorted(), ["actors.csv", "affiliations.csv", "initiatives.csv"])
        let back = try run(["portfolio", sheets, "--format", "json", "--quiet"])
        let original = try run(["portfolio", mission, "--format", "json"])
        let x = try JSONSerialization.jsonObject(with: Data(back.stdout.utf8)) as! [String: Any]
        let y = try JSONSerialization.jsonObject(with: Data(original.stdout.utf8)) as! [String: Any]
        // Without the mission file the voices are the default set; the portfolio is the same.
        for key in ["actors", "initiatives"] {
            XCTAssertEqual(x[key] as? NSArray, y[key] as? NSArray, "the sheets read back give the same \(key)")
        }
        let projected = dir.appendingPathComponent("projected").path
        XCTAssertEqual(try run(["convert", mission, "--project", "initiatives", "--weighting", "newman", "--to", "csv", "--output", projected, "--quiet"]).status, 0)
        let ties = try String(contentsOfFile: projected + "/ties.csv", encoding: .utf8)
        XCTAssertTrue(ties.hasPrefix("source,target,relation,strength,shared,direction\n"), ties)
        XCTAssertTrue(ties.contains("street-data,bus-corridors,shared-member,1.333333333333333"), ties)
        let actors = try String(contentsOfFile: projected + "/actors.csv", encoding: .utf8)
        XCTAssertTrue(actors.hasPrefix("id,name,kind,sector,budget,status\nschool-streets,School Streets Pilot,pilot,mobility|education,420000,running\n"), actors)
    }
}

extension CLITests {
    /// render and convert take --audience external too: a diagram or a Kumu upload leaves the
    /// machine as the external pack does, and the grid is not drawn for it.
    func testRenderAndConvertForAnExternalAudienceLeaveOutWhatThePackLeavesOut() throws {
        let dir = try scratch()
        let mission = "fixtures/healthy-lives-2040/mission.yaml"
        for (view, wave) in [("full", false), ("willing", false), ("change", true)] {
            let inside = dir.appendingPathComponent("\(view)-internal.dot"), outside = dir.appendingPathComponent("\(view)-external.dot")
            XCTAssertEqual(try run(["render", mission, "--view", view, "--format", "dot", "--quiet", "--output", inside.path]).status, 0)
            XCTAssertEqual(try run(["render", mission, "--view", view, "--format", "dot", "--quiet", "--audience", "external", "--output", outside.path]).status, 0)
            let a = try String(contentsOf: inside, encoding: .utf8), b = try String(contentsOf: outside, encoding: .utf8)
            XCTAssertTrue(a.contains("opposed") && (wave || a.contains("arrowhead=tee")), "\(view): the internal drawing shows the opposition")
            XCTAssertFalse(b.contains("arrowhead=tee") || b.contains("opposed") || b.contains(">opposition<"), "\(view)\(wave ? " (both waves)" : ""): no opposition outside")
        }
        let grid = try run(["render", mission, "--view", "grid", "--audience", "external", "--output", dir.appendingPathComponent("grid.svg").path])
        XCTAssertEqual(grid.status, 1)
        XCTAssertTrue(grid.stderr.contains("the power–interest grid stays inside the organisation"), grid.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("grid.svg").path))
        let kumu = try run(["convert", mission, "--to", "kumu", "--audience", "external", "--quiet"])
        XCTAssertEqual(kumu.status, 0)
        for secret in ["opposition", "opposed", "budget_meur", "mission-oriented calls since 2024", "\"influence\""] {
            XCTAssertFalse(kumu.stdout.contains(secret), "the Kumu export holds \(secret)")
        }
        XCTAssertTrue(try run(["convert", mission, "--to", "kumu", "--quiet"]).stdout.contains("opposition"), "inside, the export is whole")
    }
}
