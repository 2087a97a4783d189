import Dispatch
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How path lengths are measured.
public enum PathLength: Sendable, Hashable {
    /// Every tie has length 1 (hops).
    case hops
    /// A tie's length is 1 / weight, so that a strong tie is a short path. Path lengths equal
    /// within a relative 1e-10 are treated as tied, as igraph does: plain floating-point
    /// comparison would miss ties such as 1/3 + 1/6 = 1/2.
    case inverseWeight
}

/// Which sources the shortest-path pass starts from.
public enum SourceSelection: Sendable, Hashable {
    /// Every vertex: exact values.
    case all
    /// `count` vertices drawn without replacement with a seeded generator: estimates.
    case sample(count: Int, seed: UInt64)
}

/// Everything that comes from single-source shortest paths, computed in one pass:
/// betweenness (vertex and edge), closeness, harmonic centrality and the diameter.
///
/// Conventions are networkx 3.6's, so numbers can be checked against it:
/// - **Betweenness** (Brandes 2001, doi:10.1080/0022250X.2001.9990249), endpoints excluded,
///   normalised as `betweenness_centrality(normalized=True)`: the sum over ordered pairs
///   (s, t) of σ_st(v)/σ_st, divided by (n−1)(n−2), for directed and undirected graphs alike.
/// - **Edge betweenness**: the same sum per edge, divided by n(n−1)
///   (`edge_betweenness_centrality(normalized=True)`).
/// - **Closeness** with Wasserman–Faust's correction for disconnected networks:
///   C(u) = ((r−1)/Σd) · ((r−1)/(n−1)), r = actors that can reach u (u included);
///   directed graphs use distances *to* u (`closenessIn`) and, beside it, *from* u (`closenessOut`).
/// - **Harmonic** centrality: H(u) = Σ_{v≠u} 1/d(v,u), not divided by n−1; in/out as closeness.
/// - **Diameter**: the longest shortest path between two actors of the largest (weak)
///   component that are joined by a path.
///
/// With ``SourceSelection/sample(count:seed:)`` betweenness is estimated from K sources and
/// scaled by n/K (Brandes & Pich 2007); each actor's estimate is within ``errorBound`` of its
/// exact value for all actors at once with probability 1 − ``confidenceDelta`` (Hoeffding's
/// inequality with a union bound: one source contributes at most n/(n−1) to a normalised
/// value). Harmonic centrality is estimated from the same sources (Eppstein & Wang 2004);
/// closeness is estimated for undirected graphs from the sampled distances within each
/// component, and not at all for directed ones; the diameter is then a lower bound.
public struct PathMeasures: Sendable {
    public var betweenness: [Double]
    public var edgeBetweenness: [Double]
    /// Closeness from distances *to* each vertex (the networkx default); nil when not computed.
    public var closenessIn: [Double?]
    /// Closeness from distances *from* each vertex (directed graphs; equals `closenessIn` otherwise).
    public var closenessOut: [Double?]
    public var harmonicIn: [Double]
    public var harmonicOut: [Double]
    public var diameter: Double
    /// Whether every source was used (exact values) or a sample (estimates).
    public var isExact: Bool
    public var sourcesUsed: Int
    /// With sampling: the additive error bound on normalised betweenness, holding for all
    /// actors together with probability 1 − `confidenceDelta`. Zero when exact.
    public var errorBound: Double
    public var confidenceDelta: Double

    public static let defaultConfidenceDelta = 0.05
}

