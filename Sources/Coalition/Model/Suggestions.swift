/// "Did you mean" suggestions for misspelt ids, columns and keys.
public enum Suggestions {
    /// "Did you mean" support: the closest candidate by edit distance, when it is close enough
    /// to be a plausible typo.
    public static func closest<S: Sequence>(to word: String, in candidates: S) -> String? where S.Element == String {
        let target = Array(word.lowercased())
        guard !target.isEmpty else { return nil }
        var best: (distance: Int, candidate: String)?
        for candidate in candidates {
            let c = Array(candidate.lowercased())
            // Cheap bound: lengths that differ by more than the allowance cannot match.
            let allowance = max(1, min(target.count, c.count) / 3)
            if abs(c.count - target.count) > allowance { continue }
            let d = editDistance(target, c)
            if d <= allowance, best == nil || d < best!.distance || (d == best!.distance && candidate < best!.candidate) {
                best = (d, candidate)
            }
        }
        return best?.candidate
    }

    /// Levenshtein distance with one rolling row.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var row = Array(0...b.count)
        for i in 1...a.count {
            var diagonal = row[0]
            row[0] = i
            for j in 1...b.count {
                let above = row[j]
                row[j] = a[i - 1] == b[j - 1] ? diagonal : 1 + min(diagonal, row[j], row[j - 1])
                diagonal = above
            }
        }
        return row[b.count]
    }
}
