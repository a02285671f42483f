import Foundation

/// Options of the power analysis.
public struct PowerOptions: Sendable {
    /// Thresholds of the flag rules.
    public var thresholds: FlagThresholds
    /// Random graphs or label permutations for p-values (0 = no test).
    public var permutations: Int
    /// Seed for the tests and for community detection in the structural view.
    public var seed: UInt64
    /// Relation types that carry resources (money, volume) for dependence and HHI; nil =
    /// `financiering` when present, else `contract`, else none.
    public var flowRelationTypes: Set<String>?

    /// Options with explicit thresholds.
    public init(
        thresholds: FlagThresholds = FlagThresholds(), permutations: Int = 0, seed: UInt64 = 42,
        flowRelationTypes: Set<String>? = nil
    ) {
        self.thresholds = thresholds
        self.permutations = permutations
        self.seed = seed
        self.flowRelationTypes = flowRelationTypes
    }

    /// The one place that combines thresholds: defaults, then the network's own
    /// (`thresholds:` in network.yaml), then `overrides` (the command line's `--threshold`).
    ///
    /// Threshold keys of the network were checked when it was read; a key that no rule uses
    /// in `overrides` throws ``UnknownThresholdError`` naming the known keys.
    public init(
        network: Network, overrides: [String: Double] = [:], permutations: Int = 0, seed: UInt64 = 42,
        flowRelationTypes: Set<String>? = nil
    ) throws {
        var thresholds = FlagThresholds()
        for (key, value) in network.metadata.thresholds.sorted(by: { $0.key < $1.key }) {
            if let path = FlagThresholds.parameter(key)?.keyPath { thresholds[keyPath: path] = value }
        }
        for (key, value) in overrides.sorted(by: { $0.key < $1.key }) {
            guard let parameter = FlagThresholds.parameter(key) else {
                throw UnknownThresholdError(key: key)
            }
            guard parameter.validRange.contains(value) else {
                throw InvalidThresholdError(key: key, value: value, range: parameter.validRange)
            }
            thresholds[keyPath: parameter.keyPath] = value
        }
        self.init(
            thresholds: thresholds, permutations: permutations, seed: seed,
            flowRelationTypes: flowRelationTypes)
    }
}

/// Power-imbalance measures of a network and the flags they raise.
///
/// Structural measures (centrality, brokerage, constraint, cores, fragmentation) use the
/// **unweighted** graph of all relations — who is tied to whom — so that amounts in euros
/// and meeting frequencies are not mixed. Resource measures (dependence, HHI) use the
/// weighted flow layer (`financiering` by default), where weights are amounts.
public struct PowerAnalysis: Sendable {
    /// The power measures of one actor.
    public struct ActorPower: Sendable {
        /// Gould–Fernandez brokerage scores per role, with actor types as groups.
        public var brokerage: [Brokerage.Role: Brokerage.Score]
        /// Burt's constraint (0–1 for most actors; higher = fewer structural holes); nil for
        /// an isolate.
        public var constraint: Double?
        /// Burt's effective size (number of non-redundant contacts); nil for an isolate.
        public var effectiveSize: Double?
        /// Largest share of inflow from one partner, and that partner's index.
        public var dependence: (share: Double, partner: Int)?
        /// Concentration of the actor's inflow over its sources in the flow layer; nil
        /// without inflow.
        public var inflowHHI: FlowAnalysis.Concentration?
        /// Concentration of the actor's outflow over its recipients in the flow layer; nil
        /// without outflow.
        public var outflowHHI: FlowAnalysis.Concentration?
        /// Fragmentation of the network after removing this actor.
        public var fragmentationWithout: Double
        /// Perceived minus structural percentile (−1…1), when `influence` is known.
        public var perceptionGap: Double?
        /// The actor's share (0–1) of the total betweenness of the structural view; 0 when
        /// that total is 0.
        public var betweennessShare: Double
        /// Continuous coreness (Borgatti–Everett, unit L2) and membership of the discrete core.
        /// NaN beyond `CorePeriphery.maximumActors` actors.
        public var coreness: Double
        /// Whether the actor is in the discrete core (pattern `.missing`, seeded with
        /// `PowerOptions.seed`); false beyond `CorePeriphery.maximumActors` actors.
        public var inCore: Bool
    }

