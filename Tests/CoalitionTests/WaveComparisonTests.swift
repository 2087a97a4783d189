import Coalition
import CoalitionGraph
import CoalitionIO
import CoalitionTestSupport
import XCTest

/// Two waves of the Westmark mission a year apart (fixtures/waves, made by
/// scripts/make-wave-fixtures.py with known changes): every change they were made with is found.
final class WaveComparisonTests: XCTestCase {
    func wave(_ year: Int) throws -> WaveComparison.Wave {
        let n = try XCTUnwrap(loadValid([fixture("waves/westmark-\(year)")]))
        let grouping = try Grouping(n, by: "sector")
        var silo = SiloAnalysis.Options()
        silo.permutations = 999
        let willing = WillingAnalysis(n, threshold: .pledged)
        return WaveComparison.Wave(
            network: n, measures: NetworkAnalysis(n, grouping: grouping), silos: SiloAnalysis(n, grouping: grouping, options: silo),
            willing: willing, voices: VoicesAnalysis(n, mission: nil, willingCore: willing.recommended.map { willing.clusters[$0].members } ?? []))
    }

    func testEveryPlantedChangeIsFound() throws {
        let before = try wave(2025), after = try wave(2026)
        let c = WaveComparison(before: before, after: after)
        let a = before.network.actors, b = after.network.actors
        XCTAssertEqual(c.joined.map { b[$0].id }, ["heatpump", "policy-lab", "youth-council"])
        XCTAssertEqual(c.left.map { a[$0].id }, ["gas-utility"])
        XCTAssertEqual(c.renamed.map { "\(a[$0.before].id)→\(b[$0.after].id)" }, ["coop-westmark→energy-coop"])
        XCTAssertEqual(c.continuing.count, 32)
        // Among the 32: three energy–housing ties are new; nothing else moved.
        XCTAssertEqual(c.statistics.kept, 60)
        XCTAssertEqual(c.statistics.formed, 3)
        XCTAssertEqual(c.statistics.dissolved, 0)
        XCTAssertEqual(c.statistics.jaccard!, 60.0 / 63.0, accuracy: 1e-15)
        XCTAssertEqual(c.statistics.hamming, 3)
        // All pairs: the newcomers' ties are formed too, the gas utility's dissolved.
        XCTAssertEqual(c.formed.count, 15)
        XCTAssertEqual(c.dissolved.map { "\($0.sourceInBefore ? a[$0.source].id : b[$0.source].id)-\($0.targetInBefore ? a[$0.target].id : b[$0.target].id)" }.sorted(),
            ["city-north-gas-utility", "gridco-gas-utility", "min-energy-gas-utility"])
        let consultation = try XCTUnwrap(c.relations.first { $0.relation == .consultation })
        XCTAssertEqual([consultation.before, consultation.after, consultation.kept], [6, 5, 4])
        XCTAssertEqual(
            c.commitmentChanges.map { "\(b[$0.actor].id):\($0.before?.name ?? "-")→\($0.after?.name ?? "-")" },
            ["min-housing:pledged→active", "city-south:pledged→active", "gridco:active→pledged", "bank:exploring→pledged", "installers:exploring→pledged"])
        XCTAssertEqual(c.commitmentLadder.map(\.actors).reduce(0, +), 5)
        XCTAssertEqual(c.noLongerConsultedOnly.map { a[$0].id }, ["tenants-union"])
        let energy = try XCTUnwrap(c.groups.first { $0.group == "energy" })
        XCTAssertEqual(energy.tiesWith["housing"]?.before, 0)
        XCTAssertEqual(energy.tiesWith["housing"]?.after, 3)
        XCTAssertGreaterThan(try XCTUnwrap(energy.change?.change), 0, "energy works more outward")
        XCTAssertEqual(try XCTUnwrap(c.correlation.value), try XCTUnwrap(c.statistics.correlation))
        XCTAssertEqual(c.correlation.pValue, 1.0 / 1001, "no relabelling correlates as well as the real alignment")
        let again = WaveComparison(before: before, after: after)
        XCTAssertEqual(again.groups.map { $0.change?.pValue }, c.groups.map { $0.change?.pValue }, "seeded")
        // Matching by id only: the renamed cooperative leaves and joins.
        var byID = WaveComparison.Options()
        byID.matchNames = false
        let strict = WaveComparison(before: before, after: after, options: byID)
        XCTAssertEqual(strict.joined.count, 4)
        XCTAssertEqual(strict.left.count, 2)
        XCTAssertTrue(strict.renamed.isEmpty)
    }

