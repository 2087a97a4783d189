import Coalition
import CoalitionGraph
import CoalitionIO
import CoalitionOutput
import CoalitionTestSupport
import Foundation
import XCTest

final class SessionTests: XCTestCase {
    func session(_ mission: String = "healthy-lives-2040/mission.yaml", _ settings: AnalysisSettings = .init()) throws -> AnalysisSession {
        try AnalysisSession.open([fixture(mission)], settings: settings)
    }

    func testEveryFrontEndGetsTheSameSiloAnswer() throws {
        let s = try session()
        let silos = try s.silos()
        XCTAssertEqual(silos.permutations, 5000, "the silos view, the command and the pack share the session's permutations")
        XCTAssertEqual(silos.grouping.attribute, "sector", "the mission's group_by")
        XCTAssertEqual(silos.groups.count, 8)
        // The silos diagram is drawn from that same analysis: its legend counts its missing bridges.
        let diagram = try s.diagram(.silos)
        XCTAssertTrue(diagram.legend.contains { $0.label == "missing bridge (\(silos.missingBridges.count))" }, "\(diagram.legend.map(\.label))")
        XCTAssertEqual(diagram.engine, .osage)
        // Willing and voices share one willing analysis: the voices' distance is to its core.
        XCTAssertEqual(s.willing.threshold, .pledged)
        XCTAssertEqual(s.willingCore, s.willing.clusters[s.willing.recommended!].members)
        XCTAssertEqual(s.willingCore.count, 17, "as willing --format json recommends (its snapshot)")
    }

    /// `convert --with-metrics` writes the ties as read, with measures from the ties analysed:
    /// one value per written tie whatever the projection (it once indexed the analysed ties).
    func testTieMeasuresFollowTheTiesAsRead() throws {
        for combination in PortfolioTies.Combination.allCases {
            var settings = AnalysisSettings()
            settings.projection = combination
            let s = try session("healthy-lives-2040/mission.yaml", settings)
            let values = try XCTUnwrap(try s.measureColumns().ties.first).values
            XCTAssertEqual(values.count, 348, "\(combination)")
            let opposition = s.readNetwork.ties.indices.filter { s.readNetwork.ties[$0].isOpposition }
            XCTAssertTrue(opposition.allSatisfy { values[$0] == nil }, "opposition has no supporting-network measure")
            let measured = values.count { $0 != nil }
            switch combination {
            case .add, .tiesOnly: XCTAssertEqual(measured, 341, "every supporting tie: 348 less 7 opposition")
            case .initiativesOnly:
                XCTAssertLessThan(measured, 341, "only direct ties whose pair shares an initiative")
                XCTAssertGreaterThan(measured, 0)
            }
        }
    }

    func testSettingsReachTheAnalyses() throws {
        var settings = AnalysisSettings()
        settings.groupBy = "kind"
        settings.permutations = 99
        settings.minCommitment = .active
        let s = try session("healthy-lives-2040/mission.yaml", settings)
        XCTAssertEqual(try s.grouping().attribute, "kind")
        XCTAssertEqual(try s.silos().permutations, 99)
        XCTAssertEqual(s.willing.threshold, .active)
        XCTAssertEqual(try s.measures().grouping.attribute, "kind")
    }

    func testErrorsAreTypedAndNameNoOption() throws {
        var settings = AnalysisSettings()
        settings.groupBy = "sectr"
        XCTAssertThrowsError(try session("healthy-lives-2040/mission.yaml", settings).silos()) { error in
            guard case let .unknownAttribute(key, suggestion, _) = error as? GroupingError else { return XCTFail("\(error)") }
            XCTAssertEqual(key, "sectr")
            XCTAssertEqual(suggestion, "sector")
        }
        settings.groupBy = "sector"
        settings.requireSingleGroup = true
        XCTAssertThrowsError(try session("healthy-lives-2040/mission.yaml", settings).grouping()) { error in
            guard let e = error as? GroupingError, case let .severalValues(attribute, actors) = e else { return XCTFail("\(error)") }
            XCTAssertEqual(attribute, "sector")
            XCTAssertFalse(actors.isEmpty)
            XCTAssertFalse(e.message.contains("--"), e.message)
        }
        XCTAssertThrowsError(
            try session().diagram(
                .ego,
                style: {
                    var s = DiagramStyle(); s.actor = "ph"; return s
                }())
        ) { error in
            XCTAssertEqual("\(error)", "no actor with id \"ph\"; did you mean \"phi\"?")
        }
        XCTAssertThrowsError(try AnalysisSession.open([fixture("invalid/mission-bad-date.yaml")])) { error in
            let e = error as! InputError
            XCTAssertTrue(e.diagnostics.contains { $0.severity == .error && $0.location.line == 2 && $0.location.column == 12 }, e.description)
        }
    }

