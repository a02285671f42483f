/// Whole-network measures: density, reciprocity, centralization, inequality, mixing.
public enum NetworkMeasures {
    /// Density: arcs / (n(n − 1)) — for an undirected graph m / (n(n − 1)/2), the same
    /// number (networkx `density`). 0 when n < 2. - Complexity: O(1).
    public static func density(_ graph: Graph) -> Double {
        let n = Double(graph.nodeCount)
        return n < 2 ? 0 : Double(graph.arcCount) / (n * (n - 1))
    }

    /// Reciprocity: share of arcs whose reverse arc exists (networkx `overall_reciprocity`).
    /// Undirected ties are two arcs and so count as reciprocated; 1 on undirected graphs.
    /// - Complexity: O(m log d).
    public static func reciprocity(_ graph: Graph) -> Double {
        guard graph.arcCount > 0 else { return 0 }
        var mutual = 0
        for u in 0..<graph.nodeCount {
            for v in graph.outNeighbors(of: u) where Betweenness.arcIndex(graph, from: Int(v), to: u) != nil {
                mutual += 1
            }
        }
        return Double(mutual) / Double(graph.arcCount)
    }

    /// Freeman centralization Σ_i (c_max − c_i) divided by the largest value this sum can take
    /// on a graph of n nodes (reached by the star). Freeman 1979,
    /// doi:10.1016/0378-8733(78)90021-7. Denominators (raw scores, n nodes):
    /// - degree, undirected: (n − 1)(n − 2); total (in + out) degree, directed: 2(n − 1)(n − 2)
    ///   (a star of reciprocated ties, as igraph); in- or out-degree, directed: (n − 1)²
    /// - betweenness (unordered pairs), undirected: (n − 1)²(n − 2)/2; directed: (n − 1)²(n − 2)
    /// - closeness (n − 1)/Σd, undirected connected: (n − 1)(n − 2)/(2n − 3)
    /// Returns nil when n < 3 or the denominator is 0.
    public static func centralization(_ scores: [Double], denominator: Double) -> Double? {
        guard scores.count >= 3, denominator > 0, let top = scores.max() else { return nil }
        return scores.reduce(0) { $0 + (top - $1) } / denominator
    }

    /// The centrality a Freeman denominator is for: total degree, in-degree, out-degree,
    /// betweenness (raw, unordered pairs when undirected) or closeness ((n − 1)/Σd).
    public enum CentralizationKind: Sendable {
        case degree, inDegree, outDegree, betweenness, closeness
    }

    /// The Freeman denominator for `kind` on n nodes (see `centralization`).
    public static func freemanDenominator(_ kind: CentralizationKind, nodeCount n: Int, directed: Bool)
        -> Double
    {
        let n = Double(n)
        switch kind {
        case .degree: return directed ? 2 * (n - 1) * (n - 2) : (n - 1) * (n - 2)
        case .inDegree, .outDegree: return (n - 1) * (n - 1)
        case .betweenness: return directed ? (n - 1) * (n - 1) * (n - 2) : (n - 1) * (n - 1) * (n - 2) / 2
        case .closeness: return (n - 1) * (n - 2) / (2 * n - 3)
        }
    }

    /// Gini coefficient of non-negative values: G = Σ_i Σ_j |x_i − x_j| / (2 n² x̄)
    /// (population form); `corrected` multiplies by n/(n − 1) so a maximally unequal
    /// distribution scores 1. 0 when all values are 0. Computed from sorted values in
    /// O(n log n): G = Σ_i (2i − n − 1) x_(i) / (n Σ x).
    public static func gini(_ values: [Double], corrected: Bool = false) -> Double {
        let n = values.count
        let total = values.reduce(0, +)
        guard n > 0, total > 0 else { return 0 }
        let sorted = values.sorted()
        var weighted = 0.0
        for (i, x) in sorted.enumerated() { weighted += Double(2 * (i + 1) - n - 1) * x }
        let g = weighted / (Double(n) * total)
        return corrected && n > 1 ? g * Double(n) / Double(n - 1) : g
    }

