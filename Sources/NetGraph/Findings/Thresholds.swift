/// Thresholds of the flag rules, one typed property per key, with the reason for each default.
/// Override in `network.yaml` (`thresholds: { dominant-broker.share: 0.5 }`) or with
/// `--threshold`; the keys are `rule.parameter`, listed in ``parameters``.
public struct FlagThresholds: Sendable, Equatable {
    // MARK: dominant-broker

    /// `dominant-broker.share`: share of all brokerage (betweenness) from which one actor is a
    /// dominant broker.
    public var dominantBrokerShare: Double = 0.4
    /// `dominant-broker.critical`: share of all brokerage from which that finding is critical.
    public var dominantBrokerCritical: Double = 0.6
    /// `dominant-broker.path-share`: share of the brokered paths between two groups through one
    /// party from which it controls the access.
    public var dominantBrokerPathShare: Double = 0.5
    /// `dominant-broker.min-paths`: fewest brokered connections between two groups for the
    /// access finding.
    public var dominantBrokerMinPaths: Double = 4

    // MARK: centralized-network

    /// `centralized-network.centralization`: Freeman centralization from which the network is
    /// centralised.
    public var centralizedNetworkCentralization: Double = 0.5
    /// `centralized-network.alpha`: significance level of the CUG test.
    public var centralizedNetworkAlpha: Double = 0.05

    // MARK: large-party-dominance

    /// `large-party-dominance.top-share`: at most this share of the actors with a size are the
    /// large parties.
    public var largePartyDominanceTopShare: Double = 0.2
    /// `large-party-dominance.ratio`: representation ratio (share of centrality ÷ share of
    /// actors) of the large parties from which they dominate.
    public var largePartyDominanceRatio: Double = 2
    /// `large-party-dominance.share`: least share of what all providers hold (ties, brokerage,
    /// PageRank) for the large parties to dominate.
    public var largePartyDominanceShare: Double = 0.25
    /// `large-party-dominance.rho`: Spearman correlation of size and degree from which size
    /// translates into position.
    public var largePartyDominanceRho: Double = 0.7

    // MARK: sidelined-group

    /// `sidelined-group.ratio`: representation ratio at or below which a group is sidelined.
    public var sidelinedGroupRatio: Double = 0.5

    // MARK: funding-concentration

    /// `funding-concentration.recipients`: fewest recipients for a concentration finding.
    public var fundingConcentrationRecipients: Double = 3
    /// `funding-concentration.share-ratio`: the largest share must be at least this many times
    /// the equal share (1/k) before money counts as concentrated.
    public var fundingConcentrationShareRatio: Double = 2
    /// `funding-concentration.info`: normalised HHI from which the concentration is reported.
    public var fundingConcentrationInfo: Double = 0.1
    /// `funding-concentration.warning`: normalised HHI from which it is a warning.
    public var fundingConcentrationWarning: Double = 0.25
    /// `funding-concentration.critical`: normalised HHI from which it is critical.
    public var fundingConcentrationCritical: Double = 0.5

    // MARK: one-sided-dependence

    /// `one-sided-dependence.dependence`: share of an actor's inflow from one partner from which
    /// it depends on that partner.
    public var oneSidedDependenceDependence: Double = 0.5
    /// `one-sided-dependence.reverse`: largest share of the partner's inflow coming back for
    /// the dependence to count as one-sided.
    public var oneSidedDependenceReverse: Double = 0.1
    /// `one-sided-dependence.alternative`: a second source giving at least this share of the
    /// actor's inflow is a real alternative; the dependence is then not one-sided.
    public var oneSidedDependenceAlternative: Double = 0.25
    /// `one-sided-dependence.single-funder`: share of a provider's money from one authority or
    /// financier from which that dependence is a warning rather than the role's normal relation.
    public var oneSidedDependenceSingleFunder: Double = 0.9

    // MARK: fragmentation

    /// `fragmentation.fragmentation`: share of unreachable pairs from which the network is
    /// fragmented.
    public var fragmentationFragmentation: Double = 0.2
    /// `fragmentation.key-player`: rise in fragmentation on removing one actor from which that
    /// actor is a key player.
    public var fragmentationKeyPlayer: Double = 0.1
    /// `fragmentation.isolated-providers`: share of providers with at most one tie from which
    /// the providers are fragmented.
    public var fragmentationIsolatedProviders: Double = 0.3

    // MARK: perception-gap

    /// `perception-gap.gap`: difference of perceived and structural percentile from which the
    /// two disagree.
    public var perceptionGapGap: Double = 0.5

    // MARK: - Keys

