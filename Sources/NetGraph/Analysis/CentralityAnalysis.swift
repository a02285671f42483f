import Foundation

/// Which part of a network to analyse and how to treat weights.
public struct AnalysisView: Sendable, Hashable {
    /// Relation types to include ("layers"); nil = all.
    public var relationTypes: Set<String>?
    /// Whether weights are tie strengths or ignored.
    public var weights: WeightMode
    /// Estimate betweenness from this many sampled sources (nil = exact).
    public var betweennessSample: Int?
    /// Estimate betweenness within ±ε (fraction of ordered pairs) with probability 1 − δ.
    public var betweennessErrorBound: ErrorBound?
    /// Seed for sampling and community detection.
    public var seed: UInt64

    /// An (ε, δ) guarantee for sampled betweenness.
    public struct ErrorBound: Sendable, Hashable {
        /// Largest error of any value, as a share of ordered pairs.
        public var epsilon: Double
        /// Probability that some value misses the bound.
        public var delta: Double

        /// A bound of ±`epsilon` with failure probability `delta`.
        public init(epsilon: Double, delta: Double) {
            self.epsilon = epsilon
            self.delta = delta
        }
    }

    /// A view; the defaults are every relation, weights as strengths, exact betweenness.
    public init(
        relationTypes: Set<String>? = nil, weights: WeightMode = .strength, betweennessSample: Int? = nil,
        betweennessErrorBound: ErrorBound? = nil, seed: UInt64 = 42
    ) {
        self.relationTypes = relationTypes
        self.weights = weights
        self.betweennessSample = betweennessSample
        self.betweennessErrorBound = betweennessErrorBound
        self.seed = seed
    }

    /// The view netan uses when none is chosen: every relation (or `relationTypes`), exact, with
    /// weights as tie strengths when at most one relation type in the view carries weights, and
    /// unweighted when several do. Weights are comparable only within one type: euros,
    /// meetings and contract counts added up would make the result depend on the units.
    public static func recommended(
        for network: Network, relationTypes: Set<String>? = nil, seed: UInt64 = 42
    ) -> AnalysisView {
        let mixed = network.weightedRelationTypes(in: relationTypes).count > 1
        return AnalysisView(relationTypes: relationTypes, weights: mixed ? .ignore : .strength, seed: seed)
    }

    /// The view the power analysis uses: every relation, unweighted, exact.
    public static func structural(seed: UInt64) -> AnalysisView {
        AnalysisView(weights: .ignore, seed: seed)
    }
}

/// Every per-actor centrality and per-network measure of one view of a network, computed
/// once on its CSR graph.
///
/// Values are looked up by ``ActorMeasure`` and ``NetworkMeasure``. An actor measure holds
/// one value per actor (in `Network.actors` order); NaN only where the measure is undefined
/// (see ``notes``). Network measures that do not apply to the view (reciprocity of an
/// undirected view, say) are absent from ``networkMeasures`` and read as NaN, with the reason
/// in ``undefinedReason(_:)``.
public struct CentralityAnalysis: Sendable {
    /// The view these values belong to.
    public let view: AnalysisView
    /// The CSR graph of the view.
    public let graph: Graph
    /// The actor measures computed, in `ActorMeasure.allCases` order.
    public let measures: [ActorMeasure]
    /// The network measures that were computed for this view, in table order; NaN where
    /// undefined.
    public let networkMeasures: [NetworkMeasure]
    /// Why a value is missing or to be read with care.
    public let actorNotes: [ActorMeasure: String]
    /// Why a network measure is undefined here.
    public let networkNotes: [NetworkMeasure: String]
    /// Bridges of the undirected view (pairs of actor indices), when articulation points
    /// were computed.
    public let bridges: [(Int, Int)]

    private let actorValues: [ActorMeasure: [Double]]
    private let networkValues: [NetworkMeasure: Double]

    /// Analysis of one view of a network.
    ///
    /// - Parameters:
    ///   - network: the network to analyse.
    ///   - view: which relations, and whether weights count.
    ///   - measures: actor measures to compute (nil: all of them and every network measure;
    ///     otherwise only these, degree always, and ``NetworkMeasure/counts``).
    ///   - networkMeasures: network measures to compute besides those (their actor measures
    ///     must be among `measures`).
    public init(
        _ network: Network, view: AnalysisView = AnalysisView(), measures: Set<ActorMeasure>? = nil,
        networkMeasures: Set<NetworkMeasure> = []
    ) {
        let graph = Graph(network, relationTypes: view.relationTypes, weights: view.weights)
        self.init(
            graph: graph, network: network, view: view, measures: measures, networkMeasures: networkMeasures)
    }

