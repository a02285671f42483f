/// How relation weights enter a `Graph`.
public enum WeightMode: String, Sendable, CaseIterable {
    /// Weights are tie strengths; parallel ties between the same ordered pair add up.
    case strength
    /// Every tie has weight 1; parallel ties collapse into one arc.
    case ignore
}

/// An immutable directed graph in compressed-sparse-row form, built once from a `Network`.
///
/// Nodes are the network's actors, numbered `0..<nodeCount` in `Network.actors` order.
/// A directed relation u → v becomes one arc; an undirected relation becomes the two arcs
/// u → v and v → u. Arcs between the same ordered pair are merged (weights summed under
/// `.strength`, counted once under `.ignore`). Self-loops never occur (readers drop them).
///
/// Layout invariants (after petgraph's `Csr`):
/// - `outOffsets.count == nodeCount + 1`, `outOffsets[0] == 0`,
///   `outOffsets[nodeCount] == arcCount`; the out-arcs of `v` are
///   `outTargets[outOffsets[v]..<outOffsets[v+1]]`, sorted ascending, with parallel weights
///   in `outWeights`. The same holds for the in-arcs (`inOffsets`, `inSources`, `inWeights`).
///
/// - Complexity: building is O(n + m log m) time and O(n + m) space for n actors and m
///   relations; every neighbour slice is O(1) to obtain.
public struct Graph: Sendable {
    /// Number of nodes n, one per actor of the network.
    public let nodeCount: Int
    /// Number of arcs m after merging parallel arcs; an undirected relation counts twice.
    public let arcCount: Int
    /// True when at least one relation used was directed. A graph whose relations are all
    /// undirected is symmetric (`isDirected == false`).
    public let isDirected: Bool

    /// True when every arc has weight 1 (unweighted, or `.ignore`): path measures use BFS.
    public let hasUnitWeights: Bool

    /// Row offsets of the out-arcs: node `v` owns positions `outOffsets[v]..<outOffsets[v+1]`
    /// of `outTargets` and `outWeights` (`nodeCount + 1` entries).
    public let outOffsets: [Int]
    /// Arc targets grouped by source node, ascending within each node (`arcCount` entries).
    public let outTargets: [Int32]
    /// Arc weights parallel to `outTargets` (all 1 under `.ignore`).
    public let outWeights: [Double]
    /// Row offsets of the in-arcs: node `v` owns positions `inOffsets[v]..<inOffsets[v+1]`
    /// of `inSources` and `inWeights` (`nodeCount + 1` entries).
    public let inOffsets: [Int]
    /// Arc sources grouped by target node, ascending within each node (`arcCount` entries).
    public let inSources: [Int32]
    /// Arc weights parallel to `inSources`.
    public let inWeights: [Double]

    /// Builds the graph of a network.
    /// - Parameters:
    ///   - network: the network; actors become nodes in `network.actors` order.
    ///   - relationTypes: only relations of these types ("layers"); nil means all.
    ///   - weights: whether weights are tie strengths or ignored.
    public init(_ network: Network, relationTypes: Set<String>? = nil, weights: WeightMode = .strength) {
        var arcs: [(Int32, Int32, Double)] = []
        arcs.reserveCapacity(network.relations.count * 2)
        var directed = false
        for relation in network.relations {
            if let relationTypes, !relationTypes.contains(relation.type) { continue }
            guard let u = network.index(ofActor: relation.source),
                let v = network.index(ofActor: relation.target), u != v
            else { continue }
            let w = weights == .strength ? relation.weight : 1
            arcs.append((Int32(u), Int32(v), w))
            if relation.directed { directed = true } else { arcs.append((Int32(v), Int32(u), w)) }
        }
        self.init(nodeCount: network.actors.count, arcs: arcs, isDirected: directed, weights: weights)
    }

