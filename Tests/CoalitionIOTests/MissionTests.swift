import Coalition
import XCTest

@testable import CoalitionIO

final class MissionTests: XCTestCase {
    func parse(_ yaml: String) -> (Mission?, [String]) {
        let (m, log) = MissionFile.parse(yaml, file: "m.yaml")
        return (m, log.entries.map(\.description))
    }

    func testMinimalMission() {
        let (m, messages) = parse("name: Every Street Liveable\nties: ties.csv\n")
        XCTAssertEqual(m?.name, "Every Street Liveable")
        XCTAssertEqual(m?.tiesFile, "ties.csv")
        XCTAssertEqual(messages, [])
    }

    func testProblemsAreLocated() {
        let (m, messages) = parse(
            """
            name: X
            actors: a.csv
            target_year: soon
            directed: maybe
            merge: average
            willing:
              min_commitment: keen
            expected_voices:
              - kind: cso
                voice: youth
              - min_count: 2
              - sector: health
                min_share: 1.5
            """)
        XCTAssertNil(m)
        XCTAssertEqual(
            messages,
            [
                "m.yaml:3:14: error: target_year must be a whole number from 1900 to 2200, found \"soon\" [bad-mission]",
                "m.yaml:4:11: error: directed must be true or false, found \"maybe\" [bad-mission]",
                "m.yaml:5:8: error: merge must be one of sum, max, mean; found \"average\" [bad-mission]",
                "m.yaml:7:19: error: unknown commitment level \"keen\"; expected one of: none, exploring, pledged, active, leading, or 0–4 [bad-commitment]",
                "m.yaml:10:5: error: an expected voice names one of kind, sector, level or voice, not two [bad-mission]",
                "m.yaml:11:5: error: an expected voice needs one of kind, sector, level or voice [bad-mission]",
                "m.yaml:13:16: error: min_share is a share from 0 to 1, found 1.5 [bad-mission]",
            ])
    }

    func testProjectionSaysHowParticipationsCombineWithTies() {
        XCTAssertEqual(parse("name: X\nactors: a.csv\nprojection: initiatives-only\n").0?.projection, .initiativesOnly)
        XCTAssertEqual(parse("name: X\nactors: a.csv\n").0?.projection, nil, "the session's default is add")
        XCTAssertEqual(
            parse("name: X\nactors: a.csv\nprojection: both\n").1,
            ["m.yaml:3:13: error: projection must be one of add, ties-only, initiatives-only; found \"both\" [bad-mission]"])
    }

    func testScenariosNameWhoLeaves() {
        let (m, messages) = parse(
            "name: X\nactors: a.csv\nscenarios:\n  - {name: after the election, remove: [min-health, min-social]}\n  - {name: regions, remove_kind: regional-government, remove_sector: [health]}\n"
        )
        XCTAssertEqual(messages, [])
        XCTAssertEqual(m?.scenarios.map(\.name), ["after the election", "regions"])
        XCTAssertEqual(m?.scenarios.first?.remove, ["min-health", "min-social"])
        XCTAssertEqual(m?.scenarios.last?.removeKinds, ["regional-government"])
        XCTAssertEqual(m?.scenarios.last?.removeSectors, ["health"])
        XCTAssertEqual(
            parse("name: X\nactors: a.csv\nscenarios:\n  - {remove: [a]}\n  - {name: s, remove: [a]}\n  - {name: s, remove: [b]}\n  - {name: t}\n  - {name: u, remov: [a], remove: [b]}\n").1,
            [
                "m.yaml:4:5: error: a scenario needs a name (\"after the election\"): the report and `whatif --scenario` use it [bad-mission]",
                "m.yaml:6:5: error: the scenario name \"s\" is used twice (first at m.yaml:5:5); each scenario needs its own [bad-mission]",
                "m.yaml:7:5: error: the scenario \"t\" removes no one; give `remove:` (actor ids), `remove_kind:` or `remove_sector:` [bad-mission]",
                "m.yaml:8:15: warning: unknown key \"remov\" in a scenario is ignored; did you mean \"remove\"? [unknown-key]",
            ])
    }

