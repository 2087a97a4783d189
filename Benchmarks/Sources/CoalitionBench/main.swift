// Benchmarks for Coalition, run in release mode:
//
//   swift run -c release coalition-bench generate-networks [DIR] [s1k s10k s100k]
//   swift run -c release coalition-bench generate-ties OUT.csv [TIES] [ACTORS]
//   swift run -c release coalition-bench load-csv TIES.csv [ACTORS.csv]
//   swift run -c release coalition-bench metrics DATA-DIR s10k [--exact-betweenness]
//   swift run -c release coalition-bench compare DATA-DIR s10k
//   swift run -c release coalition-bench two-mode
//
// `generate-networks` writes the benchmark networks into the repository (default
// `Benchmarks/data/`, git-ignored) as `NAME.actors.csv` and `NAME.ties.csv`, the layout
// ../shared/bench/anchors.py reads with `--data`, so igraph is timed on the very same files.
// `metrics` times each measure on such a network (or one made by ../shared/bench/gen_graphs.py), with the
// conventions of ../shared/bench/anchors.py (weighted PageRank and eigenvector, unweighted
// k-core, sampled betweenness on K = 256 sources where anchors samples too), so that the
// ratios to igraph come from one run on one machine.
//
// `load-csv` reads in its own process, so that the peak resident memory it reports belongs to
// reading alone. Figures go to BENCHMARKS.md with the command that produced them.
import Coalition
import CoalitionGraph
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
        let pages = Int(statm.split(separator: " ")[1])
    else { return 0 }
    return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// A ties sheet of `ties` rows between `actors` actors (ids `a1`…), in the column layout a
/// mission team would keep: source, target, relation, strength, commitment.
func generateTies(to path: String, ties: Int, actors: Int) throws {
    var rng = SplitMix64(seed: 2040)
    let relations = ["partnership", "information", "funding", "commitment", "mandate"]
    let levels = ["none", "exploring", "pledged", "active", "leading"]
    var out = "source,target,relation,strength,commitment\n"
    out.reserveCapacity(ties * 40)
    var seen = Set<UInt64>()
    seen.reserveCapacity(ties)
    while seen.count < ties {
        let a = Int.random(in: 1...actors, using: &rng), b = Int.random(in: 1...actors, using: &rng)
        if a == b { continue }
        let r = Int.random(in: 0..<relations.count, using: &rng)
        let key = UInt64(min(a, b)) << 32 | UInt64(max(a, b)) << 3 | UInt64(r)
        if !seen.insert(key).inserted { continue }
        out += "a\(a),a\(b),\(relations[r]),\(Int.random(in: 1 ... 5, using: &rng)),\(levels[Int.random(in: 0 ..< 5, using: &rng)])\n"
    }
    try out.write(toFile: path, atomically: true, encoding: .utf8)
}

/// The benchmark networks: name, actors, ties.
/// s3k and s30k are the rungs between, for growth exponents; `generate-networks` without names
/// writes the three that `anchors.py` times.
let benchmarkSizes: [(name: String, actors: Int, ties: Int)] = [
    ("s1k", 1_000, 5_000), ("s3k", 3_000, 15_000), ("s10k", 10_000, 50_000), ("s30k", 30_000, 150_000), ("s100k", 100_000, 500_000),
]
let defaultSizes: Set<String> = ["s1k", "s10k", "s100k"]

