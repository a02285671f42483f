import Foundation

/// Gould–Fernandez brokerage roles by actor group, with the node-level expectations,
/// standard deviations and z-scores of R sna's `brokerage()`.
///
/// Actor j brokers the ordered pair (i, k) when i → j → k, there is no arc i → k, and i ≠ k
/// (arcs as a simple digraph; weights ignored). By the groups of (i, j, k) the role is:
/// coordinator A→A→A (w_I), itinerant A→B→A (w_O), representative A→A→B (b_IO),
/// gatekeeper A→B→B (b_OI), liaison A→B→C (b_O). Gould & Fernandez 1989,
/// doi:10.2307/270949.
///
/// Null model (sna): arcs independent with probability d = m/(N(N − 1)); a given two-path
/// without closing arc has probability q = d²(1 − d). For a broker in group g of size n_g:
/// E[w_I] = q(n_g − 1)(n_g − 2); E[w_O] = q Σ_{h≠g} n_h(n_h − 1);
/// E[b_IO] = E[b_OI] = q(N − n_g)(n_g − 1); E[b_O] = q((N − n_g)² − Σ_{h≠g} n_h²);
/// E[total] = q(N − 1)(N − 2). Variances as sna: Var = E(1 − q) + C·d³(1 − d)³, where C
/// counts the ordered pairs of candidate two-paths that share an arc (their covariance), with
/// C₂(x) = x(x − 1)/2: coordinator 2(n_g − 1)(n_g − 2)(n_g − 3); itinerant
/// 2 Σ_{h≠g} n_h(n_h − 1)(n_h − 2); representative and gatekeeper
/// 2[(n_g − 1)C₂(N − n_g) + (N − n_g)C₂(n_g − 1)]; liaison
/// 4 Σ_{h≠g} n_h C₂(N − n_h − n_g); total 2(N − 1)(N − 2)(N − 3).
/// z = (raw − E)/sd; undefined (nil) where sd = 0, where sna gives NaN.
///
/// - Complexity: O(Σ_j indeg(j)·outdeg(j)·log d) with binary search for the closing arc,
///   brokers in blocks on every core; memory O(n) plus one small table per broker.
public enum Brokerage {
    /// A brokerage role by the groups of (source, broker, target): coordinator, itinerant,
    /// representative, gatekeeper, liaison (see the type documentation), and `total`, the sum
    /// over all five.
    public enum Role: String, CaseIterable, Sendable {
        case coordinator, itinerant, representative, gatekeeper, liaison, total
    }

    /// One node's score in one role, against the sna null model.
    public struct Score: Sendable, Equatable {
        /// Number of ordered pairs (i, k) the node brokers in this role.
        public var raw: Double
        /// Expected count under the null model (arcs independent with probability `density`).
        public var expected: Double
        /// Standard deviation of the count under the null model.
        public var standardDeviation: Double
        /// nil where the standard deviation is 0.
        public var z: Double?
    }

    /// Brokerage scores of every node.
    public struct Result: Sendable {
        /// Per node, per role.
        public var scores: [[Role: Score]]
        /// Density d = m/(N(N − 1)) of the null model (arcs of the graph; 0 when N < 2).
        public var density: Double
        /// Per broker j and unordered pair of groups {g, h} (g ≠ h): the number of distinct
        /// unordered actor pairs {i, k}, one in each group, that j brokers either way (i → j → k
        /// or k → j → i, without the direct arc) — the access paths between two groups that run
        /// through j, for flags that ask who connects two groups. A tie brokered both ways is
        /// one pair.
        public var crossGroupPairs: [[GroupPair: Int]]
    }

    /// Two different groups, the smaller label first.
    public struct GroupPair: Hashable, Sendable {
        /// The smaller group label.
        public let low: Int
        /// The larger group label.
        public let high: Int
        /// The pair {a, b} (a ≠ b), in either order.
        public init(_ a: Int, _ b: Int) {
            low = min(a, b)
            high = max(a, b)
        }
    }

