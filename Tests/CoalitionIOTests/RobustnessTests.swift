import Coalition
import CoalitionDOT
import CoalitionGraph
import CoalitionTestSupport
import Foundation
import XCTest

@testable import CoalitionIO

/// Mangled inputs must give diagnostics, never a crash.
final class RobustnessTests: XCTestCase {
    func testMangledFilesNeverCrash() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("coalition-fuzz-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // A Coalition JSON document to mangle too.
        let json = dir.appendingPathComponent("network.json").path
        try CoalitionJSON.encode(XCTUnwrap(loadValid([fixture("liveable-streets/network.graphml")]))).write(to: URL(fileURLWithPath: json))
        let sources = [
            json, "liveable-streets/edges.csv", "liveable-streets/nodes.csv", "liveable-streets/network.graphml",
            "liveable-streets/network.gexf", "healthy-lives-2040/mission.yaml", "warnings/cp1252-actors.csv",
        ]
        let specials: [UInt8] = Array("\"\n\r,;|<>&{}[]:#- \\".utf8) + [0x00, 0xC3, 0xFF, 0x80]
        var rng = SplitMix64(seed: 42)
        var rejected = 0, runs = 0
        for source in sources {
            let original = try [UInt8](Data(contentsOf: URL(fileURLWithPath: source.hasPrefix("/") ? source : fixture(source))))
            let ext = (source as NSString).pathExtension
            for round in 0..<40 {
                var bytes = original
                for _ in 0..<Int.random(in: 1...8, using: &rng) {
                    let i = Int.random(in: 0..<bytes.count, using: &rng)
                    switch Int.random(in: 0..<3, using: &rng) {
                    case 0: bytes[i] = specials.randomElement(using: &rng)!
                    case 1: bytes.remove(at: i)
                    default: bytes.insert(specials.randomElement(using: &rng)!, at: i)
                    }
                    if bytes.isEmpty { break }
                }
                if round == 0 { bytes = Array(bytes.prefix(bytes.count / 2)) }  // cut off mid-file
                let path = dir.appendingPathComponent("f\(round).\(ext)").path
                try Data(bytes).write(to: URL(fileURLWithPath: path))
                let inputs = ext == "yaml" ? [path] : (source.hasSuffix("edges.csv") ? [fixture("liveable-streets/nodes.csv"), path] : [path])
                let loaded = InputLoader.load(inputs, options: .withDOT)
                runs += 1
                if loaded.diagnostics.hasErrors { rejected += 1 }
                for d in loaded.diagnostics.entries {
                    XCTAssertFalse(d.message.isEmpty)
                    XCTAssertFalse(d.location.file.isEmpty)
                }
            }
        }
        XCTAssertEqual(runs, 280)
        XCTAssertGreaterThan(rejected, 120, "most mangled files are rejected")
    }

    func testGEXF13EdgeKindIsTheRelationAndYEdLabelsAreNames() throws {
        let gexf = """
            <?xml version="1.0" encoding="UTF-8"?>
            <gexf xmlns="http://gexf.net/1.3" version="1.3">
              <graph defaultedgetype="directed">
                <attributes class="node"><attribute id="k" title="Kind" type="string"><default>cso</default></attribute></attributes>
                <nodes><node id="1" label="Αθήνα"/><node id="2" label="北京"><attvalues><attvalue for="k" value="ministry"/></attvalues></node></nodes>
                <edges><edge id="0" source="1" target="2" weight="2.5" kind="funding"/></edges>
              </graph>
            </gexf>
            """
        var asm = NetworkAssembler()
        try GEXFReader.read(Data(gexf.utf8), file: "g.gexf", into: &asm)
        let (n, log) = asm.finish()
        XCTAssertTrue(log.entries.isEmpty, "\(log.entries)")
        XCTAssertEqual(n.actors.map(\.name), ["Αθήνα", "北京"])
        XCTAssertEqual(n.actors.map(\.kind), [.cso, .ministry])
        XCTAssertTrue(n.isDirected)
        XCTAssertEqual(n.ties.first?.relation, .funding)
        XCTAssertEqual(n.ties.first?.strength, 2.5)

        let graphml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml">
              <key for="node" id="d6" yfiles.type="nodegraphics"/>
              <key for="edge" id="w" attr.name="weight" attr.type="double"><default>1.0</default></key>
              <graph edgedefault="undirected">
                <node id="n0"><data key="d6"><y:ShapeNode><y:NodeLabel>Ministry of Health</y:NodeLabel></y:ShapeNode></data></node>
                <node id="n1"><data key="d6"><y:ShapeNode><y:NodeLabel>Food Bank</y:NodeLabel></y:ShapeNode></data></node>
                <edge source="n0" target="n1"/>
                <edge source="n1" target="n0" directed="true"><data key="w">3</data></edge>
              </graph>
            </graphml>
            """
        var asm2 = NetworkAssembler()
        try GraphMLReader.read(Data(graphml.utf8), file: "y.graphml", into: &asm2)
        let (g, log2) = asm2.finish()
        // The undirected tie becomes two arcs; the directed one repeats the second and is merged.
        XCTAssertEqual(log2.entries.map(\.code), [.mixedDirection, .duplicateTie])
        XCTAssertEqual(g.actors.map(\.name), ["Ministry of Health", "Food Bank"])
        XCTAssertEqual(g.ties.map(\.strength), [1, 4])
    }
}
