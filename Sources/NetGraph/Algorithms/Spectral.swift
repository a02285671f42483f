import Foundation

/// Centralities defined by eigenvectors and walks: eigenvector, PageRank, Katz, HITS.
///
/// In all four, A_ij is the strength of the arc i → j (1 under `WeightMode.ignore`); an
/// undirected tie is two arcs. Iterations stop when the L1 change falls below
/// `n · 1e-15` relative to the vector (PageRank: when no score changes by more than 1e-13 of
/// itself), or fail after `maximumIterations`.
public enum Spectral {
    /// Iteration cap of every power iteration here: eigenvector, Katz and HITS throw
    /// `Undefined` when they reach it; PageRank returns its last iterate.
    public static let maximumIterations = 100_000
    static let tolerance = 1e-15

    /// Error thrown when a spectral measure has no meaningful value on this graph.
    public struct Undefined: Error, CustomStringConvertible, Sendable {
        /// The measure, e.g. "eigenvector centrality".
        public let measure: String
        /// Why it is undefined, e.g. "the network has no relations".
        public let reason: String
        /// "⟨measure⟩ is undefined here: ⟨reason⟩".
        public var description: String { "\(measure) is undefined here: \(reason)" }
    }

    /// y_i = Σ_j A_ji x_j (in-arcs): "scores flow along arcs".
    @inline(__always)
    static func multiplyTransposed(_ graph: Graph, _ x: [Double], into y: inout [Double]) {
        for i in 0..<graph.nodeCount {
            var sum = 0.0
            for e in graph.inOffsets[i]..<graph.inOffsets[i + 1] {
                sum += graph.inWeights[e] * x[Int(graph.inSources[e])]
            }
            y[i] = sum
        }
    }

    /// y_i = Σ_j A_ij x_j (out-arcs).
    @inline(__always)
    static func multiply(_ graph: Graph, _ x: [Double], into y: inout [Double]) {
        for i in 0..<graph.nodeCount {
            var sum = 0.0
            for e in graph.outOffsets[i]..<graph.outOffsets[i + 1] {
                sum += graph.outWeights[e] * x[Int(graph.outTargets[e])]
            }
            y[i] = sum
        }
    }

    static func l2Normalized(_ x: [Double]) -> [Double] {
        let norm = x.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return norm > 0 ? x.map { $0 / norm } : x
    }

    /// Eigenvector centrality: the principal eigenvector of Aᵀ (x_i ∝ Σ_j A_ji x_j, so on
    /// directed graphs a node is central when central nodes point to it), unit L2 norm and
    /// non-negative, as networkx's `eigenvector_centrality_numpy` (igraph scales max = 1:
    /// divide by the largest value). Bonacich 1972, doi:10.1080/0022250X.1972.9989806.
    ///
    /// Power iteration on I + Aᵀ from the uniform vector (the shift keeps bipartite graphs
    /// from oscillating and does not change the eigenvectors).
    /// - Throws: `Undefined` when the graph has no arcs or no cycles (λ_max = 0) or the
    ///   iteration does not converge (no unique dominant eigenvector).
    /// - Note: on a disconnected graph the vector is zero outside the component(s) with the
    ///   largest eigenvalue; prefer harmonic centrality or PageRank there.
    /// - Complexity: O(m) per iteration.
    public static func eigenvector(_ graph: Graph) throws -> (values: [Double], eigenvalue: Double) {
        let n = graph.nodeCount
        guard n > 0, graph.arcCount > 0 else {
            throw Undefined(measure: "eigenvector centrality", reason: "the network has no relations")
        }
        var x = [Double](repeating: 1 / Double(n).squareRoot(), count: n)
        var y = x
        for _ in 0..<maximumIterations {
            multiplyTransposed(graph, x, into: &y)
            for i in 0..<n { y[i] += x[i] }
            let next = l2Normalized(y)
            var change = 0.0
            for i in 0..<n { change += abs(next[i] - x[i]) }
            x = next
            if change < Double(n) * tolerance {
                multiplyTransposed(graph, x, into: &y)
                let lambda = zip(x, y).reduce(0) { $0 + $1.0 * $1.1 }
                if lambda <= 1e-12 {
                    throw Undefined(
                        measure: "eigenvector centrality",
                        reason: "the largest eigenvalue is 0 (the directed network has no cycles)")
                }
                return (x.map { max(0, $0) }, lambda)
            }
        }
        throw Undefined(
            measure: "eigenvector centrality",
            reason: "the power iteration did not converge (no unique dominant eigenvector)")
    }

