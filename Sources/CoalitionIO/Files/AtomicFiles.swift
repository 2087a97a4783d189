import CSystem
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Why a file could not be written, in words for the person who asked for it.
public struct FileWriteError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var reason: String
    public var description: String { "cannot write \(path): \(reason)" }
}

/// Writing files so that a reader never sees half of one, and nothing is left behind when a
/// write fails: every file goes to a temporary file beside it (same folder, so the rename
/// stays on one file system), is flushed to disk, and is renamed over its final name.
public enum AtomicFiles {
    /// The path a write goes to: a symbolic link is followed, so that the file it points to is
    /// replaced and the link stays.
    static func target(of path: String) throws(FileWriteError) -> String {
        guard !path.isEmpty else { throw FileWriteError(path: "\"\"", reason: "the path is empty") }
        guard !path.hasSuffix("/") else { throw FileWriteError(path: path, reason: "it names a folder; give a file name") }
        var p = path
        for _ in 0..<40 {
            guard let link = try? FileManager.default.destinationOfSymbolicLink(atPath: p) else { break }
            let folder = split(p).folder
            p = link.hasPrefix("/") || folder.isEmpty ? link : folder + "/" + link
        }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: p, isDirectory: &isFolder), isFolder.boolValue {
            throw FileWriteError(path: path, reason: "it is a folder; give a file name")
        }
        return p
    }

    /// A path's folder ("" for a bare name, "/" at the root) and last component. By hand, as
    /// NSString's path methods trap on some strings in Foundation on Linux ("a/", ".").
    public static func split(_ path: String) -> (folder: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return ("", path) }
        let name = String(path[path.index(after: slash)...])
        return (slash == path.startIndex ? "/" : String(path[..<slash]), name)
    }

    /// A new temporary file's path beside `path`, created empty and exclusively.
    static func temporary(beside path: String) throws(FileWriteError) -> (path: String, fd: Int32) {
        let (folder, name) = split(path)
        for attempt in 0..<100 {
            let candidate = (folder.isEmpty ? "" : folder + "/") + ".\(name).tmp-\(getpid())-\(attempt)"
            let fd = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            if fd >= 0 { return (candidate, fd) }
            if errno != EEXIST { throw FileWriteError(path: path, reason: String(cString: strerror(errno))) }
        }
        throw FileWriteError(path: path, reason: "no temporary name is free beside it")
    }

    /// Writes `data` to a new temporary file beside `path`; returns its path.
    static func stage(_ data: Data, for path: String) throws(FileWriteError) -> String {
        let (tmp, fd) = try temporary(beside: path)
        var failure: String?
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = String(cString: strerror(errno)); return
                }
                offset += n
            }
        }
        if failure == nil && fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
        if close(fd) != 0 && failure == nil { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(tmp)
            throw FileWriteError(path: path, reason: failure)
        }
        return tmp
    }

    /// Writes one file atomically.
    public static func write(_ data: Data, to path: String) throws(FileWriteError) {
        try write([(path, data)])
    }

    /// Writes several files, each atomically: every one is staged first, and only when all are
    /// staged are they renamed into place, one after another. A failure before the renames
    /// leaves every old file as it was; the renames themselves are microseconds apart, and a
    /// kill between two of them is the one moment at which some files are new and some old.
    public static func write(_ files: [(path: String, data: Data)]) throws(FileWriteError) {
        var staged: [(tmp: String, target: String)] = []
        do throws(FileWriteError) {
            for (path, data) in files {
                let target = try target(of: path)
                staged.append((try stage(data, for: target), target))
            }
        } catch {
            for s in staged { unlink(s.tmp) }
            throw error
        }
        for (i, s) in staged.enumerated() where rename(s.tmp, s.target) != 0 {
            let reason = String(cString: strerror(errno))
            for rest in staged[i...] { unlink(rest.tmp) }
            throw FileWriteError(path: files[i].path, reason: reason)
        }
    }

    /// Swaps two existing paths in one step where the file system can (Linux `renameat2`
    /// with `RENAME_EXCHANGE`). Returns false where it cannot (EINVAL, ENOSYS), so that the
    /// caller falls back to two renames.
    public static func exchange(_ a: String, _ b: String) throws(FileWriteError) -> Bool {
        if coalition_exchange_paths(a, b) == 0 { return true }
        if errno == EINVAL || errno == ENOSYS || errno == ENOTSUP { return false }
        throw FileWriteError(path: b, reason: String(cString: strerror(errno)))
    }
}
