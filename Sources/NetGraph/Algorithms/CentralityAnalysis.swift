import Foundation

/// Which part of a network to analyse and how to treat weights.
public struct AnalysisView: Sendable, Hashable {
    /// Relation types to include ("layers"); nil = all.
    public var relationTypes: Set<String>?
    public var weights: WeightMode
    /// Estimate betweenness from this many sampled sources (nil = exact).
    public var betweennessSample: Int?
    /// Estimate betweenness within ±ε (fraction of ordered pairs) with probability 1 − δ.
    public var betweennessErrorBound: (epsilon: Double, delta: Double)?
    public var seed: UInt64

    public init(relationTypes: Set<String>? = nil, weights: WeightMode = .strength, betweennessSample: Int? = nil,
                betweennessErrorBound: (epsilon: Double, delta: Double)? = nil, seed: UInt64 = 42) {
        self.relationTypes = relationTypes
        self.weights = weights
        self.betweennessSample = betweennessSample
        self.betweennessErrorBound = betweennessErrorBound
        self.seed = seed
    }

    public static func == (a: AnalysisView, b: AnalysisView) -> Bool {
        a.relationTypes == b.relationTypes && a.weights == b.weights && a.betweennessSample == b.betweennessSample
            && a.betweennessErrorBound?.epsilon == b.betweennessErrorBound?.epsilon && a.betweennessErrorBound?.delta == b.betweennessErrorBound?.delta && a.seed == b.seed
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(relationTypes); hasher.combine(weights); hasher.combine(betweennessSample); hasher.combine(seed)
    }
}

/// Every per-actor centrality and per-network measure of one view of a network, computed
/// once on its CSR graph. Measure names are the snake_case keys of netan's JSON output.
public struct CentralityAnalysis: Sendable {
    public static let actorMeasures = [
        "degree", "in_degree", "out_degree", "strength", "in_strength", "out_strength",
        "betweenness", "betweenness_normalized", "closeness", "harmonic", "eigenvector", "pagerank",
        "katz", "hub", "authority", "core_number", "clustering", "articulation_point", "community",
    ]

    public let view: AnalysisView
    public let graph: Graph
    /// Per measure name, one value per actor (NaN where undefined).
    public let actorValues: [String: [Double]]
    /// Per network measure name; nil where undefined.
    public let networkValues: [String: Double?]
    /// Why a measure is missing or to be read with care, by measure name.
    public let notes: [String: String]
    public let bridges: [(Int, Int)]

