import Coalition
import Foundation

/// The files `coalition init` writes: a mission file with every key explained, and
/// header-only sheets whose comment lines list the allowed values.
public enum StarterMission {
    public static func files(name: String) -> [(name: String, text: String)] {
        [("mission.yaml", missionYAML(name: name)), ("actors.csv", actorsCSV), ("ties.csv", tiesCSV)]
    }

    static func missionYAML(name: String) -> String {
        let kinds = ActorKind.known.map(\.rawValue).joined(separator: ", ")
        let levels = Commitment.allCases.map(\.name).joined(separator: ", ")
        return """
            # Coalition mission file. Paths are relative to this file's folder.
            # Check it with:  coalition validate mission.yaml

            # The mission's name and goal, as you would say them to a minister.
            name: \(yamlQuoted(name))
            goal: "\(placeholderGoal)"
            # The year the goal should be met.
            target_year: \(targetYear(in: name) ?? 2040)
            # When the sheets were true (YYYY-MM-DD). Reports print it.
            data_date: \(isoDate(Date()))
            # Where the data comes from (a survey, a workshop, desk research).
            source: "Stakeholder workshop"

            # The sheets: one row per actor, one row per tie (see the comments in each).
            actors: actors.csv
            ties: ties.csv
            # Or instead of the two sheets, one GraphML, GEXF or Coalition JSON file:
            # network: network.graphml
            # The mission portfolio: who takes part in which initiative (columns actor, initiative,
            # and optionally role — lead, partner, funder, participant, observer — commitment and
            # budget), and the initiatives themselves (id, name, kind, sector, budget, status).
            # `coalition portfolio` analyses them; every other analysis ties actors who share an
            # initiative (Newman weights: 1/(members − 1) per shared initiative).
            # affiliations: participations.csv
            # initiatives: initiatives.csv
            # With both ties and participations: add (projected strength added to direct ties),
            # ties-only or initiatives-only.
            # projection: add

            # Earlier survey waves, oldest first; the sheets above are the current wave. Each has
            # a label (findings say "since <label>") and its data: a mission file, two sheets, or
            # one network file. `coalition report` then adds "What changed since <label>".
            # waves:
            #   - label: "2025"
            #     actors: wave-2025/actors.csv
            #     ties: wave-2025/ties.csv

            # true if every tie has a direction (who funds whom, who mandates whom).
            directed: false
            # How repeated ties between the same pair with the same relation are merged: sum, max or mean.
            merge: sum
            # The attribute that defines silos: sector, kind, level or any column of the actors sheet.
            group_by: sector

            # The community of the willing: ties and actors at or above this commitment.
            # Levels: \(levels) (or 0-4).
            willing:
              min_commitment: pledged
              # Weights of the willing-cluster score (size, density, commitment, influence, diversity, criteria).
              weights: {size: 0.2, density: 0.15, commitment: 0.2, influence: 0.15, diversity: 0.15, criteria: 0.15}

            # Voices the mission must hear. Each entry names one of kind, sector, level or voice,
            # and a min_count (actors) or a min_share (0-1 of all actors).
            # Kinds: \(kinds).
            expected_voices:
              - kind: cso
                min_count: 3
              - kind: community
                min_share: 0.15
              - voice: youth
                min_count: 1

            # Relations that only consult an actor (asked, not involved); ties of other relations commit it.
            consultation_relations: [information, consultation]
            # Columns that must not leave the organisation (dropped from external reports).
            sensitive_columns: [stance, influence, notes]
            # Who might leave, for `coalition whatif`: actor ids, or every actor of a kind or sector.
            # scenarios:
            #   - name: after the election
            #     remove: [min-health]
            #   - name: the regions step back
            #     remove_kind: [regional-government]
            # The portfolio's roles and budgets stay out of external reports unless listed here.
            # public_columns: [role, budget]
            # Findings an external report leaves out besides the sensitive ones, by code.
            # external: {omit: [silos.unconnected-ministries]}
            # true if actors include named people (pseudonymised in external reports).
            personal_data: false

            """
    }

    static var actorsCSV: String {
        """
        # Actors sheet: one row per organisation or group. Lines starting with # are comments.
        # id: unique short code (no spaces needed), used by the ties sheet. name: full name.
        # kind: \(ActorKind.known.map(\.rawValue).joined(separator: ", ")) (others are kept, with a warning).
        # sector: one or more, separated by | (as in health|housing); the first is the primary sector (used for silos).
        # level: \(Level.allCases.map(\.rawValue).joined(separator: ", ")).
        # influence, interest: 0-5. stance: \(Stance.allCases.map(\.rawValue).joined(separator: ", ")).
        # voices: whom the actor speaks for (youth|patients|rural ...).
        # commitment: \(Commitment.allCases.map(\.name).joined(separator: ", ")) (or 0-4).
        # Any other column is kept and can be used with --group-by.
        # Optional: valid_from, valid_until (YYYY-MM-DD): when the actor was part of the coalition;
        # `--at DATE` then reads the network as it stood that day.
        id,name,kind,sector,level,influence,interest,stance,voices,commitment

        """
    }

    static var tiesCSV: String {
        """
        # Ties sheet: one row per tie between two actors (by id). Lines starting with # are comments.
        # relation: \(Relation.known.map(\.rawValue).joined(separator: ", ")) or your own word; opposition ties are negative.
        # strength: a positive number (default 1). commitment: \(Commitment.allCases.map(\.name).joined(separator: ", ")).
        # directed: true if the tie goes one way, from source to target (default false).
        # Optional: valid_from, valid_until (YYYY-MM-DD): when the tie held.
        source,target,relation,strength,commitment,directed

        """
    }

    /// The goal the template writes; `validate` warns while it is still there.
    public static let placeholderGoal = "Write the mission's goal here, with its measurable target."

    /// The year a mission's name ends on ("Net-Zero Neighbourhoods 2035" → 2035): the last
    /// four-digit number from 2000 to 2199 in it.
    static func targetYear(in name: String) -> Int? {
        let words = name.split { !$0.isNumber }.compactMap { $0.count == 4 ? Int($0) : nil }
        return words.last { (2000...2199).contains($0) }
    }

    static func yamlQuoted(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    static func isoDate(_ date: Date) -> String {
        let c = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: date)
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }
}
