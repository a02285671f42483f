import ArgumentParser
import Foundation
import NetGraph
import NetGraphIO

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a template network folder to fill in (network.yaml, actors.csv, relations.csv).",
        discussion: """
            The template holds a small example with every column explained; replace it with your
            own actors and relations, then run `netan validate FOLDER`.

            Examples:
              netan init mijn-netwerk
              netan init mijn-netwerk --semicolon     # for Dutch Excel (; and decimal comma)
            """)

    @Argument(help: "The folder to create.") var folder: String
    @Flag(help: "Use ; as separator, as Dutch Excel does.") var semicolon = false
    @Flag(help: "Write into an existing folder, replacing its template files.") var force = false

    func run() throws {
        let url = URL(fileURLWithPath: folder)
        for name in ["network.yaml", "actors.csv", "relations.csv"] {
            try OutputGuard.check(url.appendingPathComponent(name).path, inputs: [], force: force)
        }
        let s = semicolon ? ";" : ","
        let yaml = """
            # netan network: describe the network here; actors.csv and relations.csv hold the data.
            name: Mijn netwerk
            region: Mijn regio            # e.g. a jeugdregio
            year: 2025
            language: nl                  # nl or en: language of findings and diagrams
            source: "Interviews en documenten, verzameld door ... (vul in)"
            size_attribute: budget_mln    # the actors.csv column that says how large an actor is
            # Extra actor types and their role (public-authority, intermediary, provider, frontline,
            # client-voice, citizen, financier, executor, other):
            # actor_types:
            #   zorgcooperatie: provider
            # Extra relation types:
            # relation_types:
            #   subsidie: { directed: true, weight: bedrag }
            # Flag thresholds (see docs/flags.md):
            # thresholds:
            #   dominant-broker.share: 0.4

            """
        let actors = """
            id\(s)name\(s)type\(s)budget_mln\(s)influence
            gem\(s)Gemeente Voorbeeld\(s)gemeente\(s)250\(s)9
            za1\(s)Zorgaanbieder Een\(s)zorgaanbieder\(s)\(semicolon ? "40,5" : "40.5")\(s)6
            co1\(s)Cliëntenraad\(s)clientorganisatie\(s)\(semicolon ? "0,05" : "0.05")\(s)3

            """
        let relations = """
            source\(s)target\(s)type\(s)weight
            gem\(s)za1\(s)financiering\(s)12
            gem\(s)co1\(s)overleg\(s)4
            co1\(s)za1\(s)informatie\(s)2

            """
        do {
            try AtomicFile.write(yaml, to: url.appendingPathComponent("network.yaml").path)
            try AtomicFile.write(
                actors.replacingOccurrences(of: "\n", with: "\r\n"),
                to: url.appendingPathComponent("actors.csv").path)
            try AtomicFile.write(
                relations.replacingOccurrences(of: "\n", with: "\r\n"),
                to: url.appendingPathComponent("relations.csv").path)
        } catch {
            Console.error("\(error)")
            throw Exit.cannotCreate
        }
        Console.output("\(folder): template written; fill it in and run `netan validate \(folder)`.\n")
    }
}
