import Foundation

/// Which model a QAP regression fits to the dyads.
public enum QAPModel: String, CaseIterable, Sendable {
    /// Ordinary least squares on the dyad values, as R sna's `netlm`.
    case linear
    /// Logistic regression of a 0/1 dependent (maximum likelihood by IRLS), as sna's `netlogit`.
    case logistic
}

/// A named predictor of a QAP regression: an n × n matrix, row-major (`matrix[i * n + j]` is
/// the value of the dyad from actor i to actor j). The diagonal is never read.
public struct QAPPredictor: Sendable, Equatable {
    /// The coefficient's name in the results, e.g. "financiering" or "same:region".
    public var name: String
    /// The n × n values, row-major.
    public var matrix: [Double]

    /// A predictor called `name` with these row-major n × n values.
    public init(name: String, matrix: [Double]) {
        self.name = name
        self.matrix = matrix
    }
}

/// Regression of one relation on others, network by network, with p-values that respect the
/// dependence between dyads: multiple regression QAP (MRQAP).
///
/// **Data.** The dependent y and each predictor X_k are n × n matrices over the same actors.
/// The model reads one value per dyad: every ordered pair (i, j), i ≠ j, when `directed`;
/// only the upper triangle i < j otherwise (for symmetric matrices the same dyads as sna's
/// `mode = "graph"`, which reads the lower triangle). The diagonal is never used (sna's
/// `diag = FALSE`). An intercept comes first, named "intercept".
///
/// **Estimates.** `.linear`: ordinary least squares, b = (XᵀX)⁻¹Xᵀy, classical standard errors
/// se_k = √(s²[(XᵀX)⁻¹]_kk) with s² = rss/(m − p), t = b/se and R² = mss/(mss + rss) (mss
/// about the mean fitted value), as sna's `netlm` and `print.summary.netlm`. `.logistic`: a
/// 0/1 dependent, maximum likelihood by iteratively reweighted least squares run exactly as
/// R's `glm.fit(family = binomial())` (start μ = (y + ½)/2, deviance tolerance 1e-8, at most
/// 25 iterations), standard errors from the inverse Fisher information (XᵀWX)⁻¹, W = μ(1 − μ),
/// of glm's last iteration, z = b/se and AIC = deviance + 2p, as sna's `netlogit`. The
/// numbers agree with sna 2.7-1 to rounding (Tests/TestSupport/Fixtures/qap).
///
/// **p-values.** Dekker's double semi-partialling (Dekker, Krackhardt & Snijders 2007,
/// Psychometrika 72:563–581, doi:10.1007/s11336-007-9016-1), sna's default
/// `nullhyp = "qapspp"`: for each coefficient k, intercept included, X_k is regressed by OLS
/// on the other columns; its residuals, put back into an n × n matrix (mirrored when
/// undirected), are relabelled by `permutations` random joint permutations of rows and columns
/// (Krackhardt 1988, Social Networks 10:359–381, doi:10.1016/0378-8733(88)90004-4), and y is
/// refitted on the other columns plus the relabelled residuals. The p-value is the two-sided
/// share Pr(|t*| ≥ |t|) (|z| for logistic) of the refits, sna's `Pr(>=|b|)`, counted as sna
/// does (#reached / #permutations, no +1), over the refits where the statistic is defined.
/// Permutations come from `SplitMix64` seeded by `seed`, one generator per permutation, so
/// results do not depend on the number of threads; they differ from R's draws, so p-values
/// agree with sna within Monte Carlo error only.
///
/// - Complexity: with m dyads (≈ n²) and p coefficients, the fit is O(m p²); the linear test
///   O(p · permutations · m p) (each refit by Frisch–Waugh–Lovell on a fixed basis), the
///   logistic test O(p · permutations · iterations · m p²). Memory O(m p + n²).
public struct QAPRegression: Sendable {
    /// One estimated coefficient.
    public struct Coefficient: Sendable, Equatable {
        /// "intercept" or the predictor's name.
        public var name: String
        /// The estimate b_k (log-odds per unit for `.logistic`).
        public var estimate: Double
        /// The standard error se_k (classical OLS, or from the inverse Fisher information).
        public var standardError: Double
        /// b_k / se_k: t for `.linear`, z for `.logistic`; the statistic the test compares.
        public var statistic: Double
        /// Two-sided QAP p-value Pr(|t*| ≥ |t|); nil without permutations or when undefined.
        public var pValue: Double?
    }

