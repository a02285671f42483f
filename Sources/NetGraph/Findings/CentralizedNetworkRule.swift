/// **centralized-network**: a network that runs through one centre.
///
/// Takes the larger of the degree and betweenness centralization of the structural view (those
/// that are defined) and flags the network when it reaches
/// `centralized-network.centralization`. With permutations, a CUG test must also give
/// p < `centralized-network.alpha`. The finding names the hub (the actor with the highest
/// degree or betweenness) and is `info` when that hub bridges by mandate, otherwise a warning.
///
/// Reference: Freeman 1979 (centralization); CUG test: Anderson, Butts & Carley 1999.
struct CentralizedNetworkRule: FindingRule {
    static let id = "centralized-network"

    func evaluate(_ c: FindingContext) -> [PowerFlag] {
        let level = c.thresholds.centralizedNetworkCentralization
        let alpha = c.thresholds.centralizedNetworkAlpha
        let graph = c.centrality.graph
        guard graph.nodeCount >= 3 else { return [] }
        // NaN marks an undefined centralization: such a measure is no candidate.
        let candidates = [NetworkMeasure.degreeCentralization, .betweennessCentralization]
            .compactMap { measure -> (NetworkMeasure, Double)? in
                let value = c.centrality[measure]
                return value.isNaN ? nil : (measure, value)
            }
        guard let (measure, value) = candidates.max(by: { $0.1 < $1.1 }), value >= level else { return [] }
        let byDegree = measure == .degreeCentralization
        var p: Double? = nil
        if c.options.permutations > 0 {
            p = CUGTest.pValue(
                graph, permutations: c.options.permutations, seed: c.options.seed, observed: value,
                statistic: byDegree ? CUGTest.degreeCentralization : CUGTest.betweennessCentralization)
            if let p, p >= alpha { return [] }
        }
        let hubValues = c.centrality[byDegree ? ActorMeasure.degree : .betweenness]
        guard let hub = hubValues.enumerated().max(by: { $0.element < $1.element })?.offset else { return [] }
        let severity: PowerFlag.Severity = c.bridgesByMandate(hub) ? .info : .warning
        let hubName = c.name(hub)
        var flags = FlagBuilder(rule: Self.id)
        flags.add(
            severity, .network, [c.network.metadata.name],
            evidence: [(measure.rawValue, value)],
            threshold: [("centralization", level)] + (p == nil ? [] : [("alpha", alpha)]),
            nl: FindingText.nl.centralizedNetwork(
                hub: hubName, centralization: FindingContext.number(value, digits: 2, "nl"), pValue: p),
            en: FindingText.en.centralizedNetwork(
                hub: hubName, centralization: FindingContext.number(value, digits: 2, "en"), pValue: p),
            reference: FindingReferences.centralizedNetwork, p: p)
        return flags.flags
    }
}
