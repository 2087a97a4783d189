import Coalition
import CoalitionIO
import CoalitionOutput
import CoalitionTestSupport
import Foundation
import Graphviz
import XCTest

@testable import CoalitionReport

/// A pack replaces only a folder it wrote: every file at every depth listed in its manifest
/// with the same bytes, checked before the work and again just before the swap.
final class PackFolderTests: XCTestCase {
    let fm = FileManager.default

    func folder() throws -> URL {
        let dir = fm.temporaryDirectory.appendingPathComponent("coalition-packfolder-\(UUID().uuidString)")
        try fm.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir
    }

    func briefing() throws -> Briefing {
        try Briefing(
            session: try AnalysisSession.open([ReportTests.root.appendingPathComponent("fixtures/liveable-streets/mission.yaml").path]),
            audience: .internal)
    }

    /// Every file below `dir`, relative, sorted.
    func listing(_ dir: URL) -> [String] {
        (fm.enumerator(atPath: dir.path)?.allObjects as? [String] ?? []).sorted()
    }

    func write(_ dir: URL, renderer: Renderer = .inProcess) throws -> [String] {
        try BriefingPack.write(try briefing(), to: dir.path, renderer: renderer)
    }

    static let gridFiles: Set<String> = ["diagrams/grid.svg", "diagrams/grid.png", "diagrams/grid.pdf"]

    func testTheManifestListsEveryFileWithItsHashInPathOrder() throws {
        let pack = try folder().appendingPathComponent("pack")
        let written = try write(pack, renderer: ReportTests.renderer)
        XCTAssertEqual(written.last, "coalition-pack.txt")
        let manifest = try String(contentsOf: pack.appendingPathComponent("coalition-pack.txt"), encoding: .utf8)
        let rows = manifest.split(separator: "\n").filter { !$0.hasPrefix("#") }
        XCTAssertEqual(rows.count, 26)
        let paths = rows.map { String($0.split(separator: " ", maxSplits: 2)[2]) }
        XCTAssertEqual(paths, paths.sorted())
        // What older versions wrote, and the power–interest chart (the actors are rated).
        XCTAssertEqual(Set(paths), PackFolder.legacyFiles.union(Self.gridFiles))
        let index = try Data(contentsOf: pack.appendingPathComponent("index.html"))
        XCTAssertTrue(rows.contains { $0.hasSuffix(" \(index.count) index.html") && $0.hasPrefix(PackFolder.sha256(index)) })
        // A second pack of the same input replaces the first, with the same manifest (drawn
        // in processes of their own, as Graphviz lays out differently the second time in one).
        try write(pack, renderer: ReportTests.renderer)
        XCTAssertEqual(try String(contentsOf: pack.appendingPathComponent("coalition-pack.txt"), encoding: .utf8), manifest)
        XCTAssertEqual(listing(pack.deletingLastPathComponent()).filter { !$0.hasPrefix("pack/") }, ["pack"], "nothing left beside it")
    }

    func testAUsersSiteWithAPacksNamesIsNeverReplaced() throws {
        let site = try folder().appendingPathComponent("site")
        for f in ["data", "diagrams"] { try fm.createDirectory(at: site.appendingPathComponent(f), withIntermediateDirectories: true) }
        for f in ["index.html", "report.md", "data/budget.xlsx", "diagrams/logo.svg"] {
            try Data("mine".utf8).write(to: site.appendingPathComponent(f))
        }
        XCTAssertThrowsError(try write(site)) { error in
            XCTAssertEqual("\(error)", "\(site.path) holds data/budget.xlsx, which no briefing pack wrote; nothing was written. Move it out, or choose a new or empty folder")
        }
        XCTAssertEqual(listing(site), ["data", "data/budget.xlsx", "diagrams", "diagrams/logo.svg", "index.html", "report.md"])
        XCTAssertEqual(listing(site.deletingLastPathComponent()).filter { !$0.hasPrefix("site/") }, ["site"])
    }

