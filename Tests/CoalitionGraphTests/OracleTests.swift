import CoalitionGraph
import XCTest

/// Known answers derived by hand, and the fast algorithms against slow obvious ones.
final class OracleTests: XCTestCase {
    func randomGraph(n: Int, p: Double, directed: Bool, seed: UInt64, weights: [Double] = [1]) -> Graph {
        var rng = SplitMix64(seed: seed)
        var b = GraphBuilder(vertexCount: n, isDirected: directed)
        for u in 0..<n {
            for v in (directed ? 0 : u + 1)..<n where u != v && Double.random(in: 0..<1, using: &rng) < p {
                b.addEdge(u, v, weight: weights.randomElement(using: &rng)!)
            }
        }
        return b.build()
    }

    /// Betweenness from all-pairs shortest paths (Floyd–Warshall with path counts):
    /// Σ_{s≠v≠t} σ_st(v)/σ_st, with σ_st(v) = σ_sv·σ_vt when d(s,v) + d(v,t) = d(s,t).
    func naiveBetweenness(_ g: Graph, weighted: Bool) -> [Double] {
        let n = g.vertexCount
        var d = [[Double]](repeating: [Double](repeating: .infinity, count: n), count: n)
        var sigma = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for v in 0..<n { d[v][v] = 0; sigma[v][v] = 1 }
        for e in 0..<g.edgeCount {
            let u = Int(g.edgeSources[e]), v = Int(g.edgeTargets[e])
            let len = weighted ? 1 / g.edgeWeights[e] : 1
            d[u][v] = len; sigma[u][v] = 1
            if !g.isDirected { d[v][u] = len; sigma[v][u] = 1 }
        }
        func tied(_ a: Double, _ b: Double) -> Bool { a.isFinite && b.isFinite && abs(a - b) <= 1e-10 * max(abs(a), abs(b)) }
        // Distances first, then path counts by increasing distance (a DAG order per source).
        for k in 0..<n {
            for i in 0..<n {
                for j in 0..<n where d[i][k] + d[k][j] < d[i][j] && !tied(d[i][k] + d[k][j], d[i][j]) {
                    d[i][j] = d[i][k] + d[k][j]
                }
            }
        }
        for s in 0..<n {
            let order = (0..<n).filter { d[s][$0] < .infinity }.sorted { d[s][$0] < d[s][$1] }
            for t in order where t != s {
                var count = 0.0
                for e in 0..<g.edgeCount {
                    for (u, v) in g.isDirected
                        ? [(Int(g.edgeSources[e]), Int(g.edgeTargets[e]))]
                        : [(Int(g.edgeSources[e]), Int(g.edgeTargets[e])), (Int(g.edgeTargets[e]), Int(g.edgeSources[e]))] where v == t
                    {
                        let len = weighted ? 1 / g.edgeWeights[e] : 1
                        if d[s][u] < .infinity && tied(d[s][u] + len, d[s][t]) { count += sigma[s][u] }
                    }
                }
                sigma[s][t] = count
            }
        }
        var b = [Double](repeating: 0, count: n)
        for s in 0..<n {
            for t in 0..<n where s != t && d[s][t] < .infinity {
                for v in 0..<n where v != s && v != t && tied(d[s][v] + d[v][t], d[s][t]) {
                    b[v] += sigma[s][v] * sigma[v][t] / sigma[s][t]
                }
            }
        }
        let scale = 1 / (Double(n - 1) * Double(n - 2))
        return b.map { $0 * scale }
    }

    func testBrandesAgreesWithAllPairsOracle() {
        for seed in UInt64(0)..<12 {
            let directed = seed % 2 == 0
            let g = randomGraph(n: 18, p: 0.18, directed: directed, seed: seed, weights: [1, 2, 3, 6]).simplified()
            for weighted in [false, true] {
                let fast = g.pathMeasures(length: weighted ? .inverseWeight : .hops, threads: 2).betweenness
                let slow = naiveBetweenness(g, weighted: weighted)
                for v in 0..<g.vertexCount {
                    XCTAssertEqual(fast[v], slow[v], accuracy: 1e-12, "seed \(seed) weighted \(weighted) vertex \(v)")
                }
            }
        }
    }

