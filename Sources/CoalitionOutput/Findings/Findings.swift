import Coalition
import Mustache

/// One finding of the briefing pack: a code that says what kind of finding it is, the numbers
/// behind it, the actors and groups it names, and a sentence made from the code's template.
/// Sentences come only from ``FindingTemplates`` — neutral wording, one template per code — so
/// a translation is a second set of templates.
public struct Finding: Sendable, Encodable {
    public enum Section: String, Sendable, Encodable, CaseIterable {
        case network, holders, silos, willing, voices, grid, camps
        /// What moved since an earlier wave.
        case change
        /// Who takes part in which initiative.
        case portfolio
        /// What breaks if actors leave.
        case resilience
    }

    /// The code and the finding's place among those of its code: `silos.missing-bridge-2`.
    /// Given once the pack's findings are final; next steps and the page link to it.
    public var id = ""
    public var code: String
    public var section: Section
    /// In the one-screen summary of key findings.
    public var isKey: Bool
    /// Judgements and opposition from the sheets (the grid, the camps): left out of a pack for
    /// an external audience.
    public var isSensitive: Bool
    public var text: String
    public var numbers: [String: Double]
    public var actors: [String]
    public var groups: [String]

    enum CodingKeys: String, CodingKey { case id, code, section, isKey = "key", text, numbers, actors, groups }

    public init(
        code: String, section: Section, isKey: Bool, isSensitive: Bool, text: String, numbers: [String: Double], actors: [String],
        groups: [String]
    ) {
        self.code = code
        self.section = section
        self.isKey = isKey
        self.isSensitive = isSensitive
        self.text = text
        self.numbers = numbers
        self.actors = actors
        self.groups = groups
    }
}

