import ArgumentParser
import CoalitionIO
import Foundation

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a new mission: a commented mission.yaml and empty actors and ties sheets.",
        discussion: """
            Writes DIR/mission.yaml (every key explained), DIR/actors.csv and DIR/ties.csv (a header \
            row, with comment lines that list the allowed values). Existing files are left alone \
            unless --force is given.

            Example:
              coalition init my-mission --name "Every Street Liveable"
              coalition validate my-mission/mission.yaml
            """)

    @Argument(help: "The folder to create (or fill).")
    var directory: String

    @Option(help: "The mission's name.")
    var name = "My Mission"

    @Flag(help: "Overwrite existing files.")
    var force = false

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    func run() throws {
        let fm = FileManager.default
        let files = StarterMission.files(name: name)
        if !force {
            let existing = files.map { (directory as NSString).appendingPathComponent($0.name) }.filter { fm.fileExists(atPath: $0) }
            if !existing.isEmpty {
                printError("error: \(existing.joined(separator: ", ")) already exist\(existing.count == 1 ? "s" : ""); use --force to overwrite")
                throw ExitCode(inputErrorExitCode)
            }
        }
        do {
            try fm.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try AtomicFiles.write(files.map { ((directory as NSString).appendingPathComponent($0.name), Data($0.text.utf8)) })
        } catch let error as FileWriteError {
            printError("error: \(error)")
            throw ExitCode(inputErrorExitCode)
        } catch {
            printError("error: cannot write to \(directory): \((error as NSError).localizedDescription)")
            throw ExitCode(inputErrorExitCode)
        }
        if quiet { return }
        print("wrote \(files.map { (directory as NSString).appendingPathComponent($0.name) }.joined(separator: ", "))")
        print("next: fill in the sheets, then run  coalition validate \((directory as NSString).appendingPathComponent("mission.yaml"))")
    }
}
