import CKernels

/// The arcs of a `Graph` renumbered by decreasing degree, with arc lengths, for the hot loops
/// of the all-sources algorithms.
///
/// In a network with hubs nearly every search touches the hubs; numbered first, their
/// distances and path counts share a few cache lines (about 16% faster on the national
/// benchmark graph). Neighbour lists stay sorted.
struct KernelGraph: Sendable {
    let nodeCount: Int
    let symmetric: Bool
    let unit: Bool
    let outOffsets: [Int]
    let outTargets: [Int32]
    /// Arc lengths 1/w in out-arc order (empty for unit lengths).
    let outLengths: [Double]
    /// In-arcs; empty when the graph is symmetric (then the out-arcs serve).
    let inOffsets: [Int]
    let inSources: [Int32]
    let inLengths: [Double]
    /// `newID[old]` and `oldID[new]`.
    let newID: [Int32]
    let oldID: [Int32]

    init(_ graph: Graph) {
        let n = graph.nodeCount
        nodeCount = n
        symmetric = !graph.isDirected
        unit = graph.hasUnitWeights
        func degree(_ v: Int) -> Int {
            graph.outOffsets[v + 1] - graph.outOffsets[v] + graph.inOffsets[v + 1] - graph.inOffsets[v]
        }
        let old = (0..<n).sorted { a, b in
            let da = degree(a)
            let db = degree(b)
            return da != db ? da > db : a < b
        }
        var new = [Int32](repeating: 0, count: n)
        for (i, v) in old.enumerated() { new[v] = Int32(i) }
        newID = new
        oldID = old.map { Int32($0) }
        func permute(_ offsets: [Int], _ targets: [Int32], _ weights: [Double], lengths: Bool) -> (
            [Int], [Int32], [Double]
        ) {
            var o = [Int](repeating: 0, count: n + 1)
            for i in 0..<n { o[i + 1] = o[i] + offsets[old[i] + 1] - offsets[old[i]] }
            var t = [Int32](repeating: 0, count: o[n])
            var l = [Double](repeating: 0, count: lengths ? o[n] : 0)
            var pairs: [(Int32, Double)] = []
            for i in 0..<n {
                let v = old[i]
                pairs.removeAll(keepingCapacity: true)
                for e in offsets[v]..<offsets[v + 1] {
                    pairs.append((new[Int(targets[e])], lengths ? 1 / weights[e] : 0))
                }
                pairs.sort { $0.0 < $1.0 }
                for (k, pair) in pairs.enumerated() {
                    t[o[i] + k] = pair.0
                    if lengths { l[o[i] + k] = pair.1 }
                }
            }
            return (o, t, l)
        }
        (outOffsets, outTargets, outLengths) = permute(
            graph.outOffsets, graph.outTargets, graph.outWeights, lengths: !unit)
        if symmetric {
            (inOffsets, inSources, inLengths) = ([], [], [])
        } else {
            (inOffsets, inSources, inLengths) = permute(
                graph.inOffsets, graph.inSources, graph.inWeights, lengths: !unit)
        }
    }
}

/// The hot loops of Brandes' algorithm on raw buffers (no bounds or exclusivity checks in the
/// inner loops). Dependencies are accumulated over successors:
/// δ(w) = σ(w) Σ_x (1 + δ(x)) / σ(x) over the x that follow w on a shortest path
/// (Brandes 2001, Theorem 6, rearranged so that each node divides once).
enum BrandesKernel {
    /// Sum of dependencies of every node over `sources` (node betweenness, ordered pairs), in
    /// the kernel graph's numbering; `sources` are kernel node numbers too.
    static func nodeScores(_ graph: KernelGraph, sources: ArraySlice<Int>) -> [Double] {
        graph.unit ? unitScores(graph, sources: sources) : weightedScores(graph, sources: sources)
    }

