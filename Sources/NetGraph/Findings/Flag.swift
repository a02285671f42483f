/// An explainable finding about power in a network.
public struct PowerFlag: Sendable {
    /// How much a finding weighs: a party doing its job, a warning, or a critical imbalance.
    public enum Severity: String, Sendable, Comparable, CaseIterable {
        /// Informational: a position that fits the party's role, worth knowing but no imbalance.
        case info
        /// A power imbalance worth discussing.
        case warning
        /// A strong power imbalance.
        case critical

        /// Order of the severities: info < warning < critical.
        var rank: Int { self == .info ? 0 : self == .warning ? 1 : 2 }

        /// Orders severities from `info` to `critical`.
        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }

        /// The severity in Dutch: "info", "waarschuwing" or "kritiek".
        public var dutch: String { self == .info ? "info" : self == .warning ? "waarschuwing" : "kritiek" }
    }

    /// What a finding is about.
    public enum SubjectKind: String, Sendable {
        /// One actor (listed first), possibly with the actors concerned after it.
        case actor
        /// An actor type (a group of actors), possibly with its members after it.
        case type
        /// Two actors.
        case pair
        /// The network as a whole.
        case network
    }

    /// The actors, types or network a finding is about.
    public struct Subject: Sendable {
        /// What kind of thing the ids name.
        public var kind: SubjectKind
        /// Actor ids, type names, or the network name.
        public var ids: [String]
    }

    /// Rule id, e.g. "dominant-broker".
    public var rule: String
    /// How much the finding weighs.
    public var severity: Severity
    /// What the finding is about.
    public var subject: Subject
    /// The numbers the finding rests on, in display order.
    public var evidence: [(name: String, value: Double)]
    /// The thresholds applied, in display order.
    public var threshold: [(name: String, value: Double)]
    /// The finding in Dutch.
    public var messageDutch: String
    /// The finding in English.
    public var messageEnglish: String
    /// Where the idea comes from.
    public var reference: String
    /// p-value of the statistic the flag rests on, when a permutation or CUG test ran.
    public var pValue: Double?

    /// The message in English for `"en"`, otherwise in Dutch.
    public func message(_ language: String) -> String { language == "en" ? messageEnglish : messageDutch }

    /// Whether this flag says that a party dominates or a group is sidelined (as opposed to
    /// an informational finding such as an intermediary doing its bridging job).
    public var isDomination: Bool { severity != .info }
}
