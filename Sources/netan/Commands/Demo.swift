import ArgumentParser
import Foundation
import NetGraph
import NetGraphIO
import NetGraphRender
import NetGraphReports

struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the main job on the embedded illustrative network (Zorg voor elkaar Breda).",
        discussion: """
            Prints a summary and the findings, and writes a report to the output folder:
            index.html (opens offline), report.md, analysis.ipynb, tables/ and figures/ (the
            diagram as SVG and PNG). The data are illustrative: the relations are invented.

            Examples:
              netan demo
              netan demo --output /tmp/demo --format markdown
            """)

    @OptionGroup var output: OutputOptions

    @Option(name: .shortAndLong, help: "Folder for the generated files.")
    var outputFolder: String = "notebooks-out/demo"

    func run() throws {
        let network = try loadNetwork(DemoDataset.folder.path, quiet: true)
        let language = output.language(for: network)
        let analysis = NetworkAnalysis(network)
        let summary = NetworkSummary(network).render(output.format, language: language)
        let showFlags = output.format == .table || output.format == .markdown
        let flags = FlagReport(power: analysis.power, language: language).render(output.format)
        Console.output(summary + (showFlags ? "\n" + flags : ""))
        let folder = URL(fileURLWithPath: outputFolder)
        let source = "het ingebouwde voorbeeld (datasets/breda-illustratief)"
        try writeReport(to: folder) {
            try ReportBuilder(analysis, language: language, inputDescription: source).write(to: $0)
        }
        Console.error(
            "netan: wrote the report to \(folder.path)/index.html "
                + "(also report.md, analysis.ipynb, tables/, figures/)"
        )
    }
}

/// Writes a report folder, mapping failures to netan's exit codes.
func writeReport(to folder: URL, _ write: (URL) throws -> Void) throws {
    do {
        try write(folder)
    } catch let error as GraphvizError {
        Console.error("\(folder.path): error: \(error.description)")
        throw Exit.software
    } catch {
        Console.error("\(folder.path): error: cannot write the report: \(error)")
        throw Exit.cannotCreate
    }
}