/// A stakeholder network shaped as missions' networks are: actors in sectors (one block per
/// sector, and per sector and region above 1,000 actors), most ties inside a block, ministries
/// and agencies the hubs, a heavy tail of well-connected actors. Degree-corrected planted
/// partition: each tie picks its first end by propensity (kind × a Pareto factor), and its second
/// by propensity inside the same block (80 %) or anywhere (20 %); loops and repeats are drawn
/// again. Columns: actors `id,name,kind,sector` then what a mission sheet holds —
/// `level,commitment,stance,influence,interest` (drawn from a stream of their own, so the ties
/// are those of the files before these columns existed); ties `source,target,weight` (1–5,
/// undirected).
func generateNetwork(name: String, actors n: Int, ties m: Int, into folder: String) throws {
    var rng = SplitMix64(seed: 2040 &+ UInt64(n))
    let sectors = ["health", "energy", "mobility", "housing", "food", "water", "digital", "education"]
    let regions = max(1, n / 2_000)
    let kinds: [(String, Double)] = [("ministry", 6), ("agency", 4), ("business", 1), ("university", 2), ("cso", 1), ("community", 0.5)]
    let kindShare = [0.04, 0.06, 0.35, 0.1, 0.3, 0.15]
    var block = [Int](repeating: 0, count: n), kind = [Int](repeating: 0, count: n), propensity = [Double](repeating: 0, count: n)
    for v in 0..<n {
        block[v] = Int.random(in: 0..<sectors.count * regions, using: &rng)
        var u = Double.random(in: 0..<1, using: &rng), k = 0
        while k < kindShare.count - 1 && u >= kindShare[k] { u -= kindShare[k]; k += 1 }
        kind[v] = k
        propensity[v] = kinds[k].1 * min(50, pow(1 - Double.random(in: 0..<1, using: &rng), -1 / 2.5))
    }
    // Cumulative propensity over all actors, and per block over its members.
    func cumulative(_ members: [Int]) -> [Double] {
        var total = 0.0
        return members.map {
            total += propensity[$0]; return total
        }
    }
    var members = [[Int]](repeating: [], count: sectors.count * regions)
    for v in 0..<n { members[block[v]].append(v) }
    let everyone = Array(0..<n), all = cumulative(everyone), inBlock = members.map(cumulative)
    func draw(_ pool: [Int], _ weights: [Double]) -> Int {
        let x = Double.random(in: 0..<weights.last!, using: &rng)
        var lo = 0, hi = weights.count - 1
        while lo < hi { let mid = (lo + hi) / 2; if weights[mid] > x { hi = mid } else { lo = mid + 1 } }
        return pool[lo]
    }
    var seen = Set<UInt64>()
    seen.reserveCapacity(m)
    var ties = "source,target,weight\n"
    while seen.count < m {
        let a = draw(everyone, all)
        let b = Double.random(in: 0..<1, using: &rng) < 0.8 && members[block[a]].count > 1 ? draw(members[block[a]], inBlock[block[a]]) : draw(everyone, all)
        guard a != b, seen.insert(UInt64(min(a, b)) << 32 | UInt64(max(a, b))).inserted else { continue }
        ties += "\(a + 1),\(b + 1),\(Int.random(in: 1 ... 5, using: &rng))\n"
    }
    // Mission columns: public bodies national or regional, the rest local or regional; about
    // 60 % pledged or more; 3 % opposed; influence follows the kind (ministries high), interest
    // the commitment, both 0–5 with noise — so the willing network, the camps and the grid
    // have something to find.
    var mission = SplitMix64(seed: 2041 &+ UInt64(n))
    let commitments = ["none", "exploring", "pledged", "active", "leading"], commitmentShare = [0.15, 0.25, 0.3, 0.2, 0.1]
    let baseInfluence = [4.5, 3.5, 2.0, 2.5, 1.5, 1.0]
    // A government has two dozen ministries, not 4 % of a national network (4,000 at s100k):
    // the hubs past the first 24 are written as agencies. Their ties are drawn above, unchanged.
    var ministries = 0
    var actors = "id,name,kind,sector,level,commitment,stance,influence,interest\n"
    for v in 0..<n {
        if kind[v] == 0 { ministries += 1 }
        let kindName = kind[v] == 0 && ministries > 24 ? "agency" : kinds[kind[v]].0
        let sector = sectors[block[v] % sectors.count] + (regions > 1 ? String(format: "-r%02d", block[v] / sectors.count) : "")
        let level = kind[v] < 2 ? (Double.random(in: 0..<1, using: &mission) < 0.6 ? "national" : "regional") : (Double.random(in: 0..<1, using: &mission) < 0.7 ? "local" : "regional")
        var u = Double.random(in: 0..<1, using: &mission), c = 0
        while c < commitmentShare.count - 1 && u >= commitmentShare[c] { u -= commitmentShare[c]; c += 1 }
        let s = Double.random(in: 0..<1, using: &mission)
        let stance = s < 0.03 ? "opposed" : s < 0.33 ? "neutral" : "supportive"
        func rating(_ x: Double) -> Int { max(0, min(5, Int((x + Double.random(in: -1...1, using: &mission)).rounded()))) }
        let influence = rating(baseInfluence[kind[v]]), interest = rating(1 + Double(c))
        actors += "\(v + 1),Actor \(v + 1),\(kindName),\(sector),\(level),\(commitments[c]),\(stance),\(influence),\(interest)\n"
    }
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    try actors.write(toFile: "\(folder)/\(name).actors.csv", atomically: true, encoding: .utf8)
    try ties.write(toFile: "\(folder)/\(name).ties.csv", atomically: true, encoding: .utf8)
}

