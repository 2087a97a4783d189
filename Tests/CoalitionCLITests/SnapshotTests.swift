import CoalitionTestSupport
import Foundation
import XCTest

/// Every command's output on both example missions, byte for byte, against files recorded in
/// `Snapshots/`. Output is an interface (scripts and dashboards read it), so a change must be
/// deliberate: re-record with `COALITION_RECORD_SNAPSHOTS=1 swift test --filter SnapshotTests`
/// and review the diff before committing it.
extension CLITests {
    static let snapshotFolder = root.appendingPathComponent("Tests/CoalitionCLITests/Snapshots")

    /// (snapshot name, arguments); each writes to standard output.
    static var snapshotCases: [(String, [String])] {
        let missions = [("health", "fixtures/healthy-lives-2040/mission.yaml"), ("streets", "fixtures/liveable-streets/mission.yaml")]
        var cases: [(String, [String])] = []
        for (name, mission) in missions {
            cases.append(("\(name)-validate.txt", ["validate", mission]))
            cases.append(("\(name)-validate.json", ["validate", mission, "--format", "json"]))
            cases.append(("\(name)-summary.txt", ["summary", mission]))
            cases.append(("\(name)-summary.json", ["summary", mission, "--format", "json"]))
            for command in ["analyze", "silos", "communities", "willing", "voices", "grid"] {
                cases.append(("\(name)-\(command).txt", [command, mission]))
                cases.append(("\(name)-\(command).json", [command, mission, "--format", "json"]))
                cases.append(("\(name)-\(command).csv", [command, mission, "--format", "csv"]))
            }
            for view in ["full", "groups", "silos", "willing", "voices"] {
                cases.append(("\(name)-view-\(view).gv", ["convert", mission, "--to", "dot", "--view", view]))
            }
            for target in ["graphml", "gexf", "json", "kumu"] {
                cases.append(("\(name)-convert.\(target)", ["convert", mission, "--to", target, "--with-metrics"]))
            }
        }
        cases.append(("health-view-ego.gv", ["convert", missions[0].1, "--to", "dot", "--view", "ego", "--actor", "phi", "--depth", "1"]))
        for format in ["table", "json", "csv"] {
            cases.append(("westmark-compare.\(format == "table" ? "txt" : format)", ["compare", "fixtures/waves/westmark-2025", "fixtures/waves/westmark-2026", "--format", format]))
        }
        let travel = "fixtures/active-travel-2035/mission.yaml"
        for format in ["table", "json", "csv"] {
            cases.append(("travel-portfolio.\(format == "table" ? "txt" : format)", ["portfolio", travel, "--format", format]))
        }
        cases.append(("travel-portfolio-projection.csv", ["portfolio", travel, "--project", "actors", "--weighting", "newman", "--format", "csv"]))
        cases.append(("travel-portfolio-roles.txt", ["portfolio", travel, "--roles", "lead,partner", "--project", "initiatives"]))
        for target in ["graphml", "gexf", "json"] {
            cases.append(("travel-convert.\(target)", ["convert", travel, "--to", target]))
        }
        // Key players: every set tried on the city mission (38 actors); the search on the example.
        cases.append(("streets-keyplayers.json", ["keyplayers", missions[1].1, "--size", "3", "--format", "json"]))
        cases.append(
            ("health-keyplayers.txt", ["keyplayers", missions[0].1, "--size", "3", "--objective", "fragmentation", "--objective", "reach", "--candidates", "kind=cso", "--quiet"]))
        cases.append(("health-whatif.txt", ["whatif", missions[0].1, "--quiet"]))
        cases.append(("health-whatif.json", ["whatif", missions[0].1, "--format", "json", "--quiet"]))
        cases.append(("help.txt", ["--help"]))
        for command in ["report", "validate", "summary", "analyze", "silos", "communities", "willing", "voices", "grid", "portfolio", "keyplayers", "whatif", "compare", "render", "convert", "init"] {
            cases.append(("help-\(command).txt", [command, "--help"]))
        }
        return cases
    }

    func testEveryCommandsOutputMatchesItsSnapshot() throws {
        let record = ProcessInfo.processInfo.environment["COALITION_RECORD_SNAPSHOTS"] == "1"
        try FileManager.default.createDirectory(at: Self.snapshotFolder, withIntermediateDirectories: true)
        var seen: Set<String> = []
        for (name, arguments) in Self.snapshotCases {
            seen.insert(name)
            let r = try run(arguments, environment: ["COLUMNS": "100"])
            XCTAssertEqual(r.status, 0, "\(name): \(r.stderr)")
            let file = Self.snapshotFolder.appendingPathComponent(name)
            if record {
                try Data(r.stdout.utf8).write(to: file)
                continue
            }
            guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
                XCTFail("\(name): no snapshot; record with COALITION_RECORD_SNAPSHOTS=1")
                continue
            }
            if r.stdout != expected {
                let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
                let b = r.stdout.split(separator: "\n", omittingEmptySubsequences: false)
                let line = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
                XCTFail(
                    "\(name) differs from its snapshot at line \(line + 1):\n  was: \(line < a.count ? String(a[line]) : "<end>")\n  now: \(line < b.count ? String(b[line]) : "<end>")"
                )
            }
        }
        // A snapshot no case writes any more is a leftover, not a check.
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.snapshotFolder.path)
        XCTAssertEqual(Set(files).subtracting(seen).sorted(), [], "snapshots with no case")
    }
}

extension CLITests {
    /// The example program uses the libraries alone, and writes what the CLI writes.
    func testTheExampleProgramWritesTheSilosDocumentAndADiagram() throws {
        let dir = try scratch()
        let r = try TestSupport.run(TestSupport.executable("SilosExample"), ["fixtures/healthy-lives-2040/mission.yaml", dir.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "Healthy Longer Lives 2040: 8 sector groups, 10 missing bridges; wrote \(dir.path)/silos.json and \(dir.path)/silos.svg\n")
        let json = try String(contentsOf: dir.appendingPathComponent("silos.json"), encoding: .utf8)
        XCTAssertEqual(json, try String(contentsOf: Self.snapshotFolder.appendingPathComponent("health-silos.json"), encoding: .utf8))
        let svg = try String(contentsOf: dir.appendingPathComponent("silos.svg"), encoding: .utf8)
        XCTAssertTrue(svg.contains("<svg") && svg.contains("Healthy Longer Lives 2040 — silos by sector"), String(svg.prefix(400)))
    }
}
