import Foundation
import Yams

/// A spreadsheet-like cell.
enum Cell: Equatable {
    case text(String)
    case number(Double)

    var string: String {
        switch self {
        case .text(let s): s
        case .number(let v): v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : "\(v)"
        }
    }
}

/// Escaping for XML text and attribute values: `&`, `<`, `>`, `"`, `'`; control characters
/// that XML 1.0 forbids are dropped; a line break becomes `lineBreak` (a character reference by
/// default, `<br/>` in Graphviz HTML-like labels).
enum XMLEscaping {
    static func text(_ s: String, lineBreak: String = "&#10;") -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n": out += lineBreak
            case "\r": out += lineBreak == "&#10;" ? "&#13;" : ""
            case "\t": out += "&#9;"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

/// A network as rows of columns: the common ground of every writer.
struct TabularNetwork {
    let network: Network
    let actorColumns: [String]
    let relationColumns: [String]
    let actorAttributes: [String]
    let relationAttributes: [String]
    var sizeColumn: String { network.metadata.sizeAttribute ?? "size" }

    init(_ network: Network) {
        self.network = network
        actorAttributes = Set(network.actors.flatMap { $0.attributes.keys }).sorted()
        relationAttributes = Set(network.relations.flatMap { $0.attributes.keys }).sorted()
        var actorColumns = ["id", "name", "type"]
        if network.actors.contains(where: { $0.size != nil }) { actorColumns.append(network.metadata.sizeAttribute ?? "size") }
        if network.actors.contains(where: { $0.influence != nil }) { actorColumns.append("influence") }
        if network.actors.contains(where: { $0.region != nil }) { actorColumns.append("region") }
        self.actorColumns = actorColumns + actorAttributes
        var relationColumns = ["source", "target", "type", "weight", "directed"]
        if network.relations.contains(where: { $0.year != nil }) { relationColumns.append("year") }
        self.relationColumns = relationColumns + relationAttributes
    }

    func actorValues(_ actor: Actor) -> [Cell] {
        actorColumns.map { column in
            switch column {
            case "id": .text(actor.id)
            case "name": .text(actor.name)
            case "type": .text(actor.type)
            case sizeColumn where actorColumns.firstIndex(of: column) == 3: actor.size.map(Cell.number) ?? .text("")
            case "influence": actor.influence.map(Cell.number) ?? .text("")
            case "region": .text(actor.region ?? "")
            default: .text(actor.attributes[column] ?? "")
            }
        }
    }

    func relationValues(_ relation: Relation) -> [Cell] {
        relationColumns.map { column in
            switch column {
            case "source": .text(relation.source)
            case "target": .text(relation.target)
            case "type": .text(relation.type)
            case "weight": .number(relation.weight)
            case "directed": .text(relation.directed ? "true" : "false")
            case "year": relation.year.map { .number(Double($0)) } ?? .text("")
            default: .text(relation.attributes[column] ?? "")
            }
        }
    }

    var actorRows: [[Cell]] { [actorColumns.map(Cell.text)] + network.actors.map(actorValues) }
    var relationRows: [[Cell]] { [relationColumns.map(Cell.text)] + network.relations.map(relationValues) }

    var metadataRows: [(String, String)] {
        let m = network.metadata
        var rows = [("name", m.name), ("language", m.language)]
        if let region = m.region { rows.append(("region", region)) }
        if let year = m.year { rows.append(("year", String(year))) }
        if let source = m.source { rows.append(("source", source)) }
        if let size = m.sizeAttribute { rows.append(("size_attribute", size)) }
        return rows
    }