    func testWeightedTiesNeedTolerance() {
        // Two paths 0→3 of length 1/3 + 1/6 and 1/2: tied only with tolerance.
        var b = GraphBuilder(vertexCount: 4, isDirected: false)
        b.addEdge(0, 1, weight: 3)
        b.addEdge(1, 3, weight: 6)
        b.addEdge(0, 2, weight: 4)
        b.addEdge(2, 3, weight: 4)
        let p = b.build().pathMeasures(length: .inverseWeight)
        // Vertex 1 and vertex 2 each carry half of the 0–3 paths (both directions): 1/((n−1)(n−2)) = 1/6.
        XCTAssertEqual(p.betweenness[1], 1.0 / 6.0, accuracy: 1e-15)
        XCTAssertEqual(p.betweenness[2], 1.0 / 6.0, accuracy: 1e-15)
    }

    func testSameBitsOnAnyThreadCount() {
        let g = randomGraph(n: 300, p: 0.02, directed: false, seed: 99, weights: [1, 2, 3]).simplified()
        let one = g.pathMeasures(length: .inverseWeight, threads: 1)
        for t in [2, 3, 8] {
            let other = g.pathMeasures(length: .inverseWeight, threads: t)
            XCTAssertEqual(one.betweenness.map(\.bitPattern), other.betweenness.map(\.bitPattern), "threads \(t)")
            XCTAssertEqual(one.edgeBetweenness.map(\.bitPattern), other.edgeBetweenness.map(\.bitPattern), "threads \(t)")
        }
    }

    func testSampledBetweennessIsWithinItsBound() {
        let g = randomGraph(n: 400, p: 0.01, directed: false, seed: 5).simplified()
        let exact = g.pathMeasures()
        let all = g.pathMeasures(sources: .sample(count: 400, seed: 1))
        XCTAssertTrue(all.isExact)
        XCTAssertEqual(all.betweenness, exact.betweenness)
        let sampled = g.pathMeasures(sources: .sample(count: 100, seed: 1))
        XCTAssertFalse(sampled.isExact)
        XCTAssertEqual(sampled.sourcesUsed, 100)
        XCTAssertEqual(sampled.errorBound, 400.0 / 399.0 * (log(2 * 400 / 0.05) / 200).squareRoot(), accuracy: 1e-12)
        let worst = zip(sampled.betweenness, exact.betweenness).map { abs($0 - $1) }.max()!
        XCTAssertLessThan(worst, sampled.errorBound)
        XCTAssertGreaterThan(worst, 0, "an estimate, not the exact value")
        // Harmonic estimates are close on average.
        let meanExact = exact.harmonicIn.reduce(0, +) / 400, meanSampled = sampled.harmonicIn.reduce(0, +) / 400
        XCTAssertEqual(meanSampled, meanExact, accuracy: 0.1 * meanExact)
        XCTAssertLessThanOrEqual(sampled.diameter, exact.diameter)
    }