let args = Array(CommandLine.arguments.dropFirst())
switch args.first {
case "generate-networks":
    // The package folder, from this file's place, so that the default lands in the repository.
    let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let rest = Array(args.dropFirst())
    let folder = rest.first { name in !benchmarkSizes.contains { $0.name == name } } ?? here.appendingPathComponent("data").path
    let names = rest.filter { name in benchmarkSizes.contains { $0.name == name } }
    for size in benchmarkSizes where names.isEmpty ? defaultSizes.contains(size.name) : names.contains(size.name) {
        let time = try seconds { try generateNetwork(name: size.name, actors: size.actors, ties: size.ties, into: folder) }
        print(String(format: "wrote %@/%@.actors.csv and .ties.csv: %d actors, %d ties (%.1f s)", folder, size.name, size.actors, size.ties, time))
    }
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
    print(
        String(
            format: "peak resident: %.1f MiB = %.0f bytes per tie (%.0f bytes per tie above the %.1f MiB at start)",
            Double(peak) / 1048576, Double(peak) / Double(ties), Double(peak - baseline) / Double(ties), Double(baseline) / 1048576))
case "communities" where args.count >= 3:
    try communityBenchmark(data: args[1], name: args[2])
case "two-mode":
    twoModeBenchmark()
case "compare" where args.count >= 3:
    try compareBenchmark(data: args[1], name: args[2])
case "keyplayers" where args.count >= 3:
    try keyPlayerBenchmark(data: args[1], name: args[2], size: args.count > 3 ? Int(args[3])! : 5)
case "ladder" where args.count >= 2:
    // ladder DATA-DIR [--coalition PATH] [--runs N] [NAME ...]
    var rest = Array(args.dropFirst(2)), coalition = "../.build/release/coalition", runs = 3
    if let i = rest.firstIndex(of: "--coalition") { coalition = rest[i + 1]; rest.removeSubrange(i...i + 1) }
    if let i = rest.firstIndex(of: "--runs") { runs = Int(rest[i + 1])!; rest.removeSubrange(i...i + 1) }
    try ladder(data: args[1], coalition: coalition, names: rest.isEmpty ? ["s1k", "s10k", "s30k", "s100k"] : rest, runs: runs)
case "metrics" where args.count >= 3:
    let only = args.firstIndex(of: "--only").map { args[$0 + 1] }
    try metrics(data: args[1], name: args[2], exactBetweenness: args.contains("--exact-betweenness"), only: only)
default:
    print(
        "usage: coalition-bench generate-networks [DIR] [s1k s10k s100k] | generate-ties OUT.csv [TIES] [ACTORS] | load-csv TIES.csv [ACTORS.csv] | metrics DATA-DIR NAME [--exact-betweenness] | compare DATA-DIR NAME | two-mode | keyplayers DATA-DIR NAME [K] | ladder DATA-DIR [--coalition PATH] [--runs N] [NAMES]"
    )
    exit(2)
}

