import ArgumentParser
import Coalition
import CoalitionIO
import Foundation
import Graphviz

/// `coalition draw`: DOT on standard input, one layout, SVG, PNG and PDF files out. Hidden: the
/// briefing pack runs it once per view, so that Graphviz starts fresh for each (see `Drawer`).
struct Draw: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Lay out DOT from standard input once and write it as SVG, PNG and PDF (used by `report`).",
        shouldDisplay: false)

    @Option(help: "Layout engine.")
    var engine: LayoutEngine = .neato

    @Option(help: "The PDF's creation date, YYYY-MM-DD.")
    var date = "2000-01-01"

    @Option(name: .customLong("output-prefix"), help: "Writes PREFIX.svg, PREFIX.png and PREFIX.pdf.")
    var outputPrefix: String

    func run() throws {
        let dot = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        do {
            let r = try Graphviz.shared.render(dot: dot, engine: engine, formats: [.svg, .png, .pdf])
            let pdf = r[2].withPDFCreationDate(date).withCanonicalPDFNumbers()
            for (ext, data) in [("svg", r[0].data), ("png", r[1].data), ("pdf", pdf.data)] {
                try writeAtomically(data, to: "\(outputPrefix).\(ext)")
            }
        } catch let error as GraphvizError {
            printError("error: \(error.message)")
            for d in error.details { printError("  \(d)") }
            throw ExitCode(inputErrorExitCode)
        }
    }
}
