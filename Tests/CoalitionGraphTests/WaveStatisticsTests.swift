import CoalitionGraph
import Foundation
import XCTest

/// Tie change between two waves against R's sna on Coleman's friendship panel (73 boys, fall
/// and spring): gcor, hdist and qaptest, committed by scripts/make-sna-reference.R.
final class WaveStatisticsTests: XCTestCase {
    static let root = ReferenceTests.root

    func wave(_ name: String, boys: Int = 73, directed: Bool) throws -> Graph {
        let rows = try String(contentsOf: Self.root.appendingPathComponent("coleman-\(name).ties.csv"), encoding: .utf8)
            .split(separator: "\n").dropFirst().map { $0.split(separator: ",") }
        var b = GraphBuilder(vertexCount: boys, isDirected: directed)
        for r in rows {
            let u = Int(r[0].dropFirst(3))! - 1, v = Int(r[1].dropFirst(3))! - 1
            if u < boys && v < boys { b.addEdge(u, v) }
        }
        return b.build().simplified()
    }

    func reference(_ label: String) throws -> [String: Any] {
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: Self.root.appendingPathComponent("coleman-sna.json"))) as! [String: Any]
        return (json["cases"] as! [String: Any])[label] as! [String: Any]
    }

    func testCorrelationHammingAndQAPMatchSna() throws {
        for (label, boys, directed) in [
            ("directed", 73, true), ("undirected", 73, false), ("first12_directed", 12, true), ("first12_undirected", 12, false),
        ] {
            let r = try reference(label)
            let s = WaveStatistics(before: try wave("fall", boys: boys, directed: directed), after: try wave("spring", boys: boys, directed: directed))
            XCTAssertEqual(s.tiesBefore, r["ties_before"] as? Int, label)
            XCTAssertEqual(s.tiesAfter, r["ties_after"] as? Int, label)
            XCTAssertEqual(s.hamming, r["hdist"] as? Int, label)
            XCTAssertEqual(try XCTUnwrap(s.correlation), r["gcor"] as! Double, accuracy: 1e-10, label)
            // sna's pgreq is b/R from 100,000 permutations; ours (b+1)/(R+1) from 10,000: they
            // agree within four standard errors of the Monte Carlo estimate.
            let test = s.qapTest(permutations: 10_000, seed: 7)
            let p = try XCTUnwrap(test.pValue), snaP = r["qap_pgreq"] as! Double
            let error = (max(snaP, 1e-4) * (1 - snaP) / 10_000).squareRoot()
            XCTAssertEqual(p, snaP, accuracy: 4 * error + 1.0 / 10_001, label)
            XCTAssertEqual(s.qapTest(permutations: 200, seed: 7).pValue, s.qapTest(permutations: 200, seed: 7).pValue, "seeded")
        }
        let s = WaveStatistics(before: try wave("fall", directed: true), after: try wave("spring", directed: true))
        XCTAssertEqual(s.kept, 140)
        XCTAssertEqual(s.jaccard!, 140.0 / 366.0, accuracy: 1e-15)
    }

    func testAnEIChangeIsTestedAgainstTheSameRelabellingInBothWaves() {
        // Two groups of four: before, all ties inside them; after, the same number across.
        var a = GraphBuilder(vertexCount: 8, isDirected: false), b = GraphBuilder(vertexCount: 8, isDirected: false)
        for (u, v) in [(0, 1), (1, 2), (2, 3), (0, 3), (4, 5), (5, 6), (6, 7), (4, 7)] { a.addEdge(u, v) }
        for (u, v) in [(0, 4), (1, 5), (2, 6), (3, 7), (0, 5), (1, 6), (2, 7), (3, 4)] { b.addEdge(u, v) }
        let groups = [0, 0, 0, 0, 1, 1, 1, 1]
        let (network, perGroup) = WaveStatistics.eiChangeTest(before: a.build(), after: b.build(), groups: groups, permutations: 2_000, seed: 3)
        XCTAssertEqual(network.before, -1)
        XCTAssertEqual(network.after, 1)
        XCTAssertEqual(network.change, 2)
        XCTAssertLessThan(try XCTUnwrap(network.pValue), 0.05, "no relabelling turns all-inside into all-across")
        XCTAssertEqual(perGroup.map(\.change), [2, 2])
        // The same waves with labels unrelated to the change: not significant.
        let mixed = WaveStatistics.eiChangeTest(before: a.build(), after: b.build(), groups: [0, 1, 0, 1, 0, 1, 0, 1], permutations: 2_000, seed: 3)
        XCTAssertGreaterThan(try XCTUnwrap(mixed.network.pValue), 0.05)
    }

    func testSpearmanUsesMidRanks() {
        XCTAssertEqual(RankCorrelation.midRanks([3, 1, 3, 2]), [3.5, 1, 3.5, 2])
        // scipy.stats.spearmanr([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]) = 0.8207826816681233
        XCTAssertEqual(RankCorrelation.spearman([1, 2, 3, 4, 5], [5, 6, 7, 8, 7])!, 0.8207826816681233, accuracy: 1e-12)
        XCTAssertNil(RankCorrelation.spearman([1, 1, 1], [1, 2, 3]))
    }
}