    public init(_ network: Network, view: AnalysisView = AnalysisView()) {
        self.view = view
        let graph = Graph(network, relationTypes: view.relationTypes, weights: view.weights)
        self.graph = graph
        let n = graph.nodeCount
        var values: [String: [Double]] = [:]
        var notes: [String: String] = [:]
        let nan = [Double](repeating: .nan, count: n)

        let degree = Degree.degree(graph).map(Double.init)
        values["degree"] = degree
        values["in_degree"] = Degree.inDegree(graph).map(Double.init)
        values["out_degree"] = Degree.outDegree(graph).map(Double.init)
        values["strength"] = Degree.strength(graph)
        values["in_strength"] = Degree.inStrength(graph)
        values["out_strength"] = Degree.outStrength(graph)

        let betweenness: Betweenness.Result
        if let bound = view.betweennessErrorBound {
            let estimate = Betweenness.approximate(graph, epsilon: bound.epsilon, delta: bound.delta, seed: view.seed)
            betweenness = estimate.result
            notes["betweenness"] = "estimated from \(estimate.samples) sampled shortest paths (Riondato–Kornaropoulos, seed \(view.seed)): with probability \(1 - bound.delta) every value is within ±\(bound.epsilon) of the exact share of ordered pairs"
        } else if let k = view.betweennessSample {
            betweenness = Betweenness.sampled(graph, sampleSize: k, seed: view.seed)
            notes["betweenness"] = "estimated from \(min(k, n)) sampled sources (Brandes–Pich, seed \(view.seed))"
        } else {
            betweenness = Betweenness.compute(graph)
        }
        values["betweenness"] = betweenness.raw
        values["betweenness_normalized"] = betweenness.normalized

        let closeness = Closeness.compute(graph)
        values["closeness"] = closeness.closeness
        values["harmonic"] = closeness.harmonic

        let components = Structure.weakComponents(graph)
        do {
            values["eigenvector"] = try Spectral.eigenvector(graph).values
            if components.count > 1 { notes["eigenvector"] = "the network is not connected: eigenvector centrality is zero outside the component with the largest eigenvalue; prefer harmonic centrality or PageRank" }
        } catch {
            values["eigenvector"] = nan
            notes["eigenvector"] = "\(error)"
        }
        values["pagerank"] = Spectral.pageRank(graph)
        do { values["katz"] = try Spectral.katz(graph) } catch { values["katz"] = nan; notes["katz"] = "\(error)" }
        do {
            let hits = try Spectral.hits(graph)
            values["hub"] = hits.hubs
            values["authority"] = hits.authorities
        } catch {
            values["hub"] = nan; values["authority"] = nan
            notes["hub"] = "\(error)"
        }
        values["core_number"] = Structure.coreNumbers(graph).map(Double.init)
        let clustering = Structure.clustering(graph)
        values["clustering"] = clustering.local
        let cuts = Structure.cutPointsAndBridges(graph)
        values["articulation_point"] = cuts.articulation.map { $0 ? 1 : 0 }
        bridges = cuts.bridges
        let communities = Communities.detect(graph, method: .leiden, seed: view.seed)
        values["community"] = communities.membership.map(Double.init)
        actorValues = values

        var net: [String: Double?] = [:]
        func put(_ key: String, _ value: Double?) { net.updateValue(value, forKey: key) }
        put("nodes", Double(n))
        put("relations", Double(network.relations.filter { view.relationTypes?.contains($0.type) ?? true }.count))
        put("arcs", Double(graph.arcCount))
        put("density", NetworkMeasures.density(graph))
        put("reciprocity", graph.isDirected ? NetworkMeasures.reciprocity(graph) : nil)
        put("components", Double(components.count))
        put("strong_components", graph.isDirected ? Double(Structure.strongComponents(graph).count) : nil)
        put("degree_centralization", NetworkMeasures.centralization(degree, denominator: NetworkMeasures.freemanDenominator(.degree, nodeCount: n, directed: graph.isDirected)))
        if graph.isDirected {
            put("in_degree_centralization", NetworkMeasures.centralization(values["in_degree"]!, denominator: NetworkMeasures.freemanDenominator(.inDegree, nodeCount: n, directed: true)))
            put("out_degree_centralization", NetworkMeasures.centralization(values["out_degree"]!, denominator: NetworkMeasures.freemanDenominator(.outDegree, nodeCount: n, directed: true)))
        }
        put("betweenness_centralization", NetworkMeasures.centralization(betweenness.raw, denominator: NetworkMeasures.freemanDenominator(.betweenness, nodeCount: n, directed: graph.isDirected)))
        if !graph.isDirected && components.count == 1 && graph.hasUnitWeights {
            // Freeman's closeness denominator assumes unit distances on a connected graph.
            put("closeness_centralization", NetworkMeasures.centralization(closeness.closeness, denominator: NetworkMeasures.freemanDenominator(.closeness, nodeCount: n, directed: false)))
        } else {
            put("closeness_centralization", nil)
            notes["closeness_centralization"] = "defined here only for connected, undirected, unweighted views (Freeman's maximum assumes them)"
        }
        put("gini_degree", NetworkMeasures.gini(degree))
        put("gini_betweenness", NetworkMeasures.gini(betweenness.raw))
        put("transitivity", clustering.transitivity)
        put("degree_assortativity", NetworkMeasures.degreeAssortativity(graph))
        var typeIndex: [String: Int] = [:]
        let groups = network.actors.map { actor -> Int in
            if let i = typeIndex[actor.type] { return i }
            typeIndex[actor.type] = typeIndex.count
            return typeIndex.count - 1
        }
        put("type_assortativity", NetworkMeasures.attributeAssortativity(graph, groups: groups))
        put("ei_index_type", NetworkMeasures.eiIndex(graph, groups: groups))
        put("modularity", communities.modularity)
        put("communities", Double(communities.count))
        networkValues = net
        self.notes = notes
    }

    /// Value of a measure for actor `index`.
    public func value(_ measure: String, _ index: Int) -> Double { actorValues[measure]?[index] ?? .nan }
}
