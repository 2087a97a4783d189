/// How far two partitions of the same vertices agree.
public enum PartitionComparison {
    /// Normalised mutual information, I(X;Y) / ((H(X) + H(Y))/2) (Danon et al. 2005; the
    /// arithmetic normalisation of scikit-learn's and igraph's "nmi"): 1 for identical
    /// partitions, 0 for independent ones. 1 when both are a single group.
    public static func normalizedMutualInformation(_ x: [Int], _ y: [Int]) -> Double {
        precondition(x.count == y.count, "partitions of the same vertices")
        let n = Double(x.count)
        guard n > 0 else { return 1 }
        let (joint, rows, columns) = contingency(x, y)
        func entropy(_ counts: [Int]) -> Double {
            counts.reduce(0.0) { s, c in c > 0 ? s - Double(c) / n * Foundationless.log(Double(c) / n) : s }
        }
        let hx = entropy(rows), hy = entropy(columns)
        if hx == 0 && hy == 0 { return 1 }
        var mutual = 0.0
        for (pair, c) in joint.sorted(by: { $0.key.a != $1.key.a ? $0.key.a < $1.key.a : $0.key.b < $1.key.b }) {
            let (a, b) = pair.key
            let pab = Double(c) / n
            mutual += pab * Foundationless.log(pab / (Double(rows[a]) / n * Double(columns[b]) / n))
        }
        return max(0, min(1, 2 * mutual / (hx + hy)))
    }

    /// Hubert & Arabie's (1985) adjusted Rand index: 1 for identical partitions, about 0 for
    /// chance agreement.
    public static func adjustedRandIndex(_ x: [Int], _ y: [Int]) -> Double {
        precondition(x.count == y.count, "partitions of the same vertices")
        func pairs(_ c: Int) -> Double { Double(c) * Double(c - 1) / 2 }
        let (joint, rows, columns) = contingency(x, y)
        let index = joint.values.sorted().reduce(0.0) { $0 + pairs($1) }
        let a = rows.reduce(0.0) { $0 + pairs($1) }, b = columns.reduce(0.0) { $0 + pairs($1) }
        let total = pairs(x.count)
        guard total > 0 else { return 1 }
        let expected = a * b / total
        let maximum = (a + b) / 2
        return maximum == expected ? 1 : (index - expected) / (maximum - expected)
    }

    private static func contingency(_ x: [Int], _ y: [Int]) -> ([Pair: Int], [Int], [Int]) {
        let kx = (x.max() ?? -1) + 1, ky = (y.max() ?? -1) + 1
        var joint: [Pair: Int] = [:]
        var rows = [Int](repeating: 0, count: kx), columns = [Int](repeating: 0, count: ky)
        for (a, b) in zip(x, y) {
            joint[Pair(a, b), default: 0] += 1
            rows[a] += 1
            columns[b] += 1
        }
        return (joint, rows, columns)
    }

    private struct Pair: Hashable {
        let a: Int, b: Int
        init(_ a: Int, _ b: Int) { self.a = a; self.b = b }
        var key: (Int, Int) { (a, b) }
    }
}
