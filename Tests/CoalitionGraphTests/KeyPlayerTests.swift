import CoalitionGraph
import Foundation
import XCTest

/// Borgatti's key-player sets against the optima of every set tried
/// (`scripts/make-keyplayer-reference.py`, fixtures/reference/keyplayers.json).
final class KeyPlayerTests: XCTestCase {
    func optimum(_ network: String, _ k: Int, _ objective: KeyPlayers.Objective) -> (value: Double, set: [String]) {
        let data = try! Data(contentsOf: referenceFolder.appendingPathComponent("keyplayers.json"))
        let reference = (try! JSONSerialization.jsonObject(with: data) as! [String: Any])["networks"] as! [String: Any]
        let entry = ((reference[network] as! [String: Any])["\(k)"] as! [String: Any])[objective.rawValue] as! [String: Any]
        return ((entry["value"] as! NSNumber).doubleValue, entry["set"] as! [String])
    }

    /// The swap search (no exhaustive shortcut) reaches the optimum value of every objective on
    /// the three networks for k = 1, 2, 3; the exhaustive search finds the reference's very set.
    func testTheSearchReachesTheOptimumOfEverySetTried() throws {
        for name in ["florentine", "karate", "lesmis"] {
            let r = try ReferenceTests.load(name)
            let players = KeyPlayers(r.graph)
            for objective in KeyPlayers.Objective.allCases {
                for k in 1...3 {
                    let best = optimum(name, k, objective)
                    var options = KeyPlayers.Options(size: k)
                    options.exhaustiveCandidates = 0
                    options.restarts = 5
                    options.threads = 2
                    let found = try players.search(objective, options)
                    XCTAssertFalse(found.isOptimal)
                    XCTAssertEqual(found.value, best.value, accuracy: 1e-9, "\(name) \(objective) k=\(k): the search found \(found.set.map { r.ids[$0] })")
                    XCTAssertEqual(players.value(objective, of: found.set), found.value, accuracy: 1e-12, "the value is the set's")
                    if name != "lesmis" {
                        options.exhaustiveCandidates = 60
                        let every = try players.search(objective, options)
                        XCTAssertTrue(every.isOptimal)
                        XCTAssertEqual(every.value, best.value, accuracy: 1e-9, "\(name) \(objective) k=\(k)")
                        XCTAssertEqual(every.set.map { r.ids[$0] }, best.set, "\(name) \(objective) k=\(k): the first optimal set in the actors' order")
                    }
                }
            }
        }
    }

    /// The definitions by hand on a path a–b–c–d–e and an isolate f.
    func testTheDefinitionsOnASmallNetwork() {
        var b = GraphBuilder(vertexCount: 6, isDirected: false)
        for (u, v) in [(0, 1), (1, 2), (2, 3), (3, 4)] { b.addEdge(u, v) }
        b.addEdge(0, 5, sign: .negative)  // opposition does not connect
        let players = KeyPlayers(b.build())
        // Without c: {a,b}, {d,e}, {f}: 2·1 + 2·1 = 4 ordered pairs of 5·4 = 20 reach each other.
        XCTAssertEqual(players.value(.fragmentation, of: [2]), 1 - 4.0 / 20, accuracy: 1e-15)
        // Without c: a–b and d–e at distance 1 both ways: 4 of 20, each 1/1.
        XCTAssertEqual(players.value(.distanceWeightedFragmentation, of: [2]), 1 - 4.0 / 20, accuracy: 1e-15)
        // From c: b, d at 1; a, e at 2; f never: (1 + 1 + ½ + ½) / 6.
        XCTAssertEqual(players.value(.reach, of: [2]), 3.0 / 6, accuracy: 1e-15)
        XCTAssertEqual(players.value(.mReach, of: [2]), 2.0 / 5, accuracy: 1e-15)
        XCTAssertEqual(players.value(.mReach, of: [2], steps: 2), 4.0 / 5, accuracy: 1e-15)
        // The intact network: pairs among a..e reach each other (20 of 30), f none.
        XCTAssertEqual(players.value(.fragmentation, of: []), 1 - 20.0 / 30, accuracy: 1e-15)
    }

    /// The same set and value on one thread and on four, and errors for sizes that make no sense.
    func testTheAnswerIsTheSameOnAnyNumberOfThreadsAndSizesAreChecked() throws {
        let r = try ReferenceTests.load("lesmis")
        let players = KeyPlayers(r.graph)
        var one = KeyPlayers.Options(size: 4)
        one.threads = 1
        one.doubleSwapBudget = 0
        // Distance-weighted fragmentation estimated from 20 sources (drawn once, the same for
        // every set), so that the sampled path is what is compared.
        one.exactDistanceLimit = 10
        one.samples = 20
        var four = one
        four.threads = 4
        for objective in KeyPlayers.Objective.allCases {
            let a = try players.search(objective, one)
            XCTAssertEqual(a, try players.search(objective, four), "\(objective)")
            XCTAssertEqual(a.sampledSources, objective == .distanceWeightedFragmentation ? 20 : nil)
            XCTAssertEqual(a.standardError != nil, objective == .distanceWeightedFragmentation)
        }
        XCTAssertThrowsError(try players.search(.reach, KeyPlayers.Options(size: 0)))
        XCTAssertThrowsError(try players.search(.fragmentation, KeyPlayers.Options(size: r.ids.count - 1)), "leaves one actor: nothing to fragment")
        var few = KeyPlayers.Options(size: 3)
        few.candidates = [0, 1]
        XCTAssertThrowsError(try players.search(.reach, few)) { error in
            XCTAssertEqual(error as? KeyPlayers.Problem, .badSize(size: 3, candidates: 2, actors: 77))
        }
        // A set larger than the swap pool: the pool grows to hold it (it once drew a start
        // from a pool smaller than the set).
        var large = KeyPlayers.Options(size: 12)
        large.swapPool = 5
        large.restarts = 3
        large.doubleSwapBudget = 0
        let twelve = try players.search(.reach, large)
        XCTAssertEqual(twelve.set.count, 12)
        XCTAssertEqual(Set(twelve.set).count, 12)
        XCTAssertEqual(players.value(.reach, of: twelve.set), twelve.value, accuracy: 1e-12)
        // The set beats the k best individuals taken together, or equals them.
        let set = try players.search(.reach, KeyPlayers.Options(size: 3))
        XCTAssertGreaterThanOrEqual(set.value, set.topIndividualsValue - 1e-12)
        XCTAssertEqual(set.bestSingleValue, optimum("lesmis", 1, .reach).value, accuracy: 1e-9)
    }
}
