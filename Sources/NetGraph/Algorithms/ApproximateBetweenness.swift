import Foundation

extension Betweenness {
    /// Betweenness with a guaranteed error bound, by sampling shortest paths
    /// (Riondato & Kornaropoulos 2016, doi:10.1007/s10618-015-0423-0).
    ///
    /// Draws r = ⌈(c/ε²)(⌊log₂(VD − 2)⌋ + 1 + ln(1/δ))⌉ node pairs (s, t), s ≠ t, uniformly
    /// (c = 0.5; VD an upper bound on the vertex diameter), picks one shortest s–t path
    /// uniformly among all (walking back from t, predecessor v of w with probability σ_v/σ_w)
    /// and credits its interior nodes with 1/r. With probability at least 1 − δ every node's
    /// estimate of b(v) = C_B(v)/(n(n − 1)) — betweenness as a fraction of ordered pairs — is
    /// within ε of the truth. Results are rescaled to netan's raw and normalised conventions,
    /// so the raw error bound is ε·n(n − 1) (directed) or ε·n(n − 1)/2 (undirected).
    ///
    /// VD bound: 2·(BFS depth) + 1 per component on undirected unweighted graphs; otherwise
    /// the size of the largest weak component. Unweighted graphs sample each path with a
    /// balanced bidirectional BFS (`BidirectionalSampler`); weighted ones with Dijkstra.
    /// - Complexity: O(r · m) unweighted, O(r · m log n) weighted; r does not grow with n.
    public static func approximate(_ graph: Graph, epsilon: Double, delta: Double, seed: UInt64) -> (
        result: Result, samples: Int, vertexDiameterBound: Int
    ) {
        precondition(
            epsilon > 0 && epsilon < 1 && delta > 0 && delta < 1, "epsilon and delta must lie in (0, 1)")
        let n = graph.nodeCount
        guard n >= 3 else {
            return (
                Result(
                    raw: [Double](repeating: 0, count: n),
                    arcs: [Double](repeating: 0, count: graph.arcCount),
                    normalized: [Double](repeating: 0, count: n)), 0, n
            )
        }
        let (r, vd) = sampleCount(graph, epsilon: epsilon, delta: delta)
        var rng = SplitMix64(seed: seed)
        let pairs: [(Int, Int)] = (0..<r).map { _ in
            let s = Int(rng.next(below: UInt64(n)))
            var t = Int(rng.next(below: UInt64(n - 1)))
            if t >= s { t += 1 }
            return (s, t)
        }
        // Per-sample random numbers drawn up front keep the result independent of threads.
        let seeds = (0..<r).map { _ in rng.next() }
        let work = Double(r) * Double(graph.arcCount + n)
        let partials = Parallel.blocks(count: r, work: work, task: "betweenness (sampled)") {
            range -> [Double] in
            var counts = [Double](repeating: 0, count: n)
            if graph.hasUnitWeights {
                var sampler = BidirectionalSampler(graph)
                for i in range {
                    var local = SplitMix64(seed: seeds[i])
                    for v in sampler.samplePath(pairs[i].0, pairs[i].1, &local) { counts[v] += 1 }
                }
                return counts
            }
            var ws = ShortestPaths.Workspace(nodeCount: n)
            for i in range {
                let (s, t) = pairs[i]
                ws.run(graph, source: s, countPaths: true)
                guard ws.distance[t] < .infinity else { continue }
                var local = SplitMix64(seed: seeds[i])
                var w = t
                while true {
                    // Choose a predecessor v of w with probability σ_v / σ_w.
                    let target = local.nextDouble() * ws.sigma[w]
                    var running = 0.0
                    var chosen = -1
                    for e in graph.inOffsets[w]..<graph.inOffsets[w + 1] {
                        let v = Int(graph.inSources[e])
                        let dv = ws.distance[v]
                        let dw = ws.distance[w]
                        let isPredecessor =
                            graph.hasUnitWeights
                            ? dv == dw - 1 : (dv < dw && ShortestPaths.tie(dv + 1 / graph.inWeights[e], dw))
                        guard isPredecessor else { continue }
                        running += ws.sigma[v]
                        chosen = v
                        if running > target { break }
                    }
                    if chosen < 0 || chosen == s { break }
                    counts[chosen] += 1
                    w = chosen
                }
            }
            return counts
        }
        var fraction = [Double](repeating: 0, count: n)
        for counts in partials { for i in 0..<n { fraction[i] += counts[i] / Double(r) } }
        let orderedPairs = Double(n) * Double(n - 1)
        let raw = fraction.map { $0 * orderedPairs * (graph.isDirected ? 1 : 0.5) }
        let denominator = Double(n - 1) * Double(n - 2) * (graph.isDirected ? 1 : 0.5)
        return (Result(raw: raw, arcs: [], normalized: raw.map { $0 / denominator }), r, vd)
    }

    /// The number of sampled paths r = ⌈(c/ε²)(⌊log₂(VD − 2)⌋ + 1 + ln(1/δ))⌉, c = 0.5, for a
    /// bound VD on the vertex diameter (Riondato & Kornaropoulos 2016, Theorem 1).
    public static func sampleCount(_ graph: Graph, epsilon: Double, delta: Double) -> (
        samples: Int, vertexDiameterBound: Int
    ) {
        let vd = vertexDiameterBound(graph)
        let logTerm = vd > 2 ? floor(log2(Double(vd - 2))) : 0
        return (Int(ceil(0.5 / (epsilon * epsilon) * (logTerm + 1 + log(1 / delta)))), vd)
    }

    static func vertexDiameterBound(_ graph: Graph) -> Int {
        let components = Structure.weakComponents(graph)
        var sizes = [Int](repeating: 0, count: components.count)
        for c in components.labels { sizes[c] += 1 }
        guard !graph.isDirected && graph.hasUnitWeights else { return sizes.max() ?? 0 }
        var seen = [Bool](repeating: false, count: components.count)
        var bound = 0
        for v in 0..<graph.nodeCount where !seen[components.labels[v]] {
            seen[components.labels[v]] = true
            let depth = ShortestPaths.distances(graph, from: v).filter { $0.isFinite }.max() ?? 0
            bound = max(bound, min(2 * Int(depth) + 1, sizes[components.labels[v]]))
        }
        return bound
    }
}
