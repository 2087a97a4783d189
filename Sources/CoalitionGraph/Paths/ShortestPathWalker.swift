/// Single-source shortest paths with path counts, reusing its buffers from source to source
/// (one walker per thread). Breadth-first search for hops, Dijkstra with a binary heap for
/// inverse-weight lengths.
struct ShortestPathWalker {
    let n: Int
    let length: PathLength
    let outOffsets: [Int], outTargets: [Int32], outLengths: [Double], outEdges: [Int32]
    let inOffsets: [Int], inTargets: [Int32], inLengths: [Double], inEdges: [Int32]

    var dist: [Double]
    var sigma: [Double]
    var delta: [Double]
    var settled: [Bool]
    /// Vertices in the order they were settled (non-decreasing distance).
    var order: [Int32] = []
    /// Every vertex whose state was touched, to reset only those.
    var touched: [Int32] = []
    var heap = MinHeap()
    var source = 0

    init(graph: Graph, length: PathLength) {
        n = graph.vertexCount
        self.length = length
        let out = graph.outRows, inn = graph.inRows
        outOffsets = out.offsets; outTargets = out.targets; outEdges = out.edges
        inOffsets = inn.offsets; inTargets = inn.targets; inEdges = inn.edges
        if length == .inverseWeight {
            outLengths = out.edges.map { 1 / graph.edgeWeights[Int($0)] }
            inLengths = inn.edges.map { 1 / graph.edgeWeights[Int($0)] }
        } else {
            outLengths = []; inLengths = []
        }
        dist = Array(repeating: .infinity, count: n)
        sigma = Array(repeating: 0, count: n)
        delta = Array(repeating: 0, count: n)
        settled = Array(repeating: false, count: n)
        order.reserveCapacity(n)
        touched.reserveCapacity(n)
    }

    /// Lengths equal within a relative 1e-10 are tied (igraph's rule).
    @inline(__always)
    static func tied(_ a: Double, _ b: Double) -> Bool {
        abs(a - b) <= 1e-10 * max(abs(a), abs(b))
    }

    /// Shortest paths from `s` along out-edges, or along in-edges when `reverse` (distances
    /// *to* `s`).
    mutating func run(from s: Int, reverse: Bool) {
        for v in touched {
            let i = Int(v)
            dist[i] = .infinity; sigma[i] = 0; delta[i] = 0; settled[i] = false
        }
        touched.removeAll(keepingCapacity: true)
        order.removeAll(keepingCapacity: true)
        source = s
        dist[s] = 0
        sigma[s] = 1
        touched.append(Int32(s))
        let offsets = reverse ? inOffsets : outOffsets
        let targets = reverse ? inTargets : outTargets
        switch length {
        case .hops:
            order.append(Int32(s))
            var head = 0
            offsets.withUnsafeBufferPointer { off in
                targets.withUnsafeBufferPointer { tgt in
                    dist.withUnsafeMutableBufferPointer { d in
                        sigma.withUnsafeMutableBufferPointer { sg in
                            while head < order.count {
                                let v = Int(order[head]); head += 1
                                let next = d[v] + 1
                                let sv = sg[v]
                                for i in off[v] ..< off[v + 1] {
                                    let w = Int(tgt[i])
                                    if d[w] == .infinity {
                                        d[w] = next
                                        order.append(Int32(w))
                                    }
                                    if d[w] == next { sg[w] += sv }
                                }
                            }
                        }
                    }
                }
            }
            touched = order
        case .inverseWeight:
            let lengths = reverse ? inLengths : outLengths
            heap.removeAll()
            heap.push(0, Int32(s))
            while let (d, v32) = heap.pop() {
                let v = Int(v32)
                if settled[v] || d > dist[v] { continue }
                settled[v] = true
                order.append(v32)
                for i in offsets[v] ..< offsets[v + 1] {
                    let w = Int(targets[i])
                    if settled[w] { continue }
                    let alt = dist[v] + lengths[i]
                    let current = dist[w]
                    if current == .infinity { touched.append(Int32(w)) }
                    if current != .infinity && Self.tied(alt, current) {
                        sigma[w] += sigma[v]
                    } else if alt < current {
                        dist[w] = alt
                        sigma[w] = sigma[v]
                        heap.push(alt, Int32(w))
                    }
                }
            }
        }
    }

    /// Brandes' dependency accumulation for the last forward run: adds δ_s(v) to `vertices`
    /// and each edge's share to `edges`.
    mutating func accumulate(into vertices: UnsafeMutableBufferPointer<Double>, edges: UnsafeMutableBufferPointer<Double>) {
        let s = source
        let hops = length == .hops
        for idx in order.indices.reversed() {
            let w = Int(order[idx])
            let coefficient = (1 + delta[w]) / sigma[w]
            let dw = dist[w]
            for i in inOffsets[w] ..< inOffsets[w + 1] {
                let v = Int(inTargets[i])
                let dv = dist[v]
                let isPredecessor = hops ? dv == dw - 1 : (dv < dw && Self.tied(dv + inLengths[i], dw))
                if isPredecessor {
                    let c = sigma[v] * coefficient
                    delta[v] += c
                    edges[Int(inEdges[i])] += c
                }
            }
            if w != s { vertices[w] += delta[w] }
        }
    }

    /// Over the vertices reached by the last run: how many (the source included), the sum of
    /// their distances, the sum of inverse distances, and the farthest distance.
    func distanceSummary() -> (reached: Int, sum: Double, harmonic: Double, farthest: Double) {
        var sum = 0.0, harmonic = 0.0, farthest = 0.0
        for v in order {
            let d = dist[Int(v)]
            if d > 0 {
                sum += d
                harmonic += 1 / d
                farthest = max(farthest, d)
            }
        }
        return (order.count, sum, harmonic, farthest)
    }

    func addInverseDistances(into buffer: UnsafeMutableBufferPointer<Double>, skip: Int) {
        for v in order where Int(v) != skip { buffer[Int(v)] += 1 / dist[Int(v)] }
    }

    func addDistances(into buffer: UnsafeMutableBufferPointer<Double>, skip: Int) {
        for v in order where Int(v) != skip { buffer[Int(v)] += dist[Int(v)] }
    }
}

/// A binary min-heap of (distance, vertex), ties broken by vertex so the order is fixed.
struct MinHeap {
    private var keys: [Double] = []
    private var values: [Int32] = []

    mutating func removeAll() {
        keys.removeAll(keepingCapacity: true)
        values.removeAll(keepingCapacity: true)
    }

    @inline(__always)
    private func less(_ i: Int, _ j: Int) -> Bool {
        keys[i] < keys[j] || (keys[i] == keys[j] && values[i] < values[j])
    }

    mutating func push(_ key: Double, _ value: Int32) {
        keys.append(key); values.append(value)
        var i = keys.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            if !less(i, parent) { break }
            keys.swapAt(i, parent); values.swapAt(i, parent)
            i = parent
        }
    }

    mutating func pop() -> (Double, Int32)? {
        guard let topKey = keys.first, let topValue = values.first else { return nil }
        let lastKey = keys.removeLast(), lastValue = values.removeLast()
        if !keys.isEmpty {
            keys[0] = lastKey; values[0] = lastValue
            var i = 0
            while true {
                let l = 2 * i + 1, r = l + 1
                var smallest = i
                if l < keys.count && less(l, smallest) { smallest = l }
                if r < keys.count && less(r, smallest) { smallest = r }
                if smallest == i { break }
                keys.swapAt(i, smallest); values.swapAt(i, smallest)
                i = smallest
            }
        }
        return (topKey, topValue)
    }
}
