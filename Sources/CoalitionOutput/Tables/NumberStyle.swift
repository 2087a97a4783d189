import Coalition
import Foundation

/// How numbers are written, everywhere Coalition writes them: in tables, in sentences, in data.
public enum NumberStyle {
    /// The shortest form that reads back exactly, integers without a point (`3`, `0.25`).
    public static func plain(_ x: Double) -> String { Numbers.shortest(x) }

    /// `digits` decimals, rounded half away from zero, trailing zeros kept (`0.460`).
    public static func fixed(_ x: Double, _ digits: Int) -> String {
        let scale = pow(10.0, Double(digits))
        let r = (x * scale).rounded() / scale
        var s = String(r)
        if let dot = s.firstIndex(of: ".") {
            let decimals = s.distance(from: dot, to: s.endIndex) - 1
            if decimals < digits { s += String(repeating: "0", count: digits - decimals) }
        } else if digits > 0 {
            s += "." + String(repeating: "0", count: digits)
        }
        return s
    }

    /// At most `digits` decimals, trailing zeros dropped (`9.14`, `5.3`, `4`): a strength summed
    /// from Newman weights reads as a number, not as 9.142857142857142.
    public static func rounded(_ x: Double, _ digits: Int) -> String {
        let scale = pow(10.0, Double(digits))
        return Numbers.shortest((x * scale).rounded() / scale)
    }

    /// A share as a percentage with one decimal (`37.5%`), as tables give it.
    public static func percent(_ share: Double) -> String { fixed(share * 100, 1) + "%" }

    /// Numbers in sentences: a true minus sign, percentages without needless decimals.
    public enum Prose {
        /// `12%`, or `4.5%` below ten when not whole.
        public static func percent(_ x: Double) -> String {
            let p = x * 100
            return (p < 10 && p != p.rounded() ? String(format: "%.1f", p) : String(format: "%.0f", p)) + "%"
        }

        /// `digits` decimals with a true minus sign (`−0.42`).
        public static func fixed(_ x: Double, _ digits: Int = 2) -> String {
            let s = String(format: "%.\(digits)f", x)
            return s.hasPrefix("-") ? "−" + s.dropFirst() : s
        }

        public static func pValue(_ p: Double) -> String { p < 0.001 ? "p < 0.001" : "p = " + fixed(p, 3) }
    }
}

extension NumberStyle {
    /// A count with its noun: "1 actor", "3 actors", "2 ministries" (the domain's `Wording`).
    public static func count(_ n: Int, _ word: String) -> String { Wording.count(n, word) }
}

extension NumberStyle {
    /// Ties as the sheets have them: "81 ties: 1 directed, 80 undirected" when a network mixes
    /// them, else "81 ties (directed)" or "81 ties (undirected)".
    public static func ties(directed: Int, undirected: Int) -> String {
        let all = count(directed + undirected, "tie")
        if directed > 0 && undirected > 0 { return "\(all): \(directed) directed, \(undirected) undirected" }
        return "\(all) (\(directed > 0 ? "directed" : "undirected"))"
    }
}
