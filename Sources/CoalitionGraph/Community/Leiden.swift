extension Graph {
    /// Finds communities by Leiden or Louvain, on the undirected view (a directed graph's arcs
    /// are summed both ways). Seeded and deterministic: the same seed gives the same partition
    /// on any machine. With `restarts` > 1 the best of that many runs (seeds derived from
    /// `seed`) is kept. Every returned community is connected.
    public func communities(method: CommunityMethod = .leiden,
                            objective: CommunityObjective = .modularity(resolution: 1),
                            weighted: Bool = false, seed: UInt64 = 1, restarts: Int = 1,
                            randomness: Double = 0.01) -> Communities {
        let base = WeightedGraph(self, weighted: weighted)
        var best: Communities?
        for r in 0 ..< max(1, restarts) {
            var rng = SplitMix64(seed: seed &+ UInt64(r) &* 0xD1B5_4A32_D192_ED03)
            var detector = CommunityDetector(graph: base, objective: objective, method: method, randomness: randomness)
            var membership = detector.run(using: &rng)
            var split = 0
            (membership, split) = splitDisconnected(base, membership)
            let (canonicalMembership, count) = canonical(membership)
            let quality = Self.quality(base, canonicalMembership, objective)
            let result = Communities(membership: canonicalMembership, count: count, quality: quality, splitDisconnected: split)
            if best == nil || quality > best!.quality + 1e-12 { best = result }
        }
        return best!
    }

    /// The objective's value on the undirected view.
    static func quality(_ g: WeightedGraph, _ membership: [Int], _ objective: CommunityObjective) -> Double {
        let k = (membership.max() ?? -1) + 1
        var inside = [Double](repeating: 0, count: k), degree = inside, size = inside
        for v in 0 ..< g.n {
            let c = membership[v]
            inside[c] += g.selfLoop[v]
            degree[c] += g.strength[v]
            size[c] += g.size[v]
            for i in g.offsets[v] ..< g.offsets[v + 1] where Int(g.targets[i]) > v && membership[Int(g.targets[i])] == c {
                inside[c] += g.weights[i]
            }
        }
        switch objective {
        case .modularity(let gamma):
            let m = g.totalWeight
            guard m > 0 else { return 0 }
            return (0 ..< k).reduce(0.0) { $0 + inside[$1] / m - gamma * (degree[$1] / (2 * m)) * (degree[$1] / (2 * m)) }
        case .cpm(let gamma):
            return (0 ..< k).reduce(0.0) { $0 + inside[$1] - gamma * size[$1] * (size[$1] - 1) / 2 }
        }
    }
}

/// Splits every community into its connected parts (within the community).
private func splitDisconnected(_ g: WeightedGraph, _ membership: [Int]) -> ([Int], Int) {
    var result = [Int](repeating: -1, count: g.n)
    var next = 0
    var seen = Set<Int>()
    var split = 0
    var stack: [Int] = []
    for start in 0 ..< g.n where result[start] < 0 {
        let c = membership[start]
        if !seen.insert(c).inserted { split += 1 }
        result[start] = next
        stack.append(start)
        while let v = stack.popLast() {
            for i in g.offsets[v] ..< g.offsets[v + 1] {
                let w = Int(g.targets[i])
                if result[w] < 0 && membership[w] == c { result[w] = next; stack.append(w) }
            }
        }
        next += 1
    }
    return (result, split)
}

/// One run of Leiden or Louvain over successive aggregations.
private struct CommunityDetector {
    let original: WeightedGraph
    let objective: CommunityObjective
    let method: CommunityMethod
    let randomness: Double

    init(graph: WeightedGraph, objective: CommunityObjective, method: CommunityMethod, randomness: Double) {
        original = graph
        self.objective = objective
        self.method = method
        self.randomness = randomness
    }

    mutating func run(using rng: inout SplitMix64) -> [Int] {
        var g = original
        // membership of original vertices in nodes of the current graph, and the partition of
        // the current graph's nodes.
        var vertexToNode = Array(0 ..< g.n)
        var partition = Array(0 ..< g.n)
        for _ in 0 ..< 100 {
            let obj = Objective(objective, g)
            let moved = moveNodes(g, obj, &partition, using: &rng)
            let (communities, communityCount) = canonical(partition)
            partition = communities
            if communityCount == g.n && !moved { break }
            if communityCount == g.n { break }
            let (refined, refinedCount): ([Int], Int)
            if method == .leiden {
                (refined, refinedCount) = canonical(refine(g, obj, partition, communityCount, using: &rng))
            } else {
                (refined, refinedCount) = (partition, communityCount)
            }
            if refinedCount == g.n { break }
            // Aggregate on the refined partition; start from the unrefined one.
            var nodePartition = [Int](repeating: 0, count: refinedCount)
            for v in 0 ..< g.n { nodePartition[refined[v]] = partition[v] }
            vertexToNode = vertexToNode.map { refined[$0] }
            g = g.aggregated(by: refined, count: refinedCount)
            partition = nodePartition
        }
        return vertexToNode.map { partition[$0] }
    }

