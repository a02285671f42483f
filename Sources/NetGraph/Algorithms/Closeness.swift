/// Closeness and harmonic centrality.
///
/// Both use **incoming** distances d(v, u) — how close others are to u — as networkx does
/// (it reverses a directed graph); on undirected graphs direction does not matter. Arc
/// length is 1/weight on weighted graphs.
///
/// - Closeness (Freeman 1979; Wasserman & Faust 1994, §5.3, for disconnected graphs):
///   C(u) = ((r − 1)/(n − 1)) · (r − 1)/Σ_v d(v, u), with r the number of nodes that reach u,
///   u included — networkx's `wf_improved=True`; equals (n − 1)/Σ d on connected graphs. An
///   isolate (r = 1) gets 0. igraph instead reports (r − 1)/Σ d and NaN for isolates.
/// - Harmonic (Marchiori & Latora 2000, doi:10.1016/S0378-4371(00)00311-3; Boldi & Vigna
///   2014, doi:10.1080/15427951.2013.865686): H(u) = Σ_{v ≠ u} 1/d(v, u), 1/∞ = 0; raw as
///   networkx; normalised H/(n − 1) as igraph's `normalized=True`.
///
/// - Complexity: n single-source searches: O(nm) unweighted, O(nm + n² log n) weighted.
public enum Closeness {
    /// Breadth-first searches on raw buffers for unit lengths: (closeness, harmonic) per source.
    static func unitDistanceSums(_ graph: Graph, _ range: Range<Int>) -> [(Double, Double)] {
        let n = graph.nodeCount
        var dist = [Int32](repeating: -1, count: n)
        var queue = [Int32](repeating: 0, count: n)
        var result: [(Double, Double)] = []
        result.reserveCapacity(range.count)
        graph.outOffsets.withUnsafeBufferPointer { off in
        graph.outTargets.withUnsafeBufferPointer { tg in
        dist.withUnsafeMutableBufferPointer { dist in
        queue.withUnsafeMutableBufferPointer { queue in
            for u in range {
                var head = 0, tail = 1
                queue[0] = Int32(u); dist[u] = 0
                var total = 0, harmonic = 0.0
                while head < tail {
                    let v = Int(queue[head]); head += 1
                    let dv = dist[v]
                    if dv > 0 { total += Int(dv); harmonic += 1 / Double(dv) }
                    for e in off[v]..<off[v + 1] {
                        let w = Int(tg[e])
                        if dist[w] < 0 { dist[w] = dv + 1; queue[tail] = Int32(w); tail += 1 }
                    }
                }
                for k in 0..<tail { dist[Int(queue[k])] = -1 }
                let reached = Double(tail)
                let closeness = total > 0 && n > 1 ? (reached - 1) / Double(total) * ((reached - 1) / Double(n - 1)) : 0
                result.append((closeness, harmonic))
            }
        } } } }
        return result
    }

    public struct Result: Sendable {
        public var closeness: [Double]
        public var harmonic: [Double]
        public var harmonicNormalized: [Double]
    }

    public static func compute(_ graph: Graph) -> Result {
        let n = graph.nodeCount
        let incoming = graph.isDirected ? graph.reversed : graph
        let work = Double(n) * Double(graph.arcCount + n)
        let blocks = Parallel.blocks(count: n, work: work, task: "closeness") { range -> [(Double, Double)] in
            var workspace = ShortestPaths.Workspace(nodeCount: n)
            return range.map { u in
                workspace.run(incoming, source: u, countPaths: false)
                var total = 0.0, harmonic = 0.0
                for v in workspace.order {
                    let d = workspace.distance[Int(v)]
                    if d > 0 { total += d; harmonic += 1 / d }
                }
                let reached = Double(workspace.order.count)
                var closeness = 0.0
                if total > 0 && n > 1 {
                    closeness = (reached - 1) / total * ((reached - 1) / Double(n - 1))
                }
                return (closeness, harmonic)
            }
        }
        let values = blocks.flatMap { $0 }
        let harmonic = values.map(\.1)
        return Result(closeness: values.map(\.0), harmonic: harmonic,
                      harmonicNormalized: harmonic.map { n > 1 ? $0 / Double(n - 1) : 0 })
    }
}
