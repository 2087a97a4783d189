import Coalition
import Foundation

/// What the user pointed a command at, read into one network.
public struct LoadedInput: Sendable {
    /// The mission, when the input was a mission file.
    public var mission: Mission?
    /// Nil only when nothing could be read at all.
    public var network: StakeholderNetwork?
    public var diagnostics: DiagnosticLog
    /// The data files read, as named in messages.
    public var files: [String]
}

/// How inputs are read, from the command line.
public struct LoadOptions: Sendable {
    /// `--directed`: every tie is an arc from source to target.
    public var forceDirected: Bool
    /// `--merge`; nil takes the mission's choice, else `sum`.
    public var merge: MergePolicy?
    /// `--actors-sheet`, `--ties-sheet`: a workbook's sheets by name (else found by their usual
    /// names or their columns).
    public var actorsSheet: String?
    public var tiesSheet: String?
    /// Reads a DOT map (`.gv`): DOT is parsed by Graphviz's own parser, which this module does
    /// not link, so that reading a sheet never needs the Graphviz C library. The `CoalitionDOT`
    /// module supplies it (`LoadOptions.readingDOT`); an analysis session always sets it.
    public var dotReader: DOTReading?
    /// `--at DATE`: the network as it stood that day (rows with `valid_from`/`valid_until`).
    public var at: Day?
    /// `--initiatives FILE`: the portfolio's initiatives sheet, read beside the other sheets.
    public var initiativesFile: String?
    public init(forceDirected: Bool = false, merge: MergePolicy? = nil, actorsSheet: String? = nil, tiesSheet: String? = nil, at: Day? = nil) {
        self.forceDirected = forceDirected
        self.merge = merge
        self.actorsSheet = actorsSheet
        self.tiesSheet = tiesSheet
        self.at = at
    }
}

/// Reads the text of a DOT file (data, its name in messages) into an assembler.
public typealias DOTReading = @Sendable (_ data: Data, _ file: String, _ assembler: inout NetworkAssembler) throws(InputError) -> Void

/// Reads inputs in any of the accepted shapes: a `mission.yaml`; an actors sheet and a ties
/// sheet (in either order, told apart by their columns); a ties sheet alone; or one Excel
/// workbook, GraphML, GEXF, Coalition or Kumu JSON, or DOT file.
public enum InputLoader {
    enum Format: Equatable { case sheet(tabs: Bool), workbook, graphML, gexf, json, dot, mission }

    static func format(of path: String) -> Format? {
        switch (path as NSString).pathExtension.lowercased() {
        case "csv", "txt": .sheet(tabs: false)
        case "tsv", "tab": .sheet(tabs: true)
        case "graphml", "xml": .graphML
        case "gexf": .gexf
        case "json": .json
        case "xlsx", "xlsm": .workbook
        case "gv", "dot": .dot
        case "yaml", "yml": .mission
        default: nil
        }
    }

    public static func load(_ paths: [String], options: LoadOptions = .init()) -> LoadedInput {
        var result = LoadedInput(mission: nil, network: nil, diagnostics: DiagnosticLog(), files: [])
        do throws(InputError) {
            try loadThrowing(paths, options: options, into: &result)
        } catch {
            for d in error.diagnostics { result.diagnostics.append(d) }
        }
        if let day = options.at, let network = result.network, !result.diagnostics.hasErrors {
            if !network.isDated {
                result.diagnostics.append(
                    Diagnostic(
                        .warning, .badDate, at: SourceLocation(file: result.files.first ?? paths.first ?? "coalition"),
                        "--at \(day): no actor or tie carries valid_from or valid_until, so the network is the same on every day"))
            }
            result.network = network.at(day)
        }
        return result
    }

    /// A folder given alone stands for what it holds: its `mission.yaml` when it has one, else
    /// its sheets (`.csv`, `.tsv`, `.txt`), else its one workbook or network file.
    public static func expandingFolder(_ paths: [String]) throws(InputError) -> [String] {
        var isDirectory: ObjCBool = false
        guard paths.count == 1, FileManager.default.fileExists(atPath: paths[0], isDirectory: &isDirectory), isDirectory.boolValue else {
            return paths
        }
        let folder = paths[0].hasSuffix("/") ? String(paths[0].dropLast()) : paths[0]
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
        func path(_ name: String) -> String { folder + "/" + name }
        if let mission = names.first(where: { $0 == "mission.yaml" || $0 == "mission.yml" }) { return [path(mission)] }
        let sheets = names.filter { ["csv", "tsv", "txt"].contains(($0 as NSString).pathExtension.lowercased()) }
        if !sheets.isEmpty {
            guard sheets.count <= 4 else {
                throw InputError(
                    Diagnostic(
                        .error, .badInput, at: SourceLocation(file: folder),
                        "the folder holds \(sheets.count) sheets (\(sheets.joined(separator: ", "))); it should hold an actors sheet and a ties sheet (and for a portfolio an affiliations and an initiatives sheet), or a mission.yaml that names them"))
            }
            return sheets.map(path)
        }
        let single = names.filter { name in
            if case .mission? = format(of: name) { return false }
            return format(of: name) != nil
        }
        guard single.count == 1 else {
            throw InputError(
                Diagnostic(
                    .error, .badInput, at: SourceLocation(file: folder),
                    single.isEmpty
                        ? "the folder holds no mission.yaml, sheets, workbook or network file"
                        : "the folder holds several network files (\(single.joined(separator: ", "))); name the one to read"))
        }
        return [path(single[0])]
    }

