import Coalition
import CoalitionOutput
import Foundation
import Mustache

/// The sections findings are grouped under, in the order the page and the report give them.
enum Sections {
    static let order: [(Finding.Section, String, String)] = [
        (.network, "network", "The coalition"),
        (.portfolio, "portfolio", "The portfolio"),
        (.change, "change", "What changed"),
        (.holders, "holders", "Who holds the coalition together"),
        (.resilience, "resilience", "What if they leave?"),
        (.silos, "silos", "Where government works in silos"),
        (.willing, "willing", "The community of the willing to start with"),
        (.voices, "voices", "Whose voices are missing"),
        (.grid, "grid-findings", "Judgements against network position"),
        (.camps, "camps", "Who opposes the mission"),
    ]

    /// - Parameter since: the earlier wave's label, for the change section's title.
    static func grouped(_ findings: [Finding], keyOnly: Bool, since: String? = nil) -> [[String: Any]] {
        order.compactMap { section, id, title in
            let items = findings.filter { $0.section == section && (!keyOnly || $0.isKey) }
            let heading = section == .change ? "What changed since \(since ?? "the last wave")" : title
            return items.isEmpty ? nil : ["id": id, "title": heading, "findings": items.map { ["text": $0.text, "code": $0.code, "id": $0.id] }]
        }
    }
}

