// Benchmarks for Coalition, run in release mode:
//
//   swift run -c release coalition-bench generate-ties OUT.csv [TIES] [ACTORS]
//   swift run -c release coalition-bench load-csv TIES.csv [ACTORS.csv]
//
// `load-csv` reads in its own process, so that the peak resident memory it reports belongs to
// reading alone. Figures go to BENCHMARKS.md with the command that produced them.
import Coalition
import CoalitionIO
import Foundation

func peakResidentBytes() -> Int {
    // Linux reports ru_maxrss in kilobytes.
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return usage.ru_maxrss * 1024
}

func currentResidentBytes() -> Int {
    guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
          let pages = Int(statm.split(separator: " ")[1]) else { return 0 }
    return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// A seeded generator (SplitMix64), so the same arguments give the same file.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A ties sheet of `ties` rows between `actors` actors (ids `a1`…), in the column layout a
/// mission team would keep: source, target, relation, strength, commitment.
func generateTies(to path: String, ties: Int, actors: Int) throws {
    var rng = SplitMix64(state: 2040)
    let relations = ["partnership", "information", "funding", "commitment", "mandate"]
    let levels = ["none", "exploring", "pledged", "active", "leading"]
    var out = "source,target,relation,strength,commitment\n"
    out.reserveCapacity(ties * 40)
    var seen = Set<UInt64>()
    seen.reserveCapacity(ties)
    while seen.count < ties {
        let a = Int.random(in: 1 ... actors, using: &rng), b = Int.random(in: 1 ... actors, using: &rng)
        if a == b { continue }
        let r = Int.random(in: 0 ..< relations.count, using: &rng)
        let key = UInt64(min(a, b)) << 32 | UInt64(max(a, b)) << 3 | UInt64(r)
        if !seen.insert(key).inserted { continue }
        out += "a\(a),a\(b),\(relations[r]),\(Int.random(in: 1 ... 5, using: &rng)),\(levels[Int.random(in: 0 ..< 5, using: &rng)])\n"
    }
    try out.write(toFile: path, atomically: true, encoding: .utf8)
}

let args = Array(CommandLine.arguments.dropFirst())
switch args.first {
case "generate-ties" where args.count >= 2:
    let ties = args.count > 2 ? Int(args[2])! : 1_000_000
    let actors = args.count > 3 ? Int(args[3])! : 100_000
    try generateTies(to: args[1], ties: ties, actors: actors)
    print("wrote \(args[1]): \(ties) ties between \(actors) actors")
case "load-csv" where args.count >= 2:
    let inputs = Array(args.dropFirst())
    let baseline = currentResidentBytes()
    var loaded: LoadedInput?
    let load = seconds { loaded = InputLoader.load(inputs) }
    let network = loaded!.network!
    var graphEdges = 0
    let build = seconds { graphEdges = network.graph().edgeCount }
    let peak = peakResidentBytes()
    let ties = network.ties.count
    print("inputs: \(inputs.joined(separator: " "))")
    print("actors: \(network.actors.count), ties: \(ties), graph edges: \(graphEdges), diagnostics: \(loaded!.diagnostics.entries.count)")
    print(String(format: "read + assemble: %.3f s (%.0f ns per tie)", load, load / Double(ties) * 1e9))
    print(String(format: "CSR graph build: %.3f s", build))
    print(String(format: "peak resident: %.1f MiB = %.0f bytes per tie (%.0f bytes per tie above the %.1f MiB at start)",
                 Double(peak) / 1048576, Double(peak) / Double(ties), Double(peak - baseline) / Double(ties), Double(baseline) / 1048576))
default:
    print("usage: coalition-bench generate-ties OUT.csv [TIES] [ACTORS] | load-csv TIES.csv [ACTORS.csv]")
    exit(2)
}