    /// The model fitted.
    public let model: QAPModel
    /// Whether all ordered pairs were used (true) or only the upper triangle.
    public let directed: Bool
    /// Number of actors n.
    public let actorCount: Int
    /// Number of dyads used, m: n(n − 1) directed, n(n − 1)/2 undirected.
    public let dyadCount: Int
    /// The intercept first, then one coefficient per predictor in the order given.
    public let coefficients: [Coefficient]
    /// R² of `.linear` (sna's definition); nil for `.logistic`.
    public let rSquared: Double?
    /// AIC of `.logistic` (glm's definition: deviance + 2p for a 0/1 dependent); nil for
    /// `.linear`.
    public let aic: Double?
    /// Residual deviance of `.logistic`; nil for `.linear`.
    public let deviance: Double?
    /// False when the logistic fit stopped after 25 iterations without converging (as glm
    /// warns; usually separation: a predictor decides the outcome). Always true for `.linear`.
    public let converged: Bool
    /// Number of permutations per coefficient (0: no p-values).
    public let permutations: Int
    /// Seed of the permutations.
    public let seed: UInt64

    /// Fits `model` of `dependent` on an intercept and `predictors` (all n × n, row-major,
    /// n = `actorCount`) and tests every coefficient by Dekker's double semi-partialling.
    ///
    /// - Throws: `QAPError` when sizes differ, values at the dyads are not finite, there are
    ///   no predictors or too few dyads, the dependent does not vary (or is not 0/1 for
    ///   `.logistic`), a predictor is constant or a linear combination of the others, or the
    ///   logistic fit breaks down.
    public init(
        dependent: [Double], predictors: [QAPPredictor], actorCount: Int, directed: Bool,
        model: QAPModel = .linear, permutations: Int = 1000, seed: UInt64 = 42
    ) throws {
        guard permutations >= 0 else { throw QAPError.invalidPermutations(permutations) }
        guard !predictors.isEmpty else { throw QAPError.noPredictors }
        let n = actorCount
        guard n >= 0, dependent.count == n * n else {
            throw QAPError.matrixSize(name: "dependent", expected: n * n, actual: dependent.count)
        }
        for predictor in predictors where predictor.matrix.count != n * n {
            throw QAPError.matrixSize(name: predictor.name, expected: n * n, actual: predictor.matrix.count)
        }
        let dyads = QAPDyads(actorCount: n, directed: directed)
        let m = dyads.count
        let p = predictors.count + 1
        guard m > p else { throw QAPError.tooFewDyads(dyads: m, parameters: p) }
        let y = dyads.vector(dependent)
        guard y.allSatisfy(\.isFinite) else { throw QAPError.nonFiniteValue(name: "dependent") }
        guard y.contains(where: { $0 != y[0] }) else { throw QAPError.constantDependent }
        if model == .logistic && !y.allSatisfy({ $0 == 0 || $0 == 1 }) { throw QAPError.dependentNotBinary }
        let names = ["intercept"] + predictors.map(\.name)
        var columns = [[Double](repeating: 1, count: m)]
        for predictor in predictors {
            let column = dyads.vector(predictor.matrix)
            guard column.allSatisfy(\.isFinite) else { throw QAPError.nonFiniteValue(name: predictor.name) }
            columns.append(column)
        }
        let qr: QAPAlgebra.ThinQR
        switch QAPAlgebra.ThinQR.factor(columns) {
        case .factored(let factored): qr = factored
        case .deficient(let column): throw QAPError.collinearPredictor(name: names[column])
        }

        let estimates: [Double]
        let errors: [Double]
        let statistics: [Double]
        switch model {
        case .linear:
            let fit = QAPFit.linear(qr, columns: columns, y: y)
            estimates = fit.coefficients
            errors = fit.standardErrors
            statistics = fit.statistics
            rSquared = fit.rSquared
            aic = nil
            deviance = nil
            converged = true
        case .logistic:
            guard let fit = QAPFit.logistic(columns: columns, y: y) else { throw QAPError.logisticFitFailed }
            estimates = fit.coefficients
            errors = fit.standardErrors
            statistics = fit.statistics
            rSquared = nil
            aic = fit.deviance + 2 * Double(p)
            deviance = fit.deviance
            converged = fit.converged
        }
        let pValues = QAPPermutation.pValues(
            columns: columns, y: y, observed: statistics, dyads: dyads, model: model,
            permutations: permutations, seed: seed)
        coefficients = names.indices.map {
            Coefficient(
                name: names[$0], estimate: estimates[$0], standardError: errors[$0],
                statistic: statistics[$0], pValue: pValues[$0])
        }
        self.model = model
        self.directed = directed
        self.actorCount = n
        self.dyadCount = m
        self.permutations = permutations
        self.seed = seed
    }

