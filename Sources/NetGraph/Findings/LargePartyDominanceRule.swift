/// **large-party-dominance**: the largest organisations hold far more of the network than
/// their number justifies.
///
/// Only actors with a size that counts as market weight take part (at least three). The large
/// parties are the largest of them that together hold half of all size, at most the top
/// `large-party-dominance.top-share` (and at least one). For degree, betweenness and PageRank
/// in turn, the first whose representation ratio (share held ÷ share of actors) reaches
/// `large-party-dominance.ratio` is flagged: a warning, critical from twice that ratio, with a
/// permutation p-value when permutations are asked for. Separately, a Spearman correlation of
/// size and degree of at least `large-party-dominance.rho` over five or more sized actors is
/// a warning about the network.
///
/// Reference: representation ratio (share of centrality / share of actors); Spearman rank
/// correlation of size and degree.
struct LargePartyDominanceRule: FindingRule {
    static let id = "large-party-dominance"

    func evaluate(_ c: FindingContext) -> [PowerFlag] {
        let sized = c.sized
        guard sized.count >= 3 else { return [] }
        let topShare = c.thresholds.largePartyDominanceTopShare
        let ratioLevel = c.thresholds.largePartyDominanceRatio
        let rhoLevel = c.thresholds.largePartyDominanceRho
        let actors = c.network.actors
        let n = Double(actors.count)
        var flags = FlagBuilder(rule: Self.id)
        // The large parties: the largest actors that together hold half of all size, at most
        // the top `top-share` of sized actors (and at least one). Every actor in `sized` has a
        // size.
        let bySize = sized.sorted { actors[$0].size! > actors[$1].size! }
        let totalSize = bySize.reduce(0) { $0 + actors[$1].size! }
        let cap = max(1, Int((topShare * Double(sized.count)).rounded()))
        var k = 0
        var cumulative = 0.0
        while k < cap && (k == 0 || cumulative < totalSize / 2) {
            cumulative += actors[bySize[k]].size!
            k += 1
        }
        let largest = bySize.prefix(k)
        let actorShare = Double(k) / n
        for measure in [ActorMeasure.degree, .betweenness, .pagerank] {
            let values = c.centrality[measure]
            let total = values.reduce(0, +)
            guard total > 0 else { continue }
            let held = largest.reduce(0) { $0 + values[$1] } / total
            let ratio = held / actorShare
            guard ratio >= ratioLevel else { continue }
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
                    return shuffled.prefix(k).reduce(0) { $0 + values[$1] } / total / (Double(k) / n)
                }
            }
            let names = largest.map(c.name)
            let share = FindingContext.percent(held)
            let times = FindingContext.number(ratio)
            flags.add(
                ratio >= 2 * ratioLevel ? .critical : .warning, .actor, largest.map(c.id),
                evidence: [
                    ("share_of_\(measure.rawValue)", held), ("share_of_actors", actorShare), ("ratio", ratio),
                ],
                threshold: [("top-share", topShare), ("ratio", ratioLevel)],
                nl: FindingText.nl.largePartyDominance(
                    parties: names, share: share, measure: measure, ratio: times),
                en: FindingText.en.largePartyDominance(
                    parties: names, share: share, measure: measure, ratio: times),
                reference: FindingReferences.largePartyDominance, p: p)
            break  // one finding per network: the first measure that shows it
        }
        if let rho = c.sizeDegreeCorrelation, rho >= rhoLevel, sized.count >= 5 {
            let correlation = FindingContext.number(rho)
            flags.add(
                .warning, .network, [c.network.metadata.name],
                evidence: [("spearman_size_degree", rho), ("actors_with_size", Double(sized.count))],
                threshold: [("rho", rhoLevel)],
                nl: FindingText.nl.sizeDrivesTies(correlation: correlation),
                en: FindingText.en.sizeDrivesTies(correlation: correlation),
                reference: FindingReferences.largePartyDominance)
        }
        return flags.flags
    }
}
