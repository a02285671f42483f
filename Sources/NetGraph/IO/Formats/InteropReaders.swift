import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import CGraphviz

/// Readers for the formats of other tools. Every reader turns what it finds into the same
/// raw actor and relation records as the CSV reader, so validation and messages are shared.
enum InteropReaders {
    /// Builds a network from raw records; `inferActors` adds actors named only in relations.
    static func build(file: String, metadata: NetworkMetadata, actors: [RawRecord<ActorField>], relations: [RawRecord<RelationField>],
                      log: DiagnosticLog, inferActors: Bool = false, decimalComma: Bool = false) throws -> LoadedNetwork {
        var log = log
        var actors = actors
        if inferActors {
            var known = Set(actors.compactMap { $0.values[.id] })
            var inferred = 0
            for relation in relations {
                for id in [relation.values[.source], relation.values[.target]].compactMap({ $0?.trimmingCharacters(in: .whitespaces) }) where !id.isEmpty && !known.contains(id) {
                    known.insert(id)
                    actors.append(RawRecord(line: relation.line, values: [.id: id, .type: "overig"], attributes: [:]))
                    inferred += 1
                }
            }
            if inferred > 0 {
                log.warning(file, nil, "\(inferred) actors were inferred from the relations; their types are unknown and set to \"overig\".",
                            hint: "Give actor types in a network folder (actors.csv) to use the power analysis by actor type.")
            }
        }
        var builder = NetworkBuilder(metadata: metadata, vocabulary: .standard)
        builder.decimalComma = decimalComma
        builder.addActors(actors, file: file)
        builder.addRelations(relations, file: file)
        builder.finish(file: file, readFailed: log.hasErrors)
        log.append(contentsOf: builder.log.items)
        if log.hasErrors { throw NetworkLoadError(log.items) }
        return LoadedNetwork(network: builder.network, warnings: log.items)
    }

    /// Maps named values onto actor fields (aliases as in CSV headers); the rest are attributes.
    static func actorRecord(line: Int, id: String, sizeAttribute: String? = nil, values: [(String, String)]) -> RawRecord<ActorField> {
        let columns = ColumnMap<ActorField>(header: values.map(\.0), aliases: \.aliases, extraAliases: sizeAttribute.map { [.size: [$0]] } ?? [:])
        var record = RawRecord<ActorField>(line: line, values: [.id: id], attributes: [:])
        for (field, index) in columns.fields where field != .id { record.values[field] = values[index].1 }
        for (index, name) in columns.attributes where !values[index].1.isEmpty && name != "label" { record.attributes[name] = values[index].1 }
        if record.values[.name] == nil, let label = values.first(where: { $0.0.lowercased() == "label" })?.1 { record.values[.name] = label }
        return record
    }

    static func relationRecord(line: Int, source: String, target: String, values: [(String, String)], defaultDirected: Bool?) -> RawRecord<RelationField> {
        let columns = ColumnMap<RelationField>(header: values.map(\.0), aliases: \.aliases)
        var record = RawRecord<RelationField>(line: line, values: [.source: source, .target: target], attributes: [:])
        for (field, index) in columns.fields where field != .source && field != .target { record.values[field] = values[index].1 }
        for (index, name) in columns.attributes where !values[index].1.isEmpty && !["id", "key", "label"].contains(name.lowercased()) {
            record.attributes[name] = values[index].1
        }
        if record.values[.type] == nil { record.values[.type] = values.first(where: { $0.0.lowercased() == "label" })?.1 ?? (defaultDirected == false ? "samenwerking" : "contract") }
        if record.values[.directed] == nil, let defaultDirected { record.values[.directed] = defaultDirected ? "true" : "false" }
        return record
    }

