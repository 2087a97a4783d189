import Coalition

/// `whatif`: what breaks if some actors leave, one scenario after another, as JSON (keys fixed,
/// README) and text.
public struct WhatIfDocument: Document, Sendable {
    public let scenarios: [WhatIf]
    /// The network before anyone leaves (indices in every scenario are into it).
    public let network: StakeholderNetwork

    public init(_ scenarios: [WhatIf], network: StakeholderNetwork) {
        self.scenarios = scenarios
        self.network = network
    }

    /// One scenario in sentences, for the CLI and the briefing pack.
    public func lines(_ w: WhatIf) -> [String] {
        let names = network.actors.map(\.name)
        func list(_ xs: [Int], limit: Int = 12) -> String {
            xs.prefix(limit).map { names[$0] }.joined(separator: ", ") + (xs.count > limit ? ", and \(xs.count - limit) more" : "")
        }
        var out: [String] = []
        out.append(
            "the main component would hold \(NumberStyle.percent(w.mainShare.after)) of the actors left (\(NumberStyle.percent(w.mainShare.before)) now); fragmentation \(NumberStyle.fixed(w.fragmentation.before, 3)) → \(NumberStyle.fixed(w.fragmentation.after, 3))"
        )
        if !w.cutOff.isEmpty { out.append("cut off from the rest (\(w.cutOff.count)): \(list(w.cutOff))") }
        if !w.ministryPairsLost.isEmpty {
            out.append(
                "ministries that would share neither a tie nor a contact (\(w.ministryPairsLost.count)): "
                    + w.ministryPairsLost.prefix(6).map { "\(names[$0.0]) – \(names[$0.1])" }.joined(separator: "; "))
        }
        if !w.bridgesOpened.isEmpty { out.append("new missing bridges: " + w.bridgesOpened.map { $0.joined(separator: " – ") }.joined(separator: "; ")) }
        let leavingCore = Set(w.willingBefore).subtracting(w.willingAfter).sorted()
        func score(_ x: Double?) -> String { x.map { NumberStyle.fixed($0, 3) } ?? "–" }
        out.append(
            "community of the willing: \(w.willingBefore.count) → \(w.willingAfter.count) actors (score \(score(w.willingScore.before)) → \(score(w.willingScore.after)))"
                + (leavingCore.isEmpty ? "" : "; no longer in it: \(list(leavingCore, limit: 6))"))
        if !w.voicesNowMissing.isEmpty { out.append("voices that would be missing: " + w.voicesNowMissing.joined(separator: ", ")) }
        return out
    }

    public func title(_ w: WhatIf) -> String {
        let names = network.actors.map(\.name)
        let who = w.removed.count <= 4 ? w.removed.map { names[$0] }.joined(separator: ", ") : "these \(w.removed.count) actors"
        return "If \(who) left" + (w.name.map { " (scenario “\($0)”)" } ?? "")
    }

    public var text: String {
        var out: [String] = []
        for w in scenarios {
            out.append(title(w))
            if w.removed.count > 4 { out.append("  leaving: " + w.removed.map { network.actors[$0].name }.joined(separator: ", ")) }
            out += lines(w).map { "  " + $0 }
            out.append("")
        }
        out.append("Main component and fragmentation (Borgatti 2006: the share of pairs that cannot reach each other) on the supporting ties; the silos, the willing and the voices are the same analyses as `silos`, `willing` and `voices`, run again without them.")
        return out.joined(separator: "\n")
    }

    public func encode(to encoder: Encoder) throws { try JSON(self).encode(to: encoder) }

    struct JSON: Encodable {
        struct Pair: Encodable { var before: Double?; var after: Double? }
        struct Willing: Encodable { var before: [String]; var after: [String]; var scoreBefore: Double?; var scoreAfter: Double? }
        struct Scenario: Encodable {
            var name: String?; var removed: [String]; var mainComponentShare: Pair; var fragmentation: Pair
            var cutOff: [String]; var ministryPairsLost: [[String]]; var bridgesOpened: [[String]]; var willing: Willing
            var voicesNowMissing: [String]
        }
        var scenarios: [Scenario]
        init(_ d: WhatIfDocument) {
            let ids = d.network.actors.map(\.id)
            scenarios = d.scenarios.map { w in
                Scenario(
                    name: w.name, removed: w.removed.map { ids[$0] }, mainComponentShare: Pair(before: w.mainShare.before, after: w.mainShare.after),
                    fragmentation: Pair(before: w.fragmentation.before, after: w.fragmentation.after), cutOff: w.cutOff.map { ids[$0] },
                    ministryPairsLost: w.ministryPairsLost.map { [ids[$0.0], ids[$0.1]] }, bridgesOpened: w.bridgesOpened,
                    willing: Willing(before: w.willingBefore.map { ids[$0] }, after: w.willingAfter.map { ids[$0] }, scoreBefore: w.willingScore.before, scoreAfter: w.willingScore.after),
                    voicesNowMissing: w.voicesNowMissing)
            }
        }
    }
}

extension AnalysisSession {
    /// `whatif`: each departure against this session.
    public func whatIfDocument(_ departures: [Departure]) throws(WhatIfError) -> WhatIfDocument {
        var out: [WhatIf] = []
        for d in departures { out.append(try whatIf(d)) }
        return WhatIfDocument(out, network: network)
    }
}
