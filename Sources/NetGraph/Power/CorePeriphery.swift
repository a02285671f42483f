/// Core–periphery structure after Borgatti & Everett 1999 (Social Networks 21:375–395,
/// doi:10.1016/S0378-8733(99)00019-2), on the undirected, unweighted view.
///
/// - **Discrete**: split actors into core and periphery so that the ties correlate best
///   (Pearson, over unordered pairs) with the ideal pattern: core–core 1,
///   periphery–periphery 0, and core–periphery pairs either ignored (`.missing`, UCINET's
///   default reading) or ideal 1 (`.one`). Exhaustive over all 2ⁿ splits for n ≤ 16; beyond
///   that the best of seeded single-node-flip hill climbs (a local optimum, as UCINET's
///   genetic search is).
/// - **Continuous**: coreness c minimising Σ_{i≠j} (a_ij − c_i c_j)², found by the fixed point
///   c_i = Σ_{j≠i} a_ij c_j / Σ_{j≠i} c_j²; reported with unit L2 norm, plus the residual
///   of the unscaled fit.
public enum CorePeriphery {
    /// Largest network analysed (the methods keep an n × n adjacency matrix).
    public static let maximumActors = 5_000

    /// The ideal value of core–periphery pairs in the discrete fit: `.missing` ignores them
    /// (UCINET's default), `.one` expects a tie.
    public enum Pattern: String, Sendable { case missing, one }

    /// A discrete core–periphery split.
    public struct Discrete: Sendable {
        /// Node indices of the core, ascending.
        public var core: [Int]
        /// Pearson correlation of the ties with the ideal pattern (−1 when undefined; NaN for
        /// fewer than two nodes).
        public var correlation: Double
    }

    static func adjacency(_ graph: Graph) -> [[Bool]] {
        let n = graph.nodeCount
        var a = [[Bool]](repeating: [Bool](repeating: false, count: n), count: n)
        let view = graph.undirectedNeighbors()
        for u in 0..<n {
            for v in view.targets[view.offsets[u]..<view.offsets[u + 1]] { a[u][Int(v)] = true }
        }
        return a
    }

    /// (tie, ideal) of the pair (i, j), or nil when the pattern ignores it.
    @inline(__always)
    static func pair(_ a: [[Bool]], _ i: Int, _ j: Int, _ inCore: [Bool], _ pattern: Pattern) -> (
        Double, Double
    )? {
        let ideal: Double
        if inCore[i] && inCore[j] {
            ideal = 1
        } else if !inCore[i] && !inCore[j] {
            ideal = 0
        } else if pattern == .missing {
            return nil
        } else {
            ideal = 1
        }
        return (a[i][j] ? 1 : 0, ideal)
    }

    /// Sufficient statistics of a Pearson correlation.
    struct Sums {
        var count = 0.0, sx = 0.0, sy = 0.0, sxy = 0.0, sxx = 0.0, syy = 0.0
        mutating func add(_ p: (Double, Double)?, _ sign: Double) {
            guard let (x, y) = p else { return }
            count += sign
            sx += sign * x
            sy += sign * y
            sxy += sign * x * y
            sxx += sign * x * x
            syy += sign * y * y
        }
        var correlation: Double {
            guard count > 0 else { return -1 }
            let cov = sxy - sx * sy / count
            let vx = sxx - sx * sx / count
            let vy = syy - sy * sy / count
            return vx > 1e-12 && vy > 1e-12 ? cov / (vx * vy).squareRoot() : -1
        }
    }

    /// Correlation of the ties with the ideal pattern for the core membership `inCore`.
    static func fit(_ a: [[Bool]], _ inCore: [Bool], _ pattern: Pattern) -> Double {
        let n = a.count
        var count = 0.0
        var sx = 0.0
        var sy = 0.0
        var sxy = 0.0
        var sxx = 0.0
        var syy = 0.0
        for i in 0..<n {
            for j in (i + 1)..<n {
                let ideal: Double
                if inCore[i] && inCore[j] {
                    ideal = 1
                } else if !inCore[i] && !inCore[j] {
                    ideal = 0
                } else if pattern == .missing {
                    continue
                } else {
                    ideal = 1
                }
                let x = a[i][j] ? 1.0 : 0.0
                count += 1
                sx += x
                sy += ideal
                sxy += x * ideal
                sxx += x * x
                syy += ideal * ideal
            }
        }
        guard count > 0 else { return -1 }
        let cov = sxy - sx * sy / count
        let vx = sxx - sx * sx / count
        let vy = syy - sy * sy / count
        return vx > 0 && vy > 0 ? cov / (vx * vy).squareRoot() : -1
    }

