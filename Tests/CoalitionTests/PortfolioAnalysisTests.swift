import Coalition
import CoalitionGraph
import XCTest

/// The portfolio's own findings on a small portfolio worked out by hand.
final class PortfolioAnalysisTests: XCTestCase {
    /// a, b ministries (health, education); c a CSO (health); d a business (economy); e a
    /// community group (housing); f an agency in no initiative; g a CSO and h a university
    /// (environment). P1 {a, c}, P2 {a, b, d}, P3 {d, e}, P4 no one, P5 {g, h}.
    static func portfolio() -> StakeholderNetwork {
        let actors = [
            Actor(id: "a", kind: .ministry, sectors: ["health"]), Actor(id: "b", kind: .ministry, sectors: ["education"]),
            Actor(id: "c", kind: .cso, sectors: ["health"]), Actor(id: "d", kind: .business, sectors: ["economy"]),
            Actor(id: "e", kind: .community, sectors: ["housing"]), Actor(id: "f", kind: .agency, sectors: ["health"]),
            Actor(id: "g", kind: .cso, sectors: ["environment"]), Actor(id: "h", kind: .university, sectors: ["environment"]),
        ]
        let initiatives = ["P1", "P2", "P3", "P4", "P5"].map { Initiative(id: $0) }
        let members: [(Int32, Int32)] = [(0, 0), (2, 0), (0, 1), (1, 1), (3, 1), (3, 2), (4, 2), (6, 4), (7, 4)]
        var affiliations = members.map { Affiliation(actor: $0.0, initiative: $0.1) }
        affiliations[0].role = .lead
        affiliations[0].budget = 100
        affiliations[1].budget = 50
        return StakeholderNetwork(actors: actors, ties: [], isDirected: false, portfolio: Portfolio(initiatives: initiatives, affiliations: affiliations))
    }

    func testWhatThePortfolioBringsTogether() throws {
        let n = Self.portfolio()
        let p = PortfolioAnalysis(n, mission: nil, grouping: try Grouping(n, by: "sector"))
        XCTAssertEqual(p.profiles.map(\.members), [[0, 2], [0, 1, 3], [3, 4], [], [6, 7]])
        XCTAssertEqual(p.profiles.map(\.crossSectoral), [false, true, true, false, false])
        XCTAssertEqual(p.profiles[1].sectors, ["economy", "education", "health"], "ties in count are sorted by name")
        XCTAssertEqual(p.profiles[0].leads, [0])
        XCTAssertEqual(p.profiles[0].pledged, 150)
        XCTAssertEqual(p.profiles.map(\.withCivilSociety), [true, false, true, false, true])
        XCTAssertEqual(try XCTUnwrap(p.crossSectoralShare), 0.5, "2 of the 4 initiatives with members")
        XCTAssertEqual(
            p.sectorPairsWithoutInitiative.map { "\($0.0)-\($0.1)" },
            ["economy-environment", "education-environment", "education-housing", "environment-health", "environment-housing", "health-housing"])
        XCTAssertEqual(p.sectorsOutsidePortfolio, [], "f's sector, health, has other actors taking part")
        XCTAssertEqual(p.outsidePortfolio, [5])
        XCTAssertEqual(p.inOneInitiative, [1, 2, 4, 6, 7])
        XCTAssertEqual(p.connectors, [0, 3])
        XCTAssertEqual(p.withoutCivilSociety, [1])
        XCTAssertEqual(p.withoutLead, [1, 2, 4])
        XCTAssertEqual(p.parts, [[0, 1, 2], [4]])
        XCTAssertEqual(p.participations, 9)
        XCTAssertEqual(p.projectionPairs, 1 + 3 + 1 + 1)
        let voices = Dictionary(uniqueKeysWithValues: p.voices.map { ($0.expected.value, $0) })
        XCTAssertEqual(voices["agency"]?.status, .missing)
        XCTAssertEqual(voices["agency"]?.actors, 1)
        XCTAssertEqual(voices["agency"]?.reading, "1 agency is among the actors, but none takes part in an initiative.")
        XCTAssertEqual(voices["research"]?.status, .present, "a university counts as research")
        XCTAssertEqual(voices["research"]?.initiatives, 1)
        XCTAssertEqual(voices["cso"]?.participating, 2)
        XCTAssertEqual(voices["local-government"]?.status, .missing)
    }

