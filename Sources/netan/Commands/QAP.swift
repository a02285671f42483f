import ArgumentParser
import Foundation
import NetGraph

extension QAPModel: ExpressibleByArgument {}

struct QAP: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qap",
        abstract: "Explain one relation by others: QAP regression with permutation p-values (nl/en).",
        discussion: """
            Regresses the dependent relation type on predictors, pair by pair (MRQAP): a relation \
            type (its weights, 0 where absent), same:ATTR (1 for pairs with the same value), \
            absdiff:ATTR (|difference|), sender:ATTR and receiver:ATTR (the value of the actor \
            the tie starts from or points to; directed types only). ATTR is type, name, size, \
            influence, region or any actor column. Directed when the dependent type is, else each \
            unordered pair once. --model linear is R sna's netlm on the weights, --model logistic \
            its netlogit on 0/1 ties. p-values: Dekker's double semi-partialling (sna's default), \
            two-sided. One predictor and the linear model give the QAP correlation.

            Examples:
              netan qap datasets/breda-illustratief --dependent samenwerking \\
                  --predictor overleg
              netan qap mijn-netwerk/ --dependent contract --model logistic \\
                  --predictor financiering --predictor same:type --predictor sender:size
              netan qap mijn-netwerk/ --dependent informatie \\
                  --predictor absdiff:influence --permutations 5000 --seed 7 --format json
            """)

    @Argument(help: "A network folder, or a .yaml/.json network file.")
    var path: String

    @Option(help: "The relation type to explain.")
    var dependent: String

    @Option(
        name: .customLong("predictor"),
        help: "TYPE, same:ATTR, absdiff:ATTR, sender:ATTR or receiver:ATTR (repeatable).")
    var predictors: [String] = []

    @Option(help: "linear (weights, as sna's netlm) or logistic (0/1 ties, as sna's netlogit).")
    var model: QAPModel = .linear

    @Option(help: "Permutations per coefficient for the p-values (0 = no test).")
    var permutations: Int = 1000

    @Option(help: "Seed for the permutations.")
    var seed: UInt64 = 42

    @Option(name: .shortAndLong, help: "Output format: table, csv, json or markdown.")
    var format: OutputFormat = .table

    @Option(
        name: [.customLong("lang"), .customLong("language")],
        help: "Language of the text: nl or en (default: the network's own, else nl).")
    var language: Language?

    @OptionGroup var yearOptions: YearOptions

    func validate() throws {
        if predictors.isEmpty {
            throw ValidationError("Give at least one --predictor, e.g. --predictor financiering.")
        }
        if permutations < 0 { throw ValidationError("--permutations must be 0 or more.") }
    }

    func run() throws {
        let network = try loadNetwork(path, year: yearOptions.year)
        let language = language?.rawValue ?? network.metadata.language
        let design: QAPDesign
        let fit: QAPRegression
        do {
            design = try QAPDesign(
                network: network, dependent: dependent, predictors: predictors, model: model)
            Netan.installProgress()
            fit = try design.fit(permutations: permutations, seed: seed)
        } catch let error as QAPError {
            switch error {
            case .invalidPredictor, .duplicatePredictor, .unknownRelationType, .unknownAttribute,
                .directionalTermInUndirectedModel, .noPredictors, .invalidPermutations:
                throw ValidationError(error.text(language))
            default:
                Console.error("\(path): error: \(error.text(language))")
                throw Exit.dataError
            }
        }
        let text = QAPText(network: network, design: design, fit: fit, language: language)
        if !fit.converged { Console.error(text.convergenceWarning()) }
        Console.output(text.render(format))
    }
}

/// The QAP results as a table, CSV, Markdown or JSON, with one plain sentence per coefficient.
private struct QAPText {
    let network: Network
    let design: QAPDesign
    let fit: QAPRegression
    let language: String

    var dutch: Bool { language != "en" }

