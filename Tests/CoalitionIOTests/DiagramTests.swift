import Coalition
import CoalitionIO
import Foundation
import XCTest

final class DiagramTests: XCTestCase {
    func testQuotingKeepsEveryCharacter() {
        XCTAssertEqual(DOTWriter.quoted("Ministry \"A\" \\ B\nline"), "\"Ministry \\\"A\\\" \\\\ B\\nline\"")
        XCTAssertEqual(DOTWriter.quoted("健康局 Ελληνικά القاهرة <&>"), "\"健康局 Ελληνικά القاهرة <&>\"")
    }

    func testDOTOfAViewIsStableAndNamesNoUserTextAsAnID() throws {
        let n = try XCTUnwrap(loadValid([fixture("healthy-lives-2040/mission.yaml")]))
        let builder = DiagramBuilder(network: n, missionName: "Healthy Longer Lives 2040", source: "Survey", dataDate: "2026-10-01")
        let values = n.graph().simplified().pageRank().values
        let dot = DOTWriter.write(builder.full(sizeBy: "pagerank", values: values, engine: nil))
        XCTAssertEqual(dot, DOTWriter.write(builder.full(sizeBy: "pagerank", values: values, engine: nil)))
        XCTAssertTrue(dot.hasPrefix("graph coalition {\n"))
        XCTAssertTrue(dot.contains("n0 [label=\"\", xlabel=\"Ministry of Health, Welfare and Sport\", shape=box"))
        XCTAssertTrue(dot.contains("start=1"), "fixed layout seed")
        XCTAssertTrue(dot.contains("Healthy Longer Lives 2040 — all actors"))
        // Only kinds that appear are in the legend; opposition is, as the fixture has it.
        XCTAssertTrue(dot.contains("community (circle)"))
        XCTAssertFalse(dot.contains("international (doublecircle)") == false && !n.actors.contains { $0.kind == .international })
        XCTAssertTrue(dot.contains(">opposition<"))
        let groups = DOTWriter.write(builder.groups(try Grouping(n, by: "sector"), engine: nil))
        XCTAssertTrue(groups.contains("g0 [label=\"economy\\n11 actors, 12 ties inside\""), groups)
    }

    func testLegendShowsOnlyWhatIsDrawn() {
        let net = StakeholderNetwork(actors: [Actor(id: "a", kind: .ministry), Actor(id: "b", kind: .cso)],
                                     ties: [Tie(source: 0, target: 1, commitment: .active)], isDirected: false)
        let d = DiagramBuilder(network: net).full(sizeBy: "degree", values: [1, 1], engine: nil)
        XCTAssertEqual(d.legend.map(\.label), ["ministry", "cso", "tie (width: strength)"])
        XCTAssertEqual(d.engine, "neato")
        XCTAssertTrue(d.caption.hasSuffix("drawn with Graphviz neato"))
    }
}
