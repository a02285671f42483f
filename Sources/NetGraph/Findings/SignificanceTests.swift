/// Conditional uniform graph (CUG) test: the share of uniform random graphs with the same
/// number of nodes and arcs (and directedness) whose statistic is at least the observed one.
/// Anderson, Butts & Carley 1999, doi:10.1016/S0378-8733(98)00012-4. p = (1 + #{≥ observed})/(N + 1).
enum CUGTest {
    /// p-value of `observed` against `permutations` seeded random graphs like `graph`; random
    /// graphs where `statistic` is undefined (nil) do not count as reaching it.
    static func pValue(
        _ graph: Graph, permutations: Int, seed: UInt64, observed: Double, statistic: (Graph) -> Double?
    ) -> Double {
        var rng = SplitMix64(seed: seed)
        let n = graph.nodeCount
        let edges = graph.isDirected ? graph.arcCount : graph.arcCount / 2
        var atLeast = 0
        for _ in 0..<permutations {
            var chosen = Set<Int>()
            var arcs: [(Int32, Int32, Double)] = []
            while chosen.count < edges {
                let u = Int(rng.next(below: UInt64(n)))
                let v = Int(rng.next(below: UInt64(n)))
                guard u != v else { continue }
                let key = graph.isDirected ? u * n + v : min(u, v) * n + max(u, v)
                if chosen.insert(key).inserted {
                    arcs.append((Int32(u), Int32(v), 1))
                    if !graph.isDirected { arcs.append((Int32(v), Int32(u), 1)) }
                }
            }
            let random = Graph(nodeCount: n, arcs: arcs, isDirected: graph.isDirected, weights: .ignore)
            if let value = statistic(random), value >= observed - 1e-12 { atLeast += 1 }
        }
        return Double(1 + atLeast) / Double(permutations + 1)
    }

    /// Freeman degree centralization of `g`, nil where undefined.
    static func degreeCentralization(_ g: Graph) -> Double? {
        NetworkMeasures.centralization(
            Degree.degree(g).map(Double.init),
            denominator: NetworkMeasures.freemanDenominator(
                .degree, nodeCount: g.nodeCount, directed: g.isDirected))
    }

    /// Freeman betweenness centralization of `g`, nil where undefined.
    static func betweennessCentralization(_ g: Graph) -> Double? {
        NetworkMeasures.centralization(
            Betweenness.compute(g).raw,
            denominator: NetworkMeasures.freemanDenominator(
                .betweenness, nodeCount: g.nodeCount, directed: g.isDirected))
    }
}

/// Permutation p-value: share of seeded random relabellings whose statistic reaches the
/// observed one, p = (1 + #{≥ observed})/(N + 1).
enum Permutation {
    /// p-value of `observed` against `permutations` draws of `statistic`, which gets the
    /// seeded generator to draw its relabelling from.
    static func pValue(
        permutations: Int, seed: UInt64, observed: Double, _ statistic: (inout SplitMix64) -> Double
    ) -> Double {
        var rng = SplitMix64(seed: seed)
        var atLeast = 0
        for _ in 0..<permutations where statistic(&rng) >= observed - 1e-12 { atLeast += 1 }
        return Double(1 + atLeast) / Double(permutations + 1)
    }
}
