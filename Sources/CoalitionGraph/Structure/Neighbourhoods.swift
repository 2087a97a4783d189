/// Every vertex's neighbours regardless of direction, each once, with the *mutual weight*
/// a_uv + a_vu (Burt's and networkx's term; for an undirected graph simply the edge weight,
/// as the factor 2 cancels wherever it is used). Rows sorted by neighbour. Used by the
/// clustering and structural-hole measures.
struct MutualNeighbourhoods {
    let offsets: [Int]
    let neighbours: [Int32]
    let weights: [Double]
    /// Σ and max of each vertex's mutual weights.
    let total: [Double]
    let largest: [Double]

    init(_ g: Graph, weighted: Bool) {
        var offsets = [0]
        var neighbours: [Int32] = []
        var weights: [Double] = []
        var total: [Double] = []
        var largest: [Double] = []
        offsets.reserveCapacity(g.vertexCount + 1)
        for v in 0..<g.vertexCount {
            var merged: [(Int32, Double)] = []
            for (w, e) in zip(g.outNeighbors(of: v), g.outEdges(of: v)) where Int(w) != v {
                merged.append((w, weighted ? g.edgeWeights[Int(e)] : 1))
            }
            if g.isDirected {
                for (w, e) in zip(g.inNeighbors(of: v), g.inEdges(of: v)) where Int(w) != v {
                    merged.append((w, weighted ? g.edgeWeights[Int(e)] : 1))
                }
                merged.sort { $0.0 < $1.0 }
            }
            var sum = 0.0, maxWeight = 0.0
            var i = 0
            while i < merged.count {
                var w = merged[i].1
                while i + 1 < merged.count && merged[i + 1].0 == merged[i].0 { i += 1; w += merged[i].1 }
                neighbours.append(merged[i].0)
                weights.append(w)
                sum += w
                maxWeight = max(maxWeight, w)
                i += 1
            }
            total.append(sum)
            largest.append(maxWeight)
            offsets.append(neighbours.count)
        }
        self.offsets = offsets
        self.neighbours = neighbours
        self.weights = weights
        self.total = total
        self.largest = largest
    }

    func range(_ v: Int) -> Range<Int> { offsets[v]..<offsets[v + 1] }
    func count(_ v: Int) -> Int { offsets[v + 1] - offsets[v] }
}

extension Graph {
    /// Local clustering coefficient of each vertex, as networkx's `clustering`.
    ///
    /// - Undirected: the share of pairs of neighbours that are themselves tied,
    ///   2T/(d(d−1)); 0 below degree 2.
    /// - Directed: Fagiolo's (2007) coefficient, T/(2(d_tot(d_tot−1) − 2d_↔)), counting the
    ///   triangles of arcs in any direction.
    /// - Weighted: Onnela et al. (2005): each triangle counts (ŵ_ij ŵ_jk ŵ_ki)^(1/3), ŵ being
    ///   the weight divided by the network's largest weight.
    /// - Complexity: O(Σ_v Σ_{u∈N(v)} d(u)).
    public func clustering(weighted: Bool = false) -> [Double] {
        if !weighted && !isDirected { return undirectedClustering() }
        let n = vertexCount
        let maxWeight = weighted ? (edgeWeights.max() ?? 1) : 1
        func f(_ w: Double) -> Double { weighted ? Foundationless.cbrt(w / maxWeight) : 1 }
        // For vertex i: F(i, x) = Σ over the arcs between i and x of f(weight), via a stamp array.
        var stamp = [Int](repeating: -1, count: n)
        var arcSum = [Double](repeating: 0, count: n)
        var result = [Double](repeating: 0, count: n)
        func arcs(_ v: Int, _ body: (Int, Double) -> Void) {
            for (w, e) in zip(outNeighbors(of: v), outEdges(of: v)) where Int(w) != v { body(Int(w), edgeWeights[Int(e)]) }
            if isDirected {
                for (w, e) in zip(inNeighbors(of: v), inEdges(of: v)) where Int(w) != v { body(Int(w), edgeWeights[Int(e)]) }
            }
        }
        for i in 0..<n {
            var neighbours: [Int] = []
            var outSet = 0, inSet = 0, both = 0
            arcs(i) { x, w in
                if stamp[x] != i { stamp[x] = i; arcSum[x] = 0; neighbours.append(x) }
                arcSum[x] += f(w)
            }
            if isDirected {
                outSet = outDegree(of: i); inSet = inDegree(of: i)
                var mark = Set<Int32>()
                for w in outNeighbors(of: i) where Int(w) != i { mark.insert(w) }
                for w in inNeighbors(of: i) where Int(w) != i && mark.contains(w) { both += 1 }
            }
            var t = 0.0
            for j in neighbours {
                let fij = arcSum[j]
                arcs(j) { k, w in
                    if k != i && k != j && stamp[k] == i { t += fij * arcSum[k] * f(w) }
                }
            }
            if isDirected {
                let dTotal = outSet + inSet
                let denominator = 2 * Double(dTotal * (dTotal - 1) - 2 * both)
                result[i] = t == 0 || denominator <= 0 ? 0 : t / denominator
            } else {
                let d = neighbours.count
                result[i] = d < 2 ? 0 : t / Double(d * (d - 1))
            }
        }
        return result
    }