    /// The coefficient called `name` ("intercept" or a predictor's name), if any.
    public subscript(name: String) -> Coefficient? { coefficients.first { $0.name == name } }
}

/// QAP correlation (Krackhardt 1988): the Pearson correlation of two n × n matrices over the
/// dyads (all ordered pairs when directed, the upper triangle otherwise; never the diagonal),
/// with a two-sided permutation p-value Pr(|r*| ≥ |r|).
///
/// It is the one-predictor case of `QAPRegression` (`.linear`, `first` the dependent):
/// r = sign(b) √R², and with a single predictor Dekker's residual is the centred `second`,
/// whose relabellings keep its mean and spread, so the refit's |t| rises with |r*| and the
/// p-value is the classical QAP test of R sna's `qaptest(…, gcor)` (two-sided).
/// - Complexity: O(permutations · m), m the number of dyads.
public struct QAPCorrelation: Sendable {
    /// Pearson's r over the dyads.
    public let correlation: Double
    /// Two-sided QAP p-value; nil without permutations.
    public let pValue: Double?
    /// Number of dyads used.
    public let dyadCount: Int
    /// Number of permutations.
    public let permutations: Int

    /// The QAP correlation of `first` and `second` (row-major n × n, n = `actorCount`).
    /// - Throws: `QAPError` as `QAPRegression` does; a constant `first` is
    ///   `.constantDependent`, a constant `second` `.collinearPredictor`.
    public init(
        _ first: [Double], _ second: [Double], actorCount: Int, directed: Bool, permutations: Int = 1000,
        seed: UInt64 = 42
    ) throws {
        let fit = try QAPRegression(
            dependent: first, predictors: [QAPPredictor(name: "x", matrix: second)], actorCount: actorCount,
            directed: directed, model: .linear, permutations: permutations, seed: seed)
        let slope = fit.coefficients[1]
        correlation = (slope.estimate < 0 ? -1 : 1) * min(1, max(0, fit.rSquared ?? 0)).squareRoot()
        pValue = slope.pValue
        dyadCount = fit.dyadCount
        self.permutations = permutations
    }
}

