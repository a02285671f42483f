/// **perception-gap**: an actor whose perceived influence differs from its structural power.
///
/// For actors with a known `influence`, the gap is the percentile of perceived influence minus
/// the mean percentile of degree, betweenness and PageRank (−1…1). A gap of at least
/// `perception-gap.gap` either way is flagged: `info` when the actor is seen as more
/// influential than its position shows, a warning when it holds hidden structural power.
///
/// Reference: Net-Map influence towers (Schiffer & Hauck 2010) against structural centrality.
struct PerceptionGapRule: FindingRule {
    static let id = "perception-gap"

    func evaluate(_ c: FindingContext) -> [PowerFlag] {
        let level = c.thresholds.perceptionGapGap
        var flags = FlagBuilder(rule: Self.id)
        for (i, power) in c.actors.enumerated() {
            guard let gap = power.perceptionGap, abs(gap) >= level else { continue }
            let seenMore = gap > 0
            // The size of the gap; its direction is in the sentence.
            let nl = FindingContext.number(abs(gap), digits: 2, "nl")
            let en = FindingContext.number(abs(gap), digits: 2, "en")
            flags.add(
                seenMore ? .info : .warning, .actor, [c.id(i)],
                evidence: [("gap", gap), ("influence", c.network.actors[i].influence ?? .nan)],
                threshold: [("gap", level)],
                nl: seenMore
                    ? FindingText.nl.seenAsMoreInfluential(actor: c.name(i), gap: nl)
                    : FindingText.nl.hiddenInfluence(actor: c.name(i), gap: nl),
                en: seenMore
                    ? FindingText.en.seenAsMoreInfluential(actor: c.name(i), gap: en)
                    : FindingText.en.hiddenInfluence(actor: c.name(i), gap: en),
                reference: FindingReferences.perceptionGap)
        }
        return flags.flags
    }
}
