import Coalition
import CoalitionOutput
import Mustache

/// `report.md`: the page's findings and tables in Markdown, for pasting into a document.
/// Values are escaped for Markdown here (a `|` would end a table cell, a `*` start emphasis);
/// the template adds nothing of its own to escape.
enum Markdown {
    static func render(_ b: Briefing) -> String {
        let a = b.analysis
        let names = b.shown.actors.map { md($0.name) }
        let order = b.byBetweenness(Array(a.actors.indices))
        func sections(_ keyOnly: Bool) -> [[String: Any]] {
            Sections.grouped(b.findings, keyOnly: keyOnly, since: b.change?.labels.before).map { s in
                ["title": s["title"]!, "findings": (s["findings"] as! [[String: String]]).map { ["text": md($0["text"]!)] }]
            }
        }
        var context: [String: Any] = [
            "mission": md(b.mission.name), "banner": md(b.audience.banner), "goal": Page.opt(b.mission.goal.map(md)),
            "targetYear": Page.opt(b.mission.targetYear.map(String.init)), "date": b.date ?? "undated", "source": Page.opt(b.mission.source.map(md)),
            "actors": "\(b.shown.actors.count)", "ties": "\(a.network.supportingPairs)",
            "summary": sections(true), "sections": sections(false),
            "nextSteps": b.nextSteps.enumerated().map { i, s in
                [
                    "number": "\(i + 1)", "text": md(s.text),
                    "evidence": s.evidence.compactMap { id in b.findings.first { $0.id == id }.map { md($0.text) } }.joined(separator: " "),
                ]
            },
            "hasNextSteps": !b.nextSteps.isEmpty,
            "diagrams": (BriefingPack.views(for: b) + (b.change == nil ? [] : [.change, .changeBefore])).map { v in ["file": v.rawValue, "title": md(title(v, b))] },
            "top": order.prefix(15).map { v in
                let m = a.actors[v]
                return [
                    "name": names[v], "kind": md(b.shown.actors[v].kind?.rawValue ?? ""), "group": md(b.grouping.labels[v]), "degree": "\(m.degree)",
                    "betweenness": Words.fixed(m.betweenness, 4), "pagerank": Words.fixed(m.pagerank, 4), "brokerage": "\(m.brokerage.total)",
                ]
            },
            "groupBy": md(b.grouping.attribute),
            // Each column in a line of plain words, under its table.
            "centralKey": ["degree", "betweenness", "PageRank", "brokerage"].map { ["name": $0, "line": md(Glossary.line($0) ?? "")] },
            "groupsKey": ["E-I", "p"].map { ["name": $0, "line": md(Glossary.line($0) ?? "")] },
            "groups": b.silos.groups.map { g in
                [
                    "group": md(g.group), "size": "\(g.size)", "inside": Numbers.shortest(g.internalTies), "across": Numbers.shortest(g.externalTies),
                    "ei": g.eiIndex.map { Words.fixed($0) } ?? "–", "p": Words.pValue(g.eiAdjustedPValue),
                ]
            },
            "methods": Methods.entries(for: b.audience, projection: b.projectionRule).map {
                ["name": md($0.name), "definition": md($0.definition), "reference": Page.opt($0.reference.isEmpty ? nil : md($0.reference))] as [String: Any]
            },
            "sources": b.sources.map { ["file": md($0.file), "bytes": "\($0.bytes)", "sha256": $0.sha256] },
            "hasGrid": b.audience == .internal,
            "basis": Page.opt(b.tieBasis.map(md)),
        ]
        if let rows = b.portfolioTable, let d = b.portfolio {
            context["portfolio"] = [
                "initiatives": rows.map { Dictionary(uniqueKeysWithValues: zip(["name", "members", "sectors", "cross", "lead", "cso"], $0.map(md))) },
                "hasLead": b.showsLeads, "participations": "\(d.analysis.participations)",
            ] as [String: Any]
        }
        if let t = b.changeTables, let d = b.change {
            func rows(_ r: [[String]], _ keys: [String]) -> [[String: String]] { r.map { Dictionary(uniqueKeysWithValues: zip(keys, $0.map(md))) } }
            context["change"] = [
                "since": md(d.labels.before), "actors": rows(t.actors, ["name", "kind", "sector", "change"]),
                "hasActors": !t.actors.isEmpty, "hasCommitment": !t.commitment.isEmpty,
                "commitment": rows(t.commitment, ["name", "before", "after"]), "groups": rows(t.groups, ["group", "before", "after", "change", "p"]),
                "groupBy": md(d.comparison.groupAttribute), "null": md(WaveComparison.eiChangeNull),
                "changeBasis": Page.opt(d.basis.map(md)),
            ] as [String: Any]
        }
        if b.audience == .internal {
            context["grid"] = PowerInterestGrid.Quadrant.allCases.map { q in
                let members = b.gridEntries(q)
                return [
                    "quadrant": q.rawValue, "count": "\(members.count)",
                    "names": Page.opt(members.map { e in names[e.actor] + (e.finding.map { " (\($0))" } ?? "") }.joined(separator: ", ")),
                ] as [String: Any]
            }
        }
        return try! MustacheTemplate(string: template).render(context)
    }

    static func title(_ view: DiagramBuilder.View, _ b: Briefing) -> String {
        switch view {
        case .full: "All actors"
        case .groups: "\(b.grouping.attribute.capitalized) groups"
        case .silos: "Silos by \(b.grouping.attribute)"
        case .willing: "The community of the willing"
        case .voices: "Whose voices are heard"
        case .portfolio: "The portfolio"
        case .ego: "One actor and its ties"
        case .change: "What changed since \(b.change?.labels.before ?? "the last wave")"
        case .changeBefore: "The coalition in \(b.change?.labels.before ?? "the last wave")"
        case .grid: "Power and interest"
        }
    }