    func render(_ format: OutputFormat) -> String {
        switch format {
        case .table:
            return
                ([title(), summary(), ""].joined(separator: "\n") + "\n" + table().terminal() + "\n"
                + ([fitLine()] + [""] + sentences()).joined(separator: "\n") + "\n")
        case .markdown:
            return "# " + TextTable.markdownEscape(title()) + "\n\n" + TextTable.markdownEscape(summary())
                + "\n\n" + table().markdown() + "\n" + TextTable.markdownEscape(fitLine()) + "\n\n"
                + sentences().map { "- " + TextTable.markdownEscape($0) }.joined(separator: "\n") + "\n"
        case .csv:
            return table(exact: true).csv()
        case .json:
            return JSONOutput.text(jsonObject()) + "\n"
        }
    }

    /// `{"model", "n", "coefficients": [{"name", "estimate", "std_error", "p_value"}]}` plus
    /// `"r_squared"` (linear) or `"aic"` (logistic); undefined numbers are null.
    func jsonObject() -> [String: Any] {
        var object: [String: Any] = [
            "model": fit.model.rawValue,
            "n": fit.dyadCount,
            "coefficients": fit.coefficients.map { c -> [String: Any] in
                [
                    "name": c.name, "estimate": c.estimate, "std_error": c.standardError,
                    "p_value": c.pValue.map { $0 as Any } ?? NSNull(),
                ]
            },
        ]
        switch fit.model {
        case .linear: object["r_squared"] = fit.rSquared ?? .nan
        case .logistic: object["aic"] = fit.aic ?? .nan
        }
        return object
    }

    func table(exact: Bool = false) -> TextTable {
        let rows = fit.coefficients.map { c -> [String] in
            if exact {
                return [
                    c.name, full(c.estimate), full(c.standardError), full(c.statistic),
                    c.pValue.map(full) ?? "",
                ]
            }
            return [
                dutch && c.name == "intercept" ? "constante" : c.name, String(format: "%.6g", c.estimate),
                String(format: "%.6g", c.standardError),
                String(format: "%.3f", c.statistic), c.pValue.map { String(format: "%.4f", $0) } ?? "—",
            ]
        }
        let statistic = exact ? "statistic" : (fit.model == .linear ? "t" : "z")
        // CSV keeps the machine names; the table people read is in their language.
        let columns =
            exact || !dutch
            ? [exact ? "name" : "coefficient", "estimate", "std_error", statistic, "p_value"]
            : ["coëfficiënt", "schatting", "standaardfout", statistic, "p-waarde"]
        return TextTable(
            columns: columns,
            rows: rows,
            numericColumns: [1, 2, 3, 4])
    }

    private func full(_ value: Double) -> String { value.isFinite ? "\(value)" : "" }

    // MARK: prose

    /// A number for sentences: 3 significant digits, decimal comma in Dutch.
    func number(_ value: Double, format: String = "%.3g") -> String {
        let text = String(format: format, value)
        return dutch ? text.replacingOccurrences(of: ".", with: ",") : text
    }

    func title() -> String {
        let terms = design.terms.map(\.description).joined(separator: ", ")
        let dependent = design.dependentType
        switch (dutch, fit.model) {
        case (true, .linear):
            return "QAP-regressie (lineair, als netlm van R sna): \(dependent) verklaard door \(terms)"
        case (true, .logistic):
            return "QAP-regressie (logistisch, als netlogit van R sna): \(dependent) verklaard door \(terms)"
        case (false, .linear):
            return "QAP regression (linear, as R sna's netlm): \(dependent) explained by \(terms)"
        case (false, .logistic):
            return "QAP regression (logistic, as R sna's netlogit): \(dependent) explained by \(terms)"
        }
    }

    func summary() -> String {
        var text = network.metadata.name + ". "
        if dutch {
            text += "\(fit.dyadCount) paren (\(fit.directed ? "gericht" : "ongericht")), "
            text +=
                fit.permutations > 0
                ? "p-waarden uit \(fit.permutations) permutaties per coëfficiënt (Dekker: dubbele "
                    + "semi-partiële residuen), seed \(fit.seed)."
                : "zonder permutatietoets."
        } else {
            text += "\(fit.dyadCount) dyads (\(fit.directed ? "directed" : "undirected")), "
            text +=
                fit.permutations > 0
                ? "p-values from \(fit.permutations) permutations per coefficient (Dekker's double "
                    + "semi-partialling), seed \(fit.seed)."
                : "no permutation test."
        }
        return text
    }

