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
    /// The message in Dutch (nil: only the English `message` exists).
    public var messageDutch: String?
    /// The hint in Dutch.
    public var hintDutch: String?

    /// A diagnostic for `file`, at `line` (nil: the whole file), with an optional hint, in
    /// English and (when given) Dutch.
    public init(
        _ severity: Severity, file: String, line: Int? = nil, _ message: String, hint: String? = nil,
        nl messageDutch: String? = nil, hintNL hintDutch: String? = nil
    ) {
        self.severity = severity
        self.file = file
        self.line = line
        self.message = message
        self.hint = hint
        self.messageDutch = messageDutch
        self.hintDutch = hintDutch
    }

    /// `file:line: severity: message Hint: hint` (line and hint only when known) — the form
    /// compilers use, which editors can jump to. In English.
    public var description: String { text("en") }

    /// The diagnostic in `language` ("nl" gives the Dutch text where it exists): `file:line:
    /// fout: bericht Tip: tip` in Dutch, `file:line: error: message Hint: hint` in English.
    public func text(_ language: String) -> String {
        let dutch = language == "nl" && messageDutch != nil
        var text = file
        if let line { text += ":\(line)" }
        let word = dutch ? (severity == .error ? "fout" : "waarschuwing") : severity.rawValue
        text += ": \(word): \(dutch ? messageDutch! : message)"
        if let hint = dutch ? (hintDutch ?? hint) : hint { text += (dutch ? " Tip: " : " Hint: ") + hint }
        return text
    }
}

/// Thrown when a network cannot be loaded; carries every problem found, not only the first.
public struct NetworkLoadError: Error, Sendable, CustomStringConvertible {
    /// Every problem found, errors and warnings, in the order they were found.
    public var diagnostics: [Diagnostic]
    /// The language of the network being read (from its network.yaml), when it was known.
    public var language: String?
    /// An error carrying these diagnostics.
    public init(_ diagnostics: [Diagnostic], language: String? = nil) {
        self.diagnostics = diagnostics
        self.language = language
    }
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

    package mutating func error(
        _ file: String, _ line: Int?, _ message: String, hint: String? = nil, nl: String? = nil,
        hintNL: String? = nil
    ) {
        items.append(Diagnostic(.error, file: file, line: line, message, hint: hint, nl: nl, hintNL: hintNL))
    }

    package mutating func warning(
        _ file: String, _ line: Int?, _ message: String, hint: String? = nil, nl: String? = nil,
        hintNL: String? = nil
    ) {
        items.append(
            Diagnostic(.warning, file: file, line: line, message, hint: hint, nl: nl, hintNL: hintNL))
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