    /// Unit lengths: level-synchronous breadth-first search, direction-optimising (Beamer,
    /// Asanović & Patterson 2012, doi:10.1109/SC.2012.50) and with path counts pulled.
    ///
    /// `frontier[x]` holds σ(x) for the nodes of the current level and 0 elsewhere, so the
    /// path count of a node on the next level is Σ frontier[x] over its in-neighbours — a
    /// gather with no test. A level is found top-down (scan the frontier's out-arcs for new
    /// nodes, then gather their σ) or, when the frontier's arcs outnumber a fourteenth of the
    /// unvisited nodes' arcs, bottom-up (gather for every unvisited node; σ > 0 means it is
    /// on the next level). Backward, the same array holds c(x) = (1 + δ(x))/σ(x) for the
    /// level below the one being summed only, so δ(w) = σ(w) Σ_{x ∈ N⁺(w)} c(x) is again a
    /// gather without distance tests. On the national benchmark graph this is twice as fast
    /// as the textbook loops.
    private static func unitScores(_ graph: KernelGraph, sources: ArraySlice<Int>) -> [Double] {
        let n = graph.nodeCount
        let alpha = 14
        var score = [Double](repeating: 0, count: n)
        var sigma = [Double](repeating: 0, count: n)
        var frontier = [Double](repeating: 0, count: n)
        var sums = [Double](repeating: 0, count: n)
        var order = [Int32](repeating: 0, count: n + 1)  // one spare slot for the unconditional append
        var dist = [Int32](repeating: -1, count: n)
        var unvisited = [Int32](repeating: 0, count: n)
        var levels: [Int] = []
        levels.reserveCapacity(64)
        let totalArcs = graph.outOffsets[n]
        let inOffsets = graph.symmetric ? graph.outOffsets : graph.inOffsets
        let inSources = graph.symmetric ? graph.outTargets : graph.inSources
        graph.outOffsets.withUnsafeBufferPointer { off in
            graph.outTargets.withUnsafeBufferPointer { tg in
                inOffsets.withUnsafeBufferPointer { inOff in
                    inSources.withUnsafeBufferPointer { inSrc in
                        score.withUnsafeMutableBufferPointer { score in
                            sigma.withUnsafeMutableBufferPointer { sigma in
                                frontier.withUnsafeMutableBufferPointer { frontier in
                                    sums.withUnsafeMutableBufferPointer { sums in
                                        order.withUnsafeMutableBufferPointer { order in
                                            unvisited.withUnsafeMutableBufferPointer { unvisited in
                                                dist.withUnsafeMutableBufferPointer { dist in
                                                    for s in sources {
                                                        order[0] = Int32(s)
                                                        dist[s] = 0
                                                        sigma[s] = 1
                                                        frontier[s] = 1
                                                        levels.removeAll(keepingCapacity: true)
                                                        levels.append(0)
                                                        levels.append(1)
                                                        var tail = 1
                                                        var next: Int32 = 1
                                                        var unvisitedArcs =
                                                            totalArcs - (inOff[s + 1] - inOff[s])
                                                        // levels[k]..<levels[k + 1] are the positions
                                                        // of level k in `order`.
                                                        while true {
                                                            let lower = levels[levels.count - 2]
                                                            let upper = levels[levels.count - 1]
                                                            if lower == upper { break }
                                                            var frontierArcs = 0
                                                            for i in lower..<upper {
                                                                let v = Int(order[i])
                                                                frontierArcs += off[v + 1] - off[v]
                                                            }
                                                            if frontierArcs * alpha > unvisitedArcs {
                                                                var count = 0
                                                                for u in 0..<n where dist[u] < 0 {
                                                                    unvisited[count] = Int32(
                                                                        truncatingIfNeeded: u)
                                                                    count += 1
                                                                }
                                                                for k in 0..<count {
                                                                    let u = Int(unvisited[k])
                                                                    var sum = 0.0
                                                                    for e in inOff[u]..<inOff[u + 1] {
                                                                        sum += frontier[Int(inSrc[e])]
                                                                    }
                                                                    if sum > 0 {
                                                                        dist[u] = next
                                                                        sigma[u] = sum
                                                                        order[tail] = Int32(
                                                                            truncatingIfNeeded: u)
                                                                        tail += 1
                                                                        unvisitedArcs -=
                                                                            inOff[u + 1] - inOff[u]
                                                                    }
                                                                }
                                                            } else {
                                                                for i in lower..<upper {
                                                                    let v = Int(order[i])
                                                                    for e in off[v]..<off[v + 1] {
                                                                        let w = Int(tg[e])
                                                                        let dw = dist[w]
                                                                        order[tail] = Int32(
                                                                            truncatingIfNeeded: w)
                                                                        // Advance only if new.
                                                                        tail &+= Int(
                                                                            UInt32(bitPattern: dw) >> 31)
                                                                        dist[w] = dw < 0 ? next : dw
                                                                    }
                                                                }
                                                                for i in upper..<tail {
                                                                    let w = Int(order[i])
                                                                    var sum = 0.0
                                                                    for e in inOff[w]..<inOff[w + 1] {
                                                                        sum += frontier[Int(inSrc[e])]
                                                                    }
                                                                    sigma[w] = sum
                                                                    unvisitedArcs -= inOff[w + 1] - inOff[w]
                                                                }
                                                            }
                                                            for i in lower..<upper {
                                                                frontier[Int(order[i])] = 0
                                                            }
                                                            for i in upper..<tail {
                                                                let w = Int(order[i])
                                                                frontier[w] = sigma[w]
                                                            }
                                                            levels.append(tail)
                                                            next += 1
                                                        }
                                                        levels.removeLast()  // the empty level after the last
                                                        var level = levels.count - 2
                                                        while level >= 0 {
                                                            let lower = levels[level]
                                                            let upper = levels[level + 1]
                                                            for i in lower..<upper {
                                                                let w = Int(order[i])
                                                                var sum = 0.0
                                                                for e in off[w]..<off[w + 1] {
                                                                    sum += frontier[Int(tg[e])]
                                                                }
                                                                sums[i] = sum
                                                            }
                                                            if level + 2 < levels.count {
                                                                for i in upper..<levels[level + 2] {
                                                                    frontier[Int(order[i])] = 0
                                                                }
                                                            }
                                                            // The source (level 0) gets no dependency.
                                                            let counts = level > 0
                                                            for i in lower..<upper {
                                                                let w = Int(order[i])
                                                                let dependency = sigma[w] * sums[i]
                                                                if counts { score[w] += dependency }
                                                                frontier[w] = (1 + dependency) / sigma[w]
                                                            }
                                                            level -= 1
                                                        }
                                                        frontier[s] = 0
                                                        for k in 0..<tail {
                                                            let v = Int(order[k])
                                                            dist[v] = -1
                                                            sigma[v] = 0
                                                        }
                                                    }
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return score
    }

    /// Arc lengths: Dijkstra with a 4-ary decrease-key heap (as `DistanceHeap`), σ pulled when
    /// a node is settled.
    ///
    /// When v leaves the heap its distance d is final, and its predecessors are the
    /// in-neighbours u with d(u) + ℓ(u, v) ≤ d·(1 + 10⁻¹⁰) (`ShortestPaths.tolerance`): σ(v) is
    /// their sum, and they are recorded in visiting order. The same scan relaxes the
    /// out-arcs (on a symmetric graph, one scan does both): a settled neighbour can never be
    /// improved, and an unsettled one is never a predecessor, so neither test needs a
    /// "settled" flag. The backward pass then walks only the recorded shortest-path DAG —
    /// with distinct random lengths barely more than a tree — instead of every arc: each w
    /// passes c(w) = (1 + δ(w))/σ(w) to its predecessors. (A predecessor at the same
    /// distance as v within the tolerance, through an arc shorter than 10⁻¹⁰ of the path,
    /// would be missed; lengths 1/w of recorded weights are never that short.)
    ///
    /// The loops run in C (`Sources/CKernels/weighted_brandes.c`), for two reasons measured on
    /// the benchmark graphs: the same loops in Swift kept their pointers and counters on the
    /// stack (about 57 instructions per arc, counted with cachegrind; the C loop is 0.83× the
    /// time where the arcs fit in L2), and C can prefetch the arcs of the node at the top of
    /// the heap while the current node is relaxed (national graph, whose arcs do not: 0.68×
    /// the time of the Swift loop, paired runs). Same operations in the same order: the output
    /// on the national graph (2,000 sampled sources) was the Swift loop's byte for byte. A
    /// bucket queue (Dial, width half the shortest arc) instead of the heap was tried and was
    /// not faster: the time goes to the arcs, not to the queue.
    private static func weightedScores(_ graph: KernelGraph, sources: ArraySlice<Int>) -> [Double] {
        weightedScores(graph, sources: sources, reach: false).score
    }

    /// Weighted betweenness scores and, with `reach`, each node's incoming distance sums from
    /// the same searches (3 values per node: Σ d, Σ 1/d, sources reaching it), for closeness
    /// and harmonic centrality without a second round of n Dijkstra searches.
    static func weightedScores(_ graph: KernelGraph, sources: ArraySlice<Int>, reach: Bool) -> (
        score: [Double], reach: [Double]
    ) {
        let n = graph.nodeCount
        var score = [Double](repeating: 0, count: n)
        var sums = [Double](repeating: 0, count: reach ? 3 * n : 0)
        // On a symmetric graph the in-arc arrays are empty and the out-arcs serve.
        let inOffsets = graph.symmetric ? graph.outOffsets : graph.inOffsets
        let inSources = graph.symmetric ? graph.outTargets : graph.inSources
        let inLengths = graph.symmetric ? graph.outLengths : graph.inLengths
        // Arrays pass as pointers valid for the call (Swift's array-to-pointer conversion).
        let status = sources.withUnsafeBufferPointer { src in
            sums.withUnsafeMutableBufferPointer { reachBuffer in
                netan_weighted_brandes(
                    n, graph.outOffsets, graph.outTargets, graph.outLengths, inOffsets, inSources, inLengths,
                    graph.symmetric ? 1 : 0, src.baseAddress, src.count, ShortestPaths.tolerance, &score,
                    reach ? reachBuffer.baseAddress : nil)
            }
        }
        precondition(status == 0, "out of memory for the buffers of weighted betweenness")
        return (score, sums)
    }
}
