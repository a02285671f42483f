/// One analysis of a network, computed once per command and handed to findings, reports,
/// diagrams, comparisons and diffs.
///
/// It holds two views: the one the user asked for (``centrality``: tie strengths by default,
/// or the layers and weights chosen on the command line) and the structural view that the
/// power analysis rests on (every relation, unweighted: who is tied to whom). When the two
/// views are the same, the same values serve both and nothing is computed twice; otherwise the
/// structural view computes only the measures the power analysis reads
/// (``PowerAnalysis/requiredMeasures``).
public struct NetworkAnalysis: Sendable {
    /// The network analysed.
    public let network: Network
    /// Centrality of the chosen view.
    public let centrality: CentralityAnalysis
    /// The power analysis and its findings.
    public let power: PowerAnalysis

    /// The findings, most severe first.
    public var flags: [PowerFlag] { power.flags }
    /// Centrality of the structural view (unweighted, every relation).
    public var structural: CentralityAnalysis { power.centrality }

    /// Analyses `network`.
    ///
    /// - Parameters:
    ///   - network: the network to analyse.
    ///   - view: the view for centrality tables and diagrams; nil: ``AnalysisView/recommended(for:relationTypes:seed:)``
    ///     (tie strengths when one relation type carries weights, unweighted when several do).
    ///   - measures: actor measures of that view (nil: all, with every network measure).
    ///   - options: settings of the power analysis; its seed is used for the structural view.
    ///     Default: the network's own thresholds (network.yaml) and the view's seed.
    public init(
        _ network: Network, view: AnalysisView? = nil, measures: Set<ActorMeasure>? = nil,
        options: PowerOptions? = nil
    ) {
        let view = view ?? .recommended(for: network)
        let options = options ?? (try? PowerOptions(network: network, seed: view.seed)) ?? PowerOptions()
        self.network = network
        let centrality = CentralityAnalysis(network, view: view, measures: measures)
        let structural: CentralityAnalysis
        // The chosen view serves the power analysis when it is the structural one: every
        // relation, unweighted (exact or sampled as the user asked).
        if view.relationTypes == nil && view.weights == .ignore
            && PowerAnalysis.requiredMeasures.isSubset(of: Set(centrality.measures))
            && PowerAnalysis.requiredNetworkMeasures.allSatisfy({ centrality.networkMeasures.contains($0) })
        {
            structural = centrality
        } else {
            structural = PowerAnalysis.structuralAnalysis(network, seed: options.seed)
        }
        self.centrality = centrality
        self.power = PowerAnalysis(network, structural: structural, options: options)
    }
}
