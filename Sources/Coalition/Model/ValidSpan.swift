/// A calendar day, as a count of days from 1970-01-01 (proleptic Gregorian): small enough that
/// a million dated ties stay small, and ordered as days are.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var daysSince1970: Int32
    public init(daysSince1970: Int32) { self.daysSince1970 = daysSince1970 }

    /// Reads `YYYY-MM-DD` (what sheets and Excel's date cells give); nil for anything else or a
    /// day that does not exist (2025-02-30).
    public init?(iso text: String) {
        let parts = text.trimmingWhitespace().split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]), (1...12).contains(m), d >= 1, d <= Self.days(inMonth: m, year: y)
        else { return nil }
        // Days from civil (Howard Hinnant's algorithm).
        let yy = m <= 2 ? y - 1 : y
        let era = (yy >= 0 ? yy : yy - 399) / 400
        let yoe = yy - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        daysSince1970 = Int32(era * 146_097 + doe - 719_468)
    }

    public var description: String {
        let z = Int(daysSince1970) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        func two(_ x: Int) -> String { x < 10 ? "0\(x)" : "\(x)" }
        return "\(String(format4: y))-\(two(m))-\(two(d))"
    }

    public static func < (a: Day, b: Day) -> Bool { a.daysSince1970 < b.daysSince1970 }

    static func days(inMonth m: Int, year y: Int) -> Int {
        switch m {
        case 2: (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

extension String {
    /// A year as four digits (`0999`), without Foundation.
    init(format4 year: Int) {
        let s = String(year)
        self = year >= 0 && s.count < 4 ? String(repeating: "0", count: 4 - s.count) + s : s
    }
}

/// When an actor or a tie held: from its first day to its last, both included; either end may
/// be open. Rows without dates hold on every day.
public struct ValidSpan: Hashable, Sendable {
    public var from: Day?
    public var until: Day?
    public init(from: Day? = nil, until: Day? = nil) {
        self.from = from
        self.until = until
    }

    public func holds(on day: Day) -> Bool { (from.map { $0 <= day } ?? true) && (until.map { day <= $0 } ?? true) }
}

extension StakeholderNetwork {
    /// The network as it stood on `day`: actors whose span holds that day, and the ties whose
    /// span holds and whose two actors are there. Undated rows are always there.
    public func at(_ day: Day) -> StakeholderNetwork {
        restricted(to: actors.indices.filter { actors[$0].validity?.holds(on: day) ?? true }, day: day).network
    }

    /// The network without `removed` (indices): every other actor in its order, the ties and
    /// participations between those left. `kept[i]` is the old index of new actor i.
    public func without(_ removed: Set<Int>) -> (network: StakeholderNetwork, kept: [Int]) {
        restricted(to: actors.indices.filter { !removed.contains($0) }, day: nil)
    }

    /// The actors `kept` (old indices, ascending), the ties between them that hold on `day`, the
    /// portfolio's participations likewise (every tie and participation without a day).
    func restricted(to kept: [Int], day: Day?) -> (network: StakeholderNetwork, kept: [Int]) {
        var index = [Int32](repeating: -1, count: actors.count)
        for (new, old) in kept.enumerated() { index[old] = Int32(new) }
        var ties: [Tie] = []
        for t in self.ties where day.map { t.validity?.holds(on: $0) ?? true } ?? true {
            let u = index[Int(t.source)], v = index[Int(t.target)]
            guard u >= 0, v >= 0 else { continue }
            var copy = t
            copy.source = u
            copy.target = v
            ties.append(copy)
        }
        let network = StakeholderNetwork(
            actors: kept.map { actors[$0] }, ties: ties, isDirected: isDirected, actorColumns: actorColumns, tieColumns: tieColumns,
            portfolio: portfolio?.keeping(actors: index, on: day))
        return (network, kept)
    }

    /// Whether any actor, tie, initiative or participation carries dates.
    public var isDated: Bool {
        actors.contains { $0.validity != nil } || ties.contains { $0.validity != nil } || portfolio?.isDated == true
    }
}