    private static func loadThrowing(_ paths: [String], options: LoadOptions, into result: inout LoadedInput) throws(InputError) {
        let here = SourceLocation(file: "coalition")
        let paths = try expandingFolder(paths)
        guard !paths.isEmpty else {
            throw InputError(Diagnostic(.error, .badInput, at: here, "no input given; pass a mission.yaml, sheets, or a GraphML/GEXF/JSON file"))
        }
        var formats: [Format] = []
        for p in paths {
            guard let f = format(of: p) else {
                throw InputError(
                    Diagnostic(
                        .error, .badInput, at: SourceLocation(file: p),
                        "unsupported file type; expected .yaml (mission), .csv/.tsv (sheets), .xlsx (workbook), .graphml, .gexf, .json (Coalition or Kumu) or .gv/.dot"))
            }
            formats.append(f)
        }
        if case .mission = formats[0] {
            guard paths.count == 1 else {
                throw InputError(
                    Diagnostic(
                        .error, .badInput, at: SourceLocation(file: paths[1]),
                        "a mission file names its own data; pass the mission file alone"))
            }
            let text = String(decoding: try read(paths[0]), as: UTF8.self)
            let (mission, log) = MissionFile.parse(text, file: paths[0])
            result.diagnostics.append(contentsOf: log)
            guard var mission else { return }
            let folder = AtomicFiles.split(paths[0]).folder
            func resolve(_ p: String) -> String {
                p.hasPrefix("/") || folder.isEmpty ? p : (folder.hasSuffix("/") ? folder : folder + "/") + p
            }
            // Earlier waves: their files are resolved here, and one that is not there is the
            // mission file's mistake, at the wave's entry.
            for i in mission.waves.indices {
                var wave = mission.waves[i]
                wave.mission = wave.mission.map(resolve)
                wave.actors = wave.actors.map(resolve)
                wave.ties = wave.ties.map(resolve)
                wave.network = wave.network.map(resolve)
                for file in wave.files where !FileManager.default.fileExists(atPath: file) {
                    result.diagnostics.append(
                        Diagnostic(.error, .badMission, at: wave.location ?? SourceLocation(file: paths[0]), "the wave \"\(wave.label)\" names \"\(file)\", which does not exist"))
                }
                mission.waves[i] = wave
            }
            result.mission = mission
            // A data file of a type no reader takes is the mission file's mistake, found here.
            for (key, file) in [
                ("network", mission.networkFile), ("actors", mission.actorsFile), ("ties", mission.tiesFile),
                ("initiatives", mission.initiativesFile), ("affiliations", mission.affiliationsFile),
            ] {
                guard let file else { continue }
                let at = mission.locations[key] ?? SourceLocation(file: paths[0])
                switch (key, format(of: file)) {
                case ("network", .mission?), ("network", .sheet?), ("network", nil):
                    throw InputError(
                        Diagnostic(
                            .error, .badMission, at: at,
                            "network: \"\(file)\" is not a single-file network; expected .xlsx, .graphml, .gexf, .json or .gv/.dot (sheets go under actors: and ties:)"))
                case ("network", _), (_, .sheet?):
                    continue
                default:
                    throw InputError(
                        Diagnostic(
                            .error, .badMission, at: at,
                            "\(key): \"\(file)\" is not a sheet; expected a .csv or .tsv file (a workbook, GraphML, GEXF, JSON or DOT file goes under network:)"))
                }
            }
            var opts = options
            opts.forceDirected = options.forceDirected || mission.directed == true
            opts.merge = options.merge ?? mission.merge
            if let n = mission.networkFile {
                try loadData([resolve(n)], roles: [nil], options: opts, into: &result)
            } else {
                let named: [(String?, SheetRole)] = [
                    (mission.actorsFile, .actors), (mission.tiesFile, .ties),
                    (mission.initiativesFile, .initiatives), (mission.affiliationsFile, .affiliations),
                ]
                let given = named.compactMap { file, role in file.map { (resolve($0), role) } }
                try loadData(given.map(\.0), roles: given.map(\.1), options: opts, into: &result)
            }
            // An expected voice no sheet can match is the mission file's mistake, found here.
            if let network = result.network {
                for e in mission.expectedVoices {
                    guard let problem = VoicesAnalysis.mismatch(e, in: network) else { continue }
                    result.diagnostics.append(
                        Diagnostic(
                            .warning, .expectedVoice, at: e.location ?? mission.locations["expected_voices"] ?? SourceLocation(file: paths[0]),
                            "expected_voices: \(problem); as written it would be reported missing, so it is not checked"))
                }
            }
            // A group_by naming no column of the sheets is the mission file's mistake, found here.
            if let key = mission.groupBy, let network = result.network, !result.diagnostics.hasErrors {
                do throws(GroupingError) {
                    _ = try Grouping(network, by: key)
                } catch {
                    result.diagnostics.append(
                        Diagnostic(
                            .error, .badMission, at: mission.locations["group_by"] ?? SourceLocation(file: paths[0]),
                            "group_by: \(error.message)"))
                }
            }
            return
        }
        if formats.contains(where: { if case .mission = $0 { true } else { false } }) {
            throw InputError(Diagnostic(.error, .badInput, at: here, "a mission file names its own data; pass the mission file alone"))
        }
        try loadData(paths, roles: paths.map { _ in nil }, options: options, into: &result)
    }

