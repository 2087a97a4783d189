import Coalition
import CoalitionIO
import CoalitionOutput
import CoalitionTestSupport
import Foundation
import Graphviz
import XCTest

final class DiagramTests: XCTestCase {
    func testQuotingKeepsEveryCharacter() {
        XCTAssertEqual(DOTWriter.quoted("Ministry \"A\" \\ B\nline"), "\"Ministry \\\"A\\\" \\\\ B\\nline\"")
        XCTAssertEqual(DOTWriter.quoted("健康局 Ελληνικά القاهرة <&>"), "\"健康局 Ελληνικά القاهرة <&>\"")
    }

    func testDOTOfAViewIsStableAndNamesNoUserTextAsAnID() throws {
        let n = try XCTUnwrap(AnalysisSession.open([TestSupport.fixture("fixtures/healthy-lives-2040/mission.yaml").path]).readNetwork, "the survey's ties: what this test reads is the DOT, not the projection")
        let builder = DiagramBuilder(network: n, missionName: "Healthy Longer Lives 2040", source: "Survey", dataDate: "2026-10-01")
        let values = n.graph().simplified().pageRank().values
        let dot = DOTWriter.write(builder.full(sizeBy: "pagerank", values: values, engine: nil))
        // That the same input gives the same DOT in every process is held by the CLI's snapshots.
        XCTAssertTrue(dot.hasPrefix("graph coalition {\n"))
        XCTAssertTrue(dot.contains("n0 [label=\"\", xlabel=\"Ministry of Health, Welfare and Sport\", shape=box"))
        XCTAssertTrue(dot.contains("start=1"), "fixed layout seed")
        XCTAssertTrue(dot.contains("Healthy Longer Lives 2040 — all actors"))
        // Only kinds that appear are in the legend; opposition is, as the fixture has it.
        XCTAssertTrue(dot.contains("community (circle)"))
        XCTAssertEqual(dot.contains("international (double circle)"), n.actors.contains { $0.kind == .international })
        XCTAssertTrue(dot.contains(">opposition<"))
        let groups = DOTWriter.write(builder.groups(try Grouping(n, by: "sector"), engine: nil))
        XCTAssertTrue(groups.contains("g0 [label=\"economy\\n11 actors, 12 ties inside\""), groups)
    }

    func testLegendShowsOnlyWhatIsDrawn() {
        let net = StakeholderNetwork(
            actors: [Actor(id: "a", kind: .ministry), Actor(id: "b", kind: .cso)],
            ties: [Tie(source: 0, target: 1, commitment: .active)], isDirected: false)
        let d = DiagramBuilder(network: net).full(sizeBy: "degree", values: [1, 1], engine: nil)
        XCTAssertEqual(d.legend.map(\.label), ["ministry (square)", "cso (oval)", "tie (width: strength)"])
        XCTAssertEqual(d.engine, .neato)
        XCTAssertTrue(d.caption.hasSuffix("drawn with Graphviz neato"))
    }
}

extension DiagramTests {
    func testVoicesViewListsEveryExpectedCategoryWithMissingOnesAsPlaceholders() throws {
        let loaded = InputLoader.load([TestSupport.fixture("fixtures/healthy-lives-2040/mission.yaml").path])
        let n = try XCTUnwrap(loaded.network), mission = try XCTUnwrap(loaded.mission)
        let w = WillingAnalysis(n, threshold: mission.willing.minCommitment ?? .pledged, weights: mission.willing.weights)
        let v = VoicesAnalysis(n, mission: mission, willingCore: w.clusters[w.recommended!].members)
        let d = DiagramBuilder(network: n, missionName: mission.name).voices(v, sizeBy: "pagerank", values: [Double](repeating: 1, count: n.actors.count), engine: nil)
        let panel = try XCTUnwrap(d.panels.first)
        XCTAssertEqual(panel.title, "Expected voices")
        XCTAssertEqual(
            panel.items.map(\.label),
            [
                "kind: cso: 23 actors (1 isolated)", "kind: community: underrepresented, 8 actors (4 only consulted), ties/actors 0.32",
                "voice: youth: missing, no actor", "voice: patients: 15 actors", "level: local: 21 actors (4 only consulted)",
            ])
        XCTAssertEqual(panel.items[2].sample, .placeholder)
        // The community groups are highlighted and named; those only consulted say so.
        let communities = n.actors.indices.filter { n.actors[$0].kind == .community }
        XCTAssertTrue(communities.allSatisfy { d.nodes[$0].bold && !d.nodes[$0].faded })
        XCTAssertTrue(d.nodes.contains { $0.label == "Harbour Quarter Residents (only consulted)" })
        XCTAssertTrue(d.nodes.contains { $0.label == "Newcomers Support Network (isolated)" })
        let dot = DOTWriter.write(d)
        XCTAssertTrue(dot.contains("<B>Expected voices</B>"))
        XCTAssertTrue(dot.contains("STYLE=\"dashed\"></TD><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"10\">voice: youth: missing, no actor</FONT>"), dot)
    }

