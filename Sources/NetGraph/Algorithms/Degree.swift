/// Degree and strength on a `Graph`.
///
/// - `degree` follows networkx: on an undirected graph the number of neighbours; on a graph
///   with directed relations `in_degree + out_degree` (a reciprocated or undirected tie counts
///   once in each direction). Normalised degree centrality is `degree / (n − 1)`.
/// - `partners` counts distinct neighbours regardless of direction ("aantal partners"):
///   the figure a workshop reads.
/// - `strength` is the weighted degree s_i = Σ_j w_ij (Barrat et al. 2004; Opsahl, Agneessens
///   & Skvoretz 2010, doi:10.1016/j.socnet.2010.03.006), split into in/out likewise.
///
/// - Complexity: O(n + m).
public enum Degree {
    /// Degree per node: neighbours on an undirected graph, in-degree + out-degree on a graph
    /// with directed relations (networkx convention). Unnormalised.
    public static func degree(_ graph: Graph) -> [Int] {
        (0..<graph.nodeCount).map {
            graph.isDirected ? graph.inDegree(of: $0) + graph.outDegree(of: $0) : graph.outDegree(of: $0)
        }
    }

    /// Number of distinct in-neighbours per node.
    public static func inDegree(_ graph: Graph) -> [Int] { (0..<graph.nodeCount).map(graph.inDegree(of:)) }
    /// Number of distinct out-neighbours per node.
    public static func outDegree(_ graph: Graph) -> [Int] { (0..<graph.nodeCount).map(graph.outDegree(of:)) }

    /// Distinct neighbours regardless of direction.
    public static func partners(_ graph: Graph) -> [Int] {
        let view = graph.undirectedNeighbors()
        return (0..<graph.nodeCount).map { view.offsets[$0 + 1] - view.offsets[$0] }
    }

    /// In-strength per node: the sum of the weights of its in-arcs, s_i^in = Σ_j w_ji.
    public static func inStrength(_ graph: Graph) -> [Double] {
        (0..<graph.nodeCount).map { graph.inArcWeights(of: $0).reduce(0, +) }
    }
    /// Out-strength per node: the sum of the weights of its out-arcs, s_i^out = Σ_j w_ij.
    public static func outStrength(_ graph: Graph) -> [Double] {
        (0..<graph.nodeCount).map { graph.outArcWeights(of: $0).reduce(0, +) }
    }

    /// Total strength: out-strength on undirected graphs, in + out on directed ones.
    public static func strength(_ graph: Graph) -> [Double] {
        let outs = outStrength(graph)
        guard graph.isDirected else { return outs }
        return zip(outs, inStrength(graph)).map(+)
    }
}
