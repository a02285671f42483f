import Foundation
import NetGraph

/// Writes files so that a reader never sees half a file: the bytes go to a temporary file
/// in the same folder, which is then renamed over the destination (atomic on POSIX).
public enum AtomicFile {
    public struct WriteError: Error, CustomStringConvertible, Sendable {
        public let path: String
        public let reason: String
        public var description: String { "\(path): error: cannot write the file: \(reason)" }
    }

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
            ".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).\(UInt32.random(in: 0...UInt32.max)).tmp"
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
