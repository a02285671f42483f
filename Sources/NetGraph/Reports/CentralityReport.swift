import Foundation

/// Formats a `CentralityAnalysis` as a terminal table, CSV, Markdown or JSON.
///
/// JSON: `{"network": {…}, "actors": [{"id": …, "name": …, "type": …, <measure>: …}],
/// "flags": [], "notes": {…}}` with the snake_case keys of `CentralityAnalysis`; undefined
/// values are `null`.
public struct CentralityReport: Sendable {
    public let network: Network
    public let analysis: CentralityAnalysis
    /// Measures to show (default: all).
    public var measures: [String]
    /// Rows to show in table and Markdown output, ranked by `sortBy` (CSV and JSON hold all).
    public var top: Int?
    public var sortBy: String?

    public init(network: Network, analysis: CentralityAnalysis, measures: [String]? = nil, top: Int? = nil, sortBy: String? = nil) {
        self.network = network
        self.analysis = analysis
        self.measures = measures ?? CentralityAnalysis.actorMeasures
        self.top = top
        self.sortBy = sortBy
    }

    static let integerMeasures: Set<String> = ["degree", "in_degree", "out_degree", "core_number", "articulation_point", "community", "component"]

    /// A value as tables show it (integers for counts, 6 significant digits otherwise).
    public static func format(_ value: Double, measure: String) -> String {
        if value.isNaN { return "" }
        if integerMeasures.contains(measure) { return String(Int(value)) }
        if value == 0 { return "0" }
        return String(format: abs(value) >= 1000 ? "%.1f" : "%.6g", value)
    }

    /// Full precision for machine-readable output (CSV): the shortest text that reads back
    /// as the same double.
    public static func exact(_ value: Double, measure: String) -> String {
        if value.isNaN { return "" }
        if integerMeasures.contains(measure) { return String(Int(value)) }
        return "\(value)"
    }

    /// Actor indices in report order: by `sortBy` (descending), then name.
    public func order() -> [Int] {
        let key = sortBy ?? measures.first ?? "degree"
        return network.actors.indices.sorted { a, b in
            let va = analysis.value(key, a), vb = analysis.value(key, b)
            let x = va.isNaN ? -Double.infinity : va, y = vb.isNaN ? -Double.infinity : vb
            return x != y ? x > y : network.actors[a].name < network.actors[b].name
        }
    }

    func table(limit: Int?, exact: Bool = false) -> TextTable {
        let rows = order().prefix(limit ?? Int.max).map { i -> [String] in
            let actor = network.actors[i]
            return [actor.id, actor.name, actor.type] + measures.map { exact ? CentralityReport.exact(analysis.value($0, i), measure: $0) : CentralityReport.format(analysis.value($0, i), measure: $0) }
        }
        return TextTable(columns: ["id", "name", "type"] + measures, rows: Array(rows), numericColumns: Set(3..<(3 + measures.count)))
    }

    public static let networkKeys = [
        "nodes", "relations", "arcs", "density", "reciprocity", "components", "strong_components",
        "degree_centralization", "in_degree_centralization", "out_degree_centralization",
        "betweenness_centralization", "closeness_centralization", "gini_degree", "gini_betweenness",
        "transitivity", "degree_assortativity", "type_assortativity", "ei_index_type", "modularity", "communities",
    ]

    func networkTable() -> TextTable {
        let rows = CentralityReport.networkKeys.compactMap { key -> [String]? in
            guard let entry = analysis.networkValues[key] else { return nil }
            let text = entry.map { v -> String in
                ["nodes", "relations", "arcs", "components", "strong_components", "communities"].contains(key) ? String(Int(v)) : String(format: "%.6g", v)
            } ?? "—"
            return [key, text]
        }
        return TextTable(columns: ["measure", "value"], rows: rows, numericColumns: [1])
    }