    /// Text made safe for Markdown: backslash-escapes for the characters that format, `<` as
    /// an entity where it could open an HTML tag (Markdown passes HTML through), line breaks as
    /// spaces.
    static func md(_ s: String) -> String {
        var out = ""
        let chars = Array(s)
        for (i, ch) in chars.enumerated() {
            if ch == "<", i + 1 < chars.count, chars[i + 1].isLetter || chars[i + 1] == "/" || chars[i + 1] == "!" { out += "&lt;"; continue }
            switch ch {
            case "\\", "`", "*", "_", "[", "]", "|", "#": out += "\\" + String(ch)
            case "\n", "\r\n", "\r": out += " "
            default: out.append(ch)
            }
        }
        return out
    }

    static let template = """
        {{% CONTENT_TYPE: TEXT}}
        # {{mission}} — briefing pack

        > {{banner}}

        {{#goal}}**Goal:** {{goal}}{{#targetYear}} (target year {{targetYear}}){{/targetYear}}

        {{/goal}}
        Data as of {{date}}{{#source}} · source: {{source}}{{/source}} · {{actors}} actors, {{ties}} supporting ties{{#basis}} ({{basis}}){{/basis}}

        ## Key findings
        {{#summary}}

        ### {{title}}

        {{#findings}}
        - {{text}}
        {{/findings}}
        {{/summary}}

        {{#hasNextSteps}}
        ## What to do next

        {{/hasNextSteps}}
        {{#nextSteps}}
        {{number}}. {{text}}
           *Evidence:* {{evidence}}
        {{/nextSteps}}
        {{#hasNextSteps}}

        {{/hasNextSteps}}
        ## Diagrams

        {{#diagrams}}
        - [{{title}}](diagrams/{{file}}.png) ([PDF](diagrams/{{file}}.pdf), [SVG](diagrams/{{file}}.svg))
        {{/diagrams}}

        ## All findings
        {{#sections}}

        ### {{title}}

        {{#findings}}
        - {{text}}
        {{/findings}}
        {{/sections}}

        {{#portfolio}}
        ## The portfolio

        Who takes part in which initiative: {{participations}} participations. An initiative is cross-sectoral when its members come from two sectors or more.

        | initiative | members | sectors | cross-sectoral |{{#hasLead}} lead |{{/hasLead}} CSO/community |
        | --- | ---: | --- | --- |{{#hasLead}} --- |{{/hasLead}} --- |
        {{#initiatives}}
        | {{name}} | {{members}} | {{sectors}} | {{cross}} |{{#hasLead}} {{lead}} |{{/hasLead}} {{cso}} |
        {{/initiatives}}

        Every participation: `data/affiliations.csv`; the initiatives: `data/initiatives.csv`.

        {{/portfolio}}
        {{#change}}
        ## What changed since {{since}}

        {{#changeBasis}}
        {{changeBasis}}

        {{/changeBasis}}
        {{#hasActors}}
        **Joined and left**

        | actor | kind | sector | change |
        | --- | --- | --- | --- |
        {{/hasActors}}
        {{#actors}}
        | {{name}} | {{kind}} | {{sector}} | {{change}} |
        {{/actors}}
        {{#hasCommitment}}

        **Commitment moved**

        | actor | before | after |
        | --- | --- | --- |
        {{/hasCommitment}}
        {{#commitment}}
        | {{name}} | {{before}} | {{after}} |
        {{/commitment}}

        **Silos by {{groupBy}}** (E-I among the actors in both waves)

        | group | before | after | change | p |
        | --- | ---: | ---: | ---: | ---: |
        {{#groups}}
        | {{group}} | {{before}} | {{after}} | {{change}} | {{p}} |
        {{/groups}}

        {{null}} Everything compared: `data/changes.json`.

        {{/change}}
        ## Most central actors

        | actor | kind | {{groupBy}} | degree | betweenness | PageRank | brokerage |
        | --- | --- | --- | ---: | ---: | ---: | ---: |
        {{#top}}
        | {{name}} | {{kind}} | {{group}} | {{degree}} | {{betweenness}} | {{pagerank}} | {{brokerage}} |
        {{/top}}

        {{#centralKey}}
        - *{{name}}*: {{line}}
        {{/centralKey}}

        Every actor and measure: `data/actors.csv`.

        ## Groups by {{groupBy}}

        | group | actors | ties inside | ties across | E-I | p |
        | --- | ---: | ---: | ---: | ---: | ---: |
        {{#groups}}
        | {{group}} | {{size}} | {{inside}} | {{across}} | {{ei}} | {{p}} |
        {{/groups}}

        {{#groupsKey}}
        - *{{name}}*: {{line}}
        {{/groupsKey}}
        {{#hasGrid}}

        ## Power–interest grid

        {{/hasGrid}}
        {{#grid}}
        - **{{quadrant}}** ({{count}}){{#names}}: {{names}}{{/names}}
        {{/grid}}

        ## Methods

        {{#methods}}
        - **{{name}}** — {{definition}}{{#reference}} ({{reference}}){{/reference}}
        {{/methods}}

        ## Data and provenance

        | file | bytes | SHA-256 |
        | --- | ---: | --- |
        {{#sources}}
        | {{file}} | {{bytes}} | `{{sha256}}` |
        {{/sources}}

        The network with every measure: `data/network.graphml`, `data/network.gexf`; every finding with its numbers: `data/findings.json`.

        """
}