    /// Leiden's fast local moving (a queue of nodes to visit), or Louvain's sweeps: each node
    /// moves to the neighbouring community with the largest gain. Returns whether any moved.
    func moveNodes(_ g: WeightedGraph, _ obj: Objective, _ partition: inout [Int], using rng: inout SplitMix64) -> Bool {
        let n = g.n
        var total = [Double](repeating: 0, count: n)
        var members = [Int](repeating: 0, count: n)
        for v in 0 ..< n { total[partition[v]] += obj.nodeWeight[v]; members[partition[v]] += 1 }
        var emptyCommunities = (0 ..< n).filter { members[$0] == 0 }
        var linkWeight = [Double](repeating: 0, count: n)
        var touched: [Int] = []
        var order = Array(0 ..< n)
        order.shuffle(using: &rng)
        var queue = order
        var head = 0
        var inQueue = [Bool](repeating: true, count: n)
        var anyMoved = false
        var sweepMoved = false
        while head < queue.count {
            let v = queue[head]
            head += 1
            inQueue[v] = false
            let current = partition[v]
            for i in g.offsets[v] ..< g.offsets[v + 1] {
                let c = partition[Int(g.targets[i])]
                if linkWeight[c] == 0 { touched.append(c) }
                linkWeight[c] += g.weights[i]
            }
            let wv = obj.nodeWeight[v]
            total[current] -= wv
            members[current] -= 1
            if members[current] == 0 { emptyCommunities.append(current) }
            var best = current
            var bestGain = linkWeight[current] - obj.scale * wv * total[current]
            for c in touched where c != current {
                let gain = linkWeight[c] - obj.scale * wv * total[c]
                if gain > bestGain + 1e-12 * max(1, abs(bestGain)) { best = c; bestGain = gain }
            }
            // An empty community gains 0.
            if bestGain < -1e-12, members[current] > 0, let empty = emptyCommunities.last {
                best = empty
                bestGain = 0
            }
            for c in touched { linkWeight[c] = 0 }
            touched.removeAll(keepingCapacity: true)
            if members[best] == 0, let i = emptyCommunities.lastIndex(of: best) { emptyCommunities.remove(at: i) }
            partition[v] = best
            total[best] += wv
            members[best] += 1
            if best != current {
                anyMoved = true
                sweepMoved = true
                if method == .leiden {
                    for i in g.offsets[v] ..< g.offsets[v + 1] {
                        let u = Int(g.targets[i])
                        if !inQueue[u] && partition[u] != best { inQueue[u] = true; queue.append(u) }
                    }
                }
            }
            if method == .louvain && head == queue.count && sweepMoved {
                // Louvain: another full sweep in the same order until nothing moves.
                sweepMoved = false
                queue.append(contentsOf: order)
            }
        }
        return anyMoved
    }

    /// Leiden's refinement: inside each community, start from singletons and merge
    /// well-connected nodes into well-connected sub-communities, chosen at random with
    /// probability ∝ exp(gain/θ) among those that do not lower the quality.
    func refine(_ g: WeightedGraph, _ obj: Objective, _ partition: [Int], _ count: Int, using rng: inout SplitMix64) -> [Int] {
        let n = g.n
        var refined = Array(0 ..< n)
        var communityTotal = [Double](repeating: 0, count: count)
        for v in 0 ..< n { communityTotal[partition[v]] += obj.nodeWeight[v] }
        // Weight from each refined community to the rest of its community.
        var external = [Double](repeating: 0, count: n)
        var refinedTotal = obj.nodeWeight
        var isSingleton = [Bool](repeating: true, count: n)
        for v in 0 ..< n {
            for i in g.offsets[v] ..< g.offsets[v + 1] where partition[Int(g.targets[i])] == partition[v] {
                external[v] += g.weights[i]
            }
        }
        var order = Array(0 ..< n)
        order.shuffle(using: &rng)
        var linkWeight = [Double](repeating: 0, count: n)
        var touched: [Int] = []
        var candidates: [(community: Int, gain: Double)] = []
        for v in order where isSingleton[v] {
            let s = partition[v]
            let wv = obj.nodeWeight[v]
            // v must be well connected to the rest of its community.
            guard external[v] >= obj.scale * wv * (communityTotal[s] - wv) - 1e-12 else { continue }
            for i in g.offsets[v] ..< g.offsets[v + 1] {
                let u = Int(g.targets[i])
                guard partition[u] == s else { continue }
                let c = refined[u]
                if linkWeight[c] == 0 { touched.append(c) }
                linkWeight[c] += g.weights[i]
            }
            candidates.removeAll(keepingCapacity: true)
            var bestGain = 0.0
            for c in touched where c != refined[v] {
                // Only well-connected refined communities take new members.
                guard external[c] >= obj.scale * refinedTotal[c] * (communityTotal[s] - refinedTotal[c]) - 1e-12 else { continue }
                let gain = linkWeight[c] - obj.scale * wv * refinedTotal[c]
                if gain >= 0 {
                    candidates.append((c, gain))
                    bestGain = max(bestGain, gain)
                }
            }
            let own = refined[v]

            for c in touched { linkWeight[c] = 0 }
            touched.removeAll(keepingCapacity: true)
            guard !candidates.isEmpty else { continue }
            // Random choice ∝ exp(gain/θ), gains in units of the total weight.
            let unit = max(g.totalWeight, 1e-300)
            var weightsSum = 0.0
            var cumulative: [Double] = []
            for cand in candidates {
                weightsSum += Foundationless.exp((cand.gain - bestGain) / unit / randomness)
                cumulative.append(weightsSum)
            }
            let draw = Double.random(in: 0 ..< weightsSum, using: &rng)
            let chosen = candidates[cumulative.firstIndex { draw < $0 } ?? (candidates.count - 1)]
            let c = chosen.community
            // Move v (a singleton) into c.
            let linkToC = chosen.gain + obj.scale * wv * refinedTotal[c]
            external[c] = external[c] + external[v] - 2 * linkToC
            refinedTotal[c] += wv
            refinedTotal[own] -= wv
            external[own] = 0
            refined[v] = c
            isSingleton[v] = false
            isSingleton[c] = false
        }
        return refined
    }
}