    /// Analysis of a prebuilt graph; `network` supplies actor types and the relation count
    /// (nil for graphs read straight from an edge list).
    public init(
        graph: Graph, network: Network?, view: AnalysisView = AnalysisView(),
        measures: Set<ActorMeasure>? = nil,
        networkMeasures: Set<NetworkMeasure> = []
    ) {
        var builder = Builder(graph: graph, view: view, wanted: measures)
        builder.computeActorMeasures()
        builder.computeNetworkMeasures(network: network, wanted: measures == nil ? nil : networkMeasures)
        self.view = view
        self.graph = graph
        self.actorValues = builder.values
        self.measures = ActorMeasure.allCases.filter { builder.values[$0] != nil }
        self.networkValues = builder.network
        self.networkMeasures = NetworkMeasure.allCases.filter { builder.network[$0] != nil }
        self.actorNotes = builder.actorNotes
        self.networkNotes = builder.networkNotes
        self.bridges = builder.bridges
    }

    /// Whether `measure` was computed.
    public func has(_ measure: ActorMeasure) -> Bool { actorValues[measure] != nil }

    /// One value per actor. Asking for a measure that was not computed is a programming
    /// error (see `init(_:view:measures:)`).
    public subscript(_ measure: ActorMeasure) -> [Double] {
        guard let values = actorValues[measure] else {
            preconditionFailure("\(measure.rawValue) was not computed: include it in `measures`")
        }
        return values
    }

    /// The value of `measure` for the actor at `index`.
    public subscript(_ measure: ActorMeasure, actor index: Int) -> Double { self[measure][index] }

    /// The value of a network measure: NaN where it is undefined or does not apply.
    public subscript(_ measure: NetworkMeasure) -> Double { networkValues[measure] ?? .nan }

    /// Why a network measure has no value here, or nil when it has one.
    public func undefinedReason(_ measure: NetworkMeasure) -> String? {
        if let value = networkValues[measure], !value.isNaN { return nil }
        if let note = networkNotes[measure] { return note }
        switch measure {
        case .reciprocity, .strongComponents, .inDegreeCentralization, .outDegreeCentralization:
            return graph.isDirected ? "not computed" : "the view is undirected"
        case .typeAssortativity, .eiIndexType:
            return "actor types are unknown (graph read from an edge list)"
        default:
            return networkValues[measure] == nil
                ? "not computed (only some measures were asked for)" : "undefined for this view"
        }
    }

    /// Notes by measure key (the JSON keys), for output.
    public var notes: [String: String] {
        var result: [String: String] = [:]
        for (measure, note) in actorNotes { result[measure.rawValue] = note }
        for (measure, note) in networkNotes { result[measure.rawValue] = note }
        return result
    }

    /// Network measures that hold a value in the table sense: those computed, with nil where
    /// the value is undefined (written as null in JSON).
    public var networkTable: [(measure: NetworkMeasure, value: Double?)] {
        networkMeasures.map { measure in
            let value = networkValues[measure]!
            return (measure, value.isNaN ? nil : value)
        }
    }
}

/// The computation behind ``CentralityAnalysis``: one measure after another on one graph.
private struct Builder {
    let graph: Graph
    let view: AnalysisView
    let wanted: Set<ActorMeasure>?
    var values: [ActorMeasure: [Double]] = [:]
    var network: [NetworkMeasure: Double] = [:]
    var actorNotes: [ActorMeasure: String] = [:]
    var networkNotes: [NetworkMeasure: String] = [:]
    var bridges: [(Int, Int)] = []
    var betweenness: Betweenness.Result
    var closeness: Closeness.Result
    var components: (labels: [Int], count: Int) = ([], 0)
    var transitivity = Double.nan
    var communities = Communities.Result(membership: [], count: 0, modularity: .nan)

    init(graph: Graph, view: AnalysisView, wanted: Set<ActorMeasure>?) {
        self.graph = graph
        self.view = view
        self.wanted = wanted
        let nan = [Double](repeating: .nan, count: graph.nodeCount)
        betweenness = Betweenness.Result(raw: nan, arcs: [], normalized: nan)
        closeness = Closeness.Result(closeness: nan, harmonic: nan, harmonicNormalized: nan)
    }

    func want(_ measures: ActorMeasure...) -> Bool {
        guard let wanted else { return true }
        return measures.contains { wanted.contains($0) }
    }

    var nan: [Double] { [Double](repeating: .nan, count: graph.nodeCount) }

