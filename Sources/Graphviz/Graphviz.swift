internal import CGraphviz
import Foundation
import Synchronization

/// A Graphviz layout engine.
public enum LayoutEngine: String, Sendable, CaseIterable {
    case dot, neato, fdp, sfdp, circo, twopi, osage
    /// Keeps every node at its `pos` and routes the edges: for drawings that must share
    /// positions (two waves of one network).
    case nop
}

/// An output format Graphviz renders to memory.
public enum RenderFormat: String, Sendable, CaseIterable {
    case svg, png, pdf, dot, xdot, json
}

/// A failure inside Graphviz, with every message it gave.
public struct GraphvizError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var details: [String]
    public var description: String { ([message] + details).joined(separator: "\n") }

    public init(message: String, details: [String]) {
        self.message = message
        self.details = details
    }
}

/// The result of a render: the bytes, and Graphviz's warnings (never printed).
public struct Rendering: Sendable {
    public var data: Data
    public var warnings: [String]
}

/// Renders DOT text with the Graphviz C library, in memory.
///
/// Graphviz is not thread-safe anywhere in a process (two threads with separate contexts
/// crash its parser), so every call goes through one lock around one context that lives for
/// the process. Messages Graphviz would print to stderr are captured and returned.
public final class Graphviz: Sendable {
    public static let shared = Graphviz()

    private let state: Mutex<State>

    private struct State: @unchecked Sendable {
        let context: OpaquePointer?
    }

    private init() {
        state = Mutex(State(context: nil))
        state.withLock { s in
            installErrorCapture()
            s = State(context: gvContext())
        }
    }

    /// Lays out `dot` with `engine` and renders it as `format`.
    /// - Throws: ``GraphvizError`` for malformed DOT, an unknown engine or format (naming the
    ///   Debian package to install), or a layout that fails.
    public func render(dot: String, engine: LayoutEngine = .dot, format: RenderFormat = .svg) throws(GraphvizError) -> Rendering {
        try render(dot: dot, engine: engine, formats: [format])[0]
    }

    /// Lays `dot` out once and renders it in each of `formats`, in order: the drawings agree
    /// with each other, and a layout engine's state in the process is touched once.
    ///
    /// With a PNG among the formats, and an engine other than osage, drawn in two passes: the
    /// layout is written out as DOT (positions in hundredths of a point) and every format drawn
    /// from that text with no layout of its own (Graphviz's `nop2`, as `neato -n2`). Drawn
    /// straight from the layout, the PNG of a 122-actor view came out in two versions over six
    /// processes (`neato -Tpng` itself does the same), the text of the graph's label a fraction
    /// of a pixel apart, while the SVG, the PDF and the laid-out DOT were the same every time;
    /// drawn from the DOT, 8 of 8 were identical. The second pass costs little but writing the
    /// DOT does: sfdp on 10,000 nodes takes 5.2 s to SVG, 7.3 s to DOT, then 0.9 s to draw.
    public func render(dot: String, engine: LayoutEngine, formats: [RenderFormat]) throws(GraphvizError) -> [Rendering] {
        var source = dot
        var engineName = engine.rawValue
        if engine != .osage, formats.contains(.png) {
            source = try withGraph(dot) { (graph, context) throws(GraphvizError) -> String in
                try layout(graph, context, engine.rawValue)
                defer { gvFreeLayout(context, graph) }
                return String(decoding: try renderLaidOut(graph, context, .dot).data, as: UTF8.self)
            }
            engineName = "nop2"
        }
        return try withGraph(source) { (graph, context) throws(GraphvizError) -> [Rendering] in
            try layout(graph, context, engineName)
            defer { gvFreeLayout(context, graph) }
            var out: [Rendering] = []
            for format in formats { out.append(try renderLaidOut(graph, context, format)) }
            return out
        }
    }

    private func layout(_ graph: UnsafeMutablePointer<Agraph_t>, _ context: OpaquePointer, _ engine: String) throws(GraphvizError) {
        guard gvLayout(context, graph, engine) != 0 else { return }
        let details = takeMessages()
        if details.contains(where: { $0.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("Use one of:") }) {
            throw GraphvizError(
                message: "Graphviz finds no layout plugins: its plugin configuration is missing. Reinstall the Debian package libgvc6 (or run `dot -c` as root)", details: details)
        }
        if details.contains(where: { $0.contains("not recognized") }) {
            throw GraphvizError(message: "the layout engine \"\(engine)\" is not installed; install the Debian package libgvc6 (graphviz's plugins)", details: details)
        }
        throw GraphvizError(message: "Graphviz could not lay out the graph with \(engine)", details: details)
    }

    private func renderLaidOut(_ graph: UnsafeMutablePointer<Agraph_t>, _ context: OpaquePointer, _ format: RenderFormat) throws(GraphvizError) -> Rendering {
        var buffer: UnsafeMutablePointer<CChar>?
        var length: UInt32 = 0
        let status = gvRenderData(context, graph, format.rawValue, &buffer, &length)
        // gvRenderData can hand back a buffer even when it fails: always free it.
        defer { if let buffer { gvFreeRenderData(buffer) } }
        guard status == 0, let buffer else {
            let package = format == .png || format == .pdf ? "libgvc6 (its cairo plugin renders PNG and PDF)" : "libgvc6"
            throw GraphvizError(message: "Graphviz cannot render \(format.rawValue); install the Debian package \(package)", details: takeMessages())
        }
        var data = Data(bytes: buffer, count: Int(length))
        if format == .svg { data = Self.fixingViewBox(data) }
        return Rendering(data: data, warnings: takeMessages())
    }