    public func render(_ format: OutputFormat) -> String {
        switch format {
        case .table:
            var text = header() + "\n" + networkTable().terminal() + "\n" + table(limit: top).terminal()
            for (measure, note) in analysis.notes.sorted(by: { $0.key < $1.key }) { text += "note: \(measure): \(note)\n" }
            return text
        case .markdown:
            var text = "# " + header() + "\n\n" + networkTable().markdown() + "\n" + table(limit: top).markdown()
            for (measure, note) in analysis.notes.sorted(by: { $0.key < $1.key }) { text += "\n- *\(measure)*: \(note)" }
            return text + "\n"
        case .csv:
            return table(limit: nil, exact: true).csv()
        case .json:
            return jsonText()
        }
    }

    func header() -> String {
        var text = network.metadata.name
        if let year = network.metadata.year { text += " (\(year))" }
        let layer = analysis.view.relationTypes.map { $0.sorted().joined(separator: ", ") } ?? "all relations"
        return text + " — \(layer), weights: \(analysis.view.weights.rawValue)"
    }

    public func jsonObject() -> [String: Any] {
        var networkObject: [String: Any] = ["name": network.metadata.name, "weights": analysis.view.weights.rawValue,
                                            "relation_types": analysis.view.relationTypes.map { Array($0).sorted() } ?? NSNull()]
        if let year = network.metadata.year { networkObject["year"] = year }
        if let region = network.metadata.region { networkObject["region"] = region }
        for (key, value) in analysis.networkValues {
            networkObject[key] = value.map { v -> Any in
                ["nodes", "relations", "arcs", "components", "strong_components", "communities"].contains(key) ? Int(v) as Any : json(v)
            } ?? NSNull()
        }
        let actors: [[String: Any]] = order().map { i in
            let actor = network.actors[i]
            var object: [String: Any] = ["id": actor.id, "name": actor.name, "type": actor.type]
            for measure in measures {
                let v = analysis.value(measure, i)
                if measure == "articulation_point" { object[measure] = v == 1 }
                else if CentralityReport.integerMeasures.contains(measure) && !v.isNaN { object[measure] = Int(v) }
                else { object[measure] = json(v) }
            }
            return object
        }
        return ["network": networkObject, "actors": actors, "flags": [Any](), "notes": analysis.notes]
    }

    func jsonText() -> String {
        return JSONOutput.text(jsonObject()) + "\n"
    }

    private func json(_ v: Double) -> Any { v.isFinite ? v as Any : NSNull() }
}

extension CentralityReport {
    /// Per-node results for a graph read straight from an edge list (ids only, no names or
    /// types): CSV, JSON (`{"network": {…}, "actors": [{"id": …}]}`), Markdown or a table.
    public static func renderGraph(ids: [String], analysis: CentralityAnalysis, measures: [String], format: OutputFormat, top: Int?) -> String {
        let order: [Int]
        if let first = measures.first, let values = analysis.actorValues[first] {
            order = ids.indices.sorted { values[$0] == values[$1] ? $0 < $1 : (values[$0].isNaN ? -Double.infinity : values[$0]) > (values[$1].isNaN ? -Double.infinity : values[$1]) }
        } else {
            order = Array(ids.indices)
        }
        switch format {
        case .json:
            var network: [String: Any] = [:]
            for (key, value) in analysis.networkValues { network[key] = value.map { $0 as Any } ?? NSNull() }
            let actors: [[String: Any]] = order.map { i in
                var object: [String: Any] = ["id": ids[i]]
                for m in measures { let v = analysis.value(m, i); object[m] = v.isFinite ? v as Any : NSNull() }
                return object
            }
            return JSONOutput.text(["network": network, "actors": actors, "flags": [Any](), "notes": analysis.notes], compact: true) + "\n"
        default:
            // CSV written directly: a million rows through TextTable would double the memory.
            var out = (["id"] + measures).joined(separator: ",") + (format == .csv ? "\r\n" : "\n")
            let shown = format == .csv ? order : Array(order.prefix(top ?? 20))
            for i in shown {
                out += TextTable.csvCell(ids[i])
                for m in measures { out += "," + (format == .csv ? CentralityReport.exact(analysis.value(m, i), measure: m) : CentralityReport.format(analysis.value(m, i), measure: m)) }
                out += format == .csv ? "\r\n" : "\n"
            }
            return out
        }
    }
}