    /// Actor types and relation types that differ from the defaults (for network.yaml).
    var customTypes: (actors: [ActorType], relations: [RelationType]) {
        let standard = Vocabulary.standard
        return (network.vocabulary.actorTypes.filter { !standard.actorTypes.contains($0) },
                network.vocabulary.relationTypes.filter { !standard.relationTypes.contains($0) })
    }
}

/// Writes a network in any supported format. Files are written atomically.
public enum NetworkWriter {
    /// Writes `network` to `path`; returns a warning naming what the format cannot hold.
    @discardableResult
    public static func write(_ network: Network, to path: String, format: NetworkFormat) throws -> String? {
        let table = TabularNetwork(network)
        switch format {
        case .folder:
            let folder = URL(fileURLWithPath: path)
            try AtomicFile.write(yamlMetadata(table), to: folder.appendingPathComponent("network.yaml").path)
            try AtomicFile.write(csv(table.actorRows), to: folder.appendingPathComponent("actors.csv").path)
            try AtomicFile.write(csv(table.relationRows), to: folder.appendingPathComponent("relations.csv").path)
        case .yaml: try AtomicFile.write(try yamlDocument(table), to: path)
        case .json: try AtomicFile.write(jsonDocument(table), to: path)
        case .nodeLink: try AtomicFile.write(nodeLink(table), to: path)
        case .graphml: try AtomicFile.write(graphML(table), to: path)
        case .gexf: try AtomicFile.write(gexf(table), to: path)
        case .pajek: try AtomicFile.write(pajek(table), to: path)
        case .dot: try AtomicFile.write(dot(table), to: path)
        case .edgeList: try AtomicFile.write(csv([["source", "target", "weight", "type"].map(Cell.text)] + network.relations.map { [.text($0.source), .text($0.target), .number($0.weight), .text($0.type)] }), to: path)
        case .xlsx: try AtomicFile.write(try XLSXWriter.data(network), to: path)
        }
        let custom = table.customTypes
        if let losses = format.losses, format == .pajek || format == .edgeList || !(custom.actors.isEmpty && custom.relations.isEmpty && network.metadata.thresholds.isEmpty) {
            return losses
        }
        return nil
    }

    static func csv(_ rows: [[Cell]]) -> String {
        TextTable(columns: rows.first?.map(\.string) ?? [], rows: rows.dropFirst().map { $0.map(\.string) }).csv()
    }

    // MARK: - YAML / JSON (netan's own)

    static func metadataObject(_ table: TabularNetwork) -> [String: Any] {
        var object: [String: Any] = [:]
        for (key, value) in table.metadataRows { object[key] = key == "year" ? Int(value)! as Any : value }
        let custom = table.customTypes
        if !custom.actors.isEmpty { object["actor_types"] = Dictionary(uniqueKeysWithValues: custom.actors.map { ($0.name, ["role": $0.role.rawValue, "label": $0.label]) }) }
        if !custom.relations.isEmpty { object["relation_types"] = Dictionary(uniqueKeysWithValues: custom.relations.map { ($0.name, ["directed": $0.directed, "weight": $0.weightMeaning] as [String: Any]) }) }
        if !table.network.metadata.thresholds.isEmpty { object["thresholds"] = table.network.metadata.thresholds }
        return object
    }

    static func records(_ rows: [[Cell]]) -> [[String: Any]] {
        guard let header = rows.first?.map(\.string) else { return [] }
        return rows.dropFirst().map { row in
            var object: [String: Any] = [:]
            for (column, cell) in zip(header, row) {
                switch cell {
                case .number(let v): object[column] = v == v.rounded() && abs(v) < 1e15 ? Int(v) as Any : v
                case .text(let s) where s.isEmpty: continue
                case .text(let s) where column == "directed": object[column] = s == "true"
                case .text(let s): object[column] = s
                }
            }
            return object
        }
    }

    static func yamlMetadata(_ table: TabularNetwork) throws -> String {
        "# Written by netan\n" + (try Yams.dump(object: metadataObject(table), sortKeys: true))
    }

    static func yamlDocument(_ table: TabularNetwork) throws -> String {
        try Yams.dump(object: ["network": metadataObject(table), "actors": records(table.actorRows), "relations": records(table.relationRows)], sortKeys: true)
    }

    static func jsonDocument(_ table: TabularNetwork) -> String {
        let object: [String: Any] = ["network": metadataObject(table), "actors": records(table.actorRows), "relations": records(table.relationRows)]
        return JSONOutput.text(object) + "\n"
    }

    // MARK: - node-link JSON

    static func nodeLink(_ table: TabularNetwork) -> String {
        let network = table.network
        let directed = network.relations.contains(where: \.directed)
        let nodes = records(table.actorRows)
        let links = records(table.relationRows)
        var graph: [String: Any] = [:]
        for (key, value) in table.metadataRows { graph[key] = key == "year" ? Int(value)! as Any : value }
        let object: [String: Any] = ["directed": directed, "multigraph": true, "graph": graph, "nodes": nodes, "links": links]
        return JSONOutput.text(object) + "\n"
    }

