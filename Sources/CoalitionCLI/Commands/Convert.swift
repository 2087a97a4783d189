import ArgumentParser
import Coalition
import CoalitionIO
import CoalitionOutput
import Foundation

struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the network for another tool: GraphML, GEXF, Coalition JSON, DOT, a CSV pair or Kumu JSON.",
        discussion: """
            graphml (Gephi, yEd, networkx, igraph), gexf (Gephi; GEXF 1.3, or 1.2 with --gexf-version \
            for networkx), json (Coalition JSON, everything the model holds), dot (the diagram Coalition \
            draws, with --view and its options), csv (actors.csv and ties.csv in the --output folder), \
            kumu (a Kumu blueprint to import into a map). Every actor's and tie's fields and attributes \
            go along, typed; --with-metrics adds every measure `analyze` computes (and the Leiden \
            community) as attributes, for Gephi or networkx. Files are written atomically.

            A portfolio (participations in initiatives) is written as the two-mode network it is: \
            GraphML, GEXF and Kumu with the initiatives as nodes marked bipartite=1 (the actors 0, \
            networkx's convention), JSON with its initiatives and affiliations, csv as actors.csv, \
            initiatives.csv and affiliations.csv (and ties.csv when there are ties). --project \
            actors|initiatives writes a one-mode projection instead, weighted by --weighting \
            (count, newman or jaccard; default count) with the count of shared initiatives (or \
            members) as the ties' `shared` attribute; --roles keeps only those roles' participations.

            Examples:
              coalition convert fixtures/healthy-lives-2040/mission.yaml --to graphml --with-metrics --output health.graphml
              coalition convert stakeholders.xlsx --to csv --output sheets/
              coalition convert map.json --to gexf --output map.gexf
              coalition convert fixtures/healthy-lives-2040/mission.yaml --to dot --view silos --output silos.gv
              coalition convert fixtures/active-travel-2035/mission.yaml --to graphml --output portfolio.graphml
              coalition convert fixtures/active-travel-2035/mission.yaml --project actors --weighting newman --to csv --output shared/
            """)

    @OptionGroup var input: InputOptions
    @OptionGroup var viewOptions: ViewOptions
    @OptionGroup var projection: ProjectionOptions

    @Option(help: "graphml, gexf, json, dot, csv or kumu.")
    var to: Target

    @Option(help: "Write to this file (atomically) instead of standard output; for csv, the folder for actors.csv and ties.csv.")
    var output: String?

    @Flag(name: .customLong("with-metrics"), help: "Add every measure per actor (and edge betweenness per tie) as typed attributes (not to dot, which draws the diagram).")
    var withMetrics = false

    @Option(name: .customLong("gexf-version"), help: "GEXF version: 1.3 (Gephi 0.9 and later) or 1.2 (networkx 3.6 reads only up to 1.2).")
    var gexfVersion: GEXFWriter.Version = .v1_3

    enum Target: String, ExpressibleByArgument, CaseIterable { case graphml, gexf, json, dot, csv, kumu }

    func validate() throws {
        if to == .csv && output == nil { throw ValidationError("--to csv writes two files; give the folder with --output") }
    }

    func run() throws {
        var settings = viewOptions.settings
        projection.apply(to: &settings)
        var session = try input.session(settings)
        if let mode = projection.project {
            guard let projected = session.projection(onto: mode, weighting: projection.weighting ?? .count) else {
                printError("error: --project \(mode.rawValue): the input holds no participations in initiatives to project (an affiliations sheet, or a two-mode GraphML/GEXF file)")
                throw ExitCode(inputErrorExitCode)
            }
            session = AnalysisSession(
                network: projected, mission: session.mission, settings: settings, diagnostics: session.diagnostics, inputs: session.inputs, files: session.files)
        }
        let mission = session.mission
        // An export is data leaving the machine (a Kumu upload is someone else's cloud): for
        // an external audience, the network as it may circulate.
        let network = viewOptions.audience == .external ? session.readNetwork.circulated(mission) : session.readNetwork
        if to == .dot {
            return try write(DOTWriter.write(try viewOptions.diagram(session)))
        }
        let (measures, tieMeasures) = withMetrics ? try orStop { try session.measureColumns() } : ([], [])
        if to == .json {
            let withMeasures = network.addingMeasures(measures, tieMeasures: tieMeasures)
            return try write(String(decoding: try CoalitionJSON.encode(withMeasures), as: UTF8.self))
        }
        let table = network.portfolio == nil ? ExportTable(network, measures: measures, tieMeasures: tieMeasures) : ExportTable(twoMode: network, measures: measures, tieMeasures: tieMeasures)
        switch to {
        case .graphml: try write(GraphMLWriter.write(table))
        case .gexf: try write(GEXFWriter.write(table, version: gexfVersion, date: mission?.dataDate))
        case .kumu: try write(String(decoding: try KumuJSON.write(table), as: UTF8.self))
        case .csv:
            let folder = output!
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), !isFolder.boolValue {
                printError("error: --output \(folder) is a file; --to csv writes actors.csv and ties.csv into a folder")
                throw ExitCode(inputErrorExitCode)
            }
            var sheets = [("actors.csv", CSVWriter.actors(ExportTable(network, measures: measures, tieMeasures: tieMeasures)))]
            if !network.ties.isEmpty || network.portfolio == nil { sheets.append(("ties.csv", CSVWriter.ties(ExportTable(network, measures: measures, tieMeasures: tieMeasures)))) }
            if let portfolio = network.portfolio {
                sheets.append(("initiatives.csv", CSVWriter.actors(ExportTable.initiatives(portfolio))))
                sheets.append(("affiliations.csv", CSVWriter.affiliations(ExportTable.affiliations(network))))
            }
            let files = sheets.map { (path: (folder as NSString).appendingPathComponent($0.0), data: Data($0.1.utf8)) }
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                // Both sheets are staged before either is renamed into place.
                try AtomicFiles.write(files)
            } catch {
                printError("error: \(error)")
                throw ExitCode(inputErrorExitCode)
            }
            if !input.quiet { for f in files { printError("wrote \(f.path)") } }
        case .dot, .json: break
        }
    }

    /// Prints `text`, or writes it atomically to `path` (default: `--output`).
    func write(_ text: String, to path: String? = nil) throws {
        guard let path = path ?? output else { print(text, terminator: ""); return }
        do {
            try AtomicFiles.write(Data(text.utf8), to: path)
        } catch {
            printError("error: \(error)")
            throw ExitCode(inputErrorExitCode)
        }
        if !input.quiet { printError("wrote \(path)") }
    }
}

extension GEXFWriter.Version: ExpressibleByArgument {}
