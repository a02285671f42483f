/// The hot loops of Brandes' algorithm on raw buffers (no bounds or exclusivity checks in the
/// inner loops). Dependencies are accumulated over successors — x follows w on a shortest
/// path when d(x) = d(w) + ℓ(w, x) — so in-arcs are not touched:
/// δ(w) = σ(w) Σ_x (1 + δ(x)) / σ(x) (Brandes 2001, Theorem 6, rearranged).
enum BrandesKernel {
    /// Sum of dependencies of every node over `sources` (node betweenness, ordered pairs).
    static func nodeScores(_ graph: Graph, sources: ArraySlice<Int>) -> [Double] {
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
                    var i = tail - 1
                    while i >= 0 {
                        let w = Int(order[i])
                        let next = dist[w] + 1
                        var sum = 0.0
                        for e in off[w]..<off[w + 1] {
                            let x = Int(tg[e])
                            if dist[x] == next { sum += (1 + delta[x]) / sigma[x] }
                        }
                        delta[w] = sigma[w] * sum
                        if w != s { score[w] += delta[w] }
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
            graph.outWeights.withUnsafeBufferPointer { wt in
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
                            let alt = d + 1 / wt[e]
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
                            if dx > dw && ShortestPaths.tie(dw + 1 / wt[e], dx) { sum += (1 + delta[x]) / sigma[x] }
                        }
                        delta[w] = sigma[w] * sum
                        if w != s { score[w] += delta[w] }
                        i -= 1
                    }
                    for k in 0..<count { let v = Int(order[k]); dist[v] = .infinity; sigma[v] = 0; delta[v] = 0; settled[v] = false }
                }
            } } } } } } } } }
        }
        return score
    }
}
