import ArgumentParser
import Foundation
import NetGraph
import NetGraphReports

/// Output formats of `netan compare`: the usual four, and a coloured HTML table.
enum ComparisonFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json, markdown, html
}

struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare networks (regions, years) in one table with ranks.",
        discussion: """
            PATH may be folders or files of any format, or a glob in quotes.

            Examples:
              netan compare datasets/regions/*/2024
              netan compare 'datasets/regions/*/2024' --format markdown
              netan compare regio-a/ regio-b/ --format html > vergelijking.html
            """)

    @Argument(help: "Networks to compare.")
    var paths: [String]

    @Option(name: .shortAndLong, help: "Output format: table, csv, json, markdown or html.")
    var format: ComparisonFormat = .table

    @Option(help: "Language: nl or en.")
    var language: Language = .nl

    func validate() throws {
        if paths.isEmpty { throw ValidationError("Give at least one network.") }
    }

    func run() throws {
        let expanded = Glob.paths(paths)
        var analyses: [(path: String, analysis: NetworkAnalysis)] = []
        for (i, path) in expanded.enumerated() {
            if isatty(STDERR_FILENO) != 0 { Console.error("netan: \(i + 1)/\(expanded.count) \(path)") }
            analyses.append((path, NetworkAnalysis(try loadNetwork(path))))
        }
        let comparison = NetworkComparison(analyses)
        let output = OutputFormat(rawValue: format.rawValue) ?? .table
        Console.output(comparison.render(output, language: language.rawValue, html: format == .html))
    }
}