    func testRolesChooseTheParticipationsThatCount() throws {
        let n = Self.portfolio()
        let leads = PortfolioAnalysis(n, mission: nil, grouping: try Grouping(n, by: "sector"), options: .init(roles: [.lead]))
        XCTAssertEqual(leads.profiles.map(\.members), [[0], [], [], [], []])
        XCTAssertEqual(leads.measures.degree[0], 1)
        // A participation without a role counts as a participant's.
        let participants = PortfolioAnalysis(n, mission: nil, grouping: try Grouping(n, by: "sector"), options: .init(roles: [.participant]))
        XCTAssertEqual(participants.participations, 8)
    }

    /// Above the exact limit, closeness and betweenness come from sampled sources, with bounds.
    func testSampledMeasuresAboveTheLimit() throws {
        let n = Self.portfolio()
        let exact = PortfolioAnalysis(n, mission: nil, grouping: try Grouping(n, by: "sector"))
        let sampled = PortfolioAnalysis(n, mission: nil, grouping: try Grouping(n, by: "sector"), options: .init(exactLimit: 5, samples: 6, seed: 3))
        XCTAssertTrue(exact.measures.isExact)
        XCTAssertFalse(sampled.measures.isExact)
        XCTAssertEqual(sampled.measures.sourcesUsed, 6)
        XCTAssertGreaterThan(sampled.measures.errorBound.firstMode, 0)
        XCTAssertEqual(sampled.measures.degree, exact.measures.degree, "degrees are never sampled")
        for (x, y) in zip(sampled.measures.betweenness, exact.measures.betweenness) {
            XCTAssertEqual(x, y, accuracy: sampled.measures.errorBound.firstMode + sampled.measures.errorBound.secondMode)
        }
    }

    func testTheNetworkOnADayKeepsThePortfolioOfThatDay() throws {
        var n = Self.portfolio()
        n.portfolio!.initiatives[1].validity = ValidSpan(until: Day(iso: "2025-12-31"))
        n.actors[2].validity = ValidSpan(from: Day(iso: "2026-06-01"))
        let then = n.at(Day(iso: "2026-01-15")!)
        XCTAssertEqual(then.portfolio?.initiatives.map(\.id), ["P1", "P3", "P4", "P5"])
        XCTAssertEqual(then.portfolio?.affiliations.map { then.actors[Int($0.actor)].id }, ["a", "d", "e", "g", "h"])
    }
}

/// Participations made ties for the one-mode analyses, on the hand-worked portfolio above.
final class PortfolioTiesTests: XCTestCase {
    func ties(_ n: StakeholderNetwork) -> [String] {
        n.writtenTies.map { "\(n.actors[Int($0.source)].id)-\(n.actors[Int($0.target)].id) \($0.strength) \($0.relation.rawValue)" }
    }

    func testNewmanWeightsByDefault() {
        var n = PortfolioAnalysisTests.portfolio()
        n.portfolio!.affiliations[0].role = nil
        let r = PortfolioTies().apply(to: n)
        // P1 {a, c}: 1/(2 − 1); P2 {a, b, d}: 1/2 each pair; P3 {d, e}: 1; P5 {g, h}: 1.
        XCTAssertEqual(
            ties(r.network),
            ["a-b 0.5 shared-initiative", "a-c 1.0 shared-initiative", "a-d 0.5 shared-initiative", "b-d 0.5 shared-initiative",
             "d-e 1.0 shared-initiative", "g-h 1.0 shared-initiative"])
        XCTAssertEqual(r.projectedTies, 6)
        XCTAssertEqual(r.leftOut, [])
        XCTAssertEqual(r.network.actors.map(\.id), n.actors.map(\.id), "the actors stay in their order")
        XCTAssertNotNil(r.network.portfolio, "the portfolio stays for the two-mode analysis")
        XCTAssertEqual(PortfolioTies(weighting: .count).apply(to: n).network.writtenTies.map(\.strength), [1, 1, 1, 1, 1, 1])
        XCTAssertEqual(PortfolioTies().basis(of: n), "ties: shared initiatives, Newman-weighted")
    }

