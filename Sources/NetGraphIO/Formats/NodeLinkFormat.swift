import Foundation
import NetGraph

extension InteropReaders {
    // MARK: - node-link JSON (networkx json_graph.node_link_data, d3)

    static func nodeLink(_ path: String) throws -> LoadedNetwork {
        var log = DiagnosticLog()
        guard let data = FileManager.default.contents(atPath: path) else {
            throw NetworkLoadError([
                Diagnostic(
                    .error, file: path, "The file cannot be read.", nl: "Het bestand kan niet worden gelezen."
                )
            ])
        }
        let object: [String: Any]
        do {
            guard let o = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw CocoaError(.fileReadCorruptFile)
            }
            object = o
        } catch {
            throw NetworkLoadError([
                Diagnostic(
                    .error, file: path, "The file is not valid JSON.",
                    hint: "Check it with a JSON validator; node-link JSON has \"nodes\" and \"links\".",
                    nl: "Het bestand is geen geldige JSON.",
                    hintNL:
                        "Controleer het met een JSON-validator; node-link-JSON heeft \"nodes\" en \"links\".")
            ])
        }
        let directed = (object["directed"] as? Bool) ?? true
        var metadata = NetworkMetadata(
            name: URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent)
        if let graph = object["graph"] as? [String: Any] {
            if let name = graph["name"] as? String { metadata.name = name }
            metadata.region = graph["region"] as? String
            metadata.year = (graph["year"] as? Int) ?? (graph["year"] as? String).flatMap { Int($0) }
            metadata.source = graph["source"] as? String
            if let language = graph["language"] as? String, ["nl", "en"].contains(language) {
                metadata.language = language
            }
            metadata.sizeAttribute = graph["size_attribute"] as? String
        }
        let nodes = object["nodes"] as? [[String: Any]] ?? []
        var ids: [String] = []
        var actors: [RawRecord<ActorField>] = []
        for (i, node) in nodes.enumerated() {
            guard let rawID = node["id"] else {
                log.error(
                    path, nil, "Node \(i + 1) has no \"id\".", hint: "Every node needs an id.",
                    nl: "Knoop \(i + 1) heeft geen \"id\".", hintNL: "Elke knoop heeft een id nodig.")
                ids.append("")
                continue
            }
            let id = text(rawID)
            ids.append(id)
            let values = node.filter { $0.key != "id" }.sorted { $0.key < $1.key }.map {
                ($0.key, text($0.value))
            }
            actors.append(
                actorRecord(line: i + 1, id: id, sizeAttribute: metadata.sizeAttribute, values: values))
        }
        let links = (object["links"] ?? object["edges"]) as? [[String: Any]] ?? []
        var relations: [RawRecord<RelationField>] = []
        for (i, link) in links.enumerated() {
            guard let s = link["source"], let t = link["target"] else {
                log.error(
                    path, nil, "Link \(i + 1) lacks \"source\" or \"target\".",
                    nl: "Link \(i + 1) mist \"source\" of \"target\".")
                continue
            }
            // d3 files may refer to nodes by position.
            func resolve(_ v: Any) -> String {
                if let index = v as? Int, nodes.first?["id"] as? Int == nil, index >= 0, index < ids.count {
                    return ids[index]
                }
                return text(v)
            }
            let values = link.filter { !["source", "target", "key"].contains($0.key) }.sorted {
                $0.key < $1.key
            }.map { ($0.key, text($0.value)) }
            relations.append(
                relationRecord(
                    line: i + 1, source: resolve(s), target: resolve(t), values: values,
                    defaultDirected: directed))
        }
        return try build(file: path, metadata: metadata, actors: actors, relations: relations, log: log)
    }

}

extension NetworkWriter {
    // MARK: - node-link JSON

    static func nodeLink(_ table: TabularNetwork) -> String {
        let network = table.network
        let directed = network.relations.contains(where: \.directed)
        let nodes = records(table.actorRows)
        let links = records(table.relationRows)
        var graph: [String: Any] = [:]
        for (key, value) in table.metadataRows { graph[key] = key == "year" ? Int(value)! as Any : value }
        let object: [String: Any] = [
            "directed": directed, "multigraph": true, "graph": graph, "nodes": nodes, "links": links,
        ]
        return JSONOutput.text(object) + "\n"
    }

}