/// Why a QAP model cannot be built or fitted.
public enum QAPError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A matrix does not have n × n values.
    case matrixSize(name: String, expected: Int, actual: Int)
    /// A matrix holds NaN or an infinity at a dyad the model reads.
    case nonFiniteValue(name: String)
    /// No predictor was given.
    case noPredictors
    /// No more dyads than coefficients.
    case tooFewDyads(dyads: Int, parameters: Int)
    /// The dependent has the same value at every dyad.
    case constantDependent
    /// A logistic dependent holds values other than 0 and 1.
    case dependentNotBinary
    /// The predictor is constant over the dyads or a linear combination of the others.
    case collinearPredictor(name: String)
    /// The logistic fit broke down (a weighted design became singular).
    case logisticFitFailed
    /// A negative number of permutations.
    case invalidPermutations(Int)
    /// A predictor that is not `TYPE`, `same:ATTR`, `absdiff:ATTR`, `sender:ATTR` or
    /// `receiver:ATTR`.
    case invalidPredictor(spec: String)
    /// The same predictor twice.
    case duplicatePredictor(spec: String)
    /// A relation type that does not occur in the network (`known`: the types that do).
    case unknownRelationType(name: String, known: [String])
    /// An actor attribute no actor has (`known`: the attributes that exist).
    case unknownAttribute(name: String, known: [String])
    /// An actor without a value for the attribute.
    case missingValue(actor: String, attribute: String)
    /// A value that is not a number where one is needed.
    case nonNumericValue(actor: String, attribute: String, value: String)
    /// `sender:`/`receiver:` with an undirected dependent, where dyads have no direction.
    case directionalTermInUndirectedModel(spec: String)

    /// The message in English.
    public var description: String { text("en") }

    /// The message in `language` ("en" English, otherwise Dutch), with a hint where one helps.
    public func text(_ language: String) -> String {
        let nl = language != "en"
        switch self {
        case .matrixSize(let name, let expected, let actual):
            return nl
                ? "de matrix \(name) heeft \(actual) waarden in plaats van \(expected)."
                : "the matrix \(name) has \(actual) values instead of \(expected)."
        case .nonFiniteValue(let name):
            return nl
                ? "de matrix \(name) bevat NaN of oneindig." : "the matrix \(name) holds NaN or infinity."
        case .noPredictors:
            return nl
                ? "geef minstens één voorspeller, bijvoorbeeld --predictor financiering."
                : "give at least one predictor, e.g. --predictor financiering."
        case .tooFewDyads(let dyads, let parameters):
            return nl
                ? "\(dyads) paren is te weinig voor \(parameters) coëfficiënten. "
                    + "Hint: gebruik minder voorspellers."
                : "\(dyads) dyads are too few for \(parameters) coefficients. Hint: use fewer predictors."
        case .constantDependent:
            return nl
                ? "de afhankelijke relatie heeft bij elk paar dezelfde waarde; er valt niets te verklaren."
                : "the dependent relation has the same value for every pair; there is nothing to explain."
        case .dependentNotBinary:
            return nl
                ? "een logistisch model heeft een afhankelijke met alleen 0 en 1 nodig."
                : "a logistic model needs a dependent of 0s and 1s only."
        case .collinearPredictor(let name):
            return nl
                ? "de voorspeller \(name) is constant of een combinatie van de andere voorspellers. "
                    + "Hint: laat hem weg."
                : "the predictor \(name) is constant or a combination of the other predictors. "
                    + "Hint: leave it out."
        case .logisticFitFailed:
            return nl
                ? "het logistische model kon niet worden geschat. Hint: een voorspeller bepaalt de uitkomst "
                    + "mogelijk volledig (scheiding); laat die weg of kies --model linear."
                : "the logistic model could not be fitted. Hint: a predictor may decide the outcome "
                    + "completely (separation); leave it out or choose --model linear."
        case .invalidPermutations(let count):
            return nl
                ? "--permutations moet 0 of meer zijn, niet \(count)."
                : "--permutations must be 0 or more, not \(count)."
        case .invalidPredictor(let spec):
            return nl
                ? "onbekende voorspeller \"\(spec)\". Hint: schrijf een relatietype of same:ATTR, "
                    + "absdiff:ATTR, sender:ATTR of receiver:ATTR."
                : "unknown predictor \"\(spec)\". Hint: write a relation type or same:ATTR, absdiff:ATTR, "
                    + "sender:ATTR or receiver:ATTR."
        case .duplicatePredictor(let spec):
            return nl
                ? "de voorspeller \(spec) staat er twee keer in." : "the predictor \(spec) is given twice."
        case .unknownRelationType(let name, let known):
            let list = known.joined(separator: ", ")
            return nl
                ? "het relatietype \"\(name)\" komt in dit netwerk niet voor. Aanwezige typen: \(list)."
                : "the relation type \"\(name)\" does not occur in this network. Types present: \(list)."
        case .unknownAttribute(let name, let known):
            let list = known.joined(separator: ", ")
            return nl
                ? "geen actor heeft het kenmerk \"\(name)\". Beschikbaar: \(list)."
                : "no actor has the attribute \"\(name)\". Available: \(list)."
        case .missingValue(let actor, let attribute):
            return nl
                ? "actor \(actor) heeft geen waarde voor \(attribute). Hint: vul die in (actors.csv, kolom "
                    + "\(attribute)) of kies een ander kenmerk."
                : "actor \(actor) has no value for \(attribute). Hint: fill it in (actors.csv, column "
                    + "\(attribute)) or choose another attribute."
        case .nonNumericValue(let actor, let attribute, let value):
            return nl
                ? "actor \(actor) heeft \(attribute) = \"\(value)\", geen getal; absdiff:, sender: en "
                    + "receiver: hebben getallen nodig. Hint: verbeter de waarde of gebruik "
                    + "same:\(attribute)."
                : "actor \(actor) has \(attribute) = \"\(value)\", not a number; absdiff:, sender: and "
                    + "receiver: need numbers. Hint: correct the value or use same:\(attribute)."
        case .directionalTermInUndirectedModel(let spec):
            return nl
                ? "\(spec) heeft een richting nodig, maar de afhankelijke relatie is ongericht. "
                    + "Hint: gebruik same: of absdiff:."
                : "\(spec) needs a direction, but the dependent relation is undirected. "
                    + "Hint: use same: or absdiff:."
        }
    }
}

