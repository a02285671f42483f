/// The findings engine: runs every rule on one ``FindingContext`` and orders the flags.
enum FindingEngine {
    /// The rules, in the order they run. The sort in ``evaluate(_:)`` is stable, so flags of
    /// equal severity and rule keep this order and, within a rule, the order it found them.
    static let rules: [any FindingRule] = [
        DominantBrokerRule(),
        CentralizedNetworkRule(),
        LargePartyDominanceRule(),
        SidelinedGroupRule(),
        IsolatedActorRule(),
        SingleGatekeeperRule(),
        FundingConcentrationRule(),
        OneSidedDependenceRule(),
        FragmentationRule(),
        PerceptionGapRule(),
    ]

    /// The flags of every rule: most severe first, then by rule id.
    static func evaluate(_ context: FindingContext) -> [PowerFlag] {
        let flags = rules.flatMap { $0.evaluate(context) }
        return flags.sorted { ($1.severity, $0.rule) < ($0.severity, $1.rule) }
    }
}

/// One rule of the findings engine (DESIGN §5): reads the measures of ``FindingContext``,
/// applies its thresholds and writes findings in Dutch and English.
protocol FindingRule: Sendable {
    /// The rule id that its flags carry, e.g. "dominant-broker".
    static var id: String { get }
    /// The flags this rule raises, in the order it finds them.
    func evaluate(_ context: FindingContext) -> [PowerFlag]
}
