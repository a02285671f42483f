import Foundation
import NetGraph
import NetGraphIO
import NetGraphRender

/// `netan report`: one folder with everything about a network — `index.html` (self-contained,
/// offline), `report.md`, `analysis.ipynb` (nbformat 4.5 with outputs filled in), `tables/*.csv`
/// and `figures/*.svg|png`.
///
/// The folder is built next to its destination and swapped in at the end, so a reader never
/// sees half a report and a failed run leaves the previous report as it was. Nothing outside
/// the folder is touched.
public struct ReportBuilder {
    /// The network reported on.
    public let network: Network
    /// Language of the text: "nl" or "en".
    public let language: String
    /// Centrality of the tie-strength view.
    public let analysis: CentralityAnalysis
    /// Power analysis and findings.
    public let power: PowerAnalysis
    /// Where the network was read from (for the provenance line).
    public let inputDescription: String
    /// Key figures per year when the input holds more than two years (the report is about
    /// one of them): a section "Ontwikkeling" / "Trend" and `tables/trend.csv`. Nil: none.
    public var trend: WaveTrend? = nil
    /// The analysis the report is about (for the diagram's plan).
    let result: NetworkAnalysis

    /// A report of an analysis computed once by the caller (all measures of the default view).
    public init(_ result: NetworkAnalysis, language: String, inputDescription: String) {
        self.network = result.network
        self.language = language
        self.inputDescription = inputDescription
        analysis = result.centrality
        power = result.power
        self.result = result
    }

    var nl: Bool { language != "en" }
    func t(_ dutch: String, _ english: String) -> String { nl ? dutch : english }

    // MARK: - Content

    /// Every actor with its measures: six significant digits for reading (HTML, notebook
    /// previews), full precision for tables/actors.csv (`exact`), which analyses read back.
    var actorTable: TextTable { actorTable(exact: false) }

    func actorTable(exact: Bool) -> TextTable {
        let measures = analysis.measures
        let rows = network.actors.indices.map { i -> [String] in
            let a = network.actors[i]
            let p = power.actors[i]
            func g(_ v: Double?) -> String {
                v.map { exact ? ($0.isFinite ? "\($0)" : "") : String(format: "%.6g", $0) } ?? ""
            }
            let centrality: [String] = measures.map {
                exact
                    ? CentralityReport.exact(analysis[$0, actor: i], measure: $0)
                    : CentralityReport.format(analysis[$0, actor: i], measure: $0)
            }
            let powerColumns: [String] = [
                g(p.betweennessShare), g(p.constraint), g(p.effectiveSize), g(p.dependence?.share),
                String(Int(p.brokerage[.total]?.raw ?? 0)), g(p.coreness),
            ]
            return [a.id, a.name, a.type] + centrality + powerColumns
        }
        return TextTable(
            columns: ["id", "name", "type"] + measures.map(\.rawValue) + [
                "betweenness_share", "constraint", "effective_size", "dependence", "brokerage_total",
                "coreness",
            ], rows: rows)
    }

    var networkRows: [(String, String)] {
        var rows: [(String, String)] = []
        for (measure, value) in analysis.networkTable {
            rows.append((measure.rawValue, value.map { String(format: "%.6g", $0) } ?? ""))
        }
        rows.append(("fragmentation", String(format: "%.6g", power.fragmentation)))
        rows.append(("distance_fragmentation", String(format: "%.6g", power.distanceFragmentation)))
        if let sources = power.distanceFragmentationSources, let error = power.distanceFragmentationError {
            rows.append(("distance_fragmentation_sources", String(sources)))
            rows.append(("distance_fragmentation_standard_error", String(format: "%.6g", error)))
        }
        return rows
    }

    /// The key figures for people: labels in the report's language, numbers in its style,
    /// "—" where a measure is undefined for this network.
    var keyFigures: [(String, String)] {
        let english = !nl
        var rows: [(String, String)] = analysis.networkTable.map { measure, value in
            let text: String
            if let value, value.isFinite {
                text =
                    measure.isInteger
                    ? String(Int(value.rounded()))
                    : FindingLabels.decimal(value, value.magnitude < 10 ? 3 : 1, english)
            } else {
                text = "—"
            }
            return (measure.label(language), text)
        }
        rows.append(
            (
                t("versnippering (onbereikbare paren)", "fragmentation (unreachable pairs)"),
                String(format: "%.0f%%", power.fragmentation * 100)
            ))
        return rows
    }

