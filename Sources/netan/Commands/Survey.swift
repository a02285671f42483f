import ArgumentParser
import Foundation
import NetGraph
import NetGraphIO

extension SurveyCombine: ExpressibleByArgument {}

struct Survey: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Turn a survey export (who works with whom) into a network folder.",
        discussion: """
            Reads the exports of survey tools, as Excel (.xlsx) or CSV separated by ; , or tab:
              long: one row per respondent and named partner, optionally with type and weight
                    respondent;partner;type;gewicht
              wide: one row per respondent, partners in numbered columns
                    Organisatie;Partner 1;Partner 2;Partner 3

            With --roster (every organisation asked: naam, optionally id and type) the organisations
            that did not answer are known; without it the respondents and the partners they name
            make the list. Names typed slightly differently are matched to the roster (or to the
            respondents); what was matched, not found or in doubt is listed on stderr. A name not
            found becomes a new actor of type overig (an error with --strict).

            A tie named by both sides is one relation with confirmed=true (never counted twice),
            by one side confirmed=false; when both give a weight, the weight is their mean. Each
            actor gets responded=true/false; findings about an organisation that did not answer
            say that its own answers are missing instead of calling it sidelined.

            Examples:
              netan survey antwoorden.csv -o netwerk
              netan survey enquete.xlsx --roster organisaties.csv -o netwerk --combine both
              netan survey antwoorden.csv --roster actors.csv --type overleg -o netwerk --lang en
              netan flags netwerk
            """)

    @Argument(help: "The survey export: .xlsx, or CSV separated by ; , or tab.")
    var file: String

    @Option(name: .shortAndLong, help: "The network folder to write.")
    var output: String

    @Option(help: "Every organisation asked (CSV or .xlsx with naam, optionally id and type).")
    var roster: String?

    @Option(help: "any: every reported tie (default); both: only ties both sides reported.")
    var combine: SurveyCombine = .any

    @Option(help: "Relation type of ties whose row gives none (default samenwerking).")
    var type: String = "samenwerking"

    @Option(
        name: [.customLong("lang"), .customLong("language")],
        help: "Language of messages and network: nl or en.")
    var language: Language = .nl

    @Option(help: "Name of the network (default: the file name).")
    var name: String?

    @Option(help: "Year the network describes.")
    var year: Int?

    @Flag(help: "Names that match no organisation, or several, are errors instead of new actors.")
    var strict = false

    @Flag(help: "Overwrite the files of an existing network folder.")
    var force = false

    func validate() throws {
        guard Vocabulary.standard.relationType(named: type) != nil else {
            let known = Vocabulary.standard.relationTypes.map(\.name).joined(separator: ", ")
            throw ValidationError("Unknown relation type \"\(type)\" for --type. Known: \(known).")
        }
    }

    func run() throws {
        let inputs = [file] + (roster.map { [$0] } ?? [])
        // The folder itself may exist (its files are checked), but must not be an input.
        try OutputGuard.check(output, inputs: inputs, force: true)
        let folder = URL(fileURLWithPath: output)
        for name in ["network.yaml", "actors.csv", "relations.csv"] {
            try OutputGuard.check(folder.appendingPathComponent(name).path, inputs: inputs, force: force)
        }
        let lang = language.rawValue
        let options = SurveyOptions(
            roster: roster, combine: combine, relationType: type, strict: strict, name: name, year: year,
            language: lang)
        let result: SurveyImport
        do {
            result = try SurveyReader.load(path: file, options: options)
        } catch let error as NetworkLoadError {
            try failLoading(error, path: file, language: lang)
        }
        result.warnings.forEach { Console.error($0.text(lang)) }
        let names = result.nameReport(lang)
        if !names.isEmpty { Console.error(names) }
        do {
            try NetworkWriter.write(result.network, to: output, format: .folder)
        } catch {
            Console.error("\(output): error: cannot write: \(error)")
            throw Exit.cannotCreate
        }
        Console.error(
            "netan: \(result.summary(lang)) "
                + (lang == "nl" ? "Geschreven naar \(output)." : "Written to \(output)."))
    }
}
