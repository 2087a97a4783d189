/// Counts meeting nouns and verbs, in one place, so that no finding says "1 ties" or
/// "duplicate tie tie".
public enum Wording {
    /// "1 tie", "2 ties", "1 ministry", "3 ministries"; `plural` for nouns the rules miss.
    public static func count(_ n: Int, _ noun: String, plural: String? = nil) -> String {
        "\(n) \(n == 1 ? noun : plural ?? self.plural(of: noun))"
    }

    /// The English plural of a noun or noun phrase (its last word changes): consonant + y →
    /// ies, s/x/z/ch/sh → es, otherwise + s.
    public static func plural(of noun: String) -> String {
        guard let last = noun.last else { return noun }
        let lower = noun.lowercased()
        if last == "y" || last == "Y", let before = lower.dropLast().last, !"aeiou".contains(before) {
            return noun.dropLast() + "ies"
        }
        if ["s", "x", "z", "ch", "sh"].contains(where: { lower.hasSuffix($0) }) { return noun + "es" }
        return noun + "s"
    }

    /// The verb agreeing with a count: `verb(1, "is", "are")` → "is".
    public static func verb(_ n: Int, _ singular: String, _ plural: String) -> String { n == 1 ? singular : plural }
}