    func testAVoicesViewWithNobodyToPickOutFadesNobody() throws {
        let loaded = InputLoader.load([TestSupport.fixture("fixtures/liveable-streets/mission.yaml").path])
        let n = try XCTUnwrap(loaded.network)
        // Information ties would make five actors only consulted; here only `consultation` does,
        // and the sheets have none.
        var mission = try XCTUnwrap(loaded.mission)
        mission.consultationRelations = ["consultation"]
        let v = VoicesAnalysis(n, mission: mission, willingCore: [])
        XCTAssertTrue(v.consultedOnly.isEmpty && v.isolated.isEmpty && v.outsideMainComponent.isEmpty)
        XCTAssertFalse(v.categories.contains { $0.status == .underrepresented || $0.status == .tooFewToJudge })
        let d = DiagramBuilder(network: n).voices(v, sizeBy: "degree", values: n.actors.map { _ in 1 }, engine: nil)
        XCTAssertFalse(d.nodes.contains(where: \.faded))
        XCTAssertEqual(d.nodes.filter { !$0.label.isEmpty }.count, n.actors.count)
        XCTAssertTrue(d.caption.contains("no actor is in an underrepresented category, only consulted or cut off"))
        XCTAssertEqual(d.panels.first?.items.map(\.label), ["kind: community: 10 actors", "voice: youth: missing, no actor"])
    }

    func testAtMostTheLabelLimitOfActorsAreNamedTheMostCentralFirst() throws {
        let n = try XCTUnwrap(AnalysisSession.open([TestSupport.fixture("fixtures/healthy-lives-2040/mission.yaml").path]).network)
        let values = n.graph().simplified().pageRank().values
        let top = values.indices.max { values[$0] < values[$1] }!
        let d = DiagramBuilder(network: n, labelLimit: 10).full(sizeBy: "pagerank", values: values, engine: nil)
        XCTAssertEqual(d.nodes.filter { !$0.label.isEmpty }.count, 10)
        XCTAssertEqual(d.nodes[top].label, n.actors[top].name)
        XCTAssertTrue(d.caption.contains("names on 10 of 120 actors, the most central"), d.caption)
        XCTAssertEqual(d.nodes.map(\.tooltip).filter(\.isEmpty).count, 0, "every actor keeps its name in the tooltip")
        let all = DiagramBuilder(network: n, labelLimit: 0).full(sizeBy: "pagerank", values: values, engine: nil)
        XCTAssertEqual(all.nodes.filter { !$0.label.isEmpty }.count, 120)
        XCTAssertFalse(all.caption.contains("names on"))
        // The silos view shares names out between the groups: every group box names someone.
        let silos = SiloAnalysis(n, grouping: try Grouping(n, by: "sector"), options: .init())
        let s = DiagramBuilder(network: n, labelLimit: 16).silos(silos.outline, sizeBy: "pagerank", values: values, engine: nil)
        for g in silos.grouping.groups.indices {
            XCTAssertTrue(s.nodes.contains { $0.cluster == g && !$0.label.isEmpty }, silos.grouping.groups[g])
        }
    }
}