    /// Graphviz 2.43 writes an SVG whose viewBox stays in points at 72 dpi while its drawing is
    /// scaled by dpi/72 (with `dpi=120`, by 1.67): every viewer shows only the top-left part.
    /// The viewBox is set to the width and height the file declares, which the scaled drawing
    /// fills.
    static func fixingViewBox(_ svg: Data) -> Data {
        var text = String(decoding: svg, as: UTF8.self)
        guard let open = text.range(of: "<svg"), let close = text.range(of: ">", range: open.upperBound..<text.endIndex) else { return svg }
        let tag = String(text[open.lowerBound..<close.upperBound])
        func attribute(_ name: String) -> String? {
            guard let r = tag.range(of: " \(name)=\""), let end = tag.range(of: "\"", range: r.upperBound..<tag.endIndex) else { return nil }
            return String(tag[r.upperBound..<end.lowerBound])
        }
        guard let width = attribute("width").flatMap({ Double($0.replacingOccurrences(of: "pt", with: "")) }),
            let height = attribute("height").flatMap({ Double($0.replacingOccurrences(of: "pt", with: "")) }),
            let box = attribute("viewBox")
        else { return svg }
        let fixed = tag.replacingOccurrences(of: "viewBox=\"\(box)\"", with: "viewBox=\"0.00 0.00 \(String(format: "%.2f", width)) \(String(format: "%.2f", height))\"")
        text.replaceSubrange(open.lowerBound..<close.upperBound, with: fixed)
        return Data(text.utf8)
    }

    /// Parses `dot` and runs `body` on the graph, under the lock; the graph is closed after.
    func withGraph<T>(_ dot: String, _ body: (UnsafeMutablePointer<Agraph_t>, OpaquePointer) throws(GraphvizError) -> T) throws(GraphvizError) -> T {
        let result: Result<T, GraphvizError> = state.withLock { s in
            capturedMessages.withLock { $0.removeAll() }
            guard let context = s.context else {
                return .failure(GraphvizError(message: "Graphviz could not start (gvContext failed)", details: []))
            }
            guard !dot.isEmpty, let graph = cg_read_memory(dot) else {
                return .failure(GraphvizError(message: dot.isEmpty ? "no DOT text to render" : "Graphviz could not parse the DOT text", details: takeMessages()))
            }
            defer { agclose(graph) }
            // The parser can give up part way and still hand back a graph (a "memory exhausted"
            // at 5,000 nested subgraphs left it empty): an error it reported means no graph.
            if capturedMessages.withLock({ $0.contains { $0.hasPrefix("Error") } }) {
                return .failure(GraphvizError(message: "Graphviz could not parse the DOT text", details: takeMessages()))
            }
            do throws(GraphvizError) { return .success(try body(graph, context)) } catch { return .failure(error) }
        }
        return try result.get()
    }
}

// Graphviz reports through a C callback that cannot capture context: messages go to this
// buffer, read and cleared under the render lock.
private let capturedMessages = Mutex<[String]>([])

private func installErrorCapture() {
    _ = agseterrf { message in
        if let message { capturedMessages.withLock { $0.append(String(cString: message)) } }
        return 0
    }
}

/// Graphviz sends a message in pieces; join them and split into lines.
private func takeMessages() -> [String] {
    let joined = capturedMessages.withLock { parts -> String in
        defer { parts.removeAll() }
        return parts.joined()
    }
    return joined.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
}

extension Rendering {
    /// Cairo 1.16 writes the current time as the PDF's /CreationDate, in the local time zone
    /// (`D:20261001090000+09'00` in Tokyo), and ignores SOURCE_DATE_EPOCH; replace it with
    /// `date` (YYYY-MM-DD) at midnight UTC, `D:YYYYMMDD000000Z`, so the same input gives the
    /// same bytes in every time zone. The file is laid out anew for the new length; one not laid
    /// out as cairo lays its files out gets the date at the old length instead.
    public func withPDFCreationDate(_ date: String) -> Rendering {
        let digits = date.filter(\.isNumber)
        guard digits.count == 8 else { return self }
        let marker = Array("/CreationDate (D:".utf8)
        let stamp = Array("\(digits)000000Z".utf8)
        let rewritten = CanonicalPDF.rewrite([UInt8](data)) { object in
            guard let start = object.firstRange(of: marker)?.upperBound,
                let end = object[start...].firstIndex(of: UInt8(ascii: ")"))
            else { return }
            object.replaceSubrange(start..<end, with: stamp)
        }
        if let rewritten, rewritten.firstRange(of: marker + stamp + [UInt8(ascii: ")")]) != nil {
            var copy = self
            copy.data = Data(rewritten)
            return copy
        }
        var bytes = [UInt8](data)
        guard let start = bytes.firstRange(of: marker)?.upperBound,
            let end = bytes[start...].firstIndex(of: UInt8(ascii: ")"))
        else { return self }
        let old = bytes[start..<end]
        var replacement = Array((digits + "000000").utf8)
        // Keep the length: pad with a UTC zone ("Z" then zeros) or cut to fit.
        while replacement.count < old.count { replacement.append(replacement.count == 14 ? UInt8(ascii: "Z") : UInt8(ascii: "0")) }
        replacement = Array(replacement.prefix(old.count))
        bytes.replaceSubrange(start..<end, with: replacement)
        var copy = self
        copy.data = Data(bytes)
        return copy
    }
}
