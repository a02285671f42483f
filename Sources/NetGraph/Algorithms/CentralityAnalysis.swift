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
        "katz", "hub", "authority", "core_number", "clustering", "articulation_point", "community", "component",
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

    /// - Parameter measures: per-actor measures to compute (nil: all of them and every network
    ///   measure; otherwise only these and the cheap network counts).
    public init(_ network: Network, view: AnalysisView = AnalysisView(), measures: Set<String>? = nil) {
        self.init(graph: Graph(network, relationTypes: view.relationTypes, weights: view.weights), network: network, view: view, measures: measures)
    }

    /// Analysis of a prebuilt graph; `network` supplies actor types and the relation count
    /// (nil for graphs read straight from an edge list).
    public init(graph: Graph, network: Network?, view: AnalysisView = AnalysisView(), measures: Set<String>? = nil) {
        self.view = view
        self.graph = graph
        func want(_ names: String...) -> Bool { measures == nil || names.contains { measures!.contains($0) } }
        let full = measures == nil
        let n = graph.nodeCount
        var values: [String: [Double]] = [:]
        var notes: [String: String] = [:]
        let nan = [Double](repeating: .nan, count: n)

        let degree = Degree.degree(graph).map(Double.init)
        values["degree"] = degree
        values["in_degree"] = Degree.inDegree(graph).map(Double.init)
        values["out_degree"] = Degree.outDegree(graph).map(Double.init)
        if want("strength", "in_strength", "out_strength") {
            values["strength"] = Degree.strength(graph)
            values["in_strength"] = Degree.inStrength(graph)
            values["out_strength"] = Degree.outStrength(graph)
        }

        var betweenness = Betweenness.Result(raw: nan, arcs: [], normalized: nan)
        if !want("betweenness", "betweenness_normalized") {
        } else if let bound = view.betweennessErrorBound, !graph.hasUnitWeights,
                  case let needed = Betweenness.sampleCount(graph, epsilon: bound.epsilon, delta: bound.delta).samples, needed >= n {
            // With lengths every sample is a full Dijkstra search; when the bound needs at
            // least n of them, the exact computation (n searches) is cheaper and has no error.
            betweenness = Betweenness.compute(graph)
            notes["betweenness"] = "exact: the Riondato–Kornaropoulos bound ±\(bound.epsilon) would need \(needed) sampled Dijkstra searches, more than the \(n) of the exact computation"
        } else if let bound = view.betweennessErrorBound {
            let estimate = Betweenness.approximate(graph, epsilon: bound.epsilon, delta: bound.delta, seed: view.seed)
            betweenness = estimate.result
            notes["betweenness"] = "estimated from \(estimate.samples) sampled shortest paths (Riondato–Kornaropoulos, seed \(view.seed)): with probability \(1 - bound.delta) every value is within ±\(bound.epsilon) of the exact share of ordered pairs"
        } else if let k = view.betweennessSample {
            betweenness = Betweenness.sampled(graph, sampleSize: k, seed: view.seed)
            notes["betweenness"] = "estimated from \(min(k, n)) sampled sources (Brandes–Pich, seed \(view.seed))"
        } else {
            betweenness = Betweenness.compute(graph)
        }
        if want("betweenness", "betweenness_normalized") {
            values["betweenness"] = betweenness.raw
            values["betweenness_normalized"] = betweenness.normalized
        }

        var closeness = Closeness.Result(closeness: nan, harmonic: nan, harmonicNormalized: nan)
        if want("closeness", "harmonic") {
            closeness = Closeness.compute(graph)
            values["closeness"] = closeness.closeness
            values["harmonic"] = closeness.harmonic
        }

        let components = Structure.weakComponents(graph)
        if want("component") { values["component"] = components.labels.map(Double.init) }
        if want("eigenvector") { do {
            values["eigenvector"] = try Spectral.eigenvector(graph).values
            if components.count > 1 { notes["eigenvector"] = "the network is not connected: eigenvector centrality is zero outside the component with the largest eigenvalue; prefer harmonic centrality or PageRank" }
        } catch {
            values["eigenvector"] = nan
            notes["eigenvector"] = "\(error)"
        } }
        if want("pagerank") { values["pagerank"] = Spectral.pageRank(graph) }
        if want("katz") { do { values["katz"] = try Spectral.katz(graph) } catch { values["katz"] = nan; notes["katz"] = "\(error)" } }
        if want("hub", "authority") { do {
            let hits = try Spectral.hits(graph)
            values["hub"] = hits.hubs
            values["authority"] = hits.authorities
        } catch {
            values["hub"] = nan; values["authority"] = nan
            notes["hub"] = "\(error)"
        } }
        if want("core_number") { values["core_number"] = Structure.coreNumbers(graph).map(Double.init) }
        let clustering = want("clustering") ? Structure.clustering(graph) : (local: nan, transitivity: Double.nan)
        if want("clustering") { values["clustering"] = clustering.local }
        if want("articulation_point") {
            let cuts = Structure.cutPointsAndBridges(graph)
            values["articulation_point"] = cuts.articulation.map { $0 ? 1 : 0 }
            bridges = cuts.bridges
        } else {
            bridges = []
        }
        var communities = Communities.Result(membership: [], count: 0, modularity: .nan)
        if want("community") {
            communities = Communities.detect(graph, method: .leiden, seed: view.seed)
            values["community"] = communities.membership.map(Double.init)
        }
        actorValues = values

        var net: [String: Double?] = [:]
        func put(_ key: String, _ value: Double?) { net.updateValue(value, forKey: key) }
        put("nodes", Double(n))
        put("relations", network.map { n in Double(n.relations.filter { view.relationTypes?.contains($0.type) ?? true }.count) } ?? Double(graph.isDirected ? graph.arcCount : graph.arcCount / 2))
        put("arcs", Double(graph.arcCount))
        put("density", NetworkMeasures.density(graph))
        put("reciprocity", graph.isDirected ? NetworkMeasures.reciprocity(graph) : nil)
        put("components", Double(components.count))
        guard full else {
            networkValues = net
            self.notes = notes
            return
        }
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
        if let network {
            var typeIndex: [String: Int] = [:]
            let groups = network.actors.map { actor -> Int in
                if let i = typeIndex[actor.type] { return i }
                typeIndex[actor.type] = typeIndex.count
                return typeIndex.count - 1
            }
            put("type_assortativity", NetworkMeasures.attributeAssortativity(graph, groups: groups))
            put("ei_index_type", NetworkMeasures.eiIndex(graph, groups: groups))
        }
        put("modularity", communities.modularity)
        put("communities", Double(communities.count))
        networkValues = net
        self.notes = notes
    }

    /// Value of a measure for actor `index`.
    public func value(_ measure: String, _ index: Int) -> Double { actorValues[measure]?[index] ?? .nan }
}
