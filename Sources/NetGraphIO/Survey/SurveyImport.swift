import Foundation
import NetGraph

/// Which reported ties a survey import keeps.
public enum SurveyCombine: String, Sendable, CaseIterable {
    /// Every reported tie: one side is enough; ties both sides reported are marked confirmed.
    case any
    /// Only the ties both sides reported (confirmed).
    case both
}

/// How a survey export is laid out.
public enum SurveyLayout: String, Sendable {
    /// One row per respondent and named partner (`respondent;partner;type;gewicht`).
    case long
    /// One row per respondent, partners in numbered columns (`Organisatie;Partner 1;Partner 2`).
    case wide
}

/// Settings of ``SurveyReader/load(path:options:)``.
public struct SurveyOptions: Sendable {
    /// A list of every organisation asked (CSV or .xlsx with a name column, optionally id and
    /// type): organisations on it that did not answer are known as non-respondents.
    public var roster: String?
    /// Every reported tie, or only the ones both sides reported.
    public var combine: SurveyCombine
    /// The relation type of ties whose row gives none (a standard type, default samenwerking).
    public var relationType: String
    /// Names that match no organisation, or several, are errors instead of new actors.
    public var strict: Bool
    /// The network's name (default: the survey file's name without extension).
    public var name: String?
    /// The year the network describes, if known.
    public var year: Int?
    /// The language of the messages and of the network written: "nl" (default) or "en".
    public var language: String

    /// Settings with the defaults: no roster, every tie, samenwerking, Dutch.
    public init(
        roster: String? = nil, combine: SurveyCombine = .any, relationType: String = "samenwerking",
        strict: Bool = false, name: String? = nil, year: Int? = nil, language: String = "nl"
    ) {
        self.roster = roster
        self.combine = combine
        self.relationType = relationType
        self.strict = strict
        self.name = name
        self.year = year
        self.language = language
    }
}

/// A name as a respondent typed it that is not written exactly as the organisation it stands
/// for, and what became of it.
public struct SurveyNameMatch: Sendable, Hashable {
    /// What became of a typed name.
    public enum Outcome: Sendable, Hashable {
        /// Matched to the organisation with this name.
        case matched(String)
        /// Several organisations are equally close (their names): none was chosen, and the
        /// name became a new actor (an error with `strict`).
        case ambiguous([String])
        /// No organisation is close enough: the name became a new actor (an error with `strict`).
        case unmatched
    }

    /// The name as typed (spaces trimmed).
    public var typed: String
    /// What it was matched to.
    public var outcome: Outcome
    /// Whether it was typed as a respondent (else as a partner).
    public var respondent: Bool
    /// The file (for a workbook with the sheet) where it was first typed.
    public var file: String
    /// The line (row) where it was first typed.
    public var line: Int
}

/// A survey turned into a network, with what was matched and counted on the way.
public struct SurveyImport: Sendable {
    /// The network: actors with `responded` = true/false, relations with `confirmed` =
    /// true/false.
    public var network: Network
    /// Warnings (never errors) found while reading, each with file, line and hint.
    public var warnings: [Diagnostic]
    /// How the survey file was laid out.
    public var layout: SurveyLayout
    /// Whether names were matched to a roster (else to the respondents).
    public var usedRoster: Bool
    /// Every typed name not written exactly as its organisation, in the order first typed.
    public var names: [SurveyNameMatch]
    /// Number of organisations that answered.
    public var respondents: Int
    /// Names of the organisations that did not answer, in actor order.
    public var nonRespondents: [String]
    /// Relations kept that both sides reported.
    public var confirmed: Int
    /// Relations kept that one side reported.
    public var oneSided: Int
    /// Relations one side reported and `--combine both` left out.
    public var dropped: Int

    /// One line about the result, in `language` ("en", otherwise Dutch).
    public func summary(_ language: String) -> String {
        let n = network.actors.count
        let m = network.relations.count
        if language == "en" {
            var text =
                "\(n) organisations (\(respondents) answered, \(nonRespondents.count) did not), "
                + "\(m) relation\(m == 1 ? "" : "s"): \(confirmed) reported by both sides (confirmed), "
                + "\(oneSided) by one side"
            if dropped > 0 {
                text +=
                    "; \(dropped) reported by one side only \(dropped == 1 ? "was" : "were") left out "
                    + "(--combine both)"
            }
            return text + "."
        }
        var text =
            "\(n) organisaties (\(respondents) met antwoorden, \(nonRespondents.count) zonder), "
            + "\(m) relatie\(m == 1 ? "" : "s"): \(confirmed) door beide kanten genoemd (bevestigd), "
            + "\(oneSided) door één kant"
        if dropped > 0 {
            text +=
                "; \(dropped) alleen door één kant genoemde relatie\(dropped == 1 ? "" : "s") weggelaten "
                + "(--combine both)"
        }
        return text + "."
    }