    /// Lorenz curve: points (share of actors, share of the total) from the smallest value up,
    /// starting at (0, 0).
    public static func lorenz(_ values: [Double]) -> [(Double, Double)] {
        let n = values.count
        let total = values.reduce(0, +)
        var points = [(0.0, 0.0)]
        var running = 0.0
        for (i, x) in values.sorted().enumerated() {
            running += x
            points.append((Double(i + 1) / Double(n), total > 0 ? running / total : 0))
        }
        return points
    }

    /// Degree assortativity: Pearson correlation of the degrees at both ends of each tie
    /// (Newman 2002, doi:10.1103/PhysRevLett.89.208701). Undirected: degrees, every edge
    /// counted in both directions; directed: out-degree of the source against in-degree of the
    /// target (networkx `degree_assortativity_coefficient` defaults). nil when undefined
    /// (no arcs or zero variance).
    public static func degreeAssortativity(_ graph: Graph) -> Double? {
        let x: [Int]
        let y: [Int]
        if graph.isDirected {
            x = Degree.outDegree(graph)
            y = Degree.inDegree(graph)
        } else {
            x = Degree.degree(graph)
            y = x
        }
        var pairs: [(Double, Double)] = []
        pairs.reserveCapacity(graph.arcCount)
        for u in 0..<graph.nodeCount {
            for v in graph.outNeighbors(of: u) { pairs.append((Double(x[u]), Double(y[Int(v)]))) }
        }
        return pearson(pairs)
    }

    static func pearson(_ pairs: [(Double, Double)]) -> Double? {
        let m = Double(pairs.count)
        guard m > 0 else { return nil }
        let mx = pairs.reduce(0) { $0 + $1.0 } / m
        let my = pairs.reduce(0) { $0 + $1.1 } / m
        var sxy = 0.0
        var sxx = 0.0
        var syy = 0.0
        for (a, b) in pairs {
            sxy += (a - mx) * (b - my)
            sxx += (a - mx) * (a - mx)
            syy += (b - my) * (b - my)
        }
        guard sxx > 0, syy > 0 else { return nil }
        return sxy / (sxx * syy).squareRoot()
    }

    /// Assortativity by a categorical attribute (Newman 2003, doi:10.1103/PhysRevE.67.026126):
    /// r = (Σ_g e_gg − Σ_g a_g b_g) / (1 − Σ_g a_g b_g), with e the fraction of arcs from group g
    /// to group h (undirected ties as two arcs) — networkx `attribute_assortativity_coefficient`.
    /// nil when undefined (no arcs, or every arc in one group).
    public static func attributeAssortativity(_ graph: Graph, groups: [Int]) -> Double? {
        guard graph.arcCount > 0 else { return nil }
        var within = 0.0
        var a: [Int: Double] = [:]
        var b: [Int: Double] = [:]
        let m = Double(graph.arcCount)
        for u in 0..<graph.nodeCount {
            for v in graph.outNeighbors(of: u) {
                let gu = groups[u]
                let gv = groups[Int(v)]
                if gu == gv { within += 1 }
                a[gu, default: 0] += 1 / m
                b[gv, default: 0] += 1 / m
            }
        }
        let expected = a.reduce(0) { $0 + $1.value * (b[$1.key] ?? 0) }
        guard expected < 1 else { return nil }
        return (within / m - expected) / (1 - expected)
    }

    /// Krackhardt–Stern E-I index: (E − I)/(E + I), E ties between groups and I within
    /// (Krackhardt & Stern 1988, doi:10.2307/2786835). Ties are counted once per connected
    /// pair of actors (the undirected view). −1: all ties within groups; +1: all between.
    /// nil without ties.
    public static func eiIndex(_ graph: Graph, groups: [Int]) -> Double? {
        let view = graph.undirectedNeighbors()
        var external = 0
        var internalTies = 0
        for u in 0..<graph.nodeCount {
            for v in view.targets[view.offsets[u]..<view.offsets[u + 1]] where Int(v) > u {
                if groups[u] == groups[Int(v)] { internalTies += 1 } else { external += 1 }
            }
        }
        let total = external + internalTies
        return total == 0 ? nil : Double(external - internalTies) / Double(total)
    }
}
