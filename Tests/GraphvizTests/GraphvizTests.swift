import Foundation
import Graphviz
import Synchronization
import XCTest
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
}