    /// The names matched, not matched and in doubt, and who did not answer: one item per
    /// line, in `language` ("en", otherwise Dutch). Empty when there is nothing to say.
    public func nameReport(_ language: String) -> String {
        let english = language == "en"
        let list =
            usedRoster
            ? (english ? "the roster" : "de lijst van organisaties")
            : (english ? "the respondents" : "de respondenten")
        var lines: [String] = []
        func place(_ match: SurveyNameMatch) -> String { "\(match.file):\(match.line)" }
        let matched = names.compactMap { match -> String? in
            guard case .matched(let name) = match.outcome else { return nil }
            return "  \(place(match)): \"\(match.typed)\" → \(name)"
        }
        if !matched.isEmpty {
            lines.append(
                english
                    ? "Names matched to \(list) (\(matched.count)):"
                    : "Namen gekoppeld aan \(list) (\(matched.count)):")
            lines += matched
        }
        let unmatched = names.filter { $0.outcome == .unmatched }.map { "  \(place($0)): \"\($0.typed)\"" }
        if !unmatched.isEmpty {
            lines.append(
                english
                    ? "Not found in \(list), added as a new organisation of type overig (\(unmatched.count)):"
                    : "Niet gevonden in \(list), toegevoegd als nieuwe organisatie van het type overig "
                        + "(\(unmatched.count)):")
            lines += unmatched
        }
        let ambiguous = names.compactMap { match -> String? in
            guard case .ambiguous(let candidates) = match.outcome else { return nil }
            let options = candidates.joined(separator: english ? " or " : " of ")
            return "  \(place(match)): \"\(match.typed)\": \(options)"
        }
        if !ambiguous.isEmpty {
            lines.append(
                english
                    ? "In doubt between several organisations, added as a new organisation "
                        + "(\(ambiguous.count)):"
                    : "Twijfel tussen meerdere organisaties, toegevoegd als nieuwe organisatie "
                        + "(\(ambiguous.count)):")
            lines += ambiguous
        }
        if !nonRespondents.isEmpty {
            lines.append(
                (english ? "No answers from" : "Geen antwoorden van") + " (\(nonRespondents.count)): "
                    + nonRespondents.joined(separator: ", "))
        }
        return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
    }
}

/// Reads the exports of survey tools (Excel .xlsx, or CSV separated by `;`, `,` or tab) into a
/// network of who named whom.
///
/// Two layouts are recognised from the first row:
/// - **long**: one row per respondent and named partner, with a respondent column
///   (`respondent`, `organisatie`, `naam`, …), a partner column (`partner`, `relatie met`,
///   `alter`, …) and optionally a type (`type`, `soort relatie`) and a weight (`gewicht`,
///   `frequentie`, `weight`) column; a row without a partner still counts as an answer;
/// - **wide**: one row per respondent, partners in numbered columns with a common stem
///   (`Partner 1`, `Partner 2`, …), optionally with numbered type and weight columns
///   (`Type 1`, `Partner 1 gewicht`, …).
///
/// Names are matched to the roster (or, without one, partners to the respondents): the same
/// name after normalisation (case, accents, spaces, punctuation), the same words in another
/// order or without a legal form (stichting, b.v.), or a small typing error (a Damerau–
/// Levenshtein distance of 1 in a word of 4–7 letters, 2 in a longer word, at most 2 in all);
/// a name as close to two organisations is not guessed. A name that matches
/// nothing becomes a new actor of type `overig` (an error with `strict`).
///
/// A tie reported by both sides is one relation with `confirmed` = true, never two; one side
/// gives `confirmed` = false. For an undirected type (samenwerking, overleg) the relation runs
/// from the first reporter to its partner; when both sides give a weight the relation's weight
/// is their mean (never the sum), when one does it is that weight. For a directed type
/// (financiering, informatie, …) each answer is a relation from the respondent to the partner,
/// confirmed when the partner reported the same type back; the answers of the two sides stay
/// two relations, because their directions differ. The same tie reported twice by the same
/// respondent counts once (with a warning). Every actor has `responded` = true when the
/// organisation appears as a respondent, false otherwise.
public enum SurveyReader {
    /// Reads the survey export at `path` (with the roster of `options`, if any).
    ///
    /// - Throws: ``NetworkLoadError`` with every problem found, each with file and line, in
    ///   the language of `options`.
    public static func load(path: String, options: SurveyOptions = SurveyOptions()) throws -> SurveyImport {
        var log = DiagnosticLog()
        let vocabulary = Vocabulary.standard
        let language = options.language == "en" ? "en" : "nl"
        let defaultType = vocabulary.relationType(named: options.relationType)
        if defaultType == nil {
            let known = vocabulary.relationTypes.map(\.name).joined(separator: ", ")
            log.error(
                path, nil, "The relation type \"\(options.relationType)\" is unknown.",
                hint: "Choose one of: \(known).",
                nl: "Het relatietype \"\(options.relationType)\" is onbekend.",
                hintNL: "Kies een van: \(known).")
        }
        var assembly = SurveyAssembly(strict: options.strict)
        if let roster = options.roster {
            if let actors = readRoster(roster, log: &log) {
                for actor in actors { assembly.addRosterActor(actor) }
                assembly.usesRoster = true
            }
        }
        let sheet = readSurvey(path, log: &log)
        guard let sheet, let columns = sheet.columns, let defaultType else {
            throw NetworkLoadError(log.items, language: language)
        }
        if !columns.unused.isEmpty {
            let list = columns.unused.map { "\"\($0)\"" }.joined(separator: ", ")
            log.warning(
                sheet.file, sheet.headerLine, "These columns are not used: \(list).",
                hint:
                    "Columns read: respondent, partner (or Partner 1, Partner 2, …), type and weight; "
                    + "rename a column if it holds one of these.",
                nl: "Deze kolommen worden niet gebruikt: \(list).",
                hintNL:
                    "Gelezen kolommen: respondent, partner (of Partner 1, Partner 2, …), type en gewicht; "
                    + "geef een kolom een van deze namen als ze dat bevat.")
        }
        assembly.file = sheet.file
        let reports = readAnswers(sheet, columns: columns, assembly: &assembly, log: &log)
        log.append(contentsOf: assembly.log.items)
        let assembled = assembly
        let result = merge(
            reports, assembly: assembled, combine: options.combine, sheet: sheet, defaultType: defaultType,
            vocabulary: vocabulary, log: &log)
        if assembled.respondentCount == 0 && !log.hasErrors {
            log.error(
                sheet.file, nil, "The survey holds no answers: no row names a respondent.",
                hint: "Check that the respondent column is filled in.",
                nl: "De enquête bevat geen antwoorden: geen enkele rij noemt een respondent.",
                hintNL: "Controleer of de kolom met respondenten is ingevuld.")
        }
        if log.hasErrors { throw NetworkLoadError(log.items, language: language) }

        var metadata = NetworkMetadata(
            name: options.name ?? URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent,
            year: options.year, language: language)
        let fileName = URL(fileURLWithPath: path).lastPathComponent
        metadata.source =
            language == "en"
            ? "Survey \(fileName) (netan survey): ties reported by both sides have confirmed = true; "
                + "where both gave a weight, the weight is their mean."
            : "Vragenlijst \(fileName) (netan survey): relaties die beide kanten noemden hebben "
                + "confirmed = true; gaven beide een gewicht, dan is het gewicht hun gemiddelde."
        var network = Network(metadata: metadata, vocabulary: vocabulary)
        for slot in assembled.slots {
            var actor = slot.actor
            for key in actor.attributes.keys where Normalize.compactKey(key) == "responded" {
                actor.attributes[key] = nil
            }
            actor.attributes["responded"] = slot.responded ? "true" : "false"
            network.add(actor)
        }
        for relation in result.relations { network.add(relation) }
        return SurveyImport(
            network: network, warnings: log.items, layout: columns.layout, usedRoster: assembled.usesRoster,
            names: assembled.names, respondents: assembled.respondentCount,
            nonRespondents: assembled.slots.filter { !$0.responded }.map(\.actor.name),
            confirmed: result.confirmed, oneSided: result.relations.count - result.confirmed,
            dropped: result.dropped)
    }

