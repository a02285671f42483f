import Foundation
import NetGraph

extension InteropReaders {
    static func graphML(_ path: String) throws -> LoadedNetwork {
        let root = try parseXML(path)
        var log = DiagnosticLog()
        guard root.name == "graphml", let graph = root.child("graph") else {
            throw NetworkLoadError([
                Diagnostic(
                    .error, file: path, line: root.line,
                    "This is not a GraphML file (no <graphml> with a <graph>).",
                    nl: "Dit is geen GraphML-bestand (geen <graphml> met een <graph>).")
            ])
        }
        var keys: [String: (domain: String, name: String, defaultValue: String?)] = [:]
        for key in root.all("key") {
            guard let id = key.attributes["id"] else { continue }
            keys[id] = (
                key.attributes["for"] ?? "all", key.attributes["attr.name"] ?? id, key.child("default")?.text
            )
        }
        func values(_ element: XMLNode, domain: String) -> [(String, String)] {
            var result: [String: String] = [:]
            for (_, key) in keys where (key.domain == domain || key.domain == "all") {
                if let d = key.defaultValue { result[key.name] = d }
            }
            for data in element.all("data") {
                if let key = data.attributes["key"] { result[keys[key]?.name ?? key] = data.text }
            }
            return result.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        }
        let directedDefault = graph.attributes["edgedefault"] != "undirected"
        var metadata = NetworkMetadata(
            name: graph.attributes["id"]
                ?? URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent)
        for (name, value) in values(graph, domain: "graph") { metadata.set(name, value) }
        var actors: [RawRecord<ActorField>] = []
        for node in graph.all("node") {
            guard let id = node.attributes["id"] else {
                log.error(
                    path, node.line, "A <node> has no id attribute.",
                    nl: "Een <node> heeft geen id-attribuut.")
                continue
            }
            actors.append(
                actorRecord(
                    line: node.line, id: id, sizeAttribute: metadata.sizeAttribute,
                    values: values(node, domain: "node")))
        }
        var relations: [RawRecord<RelationField>] = []
        for edge in graph.all("edge") {
            guard let s = edge.attributes["source"], let t = edge.attributes["target"] else {
                log.error(
                    path, edge.line, "An <edge> lacks source or target.",
                    nl: "Een <edge> mist source of target.")
                continue
            }
            var edgeValues = values(edge, domain: "edge")
            // The second arc netan writes for an undirected tie in a mixed network (so that
            // other tools traverse it both ways) is the same relation: read it once.
            if edgeValues.contains(where: { $0.0 == "netan_mirror" && NumberParsing.parseBool($0.1) == true })
            {
                continue
            }
            edgeValues.removeAll { $0.0 == "netan_mirror" }
            if let d = edge.attributes["directed"] { edgeValues.append(("directed", d)) }
            relations.append(
                relationRecord(
                    line: edge.line, source: s, target: t, values: edgeValues,
                    defaultDirected: directedDefault))
        }
        return try build(file: path, metadata: metadata, actors: actors, relations: relations, log: log)
    }

}

extension NetworkWriter {
    // MARK: - GraphML

    /// GraphML as networkx, igraph and Gephi read it: `edgedefault` undirected for an
    /// all-undirected network, directed otherwise. In a network that mixes both, an undirected
    /// tie is written as two arcs (the second marked `netan_mirror`), so that tools without
    /// per-edge direction traverse it both ways and compute the same paths as netan; netan
    /// reads the pair back as one relation.
    static func graphML(_ table: TabularNetwork) -> String {
        let network = table.network
        let directed = network.relations.contains(where: \.directed)
        let mixed = directed && network.relations.contains { !$0.directed }
        func kind(_ column: String, _ cells: [Cell]) -> String {
            cells.allSatisfy {
                if case .number = $0 { return true }
                if case .text(let s) = $0 { return s.isEmpty }
                return false
            }
                && cells.contains {
                    if case .number = $0 { return true }
                    return false
                } ? "double" : (column == "directed" ? "boolean" : "string")
        }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\""
        out += " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
        out += " xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns"
        out += " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
        let graphKeys = table.metadataRows
        for (i, (key, _)) in graphKeys.enumerated() {
            out += "  <key id=\"g\(i)\" for=\"graph\" attr.name=\"\(XMLEscaping.text(key))\""
            out += " attr.type=\"\(key == "year" ? "int" : "string")\"/>\n"
        }
        let actorRows = network.actors.map(table.actorValues)
        let relationRows = network.relations.map(table.relationValues)
        for (i, column) in table.actorColumns.enumerated() where column != "id" {
            out += "  <key id=\"n\(i)\" for=\"node\" attr.name=\"\(XMLEscaping.text(column))\""
            out += " attr.type=\"\(kind(column, actorRows.map { $0[i] }))\"/>\n"
        }
        for (i, column) in table.relationColumns.enumerated() where column != "source" && column != "target" {
            out += "  <key id=\"e\(i)\" for=\"edge\" attr.name=\"\(XMLEscaping.text(column))\""
            out += " attr.type=\"\(kind(column, relationRows.map { $0[i] }))\"/>\n"
        }
        if mixed {
            out += "  <key id=\"emirror\" for=\"edge\" attr.name=\"netan_mirror\" attr.type=\"boolean\"/>\n"
        }
        out += "  <graph id=\"\(XMLEscaping.text(network.metadata.name))\""
        out += " edgedefault=\"\(directed ? "directed" : "undirected")\">\n"
        for (i, (_, value)) in graphKeys.enumerated() {
            out += "    <data key=\"g\(i)\">\(XMLEscaping.text(value))</data>\n"
        }
        for row in actorRows {
            out += "    <node id=\"\(XMLEscaping.text(row[0].string))\">"
            for (i, cell) in row.enumerated() where i > 0 && !cell.string.isEmpty {
                out += "<data key=\"n\(i)\">\(XMLEscaping.text(cell.string))</data>"
            }
            out += "</node>\n"
        }
        for (relation, row) in zip(network.relations, relationRows) {
            var data = ""
            for (i, cell) in row.enumerated() where i > 1 && !cell.string.isEmpty {
                data += "<data key=\"e\(i)\">\(XMLEscaping.text(cell.string))</data>"
            }
            let source = XMLEscaping.text(row[0].string)
            let target = XMLEscaping.text(row[1].string)
            out += "    <edge source=\"\(source)\" target=\"\(target)\">\(data)</edge>\n"
            if mixed && !relation.directed {
                out += "    <edge source=\"\(target)\" target=\"\(source)\">\(data)"
                out += "<data key=\"emirror\">true</data></edge>\n"
            }
        }
        return out + "  </graph>\n</graphml>\n"
    }

}
