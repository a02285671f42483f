import Foundation
import NetGraph

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

    /// GEXF 1.3 text of a network, for Gephi and networkx.
    ///
    /// The graph's `defaultedgetype` is "undirected" when every relation is undirected,
    /// "directed" when every relation is directed, and "mixed" otherwise; then each edge has its
    /// own `type` (Gephi reads it; networkx refuses mixed GEXF, so give networkx GraphML for a
    /// mixed network). Each actor carries `viz:color` (the colour of its type in netan's
    /// diagrams), `viz:size` (area in proportion to its size when the network records sizes,
    /// else to its number of partners) and, when `positions` has it, `viz:position`.
    ///
    /// - Parameters:
    ///   - network: the network to write.
    ///   - positions: x and y per actor id, e.g. from a diagram's layout; an actor without one,
    ///     or with a coordinate that is not finite, gets no `viz:position` (Gephi places it).
    public static func gexfText(_ network: Network, positions: [String: (Double, Double)] = [:]) -> String {
        gexf(TabularNetwork(network), positions: positions)
    }

    static func gexf(_ table: TabularNetwork, positions: [String: (Double, Double)] = [:]) -> String {
        let network = table.network
        let directedCount = network.relations.filter(\.directed).count
        let mixed = directedCount > 0 && directedCount < network.relations.count
        let defaultType = mixed ? "mixed" : directedCount == 0 ? "undirected" : "directed"
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\""
        out += " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
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
        // Direction is the edge's own `type` in a mixed graph, so no "directed" attribute.
        let edgeColumns = table.relationColumns.enumerated().filter {
            !["source", "target", "weight", "directed"].contains($0.element)
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
        let colours = ActorTypePalette.colours(for: network)
        let sizes = gexfSizes(network)
        for (k, actor) in network.actors.enumerated() {
            let row = table.actorValues(actor)
            out += "      <node id=\"\(XMLEscaping.text(actor.id))\""
            out += " label=\"\(XMLEscaping.text(actor.name))\"><attvalues>"
            for (i, _) in nodeColumns where !row[i].string.isEmpty {
                out += "<attvalue for=\"n\(i)\" value=\"\(XMLEscaping.text(row[i].string))\"/>"
            }
            out += "</attvalues>"
            if let rgb = colours[actor.type].flatMap(ActorTypePalette.rgb) {
                out += "<viz:color r=\"\(rgb.0)\" g=\"\(rgb.1)\" b=\"\(rgb.2)\"/>"
            }
            out += "<viz:size value=\"\(gexfNumber(sizes[k]))\"/>"
            if let position = positions[actor.id], position.0.isFinite, position.1.isFinite {
                out += "<viz:position x=\"\(gexfNumber(position.0))\" y=\"\(gexfNumber(position.1))\""
                out += " z=\"0\"/>"
            }
            out += "</node>\n"
        }
        out += "    </nodes>\n    <edges>\n"
        for (k, relation) in network.relations.enumerated() {
            let row = table.relationValues(relation)
            out += "      <edge id=\"\(k)\" source=\"\(XMLEscaping.text(relation.source))\""
            out += " target=\"\(XMLEscaping.text(relation.target))\""
            if mixed { out += " type=\"\(relation.directed ? "directed" : "undirected")\"" }
            out += " weight=\"\(Cell.number(relation.weight).string)\""
            out += " label=\"\(XMLEscaping.text(relation.type))\"><attvalues>"
            for (i, _) in edgeColumns where !row[i].string.isEmpty {
                out += "<attvalue for=\"e\(i)\" value=\"\(XMLEscaping.text(row[i].string))\"/>"
            }
            out += "</attvalues></edge>\n"
        }
        return out + "    </edges>\n  </graph>\n</gexf>\n"
    }

    /// `viz:size` per actor, 4 to 40 (Gephi draws 10 by default): area in proportion to the
    /// actor's size when any actor has one (actors without one get the smallest), else to its
    /// number of partners (actors it has a relation with, either way); 10 for all when every
    /// value is 0.
    static func gexfSizes(_ network: Network) -> [Double] {
        let values: [Double]
        if network.actors.contains(where: { $0.size != nil }) {
            values = network.actors.map { actor in actor.size.map { $0.isFinite ? max(0, $0) : 0 } ?? 0 }
        } else {
            var partners = Array(repeating: Set<Int>(), count: network.actors.count)
            for relation in network.relations {
                guard let s = network.index(ofActor: relation.source),
                    let t = network.index(ofActor: relation.target), s != t
                else { continue }
                partners[s].insert(t)
                partners[t].insert(s)
            }
            values = partners.map { Double($0.count) }
        }
        let maximum = values.max() ?? 0
        guard maximum > 0 else { return values.map { _ in 10 } }
        return values.map { 4 + 36 * ($0 / maximum).squareRoot() }
    }

    /// A coordinate or size for GEXF: at most three decimals, no exponent for ordinary values.
    static func gexfNumber(_ value: Double) -> String {
        let scaled = (value * 1000).rounded()
        return Cell.number(scaled.isFinite ? scaled / 1000 : value).string
    }
}

/// The colours of actor types in netan's diagrams, for writers that carry colours (GEXF's
/// `viz:color`).
///
/// This is the table of `DiagramStyle` in NetGraphRender (Paul Tol's "muted" scheme for the
/// default types, orange and blue from his "vibrant" scheme, grey for "overig", his "light"
/// scheme for types a network adds), kept here because NetGraphIO cannot depend on
/// NetGraphRender; `DiagramStyle` should read it from here so the two never differ.
package enum ActorTypePalette {
    /// Colours of the default actor types (= `DiagramStyle.typeColours`).
    package static let typeColours: [String: String] = [
        "gemeente": "#332288", "rijk": "#88CCEE", "vng": "#44AA99", "regio": "#117733",
        "zorgaanbieder": "#999933", "welzijnsorganisatie": "#DDCC77", "wijkteam": "#CC6677",
        "clientorganisatie": "#882255", "burgerinitiatief": "#AA4499", "financier": "#EE7733",
        "uitvoeringsorganisatie": "#0077BB", "overig": "#BBBBBB",
    ]
    /// Colours for types a network adds, in order of appearance (= `DiagramStyle.extraColours`).
    package static let extraColours = [
        "#77AADD", "#EE8866", "#EEDD88", "#FFAABB", "#99DDFF", "#44BB99", "#AAAA00", "#DDDDDD",
    ]

    /// The colour (`#RRGGBB`) of every actor type of a network, numbered as `DiagramBuilder`
    /// numbers them: default types fixed; the vocabulary's other types, then types only actors
    /// name, take the extra colours in order of appearance.
    package static func colours(for network: Network) -> [String: String] {
        var colours: [String: String] = [:]
        var extraCount = 0
        for name in network.vocabulary.actorTypes.map(\.name) + network.actors.map(\.type)
        where colours[name] == nil {
            if let fixed = typeColours[name] {
                colours[name] = fixed
            } else {
                colours[name] = extraColours[extraCount % extraColours.count]
                extraCount += 1
            }
        }
        return colours
    }

    /// Red, green and blue (0–255) of a `#RRGGBB` colour; nil for anything else.
    package static func rgb(_ hex: String) -> (Int, Int, Int)? {
        let digits = hex.hasPrefix("#") ? hex.dropFirst() : Substring(hex)
        guard digits.count == 6, let value = Int(digits, radix: 16) else { return nil }
        return (value >> 16 & 0xFF, value >> 8 & 0xFF, value & 0xFF)
    }
}
