import CoalitionGraph
import CoalitionTestSupport
import XCTest

@testable import Coalition

final class WillingTests: XCTestCase {
    /// Builds a network from (id, kind, sector, commitment, stance) and (a, b, relation, commitment, directed).
    func network(
        _ actors: [(String, ActorKind, String, Commitment?, Stance?)],
        _ ties: [(String, String, Relation, Commitment?, Bool)], influence: [String: (Double, Double)] = [:]
    ) -> StakeholderNetwork {
        let index = Dictionary(uniqueKeysWithValues: actors.enumerated().map { ($1.0, Int32($0)) })
        let list = actors.map { a in
            Actor(id: a.0, kind: a.1, sectors: [a.2], influence: influence[a.0]?.0, interest: influence[a.0]?.1, stance: a.4, commitment: a.3)
        }
        let directed = ties.contains { $0.4 }
        return StakeholderNetwork(
            actors: list,
            ties: ties.map {
                Tie(source: index[$0.0]!, target: index[$0.1]!, relation: $0.2, commitment: $0.3, isDirected: directed)
            }, isDirected: directed)
    }

    /// A committed clique across four sectors (research and civil society in it), a lukewarm
    /// pair, a community group only consulted, and an opposed firm.
    func planted() -> StakeholderNetwork {
        network(
            [
                ("min", .ministry, "health", .leading, .supportive), ("uni", .university, "research", .active, .supportive),
                ("cso", .cso, "social", .active, .supportive), ("firm", .business, "food", .active, .supportive),
                ("agency", .agency, "health", .exploring, .neutral), ("town", .localGovernment, "social", .exploring, .neutral),
                ("residents", .community, "social", nil, .supportive), ("lobby", .business, "food", .none, .opposed),
            ],
            [
                ("min", "uni", .commitment, .leading, false), ("min", "cso", .commitment, .active, false),
                ("min", "firm", .commitment, .active, false), ("uni", "cso", .partnership, .active, false),
                ("uni", "firm", .partnership, .pledged, false), ("cso", "firm", .partnership, .active, false),
                ("agency", "town", .information, .exploring, false), ("agency", "min", .mandate, .active, false),
                ("town", "residents", Relation(rawValue: "consultation"), nil, false),
                ("lobby", "min", .opposition, nil, false), ("lobby", "agency", .partnership, nil, false),
                ("town", "cso", .partnership, .exploring, false),
            ])
    }

    func testPlantedCliqueIsRecommendedWhole() throws {
        let n = planted()
        let w = WillingAnalysis(n, threshold: .pledged)
        let best = try XCTUnwrap(w.recommended.map { w.clusters[$0] })
        XCTAssertEqual(Set(best.members.map { n.actors[$0].id }), ["min", "uni", "cso", "firm"])
        XCTAssertEqual(best.density, 1)
        XCTAssertEqual(best.meanCommitment!, (4 + 3 + 3 + 3) / 4.0, accuracy: 1e-15)
        XCTAssertEqual(best.sectors, 4)
        XCTAssertTrue(best.criteria.crossSector && best.criteria.researchAndInnovation && best.criteria.civilSociety && best.criteria.noSinglePointOfFailure)
        // Blau index of four different kinds and four sectors: 1 − 4·(1/4)² = 0.75.
        XCTAssertEqual(best.kindDiversity, 0.75, accuracy: 1e-15)
        XCTAssertEqual(best.sectorDiversity, 0.75, accuracy: 1e-15)
        XCTAssertTrue(w.reason.hasPrefix("Start with the 4-actor cluster around"), w.reason)
        // The agency (a pledged-or-better tie to the ministry, but exploring itself) and the town
        // are next to recruit; the opposed lobby never is.
        XCTAssertEqual(w.nextToRecruit.map { n.actors[$0.actor].id }, ["agency", "town"])
        XCTAssertEqual(w.nextToRecruit.first.map { n.actors[$0.introducedBy].id }, "min")
        // Camps: the lobby opposes the ministry; the agency, neutral, works with both camps.
        XCTAssertEqual(w.camps.opponents.map { n.actors[$0].id }, ["lobby"])
        XCTAssertEqual(w.camps.between.map { n.actors[$0].id }, ["agency"])
        XCTAssertEqual(w.camps.oppositions.map { [n.actors[$0.0].id, n.actors[$0.1].id] }, [["lobby", "min"]])
    }

