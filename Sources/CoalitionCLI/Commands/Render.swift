import ArgumentParser
import Coalition
import CoalitionIO
import Foundation
import Graphviz

/// Options that pick and shape a diagram; shared by `render` and `convert --to dot`.
struct ViewOptions: ParsableArguments {
    @Option(help: "View: full, ego, groups, silos, willing or voices.")
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

    func validate() throws {
        if view == .ego && actor == nil { throw ValidationError("the ego view needs --actor ID") }
        if depth < 1 { throw ValidationError("--depth must be at least 1") }
        if labels < 0 { throw ValidationError("--labels must be 0 (all) or more") }
    }

    func diagram(_ network: StakeholderNetwork, _ mission: Mission?) throws -> Diagram {
        let builder = DiagramBuilder(network: network, missionName: mission?.name, source: mission?.source, dataDate: mission?.dataDate, labelLimit: labels)
        let grouping = try groupingOptions.grouping(network, mission: mission)
        let values = sizeBy.values(in: network)
        let engineName = engine?.rawValue
        switch view {
        case .full: return builder.full(sizeBy: sizeBy.rawValue, values: values, engine: engineName)
        case .ego:
            guard let index = network.actors.firstIndex(where: { $0.id == actor }) else {
                let hint = closestMatch(to: actor ?? "", in: network.actors.map(\.id)).map { "; did you mean \"\($0)\"?" } ?? ""
                printError("error: no actor with id \"\(actor ?? "")\"\(hint)")
                throw ExitCode(inputErrorExitCode)
            }
            return builder.ego(index, depth: depth, sizeBy: sizeBy.rawValue, values: values, engine: engineName)
        case .groups: return builder.groups(grouping, engine: engineName)
        case .silos:
            var options = SiloAnalysis.Options()
            options.permutations = 199
            return builder.silos(SiloAnalysis(network, grouping: grouping, options: options), sizeBy: sizeBy.rawValue, values: values, engine: engineName)
        case .willing:
            let w = WillingAnalysis(network, threshold: mission?.willing.minCommitment ?? .pledged, weights: mission?.willing.weights ?? [:])
            return builder.willing(w, sizeBy: sizeBy.rawValue, values: values, engine: engineName)
        case .voices:
            let w = WillingAnalysis(network, threshold: mission?.willing.minCommitment ?? .pledged, weights: mission?.willing.weights ?? [:])
            let v = VoicesAnalysis(network, mission: mission, willingCore: w.recommended.map { w.clusters[$0].members } ?? [])
            return builder.voices(v, sizeBy: sizeBy.rawValue, values: values, engine: engineName)
        }
    }
}

extension DiagramBuilder.View: ExpressibleByArgument {}
extension ActorMeasure: ExpressibleByArgument {}
extension LayoutEngine: ExpressibleByArgument {}

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
    @OptionGroup var viewOptions: ViewOptions

    @Option(help: "svg, png, pdf or dot.")
    var format: ImageFormat = .svg

    @Option(help: "Where to write (default: output/<mission>-<view>.<format>).")
    var output: String?

    enum ImageFormat: String, ExpressibleByArgument, CaseIterable { case svg, png, pdf, dot }

    func run() throws {
        let (network, mission) = try loadOrStop(input)
        if viewOptions.view == .full && network.actors.count > DiagramBuilder.largeNetwork {
            printError("note: \(network.actors.count) actors is too many to draw one by one legibly; drawing with sfdp and naming the \(viewOptions.labels == 0 ? network.actors.count : viewOptions.labels) most central (try --view groups)")
        }
        let diagram = try viewOptions.diagram(network, mission)
        let dot = DOTWriter.write(diagram)
        var data: Data
        if format == .dot {
            data = Data(dot.utf8)
        } else {
            do {
                let rendering = try Graphviz.shared.render(dot: dot, engine: LayoutEngine(rawValue: diagram.engine) ?? .sfdp,
                                                           format: RenderFormat(rawValue: format.rawValue)!)
                data = (format == .pdf ? rendering.withPDFCreationDate(mission?.dataDate ?? "2000-01-01").withCanonicalPDFNumbers() : rendering).data
                for w in rendering.warnings { printError("graphviz: \(w)") }
            } catch {
                printError("error: \(error.message)")
                for d in error.details { printError("  \(d)") }
                throw ExitCode(inputErrorExitCode)
            }
        }
        let path = output ?? "output/\(mission?.slug ?? "network")-\(viewOptions.view.rawValue).\(format.rawValue)"
        let (folder, name) = AtomicFiles.split(path)
        if !folder.isEmpty && !name.isEmpty { try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        do {
            try AtomicFiles.write(data, to: path)
        } catch {
            printError("error: \(error)")
            throw ExitCode(inputErrorExitCode)
        }
        print("wrote \(path) (\(diagram.nodes.count) nodes, \(diagram.edges.count) edges, \(diagram.engine))")
    }
}
