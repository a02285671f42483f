import Foundation
import NetGraph

/// A network read from disk, with the warnings found on the way.
public struct LoadedNetwork: Sendable {
    /// The network as read and validated.
    public var network: Network
    /// Warnings (never errors) found while reading, each with file, line and hint.
    public var warnings: [Diagnostic]
    /// Where a second year first appears in the input, when the relations or actors carry
    /// several (see `Network.years`); nil otherwise, or when the reader knows no places.
    public var secondYear: YearPlace? = nil
}

/// Reads the native formats: a network folder (`network.yaml`, `actors.csv`,
/// `relations.csv`) or a single YAML/JSON file holding metadata, actors and relations.
///
/// Every problem of every file is collected; loading fails (throws `NetworkLoadError`)
/// only after all were found, so a user fixes a spreadsheet in one pass.
public enum NetworkReader {
    /// Largest input file accepted, in bytes: 512 MiB, or `NETAN_MAX_BYTES`.
    public static var defaultMaximumFileSize: Int { Limits.maximumBytes }

    /// Reads the network folder or YAML/JSON file at `path`.
    ///
    /// - Throws: `NetworkLoadError` with every problem found in every file.
    public static func load(path: String) throws -> LoadedNetwork {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw NetworkLoadError([
                Diagnostic(
                    .error, file: path, "This file or folder does not exist.",
                    hint:
                        "Give a network folder (with actors.csv and relations.csv) "
                        + "or a .yaml/.json network file.",
                    nl: "Dit bestand of deze map bestaat niet.",
                    hintNL:
                        "Geef een netwerkmap (met actors.csv en relations.csv) "
                        + "of een netwerkbestand in .yaml/.json."
                )
            ])
        }
        if isDirectory.boolValue { return try loadFolder(URL(fileURLWithPath: path)) }
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "yaml", "yml", "json":
            return try loadDocument(path: path)
        case "csv", "tsv", "txt":
            throw NetworkLoadError([
                Diagnostic(
                    .error, file: path, "A single CSV file is not a network on its own.",
                    hint: "Point to the folder that holds actors.csv and relations.csv.",
                    nl: "Eén CSV-bestand is op zichzelf geen netwerk.",
                    hintNL: "Geef de map op waarin actors.csv en relations.csv staan.")
            ])
        default:
            throw NetworkLoadError([
                Diagnostic(
                    .error, file: path, "netan does not know this file type.",
                    hint: "Use a network folder, or a .yaml or .json network file.",
                    nl: "netan kent dit bestandstype niet.",
                    hintNL: "Gebruik een netwerkmap, of een netwerkbestand in .yaml of .json.")
            ])
        }
    }

    // MARK: - Network folder

    static func loadFolder(_ folder: URL) throws -> LoadedNetwork {
        try loadFolder(folder, inMemory: false, allowEmpty: false) { path, log in readText(path, log: &log) }
    }

    /// Reads a network folder that may hold no actors yet (a live workshop starts empty);
    /// otherwise the same as ``load(path:)``.
    ///
    /// - Throws: `NetworkLoadError` with every problem found.
    public static func load(folder: String, allowEmpty: Bool) throws -> LoadedNetwork {
        try loadFolder(URL(fileURLWithPath: folder), inMemory: false, allowEmpty: allowEmpty) { path, log in
            readText(path, log: &log)
        }
    }

    /// Reads a network folder whose three files are given as text (the live workshop checks
    /// each change this way): the same checks and the same messages as reading them from disk,
    /// the messages naming the files inside `folder`.
    ///
    /// - Throws: `NetworkLoadError` with every problem found.
    /// `allowEmpty` accepts a folder without actors (a live workshop starts empty).
    public static func load(folderFiles files: NetworkFolderFiles, folder: String, allowEmpty: Bool = false)
        throws
        -> LoadedNetwork
    {
        try loadFolder(URL(fileURLWithPath: folder), inMemory: true, allowEmpty: allowEmpty) { path, _ in
            switch URL(fileURLWithPath: path).lastPathComponent {
            case "network.yaml": files.metadata
            case "actors.csv": files.actors
            case "relations.csv": files.relations
            default: nil
            }
        }
    }

    static func loadFolder(
        _ folder: URL, inMemory: Bool, allowEmpty: Bool,
        text: @escaping (String, inout DiagnosticLog) -> String?
    ) throws -> LoadedNetwork {
        var log = DiagnosticLog()
        let metaURL = folder.appendingPathComponent("network.yaml")
        let ymlURL = folder.appendingPathComponent("network.yml")
        var metadata = NetworkMetadata(name: folder.lastPathComponent)
        var vocabulary = Vocabulary.standard
        let metaPath =
            inMemory || FileManager.default.fileExists(atPath: metaURL.path)
            ? metaURL.path
            : FileManager.default.fileExists(atPath: ymlURL.path) ? ymlURL.path : nil
        if let metaPath {
            if let text = text(metaPath, &log) {
                if let node = composeYAML(text, file: metaPath, log: &log) {
                    if let mapping = node.mapping {
                        MetadataParser.parse(
                            mapping, file: metaPath, into: &metadata, vocabulary: &vocabulary, log: &log,
                            allowLists: false)
                    } else {
                        log.error(
                            metaPath, node.mark?.line,
                            "network.yaml must be a mapping of keys (name:, region:, year:, ...).",
                            hint: "See `netan init` for a template.",
                            nl: "network.yaml moet bestaan uit sleutels met waarden "
                                + "(name:, region:, year:, ...).",
                            hintNL: "Zie `netan init` voor een sjabloon.")
                    }
                }
            }
        } else {
            log.warning(
                folder.path, nil,
                "The folder has no network.yaml; the folder name is used as the network name.",
                hint:
                    "Add a network.yaml with name, region, year and source "
                    + "(run `netan init` for a template).",
                nl:
                    "De map heeft geen network.yaml; "
                    + "de naam van de map wordt als naam van het netwerk gebruikt.",
                hintNL:
                    "Voeg een network.yaml toe met name, region, year en source "
                    + "(`netan init` maakt een sjabloon)."
            )
        }

        let actorsPath = folder.appendingPathComponent("actors.csv").path
        let relationsPath = folder.appendingPathComponent("relations.csv").path
        var builder = NetworkBuilder(metadata: metadata, vocabulary: vocabulary)
        let sizeAlias = metadata.sizeAttribute.map { [ActorField.size: [$0]] } ?? [:]

        let csvText = inMemory ? text : nil
        if let table = readTable(
            actorsPath, text: csvText, required: [ActorField.id, .type], aliases: \.aliases, extra: sizeAlias,
            log: &log)
        {
            builder.decimalComma = table.decimalComma
            builder.addActors(table.records, file: actorsPath)
        }
        if let table = readTable(
            relationsPath, text: csvText, required: [RelationField.source, .target, .type],
            aliases: \.aliases,
            extra: [:], log: &log)
        {
            builder.decimalComma = table.decimalComma
            builder.addRelations(table.records, file: relationsPath)
        }
        builder.finish(file: actorsPath, readFailed: log.hasErrors || allowEmpty)
        log.append(contentsOf: builder.log.items)
        return try result(builder.network, log, secondYear: builder.secondYear)
    }

    static func result(_ network: Network, _ log: DiagnosticLog, secondYear: YearPlace? = nil) throws
        -> LoadedNetwork
    {
        if log.hasErrors { throw NetworkLoadError(log.items, language: network.metadata.language) }
        return LoadedNetwork(network: network, warnings: log.items, secondYear: secondYear)
    }

    package static func readText(_ path: String, log: inout DiagnosticLog) -> String? {
        reading(path, log: &log) {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw CocoaError(.fileReadUnknown)
            }
            guard data.count <= defaultMaximumFileSize else { throw FileTooLarge() }
            return try TextDecoding.decode(data)
        }
    }

    /// Reads, decodes and splits the CSV file at `path`, with the messages of `readText` and
    /// `parseCSV`; UTF-8 files are split where they were read, without a copy.
    package static func readCSV(_ path: String, log: inout DiagnosticLog) -> CSVTable? {
        reading(path, log: &log) {
            let table = try CSVTable.read(path: path, maximumBytes: defaultMaximumFileSize)
            return (table, table.encoding)
        }
    }

    /// Runs `read` on the file at `path`, turning what can go wrong into messages in `log`
    /// (nil): a missing file, one that cannot be read, one above the size limit, text that
    /// cannot be decoded, an unclosed quote; and a warning for Windows-1252 text.
    private static func reading<T>(
        _ path: String, log: inout DiagnosticLog, _ read: () throws -> (T, TextEncoding)
    ) -> T? {
        guard FileManager.default.fileExists(atPath: path) else {
            log.error(
                path, nil, "The file is missing.",
                hint:
                    "Every network folder needs actors.csv and relations.csv; "
                    + "`netan init` writes a template.",
                nl: "Het bestand ontbreekt.",
                hintNL:
                    "Elke netwerkmap heeft actors.csv en relations.csv nodig; "
                    + "`netan init` maakt een sjabloon."
            )
            return nil
        }
        do {
            let (value, encoding) = try read()
            if encoding == .windows1252 {
                log.warning(
                    path, nil, "The file is not UTF-8; it was read as Windows-1252 (older Excel).",
                    hint:
                        "Save it as \"CSV UTF-8\" to be sure "
                        + "that characters such as ë and é are read correctly.",
                    nl: "Het bestand is geen UTF-8; het is gelezen als Windows-1252 (oudere Excel).",
                    hintNL:
                        "Sla het op als \"CSV UTF-8\", zodat tekens als ë en é zeker goed worden gelezen."
                )
            }
            return value
        } catch is FileTooLarge {
            let limit =
                defaultMaximumFileSize >= 1 << 20
                ? "\(defaultMaximumFileSize >> 20) MiB" : "\(defaultMaximumFileSize) bytes"
            log.error(
                path, nil, "The file is larger than \(limit).",
                hint:
                    "Split the network or check that this is the right file; "
                    + "NETAN_MAX_BYTES raises the limit.",
                nl: "Het bestand is groter dan \(limit).",
                hintNL:
                    "Splits het netwerk of controleer of dit het juiste bestand is; "
                    + "met NETAN_MAX_BYTES verhoogt u de limiet."
            )
        } catch let failure as TextDecodingFailure {
            log.error(
                path, failure.line, failure.message, hint: failure.hint, nl: failure.messageNL,
                hintNL: failure.hintNL)
        } catch let error as CSVTable.ParseError {
            log.error(
                path, error.line, error.message, hint: error.hint, nl: error.messageNL, hintNL: error.hintNL)
        } catch is CocoaError {
            log.error(
                path, nil, "The file cannot be read.",
                hint: "Check that it is a file and that you may read it.",
                nl: "Het bestand kan niet worden gelezen.",
                hintNL: "Controleer of het een bestand is en of u het mag lezen.")
        } catch {
            log.error(
                path, nil, "The file cannot be decoded: \(error).",
                nl: "De tekst van het bestand kan niet worden gedecodeerd: \(error).")
        }
        return nil
    }

    /// Splits CSV text into a table; a malformed file (an unclosed quote) becomes an error in
    /// `log` naming `path` and the line, and nil.
    package static func parseCSV(_ text: String, path: String, log: inout DiagnosticLog) -> CSVTable? {
        do {
            return try CSVTable.parse(text)
        } catch let error as CSVTable.ParseError {
            log.error(
                path, error.line, error.message, hint: error.hint, nl: error.messageNL, hintNL: error.hintNL)
        } catch {
            log.error(path, nil, "\(error)", nl: "Het CSV-bestand kan niet worden gelezen: \(error).")
        }
        return nil
    }

    struct Table<Field: RawRepresentable & CaseIterable & Hashable & Sendable>
    where Field.RawValue == String {
        var records: CSVRecords<Field>
        var decimalComma: Bool
    }

    /// Reads a CSV file into raw records, checking the header and row lengths: from disk when
    /// `read` is nil, else the text `read` gives for `path`.
    static func readTable<Field>(
        _ path: String, text read: ((String, inout DiagnosticLog) -> String?)?, required: [Field],
        aliases: (Field) -> [String], extra: [Field: [String]], log: inout DiagnosticLog
    ) -> Table<Field>?
    where Field: RawRepresentable & CaseIterable & Hashable & Sendable, Field.RawValue == String {
        let parsed: CSVTable?
        if let read {
            parsed = read(path, &log).flatMap { parseCSV($0, path: path, log: &log) }
        } else {
            parsed = readCSV(path, log: &log)
        }
        guard let table = parsed else { return nil }
        guard !table.header.isEmpty else {
            log.error(
                path, 1, "The file is empty.",
                hint:
                    "The first line must name the columns: "
                    + "\(required.map(\.rawValue).joined(separator: ", ")).",
                nl: "Het bestand is leeg.",
                hintNL:
                    "De eerste regel moet de kolommen noemen: "
                    + "\(required.map(\.rawValue).joined(separator: ", "))."
            )
            return nil
        }
        let columns = ColumnMap<Field>(header: table.header, aliases: aliases, extraAliases: extra)
        var missing = false
        for field in required where columns.fields[field] == nil {
            missing = true
            log.error(
                path, table.headerLine,
                "The required column \"\(field.rawValue)\" is missing "
                    + "(columns found: \(table.header.joined(separator: ", "))).",
                hint:
                    "Add a column \"\(field.rawValue)\" "
                    + "(also accepted: \(aliases(field).dropFirst().joined(separator: ", "))); "
                    + "check that the file is separated by , ; or tab.",
                nl: "De verplichte kolom \"\(field.rawValue)\" ontbreekt "
                    + "(gevonden kolommen: \(table.header.joined(separator: ", "))).",
                hintNL:
                    "Voeg een kolom \"\(field.rawValue)\" toe "
                    + "(ook goed: \(aliases(field).dropFirst().joined(separator: ", "))); "
                    + "controleer of het bestand gescheiden is door , ; of tab."
            )
        }
        for name in columns.duplicates {
            log.warning(
                path, table.headerLine, "The column \"\(name)\" occurs twice; the first one is used.",
                hint: "Remove or rename the second column.",
                nl: "De kolom \"\(name)\" komt twee keer voor; de eerste wordt gebruikt.",
                hintNL: "Verwijder de tweede kolom of geef die een andere naam.")
        }
        if missing { return nil }
        let decimalComma = table.delimiter != ","
        let width = table.header.count
        var kept: [Int]? = nil
        for r in 0..<table.count {
            let fields = table.fieldCount(r)
            if fields > width, (width..<fields).contains(where: { !table.field(r, $0).trimmedSpaces.isEmpty })
            {
                if kept == nil { kept = Array(0..<r) }
                let shown = table.delimiter == "\t" ? "tab" : String(table.delimiter)
                log.error(
                    path, table.line(r),
                    "This row has \(fields) fields but the header has \(width).",
                    hint:
                        "A value probably contains the separator \"\(shown)\": "
                        + "put that value in double quotes.",
                    nl: "Deze rij heeft \(fields) velden, "
                        + "maar de kopregel heeft er \(width).",
                    hintNL:
                        "Waarschijnlijk bevat een waarde het scheidingsteken \"\(shown)\": "
                        + "zet die waarde tussen dubbele aanhalingstekens."
                )
                continue
            }
            kept?.append(r)
        }
        let records = CSVRecords(table: table, columns: columns, kept: kept)
        return Table(records: records, decimalComma: decimalComma)
    }
}