    // MARK: - Reading the files

    /// The rows of a survey export, from a CSV file or a workbook sheet.
    struct Sheet {
        /// The file as shown in messages (a workbook with its sheet: `file.xlsx [Blad1]`).
        var file: String
        var header: [String]
        var headerLine: Int
        var rows: [(line: Int, cells: [String])]
        /// Numbers use a decimal comma (`;`/tab files; workbooks accept both).
        var decimalComma: Bool
        /// The columns recognised in the header; nil when none were (an error was logged).
        var columns: SurveyColumns?
    }

    static func isWorkbook(_ path: String) -> Bool {
        URL(fileURLWithPath: path).pathExtension.lowercased() == "xlsx"
    }

    /// Logs an error and returns false when `path` is not a readable file.
    static func exists(_ path: String, what: String, whatNL: String, log: inout DiagnosticLog) -> Bool {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue
        else {
            log.error(
                path, nil, "The \(what) does not exist (or is a folder).",
                hint: "Give the path of the exported file (.csv or .xlsx).",
                nl: "Het \(whatNL) bestaat niet (of is een map).",
                hintNL: "Geef het pad van het geëxporteerde bestand (.csv of .xlsx).")
            return false
        }
        return true
    }

    /// Every sheet of a workbook, sorted by name; nil (with an error logged) when it cannot be read.
    static func workbookSheets(_ path: String, log: inout DiagnosticLog) -> [(
        name: String, rows: [(row: Int, cells: [String])]
    )]? {
        do {
            return try XLSXReader.readSheets(path).sorted { $0.key < $1.key }.map {
                (name: $0.key, rows: $0.value)
            }
        } catch let failure as XLSXReader.Failure {
            log.error(
                path, nil, failure.message, hint: failure.hint, nl: failure.messageNL, hintNL: failure.hintNL)
        } catch {
            log.error(
                path, nil, "The workbook cannot be opened: \(error).",
                hint: "Save it again from Excel or LibreOffice as .xlsx.",
                nl: "De werkmap kan niet worden geopend: \(error).",
                hintNL: "Sla de werkmap opnieuw op als .xlsx vanuit Excel of LibreOffice.")
        }
        return nil
    }