extension DiagramTests {
    /// The two change drawings share every actor's position (the union laid out once, then
    /// pinned), mark who joined and left the two ways, and draw the same bytes each time.
    func testTheChangeViewsShareTheirPositions() throws {
        let session = try AnalysisSession.open([TestSupport.fixture("fixtures/healthy-lives-2040/mission.yaml").path])
        let since = try XCTUnwrap(try session.sinceLastWave())
        let (before, after) = try since.changeDiagrams()
        XCTAssertEqual(before.engine, .nop)
        XCTAssertEqual(after.engine, .nop)
        XCTAssertEqual(after.nodes.count, 122, "120 actors now and the 2 who left")
        // The 2025 wave has no participation lists: both drawings are of direct ties, and say so.
        XCTAssertTrue(since.onDirectTiesOnly)
        XCTAssertEqual(since.after.network.ties.count, 348, "the survey's ties, not the 805 with shared initiatives")
        for d in [before, after] { XCTAssertTrue(d.caption.contains("ties: direct ties only (the 2025 wave has no participation lists)"), d.caption) }
        XCTAssertEqual(Dictionary(uniqueKeysWithValues: before.nodes.map { ($0.id, $0.position!) }), Dictionary(uniqueKeysWithValues: after.nodes.map { ($0.id, $0.position!) }))
        let joined = Set(try since.comparison().joined.map { "n\($0)" })
        XCTAssertEqual(Set(after.nodes.filter(\.bold).map(\.id)), joined)
        XCTAssertTrue(before.nodes.filter { joined.contains($0.id) }.allSatisfy(\.faded))
        XCTAssertEqual(after.nodes.filter { $0.id.hasPrefix("l") }.map(\.faded), [true, true])
        XCTAssertEqual(after.edges.filter { $0.color == "#009E73" }.count, try since.comparison().formed.count)
        let dot = DOTWriter.write(after)
        XCTAssertTrue(dot.contains("pos=\""), "positions are written")
        XCTAssertEqual(DOTWriter.write(try since.changeDiagrams().after), dot, "the same layout every time")
        XCTAssertThrowsError(try AnalysisSession.open([TestSupport.fixture("fixtures/liveable-streets/mission.yaml").path]).diagram(.change)) { error in
            XCTAssertEqual("\(error)", "the change views need a mission file that lists an earlier wave (waves:)")
        }
    }
}

extension DiagramTests {
    /// One directed row makes the hand-made mission directed: the drawing still shows each tie
    /// once, as the sheet has it, and only the directed one with an arrow.
    func testADirectedNetworkDrawsItsUndirectedTiesOnceWithoutArrows() throws {
        let session = try AnalysisSession.open([TestSupport.fixture("fixtures/warnings/net-zero-neighbourhoods/mission.yaml").path])
        XCTAssertEqual(session.network.ties.count, 157, "held as arcs")
        let d = try session.diagram(.full)
        XCTAssertEqual(d.edges.count, 79)
        XCTAssertEqual(d.edges.filter { $0.arrowhead == "normal" }.map { "\($0.from)→\($0.to)" }, ["n2→n5"], "Ministry of Finance funds the agency")
        let dot = DOTWriter.write(d)
        XCTAssertEqual(dot.components(separatedBy: "dir=none").count - 1, 76, "76 supporting undirected ties, no arrow")
    }