/// The self-contained page: inline CSS, inline SVG diagrams, a few lines of script that only
/// make tables sortable (the page reads fully without it), a print stylesheet for A4.
/// Well-formed XML as well as HTML, so it can be checked with an XML parser.
enum Page {
    static func render(_ b: Briefing, drawings: [BriefingPack.Drawing]) -> String {
        let a = b.analysis
        let names = b.shown.actors.map(\.name)
        let internalAudience = b.audience == .internal
        let order = b.byBetweenness(Array(a.actors.indices))
        let rows: [[String: Any]] = order.map { v in
            let m = a.actors[v], actor = b.shown.actors[v]
            var cells: [[String: String]] = [
                cell(actor.kind?.rawValue ?? "", nil), cell(b.grouping.labels[v], nil),
                cell("\(m.degree)", Double(m.degree)), cell(Words.fixed(m.betweenness, 4), m.betweenness),
                cell(Words.fixed(m.pagerank, 4), m.pagerank), cell(m.closeness.map { Words.fixed($0, 3) } ?? "–", m.closeness ?? -1),
                cell("\(m.coreness)", Double(m.coreness)), cell(m.constraint.map { Words.fixed($0, 3) } ?? "–", m.constraint ?? -1),
                cell("\(m.brokerage.total)", Double(m.brokerage.total)),
                cell("\(b.silos.communities.membership[v])", Double(b.silos.communities.membership[v])),
            ]
            if internalAudience {
                cells += [
                    cell(actor.stance?.rawValue ?? "", nil), cell(actor.influence.map(Numbers.shortest) ?? "", actor.influence ?? -1),
                    cell(actor.interest.map(Numbers.shortest) ?? "", actor.interest ?? -1),
                ]
            }
            return ["name": names[v], "cells": cells]
        }
        // The Leiden clusters are "clusters" in the page's words: "community" means community
        // groups there (data/actors.csv keeps the column name community).
        var columns = ["kind", b.grouping.attribute, "degree", "betweenness", "PageRank", "closeness", "coreness", "constraint", "brokerage", "cluster"]
        if internalAudience { columns += ["stance", "influence", "interest"] }

        let groupRows: [[String: String]] = b.silos.groups.map { g in
            [
                "group": g.group, "size": "\(g.size)", "inside": Numbers.shortest(g.internalTies), "across": Numbers.shortest(g.externalTies),
                "ei": g.eiIndex.map { Words.fixed($0) } ?? "–", "eiValue": g.eiIndex.map { String($0) } ?? "-2",
                "p": Words.pValue(g.eiAdjustedPValue), "pValue": String(g.eiAdjustedPValue),
                "density": g.internalDensity.map { Words.fixed($0, 3) } ?? "–", "densityValue": g.internalDensity.map { String($0) } ?? "-1",
            ]
        }

        var context: [String: Any] = [
            "mission": b.mission.name, "goal": opt(b.mission.goal), "targetYear": opt(b.mission.targetYear.map(String.init)),
            "date": b.date ?? "undated", "source": opt(b.mission.source), "hasGrid": internalAudience, "audience": b.audience.rawValue, "banner": b.audience.banner,
            "actors": "\(b.shown.actors.count)", "ties": "\(a.network.supportingPairs)",
            "summary": Sections.grouped(b.findings, keyOnly: true, since: b.change?.labels.before),
            "sections": Sections.grouped(b.findings, keyOnly: false, since: b.change?.labels.before),
            "nextSteps": b.nextSteps.map { s in
                [
                    "text": s.text, "code": s.code,
                    "evidence": s.evidence.enumerated().map { i, id in ["id": id, "label": s.evidence.count == 1 ? "evidence" : "evidence \(i + 1)"] },
                ] as [String: Any]
            },
            "hasNextSteps": !b.nextSteps.isEmpty,
            // The power–interest chart stands in its own section, beside the quadrants' lists.
            "diagrams": drawings.filter { $0.view != .grid }.map { d in
                [
                    "id": "diagram-\(d.view.rawValue)", "file": d.view.rawValue, "title": d.title, "caption": d.caption, "alt": d.alt,
                    "svg": picture(d),
                ]
            },
            "columns": columns.map { ["name": $0, "hint": Glossary.line($0) ?? "the \($0) the sheets give"] }, "rows": rows, "groups": groupRows, "groupBy": b.grouping.attribute,
            "methods": Methods.entries(for: b.audience, projection: b.projectionRule).map { ["name": $0.name, "definition": $0.definition, "reference": opt($0.reference)] as [String: Any] },
            "sources": b.sources.map { ["file": $0.file, "bytes": "\($0.bytes)", "sha256": $0.sha256] },
            "css": css, "script": script, "basis": opt(b.tieBasis),
            "glossary": Dictionary(uniqueKeysWithValues: Glossary.lines.map { ($0.key.replacingOccurrences(of: " ", with: "_").replacingOccurrences(of: "-", with: "_"), $0.value) }),
        ]
        if let rows = b.portfolioTable, let d = b.portfolio {
            context["portfolio"] = [
                "initiatives": rows.map { r in
                    ["name": r[0], "members": r[1], "sectors": r[2], "cross": r[3], "lead": r[4], "cso": r[5]]
                },
                "hasLead": b.showsLeads, "participations": "\(d.analysis.participations)",
            ] as [String: Any]
        }
        if let t = b.changeTables, let d = b.change {
            func rows(_ r: [[String]], _ keys: [String]) -> [[String: String]] { r.map { Dictionary(uniqueKeysWithValues: zip(keys, $0)) } }
            context["change"] = [
                "since": d.labels.before, "actors": rows(t.actors, ["name", "kind", "sector", "change"]),
                "commitment": rows(t.commitment, ["name", "before", "after"]), "groups": rows(t.groups, ["group", "before", "after", "change", "p"]),
                "hasActors": !t.actors.isEmpty, "hasCommitment": !t.commitment.isEmpty,
                "groupBy": d.comparison.groupAttribute, "null": WaveComparison.eiChangeNull,
                "changeBasis": opt(d.basis),
            ] as [String: Any]
        }
        if internalAudience {
            context["grid"] = PowerInterestGrid.Quadrant.allCases.map { q in
                let members = b.gridEntries(q)
                return [
                    "quadrant": q.rawValue, "count": "\(members.count)",
                    "actors": members.map { e in ["name": names[e.actor], "note": opt(e.finding)] as [String: Any] },
                ] as [String: Any]
            }
            if let d = drawings.first(where: { $0.view == .grid }) {
                context["gridChart"] = ["title": d.title, "caption": d.caption, "alt": d.alt, "svg": picture(d)]
            }
            context["unrated"] = opt(b.grid.unrated.isEmpty ? nil : "\(Wording.count(b.grid.unrated.count, "actor")) \(Wording.verb(b.grid.unrated.count, "has", "have")) no influence or interest rating and \(Wording.verb(b.grid.unrated.count, "is", "are")) not placed.")
        }
        return try! MustacheTemplate(string: template).render(context)
    }

