import Foundation
import XCTest

/// What the tool promises about bad input and about files, held to from the command line.
extension CLITests {
    func scratch() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("coalition-hardening-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir
    }

    func listing(_ dir: URL) -> [String] {
        (FileManager.default.enumerator(atPath: dir.path)?.allObjects as? [String] ?? []).sorted()
    }

    func testNumbersThatDoNotFitAreUsageOrInputErrorsNotCrashes() throws {
        let usage = try run(["willing", "fixtures/healthy-lives-2040/mission.yaml", "--min-commitment", "1e300"])
        XCTAssertEqual(usage.status, 64, usage.stderr)
        XCTAssertTrue(usage.stderr.hasPrefix("Error: --min-commitment must be one of none, exploring, pledged, active, leading, or 0–4"), usage.stderr)
        for value in ["nan", "inf", "-1e308"] {
            XCTAssertEqual(try run(["voices", "fixtures/healthy-lives-2040/mission.yaml", "--min-commitment", value]).status, 64, value)
        }
        // Strengths that overflow when merged: validate refuses, and analyze never gets to write inf.
        let inputs = ["fixtures/invalid/actors.csv", "fixtures/invalid/ties-strength-overflow.csv"]
        let v = try run(["validate"] + inputs)
        XCTAssertEqual(v.status, 1)
        XCTAssertTrue(v.stdout.contains("ties-strength-overflow.csv:3:1: error: this repeats the tie"), v.stdout)
        let a = try run(["analyze", "--format", "json"] + inputs)
        XCTAssertEqual(a.status, 1)
        XCTAssertEqual(a.stdout, "")
        XCTAssertFalse(a.stderr.contains("EncodingError"), a.stderr)
        let dir = try scratch()
        let gexf = try run(["convert", "--to", "gexf", "--output", dir.appendingPathComponent("n.gexf").path] + inputs)
        XCTAssertEqual(gexf.status, 1)
        XCTAssertEqual(listing(dir), [], "nothing written")
    }

    func testConvertToCSVWritesBothSheetsOrNeither() throws {
        let dir = try scratch()
        let out = dir.appendingPathComponent("sheets")
        let r = try run(["convert", "fixtures/liveable-streets/mission.yaml", "--to", "csv", "--output", out.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(listing(out), ["actors.csv", "ties.csv"], "no temporary files left")
        // Into a path that is a file: refused, the file untouched.
        let file = dir.appendingPathComponent("file")
        try Data("mine".utf8).write(to: file)
        let refused = try run(["convert", "fixtures/liveable-streets/mission.yaml", "--to", "csv", "--output", file.path])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("is a file; --to csv writes actors.csv and ties.csv into a folder"), refused.stderr)
        XCTAssertEqual(try Data(contentsOf: file), Data("mine".utf8))
        // A folder given as a single file's output: refused, nothing replaced.
        let folder = try run(["convert", "fixtures/liveable-streets/mission.yaml", "--to", "graphml", "--output", out.path])
        XCTAssertEqual(folder.status, 1)
        XCTAssertTrue(folder.stderr.contains("it is a folder; give a file name"), folder.stderr)
        XCTAssertEqual(listing(out), ["actors.csv", "ties.csv"])
    }

    func testReportOutputFolderSpellings() throws {
        let dir = try scratch()
        let mission = CLITests.root.appendingPathComponent("fixtures/liveable-streets/mission.yaml").path
        // ".": the current folder, when empty, becomes the pack.
        let here = dir.appendingPathComponent("here")
        try FileManager.default.createDirectory(at: here, withIntermediateDirectories: true)
        let dot = try run(["report", mission, "--output-dir", ".", "--quiet"], in: here)
        XCTAssertEqual(dot.status, 0, dot.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: here.appendingPathComponent("index.html").path))
        XCTAssertEqual(listing(dir).filter { !$0.contains("/") }, ["here"], "no ..partial folder left")
        // "DIR/" is DIR.
        let slash = try run(["report", mission, "--output-dir", "pack/", "--quiet"], in: dir)
        XCTAssertEqual(slash.status, 0, slash.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent("pack/coalition-pack.txt").path))
        // An empty name is a usage error.
        let empty = try run(["report", mission, "--output-dir", "", "--quiet"], in: dir)
        XCTAssertEqual(empty.status, 64)
        XCTAssertTrue(empty.stderr.contains("--output-dir must name a folder, found an empty name"), empty.stderr)
        XCTAssertFalse(empty.stderr.contains("NSCocoaErrorDomain"))
        // A folder of the user's: exit 1, naming the first file that is theirs.
        let site = dir.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site.appendingPathComponent("data"), withIntermediateDirectories: true)
        try Data("x".utf8).write(to: site.appendingPathComponent("index.html"))
        try Data("x".utf8).write(to: site.appendingPathComponent("data/budget.xlsx"))
        let foreign = try run(["report", mission, "--output-dir", site.path, "--quiet"])
        XCTAssertEqual(foreign.status, 1)
        XCTAssertTrue(foreign.stderr.contains("holds data/budget.xlsx, which no briefing pack wrote; nothing was written"), foreign.stderr)
        XCTAssertEqual(listing(site), ["data", "data/budget.xlsx", "index.html"])
    }

    func testOutputPathsEndingInASlashAreRefusedNotCrashes() throws {
        let dir = try scratch()
        for args in [["summary", "fixtures/liveable-streets/mission.yaml", "--output"], ["render", "fixtures/liveable-streets/mission.yaml", "--view", "groups", "--output"]] {
            let r = try run(args + [dir.appendingPathComponent("b").path + "/"])
            XCTAssertEqual(r.status, 1, "\(args[0]): \(r.stderr)")
            XCTAssertTrue(r.stderr.hasSuffix("/b/: it names a folder; give a file name\n"), r.stderr)
        }
        XCTAssertEqual(listing(dir), [])
    }

    func testPDFsAreIdenticalInEveryTimeZone() throws {
        let dir = try scratch()
        var files: [Data] = []
        for zone in ["UTC", "Asia/Tokyo", "America/Los_Angeles"] {
            let path = dir.appendingPathComponent("\(zone.replacingOccurrences(of: "/", with: "-")).pdf").path
            let r = try run(["render", "fixtures/liveable-streets/mission.yaml", "--view", "groups", "--format", "pdf", "--output", path], environment: ["TZ": zone])
            XCTAssertEqual(r.status, 0, r.stderr)
            files.append(try Data(contentsOf: URL(fileURLWithPath: path)))
        }
        XCTAssertEqual(files[0], files[1])
        XCTAssertEqual(files[0], files[2])
        XCTAssertNotNil(files[0].range(of: Data("/CreationDate (D:20260915000000Z)".utf8)))
    }
}