    func testADenseCommittedGroupIsNotSplitButTwoGroupsAre() {
        func clique(_ prefix: String, _ k: Int) -> [(String, String, Relation, Commitment?, Bool)] {
            var t: [(String, String, Relation, Commitment?, Bool)] = []
            for i in 0..<k { for j in i + 1..<k { t.append(("\(prefix)\(i)", "\(prefix)\(j)", .commitment, .active, false)) } }
            return t
        }
        let one = network((0..<10).map { ("a\($0)", .cso, "s\($0 % 3)", .active, .supportive) }, clique("a", 10))
        XCTAssertEqual(WillingAnalysis(one, threshold: .pledged).clusters.map(\.size), [10])
        let two = network(
            (0..<10).map { ("a\($0)", .cso, "s", .active, .supportive) } + (0..<10).map { ("b\($0)", .business, "t", .active, .supportive) },
            clique("a", 10) + clique("b", 10) + [("a0", "b0", .partnership, .active, false)])
        let w = WillingAnalysis(two, threshold: .pledged)
        XCTAssertEqual(w.clusters.map(\.size), [10, 10])
        XCTAssertTrue(w.notes.first?.hasPrefix("A willing component of 20 actors was split into 2 clusters") == true)
    }

    func testScoreFollowsTheMissionWeights() throws {
        let n = planted()
        let onlyCommitment = WillingAnalysis(n, threshold: .pledged, weights: ["size": 0, "density": 0, "influence": 0, "diversity": 0, "criteria": 0, "commitment": 1])
        XCTAssertEqual(onlyCommitment.clusters[0].score, 3.25 / 4, accuracy: 1e-15)
        let none = WillingAnalysis(n, threshold: .leading)
        XCTAssertTrue(none.clusters.isEmpty)
        XCTAssertTrue(none.reason.hasPrefix("No actors are committed at leading or above"))
    }

    func testVoicesAndTheirReadings() throws {
        let n = planted()
        var mission = Mission(name: "Test")
        mission.expectedVoices = [
            .init(dimension: .kind, value: "community", minCount: 1), .init(dimension: .voice, value: "youth", minCount: 1),
            .init(dimension: .kind, value: "business", minShare: 0.5), .init(dimension: .sector, value: "social", minCount: 1),
        ]
        mission.consultationRelations = ["consultation"]
        let core = [0, 1, 2, 3]
        let v = VoicesAnalysis(n, mission: mission, willingCore: core)
        // The one community group is only consulted: present in number, not heard.
        XCTAssertEqual(v.categories.map(\.status), [.underrepresented, .missing, .underrepresented, .present])
        XCTAssertEqual(v.categories[0].reasons, ["its one actor is only consulted"])
        XCTAssertEqual(v.categories[0].consultedOnly, 1)
        XCTAssertEqual(v.categories[1].reading, "No actor speaking for youth is in the coalition: this voice is missing.")
        XCTAssertEqual(v.categories[2].reasons.first, "25 % of actors against at least 50 % expected")
        // Social sector: cso, town, residents. 11 supporting pairs = 22 tie ends; the sector holds
        // cso 4, town 3, residents 1 = 8 of them, and 3 of the 8 actors.
        let social = v.categories[3]
        XCTAssertEqual(social.degreeRatio!, (8.0 / 22.0) / (3.0 / 8.0), accuracy: 1e-12)
        XCTAssertEqual(social.distanceToWillingCore, 0)
        XCTAssertEqual(v.categories[0].distanceToWillingCore, 2, "residents → town → cso")
        XCTAssertEqual(v.consultedOnly.map { n.actors[$0].id }, ["residents"])
        XCTAssertTrue(v.isolated.isEmpty)
        let defaults = VoicesAnalysis(n, mission: nil, willingCore: core)
        XCTAssertTrue(defaults.usedDefaultTaxonomy)
        XCTAssertEqual(defaults.categories.filter { $0.status == .missing }.map(\.expected.value), ["regional-government"])
    }

