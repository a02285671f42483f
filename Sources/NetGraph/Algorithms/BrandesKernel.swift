/// The hot loops of Brandes' algorithm on raw buffers (no bounds or exclusivity checks in the
/// inner loops). Dependencies are accumulated over successors — x follows w on a shortest
/// path when d(x) = d(w) + ℓ(w, x) — so in-arcs are not touched:
/// δ(w) = σ(w) Σ_x (1 + δ(x)) / σ(x) (Brandes 2001, Theorem 6, rearranged).
enum BrandesKernel {
    /// Sum of dependencies of every node over `sources` (node betweenness, ordered pairs).
    /// - Parameter lengths: arc lengths 1/w in out-arc order (weighted graphs; computed once
    ///   per run so the inner loops multiply and add instead of dividing).
    static func nodeScores(_ graph: Graph, lengths: [Double], sources: ArraySlice<Int>) -> [Double] {
        let n = graph.nodeCount
        var score = [Double](repeating: 0, count: n)
        var sigma = [Double](repeating: 0, count: n)
        var delta = [Double](repeating: 0, count: n)
        var order = [Int32](repeating: 0, count: n)
        if graph.hasUnitWeights {
            var dist = [Int32](repeating: -1, count: n)
            graph.outOffsets.withUnsafeBufferPointer { off in
            graph.outTargets.withUnsafeBufferPointer { tg in
            score.withUnsafeMutableBufferPointer { score in
            sigma.withUnsafeMutableBufferPointer { sigma in
            delta.withUnsafeMutableBufferPointer { delta in
            order.withUnsafeMutableBufferPointer { order in
            dist.withUnsafeMutableBufferPointer { dist in
                for s in sources {
                    var head = 0, tail = 1
                    order[0] = Int32(s); dist[s] = 0; sigma[s] = 1
                    while head < tail {
                        let v = Int(order[head]); head += 1
                        let dv = dist[v] + 1, sv = sigma[v]
                        for e in off[v]..<off[v + 1] {
                            let w = Int(tg[e])
                            if dist[w] < 0 { dist[w] = dv; order[tail] = Int32(w); tail += 1 }
                            if dist[w] == dv { sigma[w] += sv }
                        }
                    }
                    // `delta` holds c(x) = (1 + δ(x)) / σ(x) once x is done: one division per
                    // node instead of one per successor arc.
                    var i = tail - 1
                    while i >= 0 {
                        let w = Int(order[i])
                        let next = dist[w] + 1
                        var sum = 0.0
                        for e in off[w]..<off[w + 1] {
                            let x = Int(tg[e])
                            if dist[x] == next { sum += delta[x] }
                        }
                        let dependency = sigma[w] * sum
                        if w != s { score[w] += dependency }
                        delta[w] = (1 + dependency) / sigma[w]
                        i -= 1
                    }
                    for k in 0..<tail { let v = Int(order[k]); dist[v] = -1; sigma[v] = 0; delta[v] = 0 }
                }
            } } } } } } }
        } else {
            var dist = [Double](repeating: .infinity, count: n)
            var settled = [Bool](repeating: false, count: n)
            var heap = DistanceHeap()
            graph.outOffsets.withUnsafeBufferPointer { off in
            graph.outTargets.withUnsafeBufferPointer { tg in
            lengths.withUnsafeBufferPointer { len in
            score.withUnsafeMutableBufferPointer { score in
            sigma.withUnsafeMutableBufferPointer { sigma in
            delta.withUnsafeMutableBufferPointer { delta in
            order.withUnsafeMutableBufferPointer { order in
            dist.withUnsafeMutableBufferPointer { dist in
            settled.withUnsafeMutableBufferPointer { settled in
                for s in sources {
                    var count = 0
                    dist[s] = 0; sigma[s] = 1
                    heap.removeAll()
                    heap.push(0, Int32(s))
                    while let (d, vv) = heap.pop() {
                        let v = Int(vv)
                        if d > dist[v] || settled[v] { continue }
                        settled[v] = true
                        order[count] = vv; count += 1
                        let sv = sigma[v]
                        for e in off[v]..<off[v + 1] {
                            let w = Int(tg[e])
                            if settled[w] { continue }
                            let alt = d + len[e]
                            let dw = dist[w]
                            if dw == .infinity || ShortestPaths.shorter(alt, dw) {
                                dist[w] = alt; sigma[w] = sv
                                heap.push(alt, Int32(w))
                            } else if ShortestPaths.tie(alt, dw) {
                                sigma[w] += sv
                            }
                        }
                    }
                    var i = count - 1
                    while i >= 0 {
                        let w = Int(order[i])
                        let dw = dist[w]
                        var sum = 0.0
                        for e in off[w]..<off[w + 1] {
                            let x = Int(tg[e])
                            let dx = dist[x]
                            if dx > dw && ShortestPaths.tie(dw + len[e], dx) { sum += delta[x] }
                        }
                        let dependency = sigma[w] * sum
                        if w != s { score[w] += dependency }
                        delta[w] = (1 + dependency) / sigma[w]
                        i -= 1
                    }
                    for k in 0..<count { let v = Int(order[k]); dist[v] = .infinity; sigma[v] = 0; delta[v] = 0; settled[v] = false }
                }
            } } } } } } } } }
        }
        return score
    }
}
