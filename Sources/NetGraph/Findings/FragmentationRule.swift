/// **fragmentation**: a network that falls apart (versnippering), or hangs on one party.
///
/// Three findings, each a warning unless noted: the network when the share of pairs of actors
/// that cannot reach each other reaches `fragmentation.fragmentation` (over the actors with at
/// least one tie; isolated actors are named by `isolated-actor`); each actor whose
/// removal raises that share by at least `fragmentation.key-player` (`info` when it bridges by
/// mandate); and, with three or more providers, the providers when the share of them with at
/// most one partner reaches `fragmentation.isolated-providers`.
///
/// Reference: Borgatti 2006, key player.
struct FragmentationRule: FindingRule {
    static let id = "fragmentation"

    /// Subject id of the finding about isolated providers.
    static let providers = "aanbieders"

    func evaluate(_ c: FindingContext) -> [PowerFlag] {
        let level = c.thresholds.fragmentationFragmentation
        let keyPlayer = c.thresholds.fragmentationKeyPlayer
        let isolated = c.thresholds.fragmentationIsolatedProviders
        let fragmentation = c.fragmentation
        let reference = FindingReferences.fragmentation
        var flags = FlagBuilder(rule: Self.id)
        // The network finding leaves actors without any tie out: `isolated-actor` names them,
        // and one missing initiative is not a network that falls apart.
        let tied = c.network.actors.indices.filter { c.partners[$0] > 0 }
        var sizes: [Int: Int] = [:]
        for i in tied { sizes[c.componentOf[i], default: 0] += 1 }
        let m = Double(tied.count)
        let reachable = sizes.values.reduce(0.0) { $0 + Double($1) * Double($1 - 1) }
        let tiedFragmentation = m > 1 ? 1 - reachable / (m * (m - 1)) : 0
        if tiedFragmentation >= level {
            let unreachable = FindingContext.percent(tiedFragmentation)
            flags.add(
                .warning, .network, [c.network.metadata.name],
                evidence: [
                    ("fragmentation", tiedFragmentation), ("fragmentation_with_isolates", fragmentation),
                ],
                threshold: [("fragmentation", level)],
                nl: FindingText.nl.networkFragmented(unreachable: unreachable),
                en: FindingText.en.networkFragmented(unreachable: unreachable),
                reference: reference)
        }
        for (i, power) in c.actors.enumerated()
        where power.fragmentationWithout - fragmentation >= keyPlayer {
            let rise = power.fragmentationWithout - fragmentation
            let risePercent = FindingContext.percent(rise)
            flags.add(
                c.bridgesByMandate(i) ? .info : .warning, .actor, [c.id(i)],
                evidence: [("fragmentation_without", power.fragmentationWithout), ("increase", rise)],
                threshold: [("key-player", keyPlayer)],
                nl: FindingText.nl.keyPlayer(actor: c.name(i), rise: risePercent),
                en: FindingText.en.keyPlayer(actor: c.name(i), rise: risePercent),
                reference: reference)
        }
        let partners = Degree.partners(c.centrality.graph)
        // Providers that did not answer a survey are left out: their own ties are not known.
        let providers = c.network.actors.indices.filter { c.role($0) == .provider && !c.answersMissing[$0] }
        if providers.count >= 3 {
            let loose = providers.filter { partners[$0] <= 1 }
            let share = Double(loose.count) / Double(providers.count)
            if share >= isolated {
                let sharePercent = FindingContext.percent(share)
                flags.add(
                    .warning, .type, [Self.providers] + loose.map(c.id),
                    evidence: [("share_isolated_providers", share), ("providers", Double(providers.count))],
                    threshold: [("isolated-providers", isolated)],
                    nl: FindingText.nl.isolatedProviders(
                        isolated: loose.count, providers: providers.count, share: sharePercent),
                    en: FindingText.en.isolatedProviders(
                        isolated: loose.count, providers: providers.count, share: sharePercent),
                    reference: reference)
            }
        }
        return flags.flags
    }
}