    func fitLine() -> String {
        switch fit.model {
        case .linear:
            var line = "R² = " + number(fit.rSquared ?? .nan, format: "%.4f")
            if fit.coefficients.count == 2, let r2 = fit.rSquared {
                let r = (fit.coefficients[1].estimate < 0 ? -1 : 1) * max(0, r2).squareRoot()
                line += dutch ? "; QAP-correlatie r = " : "; QAP correlation r = "
                line += number(r, format: "%.4f")
            }
            return line
        case .logistic:
            return "AIC = " + number(fit.aic ?? .nan, format: "%.2f")
        }
    }

    func convergenceWarning() -> String {
        dutch
            ? "let op: het logistische model convergeerde niet in 25 iteraties (mogelijk bepaalt een "
                + "voorspeller de uitkomst volledig); de schattingen zijn onbetrouwbaar."
            : "warning: the logistic model did not converge in 25 iterations (a predictor may decide the "
                + "outcome completely); the estimates are unreliable."
    }

    func sentences() -> [String] {
        fit.coefficients.enumerated().map { k, c in
            k == 0 ? interceptSentence(c) : sentence(c, term: design.terms[k - 1])
        }
    }

    // Relation types as nouns ("financieringsrelatie", "funding tie").
    private static let dutchTies = [
        "financiering": "financieringsrelatie", "contract": "contractrelatie", "overleg": "overlegrelatie",
        "informatie": "informatierelatie", "vertegenwoordiging": "vertegenwoordigingsrelatie",
        "samenwerking": "samenwerkingsrelatie", "verwijzing": "verwijzingsrelatie",
    ]
    private static let englishTies = [
        "financiering": "funding tie", "contract": "contract tie", "overleg": "consultation tie",
        "informatie": "information tie", "vertegenwoordiging": "representation tie",
        "samenwerking": "cooperation tie", "verwijzing": "referral tie",
    ]

    func tie(_ type: String) -> String {
        let key = Normalize.key(type)
        if dutch { return QAPText.dutchTies[key] ?? "relatie van het type ‘\(type)’" }
        return QAPText.englishTies[key] ?? "‘\(type)’ tie"
    }

    /// "a" or "an" before `phrase`.
    private func article(_ phrase: String) -> String {
        guard let first = phrase.lowercased().first else { return "a" }
        return "aeiou".contains(first) ? "an" : "a"
    }

    private func attributeLabel(_ attribute: String) -> String {
        switch Normalize.key(attribute) {
        case "size", "omvang": dutch ? "omvang" : "size"
        case "influence", "invloed": dutch ? "invloed" : "influence"
        case "region", "regio": dutch ? "regio" : "region"
        case "name", "naam": dutch ? "naam" : "name"
        case "type": "type"
        default: attribute
        }
    }

    private func more(_ attribute: String) -> String {
        switch Normalize.key(attribute) {
        case "size", "omvang": dutch ? "een grotere omvang" : "a larger size"
        case "influence", "invloed": dutch ? "meer invloed" : "more influence"
        default: dutch ? "een hogere waarde voor \(attribute)" : "a higher \(attribute)"
        }
    }

    private func same(_ attribute: String) -> String {
        switch Normalize.key(attribute) {
        case "type": dutch ? "hetzelfde type" : "the same type"
        case "size", "omvang", "influence", "invloed", "region", "regio", "name", "naam":
            dutch ? "dezelfde \(attributeLabel(attribute))" : "the same \(attributeLabel(attribute))"
        default: dutch ? "dezelfde waarde voor \(attribute)" : "the same \(attribute)"
        }
    }

