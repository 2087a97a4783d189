import Coalition
import CoalitionGraph
import CoalitionIO
import CoalitionTestSupport
import XCTest

/// A 35-actor mission written by hand the way analysts write them (fixtures/warnings/
/// net-zero-neighbourhoods): a title above the header, `;` as separator with a decimal comma, a
/// list written with `;`, kinds in everyday words, ties that give names, one directed row, a
/// reversed repeat, and a mission file with two typos in its expected voices. Every trap is
/// read right and said once.
final class HandMadeMissionTests: XCTestCase {
    let dir = fixture("warnings/net-zero-neighbourhoods") + "/"

    func testEveryTrapIsReadRightAndSaidOnce() throws {
        let loaded = InputLoader.load([dir + "mission.yaml"], options: .withDOT)
        XCTAssertFalse(loaded.diagnostics.hasErrors)
        XCTAssertEqual(
            loaded.diagnostics.sorted().map(\.description),
            [
                "actors.csv:3:1: warning: the header is on line 3, the first row whose cells name known columns; the row above it (a title?) is skipped [header-row]",
                "actors.csv:12:51: warning: sector \"governance; housing\" looks like a list written with \";\", which separates the fields of this sheet; read as 2 values, here and in every such cell of the column — write lists with | (\"governance|housing\") [list-separator]",
                "actors.csv:22:31: warning: kind \"think tank\" is not one of Coalition's kinds; read as \"research\" here and wherever the sheets say it (did you mean \"research\"? write that to silence this) [unknown-kind]",
                "actors.csv:24:40: warning: kind \"NGO\" is not one of Coalition's kinds; read as \"cso\" here and wherever the sheets say it (did you mean \"cso\"? write that to silence this) [unknown-kind]",
                "actors.csv:25:34: warning: kind \"charity\" is not one of Coalition's kinds; read as \"cso\" here and wherever the sheets say it (did you mean \"cso\"? write that to silence this) [unknown-kind]",
                "actors.csv:31:42: warning: kind \"foundation\" is not one of Coalition's kinds; read as \"funder\" here and wherever the sheets say it (did you mean \"funder\"? write that to silence this) [unknown-kind]",
                "actors.csv:32:44: warning: kind \"Community Group\" is not one of Coalition's kinds; read as \"community\" here and wherever the sheets say it (did you mean \"community\"? write that to silence this) [unknown-kind]",
                "ties.csv:3:1: warning: this tie is marked directed, so the whole network is directed (rows: 1 directed, 80 undirected): directed measures count each undirected tie as two reciprocal arcs, as networkx does; counts still show the ties as the sheet has them [mixed-direction]",
                "ties.csv:22:1: warning: tie end \"Ministry of Housing\" is the name of actor \"min-housing\", not an id; read as that actor, as are 3 other tie ends that give a unique name (ids are safer: names change) [actor-by-name]",
                "ties.csv:68:1: warning: duplicate partnership tie \"gridco\" — \"energy-agency\" (first at \(dir)ties.csv:8:1); merged by sum: strength 3 [duplicate-tie]",
                "ties.csv:82:1: warning: duplicate information tie \"min-finance\" — \"bank\" (first at \(dir)ties.csv:65:1); merged by sum: strength 2 [duplicate-tie]",
                "mission.yaml:11:11: warning: expected_voices: kind \"comunity\" is not a kind Coalition knows (did you mean \"community\"?); as written it would be reported missing, so it is not checked [expected-voice]",
                "mission.yaml:15:12: warning: expected_voices: no sheet uses the voice \"tenant\", but the sheets use \"tenants\" (did you mean \"tenants\"?); as written it would be reported missing, so it is not checked [expected-voice]",
            ].map { dir + $0 })
        let n = try XCTUnwrap(loaded.network)
        let actor = Dictionary(uniqueKeysWithValues: n.actors.map { ($0.id, $0) })
        XCTAssertEqual(n.actors.count, 35)
        XCTAssertEqual(actor["province"]?.sectors, ["governance", "housing"])
        XCTAssertEqual(actor["min-housing"]?.influence, 4.5, "decimal comma")
        XCTAssertEqual(
            ["policy-lab", "friends-climate", "fuel-poverty", "climate-fund", "eastgate"].map { actor[$0]?.kind },
            [.research, .cso, .cso, .funder, .community])
        // 81 rows, two of them repeats: 79 ties as the sheet has them, held as 157 arcs.
        XCTAssertTrue(n.isDirected)
        XCTAssertEqual(n.tieCounts.directed, 1)
        XCTAssertEqual(n.tieCounts.undirected, 78)
        XCTAssertEqual(n.ties.count, 1 + 2 * 78)
        let summary = NetworkSummary(n)
        XCTAssertEqual(summary.ties, 79)
        XCTAssertEqual(summary.tiesByRelation.first { $0.value == "partnership" }?.ties, 45)
        XCTAssertEqual(summary.oppositionTies, 2)
        // The tie that named the ministry reached it.
        let housing = n.actors.firstIndex { $0.id == "min-housing" }!, landlords = n.actors.firstIndex { $0.id == "landlords" }!
        XCTAssertTrue(n.ties.contains { $0.isOpposition && Int($0.source) == housing && Int($0.target) == landlords })
    }