    /// The core–periphery split whose ties correlate best with the ideal `pattern`:
    /// exhaustive over all non-empty cores for n ≤ 16, else the best of 20 single-node-flip
    /// hill climbs (the first from the highest-degree tenth, the others from random cores
    /// drawn with `seed`).
    /// - Complexity: O(2ⁿ n²) for n ≤ 16; O(n²) per flip sweep beyond; O(n²) memory.
    public static func discrete(_ graph: Graph, pattern: Pattern = .missing, seed: UInt64 = 42) -> Discrete {
        let a = adjacency(graph)
        let n = a.count
        guard n >= 2 else { return Discrete(core: [], correlation: .nan) }
        var best = [Bool](repeating: false, count: n)
        var bestFit = -Double.infinity
        if n <= 16 {
            var inCore = [Bool](repeating: false, count: n)
            for mask in 1..<(1 << n) {
                for i in 0..<n { inCore[i] = mask & (1 << i) != 0 }
                let f = fit(a, inCore, pattern)
                if f > bestFit + 1e-12 {
                    bestFit = f
                    best = inCore
                }
            }
        } else {
            var rng = SplitMix64(seed: seed)
            let degree = (0..<n).map { i in a[i].filter { $0 }.count }
            for start in 0..<20 {
                // First start: the highest-degree tenth as core; later ones random.
                var inCore: [Bool]
                if start == 0 {
                    let cut = degree.sorted(by: >)[max(0, n / 10 - 1)]
                    inCore = degree.map { $0 >= cut }
                } else {
                    inCore = (0..<n).map { _ in rng.nextDouble() < 0.2 }
                }
                // Running sums over the included pairs; a flip of node i changes only pairs (i, j).
                var sums = Sums()
                for i in 0..<n { for j in (i + 1)..<n { sums.add(pair(a, i, j, inCore, pattern), 1) } }
                var current = sums.correlation
                var improved = true
                while improved {
                    improved = false
                    for i in 0..<n {
                        var trial = sums
                        for j in 0..<n where j != i { trial.add(pair(a, i, j, inCore, pattern), -1) }
                        inCore[i].toggle()
                        for j in 0..<n where j != i { trial.add(pair(a, i, j, inCore, pattern), 1) }
                        let f = trial.correlation
                        if f > current + 1e-12 {
                            current = f
                            sums = trial
                            improved = true
                        } else {
                            inCore[i].toggle()
                        }
                    }
                }
                if current > bestFit + 1e-12 {
                    bestFit = current
                    best = inCore
                }
            }
        }
        return Discrete(core: (0..<n).filter { best[$0] }, correlation: bestFit)
    }

    /// Continuous coreness (unit L2) and the residual Σ_{i≠j} (a_ij − c_i c_j)² of the fit.
    public static func continuous(_ graph: Graph) -> (coreness: [Double], residual: Double) {
        let a = adjacency(graph)
        let n = a.count
        guard n >= 2 else { return ([Double](repeating: 0, count: n), 0) }
        var c = (0..<n).map { i in Double(a[i].filter { $0 }.count) + 0.1 }
        let norm0 = c.reduce(0) { $0 + $1 * $1 }.squareRoot()
        c = c.map { $0 / norm0 }
        for _ in 0..<100_000 {
            let squares = c.reduce(0) { $0 + $1 * $1 }
            var next = c
            for i in 0..<n {
                var s = 0.0
                for j in 0..<n where j != i && a[i][j] { s += c[j] }
                let denominator = squares - c[i] * c[i]
                next[i] = denominator > 0 ? s / denominator : 0
            }
            // Average with the previous iterate to damp oscillation.
            for i in 0..<n { next[i] = 0.5 * (next[i] + c[i]) }
            let change = zip(next, c).reduce(0) { $0 + abs($1.0 - $1.1) }
            c = next
            if change < 1e-14 * Double(n) { break }
        }
        var residual = 0.0
        for i in 0..<n {
            for j in 0..<n where j != i {
                let d = (a[i][j] ? 1.0 : 0.0) - c[i] * c[j]
                residual += d * d
            }
        }
        let norm = c.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return (norm > 0 ? c.map { $0 / norm } : c, residual)
    }
}
