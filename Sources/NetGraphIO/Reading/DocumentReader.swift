import Foundation
import NetGraph
import Yams

/// Reading a network from one YAML or JSON document (actors and relations as lists), with
/// limits on nesting and size so a hostile file cannot exhaust memory.
extension NetworkReader {
    static func loadDocument(path: String) throws -> LoadedNetwork {
        var log = DiagnosticLog()
        guard let text = readText(path, log: &log) else { throw NetworkLoadError(log.items) }
        guard let root = composeYAML(text, file: path, log: &log) else { throw NetworkLoadError(log.items) }
        guard let mapping = root.mapping else {
            log.error(
                path, root.mark?.line,
                "The file must hold a mapping with the keys network, actors and relations.",
                hint: "See the README for an example.",
                nl: "Het bestand moet bestaan uit sleutels met waarden: network, actors en relations.",
                hintNL: "Zie de README voor een voorbeeld.")
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
                    path, nested.mark?.line, "\"network\" must be a mapping (name:, region:, year:, ...).",
                    nl: "\"network\" moet bestaan uit sleutels met waarden (name:, region:, year:, ...).")
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
        return try result(builder.network, log, secondYear: builder.secondYear)
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
                hint: "Add \(key): followed by a list of records.",
                nl: "De sleutel \"\(key)\" ontbreekt.",
                hintNL: "Voeg \(key): toe, gevolgd door een lijst met records.")
            return []
        }
        guard let sequence = node.sequence else {
            log.error(
                file, node.mark?.line, "\"\(key)\" must be a list of records.",
                hint: "Write each record as an item (\"- id: ...\" in YAML, or [{...}] in JSON).",
                nl: "\"\(key)\" moet een lijst met records zijn.",
                hintNL: "Schrijf elk record als een item (\"- id: ...\" in YAML, of [{...}] in JSON).")
            return []
        }
        var result: [RawRecord<Field>] = []
        for item in sequence {
            let line = item.mark?.line ?? 0
            guard let fields = item.mapping else {
                log.error(
                    file, line, "Each item of \"\(key)\" must be a record of keys and values.",
                    nl: "Elk item van \"\(key)\" moet een record met sleutels en waarden zijn.")
                continue
            }
            let header = fields.map { $0.key.string ?? "" }
            let columns = ColumnMap<Field>(header: header, aliases: aliases, extraAliases: extra)
            let missing = required.filter { columns.fields[$0] == nil }
            if !missing.isEmpty {
                log.error(
                    file, line,
                    "This record lacks \(missing.map { "\"\($0.rawValue)\"" }.joined(separator: " and ")).",
                    hint: "Every item of \(key) needs \(required.map(\.rawValue).joined(separator: ", ")).",
                    nl: "Dit record mist \(missing.map { "\"\($0.rawValue)\"" }.joined(separator: " en ")).",
                    hintNL:
                        "Elk item van \(key) heeft \(required.map(\.rawValue).joined(separator: ", ")) nodig."
                )
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
                    "The value of \"\(header[index])\" must be a single value, not a list or mapping.",
                    nl:
                        "De waarde van \"\(header[index])\" moet één enkele waarde zijn, "
                        + "geen lijst of geneste sleutels."
                )
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
                hint: "A network file needs only a few levels (network, actors, relations);"
                    + " check that this is the right file.",
                nl:
                    "Het document is \(nesting.depth) niveaus diep genest; "
                    + "netan leest er hoogstens \(maximumNesting).",
                hintNL: "Een netwerkbestand heeft maar een paar niveaus nodig (network, actors, relations);"
                    + " controleer of dit het juiste bestand is."
            )
            return nil
        }
        do {
            guard let node = try Yams.compose(yaml: text) else {
                log.error(
                    file, 1, "The file is empty.", hint: "Write the network's keys in it (see the README).",
                    nl: "Het bestand is leeg.",
                    hintNL: "Zet de sleutels van het netwerk erin (zie de README).")
                return nil
            }
            var budget = maximumYAMLNodes
            guard withinBudget(node, &budget) else {
                log.error(
                    file, nil,
                    "The document expands to more than \(maximumYAMLNodes) values (nested aliases?).",
                    hint: "Write the data out without YAML aliases.",
                    nl:
                        "Het document groeit uit tot meer dan \(maximumYAMLNodes) waarden "
                        + "(geneste aliassen?).",
                    hintNL: "Schrijf de gegevens volledig uit, zonder YAML-aliassen.")
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
                hint: "Check indentation, colons and quotes on this line or just above it.",
                nl: "Het bestand is geen geldige YAML/JSON: \(problem).",
                hintNL:
                    "Controleer inspringing, dubbele punten en aanhalingstekens op deze regel of net erboven."
            )
            return nil
        } catch {
            log.error(
                file, nil, "The file is not valid YAML/JSON: \(error).",
                nl: "Het bestand is geen geldige YAML/JSON: \(error).")
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