    // MARK: - GraphML

    static func graphML(_ table: TabularNetwork) -> String {
        let network = table.network
        let directed = network.relations.contains(where: \.directed)
        func kind(_ column: String, _ cells: [Cell]) -> String { cells.allSatisfy { if case .number = $0 { return true }; if case .text(let s) = $0 { return s.isEmpty }; return false } && cells.contains { if case .number = $0 { return true }; return false } ? "double" : (column == "directed" ? "boolean" : "string") }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
        let graphKeys = table.metadataRows
        for (i, (key, _)) in graphKeys.enumerated() {
            out += "  <key id=\"g\(i)\" for=\"graph\" attr.name=\"\(XMLEscaping.text(key))\" attr.type=\"\(key == "year" ? "int" : "string")\"/>\n"
        }
        let actorRows = network.actors.map(table.actorValues)
        let relationRows = network.relations.map(table.relationValues)
        for (i, column) in table.actorColumns.enumerated() where column != "id" {
            out += "  <key id=\"n\(i)\" for=\"node\" attr.name=\"\(XMLEscaping.text(column))\" attr.type=\"\(kind(column, actorRows.map { $0[i] }))\"/>\n"
        }
        for (i, column) in table.relationColumns.enumerated() where column != "source" && column != "target" {
            out += "  <key id=\"e\(i)\" for=\"edge\" attr.name=\"\(XMLEscaping.text(column))\" attr.type=\"\(kind(column, relationRows.map { $0[i] }))\"/>\n"
        }
        out += "  <graph id=\"\(XMLEscaping.text(network.metadata.name))\" edgedefault=\"\(directed ? "directed" : "undirected")\">\n"
        for (i, (_, value)) in graphKeys.enumerated() { out += "    <data key=\"g\(i)\">\(XMLEscaping.text(value))</data>\n" }
        for row in actorRows {
            out += "    <node id=\"\(XMLEscaping.text(row[0].string))\">"
            for (i, cell) in row.enumerated() where i > 0 && !cell.string.isEmpty { out += "<data key=\"n\(i)\">\(XMLEscaping.text(cell.string))</data>" }
            out += "</node>\n"
        }
        for row in relationRows {
            out += "    <edge source=\"\(XMLEscaping.text(row[0].string))\" target=\"\(XMLEscaping.text(row[1].string))\">"
            for (i, cell) in row.enumerated() where i > 1 && !cell.string.isEmpty { out += "<data key=\"e\(i)\">\(XMLEscaping.text(cell.string))</data>" }
            out += "</edge>\n"
        }
        return out + "  </graph>\n</graphml>\n"
    }

    // MARK: - GEXF 1.3