    static func text(_ value: Any) -> String {
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

    // MARK: - node-link JSON (networkx json_graph.node_link_data, d3)

    static func nodeLink(_ path: String) throws -> LoadedNetwork {
        var log = DiagnosticLog()
        guard let data = FileManager.default.contents(atPath: path) else { throw NetworkLoadError([Diagnostic(.error, file: path, "The file cannot be read.")]) }
        let object: [String: Any]
        do {
            guard let o = try JSONSerialization.jsonObject(with: data) as? [String: Any] else { throw CocoaError(.fileReadCorruptFile) }
            object = o
        } catch {
            throw NetworkLoadError([Diagnostic(.error, file: path, "The file is not valid JSON.", hint: "Check it with a JSON validator; node-link JSON has \"nodes\" and \"links\".")])
        }
        let directed = (object["directed"] as? Bool) ?? true
        var metadata = NetworkMetadata(name: URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent)
        if let graph = object["graph"] as? [String: Any] {
            if let name = graph["name"] as? String { metadata.name = name }
            metadata.region = graph["region"] as? String
            metadata.year = (graph["year"] as? Int) ?? (graph["year"] as? String).flatMap { Int($0) }
            metadata.source = graph["source"] as? String
            if let language = graph["language"] as? String, ["nl", "en"].contains(language) { metadata.language = language }
            metadata.sizeAttribute = graph["size_attribute"] as? String
        }
        let nodes = object["nodes"] as? [[String: Any]] ?? []
        var ids: [String] = []
        var actors: [RawRecord<ActorField>] = []
        for (i, node) in nodes.enumerated() {
            guard let rawID = node["id"] else {
                log.error(path, nil, "Node \(i + 1) has no \"id\".", hint: "Every node needs an id.")
                ids.append("")
                continue
            }
            let id = text(rawID)
            ids.append(id)
            let values = node.filter { $0.key != "id" }.sorted { $0.key < $1.key }.map { ($0.key, text($0.value)) }
            actors.append(actorRecord(line: i + 1, id: id, sizeAttribute: metadata.sizeAttribute, values: values))
        }
        let links = (object["links"] ?? object["edges"]) as? [[String: Any]] ?? []
        var relations: [RawRecord<RelationField>] = []
        for (i, link) in links.enumerated() {
            guard let s = link["source"], let t = link["target"] else {
                log.error(path, nil, "Link \(i + 1) lacks \"source\" or \"target\".")
                continue
            }
            // d3 files may refer to nodes by position.
            func resolve(_ v: Any) -> String {
                if let index = v as? Int, nodes.first?["id"] as? Int == nil, index >= 0, index < ids.count { return ids[index] }
                return text(v)
            }
            let values = link.filter { !["source", "target", "key"].contains($0.key) }.sorted { $0.key < $1.key }.map { ($0.key, text($0.value)) }
            relations.append(relationRecord(line: i + 1, source: resolve(s), target: resolve(t), values: values, defaultDirected: directed))
        }
        return try build(file: path, metadata: metadata, actors: actors, relations: relations, log: log)
    }

    // MARK: - XML (GraphML, GEXF)

    /// A parsed XML element tree, small enough for network files.
    final class XMLNode {
        let name: String
        let attributes: [String: String]
        let line: Int
        var children: [XMLNode] = []
        var text = ""
        init(name: String, attributes: [String: String], line: Int) { self.name = name; self.attributes = attributes; self.line = line }
        func child(_ name: String) -> XMLNode? { children.first { $0.name == name } }
        func all(_ name: String) -> [XMLNode] { children.filter { $0.name == name } }
    }

    final class TreeBuilder: NSObject, XMLParserDelegate {
        var stack: [XMLNode] = []
        var root: XMLNode?
        weak var parser: XMLParser?
        /// Network files need a handful of levels; a document nested thousands deep would
        /// overflow the stack when its tree is freed, so parsing stops at this depth.
        static let maximumDepth = 100

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?, attributes: [String: String] = [:]) {
            if stack.count >= Self.maximumDepth {
                if error == nil { error = ("elements are nested more than \(Self.maximumDepth) levels deep", parser.lineNumber) }
                parser.abortParsing()
                return
            }
            let local = elementName.split(separator: ":").last.map(String.init) ?? elementName
            let node = XMLNode(name: local, attributes: attributes, line: parser.lineNumber)
            stack.last?.children.append(node)
            if root == nil { root = node }
            stack.append(node)
        }
        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) { if !stack.isEmpty { stack.removeLast() } }
        func parser(_ parser: XMLParser, foundCharacters string: String) { stack.last?.text += string }
        /// libxml2 may recover from some errors; netan treats every reported error as fatal.
        var error: (message: String, line: Int)?
        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
            if error == nil { error = ((parseError as NSError).localizedDescription, parser.lineNumber) }
        }
        func parser(_ parser: XMLParser, validationErrorOccurred validationError: Error) {
            if error == nil { error = ((validationError as NSError).localizedDescription, parser.lineNumber) }
        }
    }

    /// Parses XML with external entities and DTDs refused.
    static func parseXML(_ path: String) throws -> XMLNode {
        guard let data = FileManager.default.contents(atPath: path) else { throw NetworkLoadError([Diagnostic(.error, file: path, "The file cannot be read.")]) }
        try checkXMLBytes(data, file: path)
        if let head = String(data: data.prefix(65_536), encoding: .utf8) ?? String(data: data.prefix(65_536), encoding: .isoLatin1),
           head.range(of: "<!DOCTYPE", options: .caseInsensitive) != nil || head.range(of: "<!ENTITY", options: .caseInsensitive) != nil {
            throw NetworkLoadError([Diagnostic(.error, file: path, "The file declares a DTD or entities, which netan refuses (they can read local files or expand without end).",
                                               hint: "Remove the <!DOCTYPE …> declaration; GraphML and GEXF do not need it.")])
        }
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        let builder = TreeBuilder()
        parser.delegate = builder
        let ok = parser.parse()
        guard ok, builder.error == nil, builder.stack.isEmpty, let root = builder.root else {
            let message = builder.error?.message ?? parser.parserError.map { ($0 as NSError).localizedDescription } ?? "an element is not closed"
            throw NetworkLoadError([Diagnostic(.error, file: path, line: builder.error?.line ?? parser.lineNumber, "The XML is malformed (\(message)).",
                                               hint: "Check that every element is closed and that special characters are escaped (&amp; for &).")])
        }
        return root
    }

    /// Foundation's XML parser on Linux traps on some invalid byte sequences (found by the
    /// fuzzer), so netan accepts only valid UTF-8 without NUL bytes before parsing.
    static func checkXMLBytes(_ data: Data, file: String) throws {
        let bytes = [UInt8](data)
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        if let nul = bytes.firstIndex(of: 0) {
            throw NetworkLoadError([Diagnostic(.error, file: file, line: 1 + bytes[..<nul].filter { $0 == 10 }.count, "The XML holds a NUL byte.", hint: "The file is damaged or not XML; export it again.")])
        }
        if String(validating: bytes[start...], as: UTF8.self) == nil {
            throw NetworkLoadError([Diagnostic(.error, file: file, "The XML is not valid UTF-8.", hint: "Save the file as UTF-8 (GraphML and GEXF are UTF-8 by default).")])
        }
    }

    static func graphML(_ path: String) throws -> LoadedNetwork {
        let root = try parseXML(path)
        var log = DiagnosticLog()
        guard root.name == "graphml", let graph = root.child("graph") else {
            throw NetworkLoadError([Diagnostic(.error, file: path, line: root.line, "This is not a GraphML file (no <graphml> with a <graph>).")])
        }
        var keys: [String: (domain: String, name: String, defaultValue: String?)] = [:]
        for key in root.all("key") {
            guard let id = key.attributes["id"] else { continue }
            keys[id] = (key.attributes["for"] ?? "all", key.attributes["attr.name"] ?? id, key.child("default")?.text)
        }
        func values(_ element: XMLNode, domain: String) -> [(String, String)] {
            var result: [String: String] = [:]
            for (_, key) in keys where (key.domain == domain || key.domain == "all") { if let d = key.defaultValue { result[key.name] = d } }
            for data in element.all("data") { if let key = data.attributes["key"] { result[keys[key]?.name ?? key] = data.text } }
            return result.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        }
        let directedDefault = graph.attributes["edgedefault"] != "undirected"
        var metadata = NetworkMetadata(name: graph.attributes["id"] ?? URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent)
        for (name, value) in values(graph, domain: "graph") { metadata.set(name, value) }
        var actors: [RawRecord<ActorField>] = []
        for node in graph.all("node") {
            guard let id = node.attributes["id"] else { log.error(path, node.line, "A <node> has no id attribute."); continue }
            actors.append(actorRecord(line: node.line, id: id, sizeAttribute: metadata.sizeAttribute, values: values(node, domain: "node")))
        }
        var relations: [RawRecord<RelationField>] = []
        for edge in graph.all("edge") {
            guard let s = edge.attributes["source"], let t = edge.attributes["target"] else { log.error(path, edge.line, "An <edge> lacks source or target."); continue }
            var edgeValues = values(edge, domain: "edge")
            if let d = edge.attributes["directed"] { edgeValues.append(("directed", d)) }
            relations.append(relationRecord(line: edge.line, source: s, target: t, values: edgeValues, defaultDirected: directedDefault))
        }
        return try build(file: path, metadata: metadata, actors: actors, relations: relations, log: log)
    }

    static func gexf(_ path: String) throws -> LoadedNetwork {
        let root = try parseXML(path)
        var log = DiagnosticLog()
        guard root.name == "gexf", let graph = root.child("graph") else {
            throw NetworkLoadError([Diagnostic(.error, file: path, line: root.line, "This is not a GEXF file (no <gexf> with a <graph>).")])
        }
        var nodeAttributes: [String: String] = [:], edgeAttributes: [String: String] = [:]
        for block in graph.all("attributes") {
            for attribute in block.all("attribute") {
                guard let id = attribute.attributes["id"] else { continue }
                let title = attribute.attributes["title"] ?? id
                if block.attributes["class"] == "edge" { edgeAttributes[id] = title } else { nodeAttributes[id] = title }
            }
        }
        var metadata = NetworkMetadata(name: URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent)
        if let meta = root.child("meta") {
            if let description = meta.child("description")?.text, !description.isEmpty { metadata.name = description }
            // netan keeps its metadata as "key=value" keywords.
            for pair in (meta.child("keywords")?.text ?? "").split(separator: ";") {
                let kv = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                if kv.count == 2 { metadata.set(kv[0], kv[1]) }
            }
        }
        let defaultType = graph.attributes["defaultedgetype"] ?? "undirected"
        func attvalues(_ element: XMLNode, _ titles: [String: String]) -> [(String, String)] {
            (element.child("attvalues")?.all("attvalue") ?? []).compactMap { value in
                guard let key = value.attributes["for"] ?? value.attributes["id"], let v = value.attributes["value"] else { return nil }
                return (titles[key] ?? key, v)
            }
        }
        var actors: [RawRecord<ActorField>] = []
        for node in graph.child("nodes")?.all("node") ?? [] {
            guard let id = node.attributes["id"] else { log.error(path, node.line, "A <node> has no id attribute."); continue }
            var values = attvalues(node, nodeAttributes)
            if let label = node.attributes["label"], !values.contains(where: { ["name", "naam"].contains($0.0.lowercased()) }) { values.append(("name", label)) }
            actors.append(actorRecord(line: node.line, id: id, sizeAttribute: metadata.sizeAttribute, values: values))
        }
        var relations: [RawRecord<RelationField>] = []
        for edge in graph.child("edges")?.all("edge") ?? [] {
            guard let s = edge.attributes["source"], let t = edge.attributes["target"] else { log.error(path, edge.line, "An <edge> lacks source or target."); continue }
            var values = attvalues(edge, edgeAttributes)
            if let w = edge.attributes["weight"], !values.contains(where: { $0.0.lowercased() == "weight" }) { values.append(("weight", w)) }
            if let label = edge.attributes["label"], !values.contains(where: { ["type", "relation_type"].contains($0.0.lowercased()) }) { values.append(("type", label)) }
            // GEXF's edge "type" is directed/undirected/mutual; networkx writes an edge
            // attribute called "type" there instead, so anything else is a relation type.
            var type = defaultType
            if let t = edge.attributes["type"] {
                if ["directed", "undirected", "mutual"].contains(t) { type = t }
                else if !values.contains(where: { $0.0.lowercased() == "type" }) { values.append(("type", t)) }
            }
            if !values.contains(where: { $0.0.lowercased() == "directed" }) { values.append(("directed", type == "undirected" ? "false" : "true")) }
            relations.append(relationRecord(line: edge.line, source: s, target: t, values: values, defaultDirected: nil))
        }
        return try build(file: path, metadata: metadata, actors: actors, relations: relations, log: log)
    }

    // MARK: - Pajek

    /// Splits a Pajek line into tokens, keeping quoted labels whole.
    static func pajekTokens(_ line: Substring) -> [String] {
        var tokens: [String] = [], current = "", quoted = false
        for ch in line {
            if ch == "\"" { quoted.toggle(); if !quoted { tokens.append(current); current = "" }; continue }
            if !quoted && (ch == " " || ch == "\t") { if !current.isEmpty { tokens.append(current); current = "" }; continue }
            current.append(ch)
        }
        if !current.isEmpty { tokens.append(current) }
        return tokens
    }

    static func pajek(_ path: String) throws -> LoadedNetwork {
        var log = DiagnosticLog()
        guard let text = NetworkReader.readText(path, log: &log) else { throw NetworkLoadError(log.items) }
        var actors: [RawRecord<ActorField>] = []
        var relations: [RawRecord<RelationField>] = []
        var section = ""
        var names: [String: String] = [:]   // Pajek number → label
        var numbers: [String] = []
        for (index, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }).enumerated() {
            let line = index + 1
            let trimmed = rawLine.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("%") { continue }
            if trimmed.hasPrefix("*") {
                section = trimmed.split(separator: " ").first!.lowercased()
                if !["*vertices", "*arcs", "*edges", "*network"].contains(section) {
                    log.warning(path, line, "The Pajek section \(section) is not read.", hint: "netan reads *Vertices, *Arcs and *Edges.")
                }
                continue
            }
            let tokens = pajekTokens(Substring(trimmed))
            switch section {
            case "*vertices":
                guard let number = tokens.first else { continue }
                let label = tokens.count > 1 ? tokens[1] : number
                names[number] = label
                numbers.append(number)
                // networkx appends "key value" pairs (name "…", type …) after the coordinates.
                func value(after key: String) -> String? {
                    guard let k = tokens.dropFirst(2).firstIndex(where: { $0.lowercased() == key }), k + 1 < tokens.count else { return nil }
                    return tokens[k + 1]
                }
                actors.append(RawRecord(line: line, values: [.id: label, .name: value(after: "name") ?? label, .type: value(after: "type") ?? "overig"], attributes: [:]))
            case "*arcs", "*edges":
                guard tokens.count >= 2 else { log.error(path, line, "An arc or edge needs two vertex numbers."); continue }
                var values: [RelationField: String] = [.source: names[tokens[0]] ?? tokens[0], .target: names[tokens[1]] ?? tokens[1],
                                                       .directed: section == "*arcs" ? "true" : "false"]
                if tokens.count >= 3, Double(tokens[2]) != nil { values[.weight] = tokens[2] }
                // Relation type: Pajek's edge label (l "…") or networkx's "type …" pair.
                if let l = tokens.dropFirst(2).firstIndex(where: { $0 == "l" || $0 == "type" }), l + 1 < tokens.count { values[.type] = tokens[l + 1] }
                else { values[.type] = section == "*arcs" ? "contract" : "samenwerking" }
                relations.append(RawRecord(line: line, values: values, attributes: [:]))
            default:
                log.error(path, line, "This line comes before any *Vertices, *Arcs or *Edges section.", hint: "A Pajek file starts with *Vertices N.")
            }
        }
        if actors.contains(where: { $0.values[.type] == "overig" }) {
            log.warning(path, nil, "Pajek holds no actor types; actors without one are \"overig\".", hint: "Add types in a network folder to use the power analysis by actor type.")
        }
        let metadata = NetworkMetadata(name: URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent)
        return try build(file: path, metadata: metadata, actors: actors, relations: relations, log: log)
    }

    // MARK: - Edge list

    static func edgeList(_ path: String) throws -> LoadedNetwork {
        var log = DiagnosticLog()
        guard let text = NetworkReader.readText(path, log: &log) else { throw NetworkLoadError(log.items) }
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r" && $0 != "\r\n" }.lowercased()
        let header = ColumnMap<RelationField>(header: (try? CSVTable.parse(String(firstLine)))?.header ?? [], aliases: \.aliases)
        var relations: [RawRecord<RelationField>] = []
        var decimalComma = false
        if header.fields[.source] != nil && header.fields[.target] != nil {
            // A CSV with a header: relations.csv on its own.
            guard let table = NetworkReader.readTable(path, required: [RelationField.source, .target], aliases: \.aliases, extra: [:], log: &log) else {
                throw NetworkLoadError(log.items)
            }
            decimalComma = table.decimalComma
            relations = table.records.map { record in
                var r = record
                if r.values[.type] == nil || r.values[.type]!.isEmpty { r.values[.type] = "samenwerking" }
                return r
            }
        } else {
            // Bare "u v [w]" lines, separated by whitespace, comma, semicolon or tab.
            for (index, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }).enumerated() {
                let trimmed = rawLine.trimmingCharacters(in: .whitespaces)
                if trimmed.isEmpty || trimmed.hasPrefix("#") || trimmed.hasPrefix("%") { continue }
                let tokens = trimmed.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," || $0 == ";" }).map(String.init)
                guard tokens.count >= 2 else {
                    log.error(path, index + 1, "An edge-list line needs a source and a target.", hint: "Write one tie per line: source target [weight].")
                    continue
                }
                var values: [RelationField: String] = [.source: tokens[0], .target: tokens[1], .type: "samenwerking"]
                if tokens.count >= 3 { values[.weight] = tokens[2] }
                relations.append(RawRecord(line: index + 1, values: values, attributes: [:]))
            }
        }
        let metadata = NetworkMetadata(name: URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent)
        return try build(file: path, metadata: metadata, actors: [], relations: relations, log: log, inferActors: true, decimalComma: decimalComma)
    }

    // MARK: - DOT (Graphviz' own parser)

    static func dot(_ path: String) throws -> LoadedNetwork {
        var log = DiagnosticLog()
        guard let text = NetworkReader.readText(path, log: &log) else { throw NetworkLoadError(log.items) }
        let parsed: Graphviz.ParsedGraph
        do { parsed = try Graphviz.parseGraph(dot: text) } catch let error as GraphvizError {
            throw NetworkLoadError([Diagnostic(.error, file: path, error.description, hint: "Check the DOT syntax; netan reads it with Graphviz' own parser.")])
        }
        var metadata = NetworkMetadata(name: parsed.name.isEmpty ? URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent : parsed.name)
        for (key, value) in parsed.attributes where key.hasPrefix("netan_") { metadata.set(String(key.dropFirst(6)), value) }
        let actors = parsed.nodes.enumerated().map { i, node in
            actorRecord(line: i + 1, id: node.name, sizeAttribute: metadata.sizeAttribute, values: node.attributes.filter { !["pos", "width", "height", "xlabel", "shape", "fillcolor", "style", "color", "penwidth", "fixedsize", "tooltip", "id"].contains($0.0) })
        }
        let relations = parsed.edges.enumerated().map { i, edge in
            relationRecord(line: i + 1, source: edge.tail, target: edge.head,
                           values: edge.attributes.filter { !["pos", "penwidth", "color", "style", "dir", "tooltip", "arrowhead", "arrowtail", "lp"].contains($0.0) }, defaultDirected: parsed.directed)
        }
        return try build(file: path, metadata: metadata, actors: actors, relations: relations, log: log)
    }
}
