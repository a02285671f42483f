import ArgumentParser
import Foundation
import NetGraph
import NetGraphIO

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a network and list every problem with file and line.",
        discussion: """
            Exits 0 when the network can be used (warnings allowed), 65 when it has errors
            (or warnings, with --strict). A network holding several years is checked whole, with a
            note on its years; --year checks one of them.

            Examples:
              netan validate mijn-netwerk/
              netan validate netwerk.yaml --strict
              netan validate golven/ --year 2024
            """)

    @Argument(help: "A network folder, or a .yaml/.json network file.")
    var path: String

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @OptionGroup var yearOptions: YearOptions

    func run() throws {
        do {
            let loaded = try NetworkLoader.load(path: path, codecs: extraCodecs)
            let n: Network
            do {
                n = try loaded.selecting(year: yearOptions.year, path: path, refuseSeveralYears: false)
            } catch let error as NetworkLoadError {
                // An unknown --year: reported with the warnings, counted like every other error.
                throw NetworkLoadError(loaded.warnings + error.diagnostics, language: error.language)
            }
            let language = n.metadata.language
            loaded.warnings.forEach { Console.error($0.text(language)) }
            if yearOptions.year == nil, let note = yearsNote(n, language: language) { Console.error(note) }
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

    /// For a network of several years: which years, how many relations count in every year,
    /// and that analyses need one year (information, not a warning: `--strict` passes).
    func yearsNote(_ network: Network, language: String) -> String? {
        let years = network.years
        guard years.count > 1 else { return nil }
        let list = years.map(String.init).joined(separator: ", ")
        let undated = network.relationsWithoutYear
        let latest = years[years.count - 1]
        let quoted = LoadedNetwork.shellQuoted(path)
        if language == "nl" {
            let standing =
                undated == 0
                ? ""
                : undated == 1
                    ? "; 1 relatie zonder jaar telt in elk jaar mee"
                    : "; \(undated) relaties zonder jaar tellen in elk jaar mee"
            return "\(path): let op: \(years.count) jaren (\(list))\(standing). Analyseer één jaar met "
                + "--year \(latest), of vergelijk ze met netan compare \(quoted) --years."
        }
        let standing =
            undated == 0
            ? ""
            : "; \(undated) relation\(undated == 1 ? "" : "s") without a year count\(undated == 1 ? "s" : "") "
                + "in every year"
        return "\(path): note: \(years.count) years (\(list))\(standing). Analyse one year with "
            + "--year \(latest), or compare them with netan compare \(quoted) --years."
    }
}
