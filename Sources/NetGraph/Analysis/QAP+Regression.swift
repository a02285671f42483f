import Foundation

/// The dyads of an n × n matrix that a QAP model reads: (i, j) with i ≠ j when directed, i < j
/// otherwise, row by row. The diagonal is never read (sna's `diag = FALSE`).
struct QAPDyads: Sendable {
    let actorCount: Int
    let directed: Bool
    /// Row (sender) of each dyad.
    let rows: [Int]
    /// Column (receiver) of each dyad.
    let columns: [Int]

    init(actorCount n: Int, directed: Bool) {
        self.actorCount = n
        self.directed = directed
        var rows: [Int] = []
        var columns: [Int] = []
        let count = directed ? n * max(n - 1, 0) : n * max(n - 1, 0) / 2
        rows.reserveCapacity(count)
        columns.reserveCapacity(count)
        for i in 0..<n {
            let start = directed ? 0 : i + 1
            for j in start..<n where j != i {
                rows.append(i)
                columns.append(j)
            }
        }
        self.rows = rows
        self.columns = columns
    }

    var count: Int { rows.count }

    /// The values of a row-major n × n matrix at the dyads.
    func vector(_ matrix: [Double]) -> [Double] {
        let n = actorCount
        return rows.indices.map { matrix[rows[$0] * n + columns[$0]] }
    }

    /// The n × n matrix holding `values` at the dyads, mirrored into the lower triangle when
    /// undirected; zero elsewhere.
    func matrix(_ values: [Double]) -> [Double] {
        let n = actorCount
        var matrix = [Double](repeating: 0, count: n * n)
        for d in rows.indices {
            matrix[rows[d] * n + columns[d]] = values[d]
            if !directed { matrix[columns[d] * n + rows[d]] = values[d] }
        }
        return matrix
    }

    /// The dyad values of `matrix` with rows and columns relabelled jointly by `permutation`:
    /// `out[d] = matrix[π(i) · n + π(j)]` for dyad d = (i, j), as sna's `rmperm` (m[o, o]).
    func permuted(_ matrix: [Double], by permutation: [Int], into out: inout [Double]) {
        let n = actorCount
        for d in rows.indices { out[d] = matrix[permutation[rows[d]] * n + permutation[columns[d]]] }
    }
}

