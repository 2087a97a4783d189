import Dispatch

/// Borgatti's key-player problems (Borgatti 2006, *Identifying sets of key players in a social
/// network*, Computational and Mathematical Organization Theory 12(1), 21–34): which k actors,
/// removed, break the network most (KPP-Neg), and which k actors reach everyone else fastest
/// (KPP-Pos). On the undirected view of the positive ties; repeated ties count once.
///
/// No library does this for CSR graphs with the search the paper describes (UCINET's KeyPlayer
/// is a separate Windows program; networkx and igraph have none), so it is written here.
public struct KeyPlayers: Sendable {
    /// What a set is chosen for. Every objective is maximised.
    public enum Objective: String, Sendable, CaseIterable {
        /// KPP-Neg: F = 1 − Σ_c s_c(s_c − 1) / (N(N − 1)) over the components c of what is left
        /// (N actors): 0 when everyone left can still reach everyone, 1 when no one can.
        case fragmentation
        /// KPP-Neg, distance-weighted: DF = 1 − Σ_{i≠j} (1/d_ij) / (N(N − 1)), 1/∞ = 0.
        case distanceWeightedFragmentation = "distance-weighted-fragmentation"
        /// KPP-Pos: D_R = Σ_{j∉S} (1/d(S, j)) / n, d(S, j) the distance from the nearest member,
        /// n every actor (the paper's equation).
        case reach
        /// KPP-Pos: the share of non-members within m steps of a member.
        case mReach = "m-reach"

        /// Whether the set is taken out (KPP-Neg) or kept as the ones who reach (KPP-Pos).
        public var removesTheSet: Bool { self == .fragmentation || self == .distanceWeightedFragmentation }
    }

    public struct Options: Sendable {
        /// The number of actors in the set.
        public var size: Int
        /// m of m-reach.
        public var steps = 1
        /// The vertices the set may hold; nil: every vertex.
        public var candidates: [Int]?
        /// Seeded starts of the swap search: the first greedy, the second the `size` best
        /// individuals, the others random.
        public var restarts = 10
        public var seed: UInt64 = 1
        /// Every set is tried when there are at most this many candidates and the set is at most
        /// `exhaustiveSize`: the answer is then proven optimal.
        public var exhaustiveCandidates = 60
        public var exhaustiveSize = 3
        /// Above this many candidates, swaps bring in only the `swapPool` best-connected
        /// candidates (by degree): every swap costs one evaluation of the whole network.
        public var swapPool = 400
        /// The most double swaps (two members for two non-members) tried when no single swap
        /// helps; above, and with DF sampled, the search stops at the single swaps' optimum.
        public var doubleSwapBudget = 20_000
        /// Distance-weighted fragmentation is exact up to this many actors; above, estimated from
        /// `samples` sources drawn once (seeded), the same sources for every set.
        public var exactDistanceLimit = 300
        public var samples = 50
        /// With distance-weighted fragmentation sampled, each evaluation is `samples`
        /// breadth-first searches: the single actors are scored, and swaps bring in, only the
        /// `sampledSwapPool` best-connected candidates, from at most `sampledRestarts` starts.
        public var sampledSwapPool = 50
        public var sampledRestarts = 4
        /// With more candidates than `swapPool` (each pass is `size` × `swapPool` evaluations of
        /// the whole network), at most this many starts.
        public var pooledRestarts = 4
        public var threads = Graph.defaultThreadCount

        public init(size: Int) { self.size = size }
    }