/// The dependent and predictor matrices of a QAP regression, built from a `Network`.
///
/// Actors are the rows and columns, in network order. The model is directed when any relation
/// of the dependent type is directed (then every ordered pair is a dyad), else undirected (the
/// upper triangle). Conventions, the same as scripts/reference/qap_reference.R:
/// - the dependent: summed weights of its relations, 0 where absent (`.linear`), or 1 where
///   at least one relation exists, else 0 (`.logistic`);
/// - a relation type `TYPE`: summed weights, 0 where absent; an undirected relation fills
///   (i, j) and (j, i); in an undirected model a directed relation counts for both directions
///   (the pair's value is w(i→j) + w(j→i));
/// - `same:ATTR`: 1 when both actors have the same value, else 0;
/// - `absdiff:ATTR`: |v_i − v_j|; `sender:ATTR`: v_i; `receiver:ATTR`: v_j (directed models
///   only: an undirected pair has no sender);
/// - ATTR is `type`, `name`, `id`, `size` (or the network's size column, e.g. `budget_mln`),
///   `influence`, `region`, or any other actor column. Every actor needs a value; absdiff,
///   sender and receiver need numbers (a decimal comma is read as a point).
/// Self-loops are ignored and the diagonal is 0.
/// - Complexity: O(n² · predictors + relations).
public struct QAPDesign: Sendable {
    /// One predictor as written on the command line.
    public enum Term: Sendable, Equatable, CustomStringConvertible {
        /// A relation type: its summed weights, 0 where absent.
        case relation(String)
        /// `same:ATTR`: 1 when both actors have the same value, else 0.
        case same(String)
        /// `absdiff:ATTR`: |v_i − v_j| of a numeric attribute.
        case absoluteDifference(String)
        /// `sender:ATTR`: v_i, the value of the actor the dyad starts from.
        case sender(String)
        /// `receiver:ATTR`: v_j, the value of the actor the dyad points to.
        case receiver(String)

        /// Parses `TYPE`, `same:ATTR`, `absdiff:ATTR`, `sender:ATTR` or `receiver:ATTR`.
        /// - Throws: `QAPError.invalidPredictor` for another prefix or an empty name.
        public init(parsing spec: String) throws {
            let text = spec.trimmingCharacters(in: .whitespaces)
            guard let colon = text.firstIndex(of: ":") else {
                guard !text.isEmpty else { throw QAPError.invalidPredictor(spec: spec) }
                self = .relation(text)
                return
            }
            let name = text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else { throw QAPError.invalidPredictor(spec: spec) }
            switch text[..<colon].lowercased() {
            case "same": self = .same(name)
            case "absdiff": self = .absoluteDifference(name)
            case "sender": self = .sender(name)
            case "receiver": self = .receiver(name)
            default: throw QAPError.invalidPredictor(spec: spec)
            }
        }

        /// The term as written: `TYPE`, `same:ATTR`, `absdiff:ATTR`, `sender:ATTR` or
        /// `receiver:ATTR`; also the coefficient's name.
        public var description: String {
            switch self {
            case .relation(let type): return type
            case .same(let attribute): return "same:\(attribute)"
            case .absoluteDifference(let attribute): return "absdiff:\(attribute)"
            case .sender(let attribute): return "sender:\(attribute)"
            case .receiver(let attribute): return "receiver:\(attribute)"
            }
        }
    }

