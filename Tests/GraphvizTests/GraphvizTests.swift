import CoalitionTestSupport
import Foundation
import Synchronization
import XCTest

@testable import Graphviz

#if canImport(FoundationXML)
    import FoundationXML
#endif

final class GraphvizTests: XCTestCase {
    let sample = """
        digraph G {
          graph [label="Αθήνα — 北京 — القاهرة \\"quoted\\""];
          a [label="Ministry of Health & Welfare <1>"];
          b [label="健康局"];
          c [label="Ελληνικά"];
          a -> b; b -> c; c -> a;
        }
        """

    func testSVGIsWellFormedXMLAndCarriesTheLabels() throws {
        let svg = try Graphviz.shared.render(dot: sample, format: .svg)
        let parser = XMLParser(data: svg.data)
        XCTAssertTrue(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        let text = String(decoding: svg.data, as: UTF8.self)
        XCTAssertTrue(text.contains("健康局"))
        XCTAssertTrue(text.contains("Ministry of Health &amp; Welfare &lt;1&gt;"))
        XCTAssertTrue(text.contains("القاهرة"))
    }

    func testPNGAndPDFHaveTheirMagicAndAreIdenticalRunToRun() throws {
        let png = try Graphviz.shared.render(dot: sample, format: .png)
        XCTAssertEqual(Array(png.data.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        XCTAssertGreaterThan(png.data.count, 2000)
        XCTAssertEqual(try Graphviz.shared.render(dot: sample, format: .png).data, png.data)
        let pdf = try Graphviz.shared.render(dot: sample, format: .pdf).withPDFCreationDate("2026-10-01")
        XCTAssertTrue(pdf.data.starts(with: Array("%PDF-".utf8)))
        XCTAssertTrue(String(decoding: pdf.data, as: UTF8.self).contains("/CreationDate (D:20261001000000"))
        Thread.sleep(forTimeInterval: 1.1)
        let again = try Graphviz.shared.render(dot: sample, format: .pdf).withPDFCreationDate("2026-10-01")
        XCTAssertEqual(again.data, pdf.data, "the same bytes a second later")
        let svg1 = try Graphviz.shared.render(dot: sample, engine: .sfdp, format: .svg)
        XCTAssertEqual(try Graphviz.shared.render(dot: sample, engine: .sfdp, format: .svg).data, svg1.data)
    }

    func testErrorsAreCapturedNotPrinted() {
        XCTAssertThrowsError(try Graphviz.shared.render(dot: "digraph { a -> ; }")) { error in
            let e = error as! GraphvizError
            XCTAssertEqual(e.message, "Graphviz could not parse the DOT text")
            XCTAssertTrue(e.details.contains { $0.contains("syntax error in line 1") }, "\(e.details)")
        }
        XCTAssertThrowsError(try Graphviz.shared.render(dot: "")) { error in
            XCTAssertEqual((error as! GraphvizError).message, "no DOT text to render")
        }
        // A render after a failure works and carries no stale messages.
        let ok = try? Graphviz.shared.render(dot: "graph { x -- y }", engine: .neato)
        XCTAssertEqual(ok?.warnings, [])
    }

    func testEveryEngineAndFormat() throws {
        for engine in LayoutEngine.allCases {
            let r = try Graphviz.shared.render(dot: "graph { a -- b -- c -- a; c -- d }", engine: engine, format: .svg)
            XCTAssertGreaterThan(r.data.count, 300, engine.rawValue)
        }
        for format in RenderFormat.allCases {
            XCTAssertGreaterThan(try Graphviz.shared.render(dot: "digraph { a -> b }", format: format).data.count, 20, format.rawValue)
        }
    }

    func testConcurrentRendersAreSerialised() {
        let results = Mutex<[Int]>([])
        DispatchQueue.concurrentPerform(iterations: 40) { i in
            let n = (try? Graphviz.shared.render(dot: "digraph { n\(i) -> m\(i) }", format: .svg).data.count) ?? -1
            results.withLock { $0.append(n) }
        }
        XCTAssertEqual(results.withLock { $0.count }, 40)
        XCTAssertFalse(results.withLock { $0.contains(-1) })
    }

    func testPDFTiesAreWrittenOneWay() throws {
        // Numbers cairo printed on either side of a tie become the tie; others, and text in
        // strings, stay as they are.
        let stream = Array("768.367188 335.1 Td (12.367188) Tj 768.367187 1285.063 1285.062 c 0.333333 rg 16.318339 0 Tm".utf8)
        XCTAssertEqual(
            String(decoding: CanonicalPDF.snapNumbers(stream), as: UTF8.self),
            "768.3671875 335.1 Td (12.367188) Tj 768.3671875 1285.0625 1285.0625 c 0.333333 rg 16.318339 0 Tm")
        // A rewritten PDF keeps a cross-reference table whose every offset starts its object.
        let pdf = try Graphviz.shared.render(dot: "digraph { a [label=\"Ministry of Health\"]; a -> b -> c -> a; c -> d }", engine: .neato, format: .pdf)
        // Rebuilt even though nothing needs changing, so that the rebuild itself is checked.
        let fixed = try XCTUnwrap(CanonicalPDF.rewrite([UInt8](pdf.data), always: true), "cairo's layout is recognised")
        XCTAssertNotEqual(fixed, [UInt8](pdf.data), "the page stream was deflated anew")
        XCTAssertTrue(fixed.starts(with: Array("%PDF-1.5".utf8)))
        let xref = try XCTUnwrap(CanonicalPDF.lastRange(of: Array("\nxref\n".utf8), in: fixed))
        let tail = String(decoding: fixed[xref.upperBound...], as: UTF8.self)
        let table = tail.split(separator: "\n").dropFirst(2).prefix { $0.hasSuffix(" n ") }
        XCTAssertGreaterThan(table.count, 5)
        for (i, line) in table.enumerated() {
            let offset = try XCTUnwrap(Int(line.prefix(10)))
            XCTAssertTrue(String(decoding: fixed[offset..<offset + 12], as: UTF8.self).hasPrefix("\(i + 1) 0 obj"), "object \(i + 1)")
        }
        let start = try XCTUnwrap(tail.range(of: "startxref\n"))
        XCTAssertEqual(Int(tail[start.upperBound...].prefix { $0.isNumber }), xref.lowerBound + 1, "startxref points at the table")
        XCTAssertEqual(CanonicalPDF.rewrite(fixed, always: true), fixed, "a second rebuild gives the same bytes")
    }
}

/// Drawing in a fresh process: through the built `coalition`, which enters render mode first
/// thing in main (the test runner itself cannot).
final class RendererTests: XCTestCase {
    let dot = "graph { a -- b; b -- c; label=\"健康\" }"

    /// Each drawing starts from a fresh Graphviz: the same bytes every time. (In this process,
    /// after the other tests' layouts, neato's SVG of the same graph came out 8 bytes longer.)
    func testAFreshProcessDrawsTheSameEveryTime() throws {
        let child = Renderer.freshProcess(executable: TestSupport.executable().path)
        let there = try child.render(dot: dot, engine: .neato, formats: [.svg, .pdf], pdfDate: "2026-10-01")
        let again = try child.render(dot: dot, engine: .neato, formats: [.svg, .pdf], pdfDate: "2026-10-01")
        XCTAssertEqual(there.map(\.data), again.map(\.data))
        XCTAssertTrue(String(decoding: there[0].data, as: UTF8.self).contains("健康"))
        XCTAssertTrue(String(decoding: there[1].data, as: UTF8.self).contains("/CreationDate (D:20261001000000Z)"))
    }

    func testTheChildsErrorsComeBackTyped() throws {
        let child = Renderer.freshProcess(executable: TestSupport.executable().path)
        XCTAssertThrowsError(try child.render(dot: "graph { a -- ", engine: .dot, formats: [.svg], pdfDate: "2026-10-01")) { error in
            let e = error as! GraphvizError
            XCTAssertTrue(e.message.contains("syntax") || e.details.contains { $0.contains("syntax") }, "\(e)")
        }
        XCTAssertThrowsError(try Renderer.freshProcess(executable: "/bin/true").render(dot: dot, engine: .dot, formats: [.svg], pdfDate: "2026-10-01")) { error in
            XCTAssertTrue("\(error)".contains("did not answer as a renderer (exit 0)"), "\(error)")
        }
    }
}
