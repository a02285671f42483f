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
/// - Complexity: O(Σ_j k_j²) array reads, in blocks on every core; O(n) memory per core.
public enum StructuralHoles {
    /// Constraint and effective size of every node (see the type documentation); nil for an
    /// isolate. Arc weights enter as a_ij; build the graph with `.ignore` for the unweighted
    /// measures.
    public static func compute(_ graph: Graph) -> (constraint: [Double?], effectiveSize: [Double?]) {
        let n = graph.nodeCount
        // Mutual weights a_ij + a_ji as sorted neighbour lists (an all-undirected graph gives
        // each tie once rather than twice: p and m are ratios, so the factor cancels).
        let (offsets, targets, weights) = graph.undirectedArcs()
        let total = (0..<n).map { u in (offsets[u]..<offsets[u + 1]).reduce(0.0) { $0 + weights[$1] } }
        let maximum = (0..<n).map { u in (offsets[u]..<offsets[u + 1]).reduce(0.0) { max($0, weights[$1]) } }
        // Per i, p_iq is spread over an n-sized array; the sums over q ∈ N(i) then run over the
        // neighbours of j, where p_qj and m_jq are not zero (O(Σ_j k_j²) array reads, no hashing).
        var squares = 0
        for u in 0..<n {
            let degree = offsets[u + 1] - offsets[u]
            squares += degree * degree
        }
        let work = Double(squares) * 10
        let blocks = Parallel.blocks(count: n, work: work) { range -> [(Double?, Double?)] in
            var p = [Double](repeating: 0, count: n)
            var result: [(Double?, Double?)] = []
            result.reserveCapacity(range.count)
            for i in range {
                let row = offsets[i]..<offsets[i + 1]
                guard !row.isEmpty else {
                    result.append((nil, nil))
                    continue
                }
                for k in row where Int(targets[k]) != i {
                    p[Int(targets[k])] = total[i] > 0 ? weights[k] / total[i] : 0
                }
                var c = 0.0
                var e = 0.0
                for k in row {
                    let j = Int(targets[k])
                    guard j != i else { continue }
                    var indirect = 0.0
                    var redundancy = 0.0
                    for l in offsets[j]..<offsets[j + 1] {
                        let q = Int(targets[l])
                        guard q != i, q != j, p[q] != 0 else { continue }
                        indirect += p[q] * (total[q] > 0 ? weights[l] / total[q] : 0)
                        redundancy += p[q] * (maximum[j] > 0 ? weights[l] / maximum[j] : 0)
                    }
                    let local = p[j] + indirect
                    c += local * local
                    e += 1 - redundancy
                }
                for k in row { p[Int(targets[k])] = 0 }
                result.append((c, e))
            }
            return result
        }
        let values: [(Double?, Double?)] = Array(blocks.joined())
        return (values.map { $0.0 }, values.map { $0.1 })
    }
}
