import Foundation
import NetGraph
import Yams

/// A network read from disk, with the warnings found on the way.
public struct LoadedNetwork: Sendable {
    public var network: Network
    public var warnings: [Diagnostic]
}

/// Reads the native formats: a network folder (`network.yaml`, `actors.csv`,
/// `relations.csv`) or a single YAML/JSON file holding metadata, actors and relations.
///
/// Every problem of every file is collected; loading fails (throws `NetworkLoadError`)
/// only after all were found, so a user fixes a spreadsheet in one pass.
public enum NetworkReader {
    /// Largest input file accepted, in bytes: 512 MiB, or `NETAN_MAX_BYTES`.
    public static var defaultMaximumFileSize: Int { Limits.maximumBytes }

    public static func load(path: String) throws -> LoadedNetwork {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw NetworkLoadError([
                Diagnostic(
                    .error, file: path, "This file or folder does not exist.",
                    hint:
                        "Give a network folder (with actors.csv and relations.csv) or a .yaml/.json network file."
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
                    hint: "Point to the folder that holds actors.csv and relations.csv.")
            ])
        default:
            throw NetworkLoadError([
                Diagnostic(
                    .error, file: path, "netan does not know this file type.",
                    hint: "Use a network folder, or a .yaml or .json network file.")
            ])
        }
    }

    // MARK: - Network folder

    static func loadFolder(_ folder: URL) throws -> LoadedNetwork {
        var log = DiagnosticLog()
        let metaURL = folder.appendingPathComponent("network.yaml")
        let ymlURL = folder.appendingPathComponent("network.yml")
        var metadata = NetworkMetadata(name: folder.lastPathComponent)
        var vocabulary = Vocabulary.standard
        let metaPath =
            FileManager.default.fileExists(atPath: metaURL.path)
            ? metaURL.path
            : FileManager.default.fileExists(atPath: ymlURL.path) ? ymlURL.path : nil
        if let metaPath {
            if let text = readText(metaPath, log: &log) {
                if let node = composeYAML(text, file: metaPath, log: &log) {
                    if let mapping = node.mapping {
                        MetadataParser.parse(
                            mapping, file: metaPath, into: &metadata, vocabulary: &vocabulary, log: &log,
                            allowLists: false)
                    } else {
                        log.error(
                            metaPath, node.mark?.line,
                            "network.yaml must be a mapping of keys (name:, region:, year:, ...).",
                            hint: "See `netan init` for a template.")
                    }
                }
            }
        } else {
            log.warning(
                folder.path, nil,
                "The folder has no network.yaml; the folder name is used as the network name.",
                hint:
                    "Add a network.yaml with name, region, year and source (run `netan init` for a template)."
            )
        }

        let actorsPath = folder.appendingPathComponent("actors.csv").path
        let relationsPath = folder.appendingPathComponent("relations.csv").path
        var builder = NetworkBuilder(metadata: metadata, vocabulary: vocabulary)
        let sizeAlias = metadata.sizeAttribute.map { [ActorField.size: [$0]] } ?? [:]

        if let table = readTable(
            actorsPath, required: [ActorField.id, .type], aliases: \.aliases, extra: sizeAlias, log: &log)
        {
            builder.decimalComma = table.decimalComma
            builder.addActors(table.records, file: actorsPath)
        }
        if let table = readTable(
            relationsPath, required: [RelationField.source, .target, .type], aliases: \.aliases, extra: [:],
            log: &log)
        {
            builder.decimalComma = table.decimalComma
            builder.addRelations(table.records, file: relationsPath)
        }
        builder.finish(file: actorsPath, readFailed: log.hasErrors)
        log.append(contentsOf: builder.log.items)
        return try result(builder.network, log)
    }

    private static func result(_ network: Network, _ log: DiagnosticLog) throws -> LoadedNetwork {
        if log.hasErrors { throw NetworkLoadError(log.items) }
        return LoadedNetwork(network: network, warnings: log.items)
    }

    package static func readText(_ path: String, log: inout DiagnosticLog) -> String? {
        guard FileManager.default.fileExists(atPath: path) else {
            log.error(
                path, nil, "The file is missing.",
                hint:
                    "Every network folder needs actors.csv and relations.csv; `netan init` writes a template."
            )
            return nil
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            log.error(
                path, nil, "The file cannot be read.",
                hint: "Check that it is a file and that you may read it.")
            return nil
        }
        guard data.count <= defaultMaximumFileSize else {
            let limit =
                defaultMaximumFileSize >= 1 << 20
                ? "\(defaultMaximumFileSize >> 20) MiB" : "\(defaultMaximumFileSize) bytes"
            log.error(
                path, nil, "The file is larger than \(limit).",
                hint:
                    "Split the network or check that this is the right file; NETAN_MAX_BYTES raises the limit."
            )
            return nil
        }
        do {
            let (text, encoding) = try TextDecoding.decode(data)
            if encoding == .windows1252 {
                log.warning(
                    path, nil, "The file is not UTF-8; it was read as Windows-1252 (older Excel).",
                    hint:
                        "Save it as \"CSV UTF-8\" to be sure that characters such as ë and é are read correctly."
                )
            }
            return text
        } catch let failure as TextDecodingFailure {
            log.error(path, failure.line, failure.message, hint: failure.hint)
            return nil
        } catch {
            log.error(path, nil, "The file cannot be decoded: \(error).")
            return nil
        }
    }

    struct Table<Field: Hashable> {
        var records: [RawRecord<Field>]
        var decimalComma: Bool
    }

    /// Reads a CSV file into raw records, checking the header and row lengths.
    static func readTable<Field>(
        _ path: String, required: [Field], aliases: (Field) -> [String], extra: [Field: [String]],
        log: inout DiagnosticLog
    ) -> Table<Field>?
    where Field: RawRepresentable & CaseIterable & Hashable, Field.RawValue == String {
        guard let text = readText(path, log: &log) else { return nil }
        let table: CSVTable
        do {
            table = try CSVTable.parse(text)
        } catch let error as CSVTable.ParseError {
            log.error(path, error.line, error.message, hint: error.hint)
            return nil
        } catch {
            log.error(path, nil, "\(error)")
            return nil
        }
        guard !table.header.isEmpty else {
            log.error(
                path, 1, "The file is empty.",
                hint:
                    "The first line must name the columns: \(required.map(\.rawValue).joined(separator: ", "))."
            )
            return nil
        }
        let columns = ColumnMap<Field>(header: table.header, aliases: aliases, extraAliases: extra)
        var missing = false
        for field in required where columns.fields[field] == nil {
            missing = true
            log.error(
                path, table.headerLine,
                "The required column \"\(field.rawValue)\" is missing (columns found: \(table.header.joined(separator: ", "))).",
                hint:
                    "Add a column \"\(field.rawValue)\" (also accepted: \(aliases(field).dropFirst().joined(separator: ", "))); check that the file is separated by , ; or tab."
            )
        }
        for name in columns.duplicates {
            log.warning(
                path, table.headerLine, "The column \"\(name)\" occurs twice; the first one is used.",
                hint: "Remove or rename the second column.")
        }
        if missing { return nil }
        let decimalComma = table.delimiter != ","
        var records: [RawRecord<Field>] = []
        records.reserveCapacity(table.records.count)
        for record in table.records {
            if record.fields.count > table.header.count,
                record.fields[table.header.count...].contains(where: {
                    !$0.trimmingCharacters(in: .whitespaces).isEmpty
                })
            {
                let shown = table.delimiter == "\t" ? "tab" : String(table.delimiter)
                log.error(
                    path, record.line,
                    "This row has \(record.fields.count) fields but the header has \(table.header.count).",
                    hint:
                        "A value probably contains the separator \"\(shown)\": put that value in double quotes."
                )
                continue
            }
            var values: [Field: String] = [:]
            for (field, index) in columns.fields where index < record.fields.count {
                values[field] = record.fields[index]
            }
            var attributes: [String: String] = [:]
            for (index, name) in columns.attributes
            where index < record.fields.count && !record.fields[index].isEmpty {
                attributes[name] = record.fields[index]
            }
            records.append(RawRecord(line: record.line, values: values, attributes: attributes))
        }
        return Table(records: records, decimalComma: decimalComma)
    }

    // MARK: - Single YAML / JSON document

    static func loadDocument(path: String) throws -> LoadedNetwork {
        var log = DiagnosticLog()
        guard let text = readText(path, log: &log) else { throw NetworkLoadError(log.items) }
        guard let root = composeYAML(text, file: path, log: &log) else { throw NetworkLoadError(log.items) }
        guard let mapping = root.mapping else {
            log.error(
                path, root.mark?.line,
                "The file must hold a mapping with the keys network, actors and relations.",
                hint: "See the README for an example.")
            throw NetworkLoadError(log.items)
        }
        var metadata = NetworkMetadata(
            name: URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent)
        var vocabulary = Vocabulary.standard
        // Metadata either under `network:` or at the top level.
        if let nested = mapping["network"] ?? mapping["netwerk"] {
            if let nestedMapping = nested.mapping {
                MetadataParser.parse(
                    nestedMapping, file: path, into: &metadata, vocabulary: &vocabulary, log: &log,
                    allowLists: false)
            } else {
                log.error(
                    path, nested.mark?.line, "\"network\" must be a mapping (name:, region:, year:, ...).")
            }
            MetadataParser.checkTopLevelKeys(mapping, file: path, log: &log)
        } else {
            MetadataParser.parse(
                mapping, file: path, into: &metadata, vocabulary: &vocabulary, log: &log, allowLists: true)
        }
        var builder = NetworkBuilder(metadata: metadata, vocabulary: vocabulary)
        let sizeAlias = metadata.sizeAttribute.map { [ActorField.size: [$0]] } ?? [:]
        let actors = records(
            mapping["actors"] ?? mapping["actoren"], key: "actors", file: path,
            required: [ActorField.id, .type], aliases: \.aliases, extra: sizeAlias, log: &log)
        builder.addActors(actors, file: path)
        let relations = records(
            mapping["relations"] ?? mapping["relaties"], key: "relations", file: path,
            required: [RelationField.source, .target, .type], aliases: \.aliases, extra: [:], log: &log)
        builder.addRelations(relations, file: path)
        builder.finish(file: path, readFailed: log.hasErrors)
        log.append(contentsOf: builder.log.items)
        return try result(builder.network, log)
    }

    private static func records<Field>(
        _ node: Node?, key: String, file: String, required: [Field], aliases: (Field) -> [String],
        extra: [Field: [String]],
        log: inout DiagnosticLog
    ) -> [RawRecord<Field>]
    where Field: RawRepresentable & CaseIterable & Hashable, Field.RawValue == String {
        guard let node else {
            log.error(
                file, nil, "The key \"\(key)\" is missing.",
                hint: "Add \(key): followed by a list of records.")
            return []
        }
        guard let sequence = node.sequence else {
            log.error(
                file, node.mark?.line, "\"\(key)\" must be a list of records.",
                hint: "Write each record as an item (\"- id: ...\" in YAML, or [{...}] in JSON).")
            return []
        }
        var result: [RawRecord<Field>] = []
        for item in sequence {
            let line = item.mark?.line ?? 0
            guard let fields = item.mapping else {
                log.error(file, line, "Each item of \"\(key)\" must be a record of keys and values.")
                continue
            }
            let header = fields.map { $0.key.string ?? "" }
            let columns = ColumnMap<Field>(header: header, aliases: aliases, extraAliases: extra)
            let missing = required.filter { columns.fields[$0] == nil }
            if !missing.isEmpty {
                log.error(
                    file, line,
                    "This record lacks \(missing.map { "\"\($0.rawValue)\"" }.joined(separator: " and ")).",
                    hint: "Every item of \(key) needs \(required.map(\.rawValue).joined(separator: ", ")).")
                continue
            }
            let values = fields.map { scalarText($0.value) }
            var raw = RawRecord<Field>(line: line, values: [:], attributes: [:])
            for (field, index) in columns.fields { raw.values[field] = values[index] ?? "" }
            for (index, name) in columns.attributes {
                if let value = values[index], !value.isEmpty { raw.attributes[name] = value }
            }
            for (index, pair) in fields.enumerated() where values[index] == nil {
                log.error(
                    file, pair.value.mark?.line ?? line,
                    "The value of \"\(header[index])\" must be a single value, not a list or mapping.")
            }
            result.append(raw)
        }
        return result
    }

    private static func scalarText(_ node: Node) -> String? {
        guard let scalar = node.scalar else { return nil }
        if scalar.style == .plain, ["~", "null", "Null", "NULL"].contains(scalar.string) { return "" }
        return scalar.string
    }

    /// Largest number of YAML nodes accepted (guards against alias "billion laughs" bombs).
    static let maximumYAMLNodes = 5_000_000

    /// Deepest nesting accepted in YAML/JSON: Yams (libyaml) recurses once per level, and a
    /// document nested thousands deep overflows the stack (found under AddressSanitizer).
    static let maximumNesting = 200

    /// Nesting depth of flow collections (`[`, `{` outside quotes) and of block indentation.
    static func nestingDepth(_ text: String) -> (depth: Int, line: Int) {
        var depth = 0
        var deepest = 0
        var line = 1
        var deepestLine = 1
        var quote: UInt8? = nil
        var atLineStart = true
        var indent = 0
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte == 10 {
                line += 1
                atLineStart = true
                indent = 0
                previous = byte
                continue
            }
            if atLineStart {
                if byte == 32 || byte == 45 {
                    indent += 1
                    previous = byte
                    continue
                }  // spaces and "- "
                atLineStart = false
                if indent / 2 > deepest {
                    deepest = indent / 2
                    deepestLine = line
                }
            }
            if let q = quote {
                if byte == q && previous != 92 { quote = nil }
            } else if byte == 34 || byte == 39 {
                quote = byte
            } else if byte == 91 || byte == 123 {
                depth += 1
                if depth > deepest {
                    deepest = depth
                    deepestLine = line
                }
            } else if byte == 93 || byte == 125 {
                depth = max(0, depth - 1)
            }
            previous = byte
        }
        return (deepest, deepestLine)
    }

    static func composeYAML(_ text: String, file: String, log: inout DiagnosticLog) -> Node? {
        let nesting = nestingDepth(text)
        if nesting.depth > maximumNesting {
            log.error(
                file, nesting.line,
                "The document is nested \(nesting.depth) levels deep; netan reads at most \(maximumNesting).",
                hint:
                    "A network file needs only a few levels (network, actors, relations); check that this is the right file."
            )
            return nil
        }
        do {
            guard let node = try Yams.compose(yaml: text) else {
                log.error(
                    file, 1, "The file is empty.", hint: "Write the network's keys in it (see the README).")
                return nil
            }
            var budget = maximumYAMLNodes
            guard withinBudget(node, &budget) else {
                log.error(
                    file, nil,
                    "The document expands to more than \(maximumYAMLNodes) values (nested aliases?).",
                    hint: "Write the data out without YAML aliases.")
                return nil
            }
            return node
        } catch let error as YamlError {
            var line: Int? = nil
            var problem = "\(error)"
            switch error {
            case let .scanner(_, message, mark, _), let .parser(_, message, mark, _),
                let .composer(_, message, mark, _):
                line = mark.line
                problem = message
            default: break
            }
            log.error(
                file, line, "The file is not valid YAML/JSON: \(problem).",
                hint: "Check indentation, colons and quotes on this line or just above it.")
            return nil
        } catch {
            log.error(file, nil, "The file is not valid YAML/JSON: \(error).")
            return nil
        }
    }

    private static func withinBudget(_ node: Node, _ budget: inout Int) -> Bool {
        budget -= 1
        if budget < 0 { return false }
        switch node {
        case .scalar: return true
        case .sequence(let sequence):
            for child in sequence where !withinBudget(child, &budget) { return false }
            return true
        case .mapping(let mapping):
            for pair in mapping where !withinBudget(pair.key, &budget) || !withinBudget(pair.value, &budget) {
                return false
            }
            return true
        }
    }
}
