import Foundation

/// Where drawings are made: in this process, or each in a fresh process of this executable.
///
/// Graphviz 2.43 keeps layout state in a process: the second and later osage layouts of the
/// same graph place the group boxes differently (seen in every pack of both examples), where the
/// first in a fresh process is the same every time. A program that draws several views and wants
/// each drawn as on its own uses ``freshProcess``, which re-runs the current executable in a
/// render mode. So installs stay one binary, and nobody needs to know another program's
/// command-line syntax, the executable enters that mode with one call, first thing in `main`:
///
/// ```swift
/// Renderer.serveIfAsked()
/// ```
///
/// Every renderer makes PDFs reproducible the same way: the creation date is `pdfDate` at
/// midnight UTC and cairo's numbers are written in one canonical form (``Rendering``).
public struct Renderer: Sendable {
    public typealias Body = @Sendable (_ dot: String, _ engine: LayoutEngine, _ formats: [RenderFormat]) throws(GraphvizError) -> [Rendering]

    private let body: Body

    /// A renderer that does `body` (tests use it to stand in for Graphviz); PDFs it returns are
    /// made reproducible as by every renderer.
    public init(_ body: @escaping Body) { self.body = body }

    /// In this process, through ``Graphviz/shared``: right for one drawing per process.
    public static let inProcess = Renderer { dot, engine, formats throws(GraphvizError) in
        try Graphviz.shared.render(dot: dot, engine: engine, formats: formats)
    }

    /// Each drawing in a fresh process of the running executable, which must call
    /// ``serveIfAsked()`` at the top of its `main`.
    public static var freshProcess: Renderer { freshProcess(executable: Bundle.main.executablePath ?? CommandLine.arguments[0]) }

    /// Each drawing in a fresh process of `executable` (one that calls ``serveIfAsked()``).
    public static func freshProcess(executable: String) -> Renderer {
        Renderer { dot, engine, formats throws(GraphvizError) in
            try ChildProcess.render(executable: executable, dot: dot, engine: engine, formats: formats)
        }
    }

    /// Lays `dot` out once with `engine` and renders it in each of `formats`, in order.
    /// - Parameter pdfDate: the date (YYYY-MM-DD) a PDF states as its creation date.
    public func render(dot: String, engine: LayoutEngine, formats: [RenderFormat], pdfDate: String) throws(GraphvizError) -> [Rendering] {
        let drawn = try body(dot, engine, formats)
        guard drawn.count == formats.count else {
            throw GraphvizError(message: "the renderer returned \(drawn.count) drawings for \(formats.count) formats", details: [])
        }
        return zip(formats, drawn).map { format, r in format == .pdf ? r.withPDFCreationDate(pdfDate).withCanonicalPDFNumbers() : r }
    }

    /// In a process started by ``freshProcess``: draws what the parent sent, writes it back and
    /// exits. Anywhere else it returns at once. Call it first thing in `main`.
    public static func serveIfAsked() {
        let arguments = CommandLine.arguments
        guard arguments.count == 4, arguments[1] == ChildProcess.modeArgument else { return }
        exit(ChildProcess.serve(engine: arguments[2], formats: arguments[3]))
    }
}

/// The render mode's wire format, private to this file's two ends: the parent runs
/// `EXECUTABLE --graphviz-render ENGINE FORMATS` with the DOT on standard input; the child answers
/// on standard output with length-prefixed blocks (8-byte little-endian length, then the bytes):
/// per format its drawing and its warnings (lines), and exits 0; or, failing, the message and the
/// details, and exits 3. Hand-written because it is eight lines each way and no library is
/// needed for it.
enum ChildProcess {
    static let modeArgument = "--graphviz-render"

    static func serve(engine: String, formats: String) -> Int32 {
        let dot = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        var out = Data()
        func block(_ data: Data) {
            withUnsafeBytes(of: UInt64(data.count).littleEndian) { out.append(contentsOf: $0) }
            out.append(data)
        }
        let status: Int32
        do throws(GraphvizError) {
            guard let engine = LayoutEngine(rawValue: engine) else {
                throw GraphvizError(message: "no layout engine \"\(engine)\"", details: [])
            }
            let kinds = try formats.split(separator: ",").map { (name: Substring) throws(GraphvizError) -> RenderFormat in
                guard let f = RenderFormat(rawValue: String(name)) else { throw GraphvizError(message: "no format \"\(name)\"", details: []) }
                return f
            }
            for r in try Graphviz.shared.render(dot: dot, engine: engine, formats: kinds) {
                block(r.data)
                block(Data(r.warnings.joined(separator: "\n").utf8))
            }
            status = 0
        } catch {
            block(Data(error.message.utf8))
            block(Data(error.details.joined(separator: "\n").utf8))
            status = 3
        }
        FileHandle.standardOutput.write(out)
        return status
    }

    static func render(executable: String, dot: String, engine: LayoutEngine, formats: [RenderFormat]) throws(GraphvizError) -> [Rendering] {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = [modeArgument, engine.rawValue, formats.map(\.rawValue).joined(separator: ",")]
        let input = Pipe(), output = Pipe()
        p.standardInput = input
        p.standardOutput = output
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch {
            throw GraphvizError(message: "could not start \(executable) to draw: \(error.localizedDescription)", details: [])
        }
        // A child that exits before reading (not a renderer, or crashed) must not take this
        // process down with SIGPIPE: the failed write is an error like any other, told below.
        signal(SIGPIPE, SIG_IGN)
        // The child reads all of its input before it writes, so this order cannot deadlock.
        try? input.fileHandleForWriting.write(contentsOf: Data(dot.utf8))
        try? input.fileHandleForWriting.close()
        let answer = output.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        var blocks: [Data] = []
        var at = answer.startIndex
        while answer.endIndex - at >= 8 {
            var length: UInt64 = 0
            withUnsafeMutableBytes(of: &length) { $0.copyBytes(from: answer[at..<at + 8]) }
            at += 8
            let n = Int(UInt64(littleEndian: length))
            guard n <= answer.endIndex - at else { break }
            blocks.append(answer.subdata(in: at..<at + n))
            at += n
        }
        func text(_ d: Data) -> [String] { d.isEmpty ? [] : String(decoding: d, as: UTF8.self).components(separatedBy: "\n") }
        if p.terminationReason == .exit, p.terminationStatus == 0, blocks.count == 2 * formats.count {
            return stride(from: 0, to: blocks.count, by: 2).map { Rendering(data: blocks[$0], warnings: text(blocks[$0 + 1])) }
        }
        if p.terminationReason == .exit, p.terminationStatus == 3, blocks.count == 2 {
            throw GraphvizError(message: String(decoding: blocks[0], as: UTF8.self), details: text(blocks[1]))
        }
        let why =
            p.terminationReason == .uncaughtSignal
            ? "Graphviz crashed while drawing (signal \(p.terminationStatus))"
            : "\(executable) did not answer as a renderer (exit \(p.terminationStatus)); it must call Renderer.serveIfAsked() first in main"
        throw GraphvizError(message: why, details: [])
    }
}