/// Median wall time of `body`: once if it takes a second or more, else up to five runs within
/// about two seconds (anchors.py's rule).
func timed(_ body: () -> Void) -> (median: Double, first: Double) {
    var times = [seconds(body)]
    while times.count < 5 && times[0] < 1 && times.reduce(0, +) < 2 { times.append(seconds(body)) }
    let sorted = times.sorted()
    return (sorted[sorted.count / 2], times[0])
}

func metrics(data: String, name: String, exactBetweenness: Bool, only: String?) throws {
    let actors = "\(data)/\(name).actors.csv", ties = "\(data)/\(name).ties.csv"
    var loaded: LoadedInput?
    let load = seconds { loaded = InputLoader.load([actors, ties]) }
    guard let network = loaded?.network, !(loaded?.diagnostics.hasErrors ?? true) else {
        print(loaded?.diagnostics.entries.prefix(5).map(\.description).joined(separator: "\n") ?? "no input")
        exit(1)
    }
    var g = network.graph()
    let build = seconds { g = network.graph().simplified() }
    print("\(name): \(g.vertexCount) actors, \(g.edgeCount) ties; load \(String(format: "%.3f", load)) s, graph \(String(format: "%.3f", build)) s")
    func row(_ step: String, _ t: @autoclosure () -> (median: Double, first: Double)) {
        if let only, !step.contains(only) { return }
        let t = t()
        print(String(format: "%-44@ %10.4f s  (first %.4f s)", step as NSString, t.median, t.first))
    }
    var sink = 0.0
    row("degree + strength", timed { sink += Double(g.degrees().count) + g.strengths()[0] })
    let n = g.vertexCount
    let sampled: SourceSelection = exactBetweenness || n <= 20_000 ? .all : .sample(count: 256, seed: 42)
    let label = sampled == .all ? "exact" : "K=256 sources"
    // Vertex betweenness alone (as igraph's `betweenness`); closeness and harmonic come with
    // it from the same pass. Then the same with edge betweenness, as `analyze` runs it.
    for threads in [1, 2] {
        let t = "\(threads) thread\(threads == 1 ? "" : "s")"
        row(
            "betweenness (unweighted, \(label)), \(t)",
            timed { sink += g.pathMeasures(length: .hops, sources: sampled, edgeBetweenness: false, threads: threads).betweenness[0] })
        row(
            "betweenness (weighted 1/w, \(label)), \(t)",
            timed { sink += g.pathMeasures(length: .inverseWeight, sources: sampled, edgeBetweenness: false, threads: threads).betweenness[0] })
    }
    row(
        "betweenness + edge betweenness (unweighted), 1 thread",
        timed { sink += g.pathMeasures(length: .hops, sources: sampled, threads: 1).betweenness[0] })
    row("PageRank (weighted)", timed { sink += g.pageRank(weighted: true).values[0] })
    row("eigenvector (weighted)", timed { sink += g.eigenvectorCentrality(weighted: true).values[0] })
    row("k-core decomposition", timed { sink += Double(g.coreNumbers()[0]) })
    row("local clustering (unweighted)", timed { sink += g.clustering()[0] })
    row("Burt's constraint and effective size", timed { sink += g.structuralHoles().constraint[0] ?? 0 })
    row("connected components", timed { sink += Double(g.weakComponents().count) })
    row("articulation points and bridges", timed { sink += Double(g.cutPoints().articulationPoints.count) })
    let grouping = try Grouping(network, by: "sector")
    var options = AnalysisOptions()
    options.exactLimit = exactBetweenness ? Int.max : 20_000
    options.samples = 256
    options.seed = 42
    row(
        "whole analyze (\(n > options.exactLimit ? "sampled paths, K=256" : "exact paths")), 2 threads",
        timed { sink += NetworkAnalysis(network, grouping: grouping, options: options).network.density })
    options.threads = 1
    row("whole analyze, 1 thread", timed { sink += NetworkAnalysis(network, grouping: grouping, options: options).network.density })
    print(String(format: "peak resident memory: %.1f MiB", Double(peakResidentBytes()) / 1048576))
    if sink.isNaN { print("") }
}

