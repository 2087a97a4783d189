import ArgumentParser
import Coalition
import CoalitionGraph
import CoalitionIO
import CoalitionOutput
import Foundation

struct PortfolioCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "portfolio",
        abstract: "The mission portfolio: who takes part in which initiative, measured as a two-mode network.",
        discussion: """
            Reads participation lists — an affiliations sheet with actor and initiative (or \
            organisation and project) columns, optionally role, commitment and budget — with the \
            actors sheet and, when there is one, the initiatives sheet (named initiatives.csv or \
            projects.csv, given with --initiatives, a mission's initiatives: key, or a workbook \
            sheet called Initiatives or Projects). GraphML and GEXF files with a bipartite (or \
            mode) node attribute are read the same way.

            For every actor and initiative: degree, degree centrality, closeness and betweenness \
            with the two-mode normalisations (Borgatti & Everett 1997), as networkx's bipartite \
            module computes them; above --exact-limit actors and initiatives together, closeness \
            and betweenness are estimated from --samples sources. For every initiative: the sectors \
            (or --group-by groups), kinds and levels its members come from, whether it is \
            cross-sectoral, its lead, and whether civil society or communities take part. Then the \
            portfolio's findings: the cross-sectoral share, sector pairs that share no initiative, \
            the actors who hold the portfolio together, those in one initiative only, initiatives \
            without civil society, and the expected voices.

            --project actors|initiatives adds a one-mode projection (--weighting count, newman or \
            jaccard, as networkx's projections); with --format csv it writes the projected ties.

            Examples:
              coalition portfolio fixtures/active-travel-2035/mission.yaml
              coalition portfolio actors.csv participations.csv --roles lead,partner --format json
              coalition portfolio fixtures/active-travel-2035/mission.yaml --project actors --weighting newman
            """)

    @OptionGroup var input: InputOptions
    @OptionGroup var grouping: GroupingOptions
    @OptionGroup var projection: ProjectionOptions
    @OptionGroup var paths: PathSamplingOptions
    @OptionGroup var out: OutputOptions

    func run() throws {
        var settings = AnalysisSettings()
        grouping.apply(to: &settings)
        projection.apply(to: &settings)
        paths.apply(to: &settings)
        let session = try input.session(settings)
        guard session.readNetwork.portfolio != nil else {
            printError(
                "error: the input holds no participations in initiatives, so there is no portfolio to measure: give an affiliations sheet (actor and initiative columns, e.g. participations.csv), a mission's affiliations: key, or a two-mode GraphML/GEXF file")
            throw ExitCode(inputErrorExitCode)
        }
        try out.emit(try orStop { try session.portfolioDocument(projecting: projection.project.map { ($0, projection.weighting ?? .count) }) })
    }
}

/// `--project`, `--weighting`, `--roles`: which participations count, and the projection asked for.
struct ProjectionOptions: ParsableArguments {
    @Option(help: "Project the portfolio onto actors (tied by shared initiatives) or initiatives (tied by shared members).")
    var project: ProjectionMode?

    @Option(help: "Weights of projected ties: count (shared initiatives), newman (Σ 1/(members − 1)) or jaccard (shared over either's). Default: count.")
    var weighting: ProjectionWeighting?

    @Option(
        help: ArgumentHelp(
            "Only these roles' participations count, comma-separated: lead, funder, partner, participant, observer (a participation without a role is a participant's).",
            valueName: "roles"))
    var roles: String?

    func validate() throws {
        _ = try parsedRoles()
        if weighting != nil && project == nil { throw ValidationError("--weighting weighs a projection; add --project actors or --project initiatives") }
    }

    func parsedRoles() throws -> Set<ParticipationRole>? {
        guard let roles else { return nil }
        var out = Set<ParticipationRole>()
        for word in roles.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !word.isEmpty {
            guard let role = ParticipationRole(parsing: word) else {
                throw ValidationError("--roles: unknown role \"\(word)\"; expected lead, funder, partner, participant or observer")
            }
            out.insert(role)
        }
        if out.isEmpty { throw ValidationError("--roles names no role; expected lead, funder, partner, participant or observer") }
        return out
    }

    func apply(to settings: inout AnalysisSettings) {
        settings.roles = try? parsedRoles()
    }
}

extension ProjectionMode: ExpressibleByArgument {}
extension ProjectionWeighting: ExpressibleByArgument {}
