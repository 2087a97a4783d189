/// The result of a power iteration.
public struct PowerIterationResult: Sendable {
    public var values: [Double]
    public var iterations: Int
    /// False when the iteration limit was reached first (values are then the last iterate).
    public var converged: Bool
}

extension Graph {
    /// PageRank (Brin & Page 1998) by power iteration, as networkx's `pagerank`: damping
    /// `alpha`, uniform teleport, the rank of dangling vertices (no out-edges) spread
    /// uniformly; an undirected edge acts as two arcs. With `weighted`, a vertex passes rank
    /// to its out-neighbours in proportion to edge weight. Stops when the L1 change is below
    /// n·`tolerance`.
    /// - Complexity: O(m) per iteration.
    public func pageRank(
        alpha: Double = 0.85, weighted: Bool = false, tolerance: Double = 1e-12,
        maxIterations: Int = 1000
    ) -> PowerIterationResult {
        let n = vertexCount
        guard n > 0 else { return PowerIterationResult(values: [], iterations: 0, converged: true) }
        // Out-weight share of each out-row entry.
        var share = [Double](repeating: 0, count: outTargets.count)
        var dangling: [Int] = []
        for v in 0..<n {
            let lo = outOffsets[v], hi = outOffsets[v + 1]
            if lo == hi { dangling.append(v); continue }
            var total = 0.0
            for i in lo..<hi { total += weighted ? edgeWeights[Int(outEdgeIDs[i])] : 1 }
            for i in lo..<hi { share[i] = (weighted ? edgeWeights[Int(outEdgeIDs[i])] : 1) / total }
        }
        let uniform = 1 / Double(n)
        var x = [Double](repeating: uniform, count: n)
        var next = [Double](repeating: 0, count: n)
        for iteration in 1...maxIterations {
            var danglingSum = 0.0
            for v in dangling { danglingSum += x[v] }
            let base = alpha * danglingSum * uniform + (1 - alpha) * uniform
            for v in 0..<n { next[v] = base }
            for v in 0..<n {
                let xv = alpha * x[v]
                for i in outOffsets[v]..<outOffsets[v + 1] { next[Int(outTargets[i])] += xv * share[i] }
            }
            var change = 0.0
            for v in 0..<n { change += abs(next[v] - x[v]) }
            swap(&x, &next)
            if change < Double(n) * tolerance { return PowerIterationResult(values: x, iterations: iteration, converged: true) }
        }
        return PowerIterationResult(values: x, iterations: maxIterations, converged: false)
    }

    /// Eigenvector centrality (Bonacich 1972) by power iteration on A + I, as networkx's
    /// `eigenvector_centrality`: a vertex's score is the sum of its in-neighbours' scores
    /// (for an undirected graph, its neighbours'), scaled to unit Euclidean norm. Starts from
    /// 1/n; stops when the L1 change is below n·`tolerance`. On a disconnected graph the
    /// scores concentrate on the component with the largest eigenvalue.
    /// - Complexity: O(m) per iteration.
    public func eigenvectorCentrality(
        weighted: Bool = false, tolerance: Double = 1e-12,
        maxIterations: Int = 1000
    ) -> PowerIterationResult {
        let n = vertexCount
        guard n > 0 else { return PowerIterationResult(values: [], iterations: 0, converged: true) }
        var x = [Double](repeating: 1 / Double(n), count: n)
        var next = x
        for iteration in 1...maxIterations {
            next = x
            for v in 0..<n {
                let xv = x[v]
                for i in outOffsets[v]..<outOffsets[v + 1] {
                    next[Int(outTargets[i])] += xv * (weighted ? edgeWeights[Int(outEdgeIDs[i])] : 1)
                }
            }
            var norm = 0.0
            for v in 0..<n { norm += next[v] * next[v] }
            norm = norm.squareRoot()
            if norm == 0 { norm = 1 }
            var change = 0.0
            for v in 0..<n {
                next[v] /= norm
                change += abs(next[v] - x[v])
            }
            swap(&x, &next)
            if change < Double(n) * tolerance { return PowerIterationResult(values: x, iterations: iteration, converged: true) }
        }
        return PowerIterationResult(values: x, iterations: maxIterations, converged: false)
    }
}
