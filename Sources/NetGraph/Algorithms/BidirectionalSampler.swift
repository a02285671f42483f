/// Uniform sampling of one shortest s–t path on an unweighted graph by balanced bidirectional
/// BFS, as Riondato & Kornaropoulos (2016, §5.1) and KADABRA (Borassi & Natale 2019,
/// doi:10.1145/3284359) do: the side with the smaller frontier grows one whole level at a time
/// until the two searches touch. On small-world networks each search then visits about √n
/// nodes instead of all of them.
///
/// When the searches first touch, every touching node w lies at the same distance from s and
/// from t, and σ_st = Σ_w σ_s(w)·σ_t(w). A path is drawn by choosing w with probability
/// σ_s(w)σ_t(w)/σ_st and walking back to s (predecessor v with probability σ_s(v)/σ_s(·)) and on
/// to t (successor x with probability σ_t(x)/σ_t(·)).
struct BidirectionalSampler {
    let graph: Graph
    var distS: [Int32], distT: [Int32]
    var sigmaS: [Double], sigmaT: [Double]
    var touched: [Int32] = []

    init(_ graph: Graph) {
        self.graph = graph
        let n = graph.nodeCount
        distS = [Int32](repeating: -1, count: n)
        distT = distS
        sigmaS = [Double](repeating: 0, count: n)
        sigmaT = sigmaS
    }

    /// Interior nodes of one uniformly drawn shortest s–t path (empty if t is unreachable or
    /// adjacent).
    mutating func samplePath(_ s: Int, _ t: Int, _ rng: inout SplitMix64) -> [Int] {
        defer {
            for v in touched {
                distS[Int(v)] = -1
                distT[Int(v)] = -1
                sigmaS[Int(v)] = 0
                sigmaT[Int(v)] = 0
            }
            touched.removeAll(keepingCapacity: true)
        }
        distS[s] = 0
        sigmaS[s] = 1
        distT[t] = 0
        sigmaT[t] = 1
        touched.append(Int32(s))
        touched.append(Int32(t))
        var frontierS = [s]
        var frontierT = [t]
        var meeting: [Int] = []
        while meeting.isEmpty && !frontierS.isEmpty && !frontierT.isEmpty {
            // Grow the side whose frontier has fewer arcs to scan.
            let volumeS = frontierS.reduce(0) { $0 + graph.outDegree(of: $1) }
            let volumeT = frontierT.reduce(0) { $0 + graph.inDegree(of: $1) }
            if volumeS <= volumeT {
                frontierS = expand(frontierS, forward: true, meeting: &meeting)
            } else {
                frontierT = expand(frontierT, forward: false, meeting: &meeting)
            }
        }
        guard !meeting.isEmpty else { return [] }
        // Choose the meeting node w ∝ σ_s(w)·σ_t(w).
        let weights = meeting.map { sigmaS[$0] * sigmaT[$0] }
        var target = rng.nextDouble() * weights.reduce(0, +)
        var w = meeting.last!
        for (k, m) in meeting.enumerated() {
            target -= weights[k]
            if target < 0 {
                w = m
                break
            }
        }
        var path: [Int] = []
        if w != s && w != t { path.append(w) }
        // Back to s over in-arcs, forward to t over out-arcs.
        var v = w
        while distS[v] > 0 {
            v = step(from: v, towardSource: true, &rng)
            if v != s { path.append(v) }
        }
        v = w
        while distT[v] > 0 {
            v = step(from: v, towardSource: false, &rng)
            if v != t { path.append(v) }
        }
        return path
    }

    /// Expands one whole BFS level; nodes of the new level already reached by the other side
    /// are collected in `meeting`.
    private mutating func expand(_ frontier: [Int], forward: Bool, meeting: inout [Int]) -> [Int] {
        var next: [Int] = []
        for u in frontier {
            let du = forward ? distS[u] : distT[u]
            let su = forward ? sigmaS[u] : sigmaT[u]
            let neighbours = forward ? graph.outNeighbors(of: u) : graph.inNeighbors(of: u)
            for wRaw in neighbours {
                let w = Int(wRaw)
                if forward {
                    if distS[w] < 0 {
                        distS[w] = du + 1
                        sigmaS[w] = su
                        next.append(w)
                        if distT[w] < 0 { touched.append(Int32(w)) } else { meeting.append(w) }
                    } else if distS[w] == du + 1 {
                        sigmaS[w] += su
                    }
                } else {
                    if distT[w] < 0 {
                        distT[w] = du + 1
                        sigmaT[w] = su
                        next.append(w)
                        if distS[w] < 0 { touched.append(Int32(w)) } else { meeting.append(w) }
                    } else if distT[w] == du + 1 {
                        sigmaT[w] += su
                    }
                }
            }
        }
        return next
    }

    /// One step towards s (a predecessor on the s side) or towards t, chosen ∝ σ.
    private func step(from v: Int, towardSource: Bool, _ rng: inout SplitMix64) -> Int {
        let dist = towardSource ? distS : distT
        let sigma = towardSource ? sigmaS : sigmaT
        let neighbours = towardSource ? graph.inNeighbors(of: v) : graph.outNeighbors(of: v)
        let want = dist[v] - 1
        var target = rng.nextDouble() * sigma[v]
        var chosen = -1
        for xRaw in neighbours {
            let x = Int(xRaw)
            guard dist[x] == want else { continue }
            chosen = x
            target -= sigma[x]
            if target < 0 { break }
        }
        return chosen
    }
}
