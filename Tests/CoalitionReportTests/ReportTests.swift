import Coalition
import CoalitionIO
import CoalitionOutput
import CoalitionTestSupport
import Foundation
import Graphviz
import XCTest

@testable import CoalitionReport

#if canImport(FoundationXML)
    import FoundationXML
#endif

final class ReportTests: XCTestCase {
    static let root = TestSupport.root
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("golden")

    /// Views drawn through the built `coalition` executable's render mode, each in a fresh
    /// process, as `coalition report` draws them: the golden files hold its bytes.
    var renderer: Renderer { Self.renderer }
    static var renderer: Renderer { .freshProcess(executable: TestSupport.executable().path) }

    func briefing(_ mission: String, audience: Briefing.Audience = .internal) throws -> Briefing {
        let path = mission.hasPrefix("/") ? mission : Self.root.appendingPathComponent(mission).path
        return try Briefing(session: try AnalysisSession.open([path]), audience: audience)
    }

    /// report.md and findings.json against the committed copies (COALITION_UPDATE_GOLDEN=1
    /// rewrites them; read the diff before committing).
    func testGoldenReportsAndFindings() throws {
        for (name, mission, audience) in [
            ("healthy-lives-2040", "fixtures/healthy-lives-2040/mission.yaml", Briefing.Audience.internal),
            ("healthy-lives-2040-external", "fixtures/healthy-lives-2040/mission.yaml", .external),
            ("liveable-streets", "fixtures/liveable-streets/mission.yaml", .internal),
            ("active-travel-2035", "fixtures/active-travel-2035/mission.yaml", .internal),
        ] {
            let dir = try temporaryFolder().appendingPathComponent("pack")
            try BriefingPack.write(try briefing(mission, audience: audience), to: dir.path, renderer: renderer)
            // The power–interest chart: drawn inside the organisation when actors are rated.
            let chart = FileManager.default.fileExists(atPath: dir.appendingPathComponent("diagrams/grid.svg").path)
            XCTAssertEqual(chart, name == "healthy-lives-2040" || name == "liveable-streets", name)
            for file in ["report.md", "data/findings.json"] + (chart ? ["diagrams/grid.svg"] : []) {
                let produced = try String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8)
                let goldenFile = Self.golden.appendingPathComponent(name).appendingPathComponent((file as NSString).lastPathComponent)
                if ProcessInfo.processInfo.environment["COALITION_UPDATE_GOLDEN"] == "1" {
                    try FileManager.default.createDirectory(at: goldenFile.deletingLastPathComponent(), withIntermediateDirectories: true)
                    try produced.write(to: goldenFile, atomically: true, encoding: .utf8)
                }
                let expected = try String(contentsOf: goldenFile, encoding: .utf8)
                if produced != expected {
                    let a = produced.split(separator: "\n", omittingEmptySubsequences: false), b = expected.split(separator: "\n", omittingEmptySubsequences: false)
                    let line = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
                    XCTFail(
                        "\(name)/\(file) differs from the golden copy at line \(line + 1):\n  got:      \(line < a.count ? a[line] : "(end)")\n  expected: \(line < b.count ? b[line] : "(end)")"
                    )
                }
            }
        }
    }

    func testThePlantedFindingsAreSaid() throws {
        let b = try briefing("fixtures/healthy-lives-2040/mission.yaml")
        let key = b.findings.filter(\.isKey).map(\.code)
        XCTAssertEqual(
            key,
            [
                "network.overview", "holders.broker", "holders.cut-points", "silos.inward", "silos.missing-bridge",
                "silos.unconnected-ministries", "willing.recommended", "willing.members", "willing.recruit", "willing.recruit", "willing.recruit",
                "voices.missing", "voices.underrepresented", "voices.consulted-only", "camps.opponent", "camps.opponent", "camps.opponent",
                // The portfolio's own (fixtures/healthy-lives-2040/README.md).
                "portfolio.overview", "portfolio.cross-sectoral", "portfolio.sectors-never-meet", "portfolio.connector",
                "portfolio.without-civil-society", "portfolio.voice-missing",
            ])
        // No initiative has both a health and a food actor: the survey's 2 ties stay the only
        // ones, while the shared initiatives raise the ties expected from 32.5 to 56.7.
        let bridge = try XCTUnwrap(b.findings.first { $0.code == "silos.missing-bridge" && $0.isKey })
        XCTAssertEqual(bridge.groups, ["food", "health"])
        XCTAssertEqual(bridge.numbers["ties"], 2)
        XCTAssertEqual(try XCTUnwrap(bridge.numbers["expectedTies"]), 56.7, accuracy: 0.05)
        let inward = try XCTUnwrap(b.findings.first { $0.code == "silos.inward" })
        XCTAssertEqual(inward.groups, ["food"])
        XCTAssertEqual(inward.text.prefix(36), "Food works inward: E-I index −0.21 (")
        // The 12 planted and 5 more: the Ministry of Health, the research council, the GPs, the
        // heart patients and GreenCart (through the social supermarkets table, at pledged).
        XCTAssertEqual(b.findings.first { $0.code == "willing.recommended" }?.numbers["size"], 17)
        XCTAssertEqual(b.findings.first { $0.code == "portfolio.voice-missing" }?.text, "No actor speaking for youth takes part in any initiative.")
        // Every member of the cluster, and the other clusters by name.
        XCTAssertEqual(b.findings.first { $0.code == "willing.members" }?.actors.count, 17)
        XCTAssertEqual(
            b.findings.first { $0.code == "willing.others" }?.text,
            "2 other willing clusters: the 4 actors around University of Northmoor and Federation of Amateur Sports Clubs; and the 6 actors around Municipality of Stonebridge and Municipality of Harbourside.")
        XCTAssertEqual(b.findings.first { $0.code == "voices.missing" }?.text, "No actor speaks for youth: this voice is missing.")
        XCTAssertTrue(b.findings.contains { $0.code == "camps.opposition" && $0.isSensitive })
        // What if they leave: the four municipalities that alone tie a community group to the
        // rest, then the mission's three scenarios, which an external pack leaves out.
        XCTAssertEqual(
            b.findings.filter { $0.section == .resilience }.map(\.code),
            ["resilience.cut-point", "resilience.cut-point", "resilience.cut-point", "resilience.cut-point", "resilience.scenario", "resilience.scenario", "resilience.scenario-holds"])
        XCTAssertEqual(
            b.findings.first { $0.code == "resilience.cut-point" }?.text, "If Municipality of Oakdale left, 1 actor would be cut off from the rest: Oakdale Walking Group.")
        XCTAssertEqual(
            b.findings.first { $0.text.hasPrefix("“the innovation agency reorganised”") }?.text,
            "“the innovation agency reorganised” — if National Innovation Agency left: economy and food would become a missing bridge; and the community of the willing would go from 17 to 16 actors.")
        let external = try briefing("fixtures/healthy-lives-2040/mission.yaml", audience: .external)
        XCTAssertEqual(external.findings.filter { $0.section == .resilience }.map(\.code), ["resilience.cut-point", "resilience.cut-point", "resilience.cut-point", "resilience.cut-point"])
        XCTAssertTrue(b.findings.contains { $0.code.hasPrefix("grid.") })

        // What to do next: each action from its evidence, an omitted finding taking its action.
        XCTAssertEqual(b.nextSteps.map(\.code), ["next.bridge", "next.recruit", "next.seat", "next.inform", "next.ministries"])
        XCTAssertEqual(b.nextSteps[0].text, "Bridge food and health through National Public Health Institute, the actor best placed to tie them.")
        XCTAssertEqual(b.nextSteps[2].text, "Give youth a seat at the table: no actor speaks for them today.")
        XCTAssertEqual(b.nextSteps[3].evidence, ["grid.hidden-influencer-11"], "Institute for Nutrition Research, highest by network position")
        for step in b.nextSteps { for id in step.evidence { XCTAssertTrue(b.findings.contains { $0.id == id }, "\(step.code): \(id)") } }
        XCTAssertEqual(external.nextSteps.map(\.code), ["next.bridge", "next.recruit", "next.seat", "next.backup"])
        XCTAssertFalse(external.findings.contains { $0.code == "silos.unconnected-ministries" }, "the mission's external.omit")
        // The opposition among the key findings, each opponent with whom it stands against.
        let opponents = b.findings.filter { $0.code == "camps.opponent" }
        XCTAssertEqual(opponents.filter(\.isKey).count, 3)
        XCTAssertTrue(opponents[0].text.hasPrefix("Sugar Producers Association opposes the mission; it stands against Ministry of Health, Welfare and Sport, Heart and Vessel Foundation and Consumer Health Alliance"), opponents[0].text)
        XCTAssertTrue(b.findings.contains { $0.code == "voices.consulted-only" && $0.isKey })
    }

    func testThePageIsWellFormedAndItsLinksResolve() throws {
        let dir = try temporaryFolder().appendingPathComponent("pack")
        let files = try BriefingPack.write(try briefing("fixtures/healthy-lives-2040/mission.yaml"), to: dir.path, renderer: renderer)
        XCTAssertEqual(files.filter { $0.hasPrefix("diagrams/") }.count, 21, "7 views in 3 formats, the portfolio's and the power–interest chart among them")
        let data = try Data(contentsOf: dir.appendingPathComponent("index.html"))
        final class Collector: NSObject, XMLParserDelegate {
            var ids = Set<String>(), links: [String] = [], svgs = 0, figures = 0, images = 0
            var error: String?
            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
                if let id = attributes["id"] { ids.insert(id) }
                if name == "a", let href = attributes["href"] { links.append(href) }
                if name == "svg" { svgs += 1 }
                if name == "figure" { figures += 1 }
                if attributes["role"] == "img", attributes["aria-label"]?.isEmpty == false { images += 1 }
            }
            func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) { error = "line \(parser.lineNumber): \(parseError)" }
        }
        let parser = XMLParser(data: data)
        let collector = Collector()
        parser.delegate = collector
        XCTAssertTrue(parser.parse(), collector.error ?? "")
        XCTAssertEqual(collector.svgs, 7, "every diagram inline")
        XCTAssertEqual(collector.figures, 7)
        XCTAssertEqual(collector.images, 7, "every diagram has its text alternative")
        XCTAssertTrue(collector.ids.contains("diagram-grid"), "the chart stands in the grid section")
        for link in collector.links {
            if link.hasPrefix("#") {
                XCTAssertTrue(collector.ids.contains(String(link.dropFirst())), "\(link) has no target")
            } else {
                XCTAssertFalse(link.contains("://"), "\(link): the page works offline")
                XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent(link).path), "\(link) is not in the pack")
            }
        }
        let html = String(decoding: data, as: UTF8.self)
        XCTAssertFalse(html.contains("<link") || html.contains("src=\"http"), "nothing loaded from elsewhere")
        XCTAssertTrue(html.contains("INTERNAL — "))
        // Each measure's column head carries its plain-words explanation on hover.
        XCTAssertTrue(html.contains("<th scope=\"col\" title=\"\(Glossary.line("betweenness")!)\">betweenness</th>"), "betweenness column head")
        XCTAssertTrue(html.contains("@media print"))
    }

    func testTheSameInputGivesTheSameBytes() throws {
        let b = try briefing("fixtures/liveable-streets/mission.yaml")
        let one = try temporaryFolder().appendingPathComponent("a"), two = try temporaryFolder().appendingPathComponent("b")
        let files = try BriefingPack.write(b, to: one.path, renderer: renderer)
        Thread.sleep(forTimeInterval: 1.1)
        try BriefingPack.write(try briefing("fixtures/liveable-streets/mission.yaml"), to: two.path, renderer: renderer)
        for f in files {
            XCTAssertEqual(try Data(contentsOf: one.appendingPathComponent(f)), try Data(contentsOf: two.appendingPathComponent(f)), f)
        }
    }

    func testAnExternalPackIsSafeToCirculate() throws {
        // A mission with named people, a sensitive column and an opposed camp.
        let dir = try temporaryFolder()
        try """
        name: People Test
        data_date: 2026-11-01
        actors: actors.csv
        ties: ties.csv
        sensitive_columns: [stance, notes]
        personal_data: true
        external: {omit: [silos.unconnected-ministries]}
        """.write(to: dir.appendingPathComponent("mission.yaml"), atomically: true, encoding: .utf8)
        // A person under kind person, one under an everyday word for it, one entered as a CSO
        // but with a personal title; a ministry that meets the other through no one.
        try """
        id,name,kind,sector,stance,influence,interest,notes,budget
        moh,Ministry of Health,ministry,health,supportive,5,4,keen,100
        ana,Ana Pereira,person,health,opposed,2,5,blocks everything,0
        cso,Patients Forum,cso,health,supportive,3,5,,1
        uni,Northmoor University,university,research,neutral,2,2,,2
        bo,Bo Lindqvist,expert,research,supportive,1,4,,0
        lena,Dr Lena Ortiz,cso,health,supportive,2,3,,0
        mof,Ministry of Finance,ministry,finance,neutral,5,1,,0
        """.write(to: dir.appendingPathComponent("actors.csv"), atomically: true, encoding: .utf8)
        try """
        source,target,relation,strength
        moh,cso,funding,3
        moh,uni,partnership,2
        ana,moh,opposition,2
        bo,uni,partnership,1
        bo,cso,information,1
        ana,cso,information,1
        lena,cso,partnership,2
        """.write(to: dir.appendingPathComponent("ties.csv"), atomically: true, encoding: .utf8)
        let mission = dir.appendingPathComponent("mission.yaml").path
        let session = try AnalysisSession.open([mission])
        XCTAssertEqual(
            session.diagnostics.filter { $0.severity == .warning }.map(\.code), [.unknownKind, .personalTitle],
            "\"expert\" is read as person with a warning, kind person passes, and Dr Lena Ortiz entered as a CSO is flagged")
        XCTAssertEqual(session.network.actors[1].kind, .person)
        let external = try briefing(mission, audience: .external)
        XCTAssertEqual(
            external.shown.actors.map(\.name),
            ["Ministry of Health", "Person 1", "Patients Forum", "Northmoor University", "Person 2", "Person 3", "Ministry of Finance"])
        XCTAssertEqual(external.shown.actors.map(\.id), ["moh", "person-1", "cso", "uni", "person-2", "person-3", "mof"])
        XCTAssertFalse(external.findings.contains { $0.isSensitive })
        XCTAssertFalse(external.findings.contains { $0.code == "silos.unconnected-ministries" }, "omitted by the mission")
        let pack = dir.appendingPathComponent("pack")
        let files = try BriefingPack.write(external, to: pack.path, renderer: renderer)
        // Every file, the PDFs as their text: no sensitive value, no omitted finding.
        let pdftotext = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext"].first { FileManager.default.isExecutableFile(atPath: $0) }
        XCTAssertNotNil(pdftotext, "pdftotext (Debian's poppler-utils) reads the PDFs' text; scripts/setup --tests installs it")
        var pdfs = 0
        for f in files where !f.hasSuffix(".png") {
            var text = String(decoding: try Data(contentsOf: pack.appendingPathComponent(f)), as: UTF8.self)
            if f.hasSuffix(".pdf") {
                guard let pdftotext else { continue }
                let p = Process()
                p.executableURL = URL(fileURLWithPath: pdftotext)
                p.arguments = [pack.appendingPathComponent(f).path, "-"]
                let out = Pipe()
                p.standardOutput = out
                try p.run()
                let data = out.fileHandleForReading.readDataToEndOfFile()
                p.waitUntilExit()
                text = String(decoding: data, as: UTF8.self)
                XCTAssertTrue(text.contains("People Test"), "\(f): pdftotext reads its title")
                pdfs += 1
            }
            for secret in [
                "Ana Pereira", "Bo Lindqvist", "Lena Ortiz", "opposed", "blocks everything", "keen", "budget", "oppositionTies", "camps.opposition",
                "grid.", "id=\"grid\"", "Power–interest grid</", "## Power–interest grid", "share neither a tie nor a contact", "unconnected-ministries",
            ] {
                XCTAssertFalse(text.contains(secret), "\(f) holds \"\(secret)\"")
            }
        }
        XCTAssertEqual(pdfs, pdftotext == nil ? 0 : 5, "the five views' PDFs were read")
        for f in ["data/ties.csv", "data/network.graphml", "data/network.gexf"] {
            let text = String(decoding: try Data(contentsOf: pack.appendingPathComponent(f)), as: UTF8.self)
            XCTAssertFalse(text.contains(">opposition<") || text.contains(",opposition,") || text.contains("kind=\"opposition\""), "\(f) holds an opposition tie")
        }
        XCTAssertTrue(String(decoding: try Data(contentsOf: pack.appendingPathComponent("index.html")), as: UTF8.self).contains("EXTERNAL — safe to circulate"))
        // The provenance names files, never folders.
        let findings = String(decoding: try Data(contentsOf: pack.appendingPathComponent("data/findings.json")), as: UTF8.self)
        XCTAssertFalse(findings.contains(dir.path))
        XCTAssertTrue(findings.contains("\"file\" : \"actors.csv\""))
        // The internal pack has them all.
        let inside = try briefing(mission)
        XCTAssertEqual(inside.shown.actors[1].name, "Ana Pereira")
        XCTAssertTrue(inside.findings.contains { $0.code == "camps.opposition" })
        XCTAssertTrue(inside.findings.contains { $0.code == "silos.unconnected-ministries" })
    }

    func testAMissionWithNoActorsYetGivesAPackThatSaysSo() throws {
        let dir = try temporaryFolder()
        try "name: Not Started\nactors: actors.csv\nties: ties.csv\n".write(to: dir.appendingPathComponent("mission.yaml"), atomically: true, encoding: .utf8)
        try "id,name,kind\n".write(to: dir.appendingPathComponent("actors.csv"), atomically: true, encoding: .utf8)
        try "source,target\n".write(to: dir.appendingPathComponent("ties.csv"), atomically: true, encoding: .utf8)
        let b = try briefing(dir.appendingPathComponent("mission.yaml").path)
        XCTAssertEqual(b.findings.map(\.code), ["network.empty"])
        let files = try BriefingPack.write(b, to: dir.appendingPathComponent("pack").path, renderer: renderer)
        XCTAssertEqual(files.count, 24)
    }

    func testAFailedPackLeavesNothingBehind() throws {
        let dir = try temporaryFolder()
        let blocker = dir.appendingPathComponent("file")
        try Data("x".utf8).write(to: blocker)
        XCTAssertThrowsError(try BriefingPack.write(try briefing("fixtures/liveable-streets/mission.yaml"), to: blocker.path + "/pack", renderer: renderer))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["file"])
        // A view Graphviz cannot draw stops the pack, and the old pack stays as it was.
        let pack = dir.appendingPathComponent("pack")
        try BriefingPack.write(try briefing("fixtures/liveable-streets/mission.yaml"), to: pack.path, renderer: renderer)
        let before = try Data(contentsOf: pack.appendingPathComponent("index.html"))
        let broken = Renderer.freshProcess(executable: "/bin/false")
        XCTAssertThrowsError(try BriefingPack.write(try briefing("fixtures/liveable-streets/mission.yaml"), to: pack.path, renderer: broken))
        XCTAssertEqual(try Data(contentsOf: pack.appendingPathComponent("index.html")), before)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted(), ["file", "pack"])
        // A folder of other files is never replaced.
        let mine = dir.appendingPathComponent("mine")
        try FileManager.default.createDirectory(at: mine, withIntermediateDirectories: true)
        try Data("keep me".utf8).write(to: mine.appendingPathComponent("notes.txt"))
        XCTAssertThrowsError(try BriefingPack.write(try briefing("fixtures/liveable-streets/mission.yaml"), to: mine.path, renderer: renderer)) { error in
            XCTAssertTrue("\(error)".hasSuffix("holds notes.txt, which no briefing pack wrote; nothing was written. Move it out, or choose a new or empty folder"), "\(error)")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: mine.path), ["notes.txt"])
    }
}