/// Leiden and Louvain (one run each, modularity, resolution 1, as anchors.py times igraph),
/// their modularity and agreement with the generator's planted sectors; the E-I permutation test.
func communityBenchmark(data: String, name: String) throws {
    let loaded = InputLoader.load(["\(data)/\(name).actors.csv", "\(data)/\(name).ties.csv"])
    guard let network = loaded.network else { exit(1) }
    let g = network.graph().simplified()
    let sectors = try Grouping(network, by: "sector")
    print(
        "\(name): \(g.vertexCount) actors, \(g.edgeCount) ties; planted sectors: \(sectors.groups.count), their modularity \(String(format: "%.4f", g.modularity(of: sectors.index, weighted: true)))"
    )
    for method in [CommunityMethod.leiden, .louvain] {
        for weighted in [true, false] {
            var found: Communities?
            let t = timed { found = g.communities(method: method, weighted: weighted, seed: 42, restarts: 1) }
            let best10 = g.communities(method: method, weighted: weighted, seed: 42, restarts: 10)
            let nmi = PartitionComparison.normalizedMutualInformation(found!.membership, sectors.index)
            print(
                String(
                    format: "%-8@ %@: %.4f s (first %.4f s), Q = %.6f, %d communities, NMI vs sectors %.3f; best of 10 seeds Q = %.6f, NMI %.3f",
                    method.rawValue as NSString, (weighted ? "weighted" : "unweighted") as NSString, t.median, t.first, found!.quality, found!.count, nmi,
                    best10.quality, PartitionComparison.normalizedMutualInformation(best10.membership, sectors.index)))
        }
    }
    // python-igraph's community_leiden runs n_iterations = 2 by default (what anchors.py times).
    var two: Communities?
    let t2 = timed { two = g.communities(method: .leiden, weighted: true, seed: 42, restarts: 1, iterations: 2) }
    print(
        String(
            format: "leiden weighted, 2 iterations (igraph's default): %.4f s, Q = %.6f, NMI vs sectors %.3f", t2.median, two!.quality,
            PartitionComparison.normalizedMutualInformation(two!.membership, sectors.index)))
    let test = timed { _ = g.eiPermutationTest(groups: sectors.index, permutations: 5000, seed: 1) }
    print(String(format: "E-I permutation test, 5,000 permutations, %d groups: %.3f s", sectors.groups.count, test.median))
    print(String(format: "peak resident memory: %.1f MiB", Double(peakResidentBytes()) / 1048576))
}


