import Coalition
import CoalitionGraph
import XCTest

/// The portfolio's own findings on a small portfolio worked out by hand.
final class PortfolioAnalysisTests: XCTestCase {
    /// a, b ministries (health, education); c a CSO (health); d a business (economy); e a
    /// community group (housing); f an agency in no initiative; g a CSO and h a university
    /// (environment). P1 {a, c}, P2 {a, b, d}, P3 {d, e}, P4 no one, P5 {g, h}.
    func portfolio() -> StakeholderNetwork {
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
        let n = portfolio()
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
        let n = portfolio()
        let leads = PortfolioAnalysis(n, mission: nil, grouping: try Grouping(n, by: "sector"), options: .init(roles: [.lead]))
        XCTAssertEqual(leads.profiles.map(\.members), [[0], [], [], [], []])
        XCTAssertEqual(leads.measures.degree[0], 1)
        // A participation without a role counts as a participant's.
        let participants = PortfolioAnalysis(n, mission: nil, grouping: try Grouping(n, by: "sector"), options: .init(roles: [.participant]))
        XCTAssertEqual(participants.participations, 8)
    }

    /// Above the exact limit, closeness and betweenness come from sampled sources, with bounds.
    func testSampledMeasuresAboveTheLimit() throws {
        let n = portfolio()
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
        var n = portfolio()
        n.portfolio!.initiatives[1].validity = ValidSpan(until: Day(iso: "2025-12-31"))
        n.actors[2].validity = ValidSpan(from: Day(iso: "2026-06-01"))
        let then = n.at(Day(iso: "2026-01-15")!)
        XCTAssertEqual(then.portfolio?.initiatives.map(\.id), ["P1", "P3", "P4", "P5"])
        XCTAssertEqual(then.portfolio?.affiliations.map { then.actors[Int($0.actor)].id }, ["a", "d", "e", "g", "h"])
    }
}