extension ReportTests {
    /// Counts agree with their nouns and verbs in every finding, from the templates.
    func testFindingTemplatesAgreeWithTheirCounts() {
        XCTAssertEqual(FindingTemplates.sentence("voices.isolated", ["count": "1", "names": "Newcomers"]), "1 actor has no supporting tie at all: Newcomers.")
        XCTAssertEqual(FindingTemplates.sentence("voices.isolated", ["count": "3", "names": "A, B and C"]), "3 actors have no supporting tie at all: A, B and C.")
        XCTAssertEqual(
            FindingTemplates.sentence("camps.opposition", ["count": "1", "opponents": "Landlords Association", "opponentCount": "1"]),
            "1 opposition tie divides the coalition; Landlords Association opposes the mission.")
        XCTAssertEqual(
            FindingTemplates.sentence(
                "camps.opposition", ["count": "2", "opponents": "A and B", "opponentCount": "2", "between": "C", "betweenCount": "1"]),
            "2 opposition ties divide the coalition; A and B oppose the mission, and C sits between the camps.")
        // A bracket in a name is the name's, not a choice.
        XCTAssertEqual(FindingTemplates.agreeing("{{name}} and [one|many]", ["name": "1"]), "{{name}} and one")
        XCTAssertEqual(
            FindingTemplates.sentence("voices.cut-off", ["count": "1", "names": "Ferry [north|south] Users"]), "1 actor is cut off from the main network: Ferry [north|south] Users.")
        for (code, template) in FindingTemplates.english {
            XCTAssertFalse(template.contains("{{count}} actors"), "\(code) writes a count without agreement")
        }
    }
}

