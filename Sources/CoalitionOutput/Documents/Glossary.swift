/// One line of plain words for each measure a table shows: beside `analyze`'s tables, and on
/// hover over a column heading of the briefing page. The Methods section gives the full
/// definition and its source.
public enum Glossary {
    public static let lines: [String: String] = [
        "degree": "how many other actors it has a supporting tie with",
        "strength": "the sum of the strengths of its ties",
        "betweenness": "the share of shortest paths between other actors that pass through it; brokers score high",
        "closeness": "how few steps it takes to reach everyone it can reach",
        "harmonic": "the sum of 1/steps to every other actor; closeness that copes with parts that cannot reach each other",
        "pagerank": "how often a random walk along the ties arrives at it; ties to well-tied actors count more",
        "eigenvector": "how well tied it is to the well tied",
        "coreness": "the deepest layer of the network it belongs to; k when it sits among actors with k ties each inside",
        "effective size": "how many of its contacts are not tied to each other, so how many separate circles it can reach",
        "constraint": "how much its ties lead to the same few others; low means access to separate groups",
        "brokerage": "how often it links two others who are not tied, counted across the groups (Gould–Fernandez roles)",
        "liaison": "how often it links two others from two groups, neither of them its own",
        "cluster": "the group of actors tied more among themselves than to the rest, found in the ties (Leiden)",
        "stance": "the stance the sheets record: supportive, neutral or opposed",
        "influence": "declared influence (power), 0–5, as the sheets rate it",
        "interest": "declared interest in the mission, 0–5, as the sheets rate it",
        "kind": "the kind of actor: ministry, agency, business, CSO, community group, …",
        "actors": "how many actors the group has",
        "ties inside": "ties between two members of the group",
        "ties across": "ties between a member and an actor of another group",
        "E-I": "(ties across − ties inside) ÷ all the group's ties: −1 every tie inside, +1 every tie across",
        "p": "how often random relabellings that keep the group sizes leave the group as inward; small: inward beyond chance",
        "density inside": "the share of possible ties among the group's members that exist",
    ]

    /// The line for a measure or column, by any spelling the tables use ("PageRank", "core
    /// number", "community").
    public static func line(_ name: String) -> String? {
        let key = name.lowercased()
        let aliases = ["core number": "coreness", "community": "cluster", "harmonic centrality": "harmonic"]
        let wanted = aliases[key] ?? key
        // By the longest key the name starts with ("constraint (lowest: …)"), in key order so
        // that the answer never depends on the dictionary's order.
        return lines.keys.sorted { ($0.count, $1) > ($1.count, $0) }.first { k in
            let k = k.lowercased()
            return wanted == k || wanted.hasPrefix(k + " ")
        }.flatMap { lines[$0] }
    }
}