    func testTablesRenderAsTextCSVAndMarkdown() {
        let t = Table(["Group", "actors"], [["#health, care", "12"], ["a|b", "3"]])
        XCTAssertEqual(t.text, "Group          actors\n#health, care      12\na|b                 3")
        XCTAssertEqual(t.csv, "Group,actors\n\"#health, care\",12\na|b,3")
        XCTAssertEqual(t.markdown, "| Group | actors |\n| --- | ---: |\n| #health, care | 12 |\n| a\\|b | 3 |")
        XCTAssertEqual(NumberStyle.fixed(0.46, 3), "0.460")
        XCTAssertEqual(NumberStyle.percent(0.375), "37.5%")
        XCTAssertEqual(NumberStyle.Prose.fixed(-0.424), "−0.42")
    }

    func testDocumentsAreTheCommandsOutput() throws {
        let s = try session()
        let document = try s.silosDocument()
        let csv = try XCTUnwrap(document.rendered(.csv))
        XCTAssertTrue(csv.hasPrefix("group,size,internalTies,externalTies,eiIndex,eiRescaled,eiPValue,eiAdjustedPValue,internalDensity\n"), csv)
        XCTAssertEqual(csv.split(separator: "\n").count, 9, "a header and the 8 sectors")
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(try XCTUnwrap(document.rendered(.json)).utf8)) as? [String: Any])
        XCTAssertEqual((json["network"] as? [String: Any])?["eiPermutations"] as? Int, 5000)
        XCTAssertNil(try s.summaryDocument().rendered(.csv), "summary has no CSV form")
        let snapshot = try String(contentsOf: TestSupport.root.appendingPathComponent("Tests/CoalitionCLITests/Snapshots/health-silos.json"), encoding: .utf8)
        XCTAssertEqual(try document.rendered(.json)! + "\n", snapshot, "the library's document is what the command prints")
    }
}

extension SessionTests {
    /// analyze opens with who holds the coalition together, explains each table in a line,
    /// and drops a table in which every actor has the same value.
    func testAnalyzeOpensWithItsHeadlineAndDropsTablesThatSayNothing() throws {
        // A ring of six: every actor alike.
        let ring = StakeholderNetwork(
            actors: (0..<6).map { Actor(id: "a\($0)", name: "Actor \($0)", kind: .cso) },
            ties: (0..<6).map { Tie(source: Int32($0), target: Int32(($0 + 1) % 6), commitment: .active) }, isDirected: false)
        let text = try AnalysisSession(network: ring).measuresDocument().text
        XCTAssertTrue(text.hasPrefix("No actor stands out as a broker: every actor lies on the same share of the shortest paths between the others (20.0%)."), text)
        XCTAssertTrue(text.contains("Degree: every actor has 2, so it tells them apart nowhere"), text)
        XCTAssertTrue(text.contains("Betweenness: every actor has 0.2000, so it tells them apart nowhere"), text)
        XCTAssertFalse(text.contains("Top 6 by degree"))
        XCTAssertFalse(text.contains("single point"), "a ring has no cut point")

        let session = try AnalysisSession.open([TestSupport.fixture("fixtures/healthy-lives-2040/mission.yaml").path])
        let full = try session.measuresDocument().text
        XCTAssertTrue(full.hasPrefix("Who holds the coalition together: National Innovation Agency, on 6.7% of the shortest paths between other actors (betweenness 0.067)"), full)
        XCTAssertTrue(full.contains("4 actors are single points of failure: if one leaves, part of the network is cut off (Municipality of Oakdale,"), full)
        XCTAssertTrue(full.contains("Betweenness: the share of shortest paths between other actors that pass through it; brokers score high.\nTop 10 by betweenness"), full)
        XCTAssertTrue(full.contains("Top 10 by core number"), "core numbers differ here")
    }
}

extension SessionTests {
    /// 2,400 actors in 6 sectors, most ties inside a sector, every actor rated.
    func generatedMission() -> StakeholderNetwork {
        var rng = SplitMix64(seed: 2040)
        let n = 2_400
        let sectors = (0..<n).map { _ in Int.random(in: 0..<6, using: &rng) }
        let actors = (0..<n).map { i in
            Actor(
                id: "a\(i)", name: "Actor \(i)", kind: [ActorKind.ministry, .agency, .business, .university, .cso, .community][i % 6],
                sectors: ["s\(sectors[i])"], influence: Double(Int.random(in: 0...5, using: &rng)), interest: Double(Int.random(in: 0...5, using: &rng)),
                stance: .supportive, commitment: .active)
        }
        var seen = Set<Int>(), ties: [Tie] = []
        while ties.count < 12_000 {
            let a = Int.random(in: 0..<n, using: &rng)
            var b = Int.random(in: 0..<n, using: &rng)
            if Double.random(in: 0..<1, using: &rng) < 0.8 { while sectors[b] != sectors[a] { b = Int.random(in: 0..<n, using: &rng) } }
            guard a != b, seen.insert(min(a, b) * n + max(a, b)).inserted else { continue }
            ties.append(Tie(source: Int32(a), target: Int32(b), commitment: .active))
        }
        return StakeholderNetwork(actors: actors, ties: ties, isDirected: false)
    }

