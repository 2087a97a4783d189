import Coalition
import CoalitionIO
import CoalitionTestSupport
import Foundation
import XCTest

let packageRoot = TestSupport.root

/// Reads a CSV text given inline.
func sheet(_ text: String, name: String = "t.csv", options: AssemblyOptions = .init(actorsFromTies: true)) throws -> (StakeholderNetwork, DiagnosticLog) {
    var file = try CSVFile(name: name, data: Data(text.utf8))
    var asm = NetworkAssembler(options: options)
    try file.read(into: &asm)
    return asm.finish()
}
