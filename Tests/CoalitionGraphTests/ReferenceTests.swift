import CoalitionGraph
import Foundation
import XCTest

/// Every measure against networkx 3.6.1 (and R's sna for brokerage) on real networks.
final class ReferenceTests: XCTestCase {
    static let root = referenceFolder

    struct Reference {
        let ids: [String]
        let groups: [String]
        let graph: Graph
        let json: [String: Any]
        var nodes: [String: [String: Any]] { json["nodes"] as! [String: [String: Any]] }
        func values(_ key: String) -> [Double?] {
            ids.map { id in (nodes[id]?[key]).flatMap { ($0 as? NSNumber)?.doubleValue } }
        }
    }

    /// Reads `<name>.actors.csv` (id,name,group…) and `<name>.ties.csv` (source,target,weight).
    static func load(_ name: String) throws -> Reference {
        func rows(_ file: String) throws -> [[String]] {
            try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
                .split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        }
        let actors = try rows("\(name).actors.csv")
        let ids = actors.map { $0[0] }
        let index = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
        var b = GraphBuilder(vertexCount: ids.count, isDirected: false)
        for t in try rows("\(name).ties.csv") {
            b.addEdge(index[t[0]]!, index[t[1]]!, weight: t.count > 2 ? Double(t[2]) ?? 1 : 1)
        }
        // Davis's Southern Women comes without a file of measures (optimal-modularity.json only).
        let measures = root.appendingPathComponent("\(name).json")
        let json = FileManager.default.fileExists(atPath: measures.path) ? try JSONSerialization.jsonObject(with: Data(contentsOf: measures)) as! [String: Any] : [:]
        return Reference(ids: ids, groups: actors.map { $0.count > 2 ? $0[2] : "" }, graph: b.build(), json: json)
    }

    let networks = ["karate", "florentine", "lesmis"]

    func testCentralityMatchesNetworkx() throws {
        for name in networks {
            let r = try Self.load(name)
            let g = r.graph.simplified()
            let weighted = r.json["weighted"] as? Bool == true
            assertClose(g.degrees().map(Double.init), r.values("degree"), relative: 0, "\(name) degree")
            if weighted { assertClose(g.strengths(), r.values("strength"), relative: 1e-12, "\(name) strength") }
            let paths = g.pathMeasures(length: .hops, threads: 2)
            assertClose(paths.betweenness, r.values("betweenness"), relative: 1e-9, "\(name) betweenness")
            assertClose(paths.closenessIn, r.values("closeness"), relative: 1e-9, "\(name) closeness")
            assertClose(paths.harmonicIn, r.values("harmonic"), relative: 1e-9, "\(name) harmonic")
            XCTAssertEqual(paths.diameter, (r.json["graph"] as! [String: Any])["diameter"] as? Double, name)
            assertClose(g.pageRank().values, r.values("pagerank"), relative: 1e-6, "\(name) pagerank")
            assertClose(g.eigenvectorCentrality().values, r.values("eigenvector"), relative: 1e-6, "\(name) eigenvector")
            assertClose(g.coreNumbers().map(Double.init), r.values("core_number"), relative: 0, "\(name) core number")
            assertClose(g.clustering(), r.values("clustering"), relative: 1e-9, "\(name) clustering")
            let holes = g.structuralHoles()
            assertClose(holes.constraint, r.values("constraint"), relative: 1e-9, "\(name) constraint")
            assertClose(holes.effectiveSize, r.values("effective_size"), relative: 1e-9, "\(name) effective size")
            if weighted {
                let wp = g.pathMeasures(length: .inverseWeight, threads: 2)
                assertClose(wp.betweenness, r.values("betweenness_inverse_weight_as_distance"), relative: 1e-9, "\(name) weighted betweenness")
                assertClose(g.pageRank(weighted: true).values, r.values("pagerank_weighted"), relative: 1e-6, "\(name) weighted pagerank")
                assertClose(g.eigenvectorCentrality(weighted: true).values, r.values("eigenvector_weighted"), relative: 1e-6, "\(name) weighted eigenvector")
                assertClose(g.clustering(weighted: true), r.values("clustering_weighted"), relative: 1e-9, "\(name) weighted clustering")
                let wh = g.structuralHoles(weighted: true)
                assertClose(wh.constraint, r.values("constraint_weighted"), relative: 1e-9, "\(name) weighted constraint")
                // Weighted effective size: see GeneratedReferenceTests (networkx PR #8906).
            }
        }
    }

    func testStructureMatchesNetworkx() throws {
        for name in networks {
            let r = try Self.load(name)
            let graph = r.json["graph"] as! [String: Any]
            let g = r.graph.simplified()
            let (points, bridges) = g.cutPoints()
            XCTAssertEqual(Set(points.map { r.ids[$0] }), Set(graph["articulation_points"] as! [String]), name)
            let expectedBridges = Set((graph["bridges"] as! [[String]]).map { $0.sorted() })
            XCTAssertEqual(Set(bridges.map { [r.ids[$0.0], r.ids[$0.1]].sorted() }), expectedBridges, name)
            XCTAssertEqual(g.weakComponents().count, graph["n_components"] as? Int, name)
        }
    }

    func testBrokerageMatchesSna() throws {
        let r = try Self.load("karate")
        let labels = Array(Set(r.groups)).sorted()
        let roles = r.graph.simplified().brokerage(group: r.groups.map { labels.firstIndex(of: $0)! })
        let expected = (r.json["brokerage"] as! [String: Any])["nodes"] as! [String: [String: Int]]
        for (i, id) in r.ids.enumerated() {
            let e = expected[id]!
            XCTAssertEqual(
                [roles[i].coordinator, roles[i].itinerant, roles[i].representative, roles[i].gatekeeper, roles[i].liaison, roles[i].total],
                [e["w_I"], e["w_O"], e["b_IO"], e["b_OI"], e["b_O"], e["t"]].map { $0! }, "karate \(id)")
        }
    }
}
