import Foundation
import NetGraph
import NetGraphIO
import NetGraphRender

/// `netan report --compare`: one folder for a set of networks — which network has which
/// problem (a heatmap of findings by theme with a "why" line per network), dot charts of the
/// key figures, the comparison table with ranks, small multiples of the diagrams, and the
/// findings per network, as an offline `index.html`, `report.md` and `tables/comparison.csv`,
/// swapped in like `ReportBuilder`.
public struct ComparisonReport {
    /// The analyses compared, with the paths they were read from.
    public let analyses: [(path: String, analysis: NetworkAnalysis)]
    /// Language of headings and findings: "en" for English, anything else gives Dutch.
    public let language: String

    /// A comparison report of analyses computed once by the caller.
    public init(analyses: [(path: String, analysis: NetworkAnalysis)], language: String) {
        self.analyses = analyses
        self.language = language
    }

    /// Writes the report into `folder`, replacing an earlier report there in one step; throws
    /// ``ReportBuilder/NotAReport`` when `folder` holds other files. Renders one SVG diagram
    /// per network with Graphviz into `figures/`.
    public func write(to folder: URL) throws {
        guard ReportBuilder.mayReplace(folder) else { throw ReportBuilder.NotAReport(path: folder.path) }
        let nl = language != "en"
        try AtomicFile.replaceFolder(folder) { staging in
            let fm = FileManager.default
            try fm.createDirectory(
                at: staging.appendingPathComponent("figures"), withIntermediateDirectories: true)
            try fm.createDirectory(
                at: staging.appendingPathComponent("tables"), withIntermediateDirectories: true)
            let comparison = NetworkComparison(analyses)
            try Data(comparison.render(.csv, language: language).utf8).write(
                to: staging.appendingPathComponent("tables/comparison.csv"))
            var html = comparison.render(.table, language: language, html: true)
            var cards =
                "<h2>\(nl ? "Per netwerk" : "Per network")</h2>"
                + "<div style=\"display:flex;flex-wrap:wrap;gap:12px\">"
            var md =
                "# " + (nl ? "Vergelijking van netwerken" : "Comparison of networks") + "\n\n"
                + "## " + (nl ? "Welk netwerk heeft welk knelpunt?" : "Which network has which problem?")
                + "\n\n" + comparison.overviewMarkdown(language: language) + "\n"
                + "## " + (nl ? "Alle cijfers" : "Every figure") + "\n\n"
                + comparison.render(.markdown, language: language) + "\n"
            for (k, item) in analyses.enumerated() {
                let network = item.analysis.network
                let power = item.analysis.power
                let flagged = Set(
                    power.flags.filter { $0.isDomination && $0.subject.kind == .actor }.compactMap {
                        network.index(ofActor: $0.subject.ids[0])
                    })
                var options = DiagramOptions(
                    nodeMeasure: Degree.partners(Graph(network, weights: .ignore)).map(Double.init),
                    language: language, flagged: flagged)
                options.engine = LayoutEngine.recommended(nodeCount: network.actors.count)
                let svg = try Graphviz.render(
                    dot: DiagramBuilder.dot(for: network, options: options), engine: options.engine!,
                    format: .svg
                ).data
                let name = String(format: "%02d-", k + 1) + Slug.make(network.metadata.name) + ".svg"
                try svg.write(to: staging.appendingPathComponent("figures/" + name))
                let findings = power.flags.filter(\.isDomination).map {
                    "<li>[\(XMLEscaping.text(nl ? $0.severity.dutch : $0.severity.rawValue))] "
                        + "\(XMLEscaping.text($0.message(language)))</li>"
                }.joined()
                cards +=
                    "<div style=\"width:520px;border:1px solid #ddd;padding:6px\">"
                    + "<h3>\(XMLEscaping.text(network.metadata.name))</h3>"
                let scaledSVG = InlineSVG.text(svg).replacingOccurrences(
                    of: "<svg ", with: "<svg style=\"width:100%;height:auto\" ")
                cards += "<div style=\"max-height:420px;overflow:hidden\">\(scaledSVG)</div>"
                let findingItems =
                    findings.isEmpty
                    ? "<li>\(nl ? "geen dominantie-bevindingen" : "no domination findings")</li>" : findings
                cards += "<ul style=\"font-size:0.85em\">\(findingItems)</ul></div>"
                md +=
                    "\n## " + TextTable.markdownEscape(network.metadata.name) + "\n\n![](figures/\(name))\n\n"
                md +=
                    power.flags.filter(\.isDomination).map {
                        "- **\($0.severity.rawValue)** \(TextTable.markdownEscape($0.message(language)))"
                    }.joined(separator: "\n") + "\n"
            }
            cards += "</div>"
            html = html.replacingOccurrences(of: "</body></html>", with: cards + "</body></html>")
            try Data(html.utf8).write(to: staging.appendingPathComponent("index.html"))
            try Data(md.utf8).write(to: staging.appendingPathComponent("report.md"))
        }
    }
}
