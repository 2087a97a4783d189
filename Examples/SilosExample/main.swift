// Uses Coalition's libraries alone, as a mission team's own program would: opens the example
// mission, writes the silo analysis as JSON and draws the silos view as SVG.
//
//   swift run SilosExample [mission.yaml] [output folder]
import Coalition
import CoalitionOutput
import Foundation
import Graphviz

// Drawing may happen in a fresh process of this program; it must answer first.
Renderer.serveIfAsked()

let arguments = CommandLine.arguments
let missionFile = arguments.count > 1 ? arguments[1] : "fixtures/healthy-lives-2040/mission.yaml"
let folder = arguments.count > 2 ? arguments[2] : "output/example"

do {
    let session = try AnalysisSession.open([missionFile])
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)

    let silos = try session.silosDocument()
    try Data((try DocumentJSON.string(silos) + "\n").utf8).write(to: URL(fileURLWithPath: folder + "/silos.json"))

    let diagram = try session.diagram(.silos)
    let svg = try Renderer.inProcess.render(
        dot: DOTWriter.write(diagram), engine: diagram.engine, formats: [.svg],
        pdfDate: session.mission?.dataDate ?? "2000-01-01")[0]
    try svg.data.write(to: URL(fileURLWithPath: folder + "/silos.svg"))

    let analysis = silos.silos
    print(
        "\(session.mission?.name ?? missionFile): \(analysis.groups.count) \(analysis.grouping.attribute) groups, "
            + "\(analysis.missingBridges.count) missing bridges; wrote \(folder)/silos.json and \(folder)/silos.svg")
} catch let error as InputError {
    FileHandle.standardError.write(Data((error.description + "\n").utf8))
    exit(1)
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(1)
}
