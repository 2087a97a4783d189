/// The clean-up after the Constant Potts split of a willing component: parts under 3 actors
/// fold into the part they have most ties with, then two parts merge while the density
/// between them is at least half the lower of their own densities.
///
/// Both steps keep the tie counts between parts and update them as parts merge, so each merge
/// costs the merged parts' neighbours rather than a pass over every tie: on a 100,000-actor
/// component the split leaves thousands of parts, and rescanning the ties per merge was most
/// of the willing analysis. The order of merges is that of the rescanning version (the
/// smallest label first; the highest ratio, then the first pair), so the clusters are the
/// same.
struct PartMerging {
    private var parts: [Int]
    private var size: [Int: Int] = [:]
    private var inside: [Int: Int] = [:]
    /// Ties between two parts, from each side.
    private var between: [Int: [Int: Int]] = [:]
    /// Where each label went (labels only ever merge into others).
    private var into: [Int: Int] = [:]

    init(parts: [Int], edges: [(Int, Int, Double)]) {
        self.parts = parts
        for p in parts { size[p, default: 0] += 1 }
        for (u, v, _) in edges {
            let a = parts[u], b = parts[v]
            if a == b { inside[a, default: 0] += 1 } else {
                between[a, default: [:]][b, default: 0] += 1
                between[b, default: [:]][a, default: 0] += 1
            }
        }
    }

    /// The parts after both steps: lists of positions, by label, each in ascending order.
    mutating func merged() -> [[Int]] {
        foldSmallParts()
        mergeDenselyTiedParts()
        var members: [Int: [Int]] = [:]
        for (i, p) in parts.enumerated() { members[resolve(p), default: []].append(i) }
        return members.keys.sorted().map { members[$0]! }
    }

    private mutating func resolve(_ label: Int) -> Int {
        var p = label
        while let next = into[p] { p = next }
        var q = label
        while let next = into[q], next != p { into[q] = p; q = next }
        return p
    }

    /// Moves `gone` into `kept`: sizes and inside ties add up, ties between them become inside.
    private mutating func absorb(_ gone: Int, into kept: Int) {
        size[kept]! += size[gone]!
        inside[kept, default: 0] += inside[gone] ?? 0
        for (q, ties) in between[gone] ?? [:] {
            between[q]![gone] = nil
            if q == kept {
                inside[kept, default: 0] += ties
            } else {
                between[kept, default: [:]][q, default: 0] += ties
                between[q]![kept, default: 0] += ties
            }
        }
        between[kept]?[gone] = nil
        between[gone] = nil
        size[gone] = nil
        inside[gone] = nil
        into[gone] = kept
    }

    /// The smallest label among parts under 3 actors goes to the part it has most ties with
    /// (the smaller label on a tie), or to the smallest other label when it has none; again
    /// until every part has 3 actors or one part is left.
    private mutating func foldSmallParts() {
        var small = MinHeap<Int>(size.filter { $0.value < 3 }.keys.sorted(), by: <)
        while size.count > 1, let p = small.pop() {
            guard let n = size[p], n < 3 else { continue }
            let ties = between[p] ?? [:]
            let target =
                ties.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key
                ?? size.keys.filter { $0 != p }.min()!
            absorb(p, into: target)
            if size[target]! < 3 { small.push(target) }
        }
    }

    private func density(_ p: Int) -> Double {
        let n = Double(size[p]!)
        return n > 1 ? 2 * Double(inside[p] ?? 0) / (n * (n - 1)) : 1
    }

    private func ratio(_ p: Int, _ q: Int) -> Double {
        Double(between[p]![q]!) / Double(size[p]! * size[q]!) / max(min(density(p), density(q)), 1e-12)
    }

    /// Merges the pair with the highest ratio of density between them to the lower of their
    /// own densities while it is at least ½ (the first pair in label order on a tie); the
    /// larger label goes into the smaller.
    private mutating func mergeDenselyTiedParts() {
        struct Candidate { var ratio: Double; var p: Int; var q: Int; var versions: (Int, Int) }
        var version: [Int: Int] = [:]
        var heap = MinHeap<Candidate>([]) { x, y in
            x.ratio != y.ratio ? x.ratio > y.ratio : (x.p, x.q) < (y.p, y.q)
        }
        func offer(_ p: Int, _ q: Int, _ heap: inout MinHeap<Candidate>, _ version: [Int: Int]) {
            let (a, b) = (min(p, q), max(p, q))
            let r = ratio(a, b)
            if r >= 0.5 { heap.push(Candidate(ratio: r, p: a, q: b, versions: (version[a] ?? 0, version[b] ?? 0))) }
        }
        for p in size.keys.sorted() {
            for q in (between[p] ?? [:]).keys where q > p { offer(p, q, &heap, version) }
        }
        while size.count > 1, let best = heap.pop() {
            guard size[best.p] != nil, size[best.q] != nil,
                (version[best.p] ?? 0, version[best.q] ?? 0) == best.versions
            else { continue }
            absorb(best.q, into: best.p)
            version[best.p, default: 0] += 1
            for q in (between[best.p] ?? [:]).keys.sorted() { offer(best.p, q, &heap, version) }
        }
    }
}

/// A binary heap: `pop` gives the element that `areInOrder` puts first.
struct MinHeap<Element> {
    private var items: [Element]
    private let areInOrder: (Element, Element) -> Bool

    init(_ items: [Element], by areInOrder: @escaping (Element, Element) -> Bool) {
        self.items = []
        self.areInOrder = areInOrder
        for x in items { push(x) }
    }

    mutating func push(_ x: Element) {
        items.append(x)
        var i = items.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            guard areInOrder(items[i], items[parent]) else { break }
            items.swapAt(i, parent)
            i = parent
        }
    }

    mutating func pop() -> Element? {
        guard let first = items.first else { return nil }
        let last = items.removeLast()
        if !items.isEmpty {
            items[0] = last
            var i = 0
            while true {
                let l = 2 * i + 1, r = l + 1
                var m = i
                if l < items.count && areInOrder(items[l], items[m]) { m = l }
                if r < items.count && areInOrder(items[r], items[m]) { m = r }
                if m == i { break }
                items.swapAt(i, m)
                i = m
            }
        }
        return first
    }
}