    /// One threshold: its key, the property that holds it, its default and why.
    public struct Parameter: Sendable {
        /// The key in `network.yaml` and `--threshold`, `rule.parameter`.
        public let key: String
        /// The property of ``FlagThresholds`` that holds the value. Key path literals without
        /// captures are `Sendable` (SE-0418), so the parameter list can be a static constant.
        public let keyPath: WritableKeyPath<FlagThresholds, Double> & Sendable
        /// The value when no override is given.
        public let defaultValue: Double
        /// Why the default is what it is.
        public let reason: String

        /// The values that make sense: counts and ratios are at least 0, every other threshold
        /// is a share, index or probability between 0 and 1.
        public var validRange: ClosedRange<Double> {
            FlagThresholds.unbounded.contains(key) ? 0...Double.greatestFiniteMagnitude : 0...1
        }

        init(_ key: String, _ keyPath: WritableKeyPath<FlagThresholds, Double> & Sendable, reason: String) {
            self.key = key
            self.keyPath = keyPath
            self.defaultValue = FlagThresholds()[keyPath: keyPath]
            self.reason = reason
        }
    }

    /// Every threshold, grouped by rule in the order of the rules; defaults come from the
    /// stored properties.
    public static let parameters: [Parameter] = [
        Parameter(
            "dominant-broker.share", \.dominantBrokerShare,
            reason: "one actor on 40% of all brokerage paths in a network of tens of actors is far beyond "
                + "an even spread (1/n); Freeman 1977 reads such concentration as control over "
                + "communication"),
        Parameter(
            "dominant-broker.critical", \.dominantBrokerCritical,
            reason: "a majority of all brokerage through one party"),
        Parameter(
            "dominant-broker.path-share", \.dominantBrokerPathShare,
            reason: "half or more of the brokered two-step paths between two actor types run through one "
                + "party: it controls the access"),
        Parameter(
            "dominant-broker.min-paths", \.dominantBrokerMinPaths,
            reason: "with fewer than four brokered connections a share of half is one or two pairs: "
                + "chance, not control"),
        Parameter(
            "centralized-network.centralization", \.centralizedNetworkCentralization,
            reason: "Freeman centralization runs 0 (all equal) to 1 (a star); above 0.5 the network is "
                + "closer to a star than to an even spread"),
        Parameter(
            "centralized-network.alpha", \.centralizedNetworkAlpha,
            reason: "conventional significance level for the CUG test"),
        Parameter(
            "large-party-dominance.top-share", \.largePartyDominanceTopShare,
            reason: "the largest fifth of the providers by size (at least one) are 'the large parties'"),
        Parameter(
            "large-party-dominance.ratio", \.largePartyDominanceRatio,
            reason: "holding twice the centrality that the group's number of providers would give"),
        Parameter(
            "large-party-dominance.share", \.largePartyDominanceShare,
            reason: "and at least a quarter of all the providers hold: a share that means the same in a "
                + "network of 10 actors and of 300"),
        Parameter(
            "large-party-dominance.rho", \.largePartyDominanceRho,
            reason: "a strong rank correlation (Spearman ρ ≥ 0.7) between size and centrality"),
        Parameter(
            "sidelined-group.ratio", \.sidelinedGroupRatio,
            reason: "a group holding half or less of the centrality its number of actors would give"),
        Parameter(
            "funding-concentration.recipients", \.fundingConcentrationRecipients,
            reason: "with two recipients the HHI cannot fall below 5,000 points: an even 50/50 split is not "
                + "a concentrated market, so at least three are needed"),
        Parameter(
            "funding-concentration.share-ratio", \.fundingConcentrationShareRatio,
            reason: "the largest recipient gets at least twice the equal share 1/k: the money is uneven, "
                + "not merely spread over few parties"),
        Parameter(
            "funding-concentration.info", \.fundingConcentrationInfo,
            reason: "normalised HHI (H − 1/k)/(1 − 1/k) runs 0 (even) to 1 (one takes all) whatever the "
                + "number of recipients k; 0.1 is a visible tilt"),
        Parameter(
            "funding-concentration.warning", \.fundingConcentrationWarning,
            reason: "0.25: e.g. 60% of five recipients' money to one (EU merger guidelines 2004/C 31/03 "
                + "speak of high concentration from 2,000 points, which raw HHI reaches with few parties)"),
        Parameter(
            "funding-concentration.critical", \.fundingConcentrationCritical,
            reason: "0.5: half way from an even split to one party taking all, e.g. 80% of five"),
        Parameter(
            "one-sided-dependence.dependence", \.oneSidedDependenceDependence,
            reason: "more than half of an actor's inflow from one partner (Emerson: B's dependence on A)"),
        Parameter(
            "one-sided-dependence.reverse", \.oneSidedDependenceReverse,
            reason: "while the partner gets at most a tenth of its own inflow back"),
        Parameter(
            "one-sided-dependence.alternative", \.oneSidedDependenceAlternative,
            reason: "a second funder giving a quarter or more is a real alternative (a 55/45 split is two "
                + "funders, not a dependence)"),
        Parameter(
            "one-sided-dependence.single-funder", \.oneSidedDependenceSingleFunder,
            reason: "a provider getting nine tenths of its money from one gemeente or financier cannot "
                + "survive a change in that one buyer's policy"),
        Parameter(
            "fragmentation.fragmentation", \.fragmentationFragmentation,
            reason: "a fifth of all pairs of actors cannot reach each other (Borgatti 2006)"),
        Parameter(
            "fragmentation.key-player", \.fragmentationKeyPlayer,
            reason: "removing one actor cuts off a further tenth of all pairs"),
        Parameter(
            "fragmentation.isolated-providers", \.fragmentationIsolatedProviders,
            reason: "three in ten providers with at most one tie: versnippering"),
        Parameter(
            "perception-gap.gap", \.perceptionGapGap,
            reason: "perceived and structural rank differ by half the ranking "
                + "(percentile difference ≥ 0.5)"),
    ]

