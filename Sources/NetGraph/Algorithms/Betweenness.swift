/// Betweenness centrality (Brandes' algorithm), exact or from a sample of sources.
///
/// C_B(v) = Σ_{s ≠ v ≠ t} σ_st(v) / σ_st, with σ_st the number of shortest s–t paths and
/// σ_st(v) those through v (Freeman 1977, doi:10.2307/3033543; Brandes 2001,
/// doi:10.1080/0022250X.2001.9990249).
///
/// - Raw values count **unordered** pairs on undirected graphs (each pair once, = igraph and
///   networkx `normalized=False`) and ordered pairs on graphs with directed relations. In a
///   view mixing directed and undirected relations, undirected ties are two arcs and pairs
///   are ordered.
/// - Normalised: raw / ((n−1)(n−2)/2) undirected, raw / ((n−1)(n−2)) directed (0 when n < 3).
/// - Weighted: an arc of strength w has length 1/w; lengths are compared with a relative
///   tolerance (`ShortestPaths.tolerance`) so tied paths are all counted, as igraph does.
///   networkx compares floating sums exactly and can lose ties (karate, weighted: node 0
///   exact 209.0, networkx 208.5).
/// - Complexity: O(nm) unweighted, O(nm + n² log n) weighted; O(n + m) extra space per
///   thread. Sources are split in blocks over `Parallel.threadCount` threads.
public enum Betweenness {
    /// Betweenness of every node (and, from `computeWithEdges`, every arc).
    public struct Result: Sendable {
        /// Raw betweenness per node.
        public var raw: [Double]
        /// Raw betweenness per arc, in out-arc (CSR) order; on undirected graphs both arcs of
        /// an edge carry the edge's value (unordered pairs).
        public var arcs: [Double]
        /// Normalised per node (see type documentation).
        public var normalized: [Double]
    }

    /// Exact betweenness of every node (the fast kernel; `Result.arcs` is empty).
    public static func compute(_ graph: Graph) -> Result {
        nodesOnly(graph, sources: Array(0..<graph.nodeCount), scale: 1)
    }

    /// Exact betweenness of every node and every arc (edge betweenness).
    public static func computeWithEdges(_ graph: Graph) -> Result {
        compute(graph, sources: Array(0..<graph.nodeCount), scale: 1)
    }

    static func nodesOnly(_ graph: Graph, sources: [Int], scale: Double) -> Result {
        let n = graph.nodeCount
        let work = Double(sources.count) * Double(graph.arcCount + n)
        let kernel = KernelGraph(graph)
        let kernelSources = sources.map { Int(kernel.newID[$0]) }
        let partials = Parallel.blocks(count: sources.count, work: work, task: "betweenness") { range in
            BrandesKernel.nodeScores(kernel, sources: kernelSources[range])
        }
        var raw = [Double](repeating: 0, count: n)
        for partial in partials { for i in 0..<n { raw[Int(kernel.oldID[i])] += partial[i] } }
        let factor = (graph.isDirected ? 1.0 : 0.5) * scale
        for i in 0..<n { raw[i] *= factor }
        let denominator = Double(n - 1) * Double(n - 2) * (graph.isDirected ? 1 : 0.5)
        return Result(raw: raw, arcs: [], normalized: raw.map { n < 3 ? 0 : $0 / denominator })
    }

    /// Exact weighted betweenness and closeness/harmonic centrality from one round of n
    /// Dijkstra searches (the C kernel): each search from s gives both the dependencies and the
    /// distances d(s, v) that v's incoming closeness sums need. Nil for unit lengths, where
    /// the two have faster separate algorithms (bit-parallel BFS for closeness).
    ///
    /// Values equal ``compute(_:)`` and ``Closeness/compute(_:)`` up to the order of floating
    /// point sums (about 1e-15 relative). On the national benchmark graph this saves the
    /// second round of searches, half of `netan analyze` with weights.
    public static func withCloseness(_ graph: Graph) -> (betweenness: Result, closeness: Closeness.Result)? {
        guard !graph.hasUnitWeights else { return nil }
        let n = graph.nodeCount
        let work = Double(n) * Double(graph.arcCount + n)
        let kernel = KernelGraph(graph)
        let sources = Array(0..<n)
        let partials = Parallel.blocks(count: n, work: work, task: "betweenness and closeness") { range in
            BrandesKernel.weightedScores(kernel, sources: sources[range], reach: true)
        }
        var raw = [Double](repeating: 0, count: n)
        var total = [Double](repeating: 0, count: n)
        var harmonic = [Double](repeating: 0, count: n)
        var reached = [Double](repeating: 0, count: n)
        for partial in partials {
            for i in 0..<n {
                let old = Int(kernel.oldID[i])
                raw[old] += partial.score[i]
                total[old] += partial.reach[3 * i]
                harmonic[old] += partial.reach[3 * i + 1]
                reached[old] += partial.reach[3 * i + 2]
            }
        }
        let factor = graph.isDirected ? 1.0 : 0.5
        for i in 0..<n { raw[i] *= factor }
        let denominator = Double(n - 1) * Double(n - 2) * (graph.isDirected ? 1 : 0.5)
        let betweenness = Result(raw: raw, arcs: [], normalized: raw.map { n < 3 ? 0 : $0 / denominator })
        // Wasserman–Faust closeness as in Closeness.compute: r counts u itself.
        let closeness = (0..<n).map { u -> Double in
            let r = reached[u] + 1
            return total[u] > 0 && n > 1 ? (r - 1) / total[u] * ((r - 1) / Double(n - 1)) : 0
        }
        return (
            betweenness,
            Closeness.Result(
                closeness: closeness, harmonic: harmonic,
                harmonicNormalized: harmonic.map { n > 1 ? $0 / Double(n - 1) : 0 })
        )
    }