/// The sentence template of every finding code (English). Values are filled in already
/// formatted; `{{#x}}…{{/x}}` parts appear only when `x` is given; `[one|many]` takes the
/// form agreeing with the value just before it (`{{count}} [actor is|actors are]`), or with a
/// named count (`{{names}} [opposes|oppose:nameCount]`), so that no sentence says "1 actors are".
public enum FindingTemplates {
    public static let english: [String: String] = [
        "network.overview":
            "The coalition has {{actors}} [actor|actors] and {{ties}} supporting [tie|ties]{{#opposition}}, and {{opposition}} opposition [tie|ties]{{/opposition}}; {{largest}} of the actors are in one connected network.",
        "network.empty": "The sheets hold no actors yet: there is nothing to measure until actors and their ties are entered.",
        "holders.broker": "{{name}} holds the coalition together: {{share}} of the shortest paths between other actors pass through it (betweenness {{betweenness}}).",
        "holders.cut-points": "{{count}} [actor is a single point|actors are single points] of failure, each holding part of the network to the rest: {{names}}.",
        "silos.inward": "{{group}} works inward: E-I index {{ei}} (−1 means every tie stays inside the group), {{p}} against chance.",
        "silos.missing-bridge":
            "{{a}} and {{b}} are barely connected: {{ties}} [tie|ties] where {{expected}} would be expected from their size.{{#bridgers}} Today {{bridgers}} bridge them.{{/bridgers}}{{#candidate}} {{candidate}} could build it: {{reason}}.{{/candidate}}",
        "silos.unconnected-ministries": "{{count}} [pair|pairs] of ministries share neither a tie nor a contact: {{pairs}}.",
        "silos.communities-follow-groups": "The clusters the network really has follow the {{attribute}} lines (NMI {{nmi}}): people work with their own.",
        "willing.recommended":
            "Start with the community of the willing around {{core}}: {{size}} [actor|actors] committed at least as “{{threshold}}”, spanning {{sectors}}, density {{density}}, {{criteria}} of 4 mission criteria met (score {{score}}).",
        "willing.members": "Its {{size}} [member|members], most connected first: {{names}}.",
        "willing.others": "{{count}} other willing [cluster|clusters]: {{clusters}}.",
        "willing.none": "No actors are committed at “{{threshold}}” or above with a tie between them: there is no community of the willing yet.",
        "willing.recruit": "Recruit {{name}} next: {{ties}} supporting [tie|ties] into that cluster; {{introducer}} can introduce.",
        "voices.missing": "No actor speaks for {{category}}: this voice is missing.",
        "voices.underrepresented":
            "{{category}} — underrepresented: {{count}} of {{actors}} [actor|actors] ({{share}}){{#expected}}, against at least {{expected}} expected{{/expected}}{{#unheard}}; {{unheard}}{{/unheard}}{{#ratio}}; its share of ties is {{ratio}} of its share of actors{{/ratio}}.",
        "voices.not-checked": "The mission expects {{category}}, which could not be checked: {{problem}}.",
        "voices.consulted-only": "{{count}} [actor is|actors are] only consulted, with no say back: {{names}}.",
        "voices.isolated": "{{count}} [actor has|actors have] no supporting tie at all: {{names}}.",
        "voices.cut-off": "{{count}} [actor is|actors are] cut off from the main network: {{names}}.",
        "grid.hidden-influencer":
            "{{name}} is rated lower than its network position suggests: declared influence at the {{declared}} percentile, network position at the {{structural}} by {{measure}}.",
        "grid.over-rated":
            "{{name}} is rated higher than its network position suggests: declared influence at the {{declared}} percentile, network position no higher than the {{structural}} by {{measure}}.",
        "change.actors":
            "Since {{since}}, {{joined}} [actor|actors] joined and {{left}} left{{#renamed}} ({{renamed}} more [was|were] renamed, matched by name){{/renamed}}; {{continuing}} [is|are] in both waves.",
        "change.ties":
            "Among the actors in both waves, {{formed}} supporting [tie|ties] formed and {{dissolved}} dissolved, {{kept}} kept (Jaccard {{jaccard}}): {{reading}}.",
        "change.stability": "The network's structure carried over: graph correlation {{r}} between the waves ({{p}}, QAP with {{permutations}} permutations).",
        "change.groups-together": "{{a}} and {{b}} now work together: {{ties}} [tie|ties] where there were none.",
        "change.bridge-closed": "The missing bridge between {{a}} and {{b}} is closed: they have as many ties as their size predicts.",
        "change.bridge-opened": "{{a}} and {{b}} have drifted apart: a missing bridge between them that was not there before.",
        "change.group-outward": "{{group}} works more outward than before: E-I {{before}} → {{after}} ({{p}}, the same relabelling in both waves).",
        "change.group-inward": "{{group}} works more inward than before: E-I {{before}} → {{after}} ({{p}}, the same relabelling in both waves).",
        "change.ministries-connected": "{{a}} and {{b}} are now connected, directly or through a shared contact.",
        "change.ministries-cut": "{{a}} and {{b}} no longer share a tie or a contact.",
        "change.willing": "The community of the willing {{verb}}: {{before}} → {{after}} actors{{#joined}}; joined: {{joined}}{{/joined}}{{#left}}; left: {{left}}{{/left}}.",
        "change.commitment": "{{up}} [actor|actors] moved up the commitment ladder and {{down}} down{{#names}}; up: {{names}}{{/names}}.",
        "change.voice-filled": "The {{category}} voice is heard now: it was missing.",
        "change.voice-lost": "The {{category}} voice is lost: no actor speaks for it now.",
        "change.voice-underrepresented": "{{category}} is newly underrepresented.",
        "change.consulted-no-longer": "{{count}} [actor is|actors are] no longer only consulted: {{names}}.",
        "change.consulted-now": "{{count}} [actor is|actors are] now only consulted: {{names}}.",
        "change.riser": "{{name}} rose most as a broker: betweenness {{before}} → {{after}}.",
        "change.cut-points": "{{count}} new single [point|points] of failure: {{names}}.",
        "portfolio.overview":
            "The portfolio has {{initiatives}} [initiative|initiatives] with members: {{participations}} [participation|participations] by {{participants}} [actor|actors]{{#outside}}; {{outside}} [actor takes|actors take:outsideCount] part in none{{/outside}}{{#empty}}, and {{empty}} [initiative has|initiatives have] no member yet{{/empty}}.",
        "portfolio.cross-sectoral":
            "{{share}} of the initiatives are cross-sectoral, with members from two {{attribute}} or more ({{count}} of {{judged}}){{#single}}; {{single}} draw on one alone{{/single}}.",
        "portfolio.sectors-never-meet": "{{count}} [pair|pairs] of sectors share no initiative: {{pairs}}.",
        "portfolio.sectors-outside": "No actor from {{sectors}} takes part in an initiative.",
        "portfolio.connector":
            "{{name}} holds the portfolio together: it takes part in {{initiatives}} initiatives and lies on more of the shortest paths between the others than any other actor (two-mode betweenness {{betweenness}}){{#others}}; then {{others}}{{/others}}.",
        "portfolio.single-initiative":
            "{{count}} [actor takes|actors take] part in one initiative only ({{share}} of those taking part): the portfolio reaches them through that one initiative alone.",
        "portfolio.without-civil-society":
            "{{count}} of {{total}} initiatives have no civil-society organisation or community group among their members: {{names}}.",
        "portfolio.without-lead": "{{count}} [initiative has|initiatives have] no lead: {{names}}.",
        "portfolio.parts":
            "The portfolio falls into {{count}} separate parts: no actor takes part both in {{names}} and in the largest part, so {{apartCount}} [initiative runs|initiatives run] apart from the rest.",
        "portfolio.voice-missing": "No {{category}} [takes|take:number] part in any initiative{{#present}}, though {{present}} [is|are:presentCount] among the actors{{/present}}.",
        "portfolio.voice-underrepresented": "{{category}} are underrepresented in the portfolio: {{reading}}",
        "resilience.cut-point": "If {{name}} left, {{count}} [actor|actors] would be cut off from the rest: {{names}}.",
        "resilience.scenario": "“{{scenario}}” — if {{who}} left: {{effects}}.",
        "resilience.scenario-holds":
            "“{{scenario}}” — if {{who}} left, the coalition would hold: no one cut off, no ministries losing touch, no new missing bridge, no voice lost.",
        "next.bridge":
            "Bridge {{a}} and {{b}}{{#candidate}} through {{candidate}}, the actor best placed to tie them{{/candidate}}{{#bridgers}} by building on {{bridgers}}, who already link them{{/bridgers}}.",
        "next.recruit": "Invite {{name}} into the community of the willing around {{core}}; {{introducer}}, already in it, can make the introduction.",
        "next.seat": "Give {{category}} a seat at the table: no actor speaks for them today.",
        "next.say": "Give {{names}} a say, not only a consultation: today they are asked, not involved.",
        "next.inform": "Keep {{name}} close and informed: the network puts it higher than its rating.",
        "next.ministries":
            "Bring {{a}} and {{b}} together: they share neither a tie nor a contact{{#more}} ({{more}} more [pair is|pairs are] in the same position){{/more}}.",
        "next.backup": "Give {{names}} a second way into the coalition: today only {{name}} connects [it|them:count].",
        "next.engage": "Talk to {{name}} through {{contact}}, its best-connected contact in the coalition.",
        "camps.opponent":
            "{{name}}{{#stance}} opposes the mission{{/stance}}{{#opposes}}{{#stance}}; it{{/stance}} stands against {{opposes}}{{/opposes}}{{#contacts}}; its supporting ties run to {{contacts}}, who can reach it{{/contacts}}{{#alone}}; it has no supporting tie to anyone, so no one in the coalition can reach it yet{{/alone}}.",
        "camps.opposition": "{{count}} opposition [tie divides|ties divide] the coalition; {{opponents}} [opposes|oppose:opponentCount] the mission{{#between}}, and {{between}} [sits|sit:betweenCount] between the camps{{/between}}.",
    ]

