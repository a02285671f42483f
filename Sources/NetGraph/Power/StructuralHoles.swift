/// Burt's structural-hole measures: constraint and effective size.
///
/// With a_ij the strength of the arc i → j (0 if none) and mutual weight
/// a_ij + a_ji, the proportional tie p_ij = (a_ij + a_ji)/Σ_k (a_ik + a_ki) and the
/// max-scaled tie m_jq = (a_jq + a_qj)/max_k (a_jk + a_kj), over the neighbours N(i)
/// (predecessors and successors):
/// - constraint c_i = Σ_{j∈N(i)} (p_ij + Σ_{q∈N(i), q≠i,j} p_iq p_qj)²  — high when i's
///   contacts are tied to one another (no structural holes to exploit);
/// - effective size e_i = Σ_{j∈N(i)} [1 − Σ_{q∈N(i), q≠i,j} p_iq m_jq]  — the number of
///   non-redundant contacts.
/// Burt 1992, *Structural Holes*, Harvard UP, ch. 2; Borgatti 1997 for the unweighted case.
/// Isolates: undefined (nil). Matches networkx's per-node computation and igraph's
/// `constraint`; networkx 3.6.1's all-node `effective_size` is wrong on weighted or
/// reciprocated directed graphs (it divides by column maxima) — not copied here.
/// - Complexity: O(Σ_i k_i²) with hashed neighbour weights.
public enum StructuralHoles {
    /// Constraint and effective size of every node (see the type documentation); nil for an
    /// isolate. Arc weights enter as a_ij; build the graph with `.ignore` for the unweighted
    /// measures.
    public static func compute(_ graph: Graph) -> (constraint: [Double?], effectiveSize: [Double?]) {
        let n = graph.nodeCount
        // Mutual weights per node: neighbour → a_ij + a_ji.
        var mutual = [[Int: Double]](repeating: [:], count: n)
        for u in 0..<n {
            for (v, w) in zip(graph.outNeighbors(of: u), graph.outArcWeights(of: u)) {
                mutual[u][Int(v), default: 0] += w
                mutual[Int(v)][u, default: 0] += w
            }
        }
        let total = mutual.map { $0.values.reduce(0, +) }
        let maximum = mutual.map { $0.values.max() ?? 0 }
        func p(_ i: Int, _ j: Int) -> Double { total[i] > 0 ? (mutual[i][j] ?? 0) / total[i] : 0 }
        func mScaled(_ j: Int, _ q: Int) -> Double { maximum[j] > 0 ? (mutual[j][q] ?? 0) / maximum[j] : 0 }
        var constraint = [Double?](repeating: nil, count: n)
        var effective = [Double?](repeating: nil, count: n)
        for i in 0..<n where !mutual[i].isEmpty {
            let neighbours = mutual[i].keys.filter { $0 != i }
            var c = 0.0
            var e = 0.0
            for j in neighbours {
                var indirect = 0.0
                var redundancy = 0.0
                for q in neighbours where q != j {
                    let piq = p(i, q)
                    indirect += piq * p(q, j)
                    redundancy += piq * mScaled(j, q)
                }
                let local = p(i, j) + indirect
                c += local * local
                e += 1 - redundancy
            }
            constraint[i] = c
            effective[i] = e
        }
        return (constraint, effective)
    }
}