    func testTheCommunityGroupsAreOnlyConsultedAndTheTyposAreNotCalledMissing() throws {
        let loaded = InputLoader.load([dir + "mission.yaml"], options: .withDOT)
        let n = try XCTUnwrap(loaded.network)
        let v = VoicesAnalysis(n, mission: loaded.mission, willingCore: [])
        // Information and consultation ties only, although one other row made the network
        // directed (an undirected information tie is two arcs, neither of which commits).
        XCTAssertEqual(
            v.consultedOnly.map { n.actors[$0].id },
            ["north-residents", "south-residents", "allotments", "youth-council", "elders", "eastgate", "community-centre"])
        XCTAssertEqual(v.categories.map(\.status), [.notChecked, .present, .notChecked, .underrepresented, .underrepresented])
        XCTAssertEqual(v.categories[0].reading, "Kind \"comunity\" is not a kind Coalition knows (did you mean \"community\"?): correct expected_voices in the mission file; this voice was not checked.")
        let community = v.categories[4]
        XCTAssertEqual(community.consultedOnly, 7)
        XCTAssertEqual(community.reasons.first, "all 7 actors are only consulted")
        XCTAssertEqual(v.categories[3].reasons, ["1 of its 2 actors is only consulted"])
        // The mission may say which relations only consult: with information alone, a group
        // that is also asked in a consultation tie counts as involved.
        var mission = try XCTUnwrap(loaded.mission)
        mission.consultationRelations = ["information"]
        let narrower = VoicesAnalysis(n, mission: mission, willingCore: [])
        XCTAssertEqual(narrower.consultedOnly.map { n.actors[$0].id }, ["south-residents", "allotments", "eastgate", "community-centre"])
    }

    /// The supporting ties of a directed network, taken both ways and unweighted, are what the
    /// community search optimises; the default runs reach igraph's proven optimum on them.
    func testCommunitiesReachTheProvenOptimumThoughTheNetworkIsDirected() throws {
        let n = try XCTUnwrap(loadValid([dir + "mission.yaml"]))
        let file = TestSupport.root.appendingPathComponent("fixtures/reference/optimal-modularity.json")
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        let reference = try XCTUnwrap((json["networks"] as? [String: [String: Any]])?["net-zero-neighbourhoods"])
        let g = n.graph().simplified(includeNegative: false)
        let found = g.communities(seed: 1, restarts: Communities.defaultRuns(vertexCount: g.vertexCount))
        XCTAssertEqual(found.quality, try XCTUnwrap(reference["optimal_modularity"] as? Double), accuracy: 1e-9)
    }

    /// One directed row must not double what the analyses count: pairs, willing ties, ties
    /// into the willing cluster.
    func testAnalysesCountTiesOnceThoughTheNetworkIsDirected() throws {
        let loaded = InputLoader.load([dir + "mission.yaml"], options: .withDOT)
        let n = try XCTUnwrap(loaded.network)
        let grouping = try Grouping(n, by: "sector")
        XCTAssertEqual(NetworkAnalysis(n, grouping: grouping).network.supportingPairs, 75, "igraph's simple undirected graph has 75 edges")
        let w = WillingAnalysis(n, threshold: .pledged)
        XCTAssertEqual(w.willingTies, 54)
        let province = n.actors.firstIndex { $0.id == "province" }!
        XCTAssertEqual(w.nextToRecruit.first { $0.actor == province }?.ties, 3)
    }
}
