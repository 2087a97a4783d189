import Coalition
import Foundation
import Yams

/// Reads `mission.yaml`. Every problem is located (`file:line:column`); unknown keys are
/// warnings with a suggestion, so that a typo does not pass silently.
public enum MissionFile {
    /// The keys a mission file may hold, documented in the README.
    public static let keys = [
        "name", "goal", "target_year", "data_date", "source", "actors", "ties", "network", "affiliations", "initiatives",
        "projection", "directed", "merge", "group_by", "willing", "expected_voices", "consultation_relations",
        "sensitive_columns", "public_columns", "personal_data", "waves", "scenarios", "external",
    ]

    public static func parse(_ text: String, file: String) -> (mission: Mission?, diagnostics: DiagnosticLog) {
        var log = DiagnosticLog()
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            let at = location(of: error, file: file, text: text)
            log.error(.malformedYAML, at: at, "malformed YAML: \(describe(error))\(colonHint(at: at, in: text, error: error))")
            return (nil, log)
        } catch {
            log.error(.malformedYAML, at: SourceLocation(file: file), "malformed YAML: \(error)")
            return (nil, log)
        }
        guard let root, let mapping = root.mapping else {
            log.error(
                .badMission, at: SourceLocation(file: file, line: 1, column: 1),
                "a mission file is a mapping of keys (name:, actors:, ties:, …); found \(root.map(kindName) ?? "nothing")")
            return (nil, log)
        }
        var reader = Reader(file: file, log: log)
        var values: [String: Node] = [:]
        for (keyNode, value) in mapping {
            guard let key = keyNode.string else { continue }
            if !keys.contains(key) {
                let hint = Suggestions.closest(to: key, in: keys).map { "did you mean \"\($0)\"?" } ?? "known keys: \(keys.joined(separator: ", "))"
                reader.log.warning(.unknownKey, at: reader.at(keyNode), "unknown key \"\(key)\" is ignored; \(hint)")
                continue
            }
            values[key] = value
        }
        guard let nameNode = values["name"], let name = reader.text(nameNode, "name"), !name.isEmpty else {
            reader.log.error(.badMission, at: SourceLocation(file: file, line: 1, column: 1), "the mission has no name; add `name: …`")
            return (nil, reader.log)
        }
        var m = Mission(name: name)
        m.locations = values.mapValues { reader.at($0) }
        m.goal = values["goal"].flatMap { reader.text($0, "goal") }
        if m.goal == StarterMission.placeholderGoal, let node = values["goal"] {
            reader.log.warning(
                .placeholder, at: reader.at(node),
                "the goal is still the template's placeholder; write the mission's goal, with its measurable target — reports print it")
        }
        m.source = values["source"].flatMap { reader.text($0, "source") }
        m.targetYear = values["target_year"].flatMap { reader.integer($0, "target_year", in: 1900...2200) }
        if let node = values["data_date"] { m.dataDate = reader.date(node) }
        m.actorsFile = values["actors"].flatMap { reader.text($0, "actors") }
        m.tiesFile = values["ties"].flatMap { reader.text($0, "ties") }
        m.networkFile = values["network"].flatMap { reader.text($0, "network") }
        m.affiliationsFile = values["affiliations"].flatMap { reader.text($0, "affiliations") }
        m.initiativesFile = values["initiatives"].flatMap { reader.text($0, "initiatives") }
        m.directed = values["directed"].flatMap { reader.bool($0, "directed") }
        m.personalData = values["personal_data"].flatMap { reader.bool($0, "personal_data") } ?? false
        m.groupBy = values["group_by"].flatMap { reader.text($0, "group_by") }
        if let node = values["merge"], let text = reader.text(node, "merge") {
            if let policy = MergePolicy(rawValue: text) {
                m.merge = policy
            } else {
                reader.log.error(.badMission, at: reader.at(node), "merge must be one of sum, max, mean; found \"\(text)\"")
            }
        }
        if let node = values["projection"], let text = reader.text(node, "projection") {
            if let how = PortfolioTies.Combination(rawValue: text) {
                m.projection = how
            } else {
                reader.log.error(.badMission, at: reader.at(node), "projection must be one of add, ties-only, initiatives-only; found \"\(text)\"")
            }
        }
        m.sensitiveColumns = values["sensitive_columns"].map { reader.list($0, "sensitive_columns") } ?? []
        if let node = values["public_columns"] {
            for value in reader.list(node, "public_columns") {
                // "roles", "Budget": the column as a person would write it.
                let word = value.lowercased().trimmingCharacters(in: .whitespaces)
                if let column = Mission.PortfolioColumn(rawValue: word.hasSuffix("s") ? String(word.dropLast()) : word) {
                    m.publicColumns.insert(column)
                } else {
                    reader.log.error(
                        .badMission, at: reader.at(node),
                        "public_columns takes role and budget (what an external pack otherwise leaves out of the portfolio); found \"\(value)\"")
                }
            }
        }
        if let node = values["external"] {
            if let mapping = node.mapping {
                for (k, v) in mapping {
                    guard let key = k.string else { continue }
                    if key == "omit" {
                        m.externalOmit = reader.list(v, "external.omit").map { $0.trimmingCharacters(in: .whitespaces) }
                    } else {
                        reader.log.warning(.unknownKey, at: reader.at(k), "unknown key \"\(key)\" under external is ignored; it takes omit: [finding codes]")
                    }
                }
            } else {
                reader.log.error(.badMission, at: reader.at(node), "external is a mapping such as `external: {omit: [silos.unconnected-ministries]}`")
            }
        }
        m.consultationRelations = values["consultation_relations"].map { reader.list($0, "consultation_relations") } ?? []
        if let node = values["willing"] { m.willing = reader.willing(node) }
        if let node = values["expected_voices"] { m.expectedVoices = reader.expectedVoices(node) }
        if let node = values["waves"] { m.waves = reader.waves(node) }
        if let node = values["scenarios"] { m.scenarios = reader.scenarios(node) }

