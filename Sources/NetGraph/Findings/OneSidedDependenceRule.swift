/// **one-sided-dependence**: a party that gets most of its resources from one partner, has no
/// real alternative, and gives that partner hardly anything back (Emerson's power-dependence
/// relation).
///
/// Actor j depends on i when i gives at least `one-sided-dependence.dependence` of j's inflow,
/// no other source gives `one-sided-dependence.alternative` or more (a 55/45 split is two
/// funders), and i gets at most `one-sided-dependence.reverse` of its own inflow from j.
/// Dependence on another market party is a warning (critical from 90%): one finding per pair,
/// or one per party that several others depend on. Dependence on an authority, financier or
/// intermediary is the expected relation: one `info` finding per funder lists its dependents,
/// except that small providers (below the median provider size, when at least four providers
/// have a size) getting `one-sided-dependence.single-funder` or more of their money from one
/// such funder get a warning per funder (a change in that buyer's policy decides their
/// survival), unless most providers that funder pays depend on it as much (the sole buyer of
/// the region: reported with the info finding). Actors whose inflow includes amounts the data does not give are skipped.
///
/// Reference: Emerson 1962; Casciaro & Piskorski 2005.
struct OneSidedDependenceRule: FindingRule {
    static let id = "one-sided-dependence"

    func evaluate(_ c: FindingContext) -> [PowerFlag] {
        let t = c.thresholds
        let threshold = [
            ("dependence", t.oneSidedDependenceDependence), ("alternative", t.oneSidedDependenceAlternative),
            ("reverse", t.oneSidedDependenceReverse), ("single-funder", t.oneSidedDependenceSingleFunder),
        ]
        let percent = FindingContext.percent
        let funders: Set<ActorRole> = [.publicAuthority, .financier, .intermediary]
        var expected: [Int: [(Int, Double)]] = [:]
        var market: [Int: [(Int, Double, Double)]] = [:]
        var single: [Int: [(Int, Double)]] = [:]
        // Small providers: below the median size of the providers with a size (at least four).
        let sizedProviders = c.network.actors.indices.filter {
            c.role($0) == .provider && c.network.actors[$0].size != nil
        }
        let sizes = sizedProviders.map { c.network.actors[$0].size! }.sorted()
        let small: Set<Int> =
            sizes.count >= 4
            ? Set(sizedProviders.filter { c.network.actors[$0].size! < sizes[sizes.count / 2] }) : []
        for j in 0..<c.network.actors.count where !c.amountMissingTo.contains(j) {
            let total = c.flows.inStrength[j]
            guard total > 0,
                let (i, amount) = c.flows.inflow[j].max(by: { ($0.value, $1.key) < ($1.value, $0.key) })
            else { continue }
            let d = amount / total
            let alternative =
                c.flows.inflow[j].filter { $0.key != i }.map(\.value).max().map { $0 / total } ?? 0
            let back = c.flows.dependence(of: i, on: j)
            guard d >= t.oneSidedDependenceDependence, alternative < t.oneSidedDependenceAlternative,
                back <= t.oneSidedDependenceReverse
            else { continue }
            if funders.contains(c.role(i)) {
                if small.contains(j) && d >= t.oneSidedDependenceSingleFunder {
                    single[i, default: []].append((j, d))
                } else {
                    expected[i, default: []].append((j, d))
                }
            } else {
                market[i, default: []].append((j, d, back))
            }
        }
        // When most providers the funder pays live off it alone, that is how the domain buys
        // (one gemeente or regio as sole buyer), not the exposure of a few: info, not a warning.
        for (i, dependents) in single {
            let paid = c.flows.outflow[i].keys.filter { c.role($0) == .provider }
            let captive = paid.filter {
                c.flows.dependence(of: $0, on: i) >= t.oneSidedDependenceSingleFunder
            }
            if Double(captive.count) > 0.5 * Double(paid.count) {
                expected[i, default: []].append(contentsOf: dependents)
                single[i] = nil
            }
        }
        var flags = FlagBuilder(rule: Self.id)
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
                    evidence: [("max_dependence", strongest), ("dependents", Double(dependents.count))],
                    threshold: threshold,
                    nl: FindingText.nl.marketDependents(funder: c.name(i), dependents: list),
                    en: FindingText.en.marketDependents(funder: c.name(i), dependents: list),
                    reference: FindingReferences.oneSidedDependence)
            }
        }
        for (i, dependents) in single.sorted(by: { $0.key < $1.key }) {
            let list = dependents.map { Dependent(name: c.name($0.0), share: percent($0.1)) }
            flags.add(
                .warning, .actor, [c.id(i)] + dependents.map { c.id($0.0) },
                evidence: [
                    ("max_dependence", dependents.map(\.1).max() ?? 0),
                    ("dependents", Double(dependents.count)),
                ],
                threshold: threshold,
                nl: FindingText.nl.singleFunderDependence(dependents: list, funder: c.name(i)),
                en: FindingText.en.singleFunderDependence(dependents: list, funder: c.name(i)),
                reference: FindingReferences.oneSidedDependence)
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