extension ReportTests {
    /// The example mission lists its 2025 wave: the pack says what changed since, with the
    /// comparison in data/changes.json, and an external pack shows no opposition there either.
    func testAPackOfAMissionWithWavesSaysWhatChanged() throws {
        let mission = TestSupport.fixture("fixtures/healthy-lives-2040/mission.yaml").path
        let session = try AnalysisSession.open([mission])
        let since = try XCTUnwrap(try session.sinceLastWave())
        XCTAssertEqual(since.label(true), "2025")
        XCTAssertEqual(since.before.mission?.consultationRelations, ["consultation"], "the earlier wave is judged by this mission's keys")
        let b = try Briefing(session: session, audience: .internal, since: since)
        let change = try XCTUnwrap(b.change)
        XCTAssertEqual(change.comparison.joined.map { b.network.actors[$0].id }, ["cso-foodbank", "cso-sportsfed", "comm-eastside", "comm-walking-club", "cso-nature-health"])
        XCTAssertEqual(change.comparison.left.map { change.before.actors[$0].id }, ["cso-obesity", "pharmacy-chain"])
        let keys = b.findings.filter { $0.section == .change && $0.isKey }.map(\.code)
        XCTAssertTrue(keys.contains("change.groups-together"), "\(keys)")
        XCTAssertEqual(
            b.findings.first { $0.code == "change.groups-together" }?.text, "Food and research now work together: 4 ties where there were none.")
        let dir = try temporaryFolder().appendingPathComponent("pack")
        try BriefingPack.write(b, to: dir.path, renderer: renderer)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("data/changes.json"))) as! [String: Any]
        XCTAssertEqual(json["before"] as? String, "2025")
        let report = try String(contentsOf: dir.appendingPathComponent("report.md"), encoding: .utf8)
        XCTAssertTrue(report.contains("### What changed since 2025"))
        XCTAssertTrue(report.contains("## What changed since 2025\n\nCompared on direct ties only: the 2025 wave has no participation lists, and the ties the other wave's initiatives give would all read as change.\n\n**Joined and left**\n\n| actor | kind | sector | change |\n| --- | --- | --- | --- |\n| Food Bank Network | cso | social, food | joined |"), report)
        let external = try Briefing(session: session, audience: .external, since: since)
        XCTAssertFalse(external.change!.comparison.relations.contains { $0.relation.isOpposition })
        // A wave whose files are not there is the mission file's error, at the wave.
        let broken = try temporaryFolder()
        try "name: M\nactors: a.csv\nwaves:\n  - {label: \"2025\", actors: old/a.csv, ties: old/t.csv}\n".write(
            to: broken.appendingPathComponent("mission.yaml"), atomically: true, encoding: .utf8)
        try "id\nx\n".write(to: broken.appendingPathComponent("a.csv"), atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try AnalysisSession.open([broken.appendingPathComponent("mission.yaml").path])) { error in
            XCTAssertEqual(
                (error as! InputError).diagnostics.first?.description,
                "\(broken.path)/mission.yaml:4:5: error: the wave \"2025\" names \"\(broken.path)/old/a.csv\", which does not exist [bad-mission]")
        }
    }

    /// A mission held as participation lists alone gets the whole pack: the analyses on the
    /// actors tied by shared initiatives (said in the header and the methods), the portfolio's
    /// findings and table, and its sheets in data/; circulated without roles and budgets.
    func testAPackFromParticipationListsAlone() throws {
        let mission = "fixtures/active-travel-2035/mission.yaml"
        let b = try briefing(mission)
        XCTAssertEqual(b.tieBasis, "ties: shared initiatives, Newman-weighted")
        XCTAssertEqual(b.analysis.network.supportingPairs, 126)
        let portfolioKeys = b.findings.filter { $0.section == .portfolio && $0.isKey }.map(\.code)
        XCTAssertTrue(portfolioKeys.contains("portfolio.overview"), "\(portfolioKeys)")
        XCTAssertEqual(b.portfolioTable?.count, 14)
        XCTAssertEqual(b.portfolioTable?.first, ["School Streets Pilot", "6", "education, health, mobility", "yes", "Riverton City Council", "yes"])
        let dir = try temporaryFolder().appendingPathComponent("pack")
        try BriefingPack.write(b, to: dir.path, renderer: renderer)
        let report = try String(contentsOf: dir.appendingPathComponent("report.md"), encoding: .utf8)
        XCTAssertTrue(report.contains("33 actors, 126 supporting ties (ties: shared initiatives, Newman-weighted)"), report)
        XCTAssertTrue(report.contains("## The portfolio\n\nWho takes part in which initiative: 68 participations."), report)
        XCTAssertTrue(report.contains("- **Ties from shared initiatives** — "), report)
        let page = try String(contentsOf: dir.appendingPathComponent("index.html"), encoding: .utf8)
        XCTAssertTrue(page.contains("<h2 id=\"portfolio-title\">The portfolio</h2>"))
        XCTAssertTrue(page.contains("<a href=\"#portfolio-tables\">The portfolio</a>"))
        let affiliations = try String(contentsOf: dir.appendingPathComponent("data/affiliations.csv"), encoding: .utf8)
        XCTAssertTrue(affiliations.hasPrefix("actor,initiative,role,commitment,budget\nriverton,school-streets,lead,leading,150000\n"), affiliations)
        XCTAssertEqual(try String(contentsOf: dir.appendingPathComponent("data/initiatives.csv"), encoding: .utf8).split(separator: "\n").count, 15)

        let external = try briefing(mission, audience: .external)
        XCTAssertEqual(external.portfolioTable?.first?[4], "", "no lead in a circulated pack")
        let out = try temporaryFolder().appendingPathComponent("pack")
        try BriefingPack.write(external, to: out.path, renderer: renderer)
        let circulated = try String(contentsOf: out.appendingPathComponent("data/affiliations.csv"), encoding: .utf8)
        XCTAssertTrue(circulated.hasPrefix("actor,initiative,commitment\n"), circulated)
        XCTAssertFalse(try String(contentsOf: out.appendingPathComponent("data/initiatives.csv"), encoding: .utf8).contains("budget"))
        XCTAssertFalse(try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8).contains("| lead |"))

        // A mission that publishes its roles keeps the leads, and still not the budgets.
        let open = try temporaryFolder()
        let source = Self.root.appendingPathComponent("fixtures/active-travel-2035")
        for f in ["actors.csv", "initiatives.csv", "participations.csv"] {
            try FileManager.default.copyItem(at: source.appendingPathComponent(f), to: open.appendingPathComponent(f))
        }
        let original = try String(contentsOf: source.appendingPathComponent("mission.yaml"), encoding: .utf8)
        let text = original + "public_columns: [roles]\n"
        try text.write(to: open.appendingPathComponent("mission.yaml"), atomically: true, encoding: .utf8)
        let published = try briefing(open.appendingPathComponent("mission.yaml").path, audience: .external)
        XCTAssertEqual(published.mission.publicColumns, [.role])
        XCTAssertEqual(published.portfolioTable?.first?[4], "Riverton City Council")
        let withRoles = try temporaryFolder().appendingPathComponent("pack")
        try BriefingPack.write(published, to: withRoles.path, renderer: renderer)
        let rows = try String(contentsOf: withRoles.appendingPathComponent("data/affiliations.csv"), encoding: .utf8)
        XCTAssertTrue(rows.hasPrefix("actor,initiative,role,commitment\nriverton,school-streets,lead,leading\n"), rows)
        XCTAssertTrue(try String(contentsOf: withRoles.appendingPathComponent("report.md"), encoding: .utf8).contains("| lead |"))
        // Anything else is the mission file's error, at the key.
        try (original + "public_columns: [stance]\n").write(to: open.appendingPathComponent("mission.yaml"), atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try AnalysisSession.open([open.appendingPathComponent("mission.yaml").path])) { error in
            XCTAssertTrue("\(error)".contains("public_columns takes role and budget"), "\(error)")
        }
    }
}