        if m.networkFile == nil && m.actorsFile == nil && m.tiesFile == nil && m.affiliationsFile == nil {
            reader.log.error(
                .badMission, at: SourceLocation(file: file, line: 1, column: 1),
                "the mission names no data; add `actors:` and `ties:` (sheets), `affiliations:` (who takes part in which initiative) or `network:` (a GraphML, GEXF or JSON file)")
        }
        if m.networkFile != nil && (m.actorsFile != nil || m.tiesFile != nil || m.affiliationsFile != nil || m.initiativesFile != nil),
            let node = values["network"]
        {
            reader.log.error(.badMission, at: reader.at(node), "give either `network:` or the sheets (`actors:`, `ties:`, `affiliations:`, `initiatives:`), not both")
        }
        if m.initiativesFile != nil && m.affiliationsFile == nil, let node = values["initiatives"] {
            reader.log.error(
                .badMission, at: reader.at(node),
                "`initiatives:` lists the portfolio's initiatives; add `affiliations:`, the sheet that says who takes part in which")
        }
        return (reader.log.hasErrors ? nil : m, reader.log)
    }

    static func location(of error: YamlError, file: String, text: String) -> SourceLocation {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return SourceLocation(file: file, line: mark.line, column: mark.column)
        case .reader(_, let offset?, _, let yaml):
            // The offset counts characters (Unicode scalars) from the start.
            var line = 1, column = 1
            for u in yaml.unicodeScalars.prefix(offset) {
                if u == "\n" { line += 1; column = 1 } else { column += 1 }
            }
            return SourceLocation(file: file, line: line, column: column)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let (line, column) = secondOccurrence(of: duplicates, mappingAt: context.mark, in: text)
            return SourceLocation(file: file, line: line, column: column)
        default:
            return SourceLocation(file: file, line: 1, column: 1)
        }
    }

    /// Where the first repeated key of a block mapping appears for the second time: Yams marks
    /// only the mapping, so the lines at the mapping's indentation after its start are read.
    static func secondOccurrence(of keys: [String], mappingAt mark: Mark, in text: String) -> (line: Int, column: Int) {
        var seen = Set<String>()
        let indent = mark.column - 1
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where i + 1 >= mark.line {
            let body = line.drop { $0 == " " }
            guard line.count - body.count == indent else {
                // A line less indented than the mapping (and not blank or a comment) ends it.
                if !body.isEmpty, !body.hasPrefix("#"), line.count - body.count < indent, i + 1 > mark.line { break }
                continue
            }
            var key = body.prefix { $0 != ":" }
            if body.hasPrefix("- "), i + 1 == mark.line { key = body.dropFirst(2).prefix { $0 != ":" } }
            let name = key.trimmingCharacters(in: CharacterSet(charactersIn: " \"'"))
            guard body.dropFirst(key.count).hasPrefix(":"), keys.contains(name) else { continue }
            if !seen.insert(name).inserted { return (i + 1, indent + 1) }
        }
        return (mark.line, mark.column)
    }

    /// `goal: Every street liveable: by 2035` is the commonest YAML mistake: a value holding
    /// ": " must be quoted. The hint quotes the line's value for the user.
    static func colonHint(at location: SourceLocation, in text: String, error: YamlError) -> String {
        guard describe(error).contains("mapping values are not allowed"), location.line > 0 else { return "" }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard location.line <= lines.count else { return "" }
        let line = lines[location.line - 1].trimmingCharacters(in: CharacterSet(charactersIn: "\r"))
        guard let colon = line.range(of: ": ") else { return "" }
        let key = line[..<colon.lowerBound], value = line[colon.upperBound...].trimmingCharacters(in: .whitespaces)
        guard !value.hasPrefix("\""), !value.hasPrefix("'"), value.contains(": ") || value.hasSuffix(":") else { return "" }
        let escaped = value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return "; a value holding a colon must be quoted: \(key.trimmingCharacters(in: .whitespaces)): \"\(escaped)\""
    }

    static func describe(_ error: YamlError) -> String {
        switch error {
        case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _):
            return [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
        case .composer(let context, let problem, _, _):
            return [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
        case .reader(let problem, _, _, _):
            return problem
        case .duplicatedKeysInMapping(let duplicates, _):
            let keys = duplicates.sorted()
            return
                "the key\(keys.count == 1 ? "" : "s") \(keys.map { "\"\($0)\"" }.joined(separator: ", ")) appear\(keys.count == 1 ? "s" : "") twice in one mapping; keep one of each"
        default:
            return "\(error)"
        }
    }
}

