import ArgumentParser
import Foundation
import NetGraph
import NetGraphIO
import NetGraphReports

/// Output formats of `netan compare`: the usual four, and an HTML page (findings by theme, dot
/// charts, every figure).
enum ComparisonFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json, markdown, html
}

struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare networks (regions, years) in one table with ranks.",
        discussion: """
            The table fits 120 columns: per network its actors, centralization, Gini,
            funding HHI and client representation with their ranks, and the most severe
            finding; --wide shows every figure and why each network stands out. CSV and
            JSON hold every figure. The HTML page shows which network has which problem
            (findings by theme), a dot chart per key figure and every figure.

            PATH may be folders or files of any format, or a glob in quotes. A network
            holding several years (a year column in relations.csv) is compared year by
            year with --years: each year is one row, named by the year. --year Y takes
            that year of every network.

            Examples:
              netan compare datasets/regions/*/2024
              netan compare 'datasets/regions/*/2024' --wide
              netan compare 'datasets/regions/*/2024' --format markdown
              netan compare regio-a/ regio-b/ --format html > vergelijking.html
              netan compare golven/ --years
              netan compare regio-a/ regio-b/ --year 2024
            """)

    @Argument(help: "Networks to compare.")
    var paths: [String]

    @Option(name: .shortAndLong, help: "Output format: table, csv, json, markdown or html.")
    var format: ComparisonFormat = .table

    @Option(help: "Language: nl or en.")
    var language: Language = .nl

    @Flag(
        help: ArgumentHelp(
            "Compare the years of each network: one row per year (the relations of that year and "
                + "those without a year)."))
    var years = false

    @Flag(
        help: ArgumentHelp(
            "With --format table: every figure and a 'why' line per network (wider than 120 "
                + "columns). Without it the table holds the key figures and the most severe finding."))
    var wide = false

    @OptionGroup var yearOptions: YearOptions

    func validate() throws {
        if paths.isEmpty { throw ValidationError("Give at least one network.") }
        if years && yearOptions.year != nil {
            throw ValidationError("Give --years (every year) or --year Y (one year), not both.")
        }
    }

    func run() throws {
        let expanded = Glob.paths(paths)
        var analyses: [(path: String, analysis: NetworkAnalysis)] = []
        for (i, path) in expanded.enumerated() {
            if isatty(STDERR_FILENO) != 0 { Console.error("netan: \(i + 1)/\(expanded.count) \(path)") }
            guard years else {
                analyses.append((path, NetworkAnalysis(try loadNetwork(path, year: yearOptions.year))))
                continue
            }
            let loaded = try loadNetworkFile(path)
            let waves: [(year: Int, network: Network)]
            do {
                waves = try loaded.waves(path: path)
            } catch let error as NetworkLoadError {
                try failLoading(error, path: path)
            }
            for (year, wave) in waves {
                // Rows named by the year; with several networks, by name and year.
                var named = wave
                named.metadata.name = expanded.count == 1 ? String(year) : "\(wave.metadata.name) \(year)"
                analyses.append((path, NetworkAnalysis(named)))
            }
        }
        let comparison = NetworkComparison(analyses)
        let output = OutputFormat(rawValue: format.rawValue) ?? .table
        Console.output(
            comparison.render(output, language: language.rawValue, html: format == .html, wide: wide))
    }
}
