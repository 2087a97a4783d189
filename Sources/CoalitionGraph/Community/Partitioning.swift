/// What community detection optimises.
public enum CommunityObjective: Sendable, Hashable {
    /// Newman–Girvan modularity with resolution γ: Σ_c [L_c/m − γ(K_c/2m)²].
    case modularity(resolution: Double)
    /// The Constant Potts Model (Traag, Van Dooren & Nesterov 2011) with resolution γ:
    /// Σ_c [L_c − γ·n_c(n_c−1)/2]: communities denser than γ.
    case cpm(resolution: Double)
}

public enum CommunityMethod: String, Sendable, Hashable, CaseIterable {
    /// Traag, Waltman & van Eck (2019), doi:10.1038/s41598-019-41695-z: local moving, a
    /// refinement that keeps every community connected, aggregation.
    case leiden
    /// Blondel et al. (2008), doi:10.1088/1742-5468/2008/10/P10008: local moving and
    /// aggregation. Its communities can be disconnected; such communities are split.
    case louvain
}

/// A partition found by community detection.
public struct Communities: Sendable {
    /// Community of each vertex, numbered by first appearance in vertex order.
    public var membership: [Int]
    public var count: Int
    /// The objective's value (modularity, or CPM quality) of `membership`.
    public var quality: Double
    /// Communities that local moving left disconnected and were split (Louvain only).
    public var splitDisconnected: Int
    /// How many runs from different seeds the best was kept of.
    public var runs: Int = 1

    /// Runs kept by default: 100 below 1,000 vertices (milliseconds each, and a small network's
    /// best partition is often reached by few seeds: Padgett's Florentine families by about 1
    /// run in 9), 10 up to 20,000, else 1.
    public static func defaultRuns(vertexCount n: Int) -> Int {
        n < 1_000 ? 100 : n <= 20_000 ? 10 : 1
    }
}

/// A weighted undirected graph for community detection: adjacency without self-loops,
/// self-loop weight and node weight separately (aggregation creates self-loops).
struct WeightedGraph {
    var n: Int
    var offsets: [Int]
    var targets: [Int32]
    var weights: [Double]
    var selfLoop: [Double]
    /// Strength (incident weight, a self-loop counted twice) and size (original vertices).
    var strength: [Double]
    var size: [Double]
    var totalWeight: Double

    init(_ g: Graph, weighted: Bool) {
        n = g.vertexCount
        // The undirected view. Weighted, arcs both ways are summed; unweighted, a pair joined
        // either way or both is one tie of weight 1 (igraph's as_undirected(mode="collapse")),
        // so that a reciprocated tie does not count twice as much as a one-way one.
        var rows = [[(Int32, Double)]](repeating: [], count: n)
        for e in 0..<g.edgeCount {
            let u = Int(g.edgeSources[e]), v = Int(g.edgeTargets[e])
            let w = weighted ? g.edgeWeights[e] : 1
            if u == v { continue }
            rows[u].append((Int32(v), w))
            rows[v].append((Int32(u), w))
        }
        var offsets = [0], targets: [Int32] = [], weights: [Double] = []
        for v in 0..<n {
            let sorted = rows[v].sorted { $0.0 < $1.0 }
            var i = 0
            while i < sorted.count {
                var w = sorted[i].1
                while i + 1 < sorted.count && sorted[i + 1].0 == sorted[i].0 { i += 1; w += sorted[i].1 }
                targets.append(sorted[i].0); weights.append(weighted ? w : 1)
                i += 1
            }
            offsets.append(targets.count)
        }
        self.offsets = offsets
        self.targets = targets
        self.weights = weights
        selfLoop = Array(repeating: 0, count: n)
        strength = (0..<n).map { v in (offsets[v]..<offsets[v + 1]).reduce(0.0) { $0 + weights[$1] } }
        size = Array(repeating: 1, count: n)
        totalWeight = strength.reduce(0, +) / 2
    }

    init(n: Int, offsets: [Int], targets: [Int32], weights: [Double], selfLoop: [Double], strength: [Double], size: [Double], totalWeight: Double) {
        self.n = n; self.offsets = offsets; self.targets = targets; self.weights = weights
        self.selfLoop = selfLoop; self.strength = strength; self.size = size; self.totalWeight = totalWeight
    }

