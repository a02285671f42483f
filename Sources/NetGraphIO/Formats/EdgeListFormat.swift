import Foundation
import NetGraph

extension InteropReaders {
    // MARK: - Edge list

    static func edgeList(_ path: String) throws -> LoadedNetwork {
        var log = DiagnosticLog()
        guard let text = NetworkReader.readText(path, log: &log) else { throw NetworkLoadError(log.items) }
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r" && $0 != "\r\n" }.lowercased()
        let header = ColumnMap<RelationField>(
            header: (try? CSVTable.parse(String(firstLine)))?.header ?? [], aliases: \.aliases)
        var relations: [RawRecord<RelationField>] = []
        var decimalComma = false
        if header.fields[.source] != nil && header.fields[.target] != nil {
            // A CSV with a header: relations.csv on its own.
            guard
                let table = NetworkReader.readTable(
                    path, text: nil,
                    required: [RelationField.source, .target], aliases: \.aliases, extra: [:], log: &log)
            else {
                throw NetworkLoadError(log.items)
            }
            decimalComma = table.decimalComma
            relations = table.records.rawRecords.map { record in
                var r = record
                if r.values[.type] == nil || r.values[.type]!.isEmpty { r.values[.type] = "samenwerking" }
                return r
            }
        } else {
            // Bare "u v [w]" lines, separated by whitespace, comma, semicolon or tab.
            for (index, rawLine) in text.split(
                omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
            ).enumerated() {
                let trimmed = rawLine.trimmingCharacters(in: .whitespaces)
                if trimmed.isEmpty || trimmed.hasPrefix("#") || trimmed.hasPrefix("%") { continue }
                let tokens = trimmed.split(whereSeparator: {
                    $0 == " " || $0 == "\t" || $0 == "," || $0 == ";"
                }).map(String.init)
                guard tokens.count >= 2 else {
                    log.error(
                        path, index + 1, "An edge-list line needs a source and a target.",
                        hint: "Write one tie per line: source target [weight].",
                        nl: "Een regel in een lijst met relaties heeft een bron en een doel nodig.",
                        hintNL: "Schrijf één relatie per regel: source target [weight].")
                    continue
                }
                var values: FieldValues<RelationField> = [
                    .source: tokens[0], .target: tokens[1], .type: "samenwerking",
                ]
                if tokens.count >= 3 { values[.weight] = tokens[2] }
                relations.append(RawRecord(line: index + 1, values: values, attributes: [:]))
            }
        }
        let metadata = NetworkMetadata(
            name: URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent)
        return try build(
            file: path, metadata: metadata, actors: [], relations: relations, log: log, inferActors: true,
            decimalComma: decimalComma)
    }

}