    /// Reads the survey export: its rows and recognised columns.
    static func readSurvey(_ path: String, log: inout DiagnosticLog) -> Sheet? {
        guard exists(path, what: "survey file", whatNL: "enquêtebestand", log: &log) else { return nil }
        var candidates: [Sheet] = []
        if isWorkbook(path) {
            guard let sheets = workbookSheets(path, log: &log) else { return nil }
            for (name, rows) in sheets {
                let content = rows.filter {
                    !$0.cells.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty }
                }
                guard let header = content.first else { continue }
                candidates.append(
                    Sheet(
                        file: "\(path) [\(name)]",
                        header: header.cells.map { $0.trimmingCharacters(in: .whitespaces) },
                        headerLine: header.row,
                        rows: content.dropFirst().map { (line: $0.row, cells: $0.cells) },
                        decimalComma: true, columns: SurveyColumns(header: header.cells)))
            }
            if candidates.isEmpty {
                log.error(
                    path, nil, "The workbook has no filled-in sheet.",
                    hint:
                        "Export the survey answers into the first sheet, "
                        + "with the column names in the first row.",
                    nl: "De werkmap heeft geen ingevuld werkblad.",
                    hintNL:
                        "Exporteer de antwoorden naar het eerste werkblad, "
                        + "met de kolomnamen in de eerste rij."
                )
                return nil
            }
        } else {
            guard let text = NetworkReader.readText(path, log: &log),
                let table = NetworkReader.parseCSV(text, path: path, log: &log)
            else { return nil }
            guard !table.header.isEmpty else {
                log.error(
                    path, 1, "The file is empty.",
                    hint: "The first line must name the columns, e.g. respondent;partner;type;gewicht.",
                    nl: "Het bestand is leeg.",
                    hintNL:
                        "De eerste regel moet de kolommen noemen, "
                        + "bijvoorbeeld respondent;partner;type;gewicht."
                )
                return nil
            }
            candidates.append(
                Sheet(
                    file: path, header: table.header, headerLine: table.headerLine,
                    rows: table.records.map { (line: $0.line, cells: $0.fields) },
                    decimalComma: table.delimiter != ",",
                    columns: SurveyColumns(header: table.header)))
        }
        if let recognised = candidates.first(where: { $0.columns != nil }) { return recognised }
        let first = candidates[0]
        let found = first.header.filter { !$0.isEmpty }.map { "\"\($0)\"" }.joined(separator: ", ")
        log.error(
            first.file, first.headerLine,
            "The survey's columns are not recognised (found: \(found)). A survey needs a respondent column "
                + "(respondent, organisatie, naam, …) and either a partner column (partner, relatie met, "
                + "alter, …; one row per tie) or numbered partner columns (Partner 1, Partner 2, …; one row "
                + "per respondent).",
            hint:
                "Rename the columns in the first row, e.g. respondent;partner;type;gewicht or "
                + "Organisatie;Partner 1;Partner 2.",
            nl:
                "De kolommen van de enquête worden niet herkend (gevonden: \(found)). "
                + "Een enquête heeft een kolom met de respondent nodig (respondent, organisatie, naam, …) "
                + "en een kolom met de partner (partner, relatie met, alter, …; één rij per relatie) "
                + "of genummerde partnerkolommen (Partner 1, Partner 2, …; één rij per respondent).",
            hintNL:
                "Geef de kolommen in de eerste rij andere namen, "
                + "bijvoorbeeld respondent;partner;type;gewicht of Organisatie;Partner 1;Partner 2.")
        return nil
    }

    /// Reads the roster into actors (ids from an id column or made from the names); nil when it
    /// cannot be used (errors logged).
    static func readRoster(_ path: String, log: inout DiagnosticLog) -> [Actor]? {
        guard exists(path, what: "roster", whatNL: "bestand met de lijst van organisaties", log: &log) else {
            return nil
        }
        var records: [RawRecord<ActorField>]
        var decimalComma = false
        var file = path
        if isWorkbook(path) {
            guard let sheets = workbookSheets(path, log: &log) else { return nil }
            let preferred = ["actors", "actoren", "organisaties", "organisations", "roster", "deelnemers"]
            func hasNames(_ rows: [(row: Int, cells: [String])]) -> Bool {
                guard let header = rows.first else { return false }
                let map = ColumnMap<ActorField>(header: header.cells, aliases: \.aliases)
                return map.fields[.name] != nil || map.fields[.id] != nil
            }
            guard
                let (name, rows) = sheets.first(where: { preferred.contains(Normalize.key($0.name)) })
                    ?? sheets.first(where: { hasNames($0.rows) }) ?? sheets.first
            else {
                log.error(
                    path, nil, "The roster workbook has no sheets.",
                    hint: "Put the organisations in the first sheet.",
                    nl: "De werkmap met de lijst van organisaties heeft geen werkbladen.",
                    hintNL: "Zet de organisaties in het eerste werkblad.")
                return nil
            }
            file = "\(path) [\(name)]"
            records = XLSXReader.records(rows, file: file, required: [ActorField](), extra: [:], log: &log)
            decimalComma = true
        } else {
            guard
                let table = NetworkReader.readTable(
                    path, text: nil, required: [ActorField](),
                    aliases: \.aliases, extra: [:], log: &log)
            else { return nil }
            records = table.records.rawRecords
            decimalComma = table.decimalComma
        }
        if records.isEmpty {
            if !log.hasErrors {
                log.error(
                    file, nil, "The roster lists no organisations.",
                    hint: "Put one organisation per row under a header naam (or name, organisatie).",
                    nl: "De lijst van organisaties bevat geen organisaties.",
                    hintNL: "Zet één organisatie per rij onder een kopregel naam (of name, organisatie).")
            }
            return nil
        }
        let hasName = records.contains { $0.values[.name] != nil }
        let hasID = records.contains { $0.values[.id] != nil }
        guard hasName || hasID else {
            log.error(
                file, nil, "The roster has no column with the organisations' names.",
                hint: "Name the column naam, name or organisatie (optionally add id and type columns).",
                nl: "De lijst van organisaties heeft geen kolom met hun namen.",
                hintNL: "Noem de kolom naam, name of organisatie (eventueel met kolommen id en type).")
            return nil
        }
        if !records.contains(where: { $0.values[.type] != nil }) {
            log.warning(
                file, nil, "The roster has no type column; every organisation is typed \"overig\".",
                hint:
                    "Add a column type (gemeente, zorgaanbieder, clientorganisatie, …) "
                    + "for the power analysis by actor type.",
                nl:
                    "De lijst van organisaties heeft geen kolom type; "
                    + "elke organisatie krijgt het type \"overig\".",
                hintNL:
                    "Voeg een kolom type toe (gemeente, zorgaanbieder, clientorganisatie, …) voor de "
                    + "machtsanalyse per type.")
            for i in records.indices { records[i].values[.type] = "overig" }
        }
        // Ids from the names where the roster gives none.
        var used = Set(records.compactMap { nonEmpty($0.values[.id]) })
        for i in records.indices where nonEmpty(records[i].values[.id]) == nil {
            guard let name = nonEmpty(records[i].values[.name]) else { continue }
            let id = uniqueID(for: name, used: &used)
            records[i].values[.id] = id
        }
        var builder = NetworkBuilder(metadata: NetworkMetadata(name: "roster"), vocabulary: .standard)
        builder.decimalComma = decimalComma
        builder.addActors(records, file: file)
        log.append(contentsOf: builder.log.items)
        // The same name twice cannot be told apart: answers naming it stay unmatched.
        var firstLine: [String: (name: String, line: Int)] = [:]
        for record in records {
            guard let name = nonEmpty(record.values[.name]) else { continue }
            let key = NameMatcher.compact(name)
            if let first = firstLine[key] {
                log.warning(
                    file, record.line,
                    "The roster names \"\(name)\" twice (first on line \(first.line)); "
                        + "answers naming it cannot be told apart.",
                    hint: "Give each organisation a name of its own (e.g. add the place).",
                    nl:
                        "De lijst van organisaties noemt \"\(name)\" twee keer "
                        + "(eerst op regel \(first.line)); "
                        + "antwoorden die deze naam noemen, zijn niet te onderscheiden.",
                    hintNL: "Geef elke organisatie een eigen naam (bijvoorbeeld met de plaats erbij).")
            } else {
                firstLine[key] = (name, record.line)
            }
        }
        return builder.network.actors
    }

    /// An id made from `name` (`Slug.make`) that is not in `used`; adds it to `used`.
    static func uniqueID(for name: String, used: inout Set<String>) -> String {
        let base = Slug.make(name)
        var id = base
        var n = 2
        while used.contains(id) {
            id = "\(base)-\(n)"
            n += 1
        }
        used.insert(id)
        return id
    }

    // MARK: - Answers

    /// One tie as one respondent reported it.
    struct Report {
        var reporter: Int
        var partner: Int
        /// The type as typed (empty: the default type).
        var type: String
        var weight: String
        var line: Int
    }

    /// Resolves every respondent first (so that partners can be matched to respondents who answer
    /// further down), then every partner; returns the ties as reported.
    static func readAnswers(
        _ sheet: Sheet, columns: SurveyColumns, assembly: inout SurveyAssembly, log: inout DiagnosticLog
    ) -> [Report] {
        func cell(_ cells: [String], _ index: Int?) -> String {
            guard let index, index < cells.count else { return "" }
            return cells[index].trimmingCharacters(in: .whitespacesAndNewlines)
        }
        var reporterOf: [Int?] = []
        var answeredOn: [Int: Int] = [:]
        for row in sheet.rows {
            let typed = cell(row.cells, columns.respondent)
            let partners = columns.slots.map { cell(row.cells, $0.partner) }
            if typed.isEmpty {
                reporterOf.append(nil)
                if partners.contains(where: { !$0.isEmpty }) {
                    log.warning(
                        sheet.file, row.line, "This row names partners but no respondent; it is left out.",
                        hint: "Fill in who answered.",
                        nl: "Deze rij noemt partners maar geen respondent; "
                            + "ze wordt weggelaten.",
                        hintNL: "Vul in wie de vragen heeft beantwoord.")
                }
                continue
            }
            let reporter = assembly.resolve(typed, line: row.line, respondent: true)
            reporterOf.append(reporter)
            guard let reporter else { continue }
            assembly.markResponded(reporter)
            if columns.layout == .wide, let first = answeredOn[reporter] {
                log.warning(
                    sheet.file, row.line,
                    "\(assembly.slots[reporter].actor.name) answered twice (first on line \(first)); "
                        + "both answers are used, a tie named twice counts once.",
                    hint: "Remove the answer that should not count.",
                    nl: "\(assembly.slots[reporter].actor.name) heeft twee keer geantwoord (eerst op regel "
                        + "\(first)); beide antwoorden worden gebruikt, een relatie die twee keer is genoemd "
                        + "telt één keer.",
                    hintNL: "Verwijder het antwoord dat niet mee moet tellen.")
            }
            answeredOn[reporter] = answeredOn[reporter] ?? row.line
        }
        var reports: [Report] = []
        for (row, reporter) in zip(sheet.rows, reporterOf) {
            guard let reporter else { continue }
            for slot in columns.slots {
                let typed = cell(row.cells, slot.partner)
                guard !typed.isEmpty, let partner = assembly.resolve(typed, line: row.line, respondent: false)
                else { continue }
                if partner == reporter {
                    log.warning(
                        sheet.file, row.line,
                        "\(assembly.slots[reporter].actor.name) names itself as a partner; "
                            + "that tie is left out.",
                        hint: "Check the name of the partner.",
                        nl: "\(assembly.slots[reporter].actor.name) noemt zichzelf als partner; die relatie "
                            + "wordt weggelaten.",
                        hintNL: "Controleer de naam van de partner.")
                    continue
                }
                reports.append(
                    Report(
                        reporter: reporter, partner: partner, type: cell(row.cells, slot.type),
                        weight: cell(row.cells, slot.weight), line: row.line))
            }
        }
        return reports
    }

    /// One relation being assembled from the reports of one or both sides.
    struct Tie {
        var source: Int
        var target: Int
        var type: String
        var directed: Bool
        /// Per reporter: the weight it gave (nil: none) and the line.
        var reports: [Int: (weight: Double?, line: Int)]
    }

    /// Merges the reports into relations: both sides of an undirected tie become one relation,
    /// duplicates count once, weights are averaged over the sides.
    static func merge(
        _ reports: [Report], assembly: SurveyAssembly, combine: SurveyCombine, sheet: Sheet,
        defaultType: RelationType, vocabulary: Vocabulary, log: inout DiagnosticLog
    ) -> (relations: [Relation], confirmed: Int, dropped: Int) {
        struct Key: Hashable {
            var a: Int
            var b: Int
            var type: String
        }
        let knownTypes = vocabulary.relationTypes.map(\.name)
        var ties: [Key: Tie] = [:]
        var order: [Key] = []
        var warnedDirected = Set<String>()
        for report in reports {
            let type: RelationType
            if report.type.isEmpty {
                type = defaultType
            } else if let known = vocabulary.relationType(named: report.type) {
                type = known
            } else {
                let known = knownTypes.joined(separator: ", ")
                let guess = Normalize.closest(to: report.type, in: knownTypes)
                log.error(
                    sheet.file, report.line, "The relation type \"\(report.type)\" is unknown.",
                    hint: (guess.map { "Did you mean \"\($0)\"? " } ?? "") + "Known types: \(known).",
                    nl: "Het relatietype \"\(report.type)\" is onbekend.",
                    hintNL: (guess.map { "Bedoelt u \"\($0)\"? " } ?? "") + "Bekende types: \(known).")
                continue
            }
            var weight: Double? = nil
            if !report.weight.isEmpty {
                guard let value = NumberParsing.parse(report.weight, decimalComma: sheet.decimalComma),
                    value > 0
                else {
                    log.error(
                        sheet.file, report.line, "The weight \"\(report.weight)\" is not a positive number.",
                        hint:
                            "Weights are tie strengths (e.g. contacts per month, or a score 1–5) and must be "
                            + "greater than 0; leave the cell empty when none was given.",
                        nl: "Het gewicht \"\(report.weight)\" is geen positief getal.",
                        hintNL:
                            "Gewichten zijn sterktes van relaties "
                            + "(bijvoorbeeld contacten per maand of een score 1–5) "
                            + "en moeten groter zijn dan 0; laat de cel leeg als er geen is opgegeven.")
                    continue
                }
                weight = value
            }
            if type.directed && !warnedDirected.contains(type.name) {
                warnedDirected.insert(type.name)
                log.warning(
                    sheet.file, report.line,
                    "The relation type \"\(type.name)\" is directed: each answer becomes a relation from the "
                        + "respondent to the partner.",
                    hint: "Check the direction of these relations (who pays, informs or refers whom).",
                    nl: "Het relatietype \"\(type.name)\" is gericht: elk antwoord wordt een relatie van de "
                        + "respondent naar de partner.",
                    hintNL:
                        "Controleer de richting van deze relaties (wie betaalt, informeert of verwijst wie).")
            }
            let key =
                type.directed
                ? Key(a: report.reporter, b: report.partner, type: type.name)
                : Key(
                    a: min(report.reporter, report.partner), b: max(report.reporter, report.partner),
                    type: type.name)
            if var tie = ties[key] {
                if let first = tie.reports[report.reporter] {
                    let name = assembly.slots[report.reporter].actor.name
                    let partner = assembly.slots[report.partner].actor.name
                    log.warning(
                        sheet.file, report.line,
                        "\(name) names \(partner) (\(type.name)) again (first on line \(first.line)); "
                            + "the tie counts once.",
                        hint: "Remove the second row.",
                        nl:
                            "\(name) noemt \(partner) (\(type.name)) nog een keer "
                            + "(eerst op regel \(first.line)); "
                            + "de relatie telt één keer.",
                        hintNL: "Verwijder de tweede rij.")
                    continue
                }
                tie.reports[report.reporter] = (weight, report.line)
                ties[key] = tie
            } else {
                order.append(key)
                ties[key] = Tie(
                    source: report.reporter, target: report.partner, type: type.name, directed: type.directed,
                    reports: [report.reporter: (weight, report.line)])
            }
        }
        var relations: [Relation] = []
        var confirmedCount = 0
        var dropped = 0
        for key in order {
            let tie = ties[key]!
            let confirmed =
                tie.directed
                ? ties[Key(a: key.b, b: key.a, type: key.type)] != nil
                : tie.reports.count == 2
            if combine == .both && !confirmed {
                dropped += 1
                continue
            }
            let weights = tie.reports.values.compactMap(\.weight)
            let weight = weights.isEmpty ? 1 : weights.reduce(0, +) / Double(weights.count)
            relations.append(
                Relation(
                    source: assembly.slots[tie.source].actor.id, target: assembly.slots[tie.target].actor.id,
                    type: tie.type, weight: weight, weightGiven: !weights.isEmpty, directed: tie.directed,
                    attributes: ["confirmed": confirmed ? "true" : "false"]))
            if confirmed { confirmedCount += 1 }
        }
        return (relations, confirmedCount, dropped)
    }
}