    /// The sentence for `code` with `values`. - Precondition: the code has a template.
    public static func sentence(_ code: String, _ values: [String: String]) -> String {
        guard let text = english[code].map({ agreeing($0, values) }),
            let template = try? MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}" + text)
        else {
            preconditionFailure("no template for finding \(code)")
        }
        // An empty value leaves its {{#x}}…{{/x}} part out (Mustache counts "" as present).
        let sentence = template.render(values.filter { !$0.value.isEmpty })
        // A sentence that opens with a group's or category's name starts with a capital.
        guard let first = sentence.first, first.isLowercase else { return sentence }
        return first.uppercased() + sentence.dropFirst()
    }

    /// The template with each `[one|many]` resolved by the value of the nearest `{{key}}` before
    /// it: "1" takes `one`, anything else `many`. Done on the template, never on the rendered
    /// sentence, so that a bracket in an actor's name is left alone. `[one|many:key]` agrees with
    /// the value of `key` instead.
    public static func agreeing(_ template: String, _ values: [String: String]) -> String {
        var out = "", lastKey: String?
        var rest = template[...]
        while let c = rest.first {
            if rest.hasPrefix("{{"), let close = rest.range(of: "}}") {
                let tag = rest[rest.index(rest.startIndex, offsetBy: 2)..<close.lowerBound]
                if let f = tag.first, f != "#", f != "/", f != "%" { lastKey = String(tag) }
                out += rest[..<close.upperBound]
                rest = rest[close.upperBound...]
            } else if c == "[", let bar = rest.firstIndex(of: "|"), let end = rest.firstIndex(of: "]"), bar < end {
                let one = rest[rest.index(after: rest.startIndex)..<bar]
                var many = rest[rest.index(after: bar)..<end], key = lastKey
                if let colon = many.lastIndex(of: ":") {
                    key = String(many[many.index(after: colon)...])
                    many = many[..<colon]
                }
                out += key.flatMap { values[$0] } == "1" ? one : many
                rest = rest[rest.index(after: end)...]
            } else {
                out.append(c)
                rest = rest.dropFirst()
            }
        }
        return out
    }
}

