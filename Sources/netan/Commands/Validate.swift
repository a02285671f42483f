import ArgumentParser
import Foundation
import NetGraph
import NetGraphIO

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a network and list every problem with file and line.",
        discussion: """
            Exits 0 when the network can be used (warnings allowed), 65 when it has errors
            (or warnings, with --strict).

            Examples:
              netan validate mijn-netwerk/
              netan validate netwerk.yaml --strict
            """)

    @Argument(help: "A network folder, or a .yaml/.json network file.")
    var path: String

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    func run() throws {
        do {
            let loaded = try NetworkLoader.load(path: path, codecs: extraCodecs)
            let n = loaded.network
            let language = n.metadata.language
            loaded.warnings.forEach { Console.error($0.text(language)) }
            let w = loaded.warnings.count
            Console.output(
                language == "nl"
                    ? "\(path): \(n.actors.count) actoren, \(n.relations.count) relaties, "
                        + "\(w) \(w == 1 ? "waarschuwing" : "waarschuwingen"), geen fouten.\n"
                    : "\(path): \(n.actors.count) actors, \(n.relations.count) relations, "
                        + "\(w) warning\(w == 1 ? "" : "s"), no errors.\n"
            )
            if strict && !loaded.warnings.isEmpty { throw Exit.dataError }
        } catch let error as NetworkLoadError {
            let language = error.language ?? "en"
            error.diagnostics.forEach { Console.error($0.text(language)) }
            let errors = error.errors.count
            let warnings = error.diagnostics.count - errors
            Console.output(
                language == "nl"
                    ? "\(path): \(errors) \(errors == 1 ? "fout" : "fouten"), "
                        + "\(warnings) \(warnings == 1 ? "waarschuwing" : "waarschuwingen").\n"
                    : "\(path): \(errors) error\(errors == 1 ? "" : "s"), "
                        + "\(warnings) warning\(warnings == 1 ? "" : "s").\n"
            )
            throw Exit.dataError
        }
    }
}