    static func gexf(_ table: TabularNetwork) -> String {
        let network = table.network
        // Mixed networks are written as directed with a "directed" attribute per edge: Gephi
        // reads "mixed", but networkx refuses it; netan reads the attribute back.
        let directedCount = network.relations.filter(\.directed).count
        let mixed = directedCount > 0 && directedCount < network.relations.count
        let defaultType = directedCount == 0 ? "undirected" : "directed"
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gexf xmlns=\"http://gexf.net/1.3\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">\n"
        let keywords = table.metadataRows.filter { $0.0 != "name" }.map { "\($0.0)=\($0.1.replacingOccurrences(of: ";", with: ","))" }.joined(separator: "; ")
        out += "  <meta><creator>netan</creator><description>\(XMLEscaping.text(network.metadata.name))</description><keywords>\(XMLEscaping.text(keywords))</keywords></meta>\n"
        out += "  <graph mode=\"static\" defaultedgetype=\"\(defaultType)\">\n"
        let nodeColumns = table.actorColumns.enumerated().filter { $0.element != "id" && $0.element != "name" }
        let edgeColumns = table.relationColumns.enumerated().filter { !["source", "target", "weight"].contains($0.element) && ($0.element != "directed" || mixed) }
        out += "    <attributes class=\"node\">\n"
        for (i, column) in nodeColumns {
            let numeric = [table.sizeColumn, "influence"].contains(column) && i >= 3
            out += "      <attribute id=\"n\(i)\" title=\"\(XMLEscaping.text(column))\" type=\"\(numeric ? "double" : "string")\"/>\n"
        }
        out += "    </attributes>\n    <attributes class=\"edge\">\n"
        for (i, column) in edgeColumns { out += "      <attribute id=\"e\(i)\" title=\"\(XMLEscaping.text(column))\" type=\"\(column == "year" ? "integer" : "string")\"/>\n" }
        out += "    </attributes>\n    <nodes>\n"
        for actor in network.actors {
            let row = table.actorValues(actor)
            out += "      <node id=\"\(XMLEscaping.text(actor.id))\" label=\"\(XMLEscaping.text(actor.name))\"><attvalues>"
            for (i, _) in nodeColumns where !row[i].string.isEmpty { out += "<attvalue for=\"n\(i)\" value=\"\(XMLEscaping.text(row[i].string))\"/>" }
            out += "</attvalues></node>\n"
        }
        out += "    </nodes>\n    <edges>\n"
        for (k, relation) in network.relations.enumerated() {
            let row = table.relationValues(relation)
            out += "      <edge id=\"\(k)\" source=\"\(XMLEscaping.text(relation.source))\" target=\"\(XMLEscaping.text(relation.target))\" weight=\"\(Cell.number(relation.weight).string)\" label=\"\(XMLEscaping.text(relation.type))\"><attvalues>"
            for (i, _) in edgeColumns where !row[i].string.isEmpty { out += "<attvalue for=\"e\(i)\" value=\"\(XMLEscaping.text(row[i].string))\"/>" }
            out += "</attvalues></edge>\n"
        }
        return out + "    </edges>\n  </graph>\n</gexf>\n"
    }

    // MARK: - Pajek

    static func pajek(_ table: TabularNetwork) -> String {
        let network = table.network
        func quoted(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\"", with: "'").replacingOccurrences(of: "\n", with: " ") + "\"" }
        var out = "*Vertices \(network.actors.count)\r\n"
        for (i, actor) in network.actors.enumerated() { out += "\(i + 1) \(quoted(actor.id))\r\n" }
        for (section, directed) in [("*Arcs", true), ("*Edges", false)] {
            let relations = network.relations.filter { $0.directed == directed }
            guard !relations.isEmpty else { continue }
            out += section + "\r\n"
            for r in relations {
                out += "\(network.index(ofActor: r.source)! + 1) \(network.index(ofActor: r.target)! + 1) \(Cell.number(r.weight).string) l \(quoted(r.type))\r\n"
            }
        }
        return out
    }

    // MARK: - DOT (plain, no layout)

    static func dot(_ table: TabularNetwork) -> String {
        let network = table.network
        let directed = network.relations.contains(where: \.directed)
        var out = "\(directed ? "digraph" : "graph") \(DOTEscaping.quotedID(network.metadata.name)) {\n"
        for (key, value) in table.metadataRows { out += "  \(DOTEscaping.quotedID("netan_" + key))=\(DOTEscaping.quotedID(value));\n" }
        for actor in network.actors {
            let row = table.actorValues(actor)
            // The name goes into "label" (what DOT tools show; Graphviz reserves "name").
            let attributes = zip(table.actorColumns, row).dropFirst().filter { !$0.1.string.isEmpty }.map { "\(DOTEscaping.quotedID($0.0 == "name" ? "label" : $0.0))=\(DOTEscaping.quotedID($0.1.string))" }
            out += "  \(DOTEscaping.quotedID(actor.id)) [\(attributes.joined(separator: ", "))];\n"
        }
        for relation in network.relations {
            let row = table.relationValues(relation)
            var attributes = zip(table.relationColumns, row).dropFirst(2).filter { !$0.1.string.isEmpty }.map { "\(DOTEscaping.quotedID($0.0))=\(DOTEscaping.quotedID($0.1.string))" }
            if directed && !relation.directed { attributes.append("dir=none") }
            out += "  \(DOTEscaping.quotedID(relation.source)) \(directed ? "->" : "--") \(DOTEscaping.quotedID(relation.target)) [\(attributes.joined(separator: ", "))];\n"
        }
        return out + "}\n"
    }
}
