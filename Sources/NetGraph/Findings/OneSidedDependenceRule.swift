/// **one-sided-dependence**: a party that gets most of its resources from one partner that
/// gets hardly anything back (Emerson's power-dependence relation).
///
/// A dependence counts when actor j gets at least `one-sided-dependence.dependence` of its
/// inflow from i while i gets at most `one-sided-dependence.reverse` of its own inflow from j.
/// Dependence on another market party is a warning (critical from 90%): one finding per pair,
/// or one per party that several others depend on. Dependence on an authority, financier or
/// intermediary is the expected relation: one `info` finding per funder lists its dependents.
///
/// Reference: Emerson 1962; Casciaro & Piskorski 2005.
struct OneSidedDependenceRule: FindingRule {
    static let id = "one-sided-dependence"

    func evaluate(_ c: FindingContext) -> [PowerFlag] {
        let level = c.thresholds.oneSidedDependenceDependence
        let reverse = c.thresholds.oneSidedDependenceReverse
        let threshold = [("dependence", level), ("reverse", reverse)]
        let percent = FindingContext.percent
        // Funding by an authority, financier or intermediary is the expected relation: one
        // info finding per funder lists who depends on it.
        var expected: [Int: [(Int, Double)]] = [:]
        var market: [Int: [(Int, Double, Double)]] = [:]
        for j in 0..<c.network.actors.count {
            for i in c.flows.inflow[j].keys.sorted() {
                let d = c.flows.dependence(of: j, on: i)
                let back = c.flows.dependence(of: i, on: j)
                guard d >= level, back <= reverse else { continue }
                if [.publicAuthority, .financier, .intermediary].contains(c.role(i)) {
                    expected[i, default: []].append((j, d))
                    continue
                }
                market[i, default: []].append((j, d, back))
            }
        }
        var flags = FlagBuilder(rule: Self.id)
        // Dependence on another market party: a finding per pair, or one per party that
        // several others depend on.
        for (i, dependents) in market.sorted(by: { $0.key < $1.key }) {
            guard let strongest = dependents.map(\.1).max() else { continue }
            let severity: PowerFlag.Severity = strongest >= 0.9 ? .critical : .warning
            if dependents.count == 1, let (j, d, back) = dependents.first {
                flags.add(
                    severity, .pair, [c.id(i), c.id(j)],
                    evidence: [
                        ("dependence", d), ("reverse_dependence", back), ("power_imbalance", d - back),
                    ],
                    threshold: threshold,
                    nl: FindingText.nl.marketDependence(
                        dependent: c.name(j), share: percent(d), funder: c.name(i), reverse: percent(back)),
                    en: FindingText.en.marketDependence(
                        dependent: c.name(j), share: percent(d), funder: c.name(i), reverse: percent(back)),
                    reference: FindingReferences.oneSidedDependence)
            } else {
                let list = dependents.map { Dependent(name: c.name($0.0), share: percent($0.1)) }
                flags.add(
                    severity, .actor, [c.id(i)] + dependents.map { c.id($0.0) },
                    evidence: [("dependents", Double(dependents.count)), ("max_dependence", strongest)],
                    threshold: threshold,
                    nl: FindingText.nl.marketDependents(funder: c.name(i), dependents: list),
                    en: FindingText.en.marketDependents(funder: c.name(i), dependents: list),
                    reference: FindingReferences.oneSidedDependence)
            }
        }
        for (i, dependents) in expected.sorted(by: { $0.key < $1.key }) {
            let list = dependents.map { Dependent(name: c.name($0.0), share: percent($0.1)) }
            let mean = dependents.reduce(0) { $0 + $1.1 } / Double(dependents.count)
            flags.add(
                .info, .actor, [c.id(i)] + dependents.map { c.id($0.0) },
                evidence: [("dependents", Double(dependents.count)), ("mean_dependence", mean)],
                threshold: threshold,
                nl: FindingText.nl.fundedDependents(funder: c.name(i), dependents: list),
                en: FindingText.en.fundedDependents(funder: c.name(i), dependents: list),
                reference: FindingReferences.oneSidedDependence)
        }
        return flags.flags
    }
}
