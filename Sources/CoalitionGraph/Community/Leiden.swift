import Dispatch
import Synchronization
extension Graph {
    /// Finds communities by Leiden or Louvain, on the undirected view (a directed graph's arcs
    /// are summed both ways). Seeded and deterministic: the same seed gives the same partition
    /// on any machine. With `restarts` > 1 the best of that many runs (seeds derived from
    /// `seed`) is kept. Every returned community is connected.
    /// - Parameter iterations: how many times the whole procedure runs, each from the last
    ///   partition; nil repeats until the quality stops improving (igraph's −1).
    public func communities(
        method: CommunityMethod = .leiden,
        objective: CommunityObjective = .modularity(resolution: 1),
        weighted: Bool = false, seed: UInt64 = 1, restarts: Int = 1,
        iterations: Int? = nil, randomness: Double = 0.01
    ) -> Communities {
        let base = WeightedGraph(self, weighted: weighted)
        let runs = max(1, restarts)
        @Sendable func run(_ r: Int) -> Communities {
            var rng = SplitMix64(seed: seed &+ UInt64(r) &* 0xD1B5_4A32_D192_ED03)
            var detector = CommunityDetector(graph: base, objective: objective, method: method, randomness: randomness)
            // Repeat from the partition found until the quality stops improving (igraph's
            // n_iterations = −1).
            var membership = detector.run(from: nil, using: &rng)
            var current = Self.quality(base, membership, objective)
            for _ in 1..<(iterations ?? 50) {
                let next = detector.run(from: membership, using: &rng)
                let q = Self.quality(base, next, objective)
                if iterations == nil && q <= current + 1e-12 * max(1, abs(current)) { break }
                if q < current { continue }
                membership = next
                current = q
            }
            var split = 0
            (membership, split) = splitDisconnected(base, membership)
            let (canonicalMembership, count) = canonical(membership)
            let quality = Self.quality(base, canonicalMembership, objective)
            return Communities(membership: canonicalMembership, count: count, quality: quality, splitDisconnected: split)
        }
        // Each run has its own seed, so the runs go side by side on the machine's threads and
        // the best is chosen in run order afterwards: the same answer on any thread count.
        var results: [Communities] = []
        if runs > 1 && Graph.defaultThreadCount > 1 && vertexCount >= 200 {
            let threads = min(Graph.defaultThreadCount, runs)
            let next = Atomic<Int>(0)
            let slots = ResultSlots<Communities>(count: runs)
            DispatchQueue.concurrentPerform(iterations: threads) { _ in
                while true {
                    let r = next.wrappingAdd(1, ordering: .relaxed).oldValue
                    guard r < runs else { break }
                    slots.store(run(r), at: r)
                }
            }
            results = slots.values
        } else {
            results = (0..<runs).map(run)
        }
        var best: Communities?
        for result in results where best == nil || result.quality > best!.quality + 1e-12 { best = result }
        best!.runs = runs
        return best!
    }

    /// The objective's value on the undirected view.
    static func quality(_ g: WeightedGraph, _ membership: [Int], _ objective: CommunityObjective) -> Double {
        let k = (membership.max() ?? -1) + 1
        var inside = [Double](repeating: 0, count: k), degree = inside, size = inside
        for v in 0..<g.n {
            let c = membership[v]
            inside[c] += g.selfLoop[v]
            degree[c] += g.strength[v]
            size[c] += g.size[v]
            for i in g.offsets[v]..<g.offsets[v + 1] where Int(g.targets[i]) > v && membership[Int(g.targets[i])] == c {
                inside[c] += g.weights[i]
            }
        }
        switch objective {
        case .modularity(let gamma):
            let m = g.totalWeight
            guard m > 0 else { return 0 }
            return (0..<k).reduce(0.0) { $0 + inside[$1] / m - gamma * (degree[$1] / (2 * m)) * (degree[$1] / (2 * m)) }
        case .cpm(let gamma):
            return (0..<k).reduce(0.0) { $0 + inside[$1] - gamma * size[$1] * (size[$1] - 1) / 2 }
        }
    }
}

