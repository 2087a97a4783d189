/// Single-source shortest paths with path counts, reusing its buffers from source to source
/// (one walker per thread). Breadth-first search for hops, Dijkstra with a binary heap for
/// inverse-weight lengths.
///
/// The hot loops run over raw buffers that the walker owns (a private copy of the rows), so
/// they carry no bounds or uniqueness checks; every index comes from the graph's own rows.
final class ShortestPathWalker {
    let n: Int
    let length: PathLength
    private let outOffsets: UnsafeMutableBufferPointer<Int>
    private let outTargets: UnsafeMutableBufferPointer<Int32>
    private let outLengths: UnsafeMutableBufferPointer<Double>
    private let outEdges: UnsafeMutableBufferPointer<Int32>
    private let inOffsets: UnsafeMutableBufferPointer<Int>
    private let inTargets: UnsafeMutableBufferPointer<Int32>
    private let inLengths: UnsafeMutableBufferPointer<Double>
    private let inEdges: UnsafeMutableBufferPointer<Int32>

    /// Per vertex: distance (hop counts are whole numbers held as Double, so both modes share
    /// one layout), number of shortest paths σ, and — once the vertex's dependency δ is known
    /// in the accumulation — (1 + δ)/σ, what each predecessor pulls from it. Side by side, so
    /// one cache line serves all three.
    struct State {
        var dist: Double
        var sigma: Double
        var delta: Double
    }
    private let state: UnsafeMutableBufferPointer<State>
    /// Hops from the source (−1: not reached), for breadth-first search: the checks made once
    /// per edge read these 4 bytes instead of the 24 of `State` (`state[v].dist` is still set,
    /// once per vertex, for the distance summaries).
    private let hops: UnsafeMutableBufferPointer<Int32>
    private let settled: UnsafeMutableBufferPointer<Bool>
    /// Vertices in the order they were settled (non-decreasing distance); `orderCount` used.
    private let order: UnsafeMutableBufferPointer<Int32>
    private(set) var orderCount = 0
    /// Vertices touched but perhaps not settled (Dijkstra), to reset only those.
    private let touched: UnsafeMutableBufferPointer<Int32>
    private var touchedCount = 0
    private var heap: IndexedMinHeap
    private var source = 0

    init(graph: Graph, length: PathLength) {
        n = graph.vertexCount
        self.length = length
        func copy<T>(_ a: [T]) -> UnsafeMutableBufferPointer<T> {
            let b = UnsafeMutableBufferPointer<T>.allocate(capacity: max(a.count, 1))
            _ = b.initialize(from: a)
            return b
        }
        let out = graph.outRows, inn = graph.inRows
        outOffsets = copy(out.offsets); outTargets = copy(out.targets); outEdges = copy(out.edges)
        inOffsets = copy(inn.offsets); inTargets = copy(inn.targets); inEdges = copy(inn.edges)
        if length == .inverseWeight {
            outLengths = copy(out.edges.map { 1 / graph.edgeWeights[Int($0)] })
            inLengths = copy(inn.edges.map { 1 / graph.edgeWeights[Int($0)] })
        } else {
            outLengths = copy([Double]()); inLengths = copy([Double]())
        }
        let size = max(graph.vertexCount, 1)
        func filled<T>(_ value: T) -> UnsafeMutableBufferPointer<T> {
            let b = UnsafeMutableBufferPointer<T>.allocate(capacity: size)
            b.initialize(repeating: value)
            return b
        }
        state = filled(State(dist: .infinity, sigma: 0, delta: 0))
        hops = filled(Int32(-1))
        settled = filled(false)
        heap = IndexedMinHeap(capacity: size)
        order = filled(Int32(0))
        touched = filled(Int32(0))
    }

    deinit {
        for b in [outOffsets, inOffsets] { b.deallocate() }
        for b in [outTargets, outEdges, inTargets, inEdges, order, touched, hops] { b.deallocate() }
        for b in [outLengths, inLengths] { b.deallocate() }
        state.deallocate()
        settled.deallocate()
        heap.deallocate()
    }

    /// Lengths equal within a relative 1e-10 are tied (igraph's rule).
    @inline(__always)
    static func tied(_ a: Double, _ b: Double) -> Bool {
        abs(a - b) <= 1e-10 * max(abs(a), abs(b))
    }