extension CLITests {
    /// A 122-actor mission (the example and two actors with names in other scripts) whose full
    /// view's PNG came out in three versions over six processes while its caption's lines were
    /// joined in one cell.
    func testThePNGOfAViewIsTheSameInEveryProcess() throws {
        let dir = try scratch()
        let source = CLITests.root.appendingPathComponent("fixtures/healthy-lives-2040")
        for f in ["mission.yaml", "actors.csv", "ties.csv", "initiatives.csv", "participations.csv", "wave-2025"] {
            try FileManager.default.copyItem(at: source.appendingPathComponent(f), to: dir.appendingPathComponent(f))
        }
        let actors = try FileHandle(forWritingTo: dir.appendingPathComponent("actors.csv"))
        actors.seekToEndOfFile()
        actors.write(
            Data(
                "youth-x,Jeugdraad Zuid – Ümraniye Gençlik,community,social,local,1,4,supportive,youth,pledged,,\nfirm-y,Øresund Ålesund Häagen Co. 株式会社,business,food,national,3,2,neutral,,exploring,,\n"
                    .utf8))
        try actors.close()
        let ties = try FileHandle(forWritingTo: dir.appendingPathComponent("ties.csv"))
        ties.seekToEndOfFile()
        ties.write(Data("youth-x,min-health,consultation,1,pledged,\nfirm-y,youth-x,partnership,2,active,\nfirm-y,uni-open-u,funding,1,,\n".utf8))
        try ties.close()
        var pngs = Set<Data>()
        for i in 0..<5 {
            let out = dir.appendingPathComponent("full-\(i).png").path
            let r = try run(["render", dir.appendingPathComponent("mission.yaml").path, "--view", "full", "--format", "png", "--output", out])
            XCTAssertEqual(r.status, 0, r.stderr)
            pngs.insert(try Data(contentsOf: URL(fileURLWithPath: out)))
        }
        XCTAssertEqual(pngs.count, 1, "one PNG over five processes")
    }
}

extension CLITests {
    /// An id that starts with `#` is quoted in every CSV output, so that a sheet reader does not
    /// take its row for a comment line.
    func testAnalyzeCSVQuotesALeadingHash() throws {
        let dir = try scratch()
        try Data("id,name,kind\n\"#7\",Hash Seven,cso\nb,Bee,ministry\n".utf8).write(to: dir.appendingPathComponent("actors.csv"))
        try Data("source,target\n\"#7\",b\n".utf8).write(to: dir.appendingPathComponent("ties.csv"))
        let r = try run(["analyze", "actors.csv", "ties.csv", "--format", "csv"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        let rows = r.stdout.split(separator: "\n")
        XCTAssertTrue(rows[1].hasPrefix("\"#7\",Hash Seven,"), String(rows[1]))
        // Read back as a sheet, the row is an actor, not a comment.
        try Data(r.stdout.utf8).write(to: dir.appendingPathComponent("measures.csv"))
        let back = try run(["summary", "measures.csv", "--format", "json"], in: dir)
        XCTAssertEqual(back.status, 0, back.stderr)
        let doc = try JSONSerialization.jsonObject(with: Data(back.stdout.utf8)) as! [String: Any]
        XCTAssertEqual(doc["actors"] as? Int, 2)
    }
}