    mutating func computeActorMeasures() {
        values[.degree] = Degree.degree(graph).map(Double.init)
        values[.inDegree] = Degree.inDegree(graph).map(Double.init)
        values[.outDegree] = Degree.outDegree(graph).map(Double.init)
        if want(.strength, .inStrength, .outStrength) {
            values[.strength] = Degree.strength(graph)
            values[.inStrength] = Degree.inStrength(graph)
            values[.outStrength] = Degree.outStrength(graph)
        }
        let exact = view.betweennessSample == nil && view.betweennessErrorBound == nil
        if want(.betweenness, .betweennessNormalized) && want(.closeness, .harmonic) && exact,
            let both = Betweenness.withCloseness(graph)
        {
            // Weighted and exact: one round of Dijkstra searches serves both measures.
            betweenness = both.betweenness
            closeness = both.closeness
            values[.betweenness] = betweenness.raw
            values[.betweennessNormalized] = betweenness.normalized
            values[.closeness] = closeness.closeness
            values[.harmonic] = closeness.harmonic
        } else {
            if want(.betweenness, .betweennessNormalized) {
                computeBetweenness()
                values[.betweenness] = betweenness.raw
                values[.betweennessNormalized] = betweenness.normalized
            }
            if want(.closeness, .harmonic) {
                closeness = Closeness.compute(graph)
                values[.closeness] = closeness.closeness
                values[.harmonic] = closeness.harmonic
            }
        }
        let weak = Structure.weakComponents(graph)
        components = (weak.labels, weak.count)
        if want(.component) { values[.component] = weak.labels.map(Double.init) }
        computeSpectral()
        if want(.coreNumber) { values[.coreNumber] = Structure.coreNumbers(graph).map(Double.init) }
        if want(.clustering) {
            let clustering = Structure.clustering(graph)
            values[.clustering] = clustering.local
            transitivity = clustering.transitivity
        }
        if want(.articulationPoint) {
            let cuts = Structure.cutPointsAndBridges(graph)
            values[.articulationPoint] = cuts.articulation.map { $0 ? 1 : 0 }
            bridges = cuts.bridges
        }
        if want(.community) {
            communities = Communities.detect(graph, method: .leiden, seed: view.seed)
            values[.community] = communities.membership.map(Double.init)
        }
    }

    mutating func computeBetweenness() {
        let n = graph.nodeCount
        let seed = view.seed
        if let bound = view.betweennessErrorBound, !graph.hasUnitWeights,
            case let needed = Betweenness.sampleCount(graph, epsilon: bound.epsilon, delta: bound.delta)
                .samples,
            needed >= n
        {
            // With lengths every sample is a full Dijkstra search; when the bound needs at
            // least n of them, the exact computation (n searches) is cheaper and has no error.
            betweenness = Betweenness.compute(graph)
            actorNotes[.betweenness] =
                "exact: the Riondato–Kornaropoulos bound ±\(bound.epsilon) would need \(needed) sampled "
                + "Dijkstra searches, more than the \(n) of the exact computation"
        } else if let bound = view.betweennessErrorBound {
            let estimate = Betweenness.approximate(
                graph, epsilon: bound.epsilon, delta: bound.delta, seed: seed)
            betweenness = estimate.result
            actorNotes[.betweenness] =
                "estimated from \(estimate.samples) sampled shortest paths "
                + "(Riondato–Kornaropoulos, seed \(seed)): "
                + "with probability \(1 - bound.delta) every value is within "
                + "±\(bound.epsilon) of the exact share "
                + "of ordered pairs"
        } else if let k = view.betweennessSample {
            betweenness = Betweenness.sampled(graph, sampleSize: k, seed: seed)
            actorNotes[.betweenness] =
                "estimated from \(min(k, n)) sampled sources (Brandes–Pich, seed \(seed))"
        } else {
            betweenness = Betweenness.compute(graph)
        }
    }