    /// Shortest paths from `s` along out-edges, or along in-edges when `reverse` (distances
    /// *to* `s`).
    func run(from s: Int, reverse: Bool) {
        for k in 0..<touchedCount {
            let i = Int(touched[k])
            state[i] = State(dist: .infinity, sigma: 0, delta: 0); settled[i] = false; hops[i] = -1
        }
        touchedCount = 0
        orderCount = 0
        source = s
        state[s].dist = 0
        state[s].sigma = 1
        let offsets = reverse ? inOffsets : outOffsets
        let targets = reverse ? inTargets : outTargets
        switch length {
        case .hops:
            // Breadth-first: the queue is the settle order itself.
            order[0] = Int32(s)
            orderCount = 1
            hops[s] = 0
            var head = 0
            while head < orderCount {
                let v = Int(order[head]); head += 1
                let next = hops[v] + 1
                let sv = state[v].sigma
                for i in offsets[v]..<offsets[v + 1] {
                    let w = Int(targets[i])
                    let dw = hops[w]
                    if dw < 0 {
                        hops[w] = next
                        state[w].dist = Double(next)
                        state[w].sigma = sv
                        order[orderCount] = Int32(w)
                        orderCount += 1
                    } else if dw == next {
                        state[w].sigma += sv
                    }
                }
            }
            for k in 0..<orderCount { touched[k] = order[k] }
            touchedCount = orderCount
        case .inverseWeight:
            let lengths = reverse ? inLengths : outLengths
            touched[0] = Int32(s)
            touchedCount = 1
            heap.pushOrDecrease(Int32(s), 0)
            while let v32 = heap.popMin() {
                let v = Int(v32)
                settled[v] = true
                order[orderCount] = v32
                orderCount += 1
                let dv = state[v].dist, sv = state[v].sigma
                for i in offsets[v]..<offsets[v + 1] {
                    let w = Int(targets[i])
                    if settled[w] { continue }
                    let alt = dv + lengths[i]
                    let current = state[w].dist
                    if current == .infinity {
                        touched[touchedCount] = Int32(w)
                        touchedCount += 1
                        state[w].dist = alt
                        state[w].sigma = sv
                        heap.pushOrDecrease(Int32(w), alt)
                    } else if Self.tied(alt, current) {
                        state[w].sigma += sv
                    } else if alt < current {
                        state[w].dist = alt
                        state[w].sigma = sv
                        heap.pushOrDecrease(Int32(w), alt)
                    }
                }
            }
        }
    }

    /// Brandes' dependency accumulation for the last forward run: adds δ_s(v) to `vertices`
    /// and each edge's share to `edges`.
    ///
    /// Written in "pull" form: in reverse settle order each vertex v sums (1 + δ_w)/σ_w over its
    /// successors w on shortest paths (all final by then), so δ_v = σ_v · Σ is one write and
    /// the division happens once per vertex, not once per edge.
    func accumulate(into vertices: UnsafeMutableBufferPointer<Double>, edges: UnsafeMutableBufferPointer<Double>?) {
        let s = source
        let edgeShares = edges ?? UnsafeMutableBufferPointer(start: nil, count: 0)
        let withEdges = edges != nil
        var idx = orderCount - 1
        switch length {
        case .hops:
            while idx >= 0 {
                let v = Int(order[idx])
                idx -= 1
                let next = hops[v] + 1
                var pulled = 0.0
                for i in outOffsets[v]..<outOffsets[v + 1] {
                    let w = Int(outTargets[i])
                    if hops[w] == next {
                        let share = state[w].delta  // (1 + δ_w)/σ_w, set below when w was done
                        pulled += share
                        if withEdges { edgeShares[Int(outEdges[i])] += state[v].sigma * share }
                    }
                }
                finish(v, pulled, s, vertices)
            }
        case .inverseWeight:
            while idx >= 0 {
                let v = Int(order[idx])
                idx -= 1
                let dv = state[v].dist
                var pulled = 0.0
                for i in outOffsets[v]..<outOffsets[v + 1] {
                    let w = Int(outTargets[i])
                    let dw = state[w].dist
                    if dv < dw && Self.tied(dv + outLengths[i], dw) {
                        let share = state[w].delta
                        pulled += share
                        if withEdges { edgeShares[Int(outEdges[i])] += state[v].sigma * share }
                    }
                }
                finish(v, pulled, s, vertices)
            }
        }
    }

