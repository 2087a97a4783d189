/// What sort of organisation an actor is.
///
/// An open vocabulary: the known kinds are listed in ``known``; other values are kept as
/// written (lower-cased) so that nothing in a user's sheet is lost.
public struct ActorKind: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let ministry = ActorKind(rawValue: "ministry")
    public static let agency = ActorKind(rawValue: "agency")
    public static let regionalGovernment = ActorKind(rawValue: "regional-government")
    public static let localGovernment = ActorKind(rawValue: "local-government")
    public static let business = ActorKind(rawValue: "business")
    public static let university = ActorKind(rawValue: "university")
    public static let research = ActorKind(rawValue: "research")
    public static let cso = ActorKind(rawValue: "cso")
    public static let community = ActorKind(rawValue: "community")
    public static let funder = ActorKind(rawValue: "funder")
    public static let international = ActorKind(rawValue: "international")
    /// A named individual: an expert, a champion, an official taking part in their own name.
    /// External packs pseudonymise them when the mission says `personal_data: true`.
    public static let person = ActorKind(rawValue: "person")

    public static let known: [ActorKind] = [
        .ministry, .agency, .regionalGovernment, .localGovernment, .business, .university,
        .research, .cso, .community, .funder, .international, .person,
    ]
    /// The kinds that are organisations (every known kind but ``person``).
    public static let organisations = known.filter { $0 != .person }

    /// Words that open a person's name or office: "Dr Jane Smith", "Mayor Petra Holm",
    /// "Prof. Ng". An actor of an organisation kind whose name starts with one may be a person
    /// entered under the wrong kind.
    public static let personalTitles: Set<String> = [
        "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "mayor", "deputy-mayor", "alderman", "alderwoman",
        "councillor", "councilor", "cllr", "minister", "senator", "sir", "dame", "lord", "lady", "rev", "revd", "reverend",
        "dhr", "mevr", "wethouder", "burgemeester", "herr", "frau", "sra", "mme", "mlle",
    ]

    /// The personal title a name opens with ("Dr"), if any: the first word, without a final
    /// full stop, followed by at least one more word.
    ///
    /// Runs for every actor read, so it looks at the first word alone instead of splitting the
    /// whole name (the split was 7 % of reading 100,000 actors).
    public static func personalTitle(in name: String) -> String? {
        let trimmed = name.drop { $0.isWhitespace }
        guard let end = trimmed.firstIndex(where: \.isWhitespace), end > trimmed.startIndex,
            trimmed[end...].contains(where: { !$0.isWhitespace }), trimmed.distance(from: trimmed.startIndex, to: end) <= longestTitle
        else { return nil }
        let word = trimmed[..<end]
        var first = word.lowercased()
        if first.hasSuffix(".") { first.removeLast() }
        return personalTitles.contains(first) ? String(word) : nil
    }

    /// The longest title, with a full stop: longer first words are no title.
    static let longestTitle = (personalTitles.map(\.count).max() ?? 0) + 1

    public var isKnown: Bool { Self.known.contains(self) }

    /// Words sheets use for a known kind ("NGO", "think tank"), read as that kind with a warning.
    public static let synonyms: [String: ActorKind] = [
        "ngo": .cso, "ngos": .cso, "charity": .cso, "non-profit": .cso, "nonprofit": .cso, "civil-society": .cso,
        "civil-society-organisation": .cso, "civil-society-organization": .cso,
        "foundation": .funder, "philanthropy": .funder,
        "think-tank": .research, "thinktank": .research, "research-institute": .research, "institute": .research,
        "community-group": .community, "community-organisation": .community, "community-organization": .community,
        "residents": .community, "citizens": .community,
        "company": .business, "firm": .business, "sme": .business, "startup": .business,
        "municipality": .localGovernment, "city": .localGovernment, "council": .localGovernment,
        "region": .regionalGovernment, "province": .regionalGovernment,
        "department": .ministry,
        "individual": .person, "people": .person, "expert": .person,
    ]
    /// Ministries, agencies, regional and local government.
    public var isPublicBody: Bool {
        self == .ministry || self == .agency || self == .regionalGovernment || self == .localGovernment
    }
    public var description: String { rawValue }
    public static func < (a: ActorKind, b: ActorKind) -> Bool { a.rawValue < b.rawValue }

    /// Normalises a cell: trimmed, lower-cased, spaces and underscores as hyphens
    /// ("Regional Government" → "regional-government").
    public init(parsing text: String) {
        self.rawValue = normalizedToken(text)
    }
}

/// How far an actor, or a tie, is committed to the mission. Ordered from none to leading.
public enum Commitment: Int, CaseIterable, Comparable, Hashable, Sendable, CustomStringConvertible {
    case none = 0, exploring, pledged, active, leading

    public var name: String {
        switch self {
        case .none: "none"
        case .exploring: "exploring"
        case .pledged: "pledged"
        case .active: "active"
        case .leading: "leading"
        }
    }
    public var description: String { name }
    public static func < (a: Commitment, b: Commitment) -> Bool { a.rawValue < b.rawValue }

