import Foundation
import NetGraph

/// Key figures of one network year by year (its waves), for the "Ontwikkeling" (trend)
/// section of a report on a network that holds more than two years.
///
/// Each year is analysed on its own (`Network.wave(_:)`): its relations and those
/// without a year. Density and degree centralization are those of `netan analyze` on that year;
/// the findings are counted by severity.
public struct WaveTrend: Sendable {
    /// The key figures of one year.
    public struct Row: Sendable, Equatable {
        /// The year.
        public var year: Int
        /// Number of actors in that year's wave.
        public var actors: Int
        /// Number of relations in that year's wave (those without a year included).
        public var relations: Int
        /// Density; nil when undefined (fewer than two actors).
        public var density: Double?
        /// Freeman degree centralization; nil when undefined.
        public var degreeCentralization: Double?
        /// Number of critical findings.
        public var critical: Int
        /// Number of warnings among the findings.
        public var warnings: Int
    }

    /// One row per year, oldest first.
    public var rows: [Row]
    /// The year the rest of the report is about.
    public var reportedYear: Int
    /// Relations without a year, which count in every year.
    public var relationsWithoutYear: Int

    /// The trend of analyses of each year, computed once by the caller.
    ///
    /// - Parameters:
    ///   - waves: the analysis of each year (any order; rows are sorted by year).
    ///   - reportedYear: the year the report is about.
    ///   - relationsWithoutYear: relations without a year (they count in every year).
    public init(
        _ waves: [(year: Int, analysis: NetworkAnalysis)], reportedYear: Int, relationsWithoutYear: Int = 0
    ) {
        func defined(_ value: Double) -> Double? { value.isFinite ? value : nil }
        rows = waves.sorted { $0.year < $1.year }.map { year, analysis in
            Row(
                year: year, actors: analysis.network.actors.count,
                relations: analysis.network.relations.count,
                density: defined(analysis.centrality[.density]),
                degreeCentralization: defined(analysis.centrality[.degreeCentralization]),
                critical: analysis.flags.filter { $0.severity == .critical }.count,
                warnings: analysis.flags.filter { $0.severity == .warning }.count)
        }
        self.reportedYear = reportedYear
        self.relationsWithoutYear = relationsWithoutYear
    }

    /// The table: one row per year. For people (`exact` false) numbers are rounded and written
    /// in the language's style (a decimal comma in Dutch); `exact` gives full precision with a
    /// decimal point and English keys, for `tables/trend.csv`.
    public func table(language: String, exact: Bool = false) -> TextTable {
        let english = language == "en"
        func number(_ value: Double?) -> String {
            guard let value else { return exact ? "" : "—" }
            return exact ? "\(value)" : FindingLabels.decimal(value, 3, english)
        }
        let columns =
            exact
            ? ["year", "actors", "relations", "density", "degree_centralization", "critical", "warning"]
            : english
                ? ["year", "actors", "relations", "density", "degree centralization", "critical", "warnings"]
                : [
                    "jaar", "actoren", "relaties", "dichtheid", "centralisatie (graad)", "kritiek",
                    "waarschuwingen",
                ]
        return TextTable(
            columns: columns,
            rows: rows.map {
                [
                    String($0.year), String($0.actors), String($0.relations), number($0.density),
                    number($0.degreeCentralization), String($0.critical), String($0.warnings),
                ]
            }, numericColumns: [1, 2, 3, 4, 5, 6])
    }

    /// What the table shows, in one or two sentences: the years, the year reported on, and the
    /// relations without a year.
    public func caption(language: String) -> String {
        let english = language == "en"
        let first = rows.first.map { String($0.year) } ?? ""
        let last = rows.last.map { String($0.year) } ?? ""
        var text =
            english
            ? "Key figures of each year from \(first) to \(last); the rest of this report is about "
                + "\(reportedYear)."
            : "Kerncijfers van elk jaar van \(first) tot en met \(last); de rest van dit rapport gaat over "
                + "\(reportedYear)."
        if relationsWithoutYear > 0 {
            let n = relationsWithoutYear
            text +=
                english
                ? " \(n) relation\(n == 1 ? "" : "s") without a year count in every year."
                : " \(n) \(n == 1 ? "relatie" : "relaties") zonder jaar \(n == 1 ? "telt" : "tellen") "
                    + "in elk jaar mee."
        }
        return text
    }
}