    /// A value for a `{{#x}}` section: false when there is none (Mustache counts "" as present).
    static func opt(_ s: String?) -> Any { s.flatMap { $0.isEmpty ? nil : $0 } ?? false }

    static func cell(_ text: String, _ value: Double?) -> [String: String] {
        ["text": text, "value": value.map { String($0) } ?? text.lowercased()]
    }

    /// An SVG above this size goes into the page as its PNG instead: three 14 MB SVGs of a
    /// 10,000-actor network made a 46 MB page that browsers scroll through slowly.
    static let largestInlineSVG = 3_000_000

    /// The drawing as it sits in the page: its SVG inline, or a large one's PNG as a data URL,
    /// so the page stays one self-contained file either way.
    static func picture(_ d: BriefingPack.Drawing) -> String {
        guard d.svg.utf8.count > largestInlineSVG else { return inline(d.svg, prefix: d.view.rawValue) }
        return "<img src=\"data:image/png;base64,\(d.png.base64EncodedString())\" alt=\"\" width=\"100%\"/>"
    }

    /// Graphviz's SVG made fit to sit inside the page: no XML declaration, DOCTYPE or comments,
    /// and every id (and reference to one) prefixed by the view, since several drawings share a
    /// page and Graphviz numbers each from 1.
    static func inline(_ svg: String, prefix: String) -> String {
        // Comments go in one pass over the bytes (searching the string again for each of the
        // thousands of comments took 110 s for 1,000 actors).
        let bytes = Array(svg.utf8)
        var kept: [UInt8] = []
        kept.reserveCapacity(bytes.count)
        var i = 0
        let open = Array("<!--".utf8), close = Array("-->".utf8)
        func at(_ j: Int, _ mark: [UInt8]) -> Bool { j + mark.count <= bytes.count && bytes[j] == mark[0] && Array(bytes[j..<j + mark.count]) == mark }
        while i < bytes.count {
            if at(i, open) {
                var j = i + open.count
                while j < bytes.count, !at(j, close) { j += 1 }
                i = min(j + close.count, bytes.count)
                continue
            }
            kept.append(bytes[i])
            i += 1
        }
        var s = String(decoding: kept, as: UTF8.self)
        if let start = s.range(of: "<svg") { s = String(s[start.lowerBound...]) }
        // Sized by the page, not in points: without width and height the viewBox gives the
        // aspect ratio and the CSS the width.
        if let end = s.range(of: ">") {
            var tag = String(s[..<end.lowerBound])
            tag = tag.replacingOccurrences(of: #" (width|height)="[^"]*""#, with: "", options: .regularExpression)
            s = tag + s[end.lowerBound...]
        }
        s = s.replacingOccurrences(of: " id=\"", with: " id=\"\(prefix)-")
        s = s.replacingOccurrences(of: "url(#", with: "url(#\(prefix)-")
        s = s.replacingOccurrences(of: "href=\"#", with: "href=\"#\(prefix)-")
        return s.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static let template = #"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>{{mission}} — briefing pack</title>
        <style>{{{css}}}</style>
        </head>
        <body>
        <div class="banner banner-{{audience}}" role="note">{{banner}}</div>
        <header>
        <p class="kicker">Briefing pack · data as of {{date}}</p>
        <h1>{{mission}}</h1>
        {{#goal}}<p class="goal">{{goal}}{{#targetYear}} <span class="target">Target year: {{targetYear}}.</span>{{/targetYear}}</p>{{/goal}}
        <p class="meta">{{actors}} actors and {{ties}} supporting ties{{#basis}} ({{basis}}){{/basis}}{{#source}} · source: {{source}}{{/source}}</p>
        </header>
        <nav aria-label="Contents"><ol>
        <li><a href="#summary">Key findings</a></li>
        {{#hasNextSteps}}<li><a href="#next-steps">What to do next</a></li>{{/hasNextSteps}}
        <li><a href="#diagrams">Diagrams</a></li>
        <li><a href="#findings">All findings</a></li>
        <li><a href="#measures">Actor measures</a></li>
        <li><a href="#groups">Groups</a></li>
        {{#portfolio}}<li><a href="#portfolio-tables">The portfolio</a></li>{{/portfolio}}
        {{#hasGrid}}<li><a href="#grid">Power–interest grid</a></li>{{/hasGrid}}
        <li><a href="#methods">Methods</a></li>
        <li><a href="#provenance">Data and provenance</a></li>
        </ol></nav>
        <main>
        <section id="summary" aria-labelledby="summary-title">
        <h2 id="summary-title">Key findings</h2>
        {{#summary}}
        <h3>{{title}}</h3>
        <ul>{{#findings}}<li data-code="{{code}}">{{text}}</li>{{/findings}}</ul>
        {{/summary}}
        </section>
        {{#hasNextSteps}}
        <section id="next-steps" aria-labelledby="next-steps-title">
        <h2 id="next-steps-title">What to do next</h2>
        <ol>{{#nextSteps}}<li data-code="{{code}}">{{text}} <span class="evidence">({{#evidence}}<a href="#f-{{id}}">{{label}}</a>{{/evidence}})</span></li>{{/nextSteps}}</ol>
        <p class="note">Each action follows from the finding it links to; they are suggestions from the data, to weigh against what the team knows.</p>
        </section>
        {{/hasNextSteps}}
        <section id="diagrams" aria-labelledby="diagrams-title">
        <h2 id="diagrams-title">Diagrams</h2>
        {{#diagrams}}
        <figure id="{{id}}" class="figure">
        <div class="diagram" role="img" aria-label="{{alt}}">{{{svg}}}</div>
        <figcaption><strong>{{title}}.</strong> {{caption}}. <span class="downloads">Download: <a href="diagrams/{{file}}.png">PNG</a> · <a href="diagrams/{{file}}.pdf">PDF</a> · <a href="diagrams/{{file}}.svg">SVG</a></span></figcaption>
        </figure>
        {{/diagrams}}
        </section>
        <section id="findings" aria-labelledby="findings-title">
        <h2 id="findings-title">All findings</h2>
        {{#sections}}
        <h3 id="{{id}}">{{title}}</h3>
        <ul>{{#findings}}<li id="f-{{id}}" data-code="{{code}}">{{text}}</li>{{/findings}}</ul>
        {{/sections}}
        </section>
        <section id="measures" aria-labelledby="measures-title">
        <h2 id="measures-title">Actor measures</h2>
        <p class="note">Most central first (betweenness). With scripts on, a column heading sorts the table; hold the pointer over one for what it measures. Every measure is in <a href="data/actors.csv">data/actors.csv</a>; definitions under <a href="#methods">Methods</a>.</p>
        <div class="scroll"><table class="sortable">
        <caption>Network position of each actor</caption>
        <thead><tr><th scope="col" data-type="text">actor</th>{{#columns}}<th scope="col" title="{{hint}}">{{name}}</th>{{/columns}}</tr></thead>
        <tbody>
        {{#rows}}<tr><th scope="row">{{name}}</th>{{#cells}}<td data-value="{{value}}">{{text}}</td>{{/cells}}</tr>
        {{/rows}}
        </tbody>
        </table></div>
        </section>
        <section id="groups" aria-labelledby="groups-title">
        <h2 id="groups-title">Groups by {{groupBy}}</h2>
        <div class="scroll"><table class="sortable">
        <caption>Ties inside and across each group, and the E-I index (−1 all inside, +1 all across) with its adjusted p-value</caption>
        <thead><tr><th scope="col">group</th><th scope="col" title="{{glossary.actors}}">actors</th><th scope="col" title="{{glossary.ties_inside}}">ties inside</th><th scope="col" title="{{glossary.ties_across}}">ties across</th><th scope="col" title="{{glossary.E_I}}">E-I</th><th scope="col" title="{{glossary.p}}">p</th><th scope="col" title="{{glossary.density_inside}}">density inside</th></tr></thead>
        <tbody>
        {{#groups}}<tr><th scope="row">{{group}}</th><td data-value="{{size}}">{{size}}</td><td data-value="{{inside}}">{{inside}}</td><td data-value="{{across}}">{{across}}</td><td data-value="{{eiValue}}">{{ei}}</td><td data-value="{{pValue}}">{{p}}</td><td data-value="{{densityValue}}">{{density}}</td></tr>
        {{/groups}}
        </tbody>
        </table></div>
        </section>
        {{#portfolio}}
        <section id="portfolio-tables" aria-labelledby="portfolio-title">
        <h2 id="portfolio-title">The portfolio</h2>
        <p class="note">Who takes part in which initiative: {{participations}} participations. An initiative is cross-sectoral when its members come from two sectors or more. Every participation is in <a href="data/affiliations.csv">data/affiliations.csv</a>, the initiatives in <a href="data/initiatives.csv">data/initiatives.csv</a>.</p>
        <div class="scroll"><table class="sortable">
        <caption>The initiatives and who they bring together</caption>
        <thead><tr><th scope="col" data-type="text">initiative</th><th scope="col">members</th><th scope="col" data-type="text">sectors</th><th scope="col" data-type="text">cross-sectoral</th>{{#hasLead}}<th scope="col" data-type="text">lead</th>{{/hasLead}}<th scope="col" data-type="text">CSO/community</th></tr></thead>
        <tbody>
        {{#initiatives}}<tr><th scope="row">{{name}}</th><td data-value="{{members}}">{{members}}</td><td>{{sectors}}</td><td>{{cross}}</td>{{#hasLead}}<td>{{lead}}</td>{{/hasLead}}<td>{{cso}}</td></tr>
        {{/initiatives}}
        </tbody>
        </table></div>
        </section>
        {{/portfolio}}
        {{#change}}
        <section id="change-tables" aria-labelledby="change-title">
        <h2 id="change-title">What changed since {{since}}</h2>
        {{#changeBasis}}<p>{{changeBasis}}</p>{{/changeBasis}}
        {{#hasActors}}<div class="scroll"><table class="sortable">
        <caption>Actors who joined or left</caption>
        <thead><tr><th scope="col">actor</th><th scope="col">kind</th><th scope="col">sector</th><th scope="col">change</th></tr></thead>
        <tbody>
        {{#actors}}<tr><th scope="row">{{name}}</th><td>{{kind}}</td><td>{{sector}}</td><td>{{change}}</td></tr>
        {{/actors}}
        </tbody>
        </table></div>{{/hasActors}}
        {{#hasCommitment}}<div class="scroll"><table class="sortable">
        <caption>Commitment that moved</caption>
        <thead><tr><th scope="col">actor</th><th scope="col">before</th><th scope="col">after</th></tr></thead>
        <tbody>
        {{#commitment}}<tr><th scope="row">{{name}}</th><td>{{before}}</td><td>{{after}}</td></tr>
        {{/commitment}}
        </tbody>
        </table></div>{{/hasCommitment}}
        <div class="scroll"><table class="sortable">
        <caption>Silos by {{groupBy}}: the E-I index among the actors in both waves, and the p-value of its change</caption>
        <thead><tr><th scope="col">group</th><th scope="col">E-I before</th><th scope="col">E-I after</th><th scope="col">change</th><th scope="col">p</th></tr></thead>
        <tbody>
        {{#groups}}<tr><th scope="row">{{group}}</th><td>{{before}}</td><td>{{after}}</td><td>{{change}}</td><td>{{p}}</td></tr>
        {{/groups}}
        </tbody>
        </table></div>
        <p class="note">{{null}} Everything compared: <code>data/changes.json</code>.</p>
        </section>
        {{/change}}
        {{#hasGrid}}
        <section id="grid" aria-labelledby="grid-title">
        <h2 id="grid-title">Power–interest grid</h2>
        <p class="note">Declared influence and interest from the sheets (0–5, split at 2.5). Marked: actors whose declared influence and network position disagree.</p>
        {{#gridChart}}
        <figure id="diagram-grid" class="figure">
        <div class="diagram" role="img" aria-label="{{alt}}">{{{svg}}}</div>
        <figcaption><strong>{{title}}.</strong> {{caption}}. <span class="downloads">Download: <a href="diagrams/grid.png">PNG</a> · <a href="diagrams/grid.pdf">PDF</a> · <a href="diagrams/grid.svg">SVG</a></span></figcaption>
        </figure>
        {{/gridChart}}
        <div class="grid">
        {{/hasGrid}}
        {{#grid}}
        <div class="quadrant"><h3>{{quadrant}} <span class="count">({{count}})</span></h3>
        <ul>{{#actors}}<li>{{name}}{{#note}} <em class="flag">— {{note}}</em>{{/note}}</li>{{/actors}}</ul></div>
        {{/grid}}
        {{#hasGrid}}
        </div>
        {{#unrated}}<p class="note">{{unrated}}</p>{{/unrated}}
        </section>
        {{/hasGrid}}
        <section id="methods" aria-labelledby="methods-title">
        <h2 id="methods-title">Methods</h2>
        <dl>
        {{#methods}}<dt>{{name}}</dt><dd>{{definition}}{{#reference}} <cite>{{reference}}</cite>{{/reference}}</dd>
        {{/methods}}
        </dl>
        </section>
        <section id="provenance" aria-labelledby="provenance-title">
        <h2 id="provenance-title">Data and provenance</h2>
        <p>Made with Coalition from the files below, as they were on {{date}}. The network with every measure, for Gephi or networkx: <a href="data/network.graphml">GraphML</a>, <a href="data/network.gexf">GEXF</a>; sheets: <a href="data/actors.csv">actors</a>, <a href="data/ties.csv">ties</a>, <a href="data/groups.csv">groups</a>; every finding with its numbers: <a href="data/findings.json">findings.json</a>; the same findings in Markdown: <a href="report.md">report.md</a>.</p>
        <div class="scroll"><table>
        <caption>Source files</caption>
        <thead><tr><th scope="col">file</th><th scope="col">bytes</th><th scope="col">SHA-256</th></tr></thead>
        <tbody>
        {{#sources}}<tr><th scope="row">{{file}}</th><td>{{bytes}}</td><td><code>{{sha256}}</code></td></tr>
        {{/sources}}
        </tbody>
        </table></div>
        </section>
        </main>
        <footer><p>{{banner}}</p></footer>
            <script>//<![CDATA[
        {{{script}}}
        //]]></script>
        </body>
        </html>

        """#

    static let css = """
        :root { --ink: #1a1a1a; --muted: #4a4a4a; --rule: #d0d0d0; --accent: #0b5394; --internal: #8a1c1c; --external: #1d5e2c; }
        * { box-sizing: border-box; }
        body { margin: 0; font-family: system-ui, "DejaVu Sans", "Noto Sans CJK SC", sans-serif; color: var(--ink); background: #fff; line-height: 1.5; }
        .banner { position: sticky; top: 0; z-index: 2; padding: 0.4rem 1rem; font-size: 0.85rem; font-weight: 600; color: #fff; }
        .banner-internal { background: var(--internal); }
        .banner-external { background: var(--external); }
        header, nav, main, footer { max-width: 72rem; margin: 0 auto; padding: 0 1rem; }
        header { padding-top: 1.5rem; }
        .kicker { margin: 0; color: var(--muted); font-size: 0.9rem; text-transform: uppercase; letter-spacing: 0.04em; }
        h1 { margin: 0.2rem 0 0.5rem; font-size: 2rem; line-height: 1.2; }
        .goal { font-size: 1.15rem; margin: 0.3rem 0; }
        .meta, .note, figcaption { color: var(--muted); font-size: 0.9rem; }
        nav ol { display: flex; flex-wrap: wrap; gap: 0.3rem 1.2rem; padding: 0.6rem 0; margin: 0; list-style: none; border-bottom: 1px solid var(--rule); }
        a { color: var(--accent); }
        h2 { margin-top: 2.2rem; border-bottom: 2px solid var(--ink); padding-bottom: 0.2rem; }
        h3 { margin-bottom: 0.3rem; }
        #summary ul li { margin-bottom: 0.35rem; }
        .figure { margin: 1.5rem 0; }
        .diagram { border: 1px solid var(--rule); padding: 0.5rem; overflow-x: auto; }
        .diagram svg, .diagram img { display: block; width: 100%; height: auto; margin: 0 auto; }
        .scroll { overflow-x: auto; }
        table { border-collapse: collapse; font-size: 0.85rem; margin: 0.5rem 0; }
        caption { text-align: left; color: var(--muted); padding-bottom: 0.3rem; }
        th, td { padding: 0.25rem 0.5rem; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
        td[data-value] { font-variant-numeric: tabular-nums; }
        tbody th[scope="row"] { min-width: 11rem; font-weight: 600; }
        thead th { border-bottom: 2px solid var(--ink); white-space: nowrap; }
        thead th button { font: inherit; font-weight: 600; background: none; border: 0; padding: 0; cursor: pointer; color: var(--accent); }
        thead th[title] { text-decoration: underline dotted; text-underline-offset: 0.2em; }
        th[aria-sort="ascending"] button::after { content: " ▲"; }
        th[aria-sort="descending"] button::after { content: " ▼"; }
        .grid { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 0.8rem; }
        .quadrant { border: 1px solid var(--rule); padding: 0 0.8rem 0.5rem; }
        .quadrant ul { padding-left: 1.1rem; font-size: 0.9rem; }
        .flag { color: var(--internal); }
        #next-steps ol li { margin-bottom: 0.35rem; }
        .evidence { font-size: 0.85rem; color: var(--muted); }
        dt { font-weight: 600; margin-top: 0.6rem; }
        dd { margin-left: 0; }
        cite { color: var(--muted); }
        code { font-size: 0.75rem; word-break: break-all; }
        footer { margin-top: 3rem; padding-bottom: 2rem; color: var(--muted); font-size: 0.85rem; border-top: 1px solid var(--rule); }
        @media (max-width: 40rem) {
          h1 { font-size: 1.5rem; }
          .diagram svg { width: 220%; max-width: none; }
          .grid { grid-template-columns: 1fr; }
        }
        @media print {
          @page { size: A4; margin: 16mm 14mm; }
          body { font-size: 10pt; }
          .banner { position: fixed; top: 0; left: 0; right: 0; padding: 2pt 14mm; font-size: 8pt; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          header { padding-top: 8mm; }
          nav, .downloads, thead th button::after { display: none; }
          header, nav, main, footer { max-width: none; padding: 0; }
          h2 { break-before: page; margin-top: 8mm; }
          #summary h2 { break-before: auto; }
          .figure { break-inside: avoid; }
          .diagram { border: 0; overflow: visible; }
          .diagram svg { max-height: 230mm; }
          .scroll { overflow: visible; }
          table { font-size: 8pt; }
          tr { break-inside: avoid; }
          a { color: inherit; text-decoration: none; }
        }
        """

    static let script = """
        (function () {
          document.querySelectorAll("table.sortable").forEach(function (table) {
            var heads = table.tHead.rows[0].cells;
            Array.prototype.forEach.call(heads, function (th, column) {
              var button = document.createElement("button");
              button.type = "button";
              button.textContent = th.textContent;
              th.textContent = "";
              th.appendChild(button);
              button.addEventListener("click", function () {
                var down = th.getAttribute("aria-sort") !== "descending";
                Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
                th.setAttribute("aria-sort", down ? "descending" : "ascending");
                var body = table.tBodies[0];
                var rows = Array.prototype.slice.call(body.rows);
                rows.sort(function (a, b) {
                  var x = a.cells[column], y = b.cells[column];
                  var u = x.getAttribute("data-value"), v = y.getAttribute("data-value");
                  if (u === null) { u = x.textContent.toLowerCase(); v = y.textContent.toLowerCase(); }
                  var m = parseFloat(u), n = parseFloat(v);
                  var c = (!isNaN(m) && !isNaN(n)) ? m - n : (u < v ? -1 : u > v ? 1 : 0);
                  return down ? -c : c;
                });
                rows.forEach(function (r) { body.appendChild(r); });
              });
            });
          });
        })();
        """
}