    func testRolesWeighAPairByItsLessEngagedEnd() {
        var n = PortfolioAnalysisTests.portfolio()
        // a leads P1 (factor 2, with c a participant: min 1); a observes P2 (0.5); d leads P2 (2).
        n.portfolio!.affiliations[2].role = .observer
        n.portfolio!.affiliations[4].role = .lead
        let r = PortfolioTies().apply(to: n)
        XCTAssertEqual(
            ties(r.network).prefix(4),
            ["a-b 0.25 shared-initiative", "a-c 1.0 shared-initiative", "a-d 0.25 shared-initiative", "b-d 0.5 shared-initiative"])
        // Two leads of one initiative are tied four times as strongly as two observers of it.
        var pair = PortfolioAnalysisTests.portfolio()
        pair.portfolio!.affiliations[0].role = .lead
        pair.portfolio!.affiliations[1].role = .lead
        let leads = PortfolioTies().apply(to: pair).network.ties.first { $0.source == 0 && $0.target == 2 }!.strength
        pair.portfolio!.affiliations[0].role = .observer
        pair.portfolio!.affiliations[1].role = .observer
        let observers = PortfolioTies().apply(to: pair).network.ties.first { $0.source == 0 && $0.target == 2 }!.strength
        XCTAssertEqual(leads, 2)
        XCTAssertEqual(observers, 0.5)
        XCTAssertEqual(PortfolioTies(roles: [.participant]).apply(to: pair).projectedTies, 5, "--roles participant: P1's observers give no tie; P2, P3 and P5 give 3 + 1 + 1")
    }

    func testLargeInitiativesGiveNoTies() {
        let n = PortfolioAnalysisTests.portfolio()
        let r = PortfolioTies(maxInitiativeSize: 2).apply(to: n)
        XCTAssertEqual(r.leftOut, [1], "P2 has 3 members")
        XCTAssertEqual(ties(r.network), ["a-c 1.0 shared-initiative", "d-e 1.0 shared-initiative", "g-h 1.0 shared-initiative"])
    }

    func testCommitmentCarriesOver() {
        var n = PortfolioAnalysisTests.portfolio()
        n.portfolio!.affiliations[0].commitment = .leading  // a in P1
        n.portfolio!.affiliations[1].commitment = .pledged  // c in P1
        n.portfolio!.affiliations[2].commitment = .active  // a in P2
        n.actors[3].commitment = .exploring  // d's own, kept
        n.portfolio!.affiliations[4].commitment = .leading  // d in P2
        let r = PortfolioTies().apply(to: n)
        XCTAssertEqual(r.network.actors.map(\.commitment), [.leading, nil, .pledged, .exploring, nil, nil, nil, nil])
        XCTAssertEqual(r.commitmentsFromParticipations, 2)
        let byPair = Dictionary(uniqueKeysWithValues: r.network.ties.map { ("\($0.source)-\($0.target)", $0.commitment) })
        XCTAssertEqual(byPair["0-2"], .pledged, "a tie is as committed as its less committed end")
        XCTAssertEqual(byPair["0-3"], .active, "a active and d leading in P2")
        XCTAssertEqual(byPair["0-1"], .some(nil), "b gives no commitment")
    }

    func testHowDirectTiesCombine() {
        var n = PortfolioAnalysisTests.portfolio()
        n.ties = [Tie(source: 0, target: 1, relation: .partnership, strength: 2)]
        let added = PortfolioTies().apply(to: n)
        XCTAssertEqual(added.network.ties.count, 7)
        let supporting = added.network.graph().simplified(includeNegative: false)
        XCTAssertEqual(supporting.outNeighbors(of: 0).count, 3, "a–b once, though tied twice")
        XCTAssertEqual(PortfolioTies().basis(of: n), "ties: direct ties and shared initiatives (Newman-weighted), added")
        let only = PortfolioTies(combination: .initiativesOnly).apply(to: n)
        XCTAssertEqual(only.network.ties.count, 6)
        XCTAssertEqual(only.directTiesLeftOut, 1)
        let direct = PortfolioTies(combination: .tiesOnly).apply(to: n)
        XCTAssertEqual(direct.network.ties, n.ties)
        // A directed network holds each projected tie as two arcs, counted once.
        n.isDirected = true
        n.ties[0].isDirected = true
        let directed = PortfolioTies().apply(to: n)
        XCTAssertEqual(directed.network.ties.count, 1 + 12)
        XCTAssertEqual(directed.network.writtenTies.count, 1 + 6)
        XCTAssertEqual(directed.projectedTies, 6)
    }
}