/// Small dense linear algebra for QAP models (columns of equal length, a handful of them).
enum QAPAlgebra {
    /// Σ aᵢbᵢ.
    @inline(__always)
    static func dot(_ a: [Double], _ b: [Double]) -> Double {
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                var sum = 0.0
                for i in 0..<a.count { sum += a[i] * b[i] }
                return sum
            }
        }
    }

    /// v ← v − c·u.
    @inline(__always)
    static func subtract(_ c: Double, _ u: [Double], from v: inout [Double]) {
        u.withUnsafeBufferPointer { u in
            v.withUnsafeMutableBufferPointer { v in
                for i in 0..<v.count { v[i] -= c * u[i] }
            }
        }
    }

    /// out ← u ∘ w (elementwise product).
    @inline(__always)
    static func multiply(_ u: [Double], _ w: [Double], into out: inout [Double]) {
        u.withUnsafeBufferPointer { u in
            w.withUnsafeBufferPointer { w in
                out.withUnsafeMutableBufferPointer { out in
                    for i in 0..<out.count { out[i] = u[i] * w[i] }
                }
            }
        }
    }

    /// A thin QR factorisation X = QR or the first column that depends on those before it.
    enum Factorization {
        case factored(ThinQR)
        case deficient(column: Int)
    }

    /// Thin QR of a few long columns by modified Gram–Schmidt, each column orthogonalised
    /// twice ("twice is enough": Giraud, Langou & Rozložník 2005), so Q is orthonormal to
    /// working precision. A column whose norm after orthogonalisation is at most `tolerance`
    /// times its own norm is linearly dependent, the test of R's `qr` (LINPACK dqrdc2).
    struct ThinQR: Sendable {
        /// Orthonormal columns (k of them, each of the data's length).
        let q: [[Double]]
        /// Upper-triangular k × k factor, `r[i][j]` for i ≤ j.
        let r: [[Double]]

        static func factor(_ columns: [[Double]], tolerance: Double = 1e-7) -> Factorization {
            let k = columns.count
            var q: [[Double]] = []
            q.reserveCapacity(k)
            var r = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)
            for j in 0..<k {
                var v = columns[j]
                let original = QAPAlgebra.dot(v, v).squareRoot()
                for _ in 0..<2 {
                    for i in q.indices {
                        let c = QAPAlgebra.dot(q[i], v)
                        r[i][j] += c
                        QAPAlgebra.subtract(c, q[i], from: &v)
                    }
                }
                let norm = QAPAlgebra.dot(v, v).squareRoot()
                guard original > 0, norm.isFinite, norm > tolerance * original else {
                    return .deficient(column: j)
                }
                r[j][j] = norm
                let inverse = 1 / norm
                for d in v.indices { v[d] *= inverse }
                q.append(v)
            }
            return .factored(ThinQR(q: q, r: r))
        }

        /// v − QQᵀv, removing one direction at a time.
        func removeProjection(from v: inout [Double]) {
            for column in q { QAPAlgebra.subtract(QAPAlgebra.dot(column, v), column, from: &v) }
        }

        /// The residual of v after least squares on the factored columns.
        func residual(of v: [Double]) -> [Double] {
            var out = v
            removeProjection(from: &out)
            return out
        }

        /// R⁻¹Qᵀv: the least-squares coefficients of v on the factored columns.
        func solve(_ v: [Double]) -> [Double] {
            let b = q.map { QAPAlgebra.dot($0, v) }
            let k = b.count
            var c = [Double](repeating: 0, count: k)
            for i in stride(from: k - 1, through: 0, by: -1) {
                var s = b[i]
                for l in (i + 1)..<k { s -= r[i][l] * c[l] }
                c[i] = s / r[i][i]
            }
            return c
        }

        /// diag((XᵀX)⁻¹) = diag(R⁻¹R⁻ᵀ): the squared row norms of R⁻¹ (R's `chol2inv`).
        func inverseGramDiagonal() -> [Double] {
            let k = r.count
            var inverse = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)
            for j in 0..<k {
                inverse[j][j] = 1 / r[j][j]
                for i in stride(from: j - 1, through: 0, by: -1) {
                    var s = 0.0
                    for l in (i + 1)...j { s += r[i][l] * inverse[l][j] }
                    inverse[i][j] = -s / r[i][i]
                }
            }
            return inverse.map { row in row.reduce(0) { $0 + $1 * $1 } }
        }
    }
}

/// Model fits on dyad vectors: ordinary least squares (sna's `netlm`) and logistic
/// regression by IRLS exactly as R's `glm.fit` runs it (sna's `netlogit`).
enum QAPFit {
    struct Linear: Sendable {
        var coefficients: [Double]
        var standardErrors: [Double]
        /// t = b / se.
        var statistics: [Double]
        /// mss / (mss + rss) with mss about the mean fitted value (sna's print.summary.netlm).
        var rSquared: Double
    }

    struct Logistic: Sendable {
        var coefficients: [Double]
        var standardErrors: [Double]
        /// z = b / se.
        var statistics: [Double]
        var deviance: Double
        var converged: Bool
    }

    /// OLS of `y` on `columns` (already factored as `qr`): classical standard errors
    /// se_k = √(s² [(XᵀX)⁻¹]_kk), s² = rss / (m − p).
    static func linear(_ qr: QAPAlgebra.ThinQR, columns: [[Double]], y: [Double]) -> Linear {
        let b = qr.solve(y)
        let m = y.count
        let p = b.count
        var fitted = [Double](repeating: 0, count: m)
        for k in 0..<p { QAPAlgebra.subtract(-b[k], columns[k], from: &fitted) }
        var rss = 0.0
        for d in 0..<m {
            let e = y[d] - fitted[d]
            rss += e * e
        }
        let mean = fitted.reduce(0, +) / Double(m)
        var mss = 0.0
        for value in fitted { mss += (value - mean) * (value - mean) }
        let variance = rss / Double(m - p)
        let se = qr.inverseGramDiagonal().map { ($0 * variance).squareRoot() }
        let t = zip(b, se).map { $0 / $1 }
        return Linear(coefficients: b, standardErrors: se, statistics: t, rSquared: mss / (mss + rss))
    }

