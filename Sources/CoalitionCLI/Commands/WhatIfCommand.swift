import ArgumentParser
import Coalition
import CoalitionOutput

struct WhatIfCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "whatif",
        abstract: "What breaks if these actors leave: who is cut off, which ministries lose touch, the willing and the voices.",
        discussion: """
            Takes the actors out (with their ties and participations) and runs the same analyses \
            again: the main component's share of the actors and Borgatti's fragmentation, who \
            would be cut off from the rest, ministry pairs that would share neither a tie nor a \
            contact, new missing bridges between groups, the recommended community of the \
            willing and its score, expected voices that would go missing. Give the actors with \
            --remove, --remove-kind and --remove-sector (together they add up), or run the \
            mission file's scenarios (scenarios:, all of them unless --scenario names some).

            Examples:
              coalition whatif fixtures/healthy-lives-2040/mission.yaml --remove min-health
              coalition whatif mission.yaml --remove-kind ministry --format json
              coalition whatif mission.yaml --scenario "after the election"
            """)

    @OptionGroup var input: InputOptions
    @OptionGroup var portfolioTies: PortfolioTieOptions

    @Option(help: ArgumentHelp("Actors (ids, comma-separated) who leave.", valueName: "ids"))
    var remove: String?

    @Option(name: .customLong("remove-kind"), help: ArgumentHelp("Every actor of these kinds leaves (ministry, cso, …; comma-separated, or repeated).", valueName: "kinds"))
    var removeKinds: [String] = []

    @Option(name: .customLong("remove-sector"), help: ArgumentHelp("Every actor in these sectors leaves (comma-separated, or repeated).", valueName: "sectors"))
    var removeSectors: [String] = []

    @Option(name: .customLong("scenario"), help: ArgumentHelp("A scenario of the mission file, by name; repeat for several.", valueName: "name"))
    var scenarioNames: [String] = []

    @Option(help: "Output format: text or json.")
    var format: TextOrJSON = .text

    @Option(help: "Write to this file (atomically) instead of standard output.")
    var output: String?

    var ids: [String] { Self.split([remove ?? ""]) }
    var kinds: [String] { Self.split(removeKinds) }
    var sectors: [String] { Self.split(removeSectors) }

    static func split(_ values: [String]) -> [String] {
        values.flatMap { $0.split(separator: ",") }.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
    }

    func validate() throws {
        if !scenarioNames.isEmpty && !(ids.isEmpty && kinds.isEmpty && sectors.isEmpty) {
            throw ValidationError("give either --scenario or --remove/--remove-kind/--remove-sector, not both")
        }
    }

    func run() throws {
        let session = try input.session(AnalysisSettings(), ties: portfolioTies)
        let document: WhatIfDocument
        do {
            var departures: [Departure]
            if !ids.isEmpty || !kinds.isEmpty || !sectors.isEmpty {
                departures = [Departure(ids: ids, kinds: kinds, sectors: sectors)]
            } else {
                departures = try session.scenarios(named: scenarioNames)
                guard !departures.isEmpty else {
                    printError("error: say who leaves: --remove ID,…, --remove-kind or --remove-sector, or list scenarios: in the mission file")
                    throw ExitCode.validationFailure
                }
            }
            document = try session.whatIfDocument(departures)
        } catch let error as WhatIfError {
            printError("error: \(error)")
            throw ExitCode.validationFailure
        }
        try emit(try document.rendered(format.format) ?? "", to: output)
    }
}