extension Graph {
    /// Computes ``PathMeasures`` on this graph, which should be simple (see ``simplified(includeNegative:)``).
    ///
    /// Sources are split into a fixed number of blocks whatever the thread count; each block's
    /// partial sums are computed in source order and the blocks are added to the totals in
    /// block order (a thread that finishes early waits for its turn), so results are the same
    /// bit for bit on any number of threads.
    ///
    /// - Complexity: O(K·m) for K sources (hops), O(K·m log n) with inverse-weight lengths;
    ///   memory O(T·(n + m)) for T threads.
    /// - Parameter edgeBetweenness: whether to compute edge betweenness too (a little slower).
    public func pathMeasures(
        length: PathLength = .hops, sources: SourceSelection = .all,
        edgeBetweenness withEdges: Bool = true,
        threads: Int = Graph.defaultThreadCount
    ) -> PathMeasures {
        let n = vertexCount, m = edgeCount
        let sourceList: [Int32]
        var isExact = true
        switch sources {
        case .all:
            sourceList = (0..<n).map(Int32.init)
        case .sample(let count, let seed):
            if count >= n {
                sourceList = (0..<n).map(Int32.init)
            } else {
                var rng = SplitMix64(seed: seed)
                var all = (0..<n).map(Int32.init)
                for i in 0..<count { all.swapAt(i, Int.random(in: i..<n, using: &rng)) }
                sourceList = Array(all[0..<count]).sorted()
                isExact = false
            }
        }
        let k = sourceList.count
        let exact = isExact
        let blockCount = max(1, min(32, k))
        let blockSize = k == 0 ? 0 : (k + blockCount - 1) / blockCount
        let threadCount = max(1, min(threads, blockCount))
        let components = weakComponents()
        let largest = components.largest.map(Int32.init) ?? -1

        // Per-block partial sums (reductions) and per-source outputs (written once each).
        let reduceHarmonic = !isExact
        let perBlock = n * (reduceHarmonic ? (isDirected ? 4 : 3) : 1) + m
        // One partial per thread, and the totals they are added to in block order.
        let partials = UnsafeMutableBufferPointer<Double>.allocate(capacity: (threadCount + 1) * perBlock)
        partials.initialize(repeating: 0)
        defer { partials.deallocate() }
        // Blocks are claimed in increasing order and added in the same order: a worker waiting
        // for its turn holds a later block than every block still being computed, so the wait
        // always ends, however many workers Dispatch actually runs at once.
        let turn = Atomic<Int>(0)
        let claim = Atomic<Int>(0)
        let closeIn = UnsafeMutableBufferPointer<Double>.allocate(capacity: n)
        let closeOut = UnsafeMutableBufferPointer<Double>.allocate(capacity: n)
        let harmIn = UnsafeMutableBufferPointer<Double>.allocate(capacity: n)
        let harmOut = UnsafeMutableBufferPointer<Double>.allocate(capacity: n)
        let eccentricity = UnsafeMutableBufferPointer<Double>.allocate(capacity: max(k, 1))
        for b in [closeIn, closeOut, harmIn, harmOut] { b.initialize(repeating: 0) }
        eccentricity.initialize(repeating: 0)
        defer { for b in [closeIn, closeOut, harmIn, harmOut, eccentricity] { b.deallocate() } }

        let shared = SharedBuffers(
            partials: partials, closeIn: closeIn, closeOut: closeOut,
            harmIn: harmIn, harmOut: harmOut, eccentricity: eccentricity)
        let graph = self
        let list = sourceList
        DispatchQueue.concurrentPerform(iterations: threadCount) { t in
            let walker = ShortestPathWalker(graph: graph, length: length)
            var block = claim.wrappingAdd(1, ordering: .relaxed).oldValue
            let base = shared.partials.baseAddress! + (t + 1) * perBlock
            let totals = shared.partials.baseAddress!
            while block < blockCount {
                let lo = block * blockSize, hi = min(k, lo + blockSize)
                let btw = UnsafeMutableBufferPointer(start: base, count: n)
                let ebtw = UnsafeMutableBufferPointer(start: base + n, count: m)
                for i in lo..<max(lo, hi) {
                    let s = Int(list[i])
                    // Forward: betweenness, distances from s.
                    walker.run(from: s, reverse: false)
                    walker.accumulate(into: btw, edges: withEdges ? ebtw : nil)
                    let forward = walker.distanceSummary()
                    shared.eccentricity[i] = components.label[s] == largest ? forward.farthest : 0
                    if exact {
                        shared.closeOut[s] = closeness(forward.sum, reached: forward.reached, n: n)
                        shared.harmOut[s] = forward.harmonic
                    } else {
                        // Distances from s are distances *to* every other vertex.
                        walker.addInverseDistances(into: UnsafeMutableBufferPointer(start: base + n + m, count: n), skip: s)
                        walker.addDistances(into: UnsafeMutableBufferPointer(start: base + 2 * n + m, count: n), skip: s)
                    }
                    if graph.isDirected {
                        walker.run(from: s, reverse: true)
                        let backward = walker.distanceSummary()
                        if exact {
                            shared.closeIn[s] = closeness(backward.sum, reached: backward.reached, n: n)
                            shared.harmIn[s] = backward.harmonic
                        } else {
                            walker.addInverseDistances(into: UnsafeMutableBufferPointer(start: base + 3 * n + m, count: n), skip: s)
                        }
                    } else if exact {
                        shared.closeIn[s] = shared.closeOut[s]
                        shared.harmIn[s] = shared.harmOut[s]
                    }
                }
                // Add this block to the totals once every earlier block is in: block order.
                while turn.load(ordering: .acquiring) != block { sched_yield() }
                for j in 0..<perBlock where withEdges || j < n || j >= n + m {
                    totals[j] += base[j]
                    base[j] = 0
                }
                turn.store(block + 1, ordering: .releasing)
                block = claim.wrappingAdd(1, ordering: .relaxed).oldValue
            }
        }

        let totals = partials
        var betweenness = Array(totals[0..<n])
        var edgeBetweenness = Array(totals[n..<n + m])
        let sampledHarmonicIn = reduceHarmonic ? Array(totals[n + m..<2 * n + m]) : []
        let sampledDistance = reduceHarmonic ? Array(totals[2 * n + m..<3 * n + m]) : []
        let sampledHarmonicOut = reduceHarmonic && isDirected ? Array(totals[3 * n + m..<4 * n + m]) : []
        let scale = n > 2 ? 1 / (Double(n - 1) * Double(n - 2)) : 0
        let edgeScale = n > 1 ? 1 / (Double(n) * Double(n - 1)) : 0
        let extrapolate = isExact || k == 0 ? 1.0 : Double(n) / Double(k)
        for v in 0..<n { betweenness[v] *= scale * extrapolate }
        for e in 0..<m { edgeBetweenness[e] *= edgeScale * extrapolate }

        var result = PathMeasures(
            betweenness: betweenness, edgeBetweenness: edgeBetweenness,
            closenessIn: Array(closeIn).map(Optional.some), closenessOut: Array(closeOut).map(Optional.some),
            harmonicIn: Array(harmIn), harmonicOut: Array(harmOut),
            diameter: eccentricity.max() ?? 0, isExact: isExact, sourcesUsed: k,
            errorBound: 0, confidenceDelta: PathMeasures.defaultConfidenceDelta)
        if !isExact {
            let inSample = Set(sourceList)
            func estimate(_ sum: Double, _ v: Int) -> Double {
                let others = k - (inSample.contains(Int32(v)) ? 1 : 0)
                return others > 0 ? sum * Double(n - 1) / Double(others) : 0
            }
            result.harmonicIn = (0..<n).map { estimate(sampledHarmonicIn[$0], $0) }
            result.harmonicOut = isDirected ? (0..<n).map { estimate(sampledHarmonicOut[$0], $0) } : result.harmonicIn
            if isDirected {
                result.closenessIn = Array(repeating: nil, count: n)
                result.closenessOut = result.closenessIn
            } else {
                // Σd within the component, estimated from the sources that fell in it.
                var samplesIn = [Int](repeating: 0, count: components.count)
                for s in sourceList { samplesIn[Int(components.label[Int(s)])] += 1 }
                result.closenessIn = (0..<n).map { v in
                    let c = Int(components.label[v]), size = components.sizes[c]
                    let others = samplesIn[c] - (inSample.contains(Int32(v)) ? 1 : 0)
                    guard size > 1 else { return 0 }
                    guard others > 0 else { return nil }
                    let sum = sampledDistance[v] * Double(size - 1) / Double(others)
                    return closeness(sum, reached: size, n: n)
                }
                result.closenessOut = result.closenessIn
            }
            let delta = PathMeasures.defaultConfidenceDelta
            result.errorBound = Double(n) / Double(max(n - 1, 1)) * (log(2 * Double(n) / delta) / (2 * Double(k))).squareRoot()
        }
        return result
    }
}

extension Graph {
    /// The number of threads used by default: the machine's active processors.
    public static let defaultThreadCount: Int = {
        let count = sysconf(Int32(_SC_NPROCESSORS_ONLN))
        return count > 0 ? count : 1
    }()
}

private func closeness(_ sum: Double, reached: Int, n: Int) -> Double {
    guard sum > 0, n > 1 else { return 0 }
    let r = Double(reached - 1)
    return (r / sum) * (r / Double(n - 1))
}

/// Raw buffers shared by the worker threads. Each index is written by exactly one block (or
/// one source), so there are no data races; the type only carries them across threads.
private struct SharedBuffers: @unchecked Sendable {
    let partials: UnsafeMutableBufferPointer<Double>
    let closeIn: UnsafeMutableBufferPointer<Double>
    let closeOut: UnsafeMutableBufferPointer<Double>
    let harmIn: UnsafeMutableBufferPointer<Double>
    let harmOut: UnsafeMutableBufferPointer<Double>
    let eccentricity: UnsafeMutableBufferPointer<Double>
}

/// A seeded generator (SplitMix64), so that sampling gives the same sources on any machine.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