    public struct Result: Sendable, Equatable {
        public var objective: Objective
        /// The chosen set, ascending.
        public var set: [Int]
        public var value: Double
        /// Every set of that size among the candidates was tried.
        public var isOptimal: Bool
        /// The best single candidate and its value (among the swap pool when the search used one).
        public var bestSingle: Int
        public var bestSingleValue: Double
        /// The `size` candidates best on their own, taken together, and their value: what the
        /// set gains over them is the reason to choose sets at all.
        public var topIndividuals: [Int]
        public var topIndividualsValue: Double
        /// Sources of the estimate, when distance-weighted fragmentation was sampled, and the
        /// estimate's standard error for the chosen set (the spread of the sources' own values
        /// over √sources).
        public var sampledSources: Int?
        public var standardError: Double?
        /// The value with no one taken out (fragmentation objectives only): how fragmented the
        /// network already is.
        public var baseline: Double?
        /// How the set was found, in words.
        public var search: String
    }

    /// Undirected neighbours over positive ties, each pair once, in raw memory that outlives
    /// every copy of the value (read-only once built).
    final class Rows: @unchecked Sendable {
        let offsets: UnsafeMutablePointer<Int>
        let targets: UnsafeMutablePointer<Int32>
        init(_ offsets: [Int], _ targets: [Int32]) {
            self.offsets = .allocate(capacity: offsets.count)
            self.offsets.initialize(from: offsets, count: offsets.count)
            self.targets = .allocate(capacity: max(targets.count, 1))
            self.targets.initialize(from: targets, count: targets.count)
        }
        deinit {
            offsets.deallocate()
            targets.deallocate()
        }
    }
    let rows: Rows
    public let vertexCount: Int

    public init(_ graph: Graph) {
        let n = graph.vertexCount
        var lists = [[Int32]](repeating: [], count: n)
        for e in 0..<graph.edgeCount where graph.edgeSigns[e] == .positive {
            let a = graph.edgeSources[e], b = graph.edgeTargets[e]
            guard a != b else { continue }
            lists[Int(a)].append(b)
            lists[Int(b)].append(a)
        }
        var offsets = [0]
        var targets: [Int32] = []
        for var row in lists {
            row.sort()
            var last: Int32 = -1
            for w in row where w != last {
                targets.append(w)
                last = w
            }
            offsets.append(targets.count)
        }
        self.rows = Rows(offsets, targets)
        vertexCount = n
    }

    /// The degree of `v` in the undirected view.
    public func degree(_ v: Int) -> Int { rows.offsets[v + 1] - rows.offsets[v] }

    // MARK: Measures

    /// Scratch space for one evaluation at a time (one per thread, never shared). Raw memory:
    /// an evaluation is a breadth-first search, run hundreds of thousands of times in a search,
    /// and array storage in a class pays a uniqueness and exclusivity check on every write.
    final class Workspace: @unchecked Sendable {
        let n: Int
        let mark: UnsafeMutablePointer<Int32>
        /// The vertices taken out for this evaluation (set and cleared by it).
        let removed: UnsafeMutablePointer<Bool>
        let distance: UnsafeMutablePointer<Int32>
        let queue: UnsafeMutablePointer<Int32>
        var stamp: Int32 = 0
        init(_ n: Int) {
            self.n = n
            let size = max(n, 1)
            mark = .allocate(capacity: size)
            mark.initialize(repeating: 0, count: size)
            removed = .allocate(capacity: size)
            removed.initialize(repeating: false, count: size)
            distance = .allocate(capacity: size)
            distance.initialize(repeating: 0, count: size)
            queue = .allocate(capacity: size)
            queue.initialize(repeating: 0, count: size)
        }
        deinit {
            mark.deallocate()
            removed.deallocate()
            distance.deallocate()
            queue.deallocate()
        }
        /// A fresh stamp: vertices whose mark differs are unvisited.
        func next() -> Int32 {
            if stamp == Int32.max {
                mark.update(repeating: 0, count: max(n, 1))
                stamp = 0
            }
            stamp += 1
            return stamp
        }
    }

    /// The objective's value for `set` (any order; repeats count once).
    public func value(_ objective: Objective, of set: [Int], steps: Int = 1, sources: [Int]? = nil) -> Double {
        evaluate(objective, Array(Set(set)).sorted(), steps: steps, sources: sources, Workspace(vertexCount))
    }

