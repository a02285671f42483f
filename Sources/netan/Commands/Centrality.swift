import ArgumentParser
import Foundation
import NetGraph
import NetGraphIO
import NetGraphReports

struct Centrality: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compute centrality measures per actor and network measures.",
        discussion: """
            Measures: \(ActorMeasure.allCases.map(\.rawValue).joined(separator: ", ")).
            Betweenness is raw (unordered pairs when undirected); weighted paths use distance = 1/weight.

            Examples:
              netan centrality datasets/breda-illustratief --top 5
              netan centrality mijn-netwerk/ --measure betweenness_normalized --measure pagerank --format csv
              netan centrality mijn-netwerk/ --relation financiering --weights ignore --format json
            """)

    @Argument(help: "A network folder, or a .yaml/.json network file.")
    var path: String

    @OptionGroup var output: OutputOptions
    @OptionGroup var viewOptions: ViewOptions
    @OptionGroup var yearOptions: YearOptions

    @Option(name: .customLong("measure"), help: "Measure to report (repeatable; default: all).")
    var measures: [ActorMeasure] = []

    @Option(help: "Rank actors by this measure (default: the first measure).")
    var sort: ActorMeasure?

    @Option(help: "Show only the top N actors in table and Markdown output.")
    var top: Int?

    @Flag(help: "Edge lists: treat ties as directed (default: undirected).")
    var directed = false

    func run() throws {
        if NetworkFormat.detect(path: path) == .edgeList {
            if yearOptions.year != nil {
                throw ValidationError("--year needs a network with years; an edge list has none.")
            }
            try runOnEdgeList()
            return
        }
        let network = try loadNetwork(path, year: yearOptions.year)
        let view = try viewOptions.makeView(for: network)
        let analysis = CentralityAnalysis(
            network, view: view, measures: measures.isEmpty ? nil : Set(measures))
        let report = CentralityReport(
            network: network, analysis: analysis, measures: measures.isEmpty ? nil : measures, top: top,
            sortBy: sort)
        Console.output(report.render(output.format))
    }

    /// Large edge lists go straight to the CSR graph (no actor model): fast and lean.
    func runOnEdgeList() throws {
        let view = try viewOptions.makeView(for: nil)
        let loaded: EdgeListGraph.Loaded
        do {
            loaded = try EdgeListGraph.load(
                path: path, directed: directed, weights: viewOptions.weights ?? .strength)
        } catch let error as EdgeListGraph.Failure {
            Console.error(error.description)
            throw Exit.dataError
        }
        let chosen = measures.isEmpty ? ActorMeasure.largeGraphDefaults : measures
        let analysis = CentralityAnalysis(
            graph: loaded.graph, network: nil, view: view, measures: Set(chosen))
        Console.output(
            CentralityReport.renderGraph(
                ids: loaded.ids, analysis: analysis, measures: chosen, format: output.format, top: top))
    }
}