    func testAMissionNeedsData() {
        XCTAssertEqual(
            parse("name: X\n").1, ["m.yaml:1:1: error: the mission names no data; add `actors:` and `ties:` (sheets), `affiliations:` (who takes part in which initiative) or `network:` (a GraphML, GEXF or JSON file) [bad-mission]"])
        XCTAssertEqual(parse("- a\n- b\n").1, ["m.yaml:1:1: error: a mission file is a mapping of keys (name:, actors:, ties:, …); found a list [bad-mission]"])
    }

    func testStarterMissionIsValidAndDocumentsEveryKey() throws {
        let files = StarterMission.files(name: "Every \"Street\" Liveable")
        let yaml = try XCTUnwrap(files.first { $0.name == "mission.yaml" }?.text)
        let (m, messages) = parse(yaml)
        // The only complaint is the goal the user has yet to write.
        XCTAssertEqual(messages, ["m.yaml:6:7: warning: the goal is still the template's placeholder; write the mission's goal, with its measurable target — reports print it [placeholder]"])
        XCTAssertEqual(m?.name, "Every \"Street\" Liveable")
        XCTAssertEqual(m?.targetYear, 2040, "no year in the name: the template's 2040")
        for key in MissionFile.keys {
            XCTAssertTrue(yaml.contains("\n\(key):") || yaml.contains("# \(key):"), "starter mission documents \(key)")
        }
    }

    func testStarterMissionTakesTheTargetYearFromItsName() throws {
        let yaml = try XCTUnwrap(StarterMission.files(name: "Net-Zero Neighbourhoods 2035").first { $0.name == "mission.yaml" }?.text)
        XCTAssertEqual(parse(yaml).0?.targetYear, 2035)
        let odd = try XCTUnwrap(StarterMission.files(name: "Route 1984 to 2050, phase 2").first { $0.name == "mission.yaml" }?.text)
        XCTAssertEqual(parse(odd).0?.targetYear, 2050, "the last year from 2000 on")
    }

    func testColonInAnUnquotedValueGetsAHintToQuoteIt() {
        let (m, messages) = parse("name: Liveable\ngoal: Every street liveable: by 2035\nactors: a.csv\n")
        XCTAssertNil(m)
        XCTAssertEqual(
            messages,
            [
                "m.yaml:2:28: error: malformed YAML: mapping values are not allowed in this context; a value holding a colon must be quoted: goal: \"Every street liveable: by 2035\" [malformed-yaml]"
            ])
    }

    func testWavesAreReadWithTheirLabelsAndEveryMistakeIsLocated() {
        let (m, messages) = parse(
            """
            name: M
            actors: a.csv
            waves:
              - label: "2024"
                mission: w24/mission.yaml
              - {label: "2025", actors: w25/a.csv, ties: w25/t.csv}
              - {label: "2025", network: n.graphml}
              - {actors: x.csv}
              - {label: both, network: n.graphml, actors: a.csv}
              - {label: none, sheet: a.csv}
            """)
        XCTAssertNil(m, "errors stop the mission")
        XCTAssertEqual(
            messages,
            [
                "m.yaml:7:5: error: the wave label \"2025\" is used twice (first at m.yaml:6:5); each wave needs its own [bad-mission]",
                "m.yaml:8:5: error: a wave needs a label (\"2025\", \"after the spring workshop\"): findings say \"since <label>\" [bad-mission]",
                "m.yaml:9:5: error: the wave \"both\" names its data twice; give one of `mission:`, `actors:`/`ties:` or `network:` [bad-mission]",
                "m.yaml:10:19: warning: unknown key \"sheet\" in a wave is ignored; known: label, mission, actors, ties, network [unknown-key]",
                "m.yaml:10:5: error: the wave \"none\" names no data; give `mission:`, `actors:` and `ties:`, or `network:` [bad-mission]",
            ])
        let (good, none) = parse("name: M\nactors: a.csv\nwaves:\n  - {label: \"2025\", actors: w25/a.csv, ties: w25/t.csv}\n")
        XCTAssertEqual(none, [])
        XCTAssertEqual(good?.waves, [Mission.Wave(label: "2025", actors: "w25/a.csv", ties: "w25/t.csv", location: SourceLocation(file: "m.yaml", line: 4, column: 5))])
        XCTAssertEqual(good?.waves.first?.files, ["w25/a.csv", "w25/t.csv"])
    }
}