    /// The dependent relation type, as the network spells it.
    public let dependentType: String
    /// The model the dependent was coded for.
    public let model: QAPModel
    /// Whether the dependent type is directed (all ordered pairs) or not (upper triangle).
    public let directed: Bool
    /// Actor ids in row/column order.
    public let actorIDs: [String]
    /// The n × n dependent, row-major.
    public let dependent: [Double]
    /// The predictors as parsed (relation types spelled as in the network).
    public let terms: [Term]
    /// The n × n predictor matrices, named by their term.
    public let predictors: [QAPPredictor]

    /// Number of actors n.
    public var actorCount: Int { actorIDs.count }

    /// Builds the matrices of `dependent` (a relation type) and `predictors` (terms as
    /// `Term(parsing:)` reads them) from `network`. Relation types match as the network
    /// spells them, or by their vocabulary name, ignoring case, accents and separators.
    /// - Throws: `QAPError` for no predictors, an unknown relation type or attribute, a
    ///   malformed or repeated term, `sender:`/`receiver:` in an undirected model, and an
    ///   actor with a missing or (where a number is needed) non-numeric value.
    public init(network: Network, dependent: String, predictors specs: [String], model: QAPModel = .linear)
        throws
    {
        guard !specs.isEmpty else { throw QAPError.noPredictors }
        let type = try QAPDesign.relationType(dependent, in: network)
        let directed = network.relations.contains { $0.type == type && $0.directed }
        var values = QAPDesign.relationMatrix(type, network: network, directed: directed)
        if model == .logistic { values = values.map { $0 > 0 ? 1 : 0 } }
        var terms: [Term] = []
        var predictors: [QAPPredictor] = []
        for spec in specs {
            var term = try Term(parsing: spec)
            if case .relation(let name) = term {
                term = .relation(try QAPDesign.relationType(name, in: network))
            }
            guard !terms.contains(term) else { throw QAPError.duplicatePredictor(spec: term.description) }
            let matrix = try QAPDesign.matrix(of: term, network: network, directed: directed)
            predictors.append(QAPPredictor(name: term.description, matrix: matrix))
            terms.append(term)
        }
        self.dependentType = type
        self.model = model
        self.directed = directed
        self.actorIDs = network.actors.map(\.id)
        self.dependent = values
        self.terms = terms
        self.predictors = predictors
    }

    /// Fits the model (see `QAPRegression`).
    /// - Throws: `QAPError` when the data cannot be fitted (constant dependent, collinear
    ///   predictors, too few dyads, a failed logistic fit).
    public func fit(permutations: Int = 1000, seed: UInt64 = 42) throws -> QAPRegression {
        try QAPRegression(
            dependent: dependent, predictors: predictors, actorCount: actorCount, directed: directed,
            model: model, permutations: permutations, seed: seed)
    }

    /// The relation type of the network that `name` means: as spelled in the data, through the
    /// vocabulary, or by normalised name.
    static func relationType(_ name: String, in network: Network) throws -> String {
        let present = Set(network.relations.map(\.type))
        if present.contains(name) { return name }
        if let known = network.vocabulary.relationType(named: name), present.contains(known.name) {
            return known.name
        }
        let key = Normalize.key(name)
        if let match = present.sorted().first(where: { Normalize.key($0) == key }) { return match }
        throw QAPError.unknownRelationType(name: name, known: present.sorted())
    }

    /// Summed weights of the relations of `type`, row-major; in an undirected model directed
    /// relations fill both directions.
    static func relationMatrix(_ type: String, network: Network, directed: Bool) -> [Double] {
        let n = network.actors.count
        var matrix = [Double](repeating: 0, count: n * n)
        for relation in network.relations where relation.type == type {
            guard let i = network.index(ofActor: relation.source),
                let j = network.index(ofActor: relation.target), i != j
            else { continue }
            matrix[i * n + j] += relation.weight
            if !relation.directed || !directed { matrix[j * n + i] += relation.weight }
        }
        return matrix
    }

