import Foundation
import NetGraph

/// How the findings of two versions of a network relate (issue: a diff must say what got
/// worse). Findings are matched by rule and by what they are about: the actor a finding
/// concerns first (a payer, a funder, a gatekeeper), both actors of a pair, the type of a
/// group, or the network. A matched finding is *worsened* when its severity rose, or, at the
/// same severity, when the number that decides it moved by at least 5% in the bad direction
/// (a higher HHI, a larger dependence, a larger share of paths); *improved* the other way
/// round; otherwise *unchanged* (always so for two info findings, which describe a party doing
/// its job). A finding present in both versions is never listed as
/// appeared or resolved, even when its list of members changed.
public struct FindingChanges: Sendable {
    /// What happened to a finding between the versions.
    public enum Kind: String, Sendable, CaseIterable {
        /// Only in the new version.
        case appeared
        /// Only in the old version.
        case resolved
        /// In both, and worse in the new one.
        case worsened
        /// In both, and better in the new one.
        case improved
        /// In both, no material change.
        case unchanged
    }

    /// One finding as it stood in one version.
    public struct Side: Sendable {
        /// Severity in that version.
        public var severity: PowerFlag.Severity
        /// Ids of the subject (actor ids, type names or the network name).
        public var subject: [String]
        /// The message in the language asked for.
        public var message: String
        /// The evidence, in display order.
        public var evidence: [(name: String, value: Double)]
    }

    /// A finding followed from the old version to the new one.
    public struct Change: Sendable {
        /// What happened.
        public var kind: Kind
        /// Rule id.
        public var rule: String
        /// The finding in the old version (nil when it appeared).
        public var old: Side?
        /// The finding in the new version (nil when it resolved).
        public var new: Side?

        /// The higher of the two severities: the order in which changes are listed.
        public var severity: PowerFlag.Severity {
            max(old?.severity ?? .info, new?.severity ?? .info)
        }

        /// The subject of the latest version that has the finding.
        public var subject: [String] { new?.subject ?? old?.subject ?? [] }
    }

    /// Every finding of either version, most severe first, then by rule and subject.
    public let changes: [Change]

    /// The changes of one kind, in the order of ``changes``.
    public func of(_ kind: Kind) -> [Change] { changes.filter { $0.kind == kind } }

    /// Evidence whose larger value means a stronger imbalance, in the order they are tried.
    /// Rules whose first evidence is not among them are judged by severity alone.
    static let worseWhenHigher: Set<String> = [
        "hhi_normalized", "hhi_points", "largest_share", "dependence", "max_dependence", "path_share",
        "fragmentation", "fragmentation_without", "share_isolated_providers", "group_size", "dependents",
        "brokered_paths", "degree_centralization", "betweenness_centralization", "ratio",
        "spearman_size_degree", "betweenness_share", "named",
    ]

    /// Evidence whose smaller value means a stronger imbalance (a group's share of the ties
    /// against its share of the actors).
    static let worseWhenLower: Set<String> = ["representation_ratio", "group_ratio"]

    /// Matches the findings of `old` and `new`.
    ///
    /// - Parameters:
    ///   - old: findings of the earlier version.
    ///   - new: findings of the later version.
    ///   - language: language of the messages ("en", otherwise Dutch).
    public init(old: [PowerFlag], new: [PowerFlag], language: String) {
        func side(_ flag: PowerFlag) -> Side {
            Side(
                severity: flag.severity, subject: flag.subject.ids, message: flag.message(language),
                evidence: flag.evidence)
        }
        func groups(_ flags: [PowerFlag]) -> [String: [PowerFlag]] {
            var result: [String: [PowerFlag]] = [:]
            for flag in flags { result[Self.matchKey(flag), default: []].append(flag) }
            // Within a key, the most severe first, so pairs match like with like.
            return result.mapValues { $0.sorted { $0.severity > $1.severity } }
        }
        let before = groups(old)
        let after = groups(new)
        var changes: [Change] = []
        for key in Set(before.keys).union(after.keys) {
            let olds = before[key] ?? []
            let news = after[key] ?? []
            for k in 0..<max(olds.count, news.count) {
                let o = k < olds.count ? olds[k] : nil
                let n = k < news.count ? news[k] : nil
                let rule = (n ?? o)!.rule
                let kind: Kind
                switch (o, n) {
                case (nil, _): kind = .appeared
                case (_, nil): kind = .resolved
                case (let o?, let n?): kind = Self.compare(o, n)
                }
                changes.append(Change(kind: kind, rule: rule, old: o.map(side), new: n.map(side)))
            }
        }
        self.changes = changes.sorted {
            ($0.severity, $1.rule, $1.subject.joined(separator: " "))
                > ($1.severity, $0.rule, $0.subject.joined(separator: " "))
        }
    }

    /// Rule plus the anchor of the subject: the first actor of an actor finding, both actors
    /// of a pair (in either order), the type of a group, nothing for the network.
    static func matchKey(_ flag: PowerFlag) -> String {
        let ids = flag.subject.ids
        let anchor: String
        switch flag.subject.kind {
        case .actor, .type: anchor = ids.first ?? ""
        case .pair: anchor = ids.prefix(2).sorted().joined(separator: "|")
        case .network: anchor = ""
        }
        return "\(flag.rule)|\(flag.subject.kind.rawValue)|\(anchor)"
    }

    /// Severity first; at equal severity the first evidence that measures the imbalance.
    static func compare(_ old: PowerFlag, _ new: PowerFlag) -> Kind {
        if new.severity > old.severity { return .worsened }
        if new.severity < old.severity { return .improved }
        // Info findings describe a party doing its job: more of the same is not worse.
        if new.severity == .info { return .unchanged }
        let deciding = old.evidence.first {
            worseWhenHigher.contains($0.name) || worseWhenLower.contains($0.name)
        }
        guard let name = deciding?.name, let a = deciding?.value,
            let b = new.evidence.first(where: { $0.name == name })?.value, a.isFinite, b.isFinite
        else { return .unchanged }
        let scale = max(abs(a), abs(b))
        guard scale > 1e-12, abs(b - a) >= 0.05 * scale else { return .unchanged }
        let higherIsWorse = worseWhenHigher.contains(name)
        return (b > a) == higherIsWorse ? .worsened : .improved
    }
}