    /// The power measures of one group: the actors of one actor type.
    public struct GroupPower: Sendable {
        /// The actor type name shared by the group's members.
        public var type: String
        /// The role of that type in the network's vocabulary.
        public var role: ActorRole
        /// Node indices of the members, ascending.
        public var actors: [Int]
        /// Members ÷ all actors.
        public var shareOfActors: Double
        /// The group's share (0–1) of the total degree; 0 when that total is 0.
        public var shareOfDegree: Double
        /// The group's share (0–1) of the total betweenness; 0 when that total is 0.
        public var shareOfBetweenness: Double
        /// The group's share (0–1) of the total PageRank.
        public var shareOfPageRank: Double
        /// Share of a measure ÷ share of actors, for degree, betweenness and PageRank.
        /// 1 = proportional; nil when the measure's total is 0.
        public var representationDegree: Double?
        /// `shareOfBetweenness` ÷ `shareOfActors`; nil when the total betweenness is 0.
        public var representationBetweenness: Double?
        /// `shareOfPageRank` ÷ `shareOfActors`; nil when the total PageRank is 0.
        public var representationPageRank: Double?
        /// Mean degree of the members (structural view).
        public var meanDegree: Double
        /// Median degree of the members (mean of the two middle values for an even count).
        public var medianDegree: Double
        /// Sum of the members' raw total brokerage (all Gould–Fernandez roles).
        public var brokerageTotal: Double
        /// Concentration of the group's inflow over its members.
        public var inflowHHI: FlowAnalysis.Concentration?
        /// Share of members in the outermost k-shell.
        public var outerShellShare: Double
    }

    /// The network analysed.
    public let network: Network
    /// The settings used: thresholds, permutations, seed, flow layer.
    public let options: PowerOptions
    /// The structural view: every relation, weights ignored.
    public let centrality: CentralityAnalysis
    /// The relation types of the flow layer actually used: `PowerOptions.flowRelationTypes`,
    /// else `financiering` when present, else `contract`, else none (empty).
    public let flowRelationTypes: Set<String>
    /// Measures per actor, in `network.actors` order.
    public let actors: [ActorPower]
    /// Measures per actor type, in order of the type's first appearance among the actors.
    public let groups: [GroupPower]
    /// Borgatti's fragmentation F (0–1) over the weak components: the share of ordered actor
    /// pairs that cannot reach each other.
    public let fragmentation: Double
    /// Borgatti's distance-weighted fragmentation DF = 1 − Σ_{i≠j} (1/d_ij)/(n(n − 1)) on the
    /// undirected view with unit lengths; above ``exactStructuralLimit`` actors estimated from
    /// ``structuralSample`` sampled sources (see ``distanceFragmentationSources``).
    public let distanceFragmentation: Double
    /// The sources ``distanceFragmentation`` was estimated from; nil when it is exact.
    public let distanceFragmentationSources: Int?
    /// The standard error of the estimated ``distanceFragmentation``; nil when it is exact.
    public let distanceFragmentationError: Double?
    /// Spearman correlation of size with degree over actors with a size (authorities and
    /// intermediaries excluded), when at least three have one.
    public let sizeDegreeCorrelation: Double?
    /// Spearman correlation of perceived influence with the mean structural percentile
    /// (degree, betweenness, PageRank) over actors with an `influence`, when at least four
    /// have one; nil otherwise or without variation.
    public let perceptionCorrelation: Double?
    /// The flags the finding rules raise: most severe first, then by rule id.
    public let flags: [PowerFlag]

    /// The actor measures of the structural view that the power analysis reads.
    public static let requiredMeasures: Set<ActorMeasure> = [
        .degree, .betweenness, .pagerank, .coreNumber, .articulationPoint,
    ]
    /// The network measures of the structural view that the findings read.
    public static let requiredNetworkMeasures: Set<NetworkMeasure> = [
        .degreeCentralization, .betweennessCentralization,
    ]

    /// Above this many actors the power analysis estimates the structural betweenness from
    /// ``structuralSample`` sampled sources (Brandes & Pich 2007) instead of computing it
    /// exactly; the estimate's note says so. Exact unweighted betweenness costs n searches:
    /// 9 s of `netan analyze` on the national graph (20,000 actors), where 4,000 sources give
    /// the shares the findings compare with thresholds of 40% and 50% to within about a
    /// percentage point.
    public static let exactStructuralLimit = 10_000
    /// Sampled sources for the structural betweenness of networks above ``exactStructuralLimit``.
    public static let structuralSample = 4_000

