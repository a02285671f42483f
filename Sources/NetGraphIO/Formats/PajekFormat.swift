import Foundation
import NetGraph

extension InteropReaders {
    // MARK: - Pajek

    /// Splits a Pajek line into tokens, keeping quoted labels whole.
    static func pajekTokens(_ line: Substring) -> [String] {
        var tokens: [String] = []
        var current = ""
        var quoted = false
        for ch in line {
            if ch == "\"" {
                quoted.toggle()
                if !quoted {
                    tokens.append(current)
                    current = ""
                }
                continue
            }
            if !quoted && (ch == " " || ch == "\t") {
                if !current.isEmpty {
                    tokens.append(current)
                    current = ""
                }
                continue
            }
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
        var names: [String: String] = [:]  // Pajek number → label
        var numbers: [String] = []
        for (index, rawLine) in text.split(
            omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
        ).enumerated() {
            let line = index + 1
            let trimmed = rawLine.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("%") { continue }
            if trimmed.hasPrefix("*") {
                section = trimmed.split(separator: " ").first!.lowercased()
                if !["*vertices", "*arcs", "*edges", "*network"].contains(section) {
                    log.warning(
                        path, line, "The Pajek section \(section) is not read.",
                        hint: "netan reads *Vertices, *Arcs and *Edges.",
                        nl: "De Pajek-sectie \(section) wordt niet gelezen.",
                        hintNL: "netan leest *Vertices, *Arcs en *Edges.")
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
                    guard let k = tokens.dropFirst(2).firstIndex(where: { $0.lowercased() == key }),
                        k + 1 < tokens.count
                    else { return nil }
                    return tokens[k + 1]
                }
                actors.append(
                    RawRecord(
                        line: line,
                        values: [
                            .id: label, .name: value(after: "name") ?? label,
                            .type: value(after: "type") ?? "overig",
                        ], attributes: [:]))
            case "*arcs", "*edges":
                guard tokens.count >= 2 else {
                    log.error(
                        path, line, "An arc or edge needs two vertex numbers.",
                        nl: "Een regel onder *Arcs of *Edges heeft twee knoopnummers nodig.")
                    continue
                }
                var values: FieldValues<RelationField> = [
                    .source: names[tokens[0]] ?? tokens[0], .target: names[tokens[1]] ?? tokens[1],
                    .directed: section == "*arcs" ? "true" : "false",
                ]
                if tokens.count >= 3, Double(tokens[2]) != nil { values[.weight] = tokens[2] }
                // Relation type: Pajek's edge label (l "…") or networkx's "type …" pair.
                if let l = tokens.dropFirst(2).firstIndex(where: { $0 == "l" || $0 == "type" }),
                    l + 1 < tokens.count
                {
                    values[.type] = tokens[l + 1]
                } else {
                    values[.type] = section == "*arcs" ? "contract" : "samenwerking"
                }
                relations.append(RawRecord(line: line, values: values, attributes: [:]))
            default:
                log.error(
                    path, line, "This line comes before any *Vertices, *Arcs or *Edges section.",
                    hint: "A Pajek file starts with *Vertices N.",
                    nl: "Deze regel staat vóór elke sectie *Vertices, *Arcs of *Edges.",
                    hintNL: "Een Pajek-bestand begint met *Vertices N.")
            }
        }
        if actors.contains(where: { $0.values[.type] == "overig" }) {
            log.warning(
                path, nil, "Pajek holds no actor types; actors without one are \"overig\".",
                hint: "Add types in a network folder to use the power analysis by actor type.",
                nl: "Pajek kent geen actortypes; actoren zonder type worden \"overig\".",
                hintNL:
                    "Geef de types op in een netwerkmap "
                    + "om de machtsanalyse per actortype te kunnen gebruiken."
            )
        }
        let metadata = NetworkMetadata(
            name: URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent)
        return try build(file: path, metadata: metadata, actors: actors, relations: relations, log: log)
    }

}

extension NetworkWriter {
    // MARK: - Pajek

    static func pajek(_ table: TabularNetwork) -> String {
        let network = table.network
        func quoted(_ s: String) -> String {
            "\"" + s.replacingOccurrences(of: "\"", with: "'").replacingOccurrences(of: "\n", with: " ")
                + "\""
        }
        var out = "*Vertices \(network.actors.count)\r\n"
        for (i, actor) in network.actors.enumerated() { out += "\(i + 1) \(quoted(actor.id))\r\n" }
        for (section, directed) in [("*Arcs", true), ("*Edges", false)] {
            let relations = network.relations.filter { $0.directed == directed }
            guard !relations.isEmpty else { continue }
            out += section + "\r\n"
            for r in relations {
                out += "\(network.index(ofActor: r.source)! + 1) \(network.index(ofActor: r.target)! + 1)"
                out += " \(Cell.number(r.weight).string) l \(quoted(r.type))\r\n"
            }
        }
        return out
    }

}