/// Numbers, names and lists as findings print them.
public enum Words {
    public static func percent(_ x: Double) -> String { NumberStyle.Prose.percent(x) }

    public static func fixed(_ x: Double, _ digits: Int = 2) -> String { NumberStyle.Prose.fixed(x, digits) }

    public static func pValue(_ p: Double) -> String { NumberStyle.Prose.pValue(p) }

    /// A voice category as a sentence names it: "community groups", "youth", "the health sector".
    public static func category(_ e: Mission.ExpectedVoice) -> String {
        switch e.dimension {
        case .kind:
            let plural = [
                "ministry": "ministries", "agency": "agencies", "regional-government": "regional governments",
                "local-government": "local governments", "business": "businesses", "university": "universities",
                "research": "research organisations", "cso": "civil-society organisations", "community": "community groups",
                "funder": "funders", "international": "international bodies", "person": "individuals",
            ]
            return plural[e.value] ?? e.value
        case .voice: return e.value
        case .sector: return "the \(e.value) sector"
        case .level: return "\(e.value) actors"
        }
    }

    public static func ordinal(_ percentile: Double) -> String {
        let n = Int((percentile * 100).rounded())
        let suffix = (11...13).contains(n % 100) ? "th" : [1: "st", 2: "nd", 3: "rd"][n % 10] ?? "th"
        return "\(n)\(suffix)"
    }

    /// "A, B and C"; more than `limit` names end "and N more".
    public static func list(_ names: [String], limit: Int = 5, separator: String = ", ") -> String {
        if names.count > limit { return names.prefix(limit).joined(separator: separator) + "\(separator)and \(names.count - limit) more" }
        if names.count <= 1 { return names.first ?? "" }
        return names.dropLast().joined(separator: separator) + (separator == ", " ? " and " : "\(separator)and ") + names.last!
    }
}