    /// Builds a graph from arcs (u, v, weight) on nodes `0..<nodeCount`.
    /// - Precondition: every endpoint is in range and weights are positive and finite.
    /// - Complexity: O(n + m + Σ_v d_v log d_v): a counting sort by source, then each
    ///   node's short list sorted and merged.
    public init(
        nodeCount: Int, arcs: [(Int32, Int32, Double)], isDirected: Bool, weights: WeightMode = .strength
    ) {
        for arc in arcs {
            precondition(
                arc.0 >= 0 && Int(arc.0) < nodeCount && arc.1 >= 0 && Int(arc.1) < nodeCount && arc.2 > 0
                    && arc.2.isFinite,
                "arc endpoint out of range or non-positive weight")
        }
        let strength = weights == .strength
        // Counting sort by source.
        var start = [Int](repeating: 0, count: nodeCount + 1)
        for arc in arcs { start[Int(arc.0) + 1] += 1 }
        for i in 0..<nodeCount { start[i + 1] += start[i] }
        var fill = start
        var targets = [Int32](repeating: 0, count: arcs.count)
        var values = [Double](repeating: 0, count: arcs.count)
        for arc in arcs {
            let p = fill[Int(arc.0)]
            targets[p] = arc.1
            values[p] = strength ? arc.2 : 1
            fill[Int(arc.0)] = p + 1
        }
        // Sort each node's arcs by target and merge parallel arcs, compacting in place.
        var outOffsets = [Int](repeating: 0, count: nodeCount + 1)
        var write = 0
        var scratch: [(Int32, Double)] = []
        for v in 0..<nodeCount {
            let lo = start[v]
            let hi = start[v + 1]
            outOffsets[v] = write
            if hi - lo == 1 {
                targets[write] = targets[lo]
                values[write] = values[lo]
                write += 1
                continue
            }
            scratch.removeAll(keepingCapacity: true)
            for e in lo..<hi { scratch.append((targets[e], values[e])) }
            scratch.sort { $0.0 < $1.0 }
            for (t, w) in scratch {
                if write > outOffsets[v] && targets[write - 1] == t {
                    if strength { values[write - 1] += w }
                } else {
                    targets[write] = t
                    values[write] = w
                    write += 1
                }
            }
        }
        outOffsets[nodeCount] = write
        targets.removeLast(targets.count - write)
        values.removeLast(values.count - write)
        self.nodeCount = nodeCount
        self.arcCount = write
        self.isDirected = isDirected
        self.hasUnitWeights = values.allSatisfy { $0 == 1 }
        // In-arcs: counting sort by target; sources come out ascending because sources are
        // visited in order.
        var inOffsets = [Int](repeating: 0, count: nodeCount + 1)
        for t in targets { inOffsets[Int(t) + 1] += 1 }
        for i in 0..<nodeCount { inOffsets[i + 1] += inOffsets[i] }
        var inFill = inOffsets
        var inSources = [Int32](repeating: 0, count: write)
        var inWeights = [Double](repeating: 0, count: write)
        for u in 0..<nodeCount {
            for e in outOffsets[u]..<outOffsets[u + 1] {
                let t = Int(targets[e])
                let p = inFill[t]
                inSources[p] = Int32(u)
                inWeights[p] = values[e]
                inFill[t] = p + 1
            }
        }
        self.outOffsets = outOffsets
        self.outTargets = targets
        self.outWeights = values
        self.inOffsets = inOffsets
        self.inSources = inSources
        self.inWeights = inWeights
    }

    /// Targets of the arcs leaving `node`. - Complexity: O(1).
    public func outNeighbors(of node: Int) -> ArraySlice<Int32> {
        outTargets[outOffsets[node]..<outOffsets[node + 1]]
    }
    /// Sources of the arcs entering `node`. - Complexity: O(1).
    public func inNeighbors(of node: Int) -> ArraySlice<Int32> {
        inSources[inOffsets[node]..<inOffsets[node + 1]]
    }
    /// Weights of the arcs leaving `node`, parallel to `outNeighbors(of:)`. - Complexity: O(1).
    public func outArcWeights(of node: Int) -> ArraySlice<Double> {
        outWeights[outOffsets[node]..<outOffsets[node + 1]]
    }
    /// Weights of the arcs entering `node`, parallel to `inNeighbors(of:)`. - Complexity: O(1).
    public func inArcWeights(of node: Int) -> ArraySlice<Double> {
        inWeights[inOffsets[node]..<inOffsets[node + 1]]
    }

