import ArgumentParser
import Coalition
import CoalitionIO
import CoalitionOutput
import Foundation

struct Voices: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Whose voices are missing, underrepresented, only consulted or cut off.",
        discussion: """
            Checks the mission's expected_voices (kinds, sectors, levels, voice tags with a minimum \
            count or share) — or, without them, a default set of ministries, agencies, regional and \
            local government, business, research, CSOs and communities. A category with no actor is \
            missing; one below its minimum, or whose share of ties (degree, PageRank) is under half \
            its share of actors, is underrepresented (judged only from 3 actors up).

            Examples:
              coalition voices fixtures/healthy-lives-2040/mission.yaml
              coalition voices fixtures/healthy-lives-2040/mission.yaml --format json
            """)

    @OptionGroup var input: InputOptions
    @OptionGroup var portfolioTies: PortfolioTieOptions

    @OptionGroup var out: OutputOptions

    func run() throws {
        try out.emit(try input.session(ties: portfolioTies).voicesDocument())
    }
}

struct Grid: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The power–interest grid, with network position beside declared influence.",
        discussion: """
            Actors rated for influence and interest (0–5) fall in four quadrants (manage closely, \
            keep satisfied, keep informed, monitor; split at 2.5). Beside each, the percentile of its \
            PageRank (or --measure betweenness): central actors rated low are hidden influencers, \
            actors rated high but peripheral are over-rated.

            Examples:
              coalition grid fixtures/healthy-lives-2040/mission.yaml
              coalition grid actors.csv ties.csv --measure betweenness --format csv
            """)

    @OptionGroup var input: InputOptions
    @OptionGroup var portfolioTies: PortfolioTieOptions

    @Option(help: "Structural influence: both (PageRank and betweenness; a finding by either), pagerank or betweenness.")
    var measure: PowerInterestGrid.Measure = .both

    @OptionGroup var out: OutputOptions

    func run() throws {
        try out.emit(try input.session(ties: portfolioTies).gridDocument(measure: measure))
    }
}
