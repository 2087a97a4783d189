/// Streams XML text. Written by hand because all it needs is escaping: FoundationXML's
/// XMLDocument keeps a libxml2 node for every element and attribute (a million ties would be
/// millions of objects) and decides attribute order and indentation itself, while this writes
/// each element as it comes, in the order given, the same bytes every run.
struct XMLWriter {
    private(set) var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    private var open: [String] = []

    /// `<name a="1">` (or `<name a="1"/>` when `empty`), indented by depth.
    mutating func start(_ name: String, _ attributes: [(String, String)] = [], empty: Bool = false) {
        text += String(repeating: "  ", count: open.count) + "<" + name
        for (k, v) in attributes { text += " \(k)=\"\(Self.escape(v, attribute: true))\"" }
        if empty { text += "/>\n" } else { text += ">\n"; open.append(name) }
    }

    /// `<name a="1">text</name>` on one line.
    mutating func element(_ name: String, _ attributes: [(String, String)] = [], text content: String) {
        text += String(repeating: "  ", count: open.count) + "<" + name
        for (k, v) in attributes { text += " \(k)=\"\(Self.escape(v, attribute: true))\"" }
        text += ">" + Self.escape(content, attribute: false) + "</\(name)>\n"
    }

    mutating func end() {
        let name = open.removeLast()
        text += String(repeating: "  ", count: open.count) + "</\(name)>\n"
    }

    /// Escapes markup characters; in attributes also quotes and white space other than a space
    /// (a parser would fold a raw line break to a space). Characters XML 1.0 cannot carry
    /// (C0 controls but tab and line breaks) become U+FFFD.
    static func escape(_ s: String, attribute: Bool) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "\n" where attribute: out += "&#10;"
            case "\r": out += "&#13;"
            case "\t" where attribute: out += "&#9;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
