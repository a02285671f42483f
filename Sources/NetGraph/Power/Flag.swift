/// An explainable finding about power in a network.
public struct PowerFlag: Sendable {
    public enum Severity: String, Sendable, Comparable, CaseIterable {
        case info, warning, critical
        var rank: Int { self == .info ? 0 : self == .warning ? 1 : 2 }
        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
        public var dutch: String { self == .info ? "info" : self == .warning ? "waarschuwing" : "kritiek" }
    }

    public enum SubjectKind: String, Sendable { case actor, type, pair, network }

    public struct Subject: Sendable {
        public var kind: SubjectKind
        /// Actor ids, type names, or the network name.
        public var ids: [String]
    }

    /// Rule id, e.g. "dominant-broker".
    public var rule: String
    public var severity: Severity
    public var subject: Subject
    /// The numbers the finding rests on, in display order.
    public var evidence: [(name: String, value: Double)]
    /// The thresholds applied, in display order.
    public var threshold: [(name: String, value: Double)]
    public var messageDutch: String
    public var messageEnglish: String
    /// Where the idea comes from.
    public var reference: String
    /// p-value of the statistic the flag rests on, when a permutation or CUG test ran.
    public var pValue: Double?

    public func message(_ language: String) -> String { language == "en" ? messageEnglish : messageDutch }

    /// Whether this flag says that a party dominates or a group is sidelined (as opposed to
    /// an informational finding such as an intermediary doing its bridging job).
    public var isDomination: Bool { severity != .info }
}

/// Thresholds of the flag rules, with the reason for each default. Override in
/// `network.yaml` (`thresholds: { dominant-broker.share: 0.5 }`) or with `--threshold`.
public struct FlagThresholds: Sendable {
    public struct Default: Sendable {
        public let value: Double
        public let reason: String
    }

    public static let defaults: [String: Default] = [
        "dominant-broker.share": Default(value: 0.4, reason: "one actor on 40% of all brokerage paths in a network of tens of actors is far beyond an even spread (1/n); Freeman 1977 reads such concentration as control over communication"),
        "dominant-broker.critical": Default(value: 0.6, reason: "a majority of all brokerage through one party"),
        "dominant-broker.path-share": Default(value: 0.5, reason: "half or more of the brokered two-step paths between two actor types run through one party: it controls the access"),
        "centralized-network.centralization": Default(value: 0.5, reason: "Freeman centralization runs 0 (all equal) to 1 (a star); above 0.5 the network is closer to a star than to an even spread"),
        "centralized-network.alpha": Default(value: 0.05, reason: "conventional significance level for the CUG test"),
        "large-party-dominance.top-share": Default(value: 0.2, reason: "the largest fifth of actors by size (at least one) are 'the large parties'"),
        "large-party-dominance.ratio": Default(value: 2, reason: "holding twice the centrality that the group's number of actors would give"),
        "large-party-dominance.rho": Default(value: 0.7, reason: "a strong rank correlation (Spearman ρ ≥ 0.7) between size and centrality"),
        "sidelined-group.ratio": Default(value: 0.5, reason: "a group holding half or less of the centrality its number of actors would give"),
        "funding-concentration.moderate": Default(value: 1000, reason: "EU horizontal-merger guidelines (2004/C 31/03): HHI below 1,000 points is unconcentrated"),
        "funding-concentration.high": Default(value: 2000, reason: "EU guidelines: above 2,000 points highly concentrated (US 2023 guidelines: 1,800)"),
        "funding-concentration.critical": Default(value: 5000, reason: "5,000 points: one party holds on the order of 70% of the flow"),
        "one-sided-dependence.dependence": Default(value: 0.5, reason: "more than half of an actor's inflow from one partner (Emerson: B's dependence on A)"),
        "one-sided-dependence.reverse": Default(value: 0.1, reason: "while the partner gets at most a tenth of its own inflow back"),
        "fragmentation.fragmentation": Default(value: 0.2, reason: "a fifth of all pairs of actors cannot reach each other (Borgatti 2006)"),
        "fragmentation.key-player": Default(value: 0.1, reason: "removing one actor cuts off a further tenth of all pairs"),
        "fragmentation.isolated-providers": Default(value: 0.3, reason: "three in ten providers with at most one tie: versnippering"),
        "perception-gap.gap": Default(value: 0.5, reason: "perceived and structural rank differ by half the ranking (percentile difference ≥ 0.5)"),
    ]

    public var overrides: [String: Double]

    public init(overrides: [String: Double] = [:]) { self.overrides = overrides }

    public subscript(key: String) -> Double {
        overrides[key] ?? FlagThresholds.defaults[key]!.value
    }

    /// Keys in `overrides` that no rule uses.
    public var unknownKeys: [String] { overrides.keys.filter { FlagThresholds.defaults[$0] == nil }.sorted() }
}
