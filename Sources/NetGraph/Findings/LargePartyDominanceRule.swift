/// **large-party-dominance**: the largest providers hold far more of the network than their
/// number justifies.
///
/// Only providers with a size take part (at least three): sizes of client councils, gemeenten
/// or financiers measure something else and are not compared with providers' turnover. The
/// large parties are the largest providers that together hold half of the providers' size, at
/// most the top `large-party-dominance.top-share` (at least one); a provider within 80% of the
/// size of the smallest of them joins them, so two near-equal large providers stay together.
/// For degree, betweenness and PageRank in turn, the first measure on which the large parties
/// hold at least `large-party-dominance.ratio` times their share of the providers, and at least
/// `large-party-dominance.share` of what all providers hold, is flagged: a warning, critical
/// when they hold half or more. Shares of the providers' total, not ratios over all actors,
/// so that a finding weighs the same in a network of 10 and of 300 actors. A permutation
/// p-value comes with it when permutations are asked for. Separately, a Spearman correlation
/// of size and degree of at least `large-party-dominance.rho` over five or more providers is a
/// warning about the network.
///
/// Reference: representation ratio (share of centrality / share of actors); Spearman rank
/// correlation of size and degree.
struct LargePartyDominanceRule: FindingRule {
    static let id = "large-party-dominance"

    func evaluate(_ c: FindingContext) -> [PowerFlag] {
        let actors = c.network.actors
        let sized = c.sized.filter { c.role($0) == .provider }
        guard sized.count >= 3 else { return [] }
        let t = c.thresholds
        let topShare = t.largePartyDominanceTopShare
        let ratioLevel = t.largePartyDominanceRatio
        let shareLevel = t.largePartyDominanceShare
        let rhoLevel = t.largePartyDominanceRho
        var flags = FlagBuilder(rule: Self.id)
        let bySize = sized.sorted { (actors[$0].size!, $1) > (actors[$1].size!, $0) }
        let totalSize = bySize.reduce(0) { $0 + actors[$1].size! }
        let cap = max(1, Int((topShare * Double(sized.count)).rounded()))
        var k = 0
        var cumulative = 0.0
        while k < cap && (k == 0 || cumulative < totalSize / 2) {
            cumulative += actors[bySize[k]].size!
            k += 1
        }
        // Near-equal providers stay together with the large ones.
        while k < bySize.count - 1 && actors[bySize[k]].size! >= 0.8 * actors[bySize[k - 1]].size! {
            k += 1
        }
        let largest = Array(bySize.prefix(k))
        let actorShare = Double(k) / Double(sized.count)
        for measure in [ActorMeasure.degree, .betweenness, .pagerank] {
            let values = c.centrality[measure]
            let total = sized.reduce(0) { $0 + values[$1] }
            guard total > 0 else { continue }
            let held = largest.reduce(0) { $0 + values[$1] } / total
            let ratio = held / actorShare
            guard ratio >= ratioLevel, held >= shareLevel else { continue }
            var p: Double? = nil
            let options = c.options
            if options.permutations > 0 {
                p = Permutation.pValue(
                    permutations: options.permutations, seed: options.seed, observed: ratio
                ) { rng in
                    var shuffled = sized
                    for i in stride(from: shuffled.count - 1, to: 0, by: -1) {
                        shuffled.swapAt(i, Int(rng.next(below: UInt64(i + 1))))
                    }
                    return shuffled.prefix(k).reduce(0) { $0 + values[$1] } / total / actorShare
                }
            }
            let names = largest.map(c.name)
            let share = FindingContext.percent(held)
            flags.add(
                held >= 0.5 ? .critical : .warning, .actor, largest.map(c.id),
                evidence: [
                    ("share_of_\(measure.rawValue)", held), ("share_of_providers", actorShare),
                    ("ratio", ratio),
                ],
                threshold: [("top-share", topShare), ("ratio", ratioLevel), ("share", shareLevel)],
                nl: FindingText.nl.largePartyDominance(
                    parties: names, share: share, measure: measure,
                    ratio: FindingContext.number(ratio, digits: 1, "nl")),
                en: FindingText.en.largePartyDominance(
                    parties: names, share: share, measure: measure,
                    ratio: FindingContext.number(ratio, digits: 1, "en")),
                reference: FindingReferences.largePartyDominance, p: p)
            break  // one finding per network: the first measure that shows it
        }
        let degree = c.centrality[.degree]
        if sized.count >= 5,
            let rho = Inequality.spearman(sized.map { actors[$0].size! }, sized.map { degree[$0] }),
            rho >= rhoLevel
        {
            flags.add(
                .warning, .network, [c.network.metadata.name],
                evidence: [("spearman_size_degree", rho), ("providers_with_size", Double(sized.count))],
                threshold: [("rho", rhoLevel)],
                nl: FindingText.nl.sizeDrivesTies(correlation: FindingContext.number(rho, digits: 2, "nl")),
                en: FindingText.en.sizeDrivesTies(correlation: FindingContext.number(rho, digits: 2, "en")),
                reference: FindingReferences.largePartyDominance)
        }
        return flags.flags
    }
}
