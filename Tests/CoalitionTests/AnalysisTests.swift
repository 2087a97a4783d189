import Coalition
import CoalitionGraph
import CoalitionIO
import CoalitionTestSupport
import Foundation
import XCTest

/// The analysis as wired for users: sheets in, measures out, on the reference networks.
final class AnalysisTests: XCTestCase {
    func reference(_ name: String) throws -> (StakeholderNetwork, [String: Any]) {
        let n = try XCTUnwrap(loadValid([fixture("reference/\(name).actors.csv"), fixture("reference/\(name).ties.csv")]))
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: fixture("reference/\(name).json")))) as! [String: Any]
        return (n, json)
    }

    func testKarateThroughTheWholeStack() throws {
        let (network, ref) = try reference("karate")
        let grouping = try Grouping(network, by: "group")
        XCTAssertEqual(grouping.groups, ["Mr. Hi", "Officer"])
        let a = NetworkAnalysis(network, grouping: grouping)
        let nodes = ref["nodes"] as! [String: [String: Any]]
        for (i, actor) in network.actors.enumerated() {
            let e = nodes[actor.id]!
            XCTAssertEqual(a.actors[i].degree, e["degree"] as? Int)
            XCTAssertEqual(a.actors[i].betweenness, (e["betweenness"] as! NSNumber).doubleValue, accuracy: 1e-9)
            XCTAssertEqual(a.actors[i].pagerank, (e["pagerank"] as! NSNumber).doubleValue, accuracy: 1e-7)
            XCTAssertEqual(a.actors[i].coreness, e["core_number"] as? Int)
        }
        let brokerage = (ref["brokerage"] as! [String: Any])["nodes"] as! [String: [String: Int]]
        XCTAssertEqual(a.actors[0].brokerage.coordinator, brokerage["0"]!["w_I"])
        XCTAssertEqual(a.actors[2].brokerage.itinerant, brokerage["2"]!["w_O"])
        let graph = ref["graph"] as! [String: Any]
        XCTAssertEqual(a.network.density, (graph["density"] as! NSNumber).doubleValue, accuracy: 1e-12)
        XCTAssertEqual(a.network.articulationPoints.map { network.actors[$0].id }, graph["articulation_points"] as! [String])
        XCTAssertEqual(a.network.diameter, 5)
        XCTAssertTrue(a.network.pathsExact)
        // Freeman centralization by hand from networkx's degrees: max 17 (vertex 33).
        let degrees = a.actors.map(\.degree)
        XCTAssertEqual(degrees.max(), 17)
        XCTAssertEqual(a.network.degreeCentralization, Double(degrees.reduce(0) { $0 + 17 - $1 }) / (33.0 * 32.0), accuracy: 1e-15)
        // Weighted: betweenness with path length 1/strength, exact ties (sna/igraph convention).
        var options = AnalysisOptions(weighted: true)
        options.threads = 1
        let w = NetworkAnalysis(network, grouping: grouping, options: options)
        for (i, actor) in network.actors.enumerated() {
            XCTAssertEqual(w.actors[i].betweenness, (nodes[actor.id]!["betweenness_inverse_weight_as_distance"] as! NSNumber).doubleValue, accuracy: 1e-9)
        }
    }

    func testOppositionTiesAreLeftOutAndSaidSo() throws {
        let n = try XCTUnwrap(loadValid([fixture("healthy-lives-2040/mission.yaml")]))
        let a = NetworkAnalysis(n, grouping: try Grouping(n, by: "sector"))
        XCTAssertEqual(a.network.oppositionTies, 7)
        XCTAssertTrue(a.notes.contains { $0.hasPrefix("7 opposition ties are left out") })
        XCTAssertTrue(a.grouping.usedFirstOfSeveral)
        XCTAssertThrowsError(try Grouping(n, by: "sector", requireSingle: true))
        // The sugar lobby's degree counts its supporting partners only, not its three opponents.
        let sugar = Int32(n.actors.firstIndex { $0.id == "sugar-assoc" }!)
        let supporting = Set(n.ties.filter { !$0.isOpposition && ($0.source == sugar || $0.target == sugar) }.map { $0.source == sugar ? $0.target : $0.source })
        let opposing = n.ties.count { $0.isOpposition && ($0.source == sugar || $0.target == sugar) }
        XCTAssertEqual(opposing, 3)
        XCTAssertEqual(a.actors[Int(sugar)].degree, supporting.count)
        // The isolate has no Burt measures.
        let isolate = n.actors.firstIndex { $0.id == "cso-migrants" }!
        XCTAssertNil(a.actors[isolate].constraint)
        XCTAssertEqual(a.actors[isolate].closeness, 0)
    }

    func testGroupingNamesItsChoices() throws {
        let n = try XCTUnwrap(loadValid([fixture("healthy-lives-2040/mission.yaml")]))
        XCTAssertEqual(try Grouping(n, by: "kind").groups.first, "agency")
        XCTAssertEqual(try Grouping(n, by: "budget_meur").labels.first, "21000")
        XCTAssertThrowsError(try Grouping(n, by: "sectr")) { error in
            XCTAssertTrue("\(error)".hasPrefix("no attribute \"sectr\" to group by; did you mean \"sector\"?"), "\(error)")
        }
    }

    func testSamplingAboveTheLimitIsStated() throws {
        let n = try XCTUnwrap(loadValid([fixture("healthy-lives-2040/mission.yaml")]))
        var options = AnalysisOptions()
        options.exactLimit = 50
        options.samples = 60
        let a = NetworkAnalysis(n, grouping: try Grouping(n, by: "sector"), options: options)
        XCTAssertFalse(a.network.pathsExact)
        XCTAssertEqual(a.network.sampledSources, 60)
        XCTAssertGreaterThan(a.network.betweennessErrorBound, 0)
        XCTAssertTrue(a.notes.contains { $0.hasPrefix("Betweenness is estimated from 60 randomly chosen source actors (seed 1)") })
    }
}