    /// The structural view of `network` with just the measures the power analysis reads: every
    /// relation, unweighted; betweenness exact up to ``exactStructuralLimit`` actors and
    /// estimated from ``structuralSample`` sources above it.
    public static func structuralAnalysis(_ network: Network, seed: UInt64) -> CentralityAnalysis {
        var view = AnalysisView.structural(seed: seed)
        if network.actors.count > exactStructuralLimit { view.betweennessSample = structuralSample }
        return CentralityAnalysis(
            network, view: view, measures: requiredMeasures, networkMeasures: requiredNetworkMeasures)
    }

    /// Power analysis that computes its own structural view. Use ``NetworkAnalysis`` when the
    /// same network also needs centrality tables, so that nothing is computed twice.
    public init(_ network: Network, options: PowerOptions = PowerOptions()) {
        self.init(network, structural: Self.structuralAnalysis(network, seed: options.seed), options: options)
    }

    /// Power analysis on a structural view computed elsewhere: every relation, weights
    /// ignored, with at least ``requiredMeasures`` and ``requiredNetworkMeasures``.
    public init(
        _ network: Network, structural centrality: CentralityAnalysis, options: PowerOptions = PowerOptions()
    ) {
        precondition(
            centrality.view.weights == .ignore && centrality.view.relationTypes == nil,
            "the power analysis needs the unweighted view of every relation")
        precondition(
            Self.requiredMeasures.isSubset(of: Set(centrality.measures)),
            "the structural view lacks measures the power analysis reads")
        self.network = network
        let n = network.actors.count
        self.centrality = centrality
        let graph = centrality.graph
        var typeIndex: [String: Int] = [:]
        var typeNames: [String] = []
        let groupOf = network.actors.map { actor -> Int in
            if let i = typeIndex[actor.type] { return i }
            typeIndex[actor.type] = typeNames.count
            typeNames.append(actor.type)
            return typeNames.count - 1
        }

        // Flow layer.
        let present = Set(network.relations.map(\.type))
        let flowTypes =
            options.flowRelationTypes
            ?? (present.contains("financiering")
                ? ["financiering"]
                : present.contains("contract") ? ["contract"] : [])
        flowRelationTypes = flowTypes
        self.options = options
        let flows = FlowAnalysis(Graph(network, relationTypes: flowTypes, weights: .strength))

        let brokerage = Brokerage.compute(graph, groups: groupOf)
        // Core–periphery works on an n × n adjacency matrix: skipped beyond 5,000 actors.
        let coreness =
            n <= CorePeriphery.maximumActors
            ? CorePeriphery.continuous(graph).coreness : [Double](repeating: .nan, count: n)
        let core =
            n <= CorePeriphery.maximumActors
            ? Set(CorePeriphery.discrete(graph, seed: options.seed).core) : []
        // Fragmentation after removing an actor: only a cut vertex splits its component; for
        // any other actor its component just shrinks by one (exact, O(1) each).
        let cutVertices = Set(
            centrality[.articulationPoint].enumerated().filter { $0.element == 1 }.map(\.offset))
        let componentOf = Structure.weakComponents(graph).labels
        var componentSize = [Int: Double]()
        for c in componentOf { componentSize[c, default: 0] += 1 }
        let reachablePairs = componentSize.values.reduce(0) { $0 + $1 * ($1 - 1) }
        func fragmentationWithout(_ i: Int) -> Double {
            if cutVertices.contains(i) { return Inequality.componentFragmentation(graph, removing: i) }
            let remaining = Double(n - 1)
            guard remaining >= 2 else { return 0 }
            let s = componentSize[componentOf[i]]!
            return 1 - (reachablePairs - 2 * (s - 1)) / (remaining * (remaining - 1))
        }
        let holes = StructuralHoles.compute(graph)
        // F from the component sizes counted above (the same as Inequality.componentFragmentation).
        fragmentation = n >= 2 ? 1 - reachablePairs / (Double(n) * Double(n - 1)) : 0
        // DF needs a search from every actor (0.8 s of `netan flags` on the national graph);
        // above the exact limit the same number of sampled sources as betweenness.
        let distance = Inequality.distanceFragmentation(
            graph, sampleSize: n > Self.exactStructuralLimit ? Self.structuralSample : nil, seed: options.seed
        )
        distanceFragmentation = distance.value
        distanceFragmentationSources = distance.isExact ? nil : distance.sources
        distanceFragmentationError = distance.isExact ? nil : distance.standardError
        let degree = centrality[.degree]
        let betweenness = centrality[.betweenness]
        let pagerank = centrality[.pagerank]
        let totalBetweenness = betweenness.reduce(0, +)

        // Perception gap: percentile of influence vs mean percentile of degree, betweenness, PageRank.
        let withInfluence = network.actors.indices.filter { network.actors[$0].influence != nil }
        var gaps = [Double?](repeating: nil, count: n)
        var perceptionCorrelation: Double? = nil
        if withInfluence.count >= 4 {
            func percentiles(_ values: [Double]) -> [Double] {
                let r = Inequality.ranks(values)
                return r.map { ($0 - 1) / Double(max(1, values.count - 1)) }
            }
            let perceived = percentiles(withInfluence.map { network.actors[$0].influence! })
            let structuralParts = [degree, betweenness, pagerank].map { m in
                percentiles(withInfluence.map { m[$0] })
            }
            let structural = (0..<withInfluence.count).map { i in structuralParts.reduce(0) { $0 + $1[i] } / 3
            }
            for (k, i) in withInfluence.enumerated() { gaps[i] = perceived[k] - structural[k] }
            perceptionCorrelation = Inequality.spearman(
                withInfluence.map { network.actors[$0].influence! }, structural)
        }
        self.perceptionCorrelation = perceptionCorrelation

        actors = (0..<n).map { i in
            ActorPower(
                brokerage: brokerage.scores[i], constraint: holes.constraint[i],
                effectiveSize: holes.effectiveSize[i],
                dependence: flows.largestDependence(of: i).map { ($0.share, $0.partner) },
                inflowHHI: flows.inflowConcentration(i), outflowHHI: flows.outflowConcentration(i),
                fragmentationWithout: fragmentationWithout(i),
                perceptionGap: gaps[i],
                betweennessShare: totalBetweenness > 0 ? betweenness[i] / totalBetweenness : 0,
                coreness: coreness[i], inCore: core.contains(i))
        }

        let cores = centrality[.coreNumber]
        let minCore = cores.min() ?? 0
        let representation = [degree, betweenness, pagerank].map {
            Inequality.representationRatio($0, groups: groupOf)
        }
        func share(_ values: [Double], _ members: [Int]) -> Double {
            let total = values.reduce(0, +)
            return total > 0 ? members.reduce(0) { $0 + values[$1] } / total : 0
        }
        groups = typeNames.enumerated().map { g, name in
            let members = (0..<n).filter { groupOf[$0] == g }
            let degrees = members.map { degree[$0] }.sorted()
            let median =
                degrees.count % 2 == 1
                ? degrees[degrees.count / 2]
                : (degrees[degrees.count / 2 - 1] + degrees[degrees.count / 2]) / 2
            return GroupPower(
                type: name, role: network.vocabulary.role(ofActorType: name), actors: members,
                shareOfActors: Double(members.count) / Double(n),
                shareOfDegree: share(degree, members), shareOfBetweenness: share(betweenness, members),
                shareOfPageRank: share(pagerank, members),
                representationDegree: representation[0]?[g], representationBetweenness: representation[1]?[g],
                representationPageRank: representation[2]?[g],
                meanDegree: degrees.reduce(0, +) / Double(members.count), medianDegree: median,
                brokerageTotal: members.reduce(0) { $0 + (brokerage.scores[$1][.total]?.raw ?? 0) },
                inflowHHI: FlowAnalysis.concentration(members.map { flows.inStrength[$0] }),
                outerShellShare: Double(members.filter { cores[$0] == minCore }.count) / Double(members.count)
            )
        }

        // Size–centrality correlation among parties whose size measures market weight.
        // Parties whose size is market weight: not authorities, intermediaries or frontline teams.
        let sized = (0..<n).filter {
            network.actors[$0].size != nil
                && ![.publicAuthority, .intermediary, .frontline].contains(
                    network.role(of: network.actors[$0]))
        }
        sizeDegreeCorrelation =
            sized.count >= 3
            ? Inequality.spearman(sized.map { network.actors[$0].size! }, sized.map { degree[$0] }) : nil

        let context = FindingContext(
            network: network, options: options, centrality: centrality, brokerage: brokerage, flows: flows,
            groupOf: groupOf, typeNames: typeNames, actors: actors, groups: groups,
            fragmentation: fragmentation, sizeDegreeCorrelation: sizeDegreeCorrelation, sized: sized,
            flowRelationTypes: flowTypes)
        flags = FindingEngine.evaluate(context)
    }
}