/// The columns of a survey export: where the respondent, the partners and their types and
/// weights are.
struct SurveyColumns {
    /// One partner column, with the type and weight columns that belong to it.
    struct Slot {
        var partner: Int
        var type: Int?
        var weight: Int?
    }

    var layout: SurveyLayout
    var respondent: Int
    /// Long: one slot; wide: one per numbered partner column, in number order.
    var slots: [Slot]
    /// Headers of the columns not used.
    var unused: [String]

    static let respondentNames: Set<String> = [
        "respondent", "respondentnaam", "naamrespondent", "organisatie", "organisation", "organization",
        "organisatienaam", "naamorganisatie", "naamvanuworganisatie", "uworganisatie", "yourorganisation",
        "naam", "name", "ego", "invuller", "van", "bron", "source", "from",
    ]
    static let respondentIDs: Set<String> = ["respondentid", "id", "respondentnummer"]
    static let partnerNames: Set<String> = [
        "partner", "partnernaam", "naampartner", "partnerorganisatie", "organisatiepartner", "relatiemet",
        "samenwerkingmet", "samenwerkingspartner", "contactmet", "netwerkpartner", "alter", "target", "doel",
        "naar", "to", "met",
    ]
    /// Stems of numbered partner columns that need no second column to be recognised.
    static let partnerStems: Set<String> = [
        "partner", "partnernaam", "partnerorganisatie", "organisatie", "organisation", "relatie",
        "relatiemet",
        "contact", "samenwerkingspartner", "netwerkpartner", "alter", "naam", "name",
    ]
    static let typeNames: Set<String> = [
        "type", "soort", "soortrelatie", "relatiesoort", "typerelatie", "relatietype", "relationtype",
        "relation", "relatie", "aardrelatie", "aardvanderelatie",
    ]
    static let weightNames: Set<String> = [
        "weight", "gewicht", "frequentie", "frequency", "contactfrequentie", "sterkte", "strength",
        "intensiteit", "intensity",
    ]

