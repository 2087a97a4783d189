import Coalition
import CoalitionDOT
import CoalitionIO
import Foundation
import XCTest

/// What the test targets share, so that each does not keep its own copy.
public enum TestSupport {
    /// The repository's root folder.
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A fixture by its path from the repository root.
    public static func fixture(_ path: String) -> URL { root.appendingPathComponent(path) }

    /// A built executable of this package (`coalition`, `SilosExample`): the build products
    /// folder holds it beside the test bundle.
    public static func executable(_ name: String = "coalition") -> URL {
        var dir = Bundle.main.bundleURL
        while !FileManager.default.isExecutableFile(atPath: dir.appendingPathComponent(name).path) && dir.path != "/" {
            dir.deleteLastPathComponent()
        }
        return dir.appendingPathComponent(name)
    }

    /// A new empty folder under the system's temporary folder, named for `purpose`; the caller
    /// removes it (``TemporaryFolder`` does so when it goes).
    public static func temporaryFolder(_ purpose: String = "test") throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("coalition-\(purpose)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    public struct Run: Sendable { public var status: Int32; public var stdout: String; public var stderr: String }

    /// Runs `executable` with `arguments` in `directory` (default: the repository root).
    public static func run(
        _ executable: URL, _ arguments: [String], in directory: URL = root, environment: [String: String] = [:],
        input: Data? = nil
    ) throws -> Run {
        let p = Process()
        p.executableURL = executable
        p.arguments = arguments
        if !environment.isEmpty { p.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        p.currentDirectoryURL = directory
        let out = Pipe(), err = Pipe(), stdin = Pipe()
        p.standardOutput = out
        p.standardError = err
        if input != nil { p.standardInput = stdin }
        try p.run()
        if let input {
            stdin.fileHandleForWriting.write(input)
            try stdin.fileHandleForWriting.close()
        }
        // Standard error is read on another thread so that neither pipe can fill and stall the child.
        nonisolated(unsafe) var e = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            e = err.fileHandleForReading.readDataToEndOfFile(); group.leave()
        }
        let o = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        p.waitUntilExit()
        return Run(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }
}

/// A fixture's path, from the repository's `fixtures/` folder.
public func fixture(_ relative: String) -> String {
    TestSupport.root.appendingPathComponent("fixtures").appendingPathComponent(relative).path
}

/// Loads inputs and fails the test on any error.
public func loadValid(_ paths: [String], options: LoadOptions = .init(), file: StaticString = #filePath, line: UInt = #line) -> StakeholderNetwork? {
    let loaded = InputLoader.load(paths, options: options.dotReader == nil ? options.readingDOT : options)
    XCTAssertFalse(loaded.diagnostics.hasErrors, loaded.diagnostics.entries.map(\.description).joined(separator: "\n"), file: file, line: line)
    return loaded.network
}

extension XCTestCase {
    /// A new folder for this test, removed when it ends.
    public func temporaryFolder() throws -> URL {
        let dir = try TestSupport.temporaryFolder()
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir
    }
}