/// Splits every community into its connected parts (within the community).
private func splitDisconnected(_ g: WeightedGraph, _ membership: [Int]) -> ([Int], Int) {
    var result = [Int](repeating: -1, count: g.n)
    var next = 0
    var seen = [Bool](repeating: false, count: (membership.max() ?? -1) + 1)
    var split = 0
    var stack: [Int] = []
    for start in 0..<g.n where result[start] < 0 {
        let c = membership[start]
        if seen[c] { split += 1 } else { seen[c] = true }
        result[start] = next
        stack.append(start)
        while let v = stack.popLast() {
            for i in g.offsets[v]..<g.offsets[v + 1] {
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

    mutating func run(from initial: [Int]?, using rng: inout SplitMix64) -> [Int] {
        var g = original
        // membership of original vertices in nodes of the current graph, and the partition of
        // the current graph's nodes.
        var vertexToNode = Array(0..<g.n)
        var partition = initial.map { canonical($0).membership } ?? Array(0..<g.n)
        for _ in 0..<100 {
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
            for v in 0..<g.n { nodePartition[refined[v]] = partition[v] }
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
        guard n > 0 else { return false }
        var order = Array(0..<n)
        order.shuffle(using: &rng)
        // Raw buffers for the hot loop (every index comes from the graph's own rows).
        func buffer<T>(_ count: Int, _ value: T) -> UnsafeMutableBufferPointer<T> {
            let b = UnsafeMutableBufferPointer<T>.allocate(capacity: max(count, 1))
            b.initialize(repeating: value)
            return b
        }
        let part = buffer(n, 0), total = buffer(n, 0.0), members = buffer(n, 0), link = buffer(n, 0.0)
        let inQueue = buffer(n, true), queue = buffer(n, 0), touched = buffer(n, 0)
        defer {
            part.deallocate(); total.deallocate(); members.deallocate(); link.deallocate()
            inQueue.deallocate(); queue.deallocate(); touched.deallocate()
        }
        for v in 0..<n {
            part[v] = partition[v]
            total[partition[v]] += obj.nodeWeight[v]
            members[partition[v]] += 1
            queue[v] = order[v]
        }
        var emptyCommunities = (0..<n).filter { members[$0] == 0 }
        // The queue is circular: each node is in it at most once.
        var head = 0, queued = n
        var anyMoved = false
        var sweepMoved = false
        var sweepLeft = n
        g.offsets.withUnsafeBufferPointer { offsets in
            g.targets.withUnsafeBufferPointer { targets in
                g.weights.withUnsafeBufferPointer { weights in
                    obj.nodeWeight.withUnsafeBufferPointer { nodeWeight in
                        let scale = obj.scale
                        while queued > 0 {
                            let v = queue[head]
                            head = head + 1 == n ? 0 : head + 1
                            queued -= 1
                            inQueue[v] = false
                            let current = part[v]
                            var touchedCount = 0
                            for i in offsets[v]..<offsets[v + 1] {
                                let c = part[Int(targets[i])]
                                if link[c] == 0 { touched[touchedCount] = c; touchedCount += 1 }
                                link[c] += weights[i]
                            }
                            let wv = nodeWeight[v]
                            total[current] -= wv
                            members[current] -= 1
                            if members[current] == 0 { emptyCommunities.append(current) }
                            var best = current
                            var bestGain = link[current] - scale * wv * total[current]
                            for k in 0..<touchedCount {
                                let c = touched[k]
                                if c == current { continue }
                                let gain = link[c] - scale * wv * total[c]
                                if gain > bestGain + 1e-12 * max(1, abs(bestGain)) { best = c; bestGain = gain }
                            }
                            // An empty community gains 0.
                            if bestGain < -1e-12, members[current] > 0, let empty = emptyCommunities.last {
                                best = empty
                                bestGain = 0
                            }
                            for k in 0..<touchedCount { link[touched[k]] = 0 }
                            if members[best] == 0 {
                                // `best` is an empty community: the one v just left, or one from the pool.
                                if emptyCommunities.last == best {
                                    emptyCommunities.removeLast()
                                } else if let i = emptyCommunities.lastIndex(of: best) {
                                    emptyCommunities.remove(at: i)
                                }
                            }
                            part[v] = best
                            total[best] += wv
                            members[best] += 1
                            if best != current {
                                anyMoved = true
                                sweepMoved = true
                                if method == .leiden {
                                    for i in offsets[v]..<offsets[v + 1] {
                                        let u = Int(targets[i])
                                        if !inQueue[u] && part[u] != best {
                                            inQueue[u] = true
                                            queue[(head + queued) % n] = u
                                            queued += 1
                                        }
                                    }
                                }
                            }
                            if method == .louvain {
                                sweepLeft -= 1
                                if sweepLeft == 0 && sweepMoved {
                                    // Louvain: another full sweep in the same order until nothing moves.
                                    sweepMoved = false
                                    sweepLeft = n
                                    for u in order { queue[(head + queued) % n] = u; queued += 1; inQueue[u] = true }
                                }
                            }
                        }
                    }
                }
            }
        }
        for v in 0..<n { partition[v] = part[v] }
        return anyMoved
    }

    /// Leiden's refinement: inside each community, start from singletons and merge
    /// well-connected nodes into well-connected sub-communities, chosen at random with
    /// probability ∝ exp(gain/θ) among those that do not lower the quality.
    func refine(_ g: WeightedGraph, _ obj: Objective, _ partition: [Int], _ count: Int, using rng: inout SplitMix64) -> [Int] {
        let n = g.n
        var refined = Array(0..<n)
        var communityTotal = [Double](repeating: 0, count: count)
        for v in 0..<n { communityTotal[partition[v]] += obj.nodeWeight[v] }
        // Weight from each refined community to the rest of its community.
        var external = [Double](repeating: 0, count: n)
        var refinedTotal = obj.nodeWeight
        var isSingleton = [Bool](repeating: true, count: n)
        for v in 0..<n {
            for i in g.offsets[v]..<g.offsets[v + 1] where partition[Int(g.targets[i])] == partition[v] {
                external[v] += g.weights[i]
            }
        }
        var order = Array(0..<n)
        order.shuffle(using: &rng)
        var linkWeight = [Double](repeating: 0, count: n)
        var touched: [Int] = []
        var candidates: [(community: Int, gain: Double)] = []
        var cumulative: [Double] = []
        for v in order where isSingleton[v] {
            let s = partition[v]
            let wv = obj.nodeWeight[v]
            // v must be well connected to the rest of its community.
            guard external[v] >= obj.scale * wv * (communityTotal[s] - wv) - 1e-12 else { continue }
            for i in g.offsets[v]..<g.offsets[v + 1] {
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
            let unit = 1.0
            var weightsSum = 0.0
            cumulative.removeAll(keepingCapacity: true)
            for cand in candidates {
                weightsSum += Foundationless.exp((cand.gain - bestGain) / unit / randomness)
                cumulative.append(weightsSum)
            }
            let draw = Double.random(in: 0..<weightsSum, using: &rng)
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