    // R's binomial family (src/library/stats/src/family.c): THRESH = 30, MTHRESH = −30,
    // DBL_EPSILON bounds.
    private static let epsilon = Double.ulpOfOne

    @inline(__always)
    static func linkInverse(_ eta: Double) -> Double {
        let t = eta < -30 ? epsilon : (eta > 30 ? 1 / epsilon : Foundation.exp(eta))
        return t / (1 + t)
    }

    @inline(__always)
    static func muEta(_ eta: Double) -> Double {
        if eta > 30 || eta < -30 { return epsilon }
        let e = Foundation.exp(eta)
        return e / ((1 + e) * (1 + e))
    }

    @inline(__always)
    private static func yLogY(_ y: Double, _ mu: Double) -> Double { y != 0 ? y * Foundation.log(y / mu) : 0 }

    static func deviance(_ y: [Double], _ mu: [Double]) -> Double {
        var sum = 0.0
        for d in y.indices { sum += 2 * (yLogY(y[d], mu[d]) + yLogY(1 - y[d], 1 - mu[d])) }
        return sum
    }

    /// Logistic regression of a 0/1 `y` on `columns` by iteratively reweighted least squares,
    /// step for step as R's `glm.fit(x, y, family = binomial())`: start at μ = (y + ½)/2,
    /// at most 25 iterations, stop when |dev − dev_old| / (|dev| + 0.1) < 1e-8. The standard
    /// errors are √diag((XᵀWX)⁻¹) with W = μ(1 − μ) of that last iteration, as glm's and sna's
    /// (so they agree with R to rounding, not just to the convergence tolerance). Nil when a
    /// weighted design becomes singular.
    static func logistic(columns: [[Double]], y: [Double]) -> Logistic? {
        let m = y.count
        let p = columns.count
        var eta = [Double](repeating: 0, count: m)
        var mu = [Double](repeating: 0, count: m)
        for d in 0..<m {
            let start = (y[d] + 0.5) / 2
            eta[d] = Foundation.log(start / (1 - start))
            mu[d] = linkInverse(eta[d])
        }
        var previous = deviance(y, mu)
        var current = previous
        var coefficients = [Double](repeating: 0, count: p)
        var last: QAPAlgebra.ThinQR?
        var converged = false
        var weighted = columns
        var z = [Double](repeating: 0, count: m)
        var w = [Double](repeating: 0, count: m)
        for _ in 0..<25 {
            for d in 0..<m {
                let derivative = muEta(eta[d])
                w[d] = (derivative * derivative / (mu[d] * (1 - mu[d]))).squareRoot()
                z[d] = (eta[d] + (y[d] - mu[d]) / derivative) * w[d]
            }
            for k in 0..<p { QAPAlgebra.multiply(columns[k], w, into: &weighted[k]) }
            guard case .factored(let qr) = QAPAlgebra.ThinQR.factor(weighted, tolerance: 1e-11) else {
                return nil
            }
            coefficients = qr.solve(z)
            guard coefficients.allSatisfy(\.isFinite) else { return nil }
            last = qr
            for d in 0..<m { eta[d] = 0 }
            for k in 0..<p { QAPAlgebra.subtract(-coefficients[k], columns[k], from: &eta) }
            for d in 0..<m { mu[d] = linkInverse(eta[d]) }
            current = deviance(y, mu)
            if abs(current - previous) / (abs(current) + 0.1) < 1e-8 {
                converged = true
                break
            }
            previous = current
        }
        guard let last else { return nil }
        let se = last.inverseGramDiagonal().map { $0.squareRoot() }
        return Logistic(
            coefficients: coefficients, standardErrors: se, statistics: zip(coefficients, se).map { $0 / $1 },
            deviance: current, converged: converged)
    }
}

/// Dekker's double semi-partialling permutation test (Dekker, Krackhardt & Snijders 2007),
/// as sna's `netlm`/`netlogit` with `nullhyp = "qapspp"`.
enum QAPPermutation {
    struct Tally {
        var reached = 0
        var valid = 0
    }