    func evaluate(_ objective: Objective, _ set: [Int], steps: Int, sources: [Int]?, _ w: Workspace) -> Double {
        switch objective {
        case .fragmentation: fragmentation(removing: set, w)
        case .distanceWeightedFragmentation: distanceWeightedFragmentation(removing: set, sources: sources, w)
        case .reach: reach(set, w)
        case .mReach: mReach(set, steps: steps, w)
        }
    }

    /// F of the network without `removed`: one BFS per component of what is left.
    func fragmentation(removing removed: [Int], _ w: Workspace) -> Double {
        let offsets = rows.offsets, targets = rows.targets
        let n = vertexCount, left = n - removed.count
        guard left > 1 else { return 1 }
        for v in removed { w.removed[v] = true }
        defer { for v in removed { w.removed[v] = false } }
        let seen = w.next()
        var pairs = 0
        for s in 0..<n where !w.removed[s] && w.mark[s] != seen {
            w.mark[s] = seen
            w.queue[0] = Int32(s)
            var head = 0, tail = 1
            while head < tail {
                let v = Int(w.queue[head])
                head += 1
                for i in offsets[v]..<offsets[v + 1] {
                    let u = Int(targets[i])
                    if !w.removed[u] && w.mark[u] != seen {
                        w.mark[u] = seen
                        w.queue[tail] = Int32(u)
                        tail += 1
                    }
                }
            }
            pairs += tail * (tail - 1)
        }
        return 1 - Double(pairs) / (Double(left) * Double(left - 1))
    }

    /// DF of the network without `removed`, from every actor left, or from `sources` (those of
    /// them still there) when given.
    func distanceWeightedFragmentation(
        removing removed: [Int], sources: [Int]?, _ w: Workspace, each: ((Double) -> Void)? = nil
    ) -> Double {
        let offsets = rows.offsets, targets = rows.targets
        let n = vertexCount, left = n - removed.count
        guard left > 1 else { return 1 }
        for v in removed { w.removed[v] = true }
        defer { for v in removed { w.removed[v] = false } }
        var total = 0.0, from = 0
        func run(_ s: Int) {
            let seen = w.next()
            w.mark[s] = seen
            w.distance[s] = 0
            w.queue[0] = Int32(s)
            var head = 0, tail = 1
            var sum = 0.0
            while head < tail {
                let v = Int(w.queue[head])
                head += 1
                let d = w.distance[v] + 1
                for i in offsets[v]..<offsets[v + 1] {
                    let u = Int(targets[i])
                    if w.mark[u] != seen && !w.removed[u] {
                        w.mark[u] = seen
                        w.distance[u] = d
                        w.queue[tail] = Int32(u)
                        tail += 1
                        sum += 1 / Double(d)
                    }
                }
            }
            total += sum
            from += 1
            each?(1 - sum / Double(left - 1))
        }
        if let sources {
            for s in sources where !w.removed[s] { run(s) }
            guard from > 0 else { return 1 }
            return 1 - total / (Double(from) * Double(left - 1))
        }
        for s in 0..<n where !w.removed[s] { run(s) }
        return 1 - total / (Double(left) * Double(left - 1))
    }

    /// One breadth-first search from every member of `set` at once, out to `steps`; `found(d)`
    /// for each non-member reached, at its distance d from the nearest member.
    @inline(__always)
    func spread(from set: [Int], steps: Int, _ w: Workspace, _ found: (Int32) -> Void) {
        let offsets = rows.offsets, targets = rows.targets
        let seen = w.next()
        var tail = 0
        for v in set {
            w.mark[v] = seen
            w.distance[v] = 0
            w.queue[tail] = Int32(v)
            tail += 1
        }
        var head = 0
        while head < tail {
            let v = Int(w.queue[head])
            head += 1
            let d = w.distance[v] + 1
            guard d <= steps else { continue }
            for i in offsets[v]..<offsets[v + 1] {
                let u = Int(targets[i])
                if w.mark[u] != seen {
                    w.mark[u] = seen
                    w.distance[u] = d
                    w.queue[tail] = Int32(u)
                    tail += 1
                    found(d)
                }
            }
        }
    }

