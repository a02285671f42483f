import ArgumentParser
import Foundation
import NetGraph
import NetGraphReports

struct Analyze: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Summarise a network: actors and relations by type, network measures, top actors.",
        discussion: """
            Examples:
              netan analyze datasets/breda-illustratief
              netan analyze mijn-netwerk/ --format json > resultaten.json
              netan analyze netwerk.yaml --relation financiering --format markdown
              netan analyze regio/ --year 2024        # one year of a folder holding several
            """)

    @Argument(help: "A network folder, or a .yaml/.json network file.")
    var path: String

    @OptionGroup var output: OutputOptions
    @OptionGroup var viewOptions: ViewOptions
    @OptionGroup var yearOptions: YearOptions

    @Option(help: "Number of actors in each top list.")
    var top: Int = 10

    func run() throws {
        let network = try loadNetwork(path, year: yearOptions.year)
        let view = try viewOptions.makeView(for: network)
        let analysis = NetworkAnalysis(network, view: view)
        let report = AnalysisReport(analysis, language: output.language(for: network), top: top)
        Console.output(report.render(output.format))
    }
}
