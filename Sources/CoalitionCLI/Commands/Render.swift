import ArgumentParser
import Coalition
import CoalitionIO
import CoalitionOutput
import Foundation
import Graphviz

/// Options that pick and shape a diagram; shared by `render` and `convert --to dot`.
struct ViewOptions: ParsableArguments {
    @Option(help: "View: full, ego, groups, silos, willing, voices; portfolio (for participations in initiatives); grid (the power–interest chart, for actors rated for influence and interest); or (for a mission that lists an earlier wave) change and change-before.")
    var view: DiagramBuilder.View = .full

    @Option(name: .customLong("size-by"), help: "Measure that sizes actors: pagerank, betweenness, degree, strength, eigenvector, harmonic, closeness or coreness.")
    var sizeBy: ActorMeasure = .pagerank

    @Option(help: "The actor at the centre of the ego view (its id).")
    var actor: String?

    @Option(help: "How many steps out the ego view reaches.")
    var depth = 2

    @Option(help: "At most this many actors carry their names, the most central first (0: all). Every name stays in the SVG's tooltips.")
    var labels = DiagramBuilder.defaultLabelLimit

    @OptionGroup var groupingOptions: GroupingOptions

    @Option(help: "Layout engine: dot, neato, fdp, sfdp, circo or twopi (default: chosen per view and size).")
    var engine: LayoutEngine?

    @Option(help: "internal (everything) or external: drawn without the mission's sensitive columns, raw attributes and opposition ties, people pseudonymised when the mission says personal_data: true, as the external briefing pack draws it; the grid view is refused.")
    var audience: Audience = .internal

    func validate() throws {
        if view == .ego && actor == nil { throw ValidationError("the ego view needs --actor ID") }
        if depth < 1 { throw ValidationError("--depth must be at least 1") }
        if labels < 0 { throw ValidationError("--labels must be 0 (all) or more") }
    }

    var style: DiagramStyle {
        var style = DiagramStyle()
        style.sizeBy = sizeBy
        style.actor = actor
        style.depth = depth
        style.labels = labels
        style.engine = engine
        return style
    }

    var settings: AnalysisSettings {
        var settings = AnalysisSettings()
        groupingOptions.apply(to: &settings)
        return settings
    }

    func diagram(_ session: AnalysisSession) throws -> Diagram {
        try orStop { try session.diagram(view, style: style, audience: audience) }
    }
}

struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Draw a view of the network through the Graphviz library: SVG, PNG, PDF or DOT.",
        discussion: """
            Each view carries a title, the mission's name, a caption (data source and date, the \
            measure that sizes actors, the engine) and a legend of only what it shows. Kinds differ \
            by colour (a colour-blind-safe palette) and by shape; tie width follows strength; \
            exploring and pledged ties are dashed, opposition ties dotted. The same input gives the \
            same bytes, PDFs included (their creation date is the mission's data_date). Above \
            \(DiagramBuilder.largeNetwork) actors the full view switches to sfdp; at most --labels actors (default \
            \(DiagramBuilder.defaultLabelLimit)) carry their names, the most central first; the groups view reads best \
            on large networks.

            Examples:
              coalition render fixtures/healthy-lives-2040/mission.yaml --view silos --format png
              coalition render fixtures/healthy-lives-2040/mission.yaml --view ego --actor phi --depth 1 --output phi.svg
            """)

    @OptionGroup var input: InputOptions
    @OptionGroup var portfolioTies: PortfolioTieOptions
    @OptionGroup var viewOptions: ViewOptions

    @Option(help: "svg, png, pdf or dot.")
    var format: ImageFormat = .svg

    @Option(help: "Where to write (default: output/<mission>-<view>.<format>).")
    var output: String?

    enum ImageFormat: String, ExpressibleByArgument, CaseIterable { case svg, png, pdf, dot }

    func run() throws {
        let session = try input.session(viewOptions.settings, ties: portfolioTies)
        let network = session.network
        if viewOptions.view == .full && network.actors.count > DiagramBuilder.largeNetwork && !input.quiet {
            printError(
                "note: \(network.actors.count) actors is too many to draw one by one legibly; drawing with sfdp and naming the \(viewOptions.labels == 0 ? network.actors.count : viewOptions.labels) most central (try --view groups)"
            )
        }
        let diagram = try viewOptions.diagram(session)
        let dot = DOTWriter.write(diagram)
        var data = Data(dot.utf8)
        if let image = RenderFormat(rawValue: format.rawValue), format != .dot {
            // One view per process: drawn here.
            let rendering = try orStop {
                try Renderer.inProcess.render(dot: dot, engine: diagram.engine, formats: [image], pdfDate: session.mission?.dataDate ?? "2000-01-01")[0]
            }
            if !input.quiet { for w in rendering.warnings { printError("graphviz: \(w)") } }
            data = rendering.data
        }
        let path = output ?? "output/\(session.mission?.slug ?? "network")-\(viewOptions.view.rawValue).\(format.rawValue)"
        let (folder, name) = AtomicFiles.split(path)
        if !folder.isEmpty && !name.isEmpty { try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        do {
            try AtomicFiles.write(data, to: path)
        } catch {
            printError("error: \(error)")
            throw ExitCode(inputErrorExitCode)
        }
        if !input.quiet { print("wrote \(path) (\(diagram.nodes.count) nodes, \(diagram.edges.count) edges, \(diagram.engine.rawValue))") }
    }
}