    /// Keys whose values are counts or ratios rather than shares.
    static let unbounded: Set<String> = [
        "dominant-broker.min-paths", "large-party-dominance.ratio", "funding-concentration.recipients",
        "funding-concentration.share-ratio",
    ]

    /// The parameters by key.
    private static let byKey = Dictionary(uniqueKeysWithValues: parameters.map { ($0.key, $0) })

    /// Every key, sorted.
    public static var knownKeys: [String] { parameters.map(\.key).sorted() }

    /// The parameter with `key`, or nil when no rule uses that key.
    public static func parameter(_ key: String) -> Parameter? { byKey[key] }

    /// The defaults.
    public init() {}

    /// The defaults with `overrides` (by key) applied.
    ///
    /// - Throws: ``UnknownThresholdError`` for the first key, in sorted order, that no rule uses.
    public init(overrides: [String: Double]) throws {
        self.init()
        for (key, value) in overrides.sorted(by: { $0.key < $1.key }) {
            guard let parameter = Self.parameter(key) else { throw UnknownThresholdError(key: key) }
            guard parameter.validRange.contains(value) else {
                throw InvalidThresholdError(key: key, value: value, range: parameter.validRange)
            }
            self[keyPath: parameter.keyPath] = value
        }
    }

    /// The value of the threshold `key`, or nil when no rule uses that key.
    public subscript(key: String) -> Double? {
        Self.parameter(key).map { self[keyPath: $0.keyPath] }
    }
}

/// A threshold value outside what its key can mean (a share above 1, say, or HHI points where
/// the funding thresholds are now a normalised index 0–1).
public struct InvalidThresholdError: Error, CustomStringConvertible, Sendable {
    /// The key.
    public let key: String
    /// The value given.
    public let value: Double
    /// The values that make sense.
    public let range: ClosedRange<Double>

    /// The error for `value` of `key`, which must lie in `range`.
    public init(key: String, value: Double, range: ClosedRange<Double>) {
        self.key = key
        self.value = value
        self.range = range
    }

    /// `The threshold "KEY" must be between 0 and 1; 5000 is not.`
    public var description: String { text("en") }

    /// The message in `language` ("nl" for Dutch, otherwise English).
    public func text(_ language: String) -> String {
        let dutch = language == "nl"
        let bounds =
            range.upperBound > 1e300
            ? (dutch ? "ten minste " : "at least ") + range.lowerBound.formatted()
            : (dutch ? "tussen 0 en 1" : "between 0 and 1")
        var text =
            dutch
            ? "De drempel \"\(key)\" moet \(bounds) zijn; \(value.formatted()) is dat niet."
            : "The threshold \"\(key)\" must be \(bounds); \(value.formatted()) is not."
        if key.hasPrefix("funding-concentration.") && value > 1 {
            text +=
                dutch
                ? " Geldconcentratie wordt nu beoordeeld met de genormaliseerde HHI "
                    + "(0 = een gelijke verdeling, 1 = één partij krijgt alles)."
                : " Funding concentration is now judged by the normalised HHI (0 = an even split, "
                    + "1 = one takes all)."
        }
        return text
    }
}

/// A threshold key that no rule uses.
public struct UnknownThresholdError: Error, CustomStringConvertible, Sendable {
    /// The unknown key.
    public let key: String
    /// The keys that rules do use, sorted.
    public var known: [String]

    /// The error for `key`, listing `known` (by default every key of ``FlagThresholds``).
    public init(key: String, known: [String] = FlagThresholds.knownKeys) {
        self.key = key
        self.known = known
    }

    /// `Unknown threshold "KEY". Known: a, b, c.`
    public var description: String {
        "Unknown threshold \"\(key)\". Known: \(known.joined(separator: ", "))."
    }
}