    func testPathAndStar() {
        var path = GraphBuilder(vertexCount: 3, isDirected: false)
        path.addEdge(0, 1); path.addEdge(1, 2)
        let p = path.build().pathMeasures()
        XCTAssertEqual(p.betweenness, [0, 1, 0])
        XCTAssertEqual(p.edgeBetweenness, [4.0 / 6.0, 4.0 / 6.0])
        XCTAssertEqual(p.closenessIn.compactMap { $0 }, [2.0 / 3.0, 1, 2.0 / 3.0])
        XCTAssertEqual(p.harmonicIn, [1.5, 2, 1.5])
        XCTAssertEqual(p.diameter, 2)
        XCTAssertEqual(path.build().cutPoints().articulationPoints, [1])

        var star = GraphBuilder(vertexCount: 5, isDirected: false)
        for leaf in 1...4 { star.addEdge(0, leaf) }
        let s = star.build()
        XCTAssertEqual(s.pathMeasures().betweenness, [1, 0, 0, 0, 0])
        XCTAssertEqual(s.coreNumbers(), [1, 1, 1, 1, 1])
        let holes = s.structuralHoles()
        XCTAssertEqual(holes.constraint[0]!, 4 * (0.25 * 0.25), accuracy: 1e-15)
        XCTAssertEqual(holes.effectiveSize[0], 4)
        XCTAssertEqual(holes.efficiency[0], 1)
        XCTAssertEqual(holes.hierarchy[0]!, 0, accuracy: 1e-15, "equal constraint from every contact")
        XCTAssertNil(holes.hierarchy[1], "one contact: undefined")
        let (points, bridges) = s.cutPoints()
        XCTAssertEqual(points, [0])
        XCTAssertEqual(bridges.map { [$0.0, $0.1] }, [[0, 1], [0, 2], [0, 3], [0, 4]])
    }

    func testBorgattiEffectiveSize() {
        // Borgatti (1997): ego 0 with alters 1–4; ties 1–2 and 3–4 among them: t = 2,
        // effective size = n − 2t/n = 4 − 1 = 3, efficiency 3/4; each alter constrains ego by
        // (1/4 + 1/4 · 1/2)² = 9/64.
        var b = GraphBuilder(vertexCount: 5, isDirected: false)
        for a in 1...4 { b.addEdge(0, a) }
        b.addEdge(1, 2); b.addEdge(3, 4)
        let h = b.build().structuralHoles()
        XCTAssertEqual(h.effectiveSize[0]!, 3, accuracy: 1e-15)
        XCTAssertEqual(h.efficiency[0]!, 0.75, accuracy: 1e-15)
        XCTAssertEqual(h.constraint[0]!, 4 * 9.0 / 64.0, accuracy: 1e-15)
        XCTAssertEqual(h.hierarchy[0]!, 0, accuracy: 1e-15)
    }

    func testHierarchyByHand() {
        // Ego 0 with contacts 1 (weight 1) and 2 (weight 3), not tied to each other:
        // p = 1/4, 3/4; c = 1/16, 9/16; mean 5/16; r = 1/5, 9/5.
        var b = GraphBuilder(vertexCount: 3, isDirected: false)
        b.addEdge(0, 1, weight: 1)
        b.addEdge(0, 2, weight: 3)
        let h = b.build().structuralHoles(weighted: true)
        XCTAssertEqual(h.constraint[0]!, 10.0 / 16.0, accuracy: 1e-15)
        let expected = (0.2 * log(0.2) + 1.8 * log(1.8)) / (2 * log(2.0))
        XCTAssertEqual(h.hierarchy[0]!, expected, accuracy: 1e-15)
        XCTAssertEqual(h.hierarchy[0]!, 0.531_004_4, accuracy: 1e-6)
    }

    func testBrokerageByHand() {
        // Groups: 0,1 in A; 2 in B; 3 in C. Arcs 0→2, 2→1 (itinerant for 2), 1→2, 2→3 (liaison
        // via 1→2→3 and representative/gatekeeper patterns), 0→1, 1→3.
        var b = GraphBuilder(vertexCount: 4, isDirected: true)
        for (u, v) in [(0, 2), (2, 1), (1, 2), (2, 3), (0, 1), (1, 3)] { b.addEdge(u, v) }
        let roles = b.build().brokerage(group: [0, 0, 1, 2])
        // Vertex 2 (B): paths a→2→b with no a→b: 0→2→3 (A,B,C liaison), 1→2→3? 1→3 exists: no.
        // 0→2→1? 0→1 exists: no. 1→2→1: a = b: no.
        XCTAssertEqual(roles[2].liaison, 1)
        XCTAssertEqual(roles[2].total, 1)
        // Vertex 1 (A): in 2, 0; out 2, 3. 0→1→2? 0→2 exists. 0→1→3: A→A→C representative.
        // 2→1→3? 2→3 exists.
        XCTAssertEqual(roles[1].representative, 1)
        XCTAssertEqual(roles[1].total, 1)
        XCTAssertEqual(roles[0].total + roles[3].total, 0)
    }