    var flagReport: FlagReport { FlagReport(power: power, language: language) }

    func charts() -> (bars: [(String, String)], lorenz: String) {
        var bars: [(String, String)] = []
        for (measure, dutch, english, colour) in [
            (
                ActorMeasure.betweennessNormalized, "Makelaars (betweenness, genormaliseerd)",
                "Brokers (betweenness, normalised)", "#882255"
            ),
            (
                .pagerank, "Ontvangen aandacht en middelen (PageRank)",
                "Attention and resources received (PageRank)", "#117733"
            ),
            (.degree, "Relaties (graad)", "Ties (degree)", "#332288"),
        ] {
            let values = analysis[measure]
            let top = network.actors.indices.sorted { values[$0] > values[$1] }.prefix(15).map {
                (network.actors[$0].name, values[$0])
            }
            bars.append(
                (measure.rawValue, SVGCharts.bars(title: t(dutch, english), items: top, colour: colour)))
        }
        let lorenz = SVGCharts.lorenz(
            title: t(
                "Lorenzcurve: hoe ongelijk zijn relaties en makelaarsrollen verdeeld?",
                "Lorenz curve: how unequal are ties and broker roles?"),
            series: [
                (t("graad", "degree"), analysis[.degree], "#332288"),
                ("betweenness", analysis[.betweenness], "#CC6677"),
            ])
        return (bars, lorenz)
    }

    /// The network diagram as `netan render` draws it by default: node area by number of
    /// partners, flagged actors in red, small providers folded into groups above 40 actors.
    func diagram() throws -> (svg: Data, png: Data) {
        var request = DiagramRequest()
        request.language = language
        var plan = try DiagramPlan(result, request: request)
        plan.options.measureName = t("aantal partners", "number of partners")
        let dot = plan.dot
        let engine = plan.options.engine ?? LayoutEngine.recommended(nodeCount: plan.network.actors.count)
        return (
            try Graphviz.render(dot: dot, engine: engine, format: .svg).data,
            try Graphviz.render(dot: dot, engine: engine, format: .png).data
        )
    }

    /// SVG for inline use in HTML: no XML declaration, DOCTYPE (it names an external DTD) or comments.
    func title() -> String {
        network.metadata.title
    }

    var provenance: String {
        t("Bron: ", "Source: ")
            + (network.metadata.source.map { $0.hasSuffix(".") ? String($0.dropLast()) : $0 }
                ?? t("niet opgegeven", "not given")) + ". "
            + t(
                "Ingelezen uit \(inputDescription); gemaakt met netan \(ReportBuilder.version).",
                "Read from \(inputDescription); made with netan \(ReportBuilder.version).")
    }

    /// The netan version recorded in every report.
    public static var version: String { NetanVersion.string }

    var settings: String {
        let view = analysis.view
        let layers = view.relationTypes.map { $0.sorted().joined(separator: ", ") }
        let weighted = network.weightedRelationTypes(in: view.relationTypes)
        let flows = power.flowRelationTypes.sorted().joined(separator: ", ")
        let changed = !network.metadata.thresholds.isEmpty
        let weightsNL: String
        let weightsEN: String
        if view.weights == .strength {
            weightsNL = "gewichten als sterkte (afstand = 1/gewicht)"
            weightsEN = "weights as strengths (distance = 1/weight)"
        } else if weighted.count > 1 {
            let list = weighted.joined(separator: ", ")
            weightsNL = "zonder gewichten (de relatietypen \(list) hebben elk een eigen eenheid)"
            weightsEN = "without weights (the relation types \(list) each have their own unit)"
        } else {
            weightsNL = "zonder gewichten"
            weightsEN = "without weights"
        }
        return t(
            "Instellingen: \(layers.map { "relaties van het type \($0)" } ?? "alle relaties"), \(weightsNL) "
                + "voor centraliteit; de machtsanalyse gebruikt het ongewogen netwerk en de geldstromen van "
                + "\(flows); drempels: standaard\(changed ? " met aanpassingen uit network.yaml" : "").",
            "Settings: \(layers.map { "relations of type \($0)" } ?? "all relations"), \(weightsEN) for "
                + "centrality; the power analysis uses the unweighted network and the money flows of \(flows); "
                + "thresholds: defaults\(changed ? " with changes from network.yaml" : "")."
        )
    }
}