/// Two waves of one generated network: the second keeps 90 % of the first's ties and gains as
/// many new ones (seeded). Times the tie statistics, the QAP test and the E-I change test, each
/// with 1,000 permutations, and the comparison step of `compare` given both waves' analyses.
func compareBenchmark(data: String, name: String) throws {
    let loaded = InputLoader.load(["\(data)/\(name).actors.csv", "\(data)/\(name).ties.csv"])
    guard let first = loaded.network, !loaded.diagnostics.hasErrors else { print("cannot read \(name)"); exit(1) }
    var rng = SplitMix64(seed: 2027)
    var second = first
    let n = first.actors.count
    var ties = first.ties.filter { _ in Double.random(in: 0..<1, using: &rng) >= 0.1 }
    let dropped = first.ties.count - ties.count
    for _ in 0..<dropped {
        let u = Int32.random(in: 0..<Int32(n), using: &rng), v = Int32.random(in: 0..<Int32(n), using: &rng)
        if u != v { ties.append(Tie(source: u, target: v)) }
    }
    second.ties = ties
    let a = first.graph().simplified(), b = second.graph().simplified()
    print("\(name): \(n) actors, \(a.edgeCount) and \(b.edgeCount) ties")
    var stats: WaveStatistics?
    print(String(format: "%-52@ %8.3f s", "kept/formed/dissolved, Jaccard, Hamming, gcor" as NSString, seconds { stats = WaveStatistics(before: a, after: b) }))
    var p: Double?
    print(String(format: "%-52@ %8.3f s", "QAP test, 1,000 permutations" as NSString, seconds { p = stats!.qapTest(permutations: 1_000).pValue }))
    let grouping = try Grouping(first, by: "sector")
    print(String(format: "%-52@ %8.3f s", "E-I change test, 1,000 permutations" as NSString, seconds {
        _ = WaveStatistics.eiChangeTest(before: a, after: b, groups: grouping.index, permutations: 1_000)
    }))
    var waves: [WaveComparison.Wave] = []
    let analyses = seconds {
        for network in [first, second] {
            let g = try! Grouping(network, by: "sector")
            var options = SiloAnalysis.Options()
            options.permutations = 1_000
            let willing = WillingAnalysis(network, threshold: .pledged)
            waves.append(
                WaveComparison.Wave(
                    network: network, measures: NetworkAnalysis(network, grouping: g), silos: SiloAnalysis(network, grouping: g, options: options),
                    willing: willing, voices: VoicesAnalysis(network, mission: nil, willingCore: [])))
        }
    }
    print(String(format: "%-52@ %8.3f s", "both waves' analyses (measures, silos, willing, voices)" as NSString, analyses))
    var comparison: WaveComparison?
    print(String(format: "%-52@ %8.3f s", "the comparison itself (QAP and E-I change, 1,000 each)" as NSString, seconds {
        comparison = WaveComparison(before: waves[0], after: waves[1])
    }))
    print("Jaccard \(stats!.jaccard ?? 0), gcor \(stats!.correlation ?? 0), QAP p \(p ?? 1), formed \(comparison!.formed.count); peak \(peakResidentBytes() / 1_048_576) MiB")
}

