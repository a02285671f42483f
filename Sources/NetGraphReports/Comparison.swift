import Foundation
import NetGraph
import NetGraphIO
import NetGraphRender

/// One table comparing networks (regions, years): size, density, centralization, inequality,
/// concentration of funding, the top broker, the place of client organisations, and flags —
/// each with its rank (1 = highest).
///
/// Values equal those of `netan analyze` on each network: centralization and Gini come from
/// the same default view (all relations, weights as strengths); flags, the top broker's share,
/// funding HHI and the client organisations' representation ratio from the power analysis.
/// Density falls as networks grow, so `mean_degree` (= density × (n − 1)) is given as the
/// size-adjusted variant; Freeman centralization and Gini are already normalised.
public struct NetworkComparison: Sendable {
    /// The figures of one network.
    public struct Row: Sendable {
        /// The network's name (from its metadata).
        public var name: String
        /// The path the network was read from, as the caller gave it.
        public var path: String
        /// Value per metric key (see ``NetworkComparison/metrics``); nil where undefined.
        public var values: [String: Double?]
        /// Name of the actor with the largest share of betweenness; nil without actors.
        public var topBroker: String?
    }

    /// (key, Dutch heading, English heading)
    public static let metrics: [(String, String, String)] = [
        ("nodes", "actoren", "actors"), ("relations", "relaties", "relations"),
        ("density", "dichtheid", "density"),
        ("mean_degree", "gem. graad", "mean degree"),
        ("degree_centralization", "centralisatie graad", "degree centralization"),
        ("betweenness_centralization", "centralisatie betweenness", "betweenness centralization"),
        ("gini_degree", "Gini graad", "Gini degree"),
        ("gini_betweenness", "Gini betweenness", "Gini betweenness"),
        ("hhi_funding", "HHI financiering", "HHI funding"),
        ("top_broker_share", "aandeel topmakelaar", "top broker share"),
        ("client_representation", "vertegenwoordiging cliënten", "client representation"),
        ("flags_critical", "kritiek", "critical"), ("flags_warning", "waarschuwing", "warning"),
        ("flags_info", "info", "info"),
    ]

    /// One row per network, in the order the analyses were given.
    public var rows: [Row]
    /// Rank per metric key, one per row in row order: 1 = highest, ties share a rank,
    /// undefined values rank last.
    public var ranks: [String: [Int]]

    /// Compares analyses computed once by the caller (default view, all measures).
    public init(_ analyses: [(path: String, analysis: NetworkAnalysis)]) {
        rows = analyses.map { path, result in
            let network = result.network
            let analysis = result.centrality
            let power = result.power
            var values: [String: Double?] = [:]
            let shown: [NetworkMeasure] = [
                .nodes, .relations, .density, .degreeCentralization, .betweennessCentralization, .giniDegree,
                .giniBetweenness,
            ]
            for measure in shown {
                let value = analysis[measure]
                values[measure.rawValue] = value.isNaN ? nil : value
            }
            let n = Double(network.actors.count)
            let density = analysis[.density]
            values["mean_degree"] = density.isNaN ? nil : density * (n - 1)
            // Concentration of the money received by all providers together (the care market).
            let providers = power.groups.filter { $0.role == .provider }.flatMap(\.actors)
            let flows = FlowAnalysis(
                Graph(network, relationTypes: power.flowRelationTypes, weights: .strength))
            values["hhi_funding"] = FlowAnalysis.concentration(providers.map { flows.inStrength[$0] })?.points
            let top = power.actors.enumerated().max {
                $0.element.betweennessShare < $1.element.betweennessShare
            }
            values["top_broker_share"] = top?.element.betweennessShare
            let clients = power.groups.filter { $0.role == .clientVoice }.flatMap(\.actors)
            let degree = power.centrality[.degree]
            let total = degree.reduce(0, +)
            values["client_representation"] =
                clients.isEmpty || total == 0
                ? nil : (clients.reduce(0) { $0 + degree[$1] } / total) / (Double(clients.count) / n)
            for severity in PowerFlag.Severity.allCases {
                values["flags_\(severity.rawValue)"] = Double(
                    power.flags.filter { $0.severity == severity }.count)
            }
            return Row(
                name: network.metadata.name, path: path, values: values,
                topBroker: top.map { network.actors[$0.offset].name })
        }
        var ranks: [String: [Int]] = [:]
        for (key, _, _) in Self.metrics {
            let values = rows.map { ($0.values[key] ?? nil) ?? -.infinity }
            ranks[key] = values.map { v in 1 + values.filter { $0 > v }.count }
        }
        self.ranks = ranks
    }