    /// A header split at its last number: "Partner 12 gewicht" → ("partner", 12, "gewicht").
    static func numbered(_ key: String) -> (stem: String, number: Int, rest: String)? {
        let characters = Array(key)
        guard let last = characters.lastIndex(where: { $0.isASCII && $0.isNumber }) else { return nil }
        var first = last
        while first > 0 && characters[first - 1].isASCII && characters[first - 1].isNumber { first -= 1 }
        guard let number = Int(String(characters[first...last])) else { return nil }
        return (String(characters[..<first]), number, String(characters[(last + 1)...]))
    }

    /// The columns of `header`, or nil when it shows neither layout.
    init?(header: [String]) {
        let keys = header.map(NameMatcher.compact)
        let split = keys.map(Self.numbered)
        func first(_ names: Set<String>, excluding: Set<Int>) -> Int? {
            keys.indices.first { split[$0] == nil && !excluding.contains($0) && names.contains(keys[$0]) }
        }
        // Numbered partner columns: a stem shared by numbered columns ("Partner 1", "Partner 2").
        var stems: [String: [Int]] = [:]
        var stemOrder: [String] = []
        for (i, parts) in split.enumerated() {
            guard let parts, parts.rest.isEmpty, !parts.stem.isEmpty, !Self.typeNames.contains(parts.stem),
                !Self.weightNames.contains(parts.stem)
            else { continue }
            if stems[parts.stem] == nil { stemOrder.append(parts.stem) }
            stems[parts.stem, default: []].append(i)
        }
        // A stem that says "partner" wins over a partner column; a stem of any two numbered
        // columns ("Vraag 1", "Vraag 2") only when there is no partner column.
        let partnerStem = stemOrder.first { Self.partnerStems.contains($0) || $0.contains("partner") }
        let anyStem = stemOrder.filter { stems[$0]!.count >= 2 }.max { stems[$0]!.count < stems[$1]!.count }
        let exactPartner = first(Self.partnerNames, excluding: [])
        let longPartner =
            exactPartner ?? keys.indices.first { split[$0] == nil && keys[$0].contains("partner") }
        let stem = partnerStem ?? (longPartner == nil ? anyStem : nil)
        var used = Set<Int>()
        if stem == nil, let longPartner {
            layout = .long
            used.insert(longPartner)
            let type = first(Self.typeNames, excluding: used)
            if let type { used.insert(type) }
            let weight = first(Self.weightNames, excluding: used)
            if let weight { used.insert(weight) }
            slots = [Slot(partner: longPartner, type: type, weight: weight)]
        } else if let stem {
            layout = .wide
            var partners = stems[stem]!.sorted { split[$0]!.number < split[$1]!.number }
            if let exactPartner, keys[exactPartner] == stem { partners.insert(exactPartner, at: 0) }
            used.formUnion(partners)
            // Numbered type and weight columns ("Type 1", "Partner 1 gewicht", "Gewicht partner 1").
            var typeOf: [Int: Int] = [:]
            var weightOf: [Int: Int] = [:]
            for (i, parts) in split.enumerated() where !used.contains(i) {
                guard let parts else { continue }
                var label = parts.stem
                if let range = label.range(of: stem) { label.removeSubrange(range) }
                label += parts.rest
                if Self.typeNames.contains(label) && typeOf[parts.number] == nil {
                    typeOf[parts.number] = i
                } else if Self.weightNames.contains(label) && weightOf[parts.number] == nil {
                    weightOf[parts.number] = i
                }
            }
            slots = partners.map { column in
                let number = split[column]?.number
                return Slot(
                    partner: column, type: number.flatMap { typeOf[$0] },
                    weight: number.flatMap { weightOf[$0] })
            }
            used.formUnion(typeOf.values)
            used.formUnion(weightOf.values)
        } else {
            return nil
        }
        let respondent =
            first(Self.respondentNames, excluding: used) ?? first(Self.respondentIDs, excluding: used)
            ?? keys.indices.first { i in
                split[i] == nil && !used.contains(i)
                    && ["organisat", "respondent", "naam", "name"].contains { keys[i].contains($0) }
            }
        guard let respondent else { return nil }
        self.respondent = respondent
        used.insert(respondent)
        unused = header.indices.filter { !used.contains($0) && !keys[$0].isEmpty }.map { header[$0] }
    }
}

