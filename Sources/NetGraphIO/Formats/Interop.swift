import Foundation
import NetGraph

/// Readers for the formats of other tools. Every reader turns what it finds into the same
/// raw actor and relation records as the CSV reader, so validation and messages are shared.
package enum InteropReaders {
    /// Builds a network from raw records; `inferActors` adds actors named only in relations.
    package static func build(
        file: String, metadata: NetworkMetadata, actors: [RawRecord<ActorField>],
        relations: [RawRecord<RelationField>],
        log: DiagnosticLog, inferActors: Bool = false, decimalComma: Bool = false
    ) throws -> LoadedNetwork {
        var log = log
        var actors = actors
        if inferActors {
            var known = Set(actors.compactMap { $0.values[.id] })
            var inferred = 0
            for relation in relations {
                for id in [relation.values[.source], relation.values[.target]].compactMap({
                    $0?.trimmingCharacters(in: .whitespaces)
                }) where !id.isEmpty && !known.contains(id) {
                    known.insert(id)
                    actors.append(
                        RawRecord(line: relation.line, values: [.id: id, .type: "overig"], attributes: [:]))
                    inferred += 1
                }
            }
            if inferred > 0 {
                log.warning(
                    file, nil,
                    "\(inferred) actors were inferred from the relations; "
                        + "their types are unknown and set to \"overig\".",
                    hint:
                        "Give actor types in a network folder (actors.csv) "
                        + "to use the power analysis by actor type.",
                    nl: "\(inferred) actoren zijn afgeleid uit de relaties; "
                        + "hun type is onbekend en wordt \"overig\".",
                    hintNL:
                        "Geef de actortypes op in een netwerkmap (actors.csv) "
                        + "om de machtsanalyse per actortype te kunnen gebruiken."
                )
            }
        }
        var builder = NetworkBuilder(metadata: metadata, vocabulary: .standard)
        builder.decimalComma = decimalComma
        builder.addActors(actors, file: file)
        builder.addRelations(relations, file: file)
        builder.finish(file: file, readFailed: log.hasErrors)
        log.append(contentsOf: builder.log.items)
        if log.hasErrors { throw NetworkLoadError(log.items, language: metadata.language) }
        return LoadedNetwork(network: builder.network, warnings: log.items, secondYear: builder.secondYear)
    }

    /// Maps named values onto actor fields (aliases as in CSV headers); the rest are attributes.
    package static func actorRecord(
        line: Int, id: String, sizeAttribute: String? = nil, values: [(String, String)]
    ) -> RawRecord<ActorField> {
        let columns = ColumnMap<ActorField>(
            header: values.map(\.0), aliases: \.aliases,
            extraAliases: sizeAttribute.map { [.size: [$0]] } ?? [:])
        var record = RawRecord<ActorField>(line: line, values: [.id: id], attributes: [:])
        for (field, index) in columns.fields where field != .id { record.values[field] = values[index].1 }
        for (index, name) in columns.attributes where !values[index].1.isEmpty && name != "label" {
            record.attributes[name] = values[index].1
        }
        if record.values[.name] == nil, let label = values.first(where: { $0.0.lowercased() == "label" })?.1 {
            record.values[.name] = label
        }
        return record
    }

    package static func relationRecord(
        line: Int, source: String, target: String, values: [(String, String)], defaultDirected: Bool?
    ) -> RawRecord<RelationField> {
        let columns = ColumnMap<RelationField>(header: values.map(\.0), aliases: \.aliases)
        var record = RawRecord<RelationField>(
            line: line, values: [.source: source, .target: target], attributes: [:])
        for (field, index) in columns.fields where field != .source && field != .target {
            record.values[field] = values[index].1
        }
        for (index, name) in columns.attributes
        where !values[index].1.isEmpty && !["id", "key", "label"].contains(name.lowercased()) {
            record.attributes[name] = values[index].1
        }
        if record.values[.type] == nil {
            record.values[.type] =
                values.first(where: { $0.0.lowercased() == "label" })?.1
                ?? (defaultDirected == false ? "samenwerking" : "contract")
        }
        if record.values[.directed] == nil, let defaultDirected {
            record.values[.directed] = defaultDirected ? "true" : "false"
        }
        return record
    }

    package static func text(_ value: Any) -> String {
        switch value {
        case let n as NSNumber:
            let kind = String(cString: n.objCType)
            return kind == "c" || kind == "B" ? (n.boolValue ? "true" : "false") : "\(n)"
        case let b as Bool: return b ? "true" : "false"
        case let s as String: return s
        case is NSNull: return ""
        default: return "\(value)"
        }
    }

}