    /// δ_v = σ_v · pulled; adds it to v's betweenness, then keeps (1 + δ_v)/σ_v for v's predecessors.
    @inline(__always)
    private func finish(_ v: Int, _ pulled: Double, _ s: Int, _ vertices: UnsafeMutableBufferPointer<Double>) {
        let sv = state[v].sigma
        let delta = sv * pulled
        if v != s { vertices[v] += delta }
        state[v].delta = (1 + delta) / sv
    }

    /// Over the vertices reached by the last run: how many (the source included), the sum of
    /// their distances, the sum of inverse distances, and the farthest distance.
    func distanceSummary() -> (reached: Int, sum: Double, harmonic: Double, farthest: Double) {
        var sum = 0.0, harmonic = 0.0, farthest = 0.0
        for k in 0..<orderCount {
            let d = state[Int(order[k])].dist
            if d > 0 {
                sum += d
                harmonic += 1 / d
                farthest = max(farthest, d)
            }
        }
        return (orderCount, sum, harmonic, farthest)
    }

    func addInverseDistances(into buffer: UnsafeMutableBufferPointer<Double>, skip: Int) {
        for k in 0..<orderCount where Int(order[k]) != skip { buffer[Int(order[k])] += 1 / state[Int(order[k])].dist }
    }

    func addDistances(into buffer: UnsafeMutableBufferPointer<Double>, skip: Int) {
        for k in 0..<orderCount where Int(order[k]) != skip { buffer[Int(order[k])] += state[Int(order[k])].dist }
    }
}

/// An indexed binary min-heap of vertices by distance, with decrease-key, so each vertex is
/// in it at most once (as igraph's `indheap`). Ties are broken by vertex, so the order is fixed.
struct IndexedMinHeap {
    private var keys: UnsafeMutableBufferPointer<Double>
    private var vertices: UnsafeMutableBufferPointer<Int32>
    /// position[v] = index of v in the heap + 1, or 0 when absent.
    private var position: UnsafeMutableBufferPointer<Int32>
    private(set) var count = 0

    init(capacity: Int) {
        keys = .allocate(capacity: max(capacity, 1))
        vertices = .allocate(capacity: max(capacity, 1))
        position = .allocate(capacity: max(capacity, 1))
        position.initialize(repeating: 0)
    }

    func deallocate() {
        keys.deallocate(); vertices.deallocate(); position.deallocate()
    }

    @inline(__always)
    private func less(_ i: Int, _ j: Int) -> Bool {
        keys[i] < keys[j] || (keys[i] == keys[j] && vertices[i] < vertices[j])
    }

    @inline(__always)
    private mutating func swapAt(_ i: Int, _ j: Int) {
        let k = keys[i]; keys[i] = keys[j]; keys[j] = k
        let v = vertices[i]; vertices[i] = vertices[j]; vertices[j] = v
        position[Int(vertices[i])] = Int32(i + 1)
        position[Int(vertices[j])] = Int32(j + 1)
    }

    private mutating func siftUp(_ start: Int) {
        var i = start
        while i > 0 {
            let parent = (i - 1) / 2
            if !less(i, parent) { break }
            swapAt(i, parent)
            i = parent
        }
    }

    /// Inserts `v` with `key`, or lowers its key if it is already in the heap.
    mutating func pushOrDecrease(_ v: Int32, _ key: Double) {
        let p = Int(position[Int(v)])
        if p > 0 {
            keys[p - 1] = key
            siftUp(p - 1)
        } else {
            keys[count] = key
            vertices[count] = v
            position[Int(v)] = Int32(count + 1)
            count += 1
            siftUp(count - 1)
        }
    }

    mutating func popMin() -> Int32? {
        guard count > 0 else { return nil }
        let top = vertices[0]
        count -= 1
        if count > 0 {
            swapAt(0, count)
            var i = 0
            while true {
                let l = 2 * i + 1
                if l >= count { break }
                var child = l
                if l + 1 < count && less(l + 1, l) { child = l + 1 }
                if !less(child, i) { break }
                swapAt(i, child)
                i = child
            }
        }
        position[Int(top)] = 0
        return top
    }
}
