import CoalitionIO
import Crypto
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The folder a briefing pack lives in, and the rules by which a new pack replaces it.
///
/// A pack records every file it wrote in `coalition-pack.txt` (its path, size and SHA-256, in
/// path order). A folder is replaced only when every file in it, at every depth, is one the
/// manifest lists with the bytes it lists — so a file the user saved into it, or a data file
/// they edited, keeps the folder from being replaced. A folder without a manifest (written by
/// an older version) is replaced only when it holds exactly the files such a pack holds.
/// The new pack is built beside the folder and swapped in with one atomic exchange.
struct PackFolder {
    static let manifestName = "coalition-pack.txt"
    /// False in tests of the fallback for file systems that cannot exchange two paths.
    nonisolated(unsafe) static var exchangeInOneStep = true

    /// The folder as given, made absolute, without a trailing slash, its symbolic links
    /// followed (a link given as the output folder stays a link to the new pack).
    let path: String
    /// `parent/NAME.partial-PID`: where this run builds its pack.
    let staging: String

    init(_ given: String) throws(BriefingPack.PackError) {
        guard !given.isEmpty else { throw BriefingPack.PackError(description: "the output folder is an empty name; give a folder") }
        // By hand rather than with NSString's path methods, which trap on some of these
        // strings in Foundation on Linux ("." among them; see AtomicFiles.split).
        let cwd = FileManager.default.currentDirectoryPath
        if !given.hasPrefix("/"), cwd.isEmpty || !FileManager.default.fileExists(atPath: cwd) {
            throw BriefingPack.PackError(description: "the current folder no longer exists; give the output folder as a full path")
        }
        var parts: [Substring] = []
        for part in ((given.hasPrefix("/") ? "" : cwd + "/") + given).split(separator: "/") {
            if part == "." { continue }
            if part == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(part)
        }
        guard let last = parts.last else {
            throw BriefingPack.PackError(description: "\(given) is the root folder; give a folder of its own for the pack")
        }
        // Symbolic links are followed: in the folder's path, and the folder itself.
        let folder = "/" + parts.dropLast().joined(separator: "/")
        var p = (Self.realPath(folder) ?? folder)
        p = (p == "/" ? "" : p) + "/" + last
        p = Self.realPath(p) ?? p
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: p, isDirectory: &isFolder), !isFolder.boolValue {
            throw BriefingPack.PackError(description: "\(given) is a file, not a folder; the pack is a folder of files, so give a folder's name")
        }
        path = p
        staging = p + ".partial-\(getpid())"
    }

    private static func realPath(_ p: String) -> String? {
        guard let r = realpath(p, nil) else { return nil }
        defer { free(r) }
        return String(cString: r)
    }

    var name: String { AtomicFiles.split(path).name }
    var parent: String { AtomicFiles.split(path).folder }

    /// One file a pack wrote: its path in the pack, its hash and size (the bytes are not kept).
    struct Entry {
        var name: String
        var sha256: String
        var size: Int
        init(name: String, data: Data) {
            self.name = name
            self.sha256 = PackFolder.sha256(data)
            self.size = data.count
        }
    }

    /// The manifest's text for the files written.
    static func manifest(_ files: [Entry]) -> String {
        var text = "# Coalition briefing pack: every file it wrote (SHA-256, bytes, path). A later `coalition report`\n"
        text += "# replaces this folder only while it holds these files alone, unchanged.\n"
        for f in files.sorted(by: { $0.name < $1.name }) {
            text += "\(f.sha256) \(f.size) \(f.name)\n"
        }
        return text
    }

    static func sha256(_ data: Data) -> String { SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined() }

    /// What the pack of an older version held: the names alone, without a manifest.
    static let legacyFiles: Set<String> = {
        var names: Set<String> = ["index.html", "report.md"]
        for f in ["actors.csv", "ties.csv", "groups.csv", "findings.json", "network.graphml", "network.gexf"] { names.insert("data/" + f) }
        for v in BriefingPack.views {
            for ext in ["svg", "png", "pdf"] { names.insert("diagrams/\(v.rawValue).\(ext)") }
        }
        return names
    }()

    /// The first file or folder in `folder` that no pack wrote, as a path relative to it and
    /// why it counts ("data/budget.xlsx, which no briefing pack wrote"); nil when the folder
    /// holds nothing else, or does not exist.
    static func firstForeign(in folder: String) -> String? {
        let fm = FileManager.default
        var isFolder: ObjCBool = false
        guard fm.fileExists(atPath: folder, isDirectory: &isFolder) else { return nil }
        guard isFolder.boolValue else { return "no folder: it is a file" }
        guard let entries = walk(folder) else { return "files that cannot be listed" }
        if entries.isEmpty { return nil }
        let files = entries.filter { !$0.isFolder }.map(\.name)
        let folders = Set(entries.filter(\.isFolder).map(\.name))
        guard let manifestData = fm.contents(atPath: folder + "/" + manifestName) else {
            // No manifest: an older version's pack only when its files are exactly those.
            if let other = files.sorted().first(where: { !legacyFiles.contains($0) }) { return other + ", which no briefing pack wrote" }
            if let other = folders.sorted().first(where: { $0 != "data" && $0 != "diagrams" }) { return other + "/, which no briefing pack wrote" }
            return Set(files) == legacyFiles ? nil : "\(files.sorted().first ?? "folders") but not the rest of a briefing pack (and no \(manifestName))"
        }
        var listed: [String: (size: Int, hash: String)] = [:]
        for line in String(decoding: manifestData, as: UTF8.self).split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: " ", maxSplits: 2)
            guard parts.count == 3, let size = Int(parts[1]) else { return manifestName + ", damaged" }
            listed[String(parts[2])] = (size, String(parts[0]))
        }
        let listedFolders = Set(
            listed.keys.flatMap { name -> [String] in
                let parts = name.split(separator: "/")
                return parts.indices.dropLast().map { parts[...$0].joined(separator: "/") }
            })
        for f in files.sorted() where f != manifestName {
            guard let expected = listed[f] else { return f + ", which no briefing pack wrote" }
            let full = folder + "/" + f
            guard let attributes = try? fm.attributesOfItem(atPath: full),
                (attributes[.size] as? NSNumber)?.intValue == expected.size,
                let data = fm.contents(atPath: full), sha256(data) == expected.hash
            else {
                return f + ", changed since the pack wrote it"
            }
        }
        if let other = folders.sorted().first(where: { !listedFolders.contains($0) }) { return other + "/, which no briefing pack wrote" }
        return nil
    }

    /// Every entry below `folder` at every depth, relative to it. A symbolic link counts as a
    /// file (it is never followed, so it is always foreign). Nil when a folder cannot be read.
    private static func walk(_ folder: String) -> [(name: String, isFolder: Bool)]? {
        var out: [(String, Bool)] = []
        var pending = [""]
        while let relative = pending.popLast() {
            let full = relative.isEmpty ? folder : folder + "/" + relative
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: full) else { return nil }
            for n in names {
                let r = relative.isEmpty ? n : relative + "/" + n
                var st = stat()
                guard lstat(folder + "/" + r, &st) == 0 else { return nil }
                let isFolder = (st.st_mode & S_IFMT) == S_IFDIR
                out.append((r, isFolder))
                if isFolder { pending.append(r) }
            }
        }
        return out
    }

    /// Whether a process with this id is running.
    private static func alive(_ pid: Int32) -> Bool { kill(pid, 0) == 0 || errno == EPERM }

    /// Removes the `NAME.partial-PID` and `NAME.old-PID` folders that runs which died left
    /// beside the pack — only those holding nothing but pack files; the rest are named.
    /// - Returns: notes on those kept.
    func removeStaleSiblings() -> [String] {
        var notes: [String] = []
        let names = (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []
        for n in names.sorted() {
            for marker in [".partial-", ".old-"] where n.hasPrefix(name + marker) {
                guard let pid = Int32(n.dropFirst(name.count + marker.count)), pid == getpid() || !Self.alive(pid) else { continue }
                let stale = parent + (parent == "/" ? "" : "/") + n
                if marker == ".old-", !FileManager.default.fileExists(atPath: path), rename(stale, path) == 0 {
                    // A run stopped between moving the pack aside and moving its new one in.
                    notes.append("restored the earlier pack to \(path) from \(stale), left by a run that stopped")
                    continue
                }
                if let foreign = Self.firstForeign(in: stale), !(marker == ".partial-" && Self.isUnfinished(stale)) {
                    notes.append("kept \(stale), left by a run that stopped: it holds \(foreign)")
                } else {
                    try? FileManager.default.removeItem(atPath: stale)
                }
            }
        }
        return notes
    }

    /// A folder a run was still building: no manifest yet, and only the files a pack writes.
    private static func isUnfinished(_ folder: String) -> Bool {
        guard !FileManager.default.fileExists(atPath: folder + "/" + manifestName), let entries = walk(folder) else { return false }
        return entries.allSatisfy { $0.isFolder ? ["data", "diagrams"].contains($0.name) : legacyFiles.contains($0.name) }
    }

    /// Puts the staged pack in place of the folder: one atomic exchange where the file system
    /// can, else the old pack renamed aside, the new one in, and the old one back if that fails.
    /// The folder is checked again just before; the old pack is deleted only if it still holds
    /// nothing but pack files, and otherwise kept beside it under a name that is reported.
    /// - Returns: a note when the old pack was kept.
    func swapIn() throws(BriefingPack.PackError) -> String? {
        func fail(_ why: String) -> BriefingPack.PackError { BriefingPack.PackError(description: why) }
        if let foreign = Self.firstForeign(in: path) {
            throw fail("\(path) now holds \(foreign); nothing was replaced. Move it out, or give a new or empty folder")
        }
        let fm = FileManager.default
        guard fm.fileExists(atPath: path) else {
            guard rename(staging, path) == 0 else { throw fail("cannot move the pack into \(path): \(String(cString: strerror(errno)))") }
            return nil
        }
        let old: String
        do {
            if Self.exchangeInOneStep, try AtomicFiles.exchange(staging, path) {
                old = staging  // the old pack now sits where the new one was built
            } else {
                old = path + ".old-\(getpid())"
                guard rename(path, old) == 0 else { throw fail("cannot move the earlier pack aside: \(String(cString: strerror(errno)))") }
                guard rename(staging, path) == 0 else {
                    let why = String(cString: strerror(errno))
                    _ = rename(old, path)
                    throw fail("cannot move the pack into \(path): \(why)")
                }
            }
        } catch let error as FileWriteError {
            throw fail(error.description)
        } catch let error as BriefingPack.PackError {
            throw error
        } catch {
            throw fail("\(error)")
        }
        if let foreign = Self.firstForeign(in: old) {
            let kept = path + ".old-\(getpid())"
            if old != kept { _ = rename(old, kept) }
            return "the earlier pack held \(foreign) by the time it was replaced; it is kept in \(fm.fileExists(atPath: kept) ? kept : old)"
        }
        try? fm.removeItem(atPath: old)
        return nil
    }
}