    func testAFileSavedIntoAnEarlierPackOrAnEditedSheetKeepsIt() throws {
        let pack = try folder().appendingPathComponent("pack")
        try write(pack)
        let budget = pack.appendingPathComponent("data/budget.xlsx")
        try Data("budget".utf8).write(to: budget)
        XCTAssertThrowsError(try write(pack)) { XCTAssertTrue("\($0)".contains("holds data/budget.xlsx, which no briefing pack wrote"), "\($0)") }
        XCTAssertEqual(try Data(contentsOf: budget), Data("budget".utf8))
        try fm.removeItem(at: budget)

        let actors = pack.appendingPathComponent("data/actors.csv")
        let original = try Data(contentsOf: actors)
        var edited = original
        edited[edited.count - 2] = 0x21
        try edited.write(to: actors)
        XCTAssertThrowsError(try write(pack)) { XCTAssertTrue("\($0)".contains("holds data/actors.csv, changed since the pack wrote it"), "\($0)") }
        XCTAssertEqual(try Data(contentsOf: actors), edited)

        // A folder of the user's, even an empty one, counts too.
        try original.write(to: actors)
        try fm.createDirectory(at: pack.appendingPathComponent("diagrams/old"), withIntermediateDirectories: true)
        XCTAssertThrowsError(try write(pack)) { XCTAssertTrue("\($0)".contains("holds diagrams/old/, which no briefing pack wrote"), "\($0)") }
        try fm.removeItem(at: pack.appendingPathComponent("diagrams/old"))
        try write(pack)
    }

    func testAFileSavedWhileTheReportRunsIsKept() throws {
        let pack = try folder().appendingPathComponent("pack")
        try write(pack)
        // The user saves a file into the folder while the views are being drawn.
        let saved = pack.appendingPathComponent("diagrams/annotated.png")
        let meddling = Renderer { dot, engine, formats throws(GraphvizError) in
            if !FileManager.default.fileExists(atPath: saved.path) { try? Data("mine".utf8).write(to: saved) }
            return try Graphviz.shared.render(dot: dot, engine: engine, formats: formats)
        }
        XCTAssertThrowsError(try write(pack, renderer: meddling)) { error in
            XCTAssertTrue("\(error)".contains("now holds diagrams/annotated.png, which no briefing pack wrote; nothing was replaced"), "\(error)")
        }
        XCTAssertEqual(try Data(contentsOf: saved), Data("mine".utf8))
        XCTAssertEqual(listing(pack.deletingLastPathComponent()).filter { !$0.hasPrefix("pack/") }, ["pack"], "the new pack is not left beside it")
    }

    func testAnOlderVersionsPackIsReplacedOnlyWhenWhole() throws {
        let pack = try folder().appendingPathComponent("pack")
        try write(pack)
        // An older version wrote no manifest and no power–interest chart.
        try fm.removeItem(at: pack.appendingPathComponent("coalition-pack.txt"))
        for f in Self.gridFiles { try fm.removeItem(at: pack.appendingPathComponent(f)) }
        try write(pack)  // exactly a pack's files: replaced
        XCTAssertTrue(fm.fileExists(atPath: pack.appendingPathComponent("coalition-pack.txt").path))
        try fm.removeItem(at: pack.appendingPathComponent("coalition-pack.txt"))
        for f in Self.gridFiles { try fm.removeItem(at: pack.appendingPathComponent(f)) }
        try fm.removeItem(at: pack.appendingPathComponent("data/groups.csv"))
        XCTAssertThrowsError(try write(pack)) { XCTAssertTrue("\($0)".contains("but not the rest of a briefing pack (and no coalition-pack.txt)"), "\($0)") }
    }

    func testASymbolicLinkGivenAsTheFolderIsFollowed() throws {
        let dir = try folder()
        let real = dir.appendingPathComponent("real")
        try write(real)
        let link = dir.appendingPathComponent("link")
        try fm.createSymbolicLink(atPath: link.path, withDestinationPath: "real")
        try write(link)
        XCTAssertEqual(try fm.destinationOfSymbolicLink(atPath: link.path), "real")
        XCTAssertTrue(fm.fileExists(atPath: real.appendingPathComponent("index.html").path))
        XCTAssertEqual(listing(dir).filter { !$0.contains("/") }, ["link", "real"])
    }