/// A spreadsheet-like cell.
package enum Cell: Equatable {
    case text(String)
    case number(Double)

    package var string: String {
        switch self {
        case .text(let s): s
        case .number(let v): v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : "\(v)"
        }
    }
}

/// A network as rows of columns: the common ground of every writer.
package struct TabularNetwork {
    package let network: Network
    package let actorColumns: [String]
    package let relationColumns: [String]
    package let actorAttributes: [String]
    package let relationAttributes: [String]
    package var sizeColumn: String { network.metadata.sizeAttribute ?? "size" }

    package init(_ network: Network) {
        self.network = network
        actorAttributes = Set(network.actors.flatMap { $0.attributes.keys }).sorted()
        relationAttributes = Set(network.relations.flatMap { $0.attributes.keys }).sorted()
        var actorColumns = ["id", "name", "type"]
        if network.actors.contains(where: { $0.size != nil }) {
            actorColumns.append(network.metadata.sizeAttribute ?? "size")
        }
        if network.actors.contains(where: { $0.influence != nil }) { actorColumns.append("influence") }
        if network.actors.contains(where: { $0.region != nil }) { actorColumns.append("region") }
        if network.actors.contains(where: { $0.year != nil }) { actorColumns.append("year") }
        self.actorColumns = actorColumns + actorAttributes
        var relationColumns = ["source", "target", "type", "weight", "directed"]
        if network.relations.contains(where: { $0.year != nil }) { relationColumns.append("year") }
        self.relationColumns = relationColumns + relationAttributes
    }

    package func actorValues(_ actor: Actor) -> [Cell] {
        actorColumns.map { column in
            switch column {
            case "id": .text(actor.id)
            case "name": .text(actor.name)
            case "type": .text(actor.type)
            case sizeColumn where actorColumns.firstIndex(of: column) == 3:
                actor.size.map(Cell.number) ?? .text("")
            case "influence": actor.influence.map(Cell.number) ?? .text("")
            case "region": .text(actor.region ?? "")
            case "year": actor.year.map { .number(Double($0)) } ?? .text("")
            default: .text(actor.attributes[column] ?? "")
            }
        }
    }

    package func relationValues(_ relation: Relation) -> [Cell] {
        relationColumns.map { column in
            switch column {
            case "source": .text(relation.source)
            case "target": .text(relation.target)
            case "type": .text(relation.type)
            case "weight": relation.weightGiven ? .number(relation.weight) : .text("")
            case "directed": .text(relation.directed ? "true" : "false")
            case "year": relation.year.map { .number(Double($0)) } ?? .text("")
            default: .text(relation.attributes[column] ?? "")
            }
        }
    }

    package var actorRows: [[Cell]] { [actorColumns.map(Cell.text)] + network.actors.map(actorValues) }
    package var relationRows: [[Cell]] {
        [relationColumns.map(Cell.text)] + network.relations.map(relationValues)
    }

    package var metadataRows: [(String, String)] {
        let m = network.metadata
        var rows = [("name", m.name), ("language", m.language)]
        if let region = m.region { rows.append(("region", region)) }
        if let year = m.year { rows.append(("year", String(year))) }
        if let source = m.source { rows.append(("source", source)) }
        if let size = m.sizeAttribute { rows.append(("size_attribute", size)) }
        return rows
    }

    /// Actor types and relation types that differ from the defaults (for network.yaml).
    package var customTypes: (actors: [ActorType], relations: [RelationType]) {
        let standard = Vocabulary.standard
        return (
            network.vocabulary.actorTypes.filter { !standard.actorTypes.contains($0) },
            network.vocabulary.relationTypes.filter { !standard.relationTypes.contains($0) }
        )
    }
}