    func testCoreNumbersOfACliqueWithATail() {
        var b = GraphBuilder(vertexCount: 6, isDirected: false)
        for u in 0..<4 { for v in u + 1..<4 { b.addEdge(u, v) } }
        b.addEdge(3, 4); b.addEdge(4, 5)
        XCTAssertEqual(b.build().coreNumbers(), [3, 3, 3, 3, 1, 1])
    }

    func testSimplifiedMergesParallelEdgesAndDropsNegativeOnes() {
        var b = GraphBuilder(vertexCount: 3, isDirected: false)
        b.addEdge(0, 1, weight: 2)
        b.addEdge(1, 0, weight: 3)
        b.addEdge(1, 2, sign: .negative)
        b.addEdge(2, 2)
        let s = b.build().simplified()
        XCTAssertTrue(s.isSimple)
        XCTAssertEqual(s.edgeCount, 1)
        XCTAssertEqual(s.edgeWeights, [5])
        XCTAssertEqual(b.build().simplified(includeNegative: true).edgeCount, 2)
    }
}

extension OracleTests {
    /// Restarts run side by side on the machine's threads; the best is still chosen in run
    /// order, so the answer is that of the runs one by one (run r is seeded as a single run
    /// with seed + r·0xD1B54A32D192ED03).
    func testParallelRestartsGiveTheBestRunInRunOrder() {
        let g = randomGraph(n: 300, p: 0.03, directed: false, seed: 11)
        let together = g.communities(seed: 5, restarts: 6)
        let alone = (0..<6).map { r in g.communities(seed: 5 &+ UInt64(r) &* 0xD1B5_4A32_D192_ED03, restarts: 1) }
        var best = alone[0]
        for c in alone.dropFirst() where c.quality > best.quality + 1e-12 { best = c }
        XCTAssertEqual(together.membership, best.membership)
        XCTAssertEqual(together.quality, best.quality)
        XCTAssertEqual(together.runs, 6)
        XCTAssertGreaterThan(Set(alone.map(\.membership)).count, 1, "the runs differ, so the choice among them is tested")
    }

    /// Each permutation is shuffled by a generator of its own: the p-values are the same on
    /// one thread, two or five.
    func testPermutationPValuesAreTheSameOnAnyThreadCount() {
        let g = randomGraph(n: 200, p: 0.05, directed: false, seed: 3)
        let groups = (0..<200).map { $0 % 4 == 0 ? 0 : ($0 % 3 == 0 ? 1 : 2) }
        let one = g.eiPermutationTest(groups: groups, permutations: 999, seed: 7, threads: 1)
        for threads in [2, 5] {
            let many = g.eiPermutationTest(groups: groups, permutations: 999, seed: 7, threads: threads)
            XCTAssertEqual(many.network, one.network)
            XCTAssertEqual(many.groups, one.groups)
        }
        XCTAssertTrue(one.groups.contains { $0 > 0.01 && $0 < 0.99 }, "some p-value is neither floor nor ceiling: \(one.groups)")
    }
}

extension OracleTests {
    /// A fixed number of passes stops there; until stable goes on while the quality improves,
    /// so it is never worse than one pass of the same run.
    func testIterationsBoundThePassesOfARun() {
        let g = randomGraph(n: 400, p: 0.02, directed: false, seed: 21)
        let one = g.communities(seed: 3, restarts: 1, iterations: 1)
        let two = g.communities(seed: 3, restarts: 1, iterations: 2)
        let stable = g.communities(seed: 3, restarts: 1)
        XCTAssertGreaterThanOrEqual(two.quality, one.quality - 1e-12)
        XCTAssertGreaterThanOrEqual(stable.quality, one.quality - 1e-12)
        XCTAssertEqual(g.communities(seed: 3, restarts: 1, iterations: 2).membership, two.membership, "seeded")
        XCTAssertGreaterThan(one.quality, 0.3)
    }
}