    /// Two-sided p-value of every coefficient (intercept included, as sna): for column k,
    /// regress it by OLS on the other columns, put the residuals back into an n × n matrix
    /// (mirrored when undirected), and for each of `permutations` joint row/column
    /// relabellings refit `y` on the other columns plus the relabelled residual. p is the share
    /// of refits whose |t| (linear) or |z| (logistic) for that column is at least the observed
    /// |t| or |z|, over the refits where it is defined; nil when none is, or when the observed
    /// statistic is undefined.
    static func pValues(
        columns: [[Double]], y: [Double], observed: [Double], dyads: QAPDyads, model: QAPModel,
        permutations: Int, seed: UInt64
    ) -> [Double?] {
        guard permutations > 0 else { return Array(repeating: nil, count: columns.count) }
        let m = y.count
        let p = columns.count
        let n = dyads.actorCount
        let degreesOfFreedom = Double(m - p)
        var result: [Double?] = []
        for k in 0..<p {
            let others = columns.indices.filter { $0 != k }.map { columns[$0] }
            guard !observed[k].isNaN, case .factored(let basis) = QAPAlgebra.ThinQR.factor(others) else {
                result.append(nil)
                continue
            }
            let residualMatrix = dyads.matrix(basis.residual(of: columns[k]))
            let yResidual = basis.residual(of: y)
            let yResidualSS = QAPAlgebra.dot(yResidual, yResidual)
            // Ties in |t| are compared with a relative slack of 1e-10 (rounding of refits that
            // are the observed fit, e.g. under an automorphism of the data).
            let target = abs(observed[k]) * (1 - 1e-10)
            var mixer = SplitMix64(seed: seed &+ UInt64(k) &* 0xA076_1D64_78BD_642F)
            let stream = mixer.next()
            let perRefit = model == .linear ? Double(4 * p) : Double(12 * p * p)
            let work = Double(permutations) * Double(m) * perRefit
            let tallies = Parallel.blocks(count: permutations, work: work, task: "QAP") { range -> Tally in
                var tally = Tally()
                var permutation = [Int](repeating: 0, count: n)
                var column = [Double](repeating: 0, count: m)
                for r in range {
                    // One generator per permutation: the result does not depend on threads.
                    var rng = SplitMix64(seed: stream &+ UInt64(r) &* 0xE703_7ED1_A0B4_28DB)
                    for i in 0..<n { permutation[i] = i }
                    if n > 1 {
                        for i in stride(from: n - 1, through: 1, by: -1) {
                            permutation.swapAt(i, Int(rng.next(below: UInt64(i + 1))))
                        }
                    }
                    dyads.permuted(residualMatrix, by: permutation, into: &column)
                    let statistic: Double
                    switch model {
                    case .linear:
                        statistic = linearStatistic(
                            column, basis: basis, yResidual: yResidual, yResidualSS: yResidualSS,
                            degreesOfFreedom: degreesOfFreedom)
                    case .logistic:
                        if let fit = QAPFit.logistic(columns: others + [column], y: y) {
                            statistic = fit.statistics[p - 1]
                        } else {
                            statistic = .nan
                        }
                    }
                    guard !statistic.isNaN else { continue }
                    tally.valid += 1
                    if abs(statistic) >= target { tally.reached += 1 }
                }
                return tally
            }
            let reached = tallies.reduce(0) { $0 + $1.reached }
            let valid = tallies.reduce(0) { $0 + $1.valid }
            result.append(valid > 0 ? Double(reached) / Double(valid) : nil)
        }
        return result
    }

    /// t of the last coefficient when y is regressed on the other columns (factored as
    /// `basis`) plus `column`, by Frisch–Waugh–Lovell: with e = column − QQᵀcolumn and
    /// r = y − QQᵀy, b = e·r / e·e, rss = r·r − (e·r)²/e·e and t = b / √(rss / df / e·e).
    /// NaN when the column lies in the span of the others (R's `qr` tolerance 1e-7).
    static func linearStatistic(
        _ column: [Double], basis: QAPAlgebra.ThinQR, yResidual: [Double], yResidualSS: Double,
        degreesOfFreedom: Double
    ) -> Double {
        var e = column
        basis.removeProjection(from: &e)
        let ee = QAPAlgebra.dot(e, e)
        let original = QAPAlgebra.dot(column, column)
        guard ee > 0, ee > 1e-14 * original else { return .nan }
        let er = QAPAlgebra.dot(e, yResidual)
        let rss = max(yResidualSS - er * er / ee, 0)
        return er / (ee * rss / degreesOfFreedom).squareRoot()
    }
}
