import Coalition
import CoalitionIO
import CoalitionOutput
import Foundation
import Graphviz

/// Writes the briefing pack: `index.html`, `report.md`, `diagrams/` (every view as SVG, PNG and
/// PDF) and `data/` (`actors.csv`, `ties.csv`, `groups.csv`, `findings.json`, the network as
/// GraphML and GEXF with the measures). Everything is written into a sibling folder first and
/// moved into place at the end, so a failed run leaves no half pack. The same briefing gives
/// the same bytes in every file.
public enum BriefingPack {
    public struct PackError: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// A drawn view as the page shows it: its words, its SVG, and its PNG (for a view too large
    /// to go into the page as SVG).
    struct Drawing {
        var view: DiagramBuilder.View
        var title: String
        var caption: String
        var alt: String
        var svg: String
        var png: Data
    }

    static let views: [DiagramBuilder.View] = [.full, .groups, .silos, .willing, .voices]

    /// The views a briefing draws: the five, the portfolio when the mission has one, and the
    /// power–interest chart inside the organisation when actors are rated.
    static func views(for b: Briefing) -> [DiagramBuilder.View] {
        views + (b.portfolio == nil ? [] : [.portfolio]) + (b.audience == .internal && !b.grid.entries.isEmpty ? [.grid] : [])
    }

    /// Replaces `folder` only when it holds nothing but a pack's files (see `PackFolder`).
    /// - Parameter renderer: where the views are drawn. An executable that makes packs passes
    ///   ``Renderer/freshProcess``, so each view is laid out as it would be alone (Graphviz keeps
    ///   layout state in a process); in-process drawing suits one pack per process.
    /// - Parameter note: told what was found and left alone beside the folder (a folder a stopped
    ///   run left, an earlier pack kept because a file appeared in it while this one was made).
    /// - Returns: the files written, relative to `folder`, in order; the manifest last.
    @discardableResult
    public static func write(
        _ b: Briefing, to folder: String, renderer: Renderer = .inProcess, progress: (String) -> Void = { _ in },
        note: (String) -> Void = { _ in }
    ) throws -> [String] {
        let fm = FileManager.default
        let pack = try PackFolder(folder)
        // Refused before any work: a folder holding anything a pack did not write.
        if let foreign = PackFolder.firstForeign(in: pack.path) {
            throw PackError(description: "\(folder) holds \(foreign); nothing was written. Move it out, or choose a new or empty folder")
        }
        var notes = pack.removeStaleSiblings()
        let staging = pack.staging
        if fm.fileExists(atPath: staging) { throw PackError(description: "\(staging) is in the way of the pack being built; move it") }
        var written: [String] = []
        var manifest: [PackFolder.Entry] = []
        do {
            try fm.createDirectory(atPath: pack.parent, withIntermediateDirectories: true)
            try fm.createDirectory(atPath: staging + "/diagrams", withIntermediateDirectories: true)
            try fm.createDirectory(atPath: staging + "/data", withIntermediateDirectories: true)
            func save(_ name: String, _ data: Data) throws {
                try data.write(to: URL(fileURLWithPath: staging + "/" + name))
                written.append(name)
                manifest.append(PackFolder.Entry(name: name, data: data))
            }

            let drawings = try draw(b, renderer: renderer, progress: progress) { name, data in try save("diagrams/" + name, data) }

            progress("writing the data files")
            // The community column is the silo analysis's Leiden run, as the page's tables show it.
            let community = MeasureColumn(name: "community", integral: true, values: b.silos.communities.membership.map { Double($0) })
            let table = ExportTable(
                b.shown, measures: b.analysis.measureColumns(directed: b.network.isDirected) + [community],
                tieMeasures: b.analysis.tieMeasureColumns(b.shown))
            try save("data/actors.csv", Data(CSVWriter.actors(table).utf8))
            try save("data/ties.csv", Data(CSVWriter.ties(table).utf8))
            try save("data/groups.csv", Data((SilosDocument(b.silos, b.network).table!.csv + "\n").utf8))
            try save("data/findings.json", try findingsJSON(b))
            if let change = b.change { try save("data/changes.json", try DocumentJSON.data(change) + Data("\n".utf8)) }
            if let portfolio = b.shown.portfolio {
                try save("data/initiatives.csv", Data(CSVWriter.actors(ExportTable.initiatives(portfolio)).utf8))
                try save("data/affiliations.csv", Data(CSVWriter.affiliations(ExportTable.affiliations(b.shown)).utf8))
            }
            try save("data/network.graphml", Data(GraphMLWriter.write(table).utf8))
            try save("data/network.gexf", Data(GEXFWriter.write(table, date: b.date).utf8))

            progress("writing the page and the Markdown report")
            try save("report.md", Data(Markdown.render(b).utf8))
            try save("index.html", Data(Page.render(b, drawings: drawings).utf8))

            try Data(PackFolder.manifest(manifest).utf8).write(to: URL(fileURLWithPath: staging + "/" + PackFolder.manifestName))
            written.append(PackFolder.manifestName)
            if let note = try pack.swapIn() { notes.append(note) }
        } catch {
            try? fm.removeItem(atPath: staging)
            throw error
        }
        notes.forEach(note)
        return written
    }

