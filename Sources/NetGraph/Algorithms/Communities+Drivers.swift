import Foundation

/// The two drivers: Louvain (move nodes, aggregate, repeat) and Leiden (move nodes, refine
/// each community into well-connected parts, aggregate by the refinement).
extension Communities {
    static func louvain(_ base: LevelGraph, _ resolution: Double, _ rng: inout SplitMix64) -> [Int] {
        var g = base
        var membership = Array(0..<base.n)  // original node → current level node
        while true {
            var community = Array(0..<g.n)
            var totals = g.strength
            let moved = moveNodes(g, &community, &totals, resolution, &rng, queue: false)
            let (labels, count) = renumber(community)
            if !moved || count == g.n { break }
            membership = membership.map { labels[$0] }
            g = g.aggregated(labels, count: count)
        }
        return membership
    }

    static func leiden(_ base: LevelGraph, _ resolution: Double, _ rng: inout SplitMix64, initial: [Int]?)
        -> [Int]
    {
        var g = base
        var membership = Array(0..<base.n)  // original node → level node
        var community = initial.map { renumber($0).0 } ?? Array(0..<g.n)  // level node → community
        while true {
            var totals = [Double](repeating: 0, count: g.n)
            for i in 0..<g.n { totals[community[i]] += g.strength[i] }
            moveNodes(g, &community, &totals, resolution, &rng, queue: true)
            let (labels, count) = renumber(community)
            community = labels
            if count == g.n { break }
            let refined = refine(g, community, count, resolution, &rng)
            let (refinedLabels, refinedCount) = renumber(refined)
            // Start of the next level: each refined community sits in its unrefined community.
            var next = [Int](repeating: 0, count: refinedCount)
            for i in 0..<g.n { next[refinedLabels[i]] = community[i] }
            membership = membership.map { refinedLabels[$0] }
            if refinedCount == g.n {
                // Refinement merged nothing: aggregation would not progress; keep the partition.
                membership = membership.map { community[$0] }
                return membership
            }
            g = g.aggregated(refinedLabels, count: refinedCount)
            community = next
        }
        return membership.map { community[$0] }
    }

    /// Leiden refinement: inside each community, merge singleton nodes that are well connected
    /// to their community into the well-connected sub-community with the best gain (≥ 0).
    static func refine(
        _ g: LevelGraph, _ community: [Int], _ count: Int, _ resolution: Double, _ rng: inout SplitMix64
    ) -> [Int] {
        let twoM = g.totalWeight
        var refined = Array(0..<g.n)
        var refinedTotal = g.strength
        var isSingleton = [Bool](repeating: true, count: g.n)
        var communityTotal = [Double](repeating: 0, count: count)
        for i in 0..<g.n { communityTotal[community[i]] += g.strength[i] }
        // External weight of each refined community to the rest of its community.
        var external = [Double](repeating: 0, count: g.n)
        for i in 0..<g.n {
            for e in g.offsets[i]..<g.offsets[i + 1] where community[Int(g.neighbors[e])] == community[i] {
                external[i] += g.weights[e]
            }
        }
        var weightTo = [Double](repeating: 0, count: g.n)
        var touched: [Int] = []
        for i in shuffled(g.n, &rng) where isSingleton[i] {
            let c = community[i]
            let ki = g.strength[i]
            // Node must be well connected to its community.
            guard external[i] >= resolution * ki * (communityTotal[c] - ki) / twoM else { continue }
            touched.removeAll(keepingCapacity: true)
            for e in g.offsets[i]..<g.offsets[i + 1] where community[Int(g.neighbors[e])] == c {
                let r = refined[Int(g.neighbors[e])]
                if weightTo[r] == 0 { touched.append(r) }
                weightTo[r] += g.weights[e]
            }
            var best = refined[i]
            var bestGain = 0.0
            for r in touched where r != refined[i] {
                // Target sub-community must be well connected to the community.
                guard
                    external[r] >= resolution * refinedTotal[r] * (communityTotal[c] - refinedTotal[r]) / twoM
                else { continue }
                let gain = weightTo[r] - resolution * refinedTotal[r] * ki / twoM
                if gain > bestGain {
                    best = r
                    bestGain = gain
                }
            }
            if best != refined[i] {
                let old = refined[i]
                refinedTotal[old] -= ki
                refinedTotal[best] += ki
                // external[best] gains i's links to the community outside `best`, loses links into best.
                external[best] += external[old] - 2 * weightTo[best]
                external[old] = 0
                refined[i] = best
                isSingleton[i] = false
                isSingleton[best] = false
                // Members of `best` that were singletons are no longer.
                for e in g.offsets[i]..<g.offsets[i + 1] where refined[Int(g.neighbors[e])] == best {
                    isSingleton[Int(g.neighbors[e])] = false
                }
            }
            for r in touched { weightTo[r] = 0 }
        }
        return refined
    }
}