    /// "(p = 0,003; niet door toeval te verklaren)".
    func pClause(_ p: Double?) -> String {
        guard let p else { return dutch ? "(niet getoetst)" : "(not tested)" }
        let shown: String
        if p == 0 && fit.permutations > 0 {
            shown = "p < " + number(1 / Double(fit.permutations), format: "%.4g")
        } else {
            shown = "p = " + number(p, format: p >= 0.001 ? "%.3f" : "%.4f")
        }
        let verdict =
            p < 0.05
            ? (dutch ? "niet door toeval te verklaren" : "unlikely to be chance")
            : (dutch ? "kan toeval zijn" : "could be chance")
        return "(\(shown); \(verdict))"
    }

    /// What the dyads with a higher predictor have: "hebben vaker ook een overlegrelatie".
    private func outcome(positive: Bool, qualifier: String?, also: Bool) -> String {
        let tie = (qualifier.map { $0 + " " } ?? "") + self.tie(design.dependentType)
        let ook = also && positive
        switch (dutch, fit.model) {
        case (true, .logistic):
            return "hebben \(positive ? "vaker" : "minder vaak")\(ook ? " ook" : "") een \(tie)"
        case (true, .linear):
            return "hebben gemiddeld\(ook ? " ook" : "") een \(positive ? "sterkere" : "zwakkere") \(tie)"
        case (false, .logistic):
            return
                "\(positive ? "more often" : "less often")\(ook ? " also" : "") have \(article(tie)) \(tie)"
        case (false, .linear):
            let strength = positive ? "stronger" : "weaker"
            return "\(ook ? "also " : "")have \(article(strength)) \(strength) \(tie) on average"
        }
    }

    func sentence(_ c: QAPRegression.Coefficient, term: QAPDesign.Term) -> String {
        let positive = c.estimate >= 0
        let subject: String
        var qualifier: String? = nil
        var also = false
        switch term {
        case .relation(let type):
            let stronger = !network.weightedRelationTypes(in: [type]).isEmpty
            let predictor = (stronger ? (dutch ? "sterkere " : "stronger ") : "") + tie(type)
            subject =
                dutch ? "Partijen met een \(predictor)" : "Parties with \(article(predictor)) \(predictor)"
            also = true
        case .same(let attribute):
            subject = dutch ? "Partijen met \(same(attribute))" : "Parties with \(same(attribute))"
        case .absoluteDifference(let attribute):
            subject =
                dutch
                ? "Partijen die meer verschillen in \(attributeLabel(attribute))"
                : "Parties that differ more in \(attributeLabel(attribute))"
        case .sender(let attribute):
            subject = dutch ? "Partijen met \(more(attribute))" : "Parties with \(more(attribute))"
            qualifier = dutch ? "uitgaande" : "outgoing"
        case .receiver(let attribute):
            subject = dutch ? "Partijen met \(more(attribute))" : "Parties with \(more(attribute))"
            qualifier = dutch ? "inkomende" : "incoming"
        }
        let effect = outcome(positive: positive, qualifier: qualifier, also: also)
        return "\(subject) \(effect) \(pClause(c.pValue))."
    }

    func interceptSentence(_ c: QAPRegression.Coefficient) -> String {
        let tie = self.tie(design.dependentType)
        let value = number(c.estimate)
        switch (dutch, fit.model) {
        case (true, .linear):
            return "De constante (\(value)) is de verwachte sterkte van de \(tie) bij paren waarvoor alle "
                + "voorspellers 0 zijn; op zichzelf zegt die weinig."
        case (true, .logistic):
            return
                "De constante (\(value)) is de log-odds van een \(tie) bij paren waarvoor alle voorspellers "
                + "0 zijn; op zichzelf zegt die weinig."
        case (false, .linear):
            return "The intercept (\(value)) is the expected strength of the \(tie) for pairs where every "
                + "predictor is 0; on its own it says little."
        case (false, .logistic):
            return "The intercept (\(value)) is the log-odds of \(article(tie)) \(tie) for pairs where every "
                + "predictor is 0; on its own it says little."
        }
    }
}