    func testPowerInterestGrid() {
        let n = network(
            [
                ("hub", .agency, "x", nil, nil), ("a", .cso, "x", nil, nil), ("b", .cso, "x", nil, nil),
                ("c", .cso, "x", nil, nil), ("boss", .ministry, "x", nil, nil),
            ],
            [
                ("hub", "a", .information, nil, false), ("hub", "b", .information, nil, false),
                ("hub", "c", .information, nil, false), ("a", "boss", .information, nil, false),
            ],
            influence: ["hub": (1, 4), "a": (2, 1), "b": (2, 1), "c": (2, 1), "boss": (5, 4)])
        let grid = PowerInterestGrid(n)
        XCTAssertEqual(grid.entries.map(\.quadrant), [.keepInformed, .monitor, .monitor, .monitor, .manageClosely])
        XCTAssertEqual(grid.entries[0].finding, "hidden influencer")
        XCTAssertEqual(grid.entries[0].structuralPercentile, 1)
        XCTAssertEqual(grid.entries[0].declaredPercentile, 0)
        XCTAssertEqual(grid.entries[4].finding, "over-rated")
        XCTAssertEqual(grid.entries[1].declaredPercentile, 0.5, "mid-rank among three equal ratings")
    }

    /// A broker with two ties between two cliques holds every path between them: betweenness
    /// finds it where PageRank, which rewards many ties, does not.
    func testAHiddenInfluencerWithFewTiesIsFoundByBetweenness() {
        let ids = ["a1", "a2", "a3", "a4", "b", "c1", "c2", "c3", "c4"]
        var ties: [(String, String, Relation, Commitment?, Bool)] = [("a1", "b", .partnership, nil, false), ("b", "c1", .partnership, nil, false)]
        for side in ["a", "c"] {
            for i in 1...4 { for j in (i + 1)..<5 { ties.append(("\(side)\(i)", "\(side)\(j)", .partnership, nil, false)) } }
        }
        var ratings = Dictionary(uniqueKeysWithValues: ids.map { ($0, (3.0, 3.0)) })
        ratings["b"] = (1, 3)
        let n = network(ids.map { ($0, .cso, "x", nil, nil) }, ties, influence: ratings)
        let both = PowerInterestGrid(n)
        let broker = both.entries[4]
        XCTAssertEqual(broker.finding, "hidden influencer")
        XCTAssertEqual(broker.foundBy, [.betweenness])
        XCTAssertEqual(broker.betweennessPercentile, 1)
        XCTAssertLessThan(broker.pagerankPercentile!, 0.75)
        XCTAssertEqual(both.entries.filter { $0.finding != nil }.map(\.actor), [4], "the clique ends hold fewer paths and are rated as they sit")
        XCTAssertEqual(both.entries[0].pagerankPercentile, both.entries[5].pagerankPercentile, "placed alike, ranked alike")
        XCTAssertNil(PowerInterestGrid(n, measure: .pagerank).entries[4].finding, "PageRank alone misses the broker")
    }
}

