import ArgumentParser
import Foundation
import NetGraph
import NetGraphIO
import NetGraphRender

struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Convert a network between formats (folder, YAML, JSON, XLSX, GraphML, GEXF, Pajek, DOT, "
            + "node-link JSON, edge list).",
        discussion: """
            Formats come from the extensions (.yaml .json .xlsx .graphml .gexf .net .dot .csv/.txt
            for edge lists; a path without extension is a network folder) or from --from/--to.
            What a format cannot hold is named in a warning. Every year of a network is kept;
            --year writes one (the relations of that year and those without a year).

            Examples:
              netan convert datasets/breda-illustratief breda.graphml
              netan convert netwerk.xlsx netwerk/
              netan convert gephi-export.gexf netwerk.json --to node-link
              netan convert golven/ golven-2024/ --year 2024     # one year of several
            """)

    @Argument(help: "The network to read.")
    var input: String

    @Argument(help: "The file or folder to write.")
    var output: String

    @Option(
        help: ArgumentHelp(
            "Input format (default: from the path): "
                + "\(NetworkFormat.allCases.map(\.rawValue).joined(separator: ", "))."))
    var from: NetworkFormat?

    @Option(help: "Output format (default: from the path).")
    var to: NetworkFormat?

    @Flag(help: "Overwrite an existing output.")
    var force = false

    @OptionGroup var yearOptions: YearOptions

    func run() throws {
        guard let format = to ?? NetworkFormat.detect(path: output, forWriting: true) else {
            throw ValidationError(
                "Cannot tell the output format from \"\(output)\": use a known extension or --to.")
        }
        try OutputGuard.check(
            output, inputs: OutputGuard.inputs(of: input), force: force, replaceable: format == .folder)
        // Every year is kept unless --year picks one: a conversion adds nothing together.
        let network = try loadNetwork(input, format: from, year: yearOptions.year, keepYears: true)
        do {
            if let loss = try NetworkWriter.write(network, to: output, format: format, codecs: extraCodecs) {
                Console.error("\(output): warning: \(loss).")
            }
        } catch {
            Console.error("\(output): error: cannot write: \(error)")
            throw Exit.cannotCreate
        }
        Console.error(
            "netan: wrote \(network.actors.count) actors and \(network.relations.count) relations "
                + "to \(output) (\(format.rawValue))."
        )
    }
}