    /// Reads data files. `roles` says which sheet is which where a mission file tells.
    private static func loadData(
        _ paths: [String], roles: [SheetRole?], options: LoadOptions,
        into result: inout LoadedInput
    ) throws(InputError) {
        let single = paths.count == 1 ? format(of: paths[0]) : nil
        if let single, single != .sheet(tabs: false), single != .sheet(tabs: true), let file = options.initiativesFile {
            throw InputError(
                Diagnostic(
                    .error, .badInput, at: SourceLocation(file: file),
                    "--initiatives names a sheet read beside other sheets; a workbook's initiatives are its sheet called Initiatives or Projects, and a GraphML, GEXF or JSON file holds its own"))
        }
        result.files = paths + (options.initiativesFile.map { [$0] } ?? [])
        var assembler = NetworkAssembler(options: AssemblyOptions(forceDirected: options.forceDirected, merge: options.merge ?? .sum))
        switch single {
        case .graphML?:
            try GraphMLReader.read(try read(paths[0]), file: paths[0], into: &assembler)
        case .gexf?:
            try GEXFReader.read(try read(paths[0]), file: paths[0], into: &assembler)
        case .json?:
            let data = try read(paths[0])
            if let object = try? JSONTree.parse(data), KumuJSON.isKumu(object) {
                try KumuJSON.read(object, file: paths[0], into: &assembler)
            } else {
                try CoalitionJSON.read(data, file: paths[0], into: &assembler)
            }
        case .dot?:
            guard let dotReader = options.dotReader else {
                throw InputError(
                    Diagnostic(
                        .error, .badInput, at: SourceLocation(file: paths[0]),
                        "this program reads no DOT maps (it was built without the CoalitionDOT module); export the map as GraphML or CSV"))
            }
            try dotReader(try read(paths[0]), paths[0], &assembler)
        case .workbook?:
            try checkReadable(paths[0])  // the same checks and messages as every other file
            let workbook = try Workbook(path: paths[0], file: paths[0])
            assembler = try workbook.read(actorsSheet: options.actorsSheet, tiesSheet: options.tiesSheet, options: assembler.options)
        default:
            try readSheets(paths, roles: roles, options: options, into: &assembler)
        }
        let (network, log) = assembler.finish()
        result.network = network
        result.diagnostics.append(contentsOf: log)
    }