extension WillingTests {
    /// The clean-up after the split, as it was written first: rescan every tie for each fold
    /// and each merge. The incremental ``PartMerging`` must give the same parts.
    func rescanned(_ start: [Int], _ edges: [(Int, Int, Double)]) -> [[Int]] {
        var parts = start
        while true {
            var size = [Int: Int]()
            for p in parts { size[p, default: 0] += 1 }
            guard size.count > 1, let small = size.filter({ $0.value < 3 }).keys.min() else { break }
            var ties = [Int: Int]()
            for (u, v, _) in edges {
                if parts[u] == small && parts[v] != small { ties[parts[v], default: 0] += 1 }
                if parts[v] == small && parts[u] != small { ties[parts[u], default: 0] += 1 }
            }
            let target = ties.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key ?? size.keys.filter { $0 != small }.min()!
            parts = parts.map { $0 == small ? target : $0 }
        }
        while true {
            let labels = Array(Set(parts)).sorted()
            guard labels.count > 1 else { break }
            var size = [Int: Int](), inside = [Int: Int](), between = [[Int]: Int]()
            for p in parts { size[p, default: 0] += 1 }
            for (u, v, _) in edges {
                if parts[u] == parts[v] { inside[parts[u], default: 0] += 1 } else { between[[min(parts[u], parts[v]), max(parts[u], parts[v])], default: 0] += 1 }
            }
            func density(_ p: Int) -> Double { let n = Double(size[p]!); return n > 1 ? 2 * Double(inside[p] ?? 0) / (n * (n - 1)) : 1 }
            var best: ([Int], Double)?
            for (pair, ties) in between.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) {
                let ratio = Double(ties) / Double(size[pair[0]]! * size[pair[1]]!) / max(min(density(pair[0]), density(pair[1])), 1e-12)
                if ratio >= 0.5 && (best == nil || ratio > best!.1) { best = (pair, ratio) }
            }
            guard let (pair, _) = best else { break }
            parts = parts.map { $0 == pair[1] ? pair[0] : $0 }
        }
        let labels = Array(Set(parts)).sorted()
        return labels.map { c in parts.indices.filter { parts[$0] == c } }
    }

    func testMergingPartsIncrementallyGivesTheRescannedParts() {
        var rng = SplitMix64(seed: 2040)
        var merges = 0
        for trial in 0..<60 {
            let n = Int.random(in: 8...60, using: &rng)
            let labels = Int.random(in: 2...max(2, n / 2), using: &rng)
            let parts = (0..<n).map { _ in Int.random(in: 0..<labels, using: &rng) * 3 }
            var seen = Set<Int>(), edges: [(Int, Int, Double)] = []
            let p = Double.random(in: 0.05...0.5, using: &rng)
            for u in 0..<n {
                for v in u + 1..<n where Double.random(in: 0..<1, using: &rng) < (parts[u] == parts[v] ? min(1, 2 * p) : p / 2) {
                    if seen.insert(u * n + v).inserted { edges.append((u, v, 1)) }
                }
            }
            var merging = PartMerging(parts: parts, edges: edges)
            let expected = rescanned(parts, edges)
            XCTAssertEqual(merging.merged(), expected, "trial \(trial)")
            merges += Set(parts).count - expected.count
        }
        XCTAssertGreaterThan(merges, 100, "the trials fold and merge parts")
    }

    /// The rewiring test stops after its first rewiring only when the component is large and
    /// far more modular than it: the example mission's willing component runs all 20, and so do
    /// four committed circles of 10 joined by single ties; 60 such circles stop after one.
    func testTheRewiringTestStopsEarlyOnlyWhenFarAboveChance() throws {
        let example = try XCTUnwrap(loadValid([fixture("healthy-lives-2040/mission.yaml")]))
        let w = WillingAnalysis(example, threshold: .pledged)
        XCTAssertEqual(w.clusters.count, 3)
        XCTAssertEqual(w.rewirings, 20)
        XCTAssertEqual(w.rewiringsStoppedEarly, 0)

        func circles(_ count: Int) -> WillingAnalysis {
            let actors = (0..<count * 10).map { i in (String(i), ActorKind.cso, "s\(i / 10)", Optional(Commitment.active), Optional(Stance.supportive)) }
            var ties: [(String, String, Relation, Commitment?, Bool)] = []
            for c in 0..<count {
                for i in 0..<10 {
                    for j in i + 1..<10 where (i + j) % 3 != 0 { ties.append((String(c * 10 + i), String(c * 10 + j), .partnership, nil, false)) }
                }
                ties.append((String(c * 10), String(((c + 1) % count) * 10 + 5), .partnership, nil, false))
            }
            return WillingAnalysis(network(actors, ties), threshold: .pledged)
        }
        let four = circles(4)
        XCTAssertEqual(four.clusters.map(\.size), [10, 10, 10, 10])
        XCTAssertEqual(four.rewirings, 20)
        XCTAssertEqual(four.rewiringsStoppedEarly, 0)
        let sixty = circles(60)
        XCTAssertEqual(sixty.clusters.count, 60)
        XCTAssertEqual(sixty.rewirings, 1)
        XCTAssertEqual(sixty.rewiringsStoppedEarly, 1)
        XCTAssertTrue(sixty.notes[0].contains("for a rewiring of it; 0.1 or more above, the test stops after one rewiring of 20"), sixty.notes[0])
    }
}