    /// Betweenness estimated from `sampleSize` source nodes drawn uniformly without
    /// replacement with a seeded generator, scaled by n / k (Brandes & Pich 2007,
    /// doi:10.1142/S0218127407018403). Unbiased; its error shrinks as 1/√k.
    public static func sampled(_ graph: Graph, sampleSize: Int, seed: UInt64) -> Result {
        let n = graph.nodeCount
        let k = min(max(1, sampleSize), n)
        var rng = SplitMix64(seed: seed)
        return nodesOnly(graph, sources: rng.sample(k, of: n), scale: Double(n) / Double(k))
    }

    static func compute(_ graph: Graph, sources: [Int], scale: Double) -> Result {
        let n = graph.nodeCount
        let work = Double(sources.count) * Double(graph.arcCount + n)
        let partials = Parallel.blocks(count: sources.count, work: work, task: "betweenness") {
            range -> ([Double], [Double]) in
            var nodeScore = [Double](repeating: 0, count: n)
            var arcScore = [Double](repeating: 0, count: graph.arcCount)  // in-arc (CSR) order
            var workspace = ShortestPaths.Workspace(nodeCount: n)
            var delta = [Double](repeating: 0, count: n)
            for index in range {
                let s = sources[index]
                workspace.run(graph, source: s, countPaths: true)
                accumulate(graph, source: s, &workspace, &delta, &nodeScore, &arcScore)
            }
            return (nodeScore, arcScore)
        }
        var raw = [Double](repeating: 0, count: n)
        var inArcs = [Double](repeating: 0, count: graph.arcCount)
        for (nodeScore, arcScore) in partials {
            for i in 0..<n { raw[i] += nodeScore[i] }
            for e in 0..<graph.arcCount { inArcs[e] += arcScore[e] }
        }
        // Undirected: every unordered pair was counted from both ends.
        let pairFactor = graph.isDirected ? 1.0 : 0.5
        for i in 0..<n { raw[i] *= pairFactor * scale }
        let arcs = outArcOrder(graph, inArcs).map { $0 * scale }
        var arcResult = arcs
        if !graph.isDirected {
            // Edge value = (arc u→v + arc v→u) / 2, stored on both arcs.
            for u in 0..<n {
                for e in graph.outOffsets[u]..<graph.outOffsets[u + 1] {
                    let v = Int(graph.outTargets[e])
                    if let back = arcIndex(graph, from: v, to: u) {
                        arcResult[e] = (arcs[e] + arcs[back]) * 0.5
                    }
                }
            }
        }
        let denominator = Double(n - 1) * Double(n - 2) * (graph.isDirected ? 1 : 0.5)
        let normalized = raw.map { n < 3 ? 0 : $0 / denominator }
        return Result(raw: raw, arcs: arcResult, normalized: normalized)
    }

    /// Brandes phase 2: dependency accumulation in reverse settled order.
    private static func accumulate(
        _ graph: Graph, source: Int, _ ws: inout ShortestPaths.Workspace,
        _ delta: inout [Double], _ nodeScore: inout [Double], _ arcScore: inout [Double]
    ) {
        for v in ws.order { delta[Int(v)] = 0 }
        let unit = graph.hasUnitWeights
        for position in stride(from: ws.order.count - 1, through: 0, by: -1) {
            let w = Int(ws.order[position])
            let dw = ws.distance[w]
            let coefficient = (1 + delta[w]) / ws.sigma[w]
            for e in graph.inOffsets[w]..<graph.inOffsets[w + 1] {
                let v = Int(graph.inSources[e])
                let dv = ws.distance[v]
                let isPredecessor =
                    unit ? dv == dw - 1 : (dv < dw && ShortestPaths.tie(dv + 1 / graph.inWeights[e], dw))
                if isPredecessor {
                    let c = ws.sigma[v] * coefficient
                    delta[v] += c
                    arcScore[e] += c
                }
            }
            if w != source { nodeScore[w] += delta[w] }
        }
    }

    /// Index of the out-arc u → v, by binary search in u's sorted targets.
    static func arcIndex(_ graph: Graph, from u: Int, to v: Int) -> Int? {
        var lo = graph.outOffsets[u]
        var hi = graph.outOffsets[u + 1]
        while lo < hi {
            let mid = (lo + hi) / 2
            let t = Int(graph.outTargets[mid])
            if t == v { return mid }
            if t < v { lo = mid + 1 } else { hi = mid }
        }
        return nil
    }

    /// Maps values stored in in-arc order to out-arc order.
    private static func outArcOrder(_ graph: Graph, _ inArcValues: [Double]) -> [Double] {
        var result = [Double](repeating: 0, count: graph.arcCount)
        for w in 0..<graph.nodeCount {
            for e in graph.inOffsets[w]..<graph.inOffsets[w + 1] {
                if let out = arcIndex(graph, from: Int(graph.inSources[e]), to: w) {
                    result[out] = inArcValues[e]
                }
            }
        }
        return result
    }
}
