/// Degree counts on a `Graph`.
///
/// `degree` counts distinct neighbours regardless of direction (an actor tied to another by
/// both a contract and an overleg has one neighbour there), as networkx's `degree` does on
/// the undirected view of a simple graph. `inDegree` / `outDegree` count distinct
/// predecessors / successors. Not normalised; divide by n − 1 for networkx's
/// `degree_centrality`.
///
/// - Complexity: O(n + m).
public enum Degree {
    public static func degree(_ graph: Graph) -> [Int] {
        (0..<graph.nodeCount).map { v in
            // Merge the two sorted neighbour lists, counting the union.
            let outs = graph.outNeighbors(of: v), ins = graph.inNeighbors(of: v)
            var i = outs.startIndex, j = ins.startIndex, count = 0
            while i < outs.endIndex || j < ins.endIndex {
                if j == ins.endIndex || (i < outs.endIndex && outs[i] < ins[j]) { i += 1 }
                else if i == outs.endIndex || ins[j] < outs[i] { j += 1 }
                else { i += 1; j += 1 }
                count += 1
            }
            return count
        }
    }

    public static func inDegree(_ graph: Graph) -> [Int] { (0..<graph.nodeCount).map(graph.inDegree(of:)) }
    public static func outDegree(_ graph: Graph) -> [Int] { (0..<graph.nodeCount).map(graph.outDegree(of:)) }
}