/// A programme-sized portfolio: 50,000 organisations, 20,000 projects, 200,000 participations,
/// project sizes heavy-tailed (most 5–15 members, a few consortia of hundreds), seeded. Times
/// building the two-mode graph, its degrees, and the organisations' projection with each
/// weighting; then, from the same portfolio written as sheets, reading it, the portfolio
/// analysis and the projected stakeholder network.
func twoModeBenchmark() {
    let organisations = 50_000, projects = 20_000, participations = 200_000
    var rng = SplitMix64(seed: 17)
    // Project sizes: Pareto-like, scaled to the participation total.
    var sizes = (0..<projects).map { _ in 1.0 / pow(Double.random(in: 0.0001..<1, using: &rng), 0.6) }
    let scale = Double(participations) / sizes.reduce(0, +)
    sizes = sizes.map { max(2, ($0 * scale).rounded()) }
    var edges: [(Int, Int)] = []
    edges.reserveCapacity(participations + projects)
    for (p, size) in sizes.enumerated() {
        var members = Set<Int>()
        while members.count < Int(size) { members.insert(Int.random(in: 0..<organisations, using: &rng)) }
        for o in members.sorted() { edges.append((o, organisations + p)) }
    }
    var g: Graph?
    let build = seconds {
        var b = GraphBuilder(vertexCount: organisations + projects, isDirected: false, expectedEdgeCount: edges.count)
        for (u, v) in edges { b.addEdge(u, v) }
        g = b.build()
    }
    let largest = Int(sizes.max() ?? 0), pairs = sizes.reduce(0.0) { $0 + $1 * ($1 - 1) / 2 }
    print("\(organisations) organisations, \(projects) projects, \(edges.count) participations; largest project \(largest) members, Σ pairs \(Int(pairs))")
    print(String(format: "%-44@ %8.3f s", "two-mode graph" as NSString, build))
    var sink = 0
    print(String(format: "%-44@ %8.3f s", "degrees" as NSString, seconds { sink += g!.degrees().count }))
    let orgs = Array(0..<organisations)
    for w in ProjectionWeighting.allCases {
        var p: Graph?
        let t = seconds { p = g!.projection(onto: orgs, weighting: w) }
        print(String(format: "%-44@ %8.3f s  (%d ties)", "projection onto organisations, \(w.rawValue)" as NSString, t, p!.edgeCount))
    }
    print("peak so far \(peakResidentBytes() / 1_048_576) MiB \(sink > 0 ? "" : " ")")
    g = nil
    // The same portfolio as a team would hand it over: an actors sheet and a participations
    // sheet, read through the loader, measured by `coalition portfolio`'s analysis.
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("coalition-bench-portfolio-\(getpid())").path
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let kinds = ["firm", "firm", "firm", "university", "research institute", "cso", "municipality", "agency", "ministry"]
    let sectors = ["energy", "health", "mobility", "food", "digital", "housing", "water", "education"]
    var actorsSheet = "id,name,kind,sector\n", participationsSheet = "initiative,actor,role\n"
    for o in 0..<organisations {
        actorsSheet += "o\(o),Organisation \(o),\(kinds[o % kinds.count]),\(sectors[(o / 7) % sectors.count])\n"
    }
    let roles = ["participant", "participant", "participant", "partner", "funder"]
    var lastProject = -1
    for (o, p) in edges {
        let role = p != lastProject ? "lead" : roles[(o + p) % roles.count]
        lastProject = p
        participationsSheet += "p\(p - organisations),o\(o),\(role)\n"
    }
    try! actorsSheet.write(toFile: "\(folder)/actors.csv", atomically: true, encoding: .utf8)
    try! participationsSheet.write(toFile: "\(folder)/participations.csv", atomically: true, encoding: .utf8)
    var loaded: LoadedInput?
    let read = seconds { loaded = InputLoader.load(["\(folder)/actors.csv", "\(folder)/participations.csv"]) }
    guard let network = loaded?.network, !loaded!.diagnostics.hasErrors, let portfolio = network.portfolio else {
        print("cannot read the generated portfolio: \(loaded?.diagnostics.entries.first.map { "\($0)" } ?? "")"); exit(1)
    }
    print(String(format: "%-44@ %8.3f s  (%d initiatives, %d participations)", "read actors + participations CSV" as NSString, read,
                 portfolio.initiatives.count, portfolio.affiliations.count))
    let grouping = try! Grouping(network, by: "sector")
    var analysis: PortfolioAnalysis?
    let analysed = seconds { analysis = PortfolioAnalysis(network, mission: nil, grouping: grouping) }
    print(String(format: "%-44@ %8.3f s  (%@, %d sources)", "portfolio analysis (coalition portfolio)" as NSString, analysed,
                 (analysis!.measures.isExact ? "exact" : "sampled") as NSString, analysis!.measures.sourcesUsed))
    var projected: StakeholderNetwork?
    let projecting = seconds { projected = network.projected(onto: .actors, weighting: .newman) }
    print(String(format: "%-44@ %8.3f s  (%d ties)", "projected network, Newman weights" as NSString, projecting, projected!.ties.count))
    print(String(format: "%-44@ %8.3f s", "read + analysis + projection" as NSString, read + analysed + projecting))
    print("peak \(peakResidentBytes() / 1_048_576) MiB")
    projected = nil
    // The ties every one-mode analysis reads (issue 18): roles weighed, large initiatives left out.
    var ties: PortfolioTies.Result?
    let made = seconds { ties = PortfolioTies().apply(to: network) }
    print(String(format: "%-44@ %8.3f s  (%d ties; %d initiatives above %d members left out)", "analysis ties (PortfolioTies, Newman, roles)" as NSString, made,
                 ties!.projectedTies, ties!.leftOut.count, PortfolioTies.defaultMaxInitiativeSize))
    print("peak \(peakResidentBytes() / 1_048_576) MiB")
}