    /// Accepts a level name (any case) or its number 0–4. Returns nil for anything else.
    public init?(parsing text: String) {
        let token = normalizedToken(text)
        switch token {
        case "none": self = .none; return
        case "exploring": self = .exploring; return
        case "pledged": self = .pledged; return
        case "active": self = .active; return
        case "leading": self = .leading; return
        default: break
        }
        if let level = Commitment.allCases.first(where: { $0.name == token }) {
            self = level
        } else if let number = Double(token), number.isFinite, number == number.rounded(),
            let exact = Int(exactly: number), let level = Commitment(rawValue: exact)
        {
            self = level
        } else {
            return nil
        }
    }
}

/// An actor's declared position on the mission.
public enum Stance: String, CaseIterable, Hashable, Sendable {
    case supportive, neutral, opposed

    public init?(parsing text: String) {
        switch normalizedToken(text) {
        case "supportive", "support", "supporter", "positive", "pro", "for": self = .supportive
        case "neutral", "undecided": self = .neutral
        case "opposed", "oppose", "opponent", "negative", "against": self = .opposed
        default: return nil
        }
    }
}

/// The level of government or reach an actor works at.
public enum Level: String, CaseIterable, Hashable, Sendable {
    case local, regional, national, international

    public init?(parsing text: String) {
        let token = normalizedToken(text)
        switch token {
        case "municipal", "city": self = .local
        case "eu", "global", "supranational": self = .international
        default:
            guard let level = Level(rawValue: token) else { return nil }
            self = level
        }
    }
}

/// What a tie carries. Open vocabulary; `opposition` is the one negative relation.
public struct Relation: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let commitment = Relation(rawValue: "commitment")
    public static let funding = Relation(rawValue: "funding")
    public static let information = Relation(rawValue: "information")
    public static let mandate = Relation(rawValue: "mandate")
    public static let partnership = Relation(rawValue: "partnership")
    public static let opposition = Relation(rawValue: "opposition")
    /// The actor is asked for its view, not involved: with `information`, what makes an actor
    /// "only consulted" unless the mission names its own consultation relations.
    public static let consultation = Relation(rawValue: "consultation")

    public static let known: [Relation] = [.commitment, .funding, .information, .mandate, .partnership, .consultation, .opposition]
    /// The relation of a tie whose sheet names none.
    public static let unspecified = Relation(rawValue: "tie")

    public var isOpposition: Bool { self == .opposition }
    public var description: String { rawValue }
    public static func < (a: Relation, b: Relation) -> Bool { a.rawValue < b.rawValue }

    public init(parsing text: String) {
        let token = normalizedToken(text)
        switch token {
        case "opposes", "opposed", "conflict", "negative": self = .opposition
        case "consulted", "consults", "consult": self = .consultation
        case "": self = .unspecified
        default: self.rawValue = token
        }
    }
}

/// A value of a user-defined column: a number where every value of the column is numeric,
/// text otherwise.
public enum AttributeValue: Hashable, Sendable, CustomStringConvertible {
    case number(Double)
    case text(String)

    public var description: String {
        switch self {
        case .number(let x): Numbers.shortest(x)
        case .text(let s): s
        }
    }
}

/// The declared type of a user-defined column.
public enum AttributeType: String, Hashable, Sendable {
    case number, text
}

/// How the domain writes numbers into text and data.
public enum Numbers {
    /// Integral numbers without a trailing ".0"; others in Swift's shortest round-trip form.
    public static func shortest(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return String(x)
    }
}

/// Trimmed, lower-cased, with spaces and underscores turned into hyphens.
func normalizedToken(_ text: String) -> String {
    // Fast path: most cells are already tokens ("pledged", "local-government").
    var previous: UInt8 = 0x2D
    var isToken = !text.isEmpty
    for b in text.utf8 {
        let ok = (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || (b == 0x2D && previous != 0x2D)
        if !ok { isToken = false; break }
        previous = b
    }
    if isToken && previous != 0x2D { return text }
    var out = ""
    var pendingHyphen = false
    for ch in text.trimmingWhitespace().lowercased() {
        if ch == " " || ch == "_" || ch == "-" {
            pendingHyphen = !out.isEmpty
        } else {
            if pendingHyphen { out.append("-"); pendingHyphen = false }
            out.append(ch)
        }
    }
    return out
}

extension String {
    /// The text without leading and trailing white space (Unicode-aware, no Foundation).
    public func trimmingWhitespace() -> String {
        // Fast path: printable ASCII at both ends needs no trimming (and no copy).
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x7F, last > 0x20, last < 0x7F {
            return self
        }
        return self[...].trimmingWhitespace()
    }
}

extension StringProtocol {
    /// The text without leading and trailing white space (Unicode-aware, no Foundation).
    public func trimmingWhitespace() -> String {
        guard let first = firstIndex(where: { !$0.isWhitespace }),
            let last = lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(self[first...last])
    }
}
