import ArgumentParser
import Foundation
import NetGraph
import NetGraphIO
import NetGraphRender
import NetGraphReports

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show what changed between two versions of a network, with a diagram of the changes.",
        discussion: """
            Two years of one network holding several (a year column in relations.csv): give the
            network once with --from and --to. With two networks, --from takes that year of the
            old one and --to of the new one; --year Y takes year Y of both.

            Examples:
              netan diff datasets/regions/twente/2023 datasets/regions/twente/2024
              netan diff oud/ nieuw/ -o verschil.svg --language en
              netan diff oud.xlsx nieuw.xlsx --format json
              netan diff golven/ --from 2023 --to 2024
            """)

    @Argument(help: "The old network.") var old: String
    @Argument(help: "The new network (leave out with --from and --to for two years of OLD).") var new: String?
    @Option(help: "Year of the old network (or of OLD's first version, without NEW).") var from: Int?
    @Option(help: "Year of the new network (or of OLD's second version, without NEW).") var to: Int?
    @OptionGroup var yearOptions: YearOptions
    @OptionGroup var output: OutputOptions
    @Option(
        name: [.customShort("o"), .customLong("diagram")],
        help: "Diagram of the changes (.svg, .png, .pdf or .dot).")
    var diagram: String?
    @Flag(help: "Overwrite an existing diagram.") var force = false

    func validate() throws {
        if new == nil && (from == nil || to == nil) {
            throw ValidationError(
                "Give two networks (OLD NEW), or one network with --from YEAR --to YEAR for two of its years."
            )
        }
        if yearOptions.year != nil && (from != nil || to != nil) {
            throw ValidationError("Give --year Y (the same year of both) or --from/--to, not both.")
        }
        if let diagram, DiagramFormat(fileExtension: URL(fileURLWithPath: diagram).pathExtension) == nil {
            throw ValidationError("Use a diagram name ending in .svg, .png, .pdf or .dot.")
        }
    }

    func run() throws {
        let newPath = new ?? old
        if let diagram {
            try OutputGuard.check(
                diagram, inputs: OutputGuard.inputs(of: old) + OutputGuard.inputs(of: newPath), force: force)
        }
        let oldYear = from ?? yearOptions.year
        let newYear = to ?? yearOptions.year
        var first: Network
        var second: Network
        if new == nil {
            // Two years of one network: read it once, name each version by its year.
            let loaded = try loadNetworkFile(old)
            do {
                first = try loaded.selecting(year: oldYear, path: old)
                second = try loaded.selecting(year: newYear, path: old)
            } catch let error as NetworkLoadError {
                try failLoading(error, path: old)
            }
        } else {
            first = try loadNetwork(old, year: oldYear)
            second = try loadNetwork(newPath, year: newYear)
        }
        // Versions chosen by year are named by it ("Twente (2023) → Twente (2024)").
        if let oldYear, !first.metadata.name.contains(String(oldYear)) {
            first.metadata.name += " (\(oldYear))"
        }
        if let newYear, !second.metadata.name.contains(String(newYear)) {
            second.metadata.name += " (\(newYear))"
        }
        let before = NetworkAnalysis(first)
        let after = NetworkAnalysis(second)
        let language = output.language(for: after.network)
        let diff = NetworkDiff(old: before, new: after, language: language)
        Console.output(diff.render(output.format, language: language))
        guard let diagram else { return }
        let format = DiagramFormat(fileExtension: URL(fileURLWithPath: diagram).pathExtension)!
        let data = try withGraphviz(diagram) { try diff.renderDiagram(format, language: language) }
        try writeOutput(data, to: diagram)
    }
}
