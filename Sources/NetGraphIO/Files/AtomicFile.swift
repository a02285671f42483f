import Foundation
import NetGraph

/// Writes files so that a reader never sees half a file: the bytes go to a temporary file
/// in the same folder, which is then renamed over the destination (atomic on POSIX).
public enum AtomicFile {
    /// Thrown when a file cannot be written: the destination and why.
    public struct WriteError: Error, CustomStringConvertible, Sendable {
        /// The destination path, as given to `write`.
        public let path: String
        /// Why writing failed: the folder cannot be created or is not writable, or the
        /// system's message when the final rename fails.
        public let reason: String
        /// `path: error: cannot write the file: reason`, the form compilers use.
        public var description: String { "\(path): error: cannot write the file: \(reason)" }
    }

    /// Writes `data` to `path`, creating missing parent folders. The bytes go to a hidden
    /// temporary file (`.name.pid.random.tmp`) in the same folder, which is then renamed over
    /// `path`; an existing file is replaced in one step.
    ///
    /// - Throws: ``WriteError`` when the folder cannot be created, the temporary file cannot
    ///   be created, or the rename fails (the temporary file is then removed).
    public static func write(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw WriteError(
                path: path,
                reason: "the folder \(folder.path) cannot be created (\(error.localizedDescription))")
        }
        let temporary = folder.appendingPathComponent(
            ".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier)"
                + ".\(UInt32.random(in: 0...UInt32.max)).tmp"
        )
        guard FileManager.default.createFile(atPath: temporary.path, contents: data) else {
            throw WriteError(path: path, reason: "the folder is not writable")
        }
        if rename(temporary.path, url.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw WriteError(path: path, reason: reason)
        }
    }

    /// Writes `text` as UTF-8 (without byte-order mark) to `path`, atomically as the `Data`
    /// variant does.
    ///
    /// - Throws: ``WriteError`` when the file cannot be written.
    public static func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }
}

extension AtomicFile {
    /// Builds a folder next to `folder` and swaps it in at the end: readers never see half a
    /// folder, and a failed build leaves the previous one as it was.
    public static func replaceFolder(_ folder: URL, build: (URL) throws -> Void) throws {
        let fm = FileManager.default
        let parent = folder.deletingLastPathComponent()
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        let pid = ProcessInfo.processInfo.processIdentifier
        let staging = parent.appendingPathComponent(".\(folder.lastPathComponent).\(pid).tmp")
        try? fm.removeItem(at: staging)
        try fm.createDirectory(at: staging, withIntermediateDirectories: true)
        do { try build(staging) } catch {
            try? fm.removeItem(at: staging)
            throw error
        }
        let old = parent.appendingPathComponent(".\(folder.lastPathComponent).\(pid).old")
        try? fm.removeItem(at: old)
        if fm.fileExists(atPath: folder.path) { try fm.moveItem(at: folder, to: old) }
        do { try fm.moveItem(at: staging, to: folder) } catch {
            if fm.fileExists(atPath: old.path) { try? fm.moveItem(at: old, to: folder) }
            throw error
        }
        try? fm.removeItem(at: old)
    }
}