    func testFoldersLeftByRunsThatStoppedAreCleanedUpOrRestored() throws {
        let dir = try folder()
        let pack = dir.appendingPathComponent("pack")
        try write(pack)
        // A process id that no longer runs.
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/true")
        try p.run()
        p.waitUntilExit()
        let dead = p.processIdentifier
        // A half-built pack, an earlier pack left aside, and a left-aside folder with a user's file.
        let partial = dir.appendingPathComponent("pack.partial-\(dead)")
        try fm.createDirectory(at: partial.appendingPathComponent("diagrams"), withIntermediateDirectories: true)
        try Data("<svg/>".utf8).write(to: partial.appendingPathComponent("diagrams/full.svg"))
        try fm.copyItem(at: pack, to: dir.appendingPathComponent("pack.old-\(dead)"))
        var notes: [String] = []
        try BriefingPack.write(try briefing(), to: pack.path, renderer: .inProcess, note: { notes.append($0) })
        XCTAssertEqual(listing(dir).filter { !$0.contains("/") }, ["pack"])
        XCTAssertEqual(notes, [])

        let kept = dir.appendingPathComponent("pack.old-\(dead)")
        try fm.copyItem(at: pack, to: kept)
        try Data("mine".utf8).write(to: kept.appendingPathComponent("notes.txt"))
        try BriefingPack.write(try briefing(), to: pack.path, renderer: .inProcess, note: { notes.append($0) })
        XCTAssertEqual(notes, ["kept \(kept.path), left by a run that stopped: it holds notes.txt, which no briefing pack wrote"])
        XCTAssertTrue(fm.fileExists(atPath: kept.appendingPathComponent("notes.txt").path))

        // Stopped between moving the pack aside and moving the new one in: the next run puts it back first.
        try fm.removeItem(at: kept)
        try fm.moveItem(at: pack, to: kept)
        notes = []
        let restore = Renderer { _, _, _ throws(GraphvizError) in throw GraphvizError(message: "stop here", details: []) }
        XCTAssertThrowsError(try BriefingPack.write(try briefing(), to: pack.path, renderer: restore, note: { notes.append($0) }))
        XCTAssertTrue(fm.fileExists(atPath: pack.appendingPathComponent("index.html").path))
        XCTAssertEqual(listing(dir).filter { !$0.contains("/") }, ["pack"])
    }

    func testTheExchangeSwapsTwoFoldersInOneStep() throws {
        let dir = try folder()
        let a = dir.appendingPathComponent("a"), b = dir.appendingPathComponent("b")
        for (f, text) in [(a, "A"), (b, "B")] {
            try fm.createDirectory(at: f, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: f.appendingPathComponent("x"))
        }
        XCTAssertTrue(try AtomicFiles.exchange(a.path, b.path))
        XCTAssertEqual(try String(contentsOf: a.appendingPathComponent("x"), encoding: .utf8), "B")
        XCTAssertEqual(try String(contentsOf: b.appendingPathComponent("x"), encoding: .utf8), "A")
        XCTAssertThrowsError(try AtomicFiles.exchange(a.path, dir.appendingPathComponent("missing").path))
    }

    func testWithoutAnAtomicExchangeTheOldPackStaysUntilTheNewOneIsIn() throws {
        PackFolder.exchangeInOneStep = false
        defer { PackFolder.exchangeInOneStep = true }
        let dir = try folder()
        let pack = dir.appendingPathComponent("pack")
        try write(pack)
        let before = try Data(contentsOf: pack.appendingPathComponent("coalition-pack.txt"))
        try write(pack)
        XCTAssertEqual(listing(dir).filter { !$0.contains("/") }, ["pack"], "no .old or .partial folder left")
        XCTAssertEqual(try Data(contentsOf: pack.appendingPathComponent("coalition-pack.txt")).count, before.count)
        // The pack in place is the new one: its manifest lists the bytes now there.
        let manifest = try String(contentsOf: pack.appendingPathComponent("coalition-pack.txt"), encoding: .utf8)
        let index = try Data(contentsOf: pack.appendingPathComponent("index.html"))
        XCTAssertTrue(manifest.contains("\(PackFolder.sha256(index)) \(index.count) index.html"))
        XCTAssertNil(PackFolder.firstForeign(in: pack.path))
    }

    func testAtomicWritesLeaveNoTemporaryFiles() throws {
        let dir = try folder()
        let a = dir.appendingPathComponent("a.csv").path, b = dir.appendingPathComponent("b.csv").path
        try AtomicFiles.write([(a, Data("1".utf8)), (b, Data("2".utf8))])
        XCTAssertEqual(listing(dir), ["a.csv", "b.csv"])
        // The second file cannot be written (its folder is missing): neither is replaced.
        XCTAssertThrowsError(try AtomicFiles.write([(a, Data("new".utf8)), (dir.appendingPathComponent("no/b.csv").path, Data("x".utf8))]))
        XCTAssertEqual(try String(contentsOfFile: a, encoding: .utf8), "1")
        XCTAssertEqual(listing(dir), ["a.csv", "b.csv"])
        // A link is followed; a folder is refused.
        let link = dir.appendingPathComponent("link.csv").path
        try fm.createSymbolicLink(atPath: link, withDestinationPath: "a.csv")
        try AtomicFiles.write(Data("via link".utf8), to: link)
        XCTAssertEqual(try String(contentsOfFile: a, encoding: .utf8), "via link")
        XCTAssertEqual(try fm.destinationOfSymbolicLink(atPath: link), "a.csv")
        XCTAssertThrowsError(try AtomicFiles.write(Data(), to: dir.path)) { XCTAssertTrue("\($0)".hasSuffix("it is a folder; give a file name")) }
    }
}