    /// Above 2,000 actors the betweenness that only orders is estimated, and every output
    /// that uses it says so; on the example mission it is exact and nothing says otherwise.
    func testOrderingBetweennessIsSampledAboveTwoThousandActorsAndSaysSo() throws {
        let session = AnalysisSession(network: generatedMission())
        XCTAssertEqual(session.grid().betweennessSampledSources, 1_000)
        XCTAssertTrue(session.gridDocument().text.contains("Betweenness percentiles are estimated from 1000 sampled sources"))
        let silos = try session.silos()
        XCTAssertEqual(silos.betweennessSampledSources, 256, "it only breaks ties")
        XCTAssertGreaterThan(silos.missingBridges.count, 0)
        let text = try session.silosDocument().text
        XCTAssertTrue(text.contains("ordered by betweenness estimated from 256 sampled sources"), text)
        let json = try XCTUnwrap(try session.silosDocument().rendered(.json))
        XCTAssertTrue(json.contains("\"betweennessSampledSources\" : 256"), String(json.prefix(400)))

        let example = try AnalysisSession.open([TestSupport.fixture("fixtures/healthy-lives-2040/mission.yaml").path])
        XCTAssertNil(example.grid().betweennessSampledSources)
        XCTAssertNil(try example.silos().betweennessSampledSources)
        XCTAssertFalse(try XCTUnwrap(try example.silosDocument().rendered(.json)).contains("betweennessSampledSources"))
    }

    /// Bridgers and candidates are named for the first missing bridges only, and those are the
    /// ones the full analysis names.
    func testBridgersAreNamedForTheFirstMissingBridges() throws {
        let network = try XCTUnwrap(loadValid([fixture("healthy-lives-2040/mission.yaml")]))
        let grouping = try Grouping(network, by: "sector")
        let full = SiloAnalysis(network, grouping: grouping)
        var options = SiloAnalysis.Options()
        options.detailedBridges = 2
        let first = SiloAnalysis(network, grouping: grouping, options: options)
        XCTAssertGreaterThan(full.missingBridges.count, 2)
        XCTAssertEqual(first.detailedBridges, 2)
        XCTAssertEqual(first.missingBridges.map { [$0.groups.0, $0.groups.1] }, full.missingBridges.map { [$0.groups.0, $0.groups.1] })
        for i in 0..<2 {
            XCTAssertEqual(first.missingBridges[i].candidates.map(\.reason), full.missingBridges[i].candidates.map(\.reason))
            XCTAssertEqual(first.missingBridges[i].bridgers.map(\.actor), full.missingBridges[i].bridgers.map(\.actor))
            XCTAssertFalse(full.missingBridges[i].bridgers.isEmpty)
        }
        XCTAssertTrue(first.missingBridges[2...].allSatisfy { $0.bridgers.isEmpty && $0.candidates.isEmpty })
        let text = SilosDocument(first, network).text
        XCTAssertTrue(text.contains("Bridgers and candidates are named for the first 2 missing bridges, the most surprising."), text)
        XCTAssertFalse(text.contains("nobody is tied to both"), "a bridge without details is not one nobody bridges")
        // The outline the diagram draws matches the analysis.
        let outline = SiloAnalysis.Outline(network, grouping: grouping)
        XCTAssertEqual(outline.missingBridges.map { [$0.0, $0.1] }, full.missingBridges.map { [$0.groups.0, $0.groups.1] })
        XCTAssertEqual(outline.eiIndex, full.groups.map(\.eiIndex))
    }
}

extension SessionTests {
    /// Twelve sectors that never meet (but for one tie): 60 missing bridges. The text shows
    /// the 30 most surprising with their bridgers, says how many more there are, and the JSON
    /// has all.
    func testTheSilosTextShowsTheMostSurprisingBridgesAndTheJSONAll() throws {
        var actors: [Actor] = [], ties: [Tie] = []
        for g in 0..<12 {
            for i in 0..<12 { actors.append(Actor(id: "a\(g)-\(i)", name: "Actor \(g)-\(i)", kind: .cso, sectors: ["s\(g)"])) }
            for i in 0..<12 {
                for j in i + 1..<12 where (i * j + g) % 3 != 0 { ties.append(Tie(source: Int32(g * 12 + i), target: Int32(g * 12 + j), commitment: .active)) }
            }
        }
        // One liaison between the first two sectors, so some bridge has a bridger.
        ties.append(Tie(source: 0, target: 12, commitment: .active))
        let session = AnalysisSession(network: StakeholderNetwork(actors: actors, ties: ties, isDirected: false))
        let silos = try session.silos()
        XCTAssertEqual(silos.missingBridges.count, 60)
        let text = try session.silosDocument().text
        XCTAssertTrue(text.contains("Missing bridges (60):"), text)
        XCTAssertEqual(text.components(separatedBy: "\n- s").count - 1, 30, "30 bridges in the text")
        XCTAssertTrue(text.contains("… and 30 more, less surprising (--format json lists every one with its bridgers and candidates)."), text)
        let json = try XCTUnwrap(try session.silosDocument().rendered(.json))
        let doc = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        XCTAssertEqual((doc["missingBridges"] as! [Any]).count, 60)
    }
}
