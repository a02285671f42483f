import CGraphviz
import Foundation
import NetGraph
import NetGraphIO

extension NetworkCodec {
    /// DOT, read with Graphviz' own parser and written as plain DOT without layout.
    public static let dot = NetworkCodec(
        format: .dot, read: { try DOTFormat.read($0) }, write: { DOTFormat.write(TabularNetwork($0)) })
}

/// Networks as Graphviz DOT files.
enum DOTFormat {
    /// Reads a DOT file (Graphviz' own parser): nodes become actors, edges relations;
    /// `netan_*` graph attributes carry metadata.
    static func read(_ path: String) throws -> LoadedNetwork {
        var log = DiagnosticLog()
        guard let text = NetworkReader.readText(path, log: &log) else { throw NetworkLoadError(log.items) }
        let parsed: Graphviz.ParsedGraph
        do { parsed = try Graphviz.parseGraph(dot: text) } catch let error as GraphvizError {
            throw NetworkLoadError([
                Diagnostic(
                    .error, file: path, error.description,
                    hint: "Check the DOT syntax; netan reads it with Graphviz' own parser.",
                    nl: "Het DOT-bestand kan niet worden gelezen (\(error.description)).",
                    hintNL: "Controleer de DOT-syntaxis; netan leest die met de eigen parser van Graphviz.")
            ])
        }
        var metadata = NetworkMetadata(
            name: parsed.name.isEmpty
                ? URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent : parsed.name)
        for (key, value) in parsed.attributes where key.hasPrefix("netan_") {
            metadata.set(String(key.dropFirst(6)), value)
        }
        // The title, legend and corners of a page netan drew are not actors.
        let nodes = parsed.nodes.filter { node in
            !node.attributes.contains { $0.0 == "class" && $0.1 == "netan-page" }
        }
        let actors = nodes.enumerated().map { i, node in
            InteropReaders.actorRecord(
                line: i + 1, id: node.name, sizeAttribute: metadata.sizeAttribute,
                values: node.attributes.filter {
                    ![
                        "pos", "width", "height", "xlabel", "xlp", "shape", "fillcolor", "style", "color",
                        "penwidth", "fixedsize", "tooltip", "id",
                    ].contains($0.0)
                })
        }
        let relations = parsed.edges.filter { edge in
            !edge.attributes.contains { $0.0 == "class" && $0.1 == "netan-page" }
        }.enumerated().map { i, edge in
            InteropReaders.relationRecord(
                line: i + 1, source: edge.tail, target: edge.head,
                values: edge.attributes.filter {
                    !["pos", "penwidth", "color", "style", "dir", "tooltip", "arrowhead", "arrowtail", "lp"]
                        .contains($0.0)
                }, defaultDirected: parsed.directed)
        }
        return try InteropReaders.build(
            file: path, metadata: metadata, actors: actors, relations: relations, log: log)
    }

    /// Plain DOT without layout: every attribute as a quoted DOT attribute.
    static func write(_ table: TabularNetwork) -> String {
        let network = table.network
        let directed = network.relations.contains(where: \.directed)
        var out = "\(directed ? "digraph" : "graph") \(DOTEscaping.quotedID(network.metadata.name)) {\n"
        for (key, value) in table.metadataRows {
            out += "  \(DOTEscaping.quotedID("netan_" + key))=\(DOTEscaping.quotedID(value));\n"
        }
        for actor in network.actors {
            let row = table.actorValues(actor)
            // The name goes into "label" (what DOT tools show; Graphviz reserves "name").
            let attributes: [String] = zip(table.actorColumns, row).dropFirst().filter {
                !$0.1.string.isEmpty
            }.map {
                "\(DOTEscaping.quotedID($0.0 == "name" ? "label" : $0.0))="
                    + "\(DOTEscaping.quotedID($0.1.string))"
            }
            out += "  \(DOTEscaping.quotedID(actor.id)) [\(attributes.joined(separator: ", "))];\n"
        }
        for relation in network.relations {
            let row = table.relationValues(relation)
            var attributes = zip(table.relationColumns, row).dropFirst(2).filter { !$0.1.string.isEmpty }.map
            { "\(DOTEscaping.quotedID($0.0))=\(DOTEscaping.quotedID($0.1.string))" }
            if directed && !relation.directed { attributes.append("dir=none") }
            out += "  \(DOTEscaping.quotedID(relation.source)) \(directed ? "->" : "--")"
            out += " \(DOTEscaping.quotedID(relation.target)) [\(attributes.joined(separator: ", "))];\n"
        }
        return out + "}\n"
    }
}