    /// Reads up to one sheet of each role — actors, ties, initiatives, affiliations — told
    /// apart by their columns (initiatives by their file name or `--initiatives`), in the order
    /// that lets each name what came before: actors, initiatives, participations, ties.
    private static func readSheets(
        _ paths: [String], roles: [SheetRole?], options: LoadOptions, into assembler: inout NetworkAssembler
    ) throws(InputError) {
        var paths = paths, roles = roles
        if let file = options.initiativesFile {
            paths.append(file)
            roles.append(.initiatives)
        }
        var sheets: [(file: CSVFile, role: SheetRole)] = []
        var problems: [Diagnostic] = []
        for (path, role) in zip(paths, roles) {
            guard case .sheet(let tabs)? = format(of: path) else {
                throw InputError(
                    Diagnostic(
                        .error, .badInput, at: SourceLocation(file: path),
                        "workbooks, GraphML, GEXF, JSON and DOT files are read alone, not beside a sheet"))
            }
            do throws(InputError) {
                let file = try CSVFile(name: path, data: try read(path), delimiter: tabs ? 0x09 : nil)
                guard let detected = role ?? initiativesByName(path) ?? file.detectedRole() else {
                    let columns = file.headerRow()?.row.fields.joined(separator: ", ") ?? ""
                    throw InputError(
                        Diagnostic(
                            .error, .unknownSheet, at: SourceLocation(file: path, line: file.headerRow()?.row.line ?? 1, column: 1),
                            "cannot tell which sheet this is: an actors sheet needs an id (or label) column, a ties sheet source and target (or from and to) columns, an affiliations sheet actor and initiative (or organisation and project) columns; columns found: \(columns)"
                        ))
                }
                sheets.append((file, detected))
            } catch {
                problems += error.diagnostics
            }
        }
        if !problems.isEmpty { throw InputError(problems) }
        let order: [SheetRole] = [.actors, .initiatives, .affiliations, .ties]
        for role in order {
            let same = sheets.filter { $0.role == role }
            guard same.count > 1 else { continue }
            throw InputError(
                Diagnostic(
                    .error, .badInput, at: SourceLocation(file: same[1].file.name),
                    "\(same[0].file.name) and \(same[1].file.name) are both \(role.name) sheets; give one sheet of each kind (actors, ties, initiatives, affiliations)"))
        }
        if let initiatives = sheets.first(where: { $0.role == .initiatives }), !sheets.contains(where: { $0.role == .affiliations }) {
            throw InputError(
                Diagnostic(
                    .error, .badInput, at: SourceLocation(file: initiatives.file.name),
                    "an initiatives sheet needs the affiliations sheet that says who takes part in which (columns actor and initiative)"))
        }
        sheets.sort { order.firstIndex(of: $0.role)! < order.firstIndex(of: $1.role)! }
        if !sheets.contains(where: { $0.role == .actors }) {
            assembler = NetworkAssembler(
                options: AssemblyOptions(forceDirected: options.forceDirected, merge: options.merge ?? .sum, actorsFromTies: true))
        }
        for var sheet in sheets {
            do throws(InputError) {
                try sheet.file.read(as: sheet.role, into: &assembler)
            } catch {
                for d in error.diagnostics { assembler.note(d) }
            }
        }
    }

    /// A sheet file named for initiatives (`initiatives.csv`, `projects.csv`, `programmes.csv`)
    /// is the initiatives sheet: its columns are an actors sheet's, so its name tells.
    static func initiativesByName(_ path: String) -> SheetRole? {
        let stem = ColumnAliases.key(((path as NSString).lastPathComponent as NSString).deletingPathExtension)
        return Workbook.initiativeSheetNames.contains(stem) ? .initiatives : nil
    }

    static func read(_ path: String) throws(InputError) -> Data {
        try checkReadable(path)
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe)
        } catch {
            throw InputError(
                Diagnostic(
                    .error, .fileUnreadable, at: SourceLocation(file: path),
                    "cannot read the file (\((error as NSError).localizedDescription))"))
        }
    }

    /// A regular file that exists and may be read, or the reason why not.
    static func checkReadable(_ path: String) throws(InputError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError(Diagnostic(.error, .fileUnreadable, at: SourceLocation(file: path), "no such file"))
        }
        guard !isDirectory.boolValue else {
            throw InputError(Diagnostic(.error, .fileUnreadable, at: SourceLocation(file: path), "this is a folder, not a file"))
        }
        // A pipe or a device (a FIFO, /dev/zero) can be endless: only regular files are read.
        var st = stat()
        if stat(path, &st) == 0, (st.st_mode & S_IFMT) != S_IFREG {
            let what = (st.st_mode & S_IFMT) == S_IFIFO ? "a named pipe (FIFO)" : (st.st_mode & S_IFMT) == S_IFSOCK ? "a socket" : "a device"
            throw InputError(
                Diagnostic(
                    .error, .fileUnreadable, at: SourceLocation(file: path),
                    "this is \(what), not a regular file; save the data to a file and give that"))
        }
        guard access(path, R_OK) == 0 else {
            throw InputError(Diagnostic(.error, .fileUnreadable, at: SourceLocation(file: path), "no permission to read this file"))
        }
    }
}