    /// Draws every view in SVG, PNG and PDF through the Graphviz library.
    static func draw(_ b: Briefing, renderer: Renderer, progress: (String) -> Void, save: (String, Data) throws -> Void) throws -> [Drawing] {
        var drawings: [Drawing] = []
        let views = views(for: b)
        for (i, view) in views.enumerated() {
            progress("drawing the \(view.rawValue) view (\(i + 1) of \(views.count))")
            let d: Diagram
            let drawn: (svg: Data, png: Data, pdf: Data)
            do {
                d = try b.session.diagram(view, shown: b.shown, date: b.date)
                let r = try renderer.render(dot: DOTWriter.write(d), engine: d.engine, formats: [.svg, .png, .pdf], pdfDate: b.date ?? "2000-01-01")
                drawn = (r[0].data, r[1].data, r[2].data)
            } catch let error as GraphvizError {
                throw PackError(description: "the \(view.rawValue) view could not be drawn: \(error.message)" + error.details.map { "\n  " + $0 }.joined())
            } catch {
                throw PackError(description: "the \(view.rawValue) view could not be drawn: \(error)")
            }
            try save("\(view.rawValue).svg", drawn.svg)
            try save("\(view.rawValue).png", drawn.png)
            try save("\(view.rawValue).pdf", drawn.pdf)
            let svg = String(decoding: drawn.svg, as: UTF8.self)
            drawings.append(Drawing(view: view, title: d.title, caption: d.caption, alt: altText(view, d, b), svg: svg, png: drawn.png))
        }
        // What changed: both waves with the same positions, laid out once through the renderer.
        if let since = b.since, let change = b.change {
            progress("drawing what changed since \(change.labels.before)")
            let pair: (before: Diagram, after: Diagram)
            do {
                pair = try since.changeDiagrams(renderer: renderer, shown: (change.before, b.shown))
            } catch {
                throw PackError(description: "the change views could not be drawn: \(error)")
            }
            for (view, d) in [(DiagramBuilder.View.change, pair.after), (.changeBefore, pair.before)] {
                let r: [Rendering]
                do {
                    r = try renderer.render(dot: DOTWriter.write(d), engine: d.engine, formats: [.svg, .png, .pdf], pdfDate: b.date ?? "2000-01-01")
                } catch {
                    throw PackError(description: "the \(view.rawValue) view could not be drawn: \(error.message)" + error.details.map { "\n  " + $0 }.joined())
                }
                try save("\(view.rawValue).svg", r[0].data)
                try save("\(view.rawValue).png", r[1].data)
                try save("\(view.rawValue).pdf", r[2].data)
                drawings.append(
                    Drawing(view: view, title: d.title, caption: d.caption, alt: altText(view, d, b), svg: String(decoding: r[0].data, as: UTF8.self), png: r[1].data))
            }
        }
        return drawings
    }

    /// What a screen reader says for a diagram: what it shows, in words.
    static func altText(_ view: DiagramBuilder.View, _ d: Diagram, _ b: Briefing) -> String {
        let legend = d.legend.map(\.label).joined(separator: "; ")
        switch view {
        case .full: return "Network diagram of all \(b.shown.actors.count) actors and their ties, actors coloured and shaped by kind and sized by PageRank. Legend: \(legend)."
        case .groups:
            return "Diagram of the \(b.grouping.groups.count) \(b.grouping.attribute) groups as circles sized by members, joined by lines as thick as the ties between them."
        case .silos:
            return
                "Diagram of the actors in one box per \(b.grouping.attribute) group, ties across groups in bold, \(b.silos.missingBridges.count) missing bridges as grey dashed lines."
        case .willing:
            return
                "Diagram of the community of the willing: the cluster to start with in bold, other willing clusters in colour, the rest faded, the next to recruit marked with arrows."
        case .voices:
            let what =
                d.nodes.contains(where: \.faded)
                ? "Diagram of whose voices are heard: actors of underrepresented or small categories in bold, those only consulted, isolated or cut off named, the rest faded. "
                : "Diagram of all actors: none is in an underrepresented category, only consulted or cut off. "
            return what + "Expected voices: " + d.panels.flatMap(\.items).map(\.label).joined(separator: "; ") + "."
        case .ego: return d.title
        case .portfolio:
            return d.engine == .nop
                ? "Matrix of the largest initiatives against the \(b.grouping.attribute) groups their members come from, each cell the number of members from that group."
                : "Diagram of the portfolio: initiatives as boxes, bold when cross-sectoral, joined to the actors taking part, actors shaped by kind and coloured by \(b.grouping.attribute). Legend: \(legend)."
        case .grid:
            let flagged = b.grid.entries.filter { $0.finding != nil }.count
            let opposed = b.grid.entries.filter { b.shown.actors[$0.actor].stance == .opposed }.map { b.shown.actors[$0.actor].name }
            return "Power–interest chart of \(b.grid.entries.count) rated actors: declared power up, declared interest right, in four quadrants; "
                + "markers sized by network position and coloured by stance; \(flagged) flagged as rated unlike their network position"
                + (opposed.isEmpty ? "." : "; opposed: \(opposed.joined(separator: ", ")).")
        case .change, .changeBefore:
            return "Diagram of the coalition's change between two survey waves, every actor at the same place in both drawings. Legend: \(legend)."
        }
    }

    struct FindingsDocument: Encodable {
        struct MissionInfo: Encodable { var name: String; var goal: String?; var targetYear: Int?; var dataDate: String?; var source: String? }
        var mission: MissionInfo
        var audience: String
        var date: String?
        var groupBy: String
        var findings: [Finding]
        var nextSteps: [NextStep]
        var sources: [Briefing.Source]
    }

    static func findingsJSON(_ b: Briefing) throws -> Data {
        let doc = FindingsDocument(
            mission: .init(name: b.mission.name, goal: b.mission.goal, targetYear: b.mission.targetYear, dataDate: b.mission.dataDate, source: b.mission.source),
            audience: b.audience.rawValue, date: b.date, groupBy: b.grouping.attribute, findings: b.findings, nextSteps: b.nextSteps, sources: b.sources)
        var data = try DocumentJSON.data(doc)
        data.append(0x0A)
        return data
    }
}
