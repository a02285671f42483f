/// **dominant-broker**: a party that lies on a large share of the shortest paths between
/// others, or that carries most of the brokered paths between a voice or provider group and
/// the public authorities.
///
/// - An actor whose share of all betweenness reaches `dominant-broker.share` is flagged:
///   `info` for an intermediary, authority or frontline team (bridging is its task), otherwise
///   a warning, critical from `dominant-broker.critical`.
/// - For each client-voice, citizen or provider group and each group holding an authority, the
///   broker (gatekeeper, representative or liaison) of the most two-step paths between them is
///   flagged as a warning when it carries at least `dominant-broker.path-share` of at least
///   `dominant-broker.min-paths` such connections (distinct pairs), is not a bridge by mandate,
///   is not a client organisation or initiative, and is not itself in the first group.
///
/// Reference: Freeman 1977 (betweenness as control over communication); Gould & Fernandez 1989
/// (brokerage roles).
struct DominantBrokerRule: FindingRule {
    static let id = "dominant-broker"

    func evaluate(_ context: FindingContext) -> [PowerFlag] {
        var flags = FlagBuilder(rule: Self.id)
        brokers(context, into: &flags)
        accessPaths(context, into: &flags)
        return flags.flags
    }

    /// Actors with a large share of all betweenness.
    private func brokers(_ c: FindingContext, into flags: inout FlagBuilder) {
        let share = c.thresholds.dominantBrokerShare
        let critical = c.thresholds.dominantBrokerCritical
        for (i, power) in c.actors.enumerated() where power.betweennessShare >= share {
            let pct = FindingContext.percent(power.betweennessShare)
            let evidence = [("betweenness_share", power.betweennessShare)]
            if c.bridgesByMandate(i) {
                let type = c.network.actors[i].type
                flags.add(
                    .info, .actor, [c.id(i)], evidence: evidence, threshold: [("share", share)],
                    nl: FindingText.nl.mandatedBroker(
                        actor: c.name(i), share: pct, typeLabel: c.label(type, "nl")),
                    en: FindingText.en.mandatedBroker(
                        actor: c.name(i), share: pct, typeLabel: c.label(type, "en")),
                    reference: FindingReferences.dominantBroker)
            } else {
                let severity: PowerFlag.Severity = power.betweennessShare >= critical ? .critical : .warning
                flags.add(
                    severity, .actor, [c.id(i)], evidence: evidence,
                    threshold: [("share", share), ("critical", critical)],
                    nl: FindingText.nl.dominantBroker(actor: c.name(i), share: pct),
                    en: FindingText.en.dominantBroker(actor: c.name(i), share: pct),
                    reference: FindingReferences.dominantBroker)
            }
        }
    }

    /// Access paths between a voice or provider group and the authorities.
    private func accessPaths(_ c: FindingContext, into flags: inout FlagBuilder) {
        let pathShare = c.thresholds.dominantBrokerPathShare
        let network = c.network
        let groupOf = c.groupOf
        let authorities = Set(
            network.actors.indices.filter { c.role($0) == .publicAuthority }.map { groupOf[$0] })
        let voices: [ActorRole] = [.clientVoice, .citizen, .provider]
        for a in Set(groupOf) where voices.contains(network.vocabulary.role(ofActorType: c.typeNames[a])) {
            for b in authorities where b != a {
                // Distinct (broker, unordered pair) paths: an undirected tie brokered both ways
                // is one connection, not two.
                var byBroker: [Int: Double] = [:]
                var total = 0.0
                let pair = Brokerage.GroupPair(a, b)
                for j in 0..<network.actors.count {
                    let count = c.brokerage.crossGroupPairs[j][pair] ?? 0
                    byBroker[j] = count == 0 ? nil : Double(count)
                    total += Double(count)
                }
                guard total >= c.thresholds.dominantBrokerMinPaths,
                    let (j, count) = byBroker.max(by: { ($0.value, $1.key) < ($1.value, $0.key) })
                else { continue }
                let s = count / total
                // A client organisation or initiative that links others to the gemeente is a
                // voice doing its work, not a party dominating access.
                guard s >= pathShare, !c.bridgesByMandate(j), groupOf[j] != a,
                    ![.clientVoice, .citizen].contains(c.role(j))
                else { continue }
                let from = c.label(c.typeNames[a], "nl", plural: true)
                let to = c.label(c.typeNames[b], "nl", plural: true)
                let fromEnglish = c.label(c.typeNames[a], "en", plural: true)
                let toEnglish = c.label(c.typeNames[b], "en", plural: true)
                let pct = FindingContext.percent(s)
                let paths = Int(total)
                let broker = c.name(j)
                flags.add(
                    .warning, .actor, [c.id(j)],
                    evidence: [("path_share", s), ("brokered_paths", total)],
                    threshold: [("path-share", pathShare)],
                    nl: FindingText.nl.accessBroker(
                        paths: paths, from: from, to: to, share: pct, broker: broker),
                    en: FindingText.en.accessBroker(
                        paths: paths, from: fromEnglish, to: toEnglish, share: pct, broker: broker),
                    reference: FindingReferences.dominantBroker)
            }
        }
    }
}
