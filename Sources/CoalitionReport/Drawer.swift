import Foundation
import Graphviz

/// Turns a diagram's DOT into SVG, PNG and PDF bytes.
///
/// Graphviz 2.43 keeps state between layouts in a process: the second and later osage layouts
/// of the same graph in one process place the group boxes differently (seen in every pack of
/// both examples), where the first in a fresh process is the same every time. So the pack
/// draws each view in a process of its own — the `coalition` executable's hidden `draw`
/// command, which calls the same library — unless told to draw in this process.
public struct Drawer: Sendable {
    public struct Drawing: Sendable {
        public var svg: Data
        public var png: Data
        public var pdf: Data
    }

    let draw: @Sendable (_ dot: String, _ engine: LayoutEngine, _ date: String) throws -> Drawing

    /// In this process, one layout per view (tests of one pack, or drawing without the executable).
    public static let inProcess = Drawer { dot, engine, date in
        let r = try Graphviz.shared.render(dot: dot, engine: engine, formats: [.svg, .png, .pdf])
        return Drawing(svg: r[0].data, png: r[1].data, pdf: r[2].withPDFCreationDate(date).withCanonicalPDFNumbers().data)
    }

    /// Each view in a child process: `executable draw --engine E --date D --output-prefix P`
    /// with the DOT on its standard input.
    public static func subprocess(executable: String) -> Drawer {
        Drawer { dot, engine, date in
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("coalition-draw-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let prefix = folder.appendingPathComponent("view").path
            let p = Process()
            p.executableURL = URL(fileURLWithPath: executable)
            p.arguments = ["draw", "--engine", engine.rawValue, "--date", date, "--output-prefix", prefix]
            let input = Pipe(), errors = Pipe()
            p.standardInput = input
            p.standardError = errors
            p.standardOutput = FileHandle.nullDevice
            try p.run()
            input.fileHandleForWriting.write(Data(dot.utf8))
            try input.fileHandleForWriting.close()
            let message = errors.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            guard p.terminationReason == .exit, p.terminationStatus == 0 else {
                let why = p.terminationReason == .uncaughtSignal ? "Graphviz crashed (signal \(p.terminationStatus))" : String(decoding: message, as: UTF8.self)
                throw BriefingPack.PackError(description: why.trimmingCharacters(in: .whitespacesAndNewlines))
            }
            return Drawing(svg: try Data(contentsOf: URL(fileURLWithPath: prefix + ".svg")),
                           png: try Data(contentsOf: URL(fileURLWithPath: prefix + ".png")),
                           pdf: try Data(contentsOf: URL(fileURLWithPath: prefix + ".pdf")))
        }
    }
}
