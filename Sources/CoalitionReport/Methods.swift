import Coalition

/// The methods appendix: every measure the pack reports, what it means, the convention
/// Coalition follows and where it comes from.
enum Methods {
    struct Entry {
        var name: String
        var definition: String
        var reference: String
    }

    /// The entries for a pack; an external one has no power–interest grid to explain.
    /// - Parameter projection: when the ties come from the mission portfolio, how.
    static func entries(for audience: Briefing.Audience, projection: PortfolioTies? = nil) -> [Entry] {
        let shown = audience == .internal ? entries : entries.filter { $0.name != "Power–interest grid" && $0.name != "Stance, influence, interest" }
        return (projection.map { [Self.projection($0)] } ?? []) + shown
    }

    static func projection(_ rule: PortfolioTies) -> Entry { Entry(
        name: "Ties from shared initiatives",
        definition:
            "Actors who take part in the same initiative are tied: each shared initiative of k members adds \(rule.weighting == .newman ? "1/(k − 1) (Newman's collaboration weight, so a large forum binds its members less than a small pilot)" : "1")\(rule.weighting == .jaccard ? ", the sum divided by the initiatives either takes part in (Jaccard)" : ""), times the pair's role factor — the smaller of lead 2, funder or partner 1.5, participant 1, observer 0.5. Initiatives of more than \(rule.maxInitiativeSize) members give no ties. Because every initiative becomes a group in which everyone is tied, clustering is high by construction, and density, degree and cores grow with initiative size: read them as working in the same initiatives, not as ties the actors made themselves.",
        reference: "Newman (2001), Physical Review E 64; Borgatti & Everett (1997), Social Networks 19")
    }

    static let entries: [Entry] = [
        Entry(
            name: "Supporting network",
            definition:
                "Every measure is computed on the ties of support: opposition ties are left out and counted apart; several relations between one pair count as one tie whose strength is their sum.",
            reference: ""),
        Entry(name: "Degree", definition: "The number of other actors an actor has a supporting tie with.", reference: ""),
        Entry(
            name: "Stance, influence, interest",
            definition:
                "As the sheets record them: stance supportive, neutral or opposed; influence (power) and interest in the mission rated 0–5. Ratings, not measures: budget or legal power shows in them, not in ties.",
            reference: ""),
        Entry(
            name: "Betweenness",
            definition:
                "The share of shortest paths between pairs of other actors that pass through the actor, over all ordered pairs, divided by (n−1)(n−2) — networkx's normalised betweenness. A high value marks a broker whose absence would lengthen or cut the paths between others.",
            reference: "Brandes (2001), A faster algorithm for betweenness centrality, Journal of Mathematical Sociology 25(2)"),
        Entry(
            name: "Closeness",
            definition:
                "How near the actor is to all it can reach: (r−1)/Σd, scaled by (r−1)/(n−1) where r actors reach it, so that actors in small fragments do not look central.",
            reference: "Wasserman & Faust (1994), Social Network Analysis"),
        Entry(
            name: "Harmonic centrality", definition: "The sum of 1/distance to every other actor; unreachable actors add nothing.",
            reference: "Marchiori & Latora (2000); Boldi & Vigna (2014)"),
        Entry(
            name: "PageRank",
            definition:
                "The share of time a random walk along the ties spends at the actor, with damping 0.85: being tied to well-tied actors counts more. It sizes the actors in the diagrams.",
            reference: "Brin & Page (1998)"),
        Entry(
            name: "Eigenvector centrality", definition: "Centrality proportional to the sum of the neighbours' centralities (power iteration, unit length).",
            reference: "Bonacich (1972)"),
        Entry(
            name: "Coreness", definition: "The largest k such that the actor belongs to a group in which everyone has at least k ties inside the group.",
            reference: "Batagelj & Zaversnik (2003)"),
        Entry(name: "Clustering", definition: "The share of pairs of the actor's contacts that are tied to each other.", reference: "Watts & Strogatz (1998)"),
        Entry(
            name: "Constraint", definition: "How much the actor's ties lead to the same few others: low constraint means access to separate groups (structural holes).",
            reference: "Burt (1992), Structural Holes"),
        Entry(
            name: "Brokerage",
            definition: "Gould–Fernandez roles counted across the groups: coordinator, itinerant, representative, gatekeeper and liaison; the table shows their total.",
            reference: "Gould & Fernandez (1989), Sociological Methodology 19"),
        Entry(name: "Cut point", definition: "An actor whose removal splits a connected part of the network in two (an articulation point).", reference: "Tarjan (1972)"),
        Entry(
            name: "E-I index",
            definition:
                "(External − Internal) / (External + Internal) ties of a group: −1 when every tie stays inside, +1 when every tie crosses to another group. Tested against 5,000 random relabellings that keep the group sizes; p-values adjusted for the number of groups (Benjamini–Hochberg).",
            reference: "Krackhardt & Stern (1988), Social Psychology Quarterly 51(2)"),
        Entry(
            name: "Missing bridge",
            definition:
                "A pair of groups with far fewer ties between them than their numbers of tie ends predict under the configuration model (expected at least 3, Poisson probability below 0.05 after adjustment). Candidates to build the bridge are one introduction away from the other side.",
            reference: "Newman (2010), Networks"),
        Entry(
            name: "Clusters (Leiden communities)",
            definition:
                "Groups found in the ties themselves by the Leiden algorithm on modularity (seeded; the best of 100 runs from different seeds below 1,000 actors, of 10 up to 20,000, one run above), compared with the groups by normalised mutual information (NMI): 1 means the clusters are exactly the groups.",
            reference: "Traag, Waltman & van Eck (2019), Scientific Reports 9"),
        Entry(
            name: "Community of the willing",
            definition:
                "Actors and ties committed at least at the mission's level, in clusters split only where they have structure beyond chance; each cluster scored on size, density, commitment, declared influence, diversity of kinds and sectors, and four mission criteria (more than one sector; research and innovation; civil society or communities; no single point of failure).",
            reference: "Mazzucato (2018), Mission-Oriented Research & Innovation in the European Union"),
        Entry(
            name: "Voices",
            definition:
                "Each expected category (from the mission file, or ministries, agencies, regional and local government, business, research, civil society and communities): missing with no actor; underrepresented below its minimum, or when its share of ties is under half its share of actors (judged from 3 actors up).",
            reference: ""),
        Entry(
            name: "Power–interest grid",
            definition:
                "Actors by declared influence and interest (0–5, split at 2.5); hidden influencers are in the top quarter by PageRank or by betweenness (a broker with few ties) with a declared percentile at least 0.4 lower; over-rated actors are in the top quarter by declared influence and at least 0.4 above both.",
            reference: "Eden & Ackermann (1998), Making Strategy"),
    ]
}