    /// Brokerage scores of every node in every role, with their null-model expectations.
    /// - Parameters:
    ///   - graph: the directed (or undirected, as two arcs) graph.
    ///   - groups: group label per node (e.g. actor type or role).
    /// - Precondition: `groups.count == graph.nodeCount`.
    public static func compute(_ graph: Graph, groups: [Int]) -> Result {
        let n = graph.nodeCount
        precondition(groups.count == n)
        let m = Double(graph.arcCount)
        let N = Double(n)
        let d = n > 1 ? m / (N * (N - 1)) : 0
        let q = d * d * (1 - d)
        var size: [Int: Double] = [:]
        for g in groups { size[g, default: 0] += 1 }
        let sumSquares = size.values.reduce(0) { $0 + $1 * $1 }
        let sumPairs = size.values.reduce(0) { $0 + $1 * ($1 - 1) }

        // Brokers in blocks on every core, each block with its own marks of j's in- and
        // out-neighbours (to see whether the reverse of a brokered pair is brokered too).
        // Raw counts by role in `Role.allCases` order: coordinator, itinerant, representative,
        // gatekeeper, liaison, total.
        let groupCount = (groups.max() ?? 0) + 1
        var twoPaths = 0
        for j in 0..<n { twoPaths += graph.inDegree(of: j) * graph.outDegree(of: j) }
        let work = Double(twoPaths) * 20
        let blocks = Parallel.blocks(count: n, work: work) {
            range -> [(raw: [Double], pairs: [GroupPair: Int])] in
            var inMark = [Int](repeating: -1, count: n)
            var outMark = [Int](repeating: -1, count: n)
            // Per unordered group pair (low · groupCount + high): ordered cross-group pairs, and
            // those whose reverse is brokered too (counted once, at i < k).
            var ordered = [Int](repeating: 0, count: groupCount * groupCount)
            var reversed = [Int](repeating: 0, count: groupCount * groupCount)
            var touched: [Int] = []
            var result: [(raw: [Double], pairs: [GroupPair: Int])] = []
            result.reserveCapacity(range.count)
            for j in range {
                for i in graph.inNeighbors(of: j) { inMark[Int(i)] = j }
                for k in graph.outNeighbors(of: j) { outMark[Int(k)] = j }
                var raw = [Double](repeating: 0, count: 6)
                let gj = groups[j]
                for i in graph.inNeighbors(of: j) {
                    let ii = Int(i)
                    guard ii != j else { continue }
                    let gi = groups[ii]
                    for k in graph.outNeighbors(of: j) {
                        let kk = Int(k)
                        guard kk != ii, kk != j, Betweenness.arcIndex(graph, from: ii, to: kk) == nil else {
                            continue
                        }
                        let gk = groups[kk]
                        let role =
                            gi == gk
                            ? (gi == gj ? 0 : 1)  // coordinator, itinerant
                            : gi == gj ? 2 : gj == gk ? 3 : 4  // representative, gatekeeper, liaison
                        raw[role] += 1
                        raw[5] += 1
                        guard gi != gk else { continue }
                        let slot = min(gi, gk) * groupCount + max(gi, gk)
                        if ordered[slot] == 0 { touched.append(slot) }
                        ordered[slot] += 1
                        if ii < kk && inMark[kk] == j && outMark[ii] == j
                            && Betweenness.arcIndex(graph, from: kk, to: ii) == nil
                        {
                            reversed[slot] += 1
                        }
                    }
                }
                var distinct: [GroupPair: Int] = [:]
                for slot in touched {
                    distinct[GroupPair(slot / groupCount, slot % groupCount)] = ordered[slot] - reversed[slot]
                    ordered[slot] = 0
                    reversed[slot] = 0
                }
                touched.removeAll(keepingCapacity: true)
                result.append((raw, distinct))
            }
            return result
        }

        var scores: [[Role: Score]] = []
        var pairs: [[GroupPair: Int]] = []
        scores.reserveCapacity(n)
        pairs.reserveCapacity(n)
        var j = 0
        for (rawCounts, distinct) in blocks.joined() {
            defer { j += 1 }
            let gj = groups[j]
            let ng = size[gj]!
            let counts: [Role: Double] = [
                .coordinator: (ng - 1) * (ng - 2),
                .itinerant: sumPairs - ng * (ng - 1),
                .representative: (N - ng) * (ng - 1),
                .gatekeeper: (N - ng) * (ng - 1),
                .liaison: (N - ng) * (N - ng) - (sumSquares - ng * ng),
                .total: (N - 1) * (N - 2),
            ]
            func c2(_ x: Double) -> Double { x < 2 ? 0 : x * (x - 1) / 2 }
            let others = size.filter { $0.key != gj }.map(\.value)
            let covariancePairs: [Role: Double] = [
                .coordinator: 2 * (ng - 1) * (ng - 2) * (ng - 3),
                .itinerant: 2 * others.reduce(0) { $0 + $1 * ($1 - 1) * ($1 - 2) },
                .representative: 2 * ((ng - 1) * c2(N - ng) + (N - ng) * c2(ng - 1)),
                .gatekeeper: 2 * ((ng - 1) * c2(N - ng) + (N - ng) * c2(ng - 1)),
                .liaison: 4 * others.reduce(0) { $0 + $1 * c2(N - $1 - ng) },
                .total: 2 * (N - 1) * (N - 2) * (N - 3),
            ]
            let sharedArc = pow(d, 3) * pow(1 - d, 3)
            var nodeScores: [Role: Score] = [:]
            for role in Role.allCases {
                let count = counts[role]!
                let expected = q * count
                let variance = expected * (1 - q) + max(0, covariancePairs[role]!) * sharedArc
                let sd = max(0, variance).squareRoot()
                let r = rawCounts[Role.allCases.firstIndex(of: role)!]
                nodeScores[role] = Score(
                    raw: r, expected: expected, standardDeviation: sd, z: sd > 0 ? (r - expected) / sd : nil)
            }
            scores.append(nodeScores)
            pairs.append(distinct)
        }
        return Result(scores: scores, density: d, crossGroupPairs: pairs)
    }
}
