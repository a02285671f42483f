/// Group representation, rank correlation and fragmentation.
public enum Inequality {
    /// Representation ratio of each group: (share of the measure's total held by the group) /
    /// (share of actors in the group). 1 = proportional; 0.5 = half its fair share; nil when
    /// the measure's total is 0.
    public static func representationRatio(_ values: [Double], groups: [Int]) -> [Int: Double]? {
        let total = values.reduce(0, +)
        guard total > 0, !values.isEmpty else { return nil }
        var held: [Int: Double] = [:]
        var count: [Int: Double] = [:]
        for (v, g) in zip(values, groups) {
            held[g, default: 0] += v
            count[g, default: 0] += 1
        }
        let n = Double(values.count)
        return held.mapValues { $0 / total }.reduce(into: [:]) { result, entry in
            result[entry.key] = entry.value / (count[entry.key]! / n)
        }
    }

    /// Ranks 1…n with ties given their average rank.
    static func ranks(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var ranks = [Double](repeating: 0, count: values.count)
        var i = 0
        while i < order.count {
            var j = i
            while j + 1 < order.count && values[order[j + 1]] == values[order[i]] { j += 1 }
            let average = Double(i + j) / 2 + 1
            for k in i...j { ranks[order[k]] = average }
            i = j + 1
        }
        return ranks
    }

    /// Spearman rank correlation (Pearson correlation of average ranks); nil with fewer than
    /// three pairs or no variation.
    public static func spearman(_ x: [Double], _ y: [Double]) -> Double? {
        guard x.count == y.count, x.count >= 3 else { return nil }
        return NetworkMeasures.pearson(Array(zip(ranks(x), ranks(y))))
    }

    /// Fragmentation F alone, from component sizes: O(n + m) instead of all-pairs BFS.
    public static func componentFragmentation(_ graph: Graph, removing removed: Int? = nil) -> Double {
        let view = graph.undirectedNeighbors()
        let total = graph.nodeCount - (removed == nil ? 0 : 1)
        guard total >= 2 else { return 0 }
        var seen = [Bool](repeating: false, count: graph.nodeCount)
        if let removed { seen[removed] = true }
        var stack: [Int] = []
        var reachable = 0.0
        for s in 0..<graph.nodeCount where !seen[s] {
            seen[s] = true
            stack.append(s)
            var size = 0.0
            while let v = stack.popLast() {
                size += 1
                for w in view.targets[view.offsets[v]..<view.offsets[v + 1]] where !seen[Int(w)] {
                    seen[Int(w)] = true
                    stack.append(Int(w))
                }
            }
            reachable += size * (size - 1)
        }
        return 1 - reachable / (Double(total) * Double(total - 1))
    }

    /// Borgatti's fragmentation F = 1 − Σ_k s_k(s_k − 1)/(n(n − 1)) over the sizes s_k of the
    /// (weak) components: the share of actor pairs that cannot reach each other; and the
    /// distance-weighted fragmentation DF = 1 − Σ_{i≠j} (1/d_ij)/(n(n − 1)) on the undirected
    /// view with unit lengths. Borgatti 2006, doi:10.1007/s10588-006-7084-x.
    /// `removing` drops one node first (n = remaining nodes): the key-player test. Exact; for the
    /// whole network F comes from the components and DF from
    /// ``distanceFragmentation(_:sampleSize:seed:)``.
    public static func fragmentation(_ graph: Graph, removing removed: Int? = nil) -> (
        fragmentation: Double, distanceFragmentation: Double
    ) {
        guard let removed else { return (componentFragmentation(graph), distanceFragmentation(graph).value) }
        let view = graph.undirectedNeighbors()
        let n = graph.nodeCount - 1
        guard n >= 2 else { return (0, 0) }
        let pairs = Double(n) * Double(n - 1)
        var distance = [Int](repeating: -1, count: graph.nodeCount)
        var queue = [Int](repeating: 0, count: graph.nodeCount)
        var reachablePairs = 0.0
        var inverseDistance = 0.0
        for s in 0..<graph.nodeCount where s != removed {
            for i in 0..<graph.nodeCount { distance[i] = -1 }
            distance[s] = 0
            var head = 0
            var tail = 1
            queue[0] = s
            while head < tail {
                let v = queue[head]
                head += 1
                for wRaw in view.targets[view.offsets[v]..<view.offsets[v + 1]] {
                    let w = Int(wRaw)
                    if w == removed || distance[w] >= 0 { continue }
                    distance[w] = distance[v] + 1
                    reachablePairs += 1
                    inverseDistance += 1 / Double(distance[w])
                    queue[tail] = w
                    tail += 1
                }
            }
        }
        return (1 - reachablePairs / pairs, 1 - inverseDistance / pairs)
    }