    /// PageRank with damping α (default 0.85) and uniform teleport; a node without out-arcs
    /// (dangling) spreads its score uniformly; arc weights are transition strengths. Scores
    /// sum to 1. Matches networkx `pagerank` (which uses `weight` by default) and igraph's
    /// PRPACK. Page, Brin, Motwani & Winograd 1999 (Stanford InfoLab 1999-66). Power iteration
    /// until no score changes by more than 1e-13 of itself.
    /// - Complexity: O(m) per iteration.
    public static func pageRank(_ graph: Graph, damping: Double = 0.85) -> [Double] {
        let n = graph.nodeCount
        guard n > 0 else { return [] }
        let outStrength = Degree.outStrength(graph)
        var x = [Double](repeating: 1 / Double(n), count: n)
        var share = [Double](repeating: 0, count: n)
        var next = x
        for _ in 0..<maximumIterations {
            var dangling = 0.0
            for i in 0..<n {
                if outStrength[i] > 0 {
                    share[i] = x[i] / outStrength[i]
                } else {
                    share[i] = 0
                    dangling += x[i]
                }
            }
            multiplyTransposed(graph, share, into: &next)
            let base = (damping * dangling + (1 - damping)) / Double(n)
            // Stop on the largest *relative* change of any node: an L1 rule lets the smallest
            // scores of a million-node graph keep errors near 1e-5 (every score is at least
            // (1 − d)/n > 0, so the ratio is defined).
            var change = 0.0
            for i in 0..<n {
                next[i] = damping * next[i] + base
                change = max(change, abs(next[i] - x[i]) / next[i])
            }
            swap(&x, &next)
            if change < 1e-13 { break }
        }
        let total = x.reduce(0, +)
        return x.map { $0 / total }
    }

    /// Katz centrality: x = α Aᵀ x + β (Katz 1953, doi:10.1007/BF02289026), unit L2 norm as
    /// networkx `katz_centrality(normalized=True)`. Requires α < 1/λ_max.
    /// - Throws: `Undefined` when the series diverges (α ≥ 1/λ_max).
    public static func katz(_ graph: Graph, alpha: Double = 0.05, beta: Double = 1) throws -> [Double] {
        let n = graph.nodeCount
        guard n > 0 else { return [] }
        var x = [Double](repeating: 0, count: n)
        var y = x
        for _ in 0..<maximumIterations {
            multiplyTransposed(graph, x, into: &y)
            var change = 0.0
            var size = 0.0
            for i in 0..<n {
                y[i] = alpha * y[i] + beta
                change += abs(y[i] - x[i])
                size += abs(y[i])
            }
            swap(&x, &y)
            if !size.isFinite || size > 1e200 { break }
            if change <= size * tolerance { return l2Normalized(x) }
        }
        throw Undefined(
            measure: "Katz centrality",
            reason: "alpha = \(alpha) is not below 1/λ_max; choose a smaller alpha")
    }

    /// Hubs and authorities (Kleinberg 1999, doi:10.1145/324133.324140): a = Aᵀh, h = A a,
    /// iterated to the principal singular vectors of A; each scaled to sum 1 (networkx
    /// `hits`; igraph scales max = 1). On undirected graphs hubs equal authorities.
    /// - Throws: `Undefined` when the network has no arcs or the iteration does not converge.
    public static func hits(_ graph: Graph) throws -> (hubs: [Double], authorities: [Double]) {
        let n = graph.nodeCount
        guard n > 0, graph.arcCount > 0 else {
            throw Undefined(measure: "hubs and authorities", reason: "the network has no relations")
        }
        var h = [Double](repeating: 1 / Double(n), count: n)
        var a = h
        var nextH = h
        for _ in 0..<maximumIterations {
            multiplyTransposed(graph, h, into: &a)
            a = l2Normalized(a)
            multiply(graph, a, into: &nextH)
            nextH = l2Normalized(nextH)
            var change = 0.0
            for i in 0..<n { change += abs(nextH[i] - h[i]) }
            h = nextH
            if change < Double(n) * tolerance {
                multiplyTransposed(graph, h, into: &a)
                let hs = h.reduce(0, +)
                let aSum = a.reduce(0, +)
                return (h.map { $0 / hs }, a.map { $0 / aSum })
            }
        }
        throw Undefined(
            measure: "hubs and authorities",
            reason: "the iteration did not converge (no unique dominant singular vector)")
    }
}