    /// The graph of communities: one node per community, weights summed. Members are bucketed
    /// by community and each community's links summed in a dense array (no hashing).
    func aggregated(by membership: [Int], count: Int) -> WeightedGraph {
        var loops = [Double](repeating: 0, count: count)
        var strengthSum = [Double](repeating: 0, count: count)
        var sizeSum = [Double](repeating: 0, count: count)
        var start = [Int](repeating: 0, count: count + 1)
        for v in 0..<n { start[membership[v] + 1] += 1 }
        for c in 0..<count { start[c + 1] += start[c] }
        var members = [Int](repeating: 0, count: n)
        var cursor = start
        for v in 0..<n { members[cursor[membership[v]]] = v; cursor[membership[v]] += 1 }
        var newOffsets = [Int](repeating: 0, count: count + 1)
        var targets: [Int32] = [], weights: [Double] = []
        targets.reserveCapacity(self.targets.count / 2)
        weights.reserveCapacity(self.targets.count / 2)
        // Raw buffers in the loop over every link (each index comes from the graph's own rows):
        // with array accesses this was a fifth of a Leiden run.
        let accumulated = UnsafeMutableBufferPointer<Double>.allocate(capacity: max(count, 1))
        accumulated.initialize(repeating: 0)
        let seen = UnsafeMutableBufferPointer<Bool>.allocate(capacity: max(count, 1))
        seen.initialize(repeating: false)
        defer { accumulated.deallocate(); seen.deallocate() }
        var touched: [Int32] = []
        membership.withUnsafeBufferPointer { membership in
            self.offsets.withUnsafeBufferPointer { offsets in
                self.targets.withUnsafeBufferPointer { links in
                    self.weights.withUnsafeBufferPointer { linkWeights in
                        for c in 0..<count {
                            var loop = 0.0, strength = 0.0, size = 0.0
                            for k in start[c]..<start[c + 1] {
                                let v = members[k]
                                loop += selfLoop[v]
                                strength += self.strength[v]
                                size += self.size[v]
                                for i in offsets[v]..<offsets[v + 1] {
                                    let u = Int(links[i])
                                    let d = membership[u]
                                    if d == c {
                                        if u > v { loop += linkWeights[i] }
                                    } else {
                                        if !seen[d] { seen[d] = true; touched.append(Int32(d)) }
                                        accumulated[d] += linkWeights[i]
                                    }
                                }
                            }
                            loops[c] = loop; strengthSum[c] = strength; sizeSum[c] = size
                            touched.sort()
                            for d in touched {
                                let d = Int(d)
                                targets.append(Int32(d)); weights.append(accumulated[d])
                                accumulated[d] = 0; seen[d] = false
                            }
                            touched.removeAll(keepingCapacity: true)
                            newOffsets[c + 1] = targets.count
                        }
                    }
                }
            }
        }
        return WeightedGraph(
            n: count, offsets: newOffsets, targets: targets, weights: weights, selfLoop: loops,
            strength: strengthSum, size: sizeSum, totalWeight: totalWeight)
    }
}

/// The objective as "gain of putting node v in community C": k_{v,C} − γ'·w_v·W_C, with node
/// weight w = strength and γ' = γ/2m for modularity, w = size and γ' = γ for CPM.
struct Objective {
    let nodeWeight: [Double]
    let scale: Double

    init(_ objective: CommunityObjective, _ g: WeightedGraph) {
        switch objective {
        case .modularity(let gamma):
            nodeWeight = g.strength
            scale = g.totalWeight > 0 ? gamma / (2 * g.totalWeight) : 0
        case .cpm(let gamma):
            nodeWeight = g.size
            scale = gamma
        }
    }
}

/// Renumbers communities by first appearance in vertex order. Labels are small non-negative
/// integers here (at most the node count), so a dense table does what a dictionary did, and
/// hashing was a tenth of the time of a Leiden run on 10,000 actors.
func canonical(_ membership: [Int]) -> (membership: [Int], count: Int) {
    let largest = membership.max() ?? -1
    guard largest >= 0, largest < 4 * membership.count + 16, membership.allSatisfy({ $0 >= 0 }) else {
        var map: [Int: Int] = [:]
        let out = membership.map { c -> Int in
            if let m = map[c] { return m }
            map[c] = map.count
            return map.count - 1
        }
        return (out, map.count)
    }
    var map = [Int](repeating: -1, count: largest + 1)
    var count = 0
    var out = [Int](repeating: 0, count: membership.count)
    for (v, c) in membership.enumerated() {
        if map[c] < 0 { map[c] = count; count += 1 }
        out[v] = map[c]
    }
    return (out, count)
}
