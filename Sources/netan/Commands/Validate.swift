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
            loaded.warnings.forEach { Console.error($0.description) }
            let n = loaded.network
            Console.output(
                "\(path): \(n.actors.count) actors, \(n.relations.count) relations, "
                    + "\(loaded.warnings.count) warning\(loaded.warnings.count == 1 ? "" : "s"), no errors.\n"
            )
            if strict && !loaded.warnings.isEmpty { throw Exit.dataError }
        } catch let error as NetworkLoadError {
            error.diagnostics.forEach { Console.error($0.description) }
            let errors = error.errors.count
            let warnings = error.diagnostics.count - errors
            Console.output(
                "\(path): \(errors) error\(errors == 1 ? "" : "s"), "
                    + "\(warnings) warning\(warnings == 1 ? "" : "s").\n"
            )
            throw Exit.dataError
        }
    }
}