    /// The same graph with every arc reversed (out- and in-arcs swapped).
    /// - Complexity: O(1) extra work beyond copying references.
    public var reversed: Graph { Graph(reversing: self) }

    private init(reversing g: Graph) {
        nodeCount = g.nodeCount
        arcCount = g.arcCount
        isDirected = g.isDirected
        hasUnitWeights = g.hasUnitWeights
        outOffsets = g.inOffsets
        outTargets = g.inSources
        outWeights = g.inWeights
        inOffsets = g.outOffsets
        inSources = g.outTargets
        inWeights = g.outWeights
    }

    /// Neighbours of every node regardless of direction, without duplicates (the
    /// undirected view used by components, articulation points, bridges and clustering).
    /// - Complexity: O(n + m).
    public func undirectedNeighbors() -> (offsets: [Int], targets: [Int32]) {
        let view = undirectedArcs()
        return (view.offsets, view.targets)
    }

    /// The undirected view with weights: u and v are neighbours when an arc joins them either
    /// way, and the weight is the sum over both directions (in an all-undirected graph each
    /// tie counts once; in a mixed graph an undirected tie, being two arcs, counts twice).
    /// A symmetric graph is returned as it is, without copying. Each list stays sorted.
    /// - Complexity: O(n + m).
    public func undirectedArcs() -> (offsets: [Int], targets: [Int32], weights: [Double]) {
        guard isDirected else { return (outOffsets, outTargets, outWeights) }
        var offsets = [Int](repeating: 0, count: nodeCount + 1)
        var targets: [Int32] = []
        var weights: [Double] = []
        targets.reserveCapacity(arcCount * 2)
        weights.reserveCapacity(arcCount * 2)
        for v in 0..<nodeCount {
            let outs = outNeighbors(of: v)
            let ins = inNeighbors(of: v)
            let outW = outArcWeights(of: v)
            let inW = inArcWeights(of: v)
            var i = outs.startIndex
            var j = ins.startIndex
            while i < outs.endIndex || j < ins.endIndex {
                if j == ins.endIndex || (i < outs.endIndex && outs[i] < ins[j]) {
                    targets.append(outs[i])
                    weights.append(outW[i])
                    i += 1
                } else if i == outs.endIndex || ins[j] < outs[i] {
                    targets.append(ins[j])
                    weights.append(inW[j])
                    j += 1
                } else {
                    targets.append(outs[i])
                    weights.append(outW[i] + inW[j])
                    i += 1
                    j += 1
                }
            }
            offsets[v + 1] = targets.count
        }
        return (offsets, targets, weights)
    }

    /// Number of distinct out-neighbours of `node` (merged arcs count once). - Complexity: O(1).
    public func outDegree(of node: Int) -> Int { outOffsets[node + 1] - outOffsets[node] }
    /// Number of distinct in-neighbours of `node` (merged arcs count once). - Complexity: O(1).
    public func inDegree(of node: Int) -> Int { inOffsets[node + 1] - inOffsets[node] }

    /// Checks the layout invariants; used by tests.
    public func checkInvariants() -> Bool {
        outOffsets.count == nodeCount + 1 && inOffsets.count == nodeCount + 1
            && outOffsets.first == 0 && outOffsets.last == arcCount && inOffsets.last == arcCount
            && zip(outOffsets, outOffsets.dropFirst()).allSatisfy { $0 <= $1 }
            && (0..<nodeCount).allSatisfy { v in
                zip(outNeighbors(of: v), outNeighbors(of: v).dropFirst()).allSatisfy { $0 < $1 }
            }
    }
}