    /// A distance-weighted fragmentation, exact or estimated from sampled sources.
    public struct DistanceFragmentation: Sendable {
        /// DF (0–1), or its estimate.
        public var value: Double
        /// The sources whose distances were summed: n when exact.
        public var sources: Int
        /// The estimate's standard error (0 when exact, NaN from a single source): the spread
        /// of the sources' harmonic sums over √k, with the finite-population correction
        /// √(1 − k/n).
        public var standardError: Double
        /// Whether every actor was a source.
        public var isExact: Bool
    }

    /// Borgatti's distance-weighted fragmentation DF = 1 − Σ_{i≠j} (1/d_ij)/(n(n − 1)) on the
    /// undirected view with unit lengths (1/∞ = 0), Borgatti 2006, doi:10.1007/s10588-006-7084-x.
    ///
    /// With `sampleSize` k < n the sum runs over k sources drawn uniformly without replacement
    /// (seeded, as ``Betweenness/sampled(_:sampleSize:seed:)`` draws them): with h_s = Σ_j 1/d_sj,
    /// DF ≈ 1 − mean(h_s)/(n − 1), an unbiased estimate (Eppstein & Wang 2004 use the same
    /// sampling for closeness, doi:10.7155/jgaa.00081). Its standard error is stated.
    /// - Complexity: O((k/64) · D · m) word operations (`Closeness.unitReach`, 64 sources per
    ///   bit-parallel search) for eccentricity D; k = n when exact.
    public static func distanceFragmentation(
        _ graph: Graph, sampleSize: Int? = nil, seed: UInt64 = 0
    ) -> DistanceFragmentation {
        let n = graph.nodeCount
        guard n >= 2 else {
            return DistanceFragmentation(value: 0, sources: n, standardError: 0, isExact: true)
        }
        let view = graph.undirectedNeighbors()
        var rng = SplitMix64(seed: seed)
        let sources: [Int]? = sampleSize.flatMap { $0 < n ? rng.sample($0, of: n) : nil }
        let k = sources?.count ?? n
        let batches = (k + 63) / 64
        let harmonic = Parallel.blocks(
            count: batches, work: Double(k) * Double(view.targets.count) / 16, task: "fragmentation"
        ) { range in
            Closeness.unitReach(
                offsets: view.offsets, targets: view.targets, sources: sources, batches: range)
        }.flatMap { $0 }.map(\.harmonic)
        let mean = harmonic.reduce(0, +) / Double(k)
        let value = 1 - mean / Double(n - 1)
        guard k < n else {
            return DistanceFragmentation(value: value, sources: k, standardError: 0, isExact: true)
        }
        guard k >= 2 else {
            return DistanceFragmentation(value: value, sources: k, standardError: .nan, isExact: false)
        }
        let variance = harmonic.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(k - 1)
        let error =
            (variance / Double(k)).squareRoot() * (1 - Double(k) / Double(n)).squareRoot() / Double(n - 1)
        return DistanceFragmentation(value: value, sources: k, standardError: error, isExact: false)
    }
}