    /// The portfolio view: an initiative box per initiative with members (bold when
    /// cross-sectoral), the actors taking part, a line per participation; a matrix above 300.
    func testThePortfolioViewDrawsInitiativesAndWhoTakesPart() throws {
        let session = try AnalysisSession.open([TestSupport.fixture("fixtures/active-travel-2035/mission.yaml").path])
        let d = try session.diagram(.portfolio)
        XCTAssertEqual(d.nodes.count, 32 + 14, "the 32 actors taking part and the 14 initiatives")
        XCTAssertEqual(d.edges.count, 68)
        let boxes = d.nodes.filter { $0.shape == "box" && $0.size >= 0.9 }
        XCTAssertEqual(boxes.count, 14)
        XCTAssertEqual(boxes.filter(\.bold).count, 12, "12 of 14 initiatives are cross-sectoral")
        XCTAssertFalse(d.caption.contains("Newman"), "the view draws participations, not projected ties")
        XCTAssertTrue(try session.diagram(.full).caption.contains("ties: shared initiatives, Newman-weighted"))
        let streets = try XCTUnwrap(d.nodes.first { $0.label == "Street Data Standards Working Group" })
        XCTAssertFalse(streets.bold, "one sector alone")
        XCTAssertEqual(d.edges.filter { $0.width > 2 }.count, 14, "one lead per initiative")
        XCTAssertTrue(DOTWriter.write(d).contains("sector: mobility"))
        // Without participations there is no portfolio to draw.
        let plain = try AnalysisSession.open([TestSupport.fixture("fixtures/liveable-streets/mission.yaml").path])
        XCTAssertThrowsError(try plain.diagram(.portfolio))

        // 400 actors in 60 initiatives: the matrix of the 30 largest against the sectors.
        let actors = (0..<400).map { Actor(id: "a\($0)", kind: .cso, sectors: [["health", "mobility", "housing"][$0 % 3]]) }
        var affiliations: [Affiliation] = []
        for j in 0..<60 { for k in 0..<(4 + j % 7) { affiliations.append(Affiliation(actor: Int32((j * 7 + k * 13) % 400), initiative: Int32(j))) } }
        let big = StakeholderNetwork(
            actors: actors, ties: [], isDirected: false,
            portfolio: Portfolio(initiatives: (0..<60).map { Initiative(id: "p\($0)") }, affiliations: affiliations))
        let matrix = try AnalysisSession(network: big).diagram(.portfolio)
        XCTAssertEqual(matrix.engine, .nop)
        XCTAssertEqual(matrix.nodes.filter { $0.id.hasPrefix("r") }.count, 30)
        XCTAssertEqual(matrix.nodes.filter { $0.id.hasPrefix("c") }.map(\.label), ["health", "housing", "mobility"])
        XCTAssertEqual(matrix.nodes.filter { $0.id.hasPrefix("m") }.count, 30 * 3)
        XCTAssertTrue(matrix.nodes.allSatisfy { $0.position != nil })
    }
}

