/// Gould & Fernandez's (1989) brokerage roles of one vertex: how many times it stands on a
/// two-step path a → v → b with no direct arc a → b, by the groups of a, v and b.
public struct BrokerageRoles: Sendable, Hashable {
    /// A → A → A: all three in one group.
    public var coordinator = 0
    /// A → B → A: the broker outside the group it connects.
    public var itinerant = 0
    /// A → A → B: the broker speaks for its own group to another.
    public var representative = 0
    /// A → B → B: the broker lets another group into its own.
    public var gatekeeper = 0
    /// A → B → C: three different groups.
    public var liaison = 0

    public init() {}
    public var total: Int { coordinator + itinerant + representative + gatekeeper + liaison }
}

extension Graph {
    /// Brokerage role counts per vertex, as R's `sna::brokerage`: every ordered pair (a, b)
    /// with arcs a → v → b, a ≠ b, and no arc a → b. An undirected edge counts as two
    /// reciprocal arcs, so on undirected graphs representative and gatekeeper counts coincide.
    ///
    /// - Parameter group: one group label per vertex (any integers).
    /// - Complexity: O(Σ_v Σ_{a ∈ in(v)} (d_out(a) + d_out(v))).
    public func brokerage(group: [Int]) -> [BrokerageRoles] {
        precondition(group.count == vertexCount, "one group per vertex")
        let n = vertexCount
        var stamp = [Int](repeating: -1, count: n)  // stamp[b] == a: a → b exists
        var result = [BrokerageRoles](repeating: BrokerageRoles(), count: n)
        for v in 0..<n {
            let gv = group[v]
            var roles = BrokerageRoles()
            for a32 in inNeighbors(of: v) {
                let a = Int(a32)
                if a == v { continue }
                for b in outNeighbors(of: a) { stamp[Int(b)] = a }
                let ga = group[a]
                for b32 in outNeighbors(of: v) {
                    let b = Int(b32)
                    if b == a || b == v || stamp[b] == a { continue }
                    let gb = group[b]
                    if ga == gv {
                        if gv == gb { roles.coordinator += 1 } else { roles.representative += 1 }
                    } else if gv == gb {
                        roles.gatekeeper += 1
                    } else if ga == gb {
                        roles.itinerant += 1
                    } else {
                        roles.liaison += 1
                    }
                }
            }
            result[v] = roles
        }
        return result
    }
}
