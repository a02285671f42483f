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
    public let nodeCount: Int
    public let arcCount: Int
    /// True when at least one relation used was directed. A graph whose relations are all
    /// undirected is symmetric (`isDirected == false`).
    public let isDirected: Bool

    /// True when every arc has weight 1 (unweighted, or `.ignore`): path measures use BFS.
    public let hasUnitWeights: Bool

    public let outOffsets: [Int]
    public let outTargets: [Int32]
    public let outWeights: [Double]
    public let inOffsets: [Int]
    public let inSources: [Int32]
    public let inWeights: [Double]

    /// Builds the graph of a network.
    /// - Parameters:
    ///   - relationTypes: only relations of these types ("layers"); nil means all.
    ///   - weights: whether weights are tie strengths or ignored.
    public init(_ network: Network, relationTypes: Set<String>? = nil, weights: WeightMode = .strength) {
        var arcs: [(Int32, Int32, Double)] = []
        arcs.reserveCapacity(network.relations.count * 2)
        var directed = false
        for relation in network.relations {
            if let relationTypes, !relationTypes.contains(relation.type) { continue }
            guard let u = network.index(ofActor: relation.source), let v = network.index(ofActor: relation.target), u != v else { continue }
            let w = weights == .strength ? relation.weight : 1
            arcs.append((Int32(u), Int32(v), w))
            if relation.directed { directed = true } else { arcs.append((Int32(v), Int32(u), w)) }
        }
        self.init(nodeCount: network.actors.count, arcs: arcs, isDirected: directed, weights: weights)
    }

    /// Builds a graph from arcs (u, v, weight) on nodes `0..<nodeCount`.
    /// - Precondition: every endpoint is in range and weights are positive and finite.
    public init(nodeCount: Int, arcs: [(Int32, Int32, Double)], isDirected: Bool, weights: WeightMode = .strength) {
        precondition(arcs.allSatisfy { $0.0 >= 0 && Int($0.0) < nodeCount && $0.1 >= 0 && Int($0.1) < nodeCount && $0.2 > 0 && $0.2.isFinite },
                     "arc endpoint out of range or non-positive weight")
        let sorted = arcs.sorted { ($0.0, $0.1) < ($1.0, $1.1) }
        var merged: [(Int32, Int32, Double)] = []
        merged.reserveCapacity(sorted.count)
        for arc in sorted {
            if let last = merged.last, last.0 == arc.0, last.1 == arc.1 {
                if weights == .strength { merged[merged.count - 1].2 += arc.2 }
            } else {
                merged.append(weights == .strength ? arc : (arc.0, arc.1, 1))
            }
        }
        self.nodeCount = nodeCount
        self.arcCount = merged.count
        self.isDirected = isDirected
        self.hasUnitWeights = merged.allSatisfy { $0.2 == 1 }
        (outOffsets, outTargets, outWeights) = Graph.compress(nodeCount, merged.map { ($0.0, $0.1, $0.2) })
        let reversed = merged.map { ($0.1, $0.0, $0.2) }.sorted { ($0.0, $0.1) < ($1.0, $1.1) }
        (inOffsets, inSources, inWeights) = Graph.compress(nodeCount, reversed)
    }

    private static func compress(_ n: Int, _ sortedArcs: [(Int32, Int32, Double)]) -> ([Int], [Int32], [Double]) {
        var offsets = [Int](repeating: 0, count: n + 1)
        for arc in sortedArcs { offsets[Int(arc.0) + 1] += 1 }
        for i in 0..<n { offsets[i + 1] += offsets[i] }
        return (offsets, sortedArcs.map(\.1), sortedArcs.map(\.2))
    }

    /// Targets of the arcs leaving `node`. - Complexity: O(1).
    public func outNeighbors(of node: Int) -> ArraySlice<Int32> { outTargets[outOffsets[node]..<outOffsets[node + 1]] }
    /// Sources of the arcs entering `node`. - Complexity: O(1).
    public func inNeighbors(of node: Int) -> ArraySlice<Int32> { inSources[inOffsets[node]..<inOffsets[node + 1]] }
    /// Weights of the arcs leaving `node`, parallel to `outNeighbors(of:)`. - Complexity: O(1).
    public func outArcWeights(of node: Int) -> ArraySlice<Double> { outWeights[outOffsets[node]..<outOffsets[node + 1]] }
    /// Weights of the arcs entering `node`, parallel to `inNeighbors(of:)`. - Complexity: O(1).
    public func inArcWeights(of node: Int) -> ArraySlice<Double> { inWeights[inOffsets[node]..<inOffsets[node + 1]] }

    /// The same graph with every arc reversed (out- and in-arcs swapped). - Complexity: O(1) extra work beyond copying references.
    public var reversed: Graph { Graph(reversing: self) }

    private init(reversing g: Graph) {
        nodeCount = g.nodeCount
        arcCount = g.arcCount
        isDirected = g.isDirected
        hasUnitWeights = g.hasUnitWeights
        outOffsets = g.inOffsets; outTargets = g.inSources; outWeights = g.inWeights
        inOffsets = g.outOffsets; inSources = g.outTargets; inWeights = g.outWeights
    }

    /// Neighbours of every node regardless of direction, without duplicates (the
    /// undirected view used by components, articulation points, bridges and clustering).
    /// - Complexity: O(n + m).
    public func undirectedNeighbors() -> (offsets: [Int], targets: [Int32]) {
        var offsets = [Int](repeating: 0, count: nodeCount + 1)
        var targets: [Int32] = []
        targets.reserveCapacity(arcCount * (isDirected ? 2 : 1))
        for v in 0..<nodeCount {
            let outs = outNeighbors(of: v), ins = inNeighbors(of: v)
            var i = outs.startIndex, j = ins.startIndex
            while i < outs.endIndex || j < ins.endIndex {
                if j == ins.endIndex || (i < outs.endIndex && outs[i] < ins[j]) { targets.append(outs[i]); i += 1 }
                else if i == outs.endIndex || ins[j] < outs[i] { targets.append(ins[j]); j += 1 }
                else { targets.append(outs[i]); i += 1; j += 1 }
            }
            offsets[v + 1] = targets.count
        }
        return (offsets, targets)
    }

    public func outDegree(of node: Int) -> Int { outOffsets[node + 1] - outOffsets[node] }
    public func inDegree(of node: Int) -> Int { inOffsets[node + 1] - inOffsets[node] }

    /// Checks the layout invariants; used by tests.
    public func checkInvariants() -> Bool {
        outOffsets.count == nodeCount + 1 && inOffsets.count == nodeCount + 1
            && outOffsets.first == 0 && outOffsets.last == arcCount && inOffsets.last == arcCount
            && zip(outOffsets, outOffsets.dropFirst()).allSatisfy { $0 <= $1 }
            && (0..<nodeCount).allSatisfy { v in zip(outNeighbors(of: v), outNeighbors(of: v).dropFirst()).allSatisfy { $0 < $1 } }
    }
}