    static func format(_ key: String, _ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        if ["nodes", "relations", "flags_critical", "flags_warning", "flags_info", "hhi_funding"].contains(
            key)
        {
            return String(Int(value.rounded()))
        }
        return String(format: "%.3f", value)
    }

    /// Renders the comparison: a table of "value (rank)" cells with a note on reading it, CSV
    /// and JSON with a `<key>_rank` next to every value, or with `html` a standalone HTML page
    /// (`format` is then ignored). Headings follow `language` ("en", otherwise Dutch).
    public func render(_ format: OutputFormat, language: String, html: Bool = false) -> String {
        let nl = language != "en"
        let headings = Self.metrics.map { nl ? $0.1 : $0.2 }
        if html { return renderHTML(headings: headings, nl: nl) }
        switch format {
        case .json:
            let networks: [[String: Any]] = rows.enumerated().map { i, row in
                var object: [String: Any] = [
                    "name": row.name, "path": row.path, "top_broker": row.topBroker ?? NSNull(),
                ]
                for (key, _, _) in Self.metrics {
                    object[key] = (row.values[key] ?? nil).map { $0 as Any } ?? NSNull()
                    object[key + "_rank"] = ranks[key]![i]
                }
                return object
            }
            return JSONOutput.text(["networks": networks]) + "\n"
        case .csv:
            let columns = ["name", "path", "top_broker"] + Self.metrics.flatMap { [$0.0, $0.0 + "_rank"] }
            let body = rows.enumerated().map { i, row in
                [row.name, row.path, row.topBroker ?? ""]
                    + Self.metrics.flatMap {
                        [Self.format($0.0, row.values[$0.0] ?? nil), String(ranks[$0.0]![i])]
                    }
            }
            return TextTable(columns: columns, rows: body).csv()
        case .table, .markdown:
            let columns = [nl ? "netwerk" : "network"] + headings + [nl ? "topmakelaar" : "top broker"]
            let body = rows.enumerated().map { i, row in
                [row.name]
                    + Self.metrics.map {
                        let value = Self.format($0.0, row.values[$0.0] ?? nil)
                        // Tables for people: a decimal comma in Dutch (CSV and JSON keep points).
                        return
                            "\(nl ? value.replacingOccurrences(of: ".", with: ",") : value) (\(ranks[$0.0]![i]))"
                    } + [row.topBroker ?? ""]
            }
            let table = TextTable(columns: columns, rows: body, numericColumns: Set(1...Self.metrics.count))
            let note =
                nl
                ? "Tussen haakjes: rang (1 = hoogste waarde). Hoger is ongelijker bij centralisatie, Gini, "
                    + "HHI en het aandeel van de topmakelaar, en beter bij de vertegenwoordiging van cliënten. "
                    + "Dichtheid daalt met de omvang; vergelijk daarom ook de gemiddelde graad."
                : "In brackets: rank (1 = highest value). Higher is more unequal for centralisation, Gini, "
                    + "HHI and the top broker's share, and better for client representation. Density falls "
                    + "with size; compare mean degree as well."
            return (format == .markdown ? table.markdown() : table.terminal()) + "\n" + note + "\n"
        }
    }

    func renderHTML(headings: [String], nl: Bool) -> String {
        func esc(_ s: String) -> String { DOTEscaping.html(s) }
        var html =
            "<!DOCTYPE html>\n<html lang=\"\(nl ? "nl" : "en")\"><head><meta charset=\"utf-8\"/>"
            + "<title>\(nl ? "Vergelijking" : "Comparison")</title>"
        html +=
            "<style>body{font-family:sans-serif}table{border-collapse:collapse}"
            + "td,th{border:1px solid #ccc;padding:3px 6px;text-align:right}"
            + "td:first-child,th:first-child{text-align:left}.rank{color:#777;font-size:80%}"
            + "</style></head><body>"
        html +=
            "<h1>\(nl ? "Vergelijking van netwerken" : "Comparison of networks")</h1>"
            + "<table><thead><tr><th>\(nl ? "netwerk" : "network")</th>"
        html +=
            headings.map { "<th>\(esc($0))</th>" }.joined()
            + "<th>\(nl ? "topmakelaar" : "top broker")</th></tr></thead><tbody>"
        for (i, row) in rows.enumerated() {
            html += "<tr><td>\(esc(row.name))</td>"
            html += Self.metrics.map {
                "<td>\(esc(Self.format($0.0, row.values[$0.0] ?? nil))) "
                    + "<span class=\"rank\">(\(ranks[$0.0]![i]))</span></td>"
            }.joined()
            html += "<td>\(esc(row.topBroker ?? ""))</td></tr>"
        }
        return html + "</tbody></table></body></html>\n"
    }
}