    mutating func computeSpectral() {
        if want(.eigenvector) {
            do {
                values[.eigenvector] = try Spectral.eigenvector(graph).values
                if components.count > 1 {
                    actorNotes[.eigenvector] =
                        "the network is not connected: eigenvector centrality is zero outside the "
                        + "component with the largest eigenvalue; prefer harmonic centrality or PageRank"
                } else if graph.isDirected && Structure.strongComponents(graph).count > 1 {
                    // networkx refuses here (AmbiguousSolution); netan reports the limit of
                    // the power iteration and says how to read it.
                    actorNotes[.eigenvector] =
                        "the directed network is not strongly connected: values are (near) zero for "
                        + "actors that the strongest cycle does not reach; prefer PageRank"
                }
            } catch {
                values[.eigenvector] = nan
                actorNotes[.eigenvector] = "\(error)"
            }
        }
        if want(.pagerank) { values[.pagerank] = Spectral.pageRank(graph) }
        if want(.katz) {
            do {
                values[.katz] = try Spectral.katz(graph)
            } catch {
                values[.katz] = nan
                actorNotes[.katz] = "\(error)"
            }
        }
        if want(.hub, .authority) {
            do {
                let hits = try Spectral.hits(graph)
                values[.hub] = hits.hubs
                values[.authority] = hits.authorities
                if !graph.isDirected && Structure.isBipartite(graph) {
                    // The top singular value of a bipartite undirected graph is double, so
                    // hubs and authorities are not unique (networkx returns an arbitrary pair).
                    let note =
                        "not unique on a two-sided (bipartite) undirected network: these are the "
                        + "values the iteration reaches from equal starting scores"
                    actorNotes[.hub] = note
                    actorNotes[.authority] = note
                }
            } catch {
                values[.hub] = nan
                values[.authority] = nan
                actorNotes[.hub] = "\(error)"
            }
        }
    }

    /// Network measures; `wanted` nil means all of them.
    mutating func computeNetworkMeasures(network source: Network?, wanted: Set<NetworkMeasure>?) {
        func want(_ measure: NetworkMeasure) -> Bool { wanted?.contains(measure) ?? true }
        let n = graph.nodeCount
        let directed = graph.isDirected
        network[.nodes] = Double(n)
        if let source {
            let included = source.relations.filter { view.relationTypes?.contains($0.type) ?? true }
            network[.relations] = Double(included.count)
        } else {
            network[.relations] = Double(directed ? graph.arcCount : graph.arcCount / 2)
        }
        network[.arcs] = Double(graph.arcCount)
        network[.density] = NetworkMeasures.density(graph)
        network[.reciprocity] = directed ? NetworkMeasures.reciprocity(graph) : .nan
        network[.components] = Double(components.count)
        if want(.strongComponents) {
            network[.strongComponents] = directed ? Double(Structure.strongComponents(graph).count) : .nan
        }
        let degree = values[.degree]!
        if want(.degreeCentralization) { network[.degreeCentralization] = centralization(degree, .degree) }
        if directed && want(.inDegreeCentralization) {
            network[.inDegreeCentralization] = centralization(values[.inDegree]!, .inDegree)
        }
        if directed && want(.outDegreeCentralization) {
            network[.outDegreeCentralization] = centralization(values[.outDegree]!, .outDegree)
        }
        if want(.betweennessCentralization) {
            network[.betweennessCentralization] = centralization(betweenness.raw, .betweenness)
        }
        if want(.closenessCentralization) {
            if !directed && components.count == 1 && graph.hasUnitWeights {
                // Freeman's closeness denominator assumes unit distances on a connected graph.
                network[.closenessCentralization] = centralization(closeness.closeness, .closeness)
            } else {
                network[.closenessCentralization] = .nan
                networkNotes[.closenessCentralization] =
                    "defined here only for connected, undirected, unweighted views "
                    + "(Freeman's maximum assumes them)"
            }
        }
        if want(.giniDegree) { network[.giniDegree] = NetworkMeasures.gini(degree) }
        if want(.giniBetweenness) { network[.giniBetweenness] = NetworkMeasures.gini(betweenness.raw) }
        if want(.transitivity) { network[.transitivity] = transitivity }
        if want(.degreeAssortativity) {
            network[.degreeAssortativity] = NetworkMeasures.degreeAssortativity(graph) ?? .nan
        }
        if let source, want(.typeAssortativity) || want(.eiIndexType) {
            var typeIndex: [String: Int] = [:]
            let groups = source.actors.map { actor -> Int in
                if let i = typeIndex[actor.type] { return i }
                typeIndex[actor.type] = typeIndex.count
                return typeIndex.count - 1
            }
            network[.typeAssortativity] =
                NetworkMeasures.attributeAssortativity(graph, groups: groups) ?? .nan
            network[.eiIndexType] = NetworkMeasures.eiIndex(graph, groups: groups) ?? .nan
        }
        if want(.modularity) { network[.modularity] = communities.modularity }
        if want(.communities) { network[.communities] = Double(communities.count) }
    }

    func centralization(_ values: [Double], _ kind: NetworkMeasures.CentralizationKind) -> Double {
        let denominator = NetworkMeasures.freemanDenominator(
            kind, nodeCount: graph.nodeCount, directed: graph.isDirected)
        return NetworkMeasures.centralization(values, denominator: denominator) ?? .nan
    }
}
