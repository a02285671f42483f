/// Resource dependence (Emerson 1962) and concentration (Herfindahl–Hirschman) of flows.
///
/// Flows are arcs i → j with weight w_ij = what i supplies to j (money for financiering,
/// volume for contract). Emerson 1962, doi:10.2307/2089716; Casciaro & Piskorski 2005,
/// doi:10.2189/asqu.2005.50.2.167:
/// - dependence of j on i: D(j on i) = w_ij / Σ_k w_kj (the share of j's inflow from i);
/// - power imbalance of i over j: PI(i, j) = D(j on i) − D(i on j) ∈ [−1, 1];
/// - mutual dependence MD(i, j) = D(j on i) + D(i on j).
///
/// HHI = Σ s_k² over the shares s_k of a total (0–1; × 10,000 = "points" as competition
/// authorities use them); normalised (H − 1/k)/(1 − 1/k) for k partners (nil when k < 2).
/// EU horizontal-merger guidelines (2004/C 31/03, §19–20): below 1,000 points unconcentrated,
/// 1,000–2,000 moderately, above 2,000 highly concentrated. On flows in a governance network
/// the bands are an analogy, not a legal test.
public struct FlowAnalysis: Sendable {
    /// Inflow of each node by source: inflow[j][i] = w_ij.
    public let inflow: [[Int: Double]]
    /// Outflow of each node by recipient: outflow[i][j] = w_ij.
    public let outflow: [[Int: Double]]
    /// Total inflow of each node, Σ_k w_kj.
    public let inStrength: [Double]
    /// Total outflow of each node, Σ_k w_ik.
    public let outStrength: [Double]

    /// Reads the flows off the arcs of `graph`, which should be the weighted flow layer
    /// (e.g. `Graph(network, relationTypes: ["financiering"])`). - Complexity: O(n + m).
    public init(_ graph: Graph) {
        let n = graph.nodeCount
        var inflow = [[Int: Double]](repeating: [:], count: n)
        var outflow = [[Int: Double]](repeating: [:], count: n)
        for i in 0..<n {
            for (j, w) in zip(graph.outNeighbors(of: i), graph.outArcWeights(of: i)) {
                outflow[i][Int(j), default: 0] += w
                inflow[Int(j)][i, default: 0] += w
            }
        }
        self.inflow = inflow
        self.outflow = outflow
        inStrength = inflow.map { $0.values.reduce(0, +) }
        outStrength = outflow.map { $0.values.reduce(0, +) }
    }

    /// D(j on i): share of j's inflow that comes from i.
    public func dependence(of j: Int, on i: Int) -> Double {
        inStrength[j] > 0 ? (inflow[j][i] ?? 0) / inStrength[j] : 0
    }

    /// PI(i over j) = D(j on i) − D(i on j).
    public func powerImbalance(of i: Int, over j: Int) -> Double {
        dependence(of: j, on: i) - dependence(of: i, on: j)
    }

    /// MD(i, j) = D(j on i) + D(i on j), symmetric, in [0, 2].
    public func mutualDependence(_ i: Int, _ j: Int) -> Double {
        dependence(of: j, on: i) + dependence(of: i, on: j)
    }

    /// The partner j depends on most, and that share (nil without inflow).
    public func largestDependence(of j: Int) -> (partner: Int, share: Double)? {
        guard inStrength[j] > 0, let top = inflow[j].max(by: { ($0.value, $1.key) < ($1.value, $0.key) })
        else { return nil }
        return (top.key, top.value / inStrength[j])
    }

    /// Herfindahl–Hirschman concentration of a set of amounts.
    public struct Concentration: Sendable, Equatable {
        /// Σ s², 0–1.
        public var hhi: Double
        /// (H − 1/k)/(1 − 1/k); nil for fewer than two parts.
        public var normalized: Double?
        /// Number of positive amounts k.
        public var parts: Int
        /// `hhi` × 10,000: the 0–10,000 "points" scale of competition authorities.
        public var points: Double { hhi * 10_000 }
    }

    /// HHI of a set of non-negative amounts; nil when they sum to 0.
    public static func concentration(_ amounts: [Double]) -> Concentration? {
        let positive = amounts.filter { $0 > 0 }
        let total = positive.reduce(0, +)
        guard total > 0 else { return nil }
        let h = positive.reduce(0) { $0 + ($1 / total) * ($1 / total) }
        let k = Double(positive.count)
        return Concentration(
            hhi: h, normalized: positive.count > 1 ? (h - 1 / k) / (1 - 1 / k) : nil, parts: positive.count)
    }

    /// HHI of node j's inflow over its sources; nil without inflow.
    public func inflowConcentration(_ j: Int) -> Concentration? {
        FlowAnalysis.concentration(Array(inflow[j].values))
    }
    /// HHI of node i's outflow over its recipients; nil without outflow.
    public func outflowConcentration(_ i: Int) -> Concentration? {
        FlowAnalysis.concentration(Array(outflow[i].values))
    }
}
