import Coalition
import CoalitionGraph

/// Each command's document, from the session's analyses.
extension AnalysisSession {
    public func summaryDocument() -> SummaryDocument {
        SummaryDocument(summary, mission: mission, portfolio: network.portfolio.map { ($0.initiatives.count, $0.affiliations.count) })
    }

    /// - Parameter top: how many top actors per measure the text shows.
    public func measuresDocument(top: Int = 10) throws(GroupingError) -> MeasuresDocument {
        MeasuresDocument(try measures(), network, top: top)
    }

    public func silosDocument() throws(GroupingError) -> SilosDocument { SilosDocument(try silos(), network) }

    public func communitiesDocument(_ how: CommunitySettings = .init()) throws(GroupingError) -> CommunitiesDocument {
        CommunitiesDocument(
            communities(how), settings: how, seed: settings.seed, weighted: settings.weighted,
            grouping: try grouping(), network: network, graph: supportingGraph)
    }

    public func willingDocument() -> WillingDocument { WillingDocument(willing, network) }

    public func voicesDocument() -> VoicesDocument { VoicesDocument(voices, network) }

    /// - Parameter projecting: a projection to add (`--project`, `--weighting`).
    public func portfolioDocument(projecting: (ProjectionMode, ProjectionWeighting)? = nil) throws(GroupingError) -> PortfolioDocument {
        let projection = projecting.flatMap { mode, weighting in
            self.projection(onto: mode, weighting: weighting).map { PortfolioDocument.Projection(mode: mode, weighting: weighting, network: $0) }
        }
        return PortfolioDocument(try portfolio(), readNetwork, projection: projection)
    }

    public func gridDocument(measure: PowerInterestGrid.Measure = .both) -> GridDocument { GridDocument(grid(measure: measure), network) }

    /// The measures as typed columns for GraphML, GEXF, JSON and CSV exports: every actor
    /// measure and the default community, and edge betweenness per tie of the network as read
    /// (what `convert` writes): the measures come from the analysed ties, so a direct tie whose
    /// pair the analysis does not hold (`projection: initiatives-only`) has none.
    public func measureColumns() throws(GroupingError) -> (actors: [MeasureColumn], ties: [MeasureColumn]) {
        let analysis = try measures()
        let community = MeasureColumn(name: "community", integral: true, values: communities().membership.map { Double($0) })
        return (analysis.measureColumns(directed: network.isDirected) + [community], analysis.tieMeasureColumns(readNetwork))
    }
}
