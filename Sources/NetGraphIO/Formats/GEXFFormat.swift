import Foundation
import NetGraph

#if canImport(FoundationXML)
    import FoundationXML
#endif

extension InteropReaders {
    static func gexf(_ path: String) throws -> LoadedNetwork {
        let root = try parseXML(path)
        var log = DiagnosticLog()
        guard root.name == "gexf", let graph = root.child("graph") else {
            throw NetworkLoadError([
                Diagnostic(
                    .error, file: path, line: root.line,
                    "This is not a GEXF file (no <gexf> with a <graph>).",
                    nl: "Dit is geen GEXF-bestand (geen <gexf> met een <graph>)."
                )
            ])
        }
        var nodeAttributes: [String: String] = [:]
        var edgeAttributes: [String: String] = [:]
        for block in graph.all("attributes") {
            for attribute in block.all("attribute") {
                guard let id = attribute.attributes["id"] else { continue }
                let title = attribute.attributes["title"] ?? id
                if block.attributes["class"] == "edge" {
                    edgeAttributes[id] = title
                } else {
                    nodeAttributes[id] = title
                }
            }
        }
        var metadata = NetworkMetadata(
            name: URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent)
        if let meta = root.child("meta") {
            if let description = meta.child("description")?.text, !description.isEmpty {
                metadata.name = description
            }
            // netan keeps its metadata as "key=value" keywords.
            for pair in (meta.child("keywords")?.text ?? "").split(separator: ";") {
                let kv = pair.split(separator: "=", maxSplits: 1).map {
                    $0.trimmingCharacters(in: .whitespaces)
                }
                if kv.count == 2 { metadata.set(kv[0], kv[1]) }
            }
        }
        let defaultType = graph.attributes["defaultedgetype"] ?? "undirected"
        func attvalues(_ element: XMLNode, _ titles: [String: String]) -> [(String, String)] {
            (element.child("attvalues")?.all("attvalue") ?? []).compactMap { value in
                guard let key = value.attributes["for"] ?? value.attributes["id"],
                    let v = value.attributes["value"]
                else { return nil }
                return (titles[key] ?? key, v)
            }
        }
        var actors: [RawRecord<ActorField>] = []
        for node in graph.child("nodes")?.all("node") ?? [] {
            guard let id = node.attributes["id"] else {
                log.error(
                    path, node.line, "A <node> has no id attribute.",
                    nl: "Een <node> heeft geen id-attribuut.")
                continue
            }
            var values = attvalues(node, nodeAttributes)
            if let label = node.attributes["label"],
                !values.contains(where: { ["name", "naam"].contains($0.0.lowercased()) })
            {
                values.append(("name", label))
            }
            actors.append(
                actorRecord(line: node.line, id: id, sizeAttribute: metadata.sizeAttribute, values: values))
        }
        var relations: [RawRecord<RelationField>] = []
        for edge in graph.child("edges")?.all("edge") ?? [] {
            guard let s = edge.attributes["source"], let t = edge.attributes["target"] else {
                log.error(
                    path, edge.line, "An <edge> lacks source or target.",
                    nl: "Een <edge> mist source of target.")
                continue
            }
            var values = attvalues(edge, edgeAttributes)
            if let w = edge.attributes["weight"], !values.contains(where: { $0.0.lowercased() == "weight" }) {
                values.append(("weight", w))
            }
            if let label = edge.attributes["label"],
                !values.contains(where: { ["type", "relation_type"].contains($0.0.lowercased()) })
            {
                values.append(("type", label))
            }
            // GEXF's edge "type" is directed/undirected/mutual; networkx writes an edge
            // attribute called "type" there instead, so anything else is a relation type.
            var type = defaultType
            if let t = edge.attributes["type"] {
                if ["directed", "undirected", "mutual"].contains(t) {
                    type = t
                } else if !values.contains(where: { $0.0.lowercased() == "type" }) {
                    values.append(("type", t))
                }
            }
            if !values.contains(where: { $0.0.lowercased() == "directed" }) {
                values.append(("directed", type == "undirected" ? "false" : "true"))
            }
            relations.append(
                relationRecord(line: edge.line, source: s, target: t, values: values, defaultDirected: nil))
        }
        return try build(file: path, metadata: metadata, actors: actors, relations: relations, log: log)
    }

}

extension NetworkWriter {
    // MARK: - GEXF 1.3

    static func gexf(_ table: TabularNetwork) -> String {
        let network = table.network
        // Mixed networks are written as directed with a "directed" attribute per edge: Gephi
        // reads "mixed", but networkx refuses it; netan reads the attribute back.
        let directedCount = network.relations.filter(\.directed).count
        let mixed = directedCount > 0 && directedCount < network.relations.count
        let defaultType = directedCount == 0 ? "undirected" : "directed"
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
        out += " xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">\n"
        let keywords = table.metadataRows.filter { $0.0 != "name" }.map {
            "\($0.0)=\($0.1.replacingOccurrences(of: ";", with: ","))"
        }.joined(separator: "; ")
        out += "  <meta><creator>netan</creator>"
        out += "<description>\(XMLEscaping.text(network.metadata.name))</description>"
        out += "<keywords>\(XMLEscaping.text(keywords))</keywords></meta>\n"
        out += "  <graph mode=\"static\" defaultedgetype=\"\(defaultType)\">\n"
        let nodeColumns = table.actorColumns.enumerated().filter {
            $0.element != "id" && $0.element != "name"
        }
        let edgeColumns = table.relationColumns.enumerated().filter {
            !["source", "target", "weight"].contains($0.element) && ($0.element != "directed" || mixed)
        }
        out += "    <attributes class=\"node\">\n"
        for (i, column) in nodeColumns {
            let numeric = [table.sizeColumn, "influence"].contains(column) && i >= 3
            out += "      <attribute id=\"n\(i)\" title=\"\(XMLEscaping.text(column))\""
            out += " type=\"\(numeric ? "double" : "string")\"/>\n"
        }
        out += "    </attributes>\n    <attributes class=\"edge\">\n"
        for (i, column) in edgeColumns {
            out += "      <attribute id=\"e\(i)\" title=\"\(XMLEscaping.text(column))\""
            out += " type=\"\(column == "year" ? "integer" : "string")\"/>\n"
        }
        out += "    </attributes>\n    <nodes>\n"
        for actor in network.actors {
            let row = table.actorValues(actor)
            out += "      <node id=\"\(XMLEscaping.text(actor.id))\""
            out += " label=\"\(XMLEscaping.text(actor.name))\"><attvalues>"
            for (i, _) in nodeColumns where !row[i].string.isEmpty {
                out += "<attvalue for=\"n\(i)\" value=\"\(XMLEscaping.text(row[i].string))\"/>"
            }
            out += "</attvalues></node>\n"
        }
        out += "    </nodes>\n    <edges>\n"
        for (k, relation) in network.relations.enumerated() {
            let row = table.relationValues(relation)
            out += "      <edge id=\"\(k)\" source=\"\(XMLEscaping.text(relation.source))\""
            out += " target=\"\(XMLEscaping.text(relation.target))\""
            out += " weight=\"\(Cell.number(relation.weight).string)\""
            out += " label=\"\(XMLEscaping.text(relation.type))\"><attvalues>"
            for (i, _) in edgeColumns where !row[i].string.isEmpty {
                out += "<attvalue for=\"e\(i)\" value=\"\(XMLEscaping.text(row[i].string))\"/>"
            }
            out += "</attvalues></edge>\n"
        }
        return out + "    </edges>\n  </graph>\n</gexf>\n"
    }

}