    /// D_R of `set`.
    func reach(_ set: [Int], _ w: Workspace) -> Double {
        guard vertexCount > 0 else { return 0 }
        var sum = 0.0
        spread(from: set, steps: Int(Int32.max), w) { sum += 1 / Double($0) }
        return sum / Double(vertexCount)
    }

    /// The share of non-members within `steps` of a member.
    func mReach(_ set: [Int], steps: Int, _ w: Workspace) -> Double {
        let others = vertexCount - set.count
        guard others > 0 else { return 0 }
        var reached = 0
        spread(from: set, steps: steps, w) { _ in reached += 1 }
        return Double(reached) / Double(others)
    }

    // MARK: Search

    /// Why a search cannot run.
    public enum Problem: Error, Equatable, Sendable {
        /// The set asked for is empty, or as large as the candidates (or, taken out, leaves
        /// fewer than two actors).
        case badSize(size: Int, candidates: Int, actors: Int)
    }

    /// The best set of `options.size` for `objective`: every set when that is cheap (proven
    /// optimal), else the paper's search — from a greedy start, the best individuals and seeded
    /// random sets, the best
    /// swap of a member for a non-member until no swap helps. The same answer on any number of
    /// threads: evaluations run in parallel, and ties go to the set that sorts first.
    public func search(_ objective: Objective, _ options: Options) throws(Problem) -> Result {
        let n = vertexCount, k = options.size
        let candidates = Array(Set(options.candidates ?? Array(0..<n))).sorted()
        let maximum = objective.removesTheSet ? min(candidates.count, n - 2) : min(candidates.count, n - 1)
        guard k >= 1, k <= maximum else { throw .badSize(size: k, candidates: candidates.count, actors: n) }
        var sources: [Int]?
        if objective == .distanceWeightedFragmentation && n > options.exactDistanceLimit {
            var rng = SplitMix64(seed: options.seed ^ 0x5EED_D15C)
            var all = Array(0..<n)
            for i in 0..<min(options.samples, n) {
                let j = i + Int(rng.next() % UInt64(n - i))
                all.swapAt(i, j)
            }
            sources = Array(all.prefix(min(options.samples, n))).sorted()
        }
        let threads = max(1, options.threads)
        let workspaces = (0..<threads).map { _ in Workspace(n) }
        func value(_ set: [Int], _ w: Workspace) -> Double { evaluate(objective, set, steps: options.steps, sources: sources, w) }

        /// Evaluates every set `make(i)` for i in 0..<count in parallel; the best (first on ties).
        func best(_ count: Int, _ make: @Sendable (Int) -> [Int]) -> (index: Int, value: Double) {
            guard count > 0 else { return (-1, -Double.infinity) }
            let chunks = min(threads, count)
            let found = Slots<(Int, Double)>(count: chunks, repeating: (-1, -Double.infinity))
            defer { found.free() }
            let this = self, spaces = workspaces, at = sources, steps = options.steps
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                var top = (-1, -Double.infinity)
                var i = c
                while i < count {
                    let v = this.evaluate(objective, make(i), steps: steps, sources: at, spaces[c])
                    if v > top.1 + 1e-12 { top = (i, v) }
                    i += chunks
                }
                found.base[c] = top
            }
            var top = (index: -1, value: -Double.infinity)
            for (i, v) in UnsafeBufferPointer(start: found.base, count: chunks) where i >= 0 {
                if v > top.value + 1e-12 || (abs(v - top.value) <= 1e-12 && i < top.index) { top = (i, v) }
            }
            return top
        }