private func kindName(_ node: Node) -> String {
    switch node {
    case .scalar: "a single value"
    case .sequence: "a list"
    case .mapping: "a mapping"
    case .alias: "an alias"
    }
}

private struct Reader {
    let file: String
    var log: DiagnosticLog

    func at(_ node: Node) -> SourceLocation {
        guard let mark = node.mark else { return SourceLocation(file: file) }
        return SourceLocation(file: file, line: mark.line, column: mark.column)
    }

    mutating func text(_ node: Node, _ key: String) -> String? {
        guard case .scalar(let s) = node else {
            log.error(.badMission, at: at(node), "\(key) must be a single value, found \(kindName(node))")
            return nil
        }
        let t = s.string.trimmingWhitespace()
        return t.isEmpty ? nil : t
    }

    mutating func integer(_ node: Node, _ key: String, in range: ClosedRange<Int>) -> Int? {
        guard let t = text(node, key) else { return nil }
        guard let n = Int(t), range.contains(n) else {
            log.error(.badMission, at: at(node), "\(key) must be a whole number from \(range.lowerBound) to \(range.upperBound), found \"\(t)\"")
            return nil
        }
        return n
    }

    mutating func number(_ node: Node, _ key: String) -> Double? {
        guard let t = text(node, key) else { return nil }
        guard let x = Double(t), x.isFinite else {
            log.error(.badMission, at: at(node), "\(key) must be a number, found \"\(t)\"")
            return nil
        }
        return x
    }

