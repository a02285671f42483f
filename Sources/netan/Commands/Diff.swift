import ArgumentParser
import Foundation
import NetGraph
import NetGraphRender
import NetGraphReports

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show what changed between two versions of a network, with a diagram of the changes.",
        discussion: """
            Examples:
              netan diff datasets/regions/twente/2023 datasets/regions/twente/2024
              netan diff oud/ nieuw/ -o verschil.svg --language en
              netan diff oud.xlsx nieuw.xlsx --format json
            """)

    @Argument(help: "The old network.") var old: String
    @Argument(help: "The new network.") var new: String
    @OptionGroup var output: OutputOptions
    @Option(
        name: [.customShort("o"), .customLong("diagram")],
        help: "Diagram of the changes (.svg, .png, .pdf or .dot).")
    var diagram: String?
    @Flag(help: "Overwrite an existing diagram.") var force = false

    func validate() throws {
        if let diagram, DiagramFormat(fileExtension: URL(fileURLWithPath: diagram).pathExtension) == nil {
            throw ValidationError("Use a diagram name ending in .svg, .png, .pdf or .dot.")
        }
    }

    func run() throws {
        if let diagram {
            try OutputGuard.check(
                diagram, inputs: OutputGuard.inputs(of: old) + OutputGuard.inputs(of: new), force: force)
        }
        let before = NetworkAnalysis(try loadNetwork(old))
        let after = NetworkAnalysis(try loadNetwork(new))
        let language = output.language(for: after.network)
        let diff = NetworkDiff(old: before, new: after, language: language)
        Console.output(diff.render(output.format, language: language))
        guard let diagram else { return }
        let format = DiagramFormat(fileExtension: URL(fileURLWithPath: diagram).pathExtension)!
        let data = try withGraphviz(diagram) { try diff.renderDiagram(format, language: language) }
        try writeOutput(data, to: diagram)
    }
}