/// Borgatti's key-player search on a generated network: each objective once (a search is
/// seconds, not milliseconds), with the set's value, how it was found, and the wall time.
func keyPlayerBenchmark(data: String, name: String, size: Int) throws {
    let loaded = InputLoader.load(["\(data)/\(name).actors.csv", "\(data)/\(name).ties.csv"])
    guard let network = loaded.network else { print("no input"); exit(1) }
    var players: KeyPlayers?
    let build = seconds { players = KeyPlayers(network.graph()) }
    print("\(name): \(network.actors.count) actors, \(network.ties.count) ties; undirected view built in \(String(format: "%.3f", build)) s; k = \(size), \(Graph.defaultThreadCount) threads")
    for objective in KeyPlayers.Objective.allCases {
        var result: KeyPlayers.Result?
        let time = seconds { result = try? players!.search(objective, KeyPlayers.Options(size: size)) }
        guard let r = result else { print("\(objective.rawValue): no search"); continue }
        print(String(format: "%-32@ %8.2f s  value %.4f%@  (%@)", objective.rawValue as NSString, time, r.value,
                     (r.sampledSources.map { ", DF from \($0) sampled sources" } ?? "") as NSString, r.search as NSString))
    }
}

/// The mission analyses as a user runs them: whole `coalition` processes (release build) on the
/// generated networks, the median of `runs` wall times each, beside `summary` on the same input
/// in the same run (the cost of reading it, and the noise), then the growth exponent between
/// rungs: log(t₂/t₁) / log(n₂/n₁) — 1 is linear, 2 quadratic.
func ladder(data: String, coalition: String, names: [String], runs: Int) throws {
    guard FileManager.default.isExecutableFile(atPath: coalition) else {
        throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: coalition + " (build it: swift build -c release --product coalition)"])
    }
    let commands: [(String, [String])] = [
        ("summary", ["summary"]), ("willing", ["willing"]), ("voices", ["voices"]), ("silos", ["silos"]), ("grid", ["grid"]),
        ("render silos", ["render", "--view", "silos", "--format", "svg"]),
    ]
    func wall(_ arguments: [String]) throws -> Double {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: coalition)
        p.arguments = arguments
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        let start = DispatchTime.now().uptimeNanoseconds
        try p.run()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw CocoaError(.executableLoad, userInfo: [NSFilePathErrorKey: arguments.joined(separator: " ")]) }
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
    let output = FileManager.default.temporaryDirectory.appendingPathComponent("coalition-ladder-\(getpid()).svg").path
    defer { try? FileManager.default.removeItem(atPath: output) }
    var times: [String: [Double]] = [:]
    var actors: [Int] = []
    print("command        " + names.map { $0.padding(toLength: 10, withPad: " ", startingAt: 0) }.joined())
    var rows: [String: String] = [:]
    for name in names {
        let files = ["\(data)/\(name).actors.csv", "\(data)/\(name).ties.csv"]
        guard let size = benchmarkSizes.first(where: { $0.name == name }) else { throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: name]) }
        actors.append(size.actors)
        for (label, command) in commands {
            let extra = command.first == "render" ? ["--output", output] : []
            var runsTaken: [Double] = []
            for _ in 0..<runs { runsTaken.append(try wall(command + files + extra + ["--quiet"])) }
            let median = runsTaken.sorted()[runs / 2]
            times[label, default: []].append(median)
            rows[label, default: ""] += String(format: "%.2f s", median).padding(toLength: 10, withPad: " ", startingAt: 0)
        }
        FileHandle.standardError.write(Data("measured \(name)\n".utf8))
    }
    for (label, _) in commands { print(label.padding(toLength: 15, withPad: " ", startingAt: 0) + rows[label]!) }
    if names.count > 1 {
        print("")
        print("growth exponent between rungs (log of the time ratio / log of the actor ratio; 1 = linear):")
        for (label, _) in commands {
            let t = times[label]!
            var exponents: [String] = []
            for i in 1..<t.count {
                let growth: Double = log(t[i] / t[i - 1]) / log(Double(actors[i]) / Double(actors[i - 1]))
                exponents.append(String(format: "%.2f", growth))
            }
            print(label.padding(toLength: 15, withPad: " ", startingAt: 0) + exponents.map { $0.padding(toLength: 10, withPad: " ", startingAt: 0) }.joined())
        }
    }
    print("")
    print("median of \(runs) runs each, whole processes of \(coalition), \(ProcessInfo.processInfo.activeProcessorCount) threads")
}
