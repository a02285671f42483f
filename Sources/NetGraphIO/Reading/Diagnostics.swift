import Foundation
import NetGraph

/// A problem found while reading or checking a network: where it is, what is wrong, and
/// what to do about it.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// How serious a problem is. Loading goes on after a warning; an error makes it fail
    /// with ``NetworkLoadError`` once every file has been checked.
    public enum Severity: String, Sendable, Comparable {
        /// Something is odd or was assumed, but the network can be used.
        case warning
        /// The network cannot be loaded until this is fixed.
        case error
        /// Warnings sort before errors.
        public static func < (a: Severity, b: Severity) -> Bool { a == .warning && b == .error }
    }

    /// Warning or error.
    public var severity: Severity
    /// The file as the user named it (path), or a description such as "<demo>".
    public var file: String
    /// 1-based physical line number; nil when the problem concerns the whole file.
    public var line: Int?
    /// What is wrong, as a sentence.
    public var message: String
    /// What to do about it, as a sentence.
    public var hint: String?

    /// A diagnostic for `file`, at `line` (nil: the whole file), with an optional hint.
    public init(_ severity: Severity, file: String, line: Int? = nil, _ message: String, hint: String? = nil)
    {
        self.severity = severity
        self.file = file
        self.line = line
        self.message = message
        self.hint = hint
    }

    /// `file:line: severity: message Hint: hint` (line and hint only when known) — the form
    /// compilers use, which editors can jump to.
    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        text += ": \(severity.rawValue): \(message)"
        if let hint { text += " Hint: \(hint)" }
        return text
    }
}

/// Thrown when a network cannot be loaded; carries every problem found, not only the first.
public struct NetworkLoadError: Error, Sendable, CustomStringConvertible {
    /// Every problem found, errors and warnings, in the order they were found.
    public var diagnostics: [Diagnostic]
    /// An error carrying these diagnostics.
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    /// Only the diagnostics of severity ``Diagnostic/Severity/error``.
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    /// Every diagnostic's description, one per line.
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// Collects diagnostics while a reader works.
package struct DiagnosticLog {
    package private(set) var items: [Diagnostic] = []

    package init() {}
    package var hasErrors: Bool { items.contains { $0.severity == .error } }

    package mutating func error(_ file: String, _ line: Int?, _ message: String, hint: String? = nil) {
        items.append(Diagnostic(.error, file: file, line: line, message, hint: hint))
    }

    package mutating func warning(_ file: String, _ line: Int?, _ message: String, hint: String? = nil) {
        items.append(Diagnostic(.warning, file: file, line: line, message, hint: hint))
    }

    package mutating func append(contentsOf other: [Diagnostic]) { items.append(contentsOf: other) }
}

/// Input limits, with defaults sized for the whole Dutch social domain and room to spare;
/// each can be raised with an environment variable.
public enum Limits {
    static func value(_ name: String, _ fallback: Int) -> Int {
        ProcessInfo.processInfo.environment[name].flatMap { Int($0) }.map { max(1, $0) } ?? fallback
    }
    /// `NETAN_MAX_BYTES` (default 512 MiB): largest input file.
    public static var maximumBytes: Int { value("NETAN_MAX_BYTES", 512 * 1024 * 1024) }
    /// `NETAN_MAX_ACTORS` (default 2,000,000).
    public static var maximumActors: Int { value("NETAN_MAX_ACTORS", 2_000_000) }
    /// `NETAN_MAX_RELATIONS` (default 20,000,000).
    public static var maximumRelations: Int { value("NETAN_MAX_RELATIONS", 20_000_000) }
}