    func testWavesThatCannotBeComparedSayWhy() throws {
        let westmark = try XCTUnwrap(loadValid([fixture("waves/westmark-2026")]))
        let coleman = try XCTUnwrap(loadValid([fixture("reference/coleman-fall.actors.csv"), fixture("reference/coleman-fall.ties.csv")]))
        XCTAssertEqual(WaveComparison.problems(before: coleman, after: westmark), [.differentDirection(beforeDirected: true)])
        var undirected = coleman
        undirected.isDirected = false
        XCTAssertEqual(WaveComparison.problems(before: undirected, after: westmark), [.noActorInCommon])
        let empty = StakeholderNetwork(actors: [], ties: [], isDirected: false)
        XCTAssertEqual(WaveComparison.problems(before: empty, after: westmark), [.emptyWave(isBefore: true)])
    }
}

/// Dated rows: one pair of sheets holding both Westmark waves (valid_from/valid_until), read as
/// it stood on two days, gives the comparison the two sheets of each wave give.
final class DatedRowsTests: XCTestCase {
    func testANetworkOnADayIsTheWaveOfThatDay() throws {
        let dated = try XCTUnwrap(loadValid([fixture("waves/westmark-dated")]))
        XCTAssertTrue(dated.isDated)
        let early = dated.at(Day(iso: "2025-06-30")!), late = dated.at(Day(iso: "2026-06-30")!)
        XCTAssertEqual(early.actors.count, 33)
        XCTAssertFalse(early.actors.contains { $0.id == "heatpump" })
        XCTAssertTrue(early.actors.contains { $0.id == "gas-utility" })
        XCTAssertEqual(late.actors.count, 35)
        XCTAssertFalse(late.actors.contains { $0.id == "gas-utility" })
        // The ties of an actor not there that day go with it.
        XCTAssertFalse(late.ties.contains { late.actors[Int($0.source)].id == "gas-utility" || late.actors[Int($0.target)].id == "gas-utility" })
        // Spans include both their days.
        XCTAssertTrue(dated.at(Day(iso: "2025-12-31")!).actors.contains { $0.id == "gas-utility" })
        XCTAssertFalse(dated.at(Day(iso: "2026-01-01")!).actors.contains { $0.id == "gas-utility" })
        let sheets = try XCTUnwrap(loadValid([fixture("waves/westmark-2026")]))
        XCTAssertEqual(Set(late.actors.map(\.id)), Set(sheets.actors.map(\.id)))
        XCTAssertEqual(late.ties.count, sheets.ties.count)
    }

    func testDaysReadAndPrintAsTheyAreWritten() {
        for text in ["1970-01-01", "2024-02-29", "2026-12-31", "1899-12-30", "2400-02-29"] {
            XCTAssertEqual(Day(iso: text)?.description, text)
        }
        XCTAssertEqual(Day(iso: "1970-01-02")?.daysSince1970, 1)
        XCTAssertEqual(Day(iso: "2000-03-01")!.daysSince1970 - Day(iso: "2000-02-28")!.daysSince1970, 2, "2000 is a leap year")
        for bad in ["2025-02-29", "2025-13-01", "2025-1-1", "25-01-01", "2025/01/01", "", "2100-02-29"] {
            XCTAssertNil(Day(iso: bad), bad)
        }
    }
}
