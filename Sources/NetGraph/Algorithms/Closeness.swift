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
/// - Complexity: O(nm) unweighted (in 64-source bit-parallel searches, see
///   `unitReach`), O(nm + n² log n) weighted (n Dijkstra searches).
public enum Closeness {
    /// Unit lengths: 64 breadth-first searches at once, one bit per source (multi-source BFS,
    /// Then et al. 2014, doi:10.14778/2735496.2735507), pulled: on every level each node ORs
    /// the frontier words of the nodes it reaches in one step and keeps the bits it had not
    /// seen. One pass over the arcs per level serves 64 sources, and the scan of a node stops
    /// as soon as every source still missing it has arrived. Counts per level give
    /// Σ d = Σ_L L·count(L) and Σ 1/d = Σ_L count(L)/L for each source.
    /// - Parameters:
    ///   - offsets, targets: compressed sparse rows; source u reaches the nodes that have a
    ///     path *to* u along these arcs (for undirected neighbour lists, simply its component).
    ///   - sources: the source nodes, in order; nil for every node (source i is node i).
    ///   - batches: batch k holds sources 64k..<64k + 64 of that list.
    /// - Returns: per source, the nodes reached (itself included), Σ d and Σ 1/d.
    /// - Complexity: O((n/64) · D · m) word operations for eccentricity D, plus O(n²) bit
    ///   visits to count.
    static func unitReach(
        offsets: [Int], targets: [Int32], sources: [Int]? = nil, batches: Range<Int>
    ) -> [Reach] {
        let n = offsets.count - 1
        let sourceCount = sources?.count ?? n
        var seen = [UInt64](repeating: 0, count: n)
        var frontier = [UInt64](repeating: 0, count: n)
        var next = [UInt64](repeating: 0, count: n)
        var result: [Reach] = []
        // Distances *to* u: u's bit travels backwards along arcs, so a node pulls from the
        // nodes it points to (its out-arcs); on symmetric graphs the same arcs.
        offsets.withUnsafeBufferPointer { off in
            targets.withUnsafeBufferPointer { tg in
                seen.withUnsafeMutableBufferPointer { seen in
                    frontier.withUnsafeMutableBufferPointer { frontier in
                        next.withUnsafeMutableBufferPointer { next in
                            for batch in batches {
                                let first = batch * 64
                                let width = min(64, sourceCount - first)
                                let full: UInt64 = width == 64 ? ~0 : (1 << UInt64(width)) - 1
                                for i in 0..<n {
                                    seen[i] = 0
                                    frontier[i] = 0
                                }
                                for j in 0..<width {
                                    let source = sources?[first + j] ?? first + j
                                    seen[source] = 1 << UInt64(j)
                                    frontier[source] = 1 << UInt64(j)
                                }
                                var total = [Int](repeating: 0, count: width)
                                var reached = [Int](repeating: 1, count: width)
                                var harmonic = [Double](repeating: 0, count: width)
                                var level = 0
                                var active = Array(0..<n)  // nodes not yet seen by every source of the batch
                                while true {
                                    level += 1
                                    var counts = [Int](repeating: 0, count: width)
                                    var found = false
                                    for w in active {
                                        let missing = full & ~seen[w]
                                        var gathered: UInt64 = 0
                                        for e in off[w]..<off[w + 1] {
                                            gathered |= frontier[Int(tg[e])]
                                            if gathered & missing == missing { break }
                                        }
                                        var fresh = gathered & missing
                                        next[w] = fresh
                                        if fresh != 0 {
                                            found = true
                                            while fresh != 0 {
                                                counts[fresh.trailingZeroBitCount] += 1
                                                fresh &= fresh - 1
                                            }
                                        }
                                    }
                                    if !found { break }
                                    var kept = 0
                                    for w in active {
                                        frontier[w] = next[w]
                                        seen[w] |= next[w]
                                        if seen[w] != full {
                                            active[kept] = w
                                            kept += 1
                                        }
                                    }
                                    // A node that dropped out keeps its last frontier word: every neighbour
                                    // had those bits by the next level, so they are masked out afterwards.
                                    active.removeLast(active.count - kept)
                                    let inverse = 1 / Double(level)
                                    for j in 0..<width where counts[j] > 0 {
                                        total[j] += level * counts[j]
                                        reached[j] += counts[j]
                                        harmonic[j] += Double(counts[j]) * inverse
                                    }
                                }
                                for j in 0..<width {
                                    result.append(
                                        Reach(reached: reached[j], total: total[j], harmonic: harmonic[j]))
                                }
                            }
                        }
                    }
                }
            }
        }
        return result
    }

    /// What one unit-length search from a source found.
    struct Reach: Sendable {
        /// Nodes reached, the source included.
        var reached: Int
        /// Σ d over the nodes reached.
        var total: Int
        /// Σ 1/d over the nodes reached (source excluded).
        var harmonic: Double
    }

    /// Closeness and harmonic centrality of every node, indexed by node.
    public struct Result: Sendable {
        /// Closeness with the Wasserman–Faust correction ((r − 1)/(n − 1)) · (r − 1)/Σ_v d(v, u);
        /// already in [0, 1], 0 for a node no other node reaches.
        public var closeness: [Double]
        /// Raw harmonic centrality Σ_{v ≠ u} 1/d(v, u) (networkx `harmonic_centrality`).
        public var harmonic: [Double]
        /// Harmonic centrality divided by n − 1 (igraph `normalized=True`); 0 when n < 2.
        public var harmonicNormalized: [Double]
    }

    /// Closeness and harmonic centrality of every node over incoming distances (see the type
    /// documentation). Sources are split in blocks over `Parallel.threadCount` threads.
    /// - Complexity: O(nm) unweighted, O(nm + n² log n) weighted.
    public static func compute(_ graph: Graph) -> Result {
        let n = graph.nodeCount
        let work = Double(n) * Double(graph.arcCount + n)
        if graph.hasUnitWeights {
            let batches = (n + 63) / 64
            let values = Parallel.blocks(count: batches, work: work / 16, task: "closeness") { range in
                unitReach(offsets: graph.outOffsets, targets: graph.outTargets, batches: range)
            }.flatMap { $0 }
            let closeness = values.map { v -> Double in
                let r = Double(v.reached)
                return v.total > 0 && n > 1 ? (r - 1) / Double(v.total) * ((r - 1) / Double(n - 1)) : 0
            }
            let harmonic = values.map(\.harmonic)
            return Result(
                closeness: closeness, harmonic: harmonic,
                harmonicNormalized: harmonic.map { n > 1 ? $0 / Double(n - 1) : 0 })
        }
        let incoming = graph.isDirected ? graph.reversed : graph
        let blocks = Parallel.blocks(count: n, work: work, task: "closeness") { range -> [(Double, Double)] in
            var workspace = ShortestPaths.Workspace(nodeCount: n)
            return range.map { u in
                workspace.run(incoming, source: u, countPaths: false)
                var total = 0.0
                var harmonic = 0.0
                for v in workspace.order {
                    let d = workspace.distance[Int(v)]
                    if d > 0 {
                        total += d
                        harmonic += 1 / d
                    }
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
        return Result(
            closeness: values.map(\.0), harmonic: harmonic,
            harmonicNormalized: harmonic.map { n > 1 ? $0 / Double(n - 1) : 0 })
    }
}
