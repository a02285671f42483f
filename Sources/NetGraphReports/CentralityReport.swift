import Foundation
import NetGraph
import NetGraphIO
import NetGraphRender

/// Formats a `CentralityAnalysis` as a terminal table, CSV, Markdown or JSON.
///
/// JSON: `{"network": {…}, "actors": [{"id": …, "name": …, "type": …, <measure>: …}],
/// "flags": [], "notes": {…}}` with the snake_case keys of `CentralityAnalysis`; undefined
/// values are `null`.
public struct CentralityReport: Sendable {
    /// The network the rows come from (ids, names, types, metadata for the header).
    public let network: Network
    /// The computed measures and the view (relation types, weights) they were computed on.
    public let analysis: CentralityAnalysis
    /// Measures to show (default: all).
    public var measures: [ActorMeasure]
    /// Rows to show in table and Markdown output, ranked by `sortBy` (CSV and JSON hold all).
    public var top: Int?
    /// The measure that orders the rows (default: the first shown).
    public var sortBy: ActorMeasure?

    /// A report of `analysis`; `measures` nil shows every measure computed.
    public init(
        network: Network, analysis: CentralityAnalysis, measures: [ActorMeasure]? = nil, top: Int? = nil,
        sortBy: ActorMeasure? = nil
    ) {
        self.network = network
        self.analysis = analysis
        self.measures = measures ?? ActorMeasure.allCases
        self.top = top
        self.sortBy = sortBy
    }

    /// A value as tables show it (see `CentralityFormat.table(_:measure:)` in NetGraph).
    public static func format(_ value: Double, measure: ActorMeasure) -> String {
        CentralityFormat.table(value, measure: measure)
    }

    /// Full precision for CSV (see `CentralityFormat.exact(_:measure:)` in NetGraph).
    public static func exact(_ value: Double, measure: ActorMeasure) -> String {
        CentralityFormat.exact(value, measure: measure)
    }

    /// Actor indices in report order: by `sortBy` (descending), then name.
    public func order() -> [Int] {
        let values = analysis[sortBy ?? measures.first ?? .degree]
        return network.actors.indices.sorted { a, b in
            let va = values[a]
            let vb = values[b]
            let x = va.isNaN ? -Double.infinity : va
            let y = vb.isNaN ? -Double.infinity : vb
            return x != y ? x > y : network.actors[a].name < network.actors[b].name
        }
    }

    func table(limit: Int?, exact: Bool = false) -> TextTable {
        let rows = order().prefix(limit ?? Int.max).map { i -> [String] in
            let actor = network.actors[i]
            let cells = measures.map { measure in
                let value = analysis[measure, actor: i]
                return exact
                    ? CentralityReport.exact(value, measure: measure)
                    : CentralityReport.format(value, measure: measure)
            }
            return [actor.id, actor.name, actor.type] + cells
        }
        return TextTable(
            columns: ["id", "name", "type"] + measures.map(\.rawValue), rows: Array(rows),
            numericColumns: Set(3..<(3 + measures.count)))
    }

    func networkTable() -> TextTable {
        let rows = analysis.networkTable.map { measure, value -> [String] in
            let text =
                value.map { v in measure.isInteger ? String(Int(v)) : String(format: "%.6g", v) } ?? "—"
            return [measure.rawValue, text]
        }
        return TextTable(columns: ["measure", "value"], rows: rows, numericColumns: [1])
    }

    /// Renders the report. Table and Markdown: a header with the view, the network measures,
    /// the `top` actors and the analysis notes. CSV: every actor at full precision. JSON: see
    /// ``jsonObject()``.
    public func render(_ format: OutputFormat) -> String {
        switch format {
        case .table:
            var text = header() + "\n" + networkTable().terminal() + "\n" + table(limit: top).terminal()
            for (measure, note) in analysis.notes.sorted(by: { $0.key < $1.key }) {
                text += "note: \(measure): \(note)\n"
            }
            return text
        case .markdown:
            var text =
                "# " + header() + "\n\n" + networkTable().markdown() + "\n" + table(limit: top).markdown()
            for (measure, note) in analysis.notes.sorted(by: { $0.key < $1.key }) {
                text += "\n- *\(measure)*: \(note)"
            }
            return text + "\n"
        case .csv:
            return table(limit: nil, exact: true).csv()
        case .json:
            return jsonText()
        }
    }

    func header() -> String {
        let text = network.metadata.title
        let layer = analysis.view.relationTypes.map { $0.sorted().joined(separator: ", ") } ?? "all relations"
        return text + " — \(layer), weights: \(analysis.view.weights.rawValue)"
    }

    /// The JSON object of the report: network measures, every actor in report order with the
    /// shown measures (non-finite values `NSNull`), empty flags and the notes.
    public func jsonObject() -> [String: Any] {
        var networkObject: [String: Any] = [
            "name": network.metadata.name, "weights": analysis.view.weights.rawValue,
            "relation_types": analysis.view.relationTypes.map { Array($0).sorted() } ?? NSNull(),
        ]
        if let year = network.metadata.year { networkObject["year"] = year }
        if let region = network.metadata.region { networkObject["region"] = region }
        for (measure, value) in analysis.networkTable {
            networkObject[measure.rawValue] =
                value.map { v -> Any in measure.isInteger ? Int(v) as Any : json(v) } ?? NSNull()
        }
        let actors: [[String: Any]] = order().map { i in
            let actor = network.actors[i]
            var object: [String: Any] = ["id": actor.id, "name": actor.name, "type": actor.type]
            for measure in measures {
                let v = analysis[measure, actor: i]
                if measure == .articulationPoint {
                    object[measure.rawValue] = v == 1
                } else if measure.isInteger && !v.isNaN {
                    object[measure.rawValue] = Int(v)
                } else {
                    object[measure.rawValue] = json(v)
                }
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
    public static func renderGraph(
        ids: [String], analysis: CentralityAnalysis, measures: [ActorMeasure], format: OutputFormat, top: Int?
    ) -> String {
        let order: [Int]
        if let first = measures.first {
            let values = analysis[first]
            order = ids.indices.sorted {
                values[$0] == values[$1]
                    ? $0 < $1
                    : (values[$0].isNaN ? -Double.infinity : values[$0])
                        > (values[$1].isNaN ? -Double.infinity : values[$1])
            }
        } else {
            order = Array(ids.indices)
        }
        switch format {
        case .json:
            var network: [String: Any] = [:]
            for (measure, value) in analysis.networkTable {
                network[measure.rawValue] = value.map { $0 as Any } ?? NSNull()
            }
            let actors: [[String: Any]] = order.map { i in
                var object: [String: Any] = ["id": ids[i]]
                for m in measures {
                    let v = analysis[m, actor: i]
                    object[m.rawValue] = v.isFinite ? v as Any : NSNull()
                }
                return object
            }
            return JSONOutput.text(
                ["network": network, "actors": actors, "flags": [Any](), "notes": analysis.notes],
                compact: true) + "\n"
        default:
            // CSV written directly: a million rows through TextTable would double the memory.
            var out =
                (["id"] + measures.map(\.rawValue)).joined(separator: ",") + (format == .csv ? "\r\n" : "\n")
            let shown = format == .csv ? order : Array(order.prefix(top ?? 20))
            for i in shown {
                out += TextTable.csvCell(ids[i])
                for m in measures {
                    let v = analysis[m, actor: i]
                    out +=
                        "," + (format == .csv ? exact(v, measure: m) : CentralityReport.format(v, measure: m))
                }
                out += format == .csv ? "\r\n" : "\n"
            }
            return out
        }
    }
}