/// The actors of a survey import as they are found: the roster's, then every new name.
struct SurveyAssembly {
    /// One actor and whether it answered.
    struct Slot {
        var actor: Actor
        var responded = false
    }

    var slots: [Slot] = []
    var usesRoster = false
    var strict: Bool
    /// The survey file as shown in messages.
    var file = ""
    var names: [SurveyNameMatch] = []
    var log = DiagnosticLog()
    private var matcher = NameMatcher()
    private var ids = Set<String>()
    private var noted = Set<String>()

    init(strict: Bool) {
        self.strict = strict
    }

    /// Number of actors that answered.
    var respondentCount: Int { slots.filter(\.responded).count }

    mutating func addRosterActor(_ actor: Actor) {
        slots.append(Slot(actor: actor))
        ids.insert(actor.id)
        matcher.add(actor.name)
    }

    mutating func markResponded(_ slot: Int) { slots[slot].responded = true }

    /// The actor a typed name stands for: matched to a known one, or a new one (nil in strict
    /// mode when nothing matches, with an error).
    mutating func resolve(_ raw: String, line: Int, respondent: Bool) -> Int? {
        let typed = raw.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard !typed.isEmpty else { return nil }
        // Without a roster the respondents make the list: they are not corrected among themselves.
        matcher.fuzzy = usesRoster || !respondent
        switch matcher.match(typed) {
        case .exact(let i), .corrected(let i):
            if typed != slots[i].actor.name {
                note(
                    SurveyNameMatch(
                        typed: typed, outcome: .matched(slots[i].actor.name), respondent: respondent,
                        file: file,
                        line: line))
            }
            return i
        case .ambiguous(let candidates):
            let names = candidates.map { slots[$0].actor.name }
            note(
                SurveyNameMatch(
                    typed: typed, outcome: .ambiguous(names), respondent: respondent, file: file, line: line))
            if strict {
                let list = names.map { "\"\($0)\"" }.joined(separator: ", ")
                log.error(
                    file, line, "The name \"\(typed)\" is as close to \(list); netan does not guess.",
                    hint: "Write the name as it is on the roster.",
                    nl: "De naam \"\(typed)\" lijkt evenveel op \(list); netan kiest niet.",
                    hintNL: "Schrijf de naam zoals die op de lijst van organisaties staat.")
                return nil
            }
            return newSlot(typed)
        case .none:
            if usesRoster || !respondent {
                note(
                    SurveyNameMatch(
                        typed: typed, outcome: .unmatched, respondent: respondent, file: file, line: line))
                if strict {
                    let list = usesRoster ? "on the roster" : "among the respondents"
                    let listNL = usesRoster ? "op de lijst van organisaties" : "onder de respondenten"
                    log.error(
                        file, line, "The name \"\(typed)\" is not \(list).",
                        hint: "Correct the name, or add the organisation to the roster.",
                        nl: "De naam \"\(typed)\" staat niet \(listNL).",
                        hintNL: "Verbeter de naam, of zet de organisatie op de lijst van organisaties.")
                    return nil
                }
            }
            return newSlot(typed)
        }
    }

    private mutating func note(_ match: SurveyNameMatch) {
        guard !noted.contains(match.typed) else { return }
        noted.insert(match.typed)
        names.append(match)
    }

    private mutating func newSlot(_ name: String) -> Int {
        let id = SurveyReader.uniqueID(for: name, used: &ids)
        slots.append(Slot(actor: Actor(id: id, name: name, type: "overig")))
        matcher.add(name)
        return slots.count - 1
    }
}