/// Two-mode centrality against networkx's bipartite module on Davis's Southern Women (the women
/// as the first mode), committed by scripts/make-two-mode-reference.py.
final class TwoModeTests: XCTestCase {
    func testTwoModeCentralityMatchesNetworkx() throws {
        let r = try ReferenceTests.load("davis")
        let firstMode = r.groups.map { $0 == "woman" }
        XCTAssertEqual(firstMode.count { $0 }, 18)
        let measures = TwoModeMeasures(r.graph, firstMode: firstMode)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: ReferenceTests.root.appendingPathComponent("davis-two-mode.json"))) as! [String: Any]
        for (key, values) in [("degree", measures.degreeCentrality), ("closeness", measures.closeness.map { $0 ?? .nan }), ("betweenness", measures.betweenness)] {
            let reference = json[key] as! [String: Double]
            for (i, id) in r.ids.enumerated() {
                XCTAssertEqual(values[i], try XCTUnwrap(reference[id]), accuracy: 1e-9 * max(1, abs(values[i])), "\(key) of \(id)")
            }
        }
        XCTAssertEqual(measures.degree[r.ids.firstIndex(of: "E8")!], 14, "the event most attended")
    }
}

extension TwoModeTests {
    func testProjectionsMatchNetworkx() throws {
        let r = try ReferenceTests.load("davis")
        let women = r.ids.indices.filter { r.groups[$0] == "woman" }
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: ReferenceTests.root.appendingPathComponent("davis-two-mode.json"))) as! [String: Any]
        for weighting in ProjectionWeighting.allCases {
            let p = r.graph.projection(onto: women, weighting: weighting)
            let mine = (0..<p.edgeCount).map { e -> [String] in
                let a = r.ids[women[Int(p.edgeSources[e])]], b = r.ids[women[Int(p.edgeTargets[e])]]
                return [min(a, b), max(a, b), String(p.edgeWeights[e])]
            }.sorted { ($0[0], $0[1]) < ($1[0], $1[1]) }
            let reference = (json["projection_\(weighting.rawValue)"] as! [[Any]]).map { ($0[0] as! String, $0[1] as! String, ($0[2] as! NSNumber).doubleValue) }
            XCTAssertEqual(mine.count, reference.count, weighting.rawValue)
            for (x, y) in zip(mine, reference) {
                XCTAssertEqual([x[0], x[1]], [y.0, y.1], weighting.rawValue)
                XCTAssertEqual(Double(x[2])!, y.2, accuracy: 1e-9, "\(weighting.rawValue) \(y.0)–\(y.1)")
            }
        }
    }
}
