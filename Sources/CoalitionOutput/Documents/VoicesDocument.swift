import Coalition
import CoalitionIO
import Foundation

/// `voices`: whose voices are missing, underrepresented, only consulted or cut off.
public struct VoicesDocument: Document {
    public let voices: VoicesAnalysis
    public let network: StakeholderNetwork

    public init(_ voices: VoicesAnalysis, _ network: StakeholderNetwork) {
        self.voices = voices
        self.network = network
    }

    public func encode(to encoder: Encoder) throws { try JSON(voices, network.actors.map(\.id)).encode(to: encoder) }

    public var table: Table? {
        Table(
            ["category", "status", "actors", "consultedOnly", "isolated", "share", "degreeRatio", "pagerankRatio", "distanceToWillingCore", "reading"],
            voices.categories.map { c in
                [
                    c.label, c.status.rawValue, String(c.actors.count), String(c.consultedOnly), String(c.isolated), String(c.share),
                    c.degreeRatio.map { String($0) } ?? "",
                    c.pagerankRatio.map { String($0) } ?? "", c.distanceToWillingCore.map(String.init) ?? "", c.reading,
                ]
            })
    }

    public var text: String {
        let v = voices, names = network.actors.map(\.name)
        var out = [v.usedDefaultTaxonomy ? "Expected voices: the default set (the mission names none)" : "Expected voices: from the mission file", ""]
        out.append(
            Table(
                ["Category", "status", "actors", "only consulted", "isolated", "share", "ties/actors", "hops to willing core"],
                v.categories.map { c in
                    [
                        c.label, c.status.rawValue, "\(c.actors.count)", "\(c.consultedOnly)", "\(c.isolated)", NumberStyle.percent(c.share), c.degreeRatio.map { NumberStyle.fixed($0, 2) } ?? "–",
                        c.distanceToWillingCore.map(String.init) ?? "–",
                    ]
                }
            ).text)
        out.append("")
        out += v.categories.filter { $0.status != .present }.map { "- " + $0.reading }
        func list(_ title: String, _ actors: [Int]) {
            out.append("\(title) (\(actors.count))" + (actors.isEmpty ? "" : ": " + actors.map { names[$0] }.joined(separator: ", ")))
        }
        out.append("")
        list("Only consulted", v.consultedOnly)
        list("Isolated", v.isolated)
        list("Outside the main component", v.outsideMainComponent)
        return out.joined(separator: "\n")
    }

    struct JSON: Encodable {
        struct Entry: Encodable {
            var category: String; var dimension: String; var value: String; var actors: [String]; var count: Int
            var consultedOnly: Int; var isolated: Int
            var share: Double; var representationRatio: Double?; var pagerankRatio: Double?
            var distanceToWillingCore: Int?; var reasons: [String]; var reading: String
        }
        var missing: [Entry]
        var underrepresented: [Entry]
        var tooFewToJudge: [Entry]
        var notChecked: [Entry]
        var present: [Entry]
        var consultedOnly: [String]
        var isolated: [String]
        var outsideMainComponent: [String]
        var usedDefaultTaxonomy: Bool

        init(_ v: VoicesAnalysis, _ ids: [String]) {
            func entries(_ status: VoicesAnalysis.Status) -> [Entry] {
                v.categories.filter { $0.status == status }.map { c in
                    Entry(
                        category: c.label, dimension: c.expected.dimension.rawValue, value: c.expected.value, actors: c.actors.map { ids[$0] },
                        count: c.actors.count, consultedOnly: c.consultedOnly, isolated: c.isolated, share: c.share, representationRatio: c.degreeRatio, pagerankRatio: c.pagerankRatio,
                        distanceToWillingCore: c.distanceToWillingCore, reasons: c.reasons, reading: c.reading)
                }
            }
            missing = entries(.missing)
            underrepresented = entries(.underrepresented)
            tooFewToJudge = entries(.tooFewToJudge)
            notChecked = entries(.notChecked)
            present = entries(.present)
            consultedOnly = v.consultedOnly.map { ids[$0] }
            isolated = v.isolated.map { ids[$0] }
            outsideMainComponent = v.outsideMainComponent.map { ids[$0] }
            usedDefaultTaxonomy = v.usedDefaultTaxonomy
        }
    }
}