    static func matrix(of term: Term, network: Network, directed: Bool) throws -> [Double] {
        let n = network.actors.count
        switch term {
        case .relation(let type):
            return relationMatrix(type, network: network, directed: directed)
        case .same(let attribute):
            let values = try categories(attribute, network: network)
            return filled(n) { values[$0] == values[$1] ? 1 : 0 }
        case .absoluteDifference(let attribute):
            let values = try numbers(attribute, network: network)
            return filled(n) { abs(values[$0] - values[$1]) }
        case .sender(let attribute):
            guard directed else { throw QAPError.directionalTermInUndirectedModel(spec: term.description) }
            let values = try numbers(attribute, network: network)
            return filled(n) { i, _ in values[i] }
        case .receiver(let attribute):
            guard directed else { throw QAPError.directionalTermInUndirectedModel(spec: term.description) }
            let values = try numbers(attribute, network: network)
            return filled(n) { _, j in values[j] }
        }
    }

    private static func filled(_ n: Int, _ value: (Int, Int) -> Double) -> [Double] {
        var matrix = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0..<n where j != i { matrix[i * n + j] = value(i, j) }
        }
        return matrix
    }

    /// An actor attribute: text or numbers, nil where an actor has no value.
    private enum Field {
        case text([String?])
        case numbers([Double?])
    }

    private static func field(_ attribute: String, network: Network) throws -> Field {
        let actors = network.actors
        switch Normalize.key(attribute) {
        case "type": return .text(actors.map { Optional($0.type) })
        case "name": return .text(actors.map { Optional($0.name) })
        case "id": return .text(actors.map { Optional($0.id) })
        case "region": return .text(actors.map(\.region))
        case "size": return .numbers(actors.map(\.size))
        case "influence": return .numbers(actors.map(\.influence))
        case "year": return .numbers(actors.map { $0.year.map(Double.init) })
        default: break
        }
        let columns = Set(actors.flatMap { Array($0.attributes.keys) }).sorted()
        if columns.contains(attribute) { return .text(actors.map { $0.attributes[attribute] }) }
        let key = Normalize.key(attribute)
        if let size = network.metadata.sizeAttribute, Normalize.key(size) == key {
            return .numbers(actors.map(\.size))
        }
        if let column = columns.first(where: { Normalize.key($0) == key }) {
            return .text(actors.map { $0.attributes[column] })
        }
        switch key {
        case "omvang": return .numbers(actors.map(\.size))
        case "invloed": return .numbers(actors.map(\.influence))
        case "regio": return .text(actors.map(\.region))
        case "naam": return .text(actors.map { Optional($0.name) })
        case "jaar": return .numbers(actors.map { $0.year.map(Double.init) })
        default:
            throw QAPError.unknownAttribute(
                name: attribute, known: ["id", "name", "type", "size", "influence", "region"] + columns)
        }
    }

    /// The attribute's values as category labels; every actor needs one.
    private static func categories(_ attribute: String, network: Network) throws -> [String] {
        switch try field(attribute, network: network) {
        case .text(let values):
            return try values.enumerated().map { i, value in
                let text = value?.trimmingCharacters(in: .whitespaces) ?? ""
                guard !text.isEmpty else {
                    throw QAPError.missingValue(actor: network.actors[i].id, attribute: attribute)
                }
                return text
            }
        case .numbers(let values):
            return try values.enumerated().map { i, value in
                guard let value else {
                    throw QAPError.missingValue(actor: network.actors[i].id, attribute: attribute)
                }
                return String(value)
            }
        }
    }

    /// The attribute's values as numbers; every actor needs a finite one.
    private static func numbers(_ attribute: String, network: Network) throws -> [Double] {
        switch try field(attribute, network: network) {
        case .numbers(let values):
            return try values.enumerated().map { i, value in
                guard let value else {
                    throw QAPError.missingValue(actor: network.actors[i].id, attribute: attribute)
                }
                return value
            }
        case .text(let values):
            return try values.enumerated().map { i, value in
                let text = value?.trimmingCharacters(in: .whitespaces) ?? ""
                let id = network.actors[i].id
                guard !text.isEmpty else { throw QAPError.missingValue(actor: id, attribute: attribute) }
                let number = Double(text) ?? Double(text.replacingOccurrences(of: ",", with: "."))
                guard let number, number.isFinite else {
                    throw QAPError.nonNumericValue(actor: id, attribute: attribute, value: text)
                }
                return number
            }
        }
    }
}
