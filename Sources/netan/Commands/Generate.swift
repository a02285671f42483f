import ArgumentParser
import Foundation
import NetGraph
import NetGraphIO
import NetGraphRender

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Generate a synthetic, seeded network on the real gemeenten of a jeugdregio (or all of them).",
        discussion: """
            REGION is a jeugdregio code (JZ34) or name (West-Brabant Oost), or "national" for all 42
            regions together. The output is labelled synthetic in its network.yaml.

            Examples:
              netan generate --list
              netan generate JZ34 -o regio/wbo-2024 --seed 7
              netan generate Twente -o twente.yaml --dominance 0.7 --fragmentation 0.6
              netan generate national -o nl.graphml --seed 1
            """)

    @Argument(help: "Jeugdregio code or name, or \"national\".")
    var region: String?

    @Option(name: .shortAndLong, help: "Output folder or file (format from the extension).")
    var output: String?

    @Flag(help: "List the 42 jeugdregio's and exit.")
    var list = false

    @Option(help: "Seed: the same seed gives the same network.") var seed: UInt64 = 1
    @Option(help: "Year written into the metadata.") var year: Int = 2024
    @Option(help: "Number of providers (default: one per 4,000 inhabitants, 12–400).") var providers: Int?
    @Option(help: "0–1: share of the money going to the largest provider.") var dominance: Double = 0.35
    @Option(help: "0–1: share of small providers with a single contract and no other ties.")
    var fragmentation: Double = 0.3
    @Option(help: "0–1: chance that a client organisation talks with its gemeente directly.")
    var clientInvolvement: Double = 0.7
    @Flag(help: "No regio and VNG: gemeenten contract providers directly.") var noIntermediaries = false
    @Flag(help: "Overwrite an existing output.") var force = false

    func validate() throws {
        for (name, value) in [
            ("dominance", dominance), ("fragmentation", fragmentation),
            ("client-involvement", clientInvolvement),
        ] where !(0...1).contains(value) {
            throw ValidationError("--\(name) must lie between 0 and 1.")
        }
        if !list && (region == nil || output == nil) {
            throw ValidationError("Give a REGION and -o OUTPUT (or --list).")
        }
        if let providers, providers < 1 { throw ValidationError("--providers must be at least 1.") }
    }

    func run() throws {
        if list {
            let table = TextTable(
                columns: ["code", "jeugdregio", "gemeenten", "inwoners"],
                rows: try Jeugdregio.all().map {
                    [$0.code, $0.name, String($0.gemeenten.count), String($0.inhabitants)]
                }, numericColumns: [2, 3])
            Console.output(table.terminal())
            return
        }
        var settings = GeneratorSettings()
        settings.seed = seed
        settings.year = year
        settings.providers = providers
        settings.dominance = dominance
        settings.fragmentation = fragmentation
        settings.clientInvolvement = clientInvolvement
        settings.intermediaries = !noIntermediaries
        let network: Network
        if region!.lowercased() == "national" || region!.lowercased() == "nationaal" {
            network = try RegionGenerator.national(settings: settings)
        } else {
            guard let found = try Jeugdregio.find(region!) else {
                throw ValidationError(
                    "Unknown jeugdregio \"\(region!)\". Run `netan generate --list` for codes and names.")
            }
            network = RegionGenerator.generate(found, settings: settings)
        }
        guard let format = NetworkFormat.detect(path: output!, forWriting: true) else {
            throw ValidationError("Cannot tell the output format from \"\(output!)\".")
        }
        if format != .folder { try OutputGuard.check(output!, inputs: [], force: force) }
        do {
            try NetworkWriter.write(network, to: output!, format: format, codecs: extraCodecs)
        } catch {
            Console.error("\(output!): error: cannot write: \(error)")
            throw Exit.cannotCreate
        }
        Console.error(
            "netan: wrote \(network.actors.count) actors and \(network.relations.count) relations "
                + "to \(output!)"
        )
    }
}
