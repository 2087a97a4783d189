import ArgumentParser
import Graphviz

@main
enum Main {
    static func main() {
        // A briefing pack draws each view in a fresh process of this executable.
        Renderer.serveIfAsked()
        CoalitionCommand.main()
    }
}

struct CoalitionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coalition",
        abstract: "Stakeholder network analysis for mission-oriented innovation.",
        discussion: """
            Reads the stakeholder sheets a mission team already keeps (actors and ties as CSV or \
            Excel, Gephi/Kumu conventions, GraphML, GEXF, Kumu JSON, DOT, or a mission.yaml that points \
            at them) and tells \
            what the coalition looks like.

            Examples:
              coalition report fixtures/healthy-lives-2040/mission.yaml
              coalition summary fixtures/healthy-lives-2040/mission.yaml
            """,
        version: "0.1.0",
        subcommands: [
            Report.self, Validate.self, Summary.self, Analyze.self, Silos.self, CommunitiesCommand.self, Willing.self, Voices.self, Grid.self, PortfolioCommand.self, KeyPlayersCommand.self, WhatIfCommand.self, Compare.self,
            Render.self, Convert.self, Init.self,
        ]
    )
}