        func byDegree(_ list: [Int]) -> [Int] { list.sorted { degree($0) != degree($1) ? degree($0) > degree($1) : $0 < $1 } }
        // Each candidate alone (with DF sampled, the best-connected only).
        let scored = sources != nil && candidates.count > max(options.sampledSwapPool, k)
            ? byDegree(candidates).prefix(max(options.sampledSwapPool, k)).sorted() : candidates
        let singles: [Double] = {
            let out = Slots<Double>(count: scored.count, repeating: 0)
            defer { out.free() }
            let chunks = min(threads, scored.count)
            let this = self, spaces = workspaces, at = sources, steps = options.steps, list = scored
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                var i = c
                while i < list.count {
                    out.base[i] = this.evaluate(objective, [list[i]], steps: steps, sources: at, spaces[c])
                    i += chunks
                }
            }
            return Array(UnsafeBufferPointer(start: out.base, count: list.count))
        }()
        let ranked = scored.indices.sorted { singles[$0] != singles[$1] ? singles[$0] > singles[$1] : $0 < $1 }
        let top = ranked.prefix(k).map { scored[$0] }.sorted()
        var result = Result(
            objective: objective, set: [], value: 0, isOptimal: false, bestSingle: scored[ranked[0]], bestSingleValue: singles[ranked[0]],
            topIndividuals: top, topIndividualsValue: value(top, workspaces[0]), sampledSources: sources?.count,
            standardError: nil, baseline: objective.removesTheSet ? value([], workspaces[0]) : nil, search: "")

        if candidates.count <= options.exhaustiveCandidates && k <= options.exhaustiveSize {
            // Every k-subset, in lexicographic order of candidate positions.
            let combinations = Self.combinations(candidates.count, k)
            let list = candidates
            let found = best(combinations.count / k) { i in (0..<k).map { list[Int(combinations[i * k + $0])] } }
            result.set = (0..<k).map { candidates[Int(combinations[found.index * k + $0])] }
            result.value = found.value
            result.isOptimal = true
            result.search = "every set of \(k) among \(candidates.count) candidates tried (optimal)"
            return result
        }

        // The swap pool: every candidate, or the best-connected ones.
        let pool: [Int]
        // At least the set itself: the greedy and random starts draw all k members from it.
        let poolSize = max(k, sources == nil ? options.swapPool : min(options.swapPool, options.sampledSwapPool))
        if candidates.count > poolSize {
            pool = byDegree(candidates).prefix(poolSize).sorted()
        } else {
            pool = candidates
        }
        /// The best single swap (a member for a non-member of the pool) until none helps; each
        /// step strictly improves, so this ends. Returns the set's value.
        func singleSwaps(_ set: inout [Int], _ start: Double) -> Double {
            var current = start
            while true {
                let members = set, outside = pool.filter { !members.contains($0) }
                let found = best(k * outside.count) { i in
                    var s = members
                    s[i / outside.count] = outside[i % outside.count]
                    return s.sorted()
                }
                guard found.index >= 0, found.value > current + 1e-12 else { return current }
                set[found.index / outside.count] = outside[found.index % outside.count]
                set.sort()
                current = found.value
            }
        }
        var bestSet: [Int] = [], bestValue = -Double.infinity
        var rng = SplitMix64(seed: options.seed)
        let starts = min(
            max(1, options.restarts), sources != nil ? options.sampledRestarts : pool.count < candidates.count ? options.pooledRestarts : Int.max)
        for start in 0..<starts {
            var set: [Int]
            if start == 0 {
                // Greedy: the best next member, k times.
                set = []
                for _ in 0..<k {
                    let chosen = set, others = pool.filter { !chosen.contains($0) }
                    let found = best(others.count) { i in (chosen + [others[i]]).sorted() }
                    set = (set + [others[found.index]]).sorted()
                }
            } else if start == 1 {
                // The k best on their own: where a set of separate strengths is the answer.
                set = top
            } else {
                // Drawn from the pool: swaps only ever bring in its members.
                var shuffled = pool
                for i in 0..<k {
                    let j = i + Int(rng.next() % UInt64(shuffled.count - i))
                    shuffled.swapAt(i, j)
                }
                set = Array(shuffled.prefix(k)).sorted()
            }
            let current = singleSwaps(&set, value(set, workspaces[0]))
            if current > bestValue + 1e-12 || (abs(current - bestValue) <= 1e-12 && set.lexicographicallyPrecedes(bestSet)) {
                bestSet = set
                bestValue = current
            }
        }
        // When no single swap helps the best set and it is affordable, the best double swap (two
        // members for two non-members), then single swaps again: fragmentation has plateaus that
        // one swap cannot leave (two actors that only together cut a group off).
        let inPairs = Self.pairs(k)
        var doubled = false
        // (Not with DF sampled: each evaluation is then dozens of searches of the whole network.)
        while k >= 2 && sources == nil {
            let members = bestSet, outside = pool.filter { !members.contains($0) }
            let outPairs = Self.pairs(outside.count)
            guard inPairs.count * outPairs.count <= options.doubleSwapBudget else { break }
            doubled = true
            let double = best(inPairs.count * outPairs.count) { i in
                let (a, b) = inPairs[i / outPairs.count], (x, y) = outPairs[i % outPairs.count]
                var s = members
                s[a] = outside[x]
                s[b] = outside[y]
                return s.sorted()
            }
            guard double.index >= 0, double.value > bestValue + 1e-12 else { break }
            let (a, b) = inPairs[double.index / outPairs.count], (x, y) = outPairs[double.index % outPairs.count]
            bestSet[a] = outside[x]
            bestSet[b] = outside[y]
            bestSet.sort()
            bestValue = singleSwaps(&bestSet, double.value)
        }
        result.set = bestSet
        result.value = bestValue
        if let sources {
            var values: [Double] = []
            _ = distanceWeightedFragmentation(removing: bestSet, sources: sources, workspaces[0]) { values.append($0) }
            let mean = values.reduce(0, +) / Double(max(values.count, 1))
            let variance = values.count > 1 ? values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1) : 0
            result.standardError = (variance / Double(max(values.count, 1))).squareRoot()
        }
        let poolWords = pool.count < candidates.count ? ", swaps among the \(pool.count) best-connected of \(candidates.count) candidates" : ""
        let random = max(0, starts - 2)
        result.search = "best swaps from a greedy start, the \(k) best individuals and \(random) seeded random sets (seed \(options.seed))\(doubled ? ", then double swaps on the best" : "")\(poolWords)"
        return result
    }

    /// Every pair i < j of 0..<n, in order.
    static func pairs(_ n: Int) -> [(Int, Int)] {
        var out: [(Int, Int)] = []
        if n > 1 { out.reserveCapacity(n * (n - 1) / 2) }
        for i in 0..<max(n, 0) { for j in (i + 1)..<max(n, i + 1) { out.append((i, j)) } }
        return out
    }

    /// Every k-subset of 0..<n in lexicographic order, flattened (k entries each).
    static func combinations(_ n: Int, _ k: Int) -> [Int32] {
        var out: [Int32] = []
        var c = Array(0..<k)
        while true {
            out += c.map(Int32.init)
            var i = k - 1
            while i >= 0 && c[i] == n - k + i { i -= 1 }
            if i < 0 { break }
            c[i] += 1
            for j in i + 1..<k { c[j] = c[j - 1] + 1 }
        }
        return out
    }
}

/// Memory the parallel workers write, each only its own slots.
private struct Slots<T>: @unchecked Sendable {
    let base: UnsafeMutablePointer<T>
    init(count: Int, repeating value: T) {
        base = .allocate(capacity: max(count, 1))
        base.initialize(repeating: value, count: max(count, 1))
    }
    func free() { base.deallocate() }
}
