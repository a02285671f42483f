import Foundation
import NetGraph
import NetGraphIO
import NetGraphRender

/// `netan analyze`: the network summary, network measures and top actors per key measure.
public struct AnalysisReport: Sendable {
    /// Counts of actors and relations by type, shown first.
    public var summary: NetworkSummary
    /// The centrality behind the network measures and the top lists (CSV output is its table).
    public var centrality: CentralityReport
    /// "en" for English; anything else gives Dutch.
    public var language: String
    /// Rows in each top list.
    public var top: Int
    /// Flags and group figures; nil leaves them out.
    public var power: PowerAnalysis?

    /// A report of parts computed by the caller.
    public init(
        summary: NetworkSummary, centrality: CentralityReport, language: String, top: Int,
        power: PowerAnalysis? = nil
    ) {
        self.summary = summary
        self.centrality = centrality
        self.language = language
        self.top = top
        self.power = power
    }

    /// The report of one analysis: its summary, the chosen view's centrality and the power
    /// analysis.
    public init(_ analysis: NetworkAnalysis, language: String, top: Int) {
        self.init(
            summary: NetworkSummary(analysis.network),
            centrality: CentralityReport(network: analysis.network, analysis: analysis.centrality),
            language: language,
            top: top, power: analysis.power)
    }

    /// Measures with a top list, and their Dutch and English titles.
    static let highlights: [(ActorMeasure, String, String)] = [
        (.degree, "Meeste relaties (graad: in + uit)", "Most ties (degree: in + out)"),
        (
            .betweennessNormalized, "Makelaars: op de kortste paden tussen anderen (betweenness)",
            "Brokers: on shortest paths between others (betweenness)"
        ),
        (
            .pagerank, "Ontvangen aandacht en middelen (PageRank)",
            "Receiving attention and resources (PageRank)"
        ),
    ]

    /// Renders the report. Table and Markdown: the summary's type tables, the network measures,
    /// top lists by degree, normalized betweenness and PageRank, the analysis notes, then the
    /// flags and groups. CSV: the centrality table. JSON: the centrality object with the type
    /// counts and, with `power`, its flags, groups and per-actor power measures merged in.
    public func render(_ format: OutputFormat) -> String {
        let nl = language != "en"
        switch format {
        case .csv:
            return centrality.render(.csv)
        case .json:
            var object = centrality.jsonObject()
            var networkObject = object["network"] as! [String: Any]
            networkObject["actors_by_type"] = Dictionary(
                uniqueKeysWithValues: summary.actorsByType.map { ($0.type, $0.count) })
            networkObject["relations_by_type"] = Dictionary(
                uniqueKeysWithValues: summary.relationsByType.map { ($0.type, $0.count) })
            if let source = summary.metadata.source { networkObject["source"] = source }
            if let power {
                let powerObject = FlagReport(power: power, language: language).jsonObject()
                object["flags"] = powerObject["flags"]
                object["groups"] = powerObject["groups"]
                let powerNetwork = powerObject["network"] as! [String: Any]
                for (key, value) in powerNetwork where key != "name" { networkObject[key] = value }
                // Per-actor power measures join the centrality of the same actor.
                let byID = Dictionary(
                    uniqueKeysWithValues: (powerObject["actors"] as! [[String: Any]]).map {
                        ($0["id"] as! String, $0)
                    })
                object["actors"] = (object["actors"] as! [[String: Any]]).map { actor in
                    actor.merging(byID[actor["id"] as! String] ?? [:]) { mine, _ in mine }
                }
            }
            object["network"] = networkObject
            return JSONOutput.text(object) + "\n"
        case .table, .markdown:
            let markdown = format == .markdown
            var text = summary.render(format, language: language, includeTop: false)
            text +=
                markdown
                ? "\n## " + (nl ? "Netwerkmaten" : "Network measures") + "\n\n"
                    + centrality.networkTable().markdown()
                : "\n" + (nl ? "Netwerkmaten" : "Network measures") + "\n"
                    + centrality.networkTable().terminal()
            for (measure, dutch, english) in AnalysisReport.highlights {
                var report = centrality
                report.measures = [measure]
                report.sortBy = measure
                let title = nl ? dutch : english
                text +=
                    markdown
                    ? "\n## \(title)\n\n" + report.table(limit: top).markdown()
                    : "\n\(title)\n" + report.table(limit: top).terminal()
            }
            for (measure, note) in centrality.analysis.notes.sorted(by: { $0.key < $1.key }) {
                text += (markdown ? "\n- *\(measure)*: " : "\nnote: \(measure): ") + note
            }
            if let power {
                text +=
                    "\n" + (markdown ? "\n" : "\n")
                    + FlagReport(power: power, language: language).render(format).replacingOccurrences(
                        of: "\n# ", with: "\n## ")
            }
            return text + "\n"
        }
    }
}