    mutating func bool(_ node: Node, _ key: String) -> Bool? {
        guard let t = text(node, key) else { return nil }
        switch t.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            log.error(.badMission, at: at(node), "\(key) must be true or false, found \"\(t)\"")
            return nil
        }
    }

    /// `YYYY-MM-DD`, a real calendar date.
    mutating func date(_ node: Node) -> String? {
        guard let t = text(node, "data_date") else { return nil }
        let parts = t.split(separator: "-")
        if parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let y = Int(parts[0]), let mo = Int(parts[1]), let d = Int(parts[2]),
            (1...12).contains(mo), (1...daysIn(month: mo, year: y)).contains(d)
        {
            return t
        }
        log.error(.badMission, at: at(node), "data_date must be a date written YYYY-MM-DD, found \"\(t)\"")
        return nil
    }

    mutating func list(_ node: Node, _ key: String) -> [String] {
        switch node {
        case .sequence(let seq): return seq.compactMap { text($0, key) }
        case .scalar: return text(node, key).map { [$0] } ?? []
        default:
            log.error(.badMission, at: at(node), "\(key) must be a list, found \(kindName(node))")
            return []
        }
    }

    mutating func willing(_ node: Node) -> Mission.Willing {
        guard let mapping = node.mapping else {
            log.error(.badMission, at: at(node), "willing must be a mapping such as `min_commitment: pledged`")
            return .init()
        }
        var w = Mission.Willing()
        for (k, v) in mapping {
            guard let key = k.string else { continue }
            switch key {
            case "min_commitment":
                if let t = text(v, key) {
                    if let c = Commitment(parsing: t) {
                        w.minCommitment = c
                    } else {
                        log.error(
                            .badCommitment, at: at(v), "unknown commitment level \"\(t)\"; expected one of: \(Commitment.allCases.map(\.name).joined(separator: ", ")), or 0–4")
                    }
                }
            case "weights":
                guard let weights = v.mapping else {
                    log.error(.badMission, at: at(v), "willing.weights must be a mapping such as `{commitment: 0.3, diversity: 0.2}`")
                    continue
                }
                for (wk, wv) in weights {
                    guard let part = wk.string else { continue }
                    guard WillingScoreParts.names.contains(part) else {
                        log.warning(.unknownKey, at: at(wk), "unknown score part \"\(part)\" is ignored; known: \(WillingScoreParts.names.joined(separator: ", "))")
                        continue
                    }
                    if let x = number(wv, "willing.weights.\(part)") {
                        if x >= 0 { w.weights[part] = x } else { log.error(.badMission, at: at(wv), "a score weight must be 0 or more, found \(x)") }
                    }
                }
            default:
                log.warning(.unknownKey, at: at(k), "unknown key \"willing.\(key)\" is ignored; known: min_commitment, weights")
            }
        }
        return w
    }

    /// A value as the sheets' cells are read: kinds and voices as tokens ("Local Government" →
    /// "local-government", "NGO" → "cso"), sectors as written.
    static func expectedValue(_ text: String, _ d: Mission.ExpectedVoice.Dimension) -> String {
        switch d {
        case .sector: return text
        case .kind:
            let kind = ActorKind(parsing: text)
            return (ActorKind.synonyms[kind.rawValue] ?? kind).rawValue
        case .level: return Level(parsing: text)?.rawValue ?? text.lowercased()
        case .voice: return ActorKind(parsing: text).rawValue
        }
    }

    /// `scenarios:` — a list of `{name, remove, remove_kind, remove_sector}`: who leaves.
    mutating func scenarios(_ node: Node) -> [Mission.Scenario] {
        guard case .sequence(let seq) = node else {
            log.error(.badMission, at: at(node), "scenarios must be a list of entries such as `- {name: \"after the election\", remove: [min-health]}`")
            return []
        }
        var out: [Mission.Scenario] = []
        var names: [String: SourceLocation] = [:]
        let known = ["name", "remove", "remove_kind", "remove_sector"]
        for entry in seq {
            guard let mapping = entry.mapping else {
                log.error(.badMission, at: at(entry), "each scenario is a mapping such as `{name: \"after the election\", remove: [min-health]}`")
                continue
            }
            var scenario = Mission.Scenario(name: "", location: at(entry))
            for (k, v) in mapping {
                guard let key = k.string else { continue }
                switch key {
                case "name": scenario.name = text(v, "scenarios.name") ?? ""
                case "remove": scenario.remove = list(v, "scenarios.remove")
                case "remove_kind": scenario.removeKinds = list(v, "scenarios.remove_kind")
                case "remove_sector": scenario.removeSectors = list(v, "scenarios.remove_sector")
                default:
                    let hint = Suggestions.closest(to: key, in: known).map { "did you mean \"\($0)\"?" } ?? "known: \(known.joined(separator: ", "))"
                    log.warning(.unknownKey, at: at(k), "unknown key \"\(key)\" in a scenario is ignored; \(hint)")
                }
            }
            guard !scenario.name.isEmpty else {
                log.error(.badMission, at: at(entry), "a scenario needs a name (\"after the election\"): the report and `whatif --scenario` use it")
                continue
            }
            if let first = names[scenario.name] {
                log.error(.badMission, at: at(entry), "the scenario name \"\(scenario.name)\" is used twice (first at \(first)); each scenario needs its own")
                continue
            }
            guard !(scenario.remove.isEmpty && scenario.removeKinds.isEmpty && scenario.removeSectors.isEmpty) else {
                log.error(.badMission, at: at(entry), "the scenario \"\(scenario.name)\" removes no one; give `remove:` (actor ids), `remove_kind:` or `remove_sector:`")
                continue
            }
            names[scenario.name] = at(entry)
            out.append(scenario)
        }
        return out
    }

    /// `waves:` — a list of `{label, mission}`, `{label, actors, ties}` or `{label, network}`.
    mutating func waves(_ node: Node) -> [Mission.Wave] {
        guard case .sequence(let seq) = node else {
            log.error(.badMission, at: at(node), "waves must be a list of entries such as `- {label: \"2025\", actors: wave-2025/actors.csv, ties: wave-2025/ties.csv}`")
            return []
        }
        var out: [Mission.Wave] = []
        var labels: [String: SourceLocation] = [:]
        let known = ["label", "mission", "actors", "ties", "network"]
        for entry in seq {
            guard let mapping = entry.mapping else {
                log.error(.badMission, at: at(entry), "each wave is a mapping such as `{label: \"2025\", mission: wave-2025/mission.yaml}`")
                continue
            }
            var wave = Mission.Wave(label: "", location: at(entry))
            for (k, v) in mapping {
                guard let key = k.string else { continue }
                guard known.contains(key) else {
                    let hint = Suggestions.closest(to: key, in: known).map { "did you mean \"\($0)\"?" } ?? "known: \(known.joined(separator: ", "))"
                    log.warning(.unknownKey, at: at(k), "unknown key \"\(key)\" in a wave is ignored; \(hint)")
                    continue
                }
                let value = text(v, "waves.\(key)")
                switch key {
                case "label": wave.label = value ?? ""
                case "mission": wave.mission = value
                case "actors": wave.actors = value
                case "ties": wave.ties = value
                default: wave.network = value
                }
            }
            guard !wave.label.isEmpty else {
                log.error(.badMission, at: at(entry), "a wave needs a label (\"2025\", \"after the spring workshop\"): findings say \"since <label>\"")
                continue
            }
            if let first = labels[wave.label] {
                log.error(.badMission, at: at(entry), "the wave label \"\(wave.label)\" is used twice (first at \(first)); each wave needs its own")
                continue
            }
            labels[wave.label] = at(entry)
            let sources = [wave.mission != nil, wave.network != nil, wave.actors != nil || wave.ties != nil].count { $0 }
            guard sources == 1 else {
                log.error(
                    .badMission, at: at(entry),
                    sources == 0
                        ? "the wave \"\(wave.label)\" names no data; give `mission:`, `actors:` and `ties:`, or `network:`"
                        : "the wave \"\(wave.label)\" names its data twice; give one of `mission:`, `actors:`/`ties:` or `network:`")
                continue
            }
            out.append(wave)
        }
        return out
    }

    mutating func expectedVoices(_ node: Node) -> [Mission.ExpectedVoice] {
        guard case .sequence(let seq) = node else {
            log.error(.badMission, at: at(node), "expected_voices must be a list of entries such as `- kind: cso` with `min_count: 3`")
            return []
        }
        var out: [Mission.ExpectedVoice] = []
        for entry in seq {
            guard let mapping = entry.mapping else {
                log.error(.badMission, at: at(entry), "each expected voice is a mapping such as `{kind: cso, min_count: 3}`")
                continue
            }
            var dimension: (Mission.ExpectedVoice.Dimension, String, SourceLocation)?
            var minCount: Int?
            var minShare: Double?
            for (k, v) in mapping {
                guard let key = k.string else { continue }
                if let d = Mission.ExpectedVoice.Dimension(rawValue: key) {
                    if dimension != nil {
                        log.error(.badMission, at: at(k), "an expected voice names one of kind, sector, level or voice, not two")
                    } else if let t = text(v, key) {
                        dimension = (d, Self.expectedValue(t, d), at(v))
                    }
                } else if key == "min_count" {
                    minCount = integer(v, key, in: 0...1_000_000)
                } else if key == "min_share" {
                    if let x = number(v, key) {
                        if (0...1).contains(x) {
                            minShare = x
                        } else {
                            log.error(.badMission, at: at(v), "min_share is a share from 0 to 1, found \(x)")
                        }
                    }
                } else {
                    let known = Mission.ExpectedVoice.Dimension.allCases.map(\.rawValue) + ["min_count", "min_share"]
                    let hint = Suggestions.closest(to: key, in: known).map { "did you mean \"\($0)\"?" } ?? "known: \(known.joined(separator: ", "))"
                    log.warning(.unknownKey, at: at(k), "unknown key \"\(key)\" in an expected voice is ignored; \(hint)")
                }
            }
            guard let (d, value, location) = dimension else {
                log.error(.badMission, at: at(entry), "an expected voice needs one of kind, sector, level or voice")
                continue
            }
            if minCount == nil && minShare == nil { minCount = 1 }
            out.append(.init(dimension: d, value: value, minCount: minCount, minShare: minShare, location: location))
        }
        return out
    }
}

private func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
}