extension DiagramTests {
    func testTheGridChartPlacesEveryRatedActorInItsQuadrantAndMarksTheOpposed() throws {
        let session = try AnalysisSession.open([TestSupport.fixture("fixtures/healthy-lives-2040/mission.yaml").path])
        let d = try session.diagram(.grid)
        let n = session.network
        XCTAssertEqual(d.engine, .nop)
        let markers = d.nodes.filter { $0.id.hasPrefix("n") }
        XCTAssertEqual(markers.count, 120, "every rated actor once")
        XCTAssertTrue(d.nodes.allSatisfy { $0.position != nil })
        // Each marker sits inside the panel of its quadrant.
        let panels = Dictionary(uniqueKeysWithValues: d.nodes.filter { $0.id.hasPrefix("q") && !$0.id.hasPrefix("qt") }.map { ($0.tooltip, $0) })
        XCTAssertEqual(panels.count, 4)
        for e in session.grid().entries {
            let m = try XCTUnwrap(markers.first { $0.id == "n\(e.actor)" }), p = try XCTUnwrap(m.position)
            let title = ["manage closely": "Players — manage closely", "keep satisfied": "Context setters — keep satisfied",
                "keep informed": "Subjects — keep informed", "monitor": "Crowd — monitor"][e.quadrant.rawValue]!
            let panel = try XCTUnwrap(panels[title]), c = try XCTUnwrap(panel.position)
            XCTAssertLessThan(abs(p.x - c.x), panel.size * 36, "\(n.actors[e.actor].name) in \(title)")
            XCTAssertLessThan(abs(p.y - c.y), try XCTUnwrap(panel.height) * 36, "\(n.actors[e.actor].name) in \(title)")
        }
        // The opposed stand out: vermilion, dashed, named in vermilion; the sugar producers sit
        // among the players.
        let sugar = try XCTUnwrap(n.actors.firstIndex { $0.name == "Sugar Producers Association" })
        let marker = try XCTUnwrap(markers.first { $0.id == "n\(sugar)" })
        XCTAssertEqual(marker.fill, "#D55E00")
        XCTAssertTrue(marker.dashed)
        XCTAssertEqual(d.nodes.first { $0.id == "t\(sugar)" }?.fontColor, "#B34700")
        XCTAssertEqual(session.grid().entries.first { $0.actor == sugar }?.quadrant, .manageClosely)
        // Every hidden influencer is named with ▲, every over-rated actor with ▼.
        let labels = Set(d.nodes.filter { $0.id.hasPrefix("t") }.map(\.label))
        for e in session.grid().entries where e.finding != nil {
            XCTAssertTrue(labels.contains(n.actors[e.actor].name + (e.finding == "hidden influencer" ? " ▲" : " ▼")), n.actors[e.actor].name)
        }
        XCTAssertEqual(labels.count, 40, "the default label limit")
        XCTAssertTrue(d.caption.contains("budget and legal power do not show in ties"))
        XCTAssertTrue(d.caption.contains("declared power (influence, 0–5) up, declared interest right"))
        // Drawn, the positions stay where they were put (nop removes no overlaps).
        let svg = String(decoding: try Graphviz.shared.render(dot: DOTWriter.write(d), engine: .nop, format: .svg).data, as: UTF8.self)
        func after(_ title: String, _ attribute: String) throws -> String {
            let start = try XCTUnwrap(svg.range(of: "<title>\(title)</title>"))
            let key = try XCTUnwrap(svg.range(of: " \(attribute)=\"", range: start.upperBound..<svg.endIndex))
            return String(svg[key.upperBound...].prefix { $0 != "\"" })
        }
        // The players' panel, left to right, and the marker's place across it: the same
        // fraction in the SVG as in the diagram.
        let corners = try after("q1", "points").split(separator: " ").map { Double($0.split(separator: ",")[0])! }
        let cx = try XCTUnwrap(Double(try after("n\(sugar)", "cx")))
        let panel = try XCTUnwrap(panels["Players — manage closely"]), centre = try XCTUnwrap(panel.position).x
        let fraction = (try XCTUnwrap(marker.position).x - (centre - panel.size * 36)) / (panel.size * 72)
        XCTAssertEqual((cx - corners.min()!) / (corners.max()! - corners.min()!), fraction, accuracy: 0.01)
        // The workshop's ratings: the opposed shopkeepers among the players, the ministry
        // powerful but distant; a power of 0 puts the scale's 0 on the chart.
        let streets = try AnalysisSession.open([TestSupport.fixture("fixtures/liveable-streets/mission.yaml").path])
        let chart = try streets.diagram(.grid)
        XCTAssertEqual(chart.nodes.filter { $0.id.hasPrefix("n") }.count, 38)
        XCTAssertEqual(chart.nodes.filter { $0.id.hasPrefix("xi") }.map(\.label), ["0", "1", "2", "3", "4", "5"])
        let shops = try XCTUnwrap(streets.network.actors.firstIndex { $0.id == "shops" })
        XCTAssertEqual(streets.grid().entries.first { $0.actor == shops }?.quadrant, .manageClosely)
        XCTAssertEqual(chart.nodes.first { $0.id == "t\(shops)" }?.fontColor, "#B34700")
        // Without ratings there is no grid to draw.
        let unrated = AnalysisSession(network: StakeholderNetwork(actors: [Actor(id: "a"), Actor(id: "b")], ties: [Tie(source: 0, target: 1)], isDirected: false))
        XCTAssertThrowsError(try unrated.diagram(.grid)) { XCTAssertTrue("\($0)".contains("rated for influence and interest")) }
    }
}
