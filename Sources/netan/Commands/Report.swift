import ArgumentParser
import Foundation
import NetGraph
import NetGraphReports

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Write a report folder: index.html (offline), report.md, analysis.ipynb, tables/, figures/.",
        discussion: """
            The default folder is notebooks-out/<network-name>/; an earlier report there is replaced
            in one step.

            Examples:
              netan report datasets/breda-illustratief
              netan report mijn-netwerk/ -o rapport/ --lang en
              netan report --compare 'datasets/regions/*/2024' -o vergelijking/
            """)

    @Argument(help: "A network (folder or file); with --compare, several.")
    var paths: [String]

    @Option(
        name: .shortAndLong,
        help: "Report folder (default: notebooks-out/<network-slug>, or notebooks-out/vergelijking).")
    var output: String?

    @Option(name: [.customLong("lang"), .customLong("language")], help: "Language: nl or en.")
    var language: Language?

    @Flag(
        help: ArgumentHelp(
            "One report comparing all given networks: table with ranks, small multiples, "
                + "findings per network."))
    var compare = false

    func validate() throws {
        if paths.isEmpty { throw ValidationError("Give a network.") }
        if !compare && paths.count > 1 {
            throw ValidationError("Give one network, or add --compare for several.")
        }
    }

    func run() throws {
        if compare {
            let expanded = Glob.paths(paths)
            let analyses = try expanded.map { ($0, NetworkAnalysis(try loadNetwork($0))) }
            let folder = URL(fileURLWithPath: output ?? "notebooks-out/vergelijking")
            try OutputGuard.check(
                folder.path, inputs: expanded.flatMap(OutputGuard.inputs), replaceable: true)
            try writeReport(to: folder) {
                try ComparisonReport(analyses: analyses, language: language?.rawValue ?? "nl").write(to: $0)
            }
            Console.output("\(folder.path)/index.html\n")
            return
        }
        let path = paths[0]
        let network = try loadNetwork(path)
        let folder = URL(fileURLWithPath: output ?? "notebooks-out/" + Slug.make(network.metadata.name))
        try OutputGuard.check(folder.path, inputs: OutputGuard.inputs(of: path), replaceable: true)
        let analysis = NetworkAnalysis(network)
        let reportLanguage = language?.rawValue ?? network.metadata.language
        try writeReport(to: folder) {
            try ReportBuilder(analysis, language: reportLanguage, inputDescription: path).write(to: $0)
        }
        Console.output("\(folder.path)/index.html\n")
    }
}