    /// Triangles per vertex of a simple undirected graph, each found once: vertices ranked by
    /// degree, a triangle is counted from its lowest-ranked vertex along edges to higher ranks
    /// (the "forward" algorithm, O(m^1.5)), then 2T/(d(d−1)).
    private func undirectedClustering() -> [Double] {
        let n = vertexCount
        let degree = (0..<n).map { outDegree(of: $0) }
        // Rank by (degree, vertex) with a counting sort.
        var start = [Int](repeating: 0, count: (degree.max() ?? 0) + 2)
        for d in degree { start[d + 1] += 1 }
        for d in 1..<start.count { start[d] += start[d - 1] }
        var rank = [Int32](repeating: 0, count: n)
        for v in 0..<n {
            rank[v] = Int32(start[degree[v]])
            start[degree[v]] += 1
        }
        // Forward rows: each vertex's neighbours of higher rank only.
        var forwardOffsets = [Int](repeating: 0, count: n + 1)
        var forward = [Int32]()
        forward.reserveCapacity(outTargets.count / 2)
        for v in 0..<n {
            let rv = rank[v]
            for w in outNeighbors(of: v) where rank[Int(w)] > rv { forward.append(w) }
            forwardOffsets[v + 1] = forward.count
        }
        var triangles = [Int32](repeating: 0, count: n)
        var mark = [Int32](repeating: -1, count: n)
        forwardOffsets.withUnsafeBufferPointer { off in
            forward.withUnsafeBufferPointer { f in
                mark.withUnsafeMutableBufferPointer { mark in
                    triangles.withUnsafeMutableBufferPointer { t in
                        for v in 0..<n {
                            let stamp = Int32(v)
                            for i in off[v]..<off[v + 1] { mark[Int(f[i])] = stamp }
                            for i in off[v]..<off[v + 1] {
                                let u = Int(f[i])
                                for k in off[u]..<off[u + 1] where mark[Int(f[k])] == stamp {
                                    t[v] += 1; t[u] += 1; t[Int(f[k])] += 1
                                }
                            }
                        }
                    }
                }
            }
        }
        return (0..<n).map { v in
            let d = degree[v]
            return d < 2 ? 0 : 2 * Double(triangles[v]) / Double(d * (d - 1))
        }
    }

    /// Burt's (1992) structural-hole measures for each vertex, as networkx's `constraint` and
    /// `effective_size` (nil for a vertex without neighbours):
    ///
    /// - **constraint** c_i = Σ_j (p_ij + Σ_q p_iq p_qj)², p_ij = mutual weight of i and j over
    ///   i's total mutual weight;
    /// - **effective size** Σ_j (1 − Σ_q p_iq m_jq), m_jq = mutual weight of j and q over j's
    ///   largest (Borgatti's n − 2t/n when unweighted and undirected);
    /// - **efficiency** = effective size / number of contacts;
    /// - **hierarchy** H_i = Σ_j r_j ln r_j / (N ln N), r_j = c_ij / (c_i / N), N contacts —
    ///   how far the constraint is concentrated on one contact (nil below two contacts).
    ///
    /// networkx leaves a directed graph's vertices that have only incoming ties undefined;
    /// here every vertex with a neighbour in either direction has values.
    public func structuralHoles(weighted: Bool = false) -> StructuralHoles {
        let n = vertexCount
        let hood = MutualNeighbourhoods(self, weighted: weighted)
        var stamp = [Int](repeating: -1, count: n)
        var p = [Double](repeating: 0, count: n)  // p_iq for q ∈ N(i)
        var result = StructuralHoles(
            constraint: Array(repeating: nil, count: n), effectiveSize: Array(repeating: nil, count: n),
            efficiency: Array(repeating: nil, count: n), hierarchy: Array(repeating: nil, count: n))
        for i in 0..<n where hood.count(i) > 0 {
            let total = hood.total[i]
            for k in hood.range(i) {
                let q = Int(hood.neighbours[k])
                stamp[q] = i
                p[q] = total == 0 ? 0 : hood.weights[k] / total
            }
            var constraint = 0.0, effective = 0.0
            var local: [Double] = []
            for k in hood.range(i) {
                let j = Int(hood.neighbours[k])
                var indirect = 0.0, redundancy = 0.0
                let jLargest = hood.largest[j]
                // Σ_q p_iq p_qj and Σ_q p_iq m_jq over q ∈ N(i) ∩ N(j).
                for kk in hood.range(j) {
                    let q = Int(hood.neighbours[kk])
                    guard stamp[q] == i, q != i else { continue }
                    let wqj = hood.weights[kk]
                    // p_qj needs q's own total; mutual weight is symmetric.
                    indirect += p[q] * (hood.total[q] == 0 ? 0 : wqj / hood.total[q])
                    redundancy += p[q] * (jLargest == 0 ? 0 : wqj / jLargest)
                }
                let c = (p[j] + indirect) * (p[j] + indirect)
                local.append(c)
                constraint += c
                effective += 1 - redundancy
            }
            let contacts = hood.count(i)
            result.constraint[i] = constraint
            result.effectiveSize[i] = effective
            result.efficiency[i] = effective / Double(contacts)
            if contacts > 1 && constraint > 0 {
                let mean = constraint / Double(contacts)
                var h = 0.0
                for c in local where c > 0 { let r = c / mean; h += r * Foundationless.log(r) }
                result.hierarchy[i] = h / (Double(contacts) * Foundationless.log(Double(contacts)))
            }
        }
        return result
    }
}

/// Burt's measures per vertex; nil where undefined (no contacts, or fewer than two for hierarchy).
public struct StructuralHoles: Sendable {
    public var constraint: [Double?]
    public var effectiveSize: [Double?]
    public var efficiency: [Double?]
    public var hierarchy: [Double?]
}
