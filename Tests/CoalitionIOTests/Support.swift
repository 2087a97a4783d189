import Coalition
import CoalitionIO
import Foundation
import XCTest

/// The package's root folder, found from this file's path.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

func fixture(_ relative: String) -> String {
    packageRoot.appendingPathComponent("fixtures").appendingPathComponent(relative).path
}

/// Loads inputs and fails the test on any error.
func loadValid(_ paths: [String], options: LoadOptions = .init(), file: StaticString = #filePath, line: UInt = #line) -> StakeholderNetwork? {
    let loaded = InputLoader.load(paths, options: options)
    XCTAssertFalse(loaded.diagnostics.hasErrors, loaded.diagnostics.entries.map(\.description).joined(separator: "\n"), file: file, line: line)
    return loaded.network
}

/// Reads a CSV text given inline.
func sheet(_ text: String, name: String = "t.csv", options: AssemblyOptions = .init(actorsFromTies: true)) throws -> (StakeholderNetwork, DiagnosticLog) {
    var file = try CSVFile(name: name, data: Data(text.utf8))
    var asm = NetworkAssembler(options: options)
    try file.read(into: &asm)
    return asm.finish()
}

extension XCTestCase {
    /// A new folder for this test, removed when it ends.
    func temporaryFolder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("coalition-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir
    }
}
