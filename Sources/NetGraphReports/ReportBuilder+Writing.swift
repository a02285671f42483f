import Foundation
import NetGraph
import NetGraphIO
import NetGraphRender

/// Writing the report folder: replaced in one step, never over a folder of other files.
extension ReportBuilder {
    /// Thrown when the destination exists but is not a netan report: netan replaces only its
    /// own reports, never a folder of other files.
    public struct NotAReport: Error, CustomStringConvertible {
        /// The folder that was not replaced.
        public let path: String
        /// The message for the user, naming the folder.
        public var description: String {
            "\(path) exists and is not a netan report; netan will not replace it. Choose another folder."
        }
    }

    /// Whether `folder` is missing, empty, or holds a report netan wrote (index.html and
    /// analysis.ipynb or tables/comparison.csv, and nothing but report files).
    public static func mayReplace(_ folder: URL) -> Bool {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: folder.path) else {
            return !fm.fileExists(atPath: folder.path)
        }
        if names.isEmpty { return true }
        let known: Set<String> = [
            "index.html", "report.md", "analysis.ipynb", "tables", "figures", "data", "requirements.txt",
        ]
        return names.contains("index.html") && Set(names).isSubset(of: known)
    }

    /// Writes the report into `folder` (replacing an earlier report there).
    public func write(to folder: URL) throws {
        guard ReportBuilder.mayReplace(folder) else { throw NotAReport(path: folder.path) }
        try AtomicFile.replaceFolder(folder) { staging in
            let fm = FileManager.default
            try fm.createDirectory(
                at: staging.appendingPathComponent("tables"), withIntermediateDirectories: true)
            try fm.createDirectory(
                at: staging.appendingPathComponent("figures"), withIntermediateDirectories: true)
            let (svg, png) = try diagram()
            let (bars, lorenz) = charts()
            func put(_ name: String, _ text: String) throws {
                try Data(text.utf8).write(to: staging.appendingPathComponent(name))
            }
            try svg.write(to: staging.appendingPathComponent("figures/netwerk.svg"))
            try png.write(to: staging.appendingPathComponent("figures/netwerk.png"))
            for (measure, chart) in bars {
                try put(
                    "figures/top-\(measure).svg",
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + chart + "\n")
            }
            try put("figures/lorenz.svg", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + lorenz + "\n")
            try put("tables/actors.csv", actorTable(exact: true).csv())
            try put(
                "tables/network.csv",
                TextTable(columns: ["measure", "value"], rows: networkRows.map { [$0.0, $0.1] }).csv())
            try put("tables/flags.csv", flagReport.render(.csv))
            try put("tables/groups.csv", flagReport.groupTable().csv())
            try put("tables/flags.json", flagReport.render(.json))
            if let trend { try put("tables/trend.csv", trend.table(language: language, exact: true).csv()) }
            try put("index.html", html(diagramSVG: InlineSVG.text(svg), bars: bars.map(\.1), lorenz: lorenz))
            try put("report.md", markdown(bars: bars.map(\.0)))
            try put("analysis.ipynb", notebook(bars: bars, lorenz: lorenz))
            // The notebook recomputes from a copy of the input, with the packages it names.
            try NetworkWriter.write(network, to: staging.appendingPathComponent("data").path, format: .folder)
            try put(
                "requirements.txt",
                "# python3 -m venv .venv && .venv/bin/pip install -r requirements.txt\n"
                    + "pandas\nnumpy\nmatplotlib\nnetworkx\njupyter\n")
        }
    }

    func esc(_ s: String) -> String { XMLEscaping.text(s) }

    func html(diagramSVG: String, bars: [String], lorenz: String) -> String {
        let counts = Dictionary(grouping: power.flags, by: \.severity).mapValues(\.count)
        var h =
            "<!DOCTYPE html>\n<html lang=\"\(nl ? "nl" : "en")\">\n<head>\n<meta charset=\"utf-8\"/>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
        h += "<title>\(esc(title()))</title>\n<style>\n"
        h +=
            "body{font-family:'DejaVu Sans',Arial,sans-serif;max-width:1100px;margin:1.5em auto;padding:0 1em;color:#222;line-height:1.45}"
        h +=
            "h1{font-size:1.6em}h2{margin-top:1.6em;border-bottom:1px solid #ddd}table{border-collapse:collapse;font-size:0.85em}"
        h +=
            "th,td{border:1px solid #ddd;padding:2px 6px}th{background:#f3f3f3;cursor:pointer}td.n{text-align:right}"
        h +=
            ".flag{border-left:6px solid #999;padding:0.4em 0.8em;margin:0.6em 0;background:#fafafa}.critical{border-color:#D81B60}.warning{border-color:#E6AB02}.info{border-color:#1E88E5}"
        h +=
            ".meta{color:#555;font-size:0.9em}.figure{overflow-x:auto;margin:1em 0}.figure svg{max-width:100%;max-height:80vh;height:auto}.headline{font-size:1.1em}.headline li{margin:0.4em 0}\n"
        h += "</style>\n</head>\n<body>\n"
        h +=
            "<h1>\(esc(title()))</h1>\n"
        let summary = FindingSummary(power.flags, actorCount: network.actors.count)
        if !summary.headline.isEmpty {
            h += "<h2>\(t("Wat valt op", "What stands out"))</h2>\n<ol class=\"headline\">\n"
            for flag in summary.headline {
                h += "<li class=\"flag \(flag.severity.rawValue)\">\(esc(flag.message(language)))</li>\n"
            }
            h += "</ol>\n"
        }
        h += "<h2>\(t("Netwerkkaart", "Network map"))</h2>\n<div class=\"figure\">\n\(diagramSVG)\n</div>\n"
        h += "<h2>\(t("Bevindingen over de machtsbalans", "Findings on the balance of power"))</h2>\n"
        func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }
        h +=
            "<p>\(count(power.flags.count, t("bevinding", "finding"), t("bevindingen", "findings"))): "
            + "\(counts[.critical] ?? 0) \(t("kritiek", "critical")), "
            + "\(count(counts[.warning] ?? 0, t("waarschuwing", "warning"), t("waarschuwingen", "warnings"))), "
            + "\(counts[.info] ?? 0) \(t("ter informatie", "for information")).</p>\n"
        for section in summary.sections {
            h += "<h3>\(esc(section.theme.title(language)))</h3>\n"
            for entry in section.entries {
                let flag = entry.flag
                if !entry.folded.isEmpty {
                    let run = [flag] + entry.folded
                    let names = run.compactMap { $0.subject.ids.first }.map {
                        network.actor(id: $0)?.name ?? $0
                    }
                    h +=
                        "<p class=\"meta\">\(t("en nog", "and")) \(run.count) "
                        + "\(t("vergelijkbare bevindingen", "more similar findings")) "
                        + "(\(esc(FindingLabels.title(ofRule: flag.rule, language).lowercased()))): "
                        + "\(esc(names.joined(separator: ", ")))</p>\n"
                    continue
                }
                let evidence = flag.evidence.map { FindingLabels.evidence($0.name, $0.value, language) }
                    .joined(
                        separator: "; ")
                let p = flag.pValue.map { "; p = " + FindingLabels.decimal($0, 3, !nl) } ?? ""
                h +=
                    "<div class=\"flag \(flag.severity.rawValue)\"><strong>"
                    + "\(esc(FindingLabels.severity(flag.severity, language)))</strong> · "
                    + "\(esc(FindingLabels.title(ofRule: flag.rule, language)))<br/>\(esc(flag.message(language)))<br/>"
                h +=
                    "<span class=\"meta\">\(t("Onderbouwing", "Evidence")): \(esc(evidence))\(p). "
                    + "\(t("Bron", "Source")): \(esc(flag.reference))</span></div>\n"
            }
        }
        h += "<h2>\(t("Kerncijfers", "Key figures"))</h2>\n<table class=\"key\"><tbody>\n"
        for (label, value) in keyFigures {
            h += "<tr><td>\(esc(label))</td><td class=\"n\">\(esc(value))</td></tr>\n"
        }
        h += "</tbody></table>\n"
        if let trend {
            h += "<h2>\(t("Ontwikkeling", "Trend"))</h2>\n<p>\(esc(trend.caption(language: language)))</p>\n"
            h += htmlTable(trend.table(language: language), sortable: false)
        }
        h += "<h2>\(t("Wie heeft de meeste macht?", "Who holds most power?"))</h2>\n"
        for chart in bars { h += "<div class=\"figure\">\(chart)</div>\n" }
        h += "<div class=\"figure\">\(lorenz)</div>\n"
        h += "<h2>\(t("Groepen", "Groups"))</h2>\n" + htmlTable(flagReport.groupTable(), sortable: true)
        h +=
            "<h2>\(t("Alle actoren (klik een kolom om te sorteren)", "All actors (click a column to sort)"))</h2>\n"
            + htmlTable(actorTable, sortable: true)
        // Where the data come from and how they were read: after the story, not before it.
        h += "<h2>\(t("Verantwoording", "About this report"))</h2>\n"
        h += "<p class=\"meta\">\(esc(provenance))</p>\n<p class=\"meta\">\(esc(settings))</p>\n"
        h += "<script>\n" + ReportBuilder.sortScript + "\n</script>\n</body>\n</html>\n"
        return h
    }

    /// Sorting for tables with class "sortable"; written without `<` and `&` so the page stays
    /// well-formed XML.
    static let sortScript = """
        document.querySelectorAll('table.sortable th').forEach(function (th) {
          th.addEventListener('click', function () {
            var column = Array.prototype.indexOf.call(th.parentNode.children, th);
            var body = th.closest('table').tBodies[0];
            var rows = Array.prototype.slice.call(body.rows);
            var ascending = th.getAttribute('data-order') !== 'asc';
            th.setAttribute('data-order', ascending ? 'asc' : 'desc');
            rows.sort(function (a, b) {
              var x = a.cells[column].textContent, y = b.cells[column].textContent;
              var nx = parseFloat(x), ny = parseFloat(y);
              var r = (isNaN(nx) || isNaN(ny)) ? x.localeCompare(y) : nx - ny;
              return ascending ? r : -r;
            });
            rows.forEach(function (row) { body.appendChild(row); });
          });
        });
        """

    func htmlTable(_ table: TextTable, sortable: Bool) -> String {
        // Column names in words; the key (as in tables/actors.csv) stays in the tooltip.
        var h =
            "<div class=\"figure\"><table\(sortable ? " class=\"sortable\"" : "")><thead><tr>"
            + table.columns.map { column in
                let shown = columnLabel(column)
                return shown == column
                    ? "<th>\(esc(column))</th>" : "<th title=\"\(esc(column))\">\(esc(shown))</th>"
            }.joined() + "</tr></thead><tbody>\n"
        for row in table.rows {
            h +=
                "<tr>"
                + row.map { cell in
                    Double(cell) != nil ? "<td class=\"n\">\(esc(cell))</td>" : "<td>\(esc(cell))</td>"
                }.joined() + "</tr>\n"
        }
        return h + "</tbody></table></div>\n"
    }

    /// A column of the actor table in words in the report's language: a measure's own label,
    /// the power analysis's columns by name, and never a raw snake_case key.
    func columnLabel(_ key: String) -> String {
        if let measure = ActorMeasure(rawValue: key) { return measure.label(language) }
        let words: [String: (String, String)] = [
            "id": ("id", "id"), "name": ("naam", "name"), "type": ("soort", "type"),
            "betweenness_share": ("aandeel tussenposities", "share of brokerage"),
            "constraint": ("beperking (Burt)", "constraint (Burt)"),
            "effective_size": ("effectieve omvang (Burt)", "effective size (Burt)"),
            "dependence": ("afhankelijkheid van één partner", "dependence on one partner"),
            "brokerage_total": ("makelaarsrollen", "brokerage roles"),
            "coreness": ("kern-score", "coreness"),
        ]
        if let pair = words[key] { return nl ? pair.0 : pair.1 }
        return key.replacingOccurrences(of: "_", with: " ")
    }

    func markdown(bars: [String]) -> String {
        var md =
            "# " + TextTable.markdownEscape(title()) + "\n\n" + TextTable.markdownEscape(provenance) + "\n\n"
            + TextTable.markdownEscape(settings) + "\n\n"
        md += "![\(t("Netwerkkaart", "Network map"))](figures/netwerk.svg)\n\n"
        md +=
            "## " + t("Kerncijfers", "Key figures") + "\n\n"
            + TextTable(
                columns: [t("maat", "measure"), t("waarde", "value")], rows: keyFigures.map { [$0.0, $0.1] },
                numericColumns: [1]
            ).markdown()
        if let trend {
            md +=
                "\n## " + t("Ontwikkeling", "Trend") + "\n\n"
                + TextTable.markdownEscape(trend.caption(language: language)) + "\n\n"
                + trend.table(language: language).markdown()
        }
        md +=
            "\n"
            + flagReport.render(.markdown).replacingOccurrences(of: "\n# ", with: "\n## ")
            .replacingOccurrences(of: "# ", with: "## ", options: .anchored)
        md += "\n## " + t("Figuren", "Figures") + "\n\n"
        for measure in bars { md += "![\(measure)](figures/top-\(measure).svg)\n\n" }
        md += "![Lorenz](figures/lorenz.svg)\n\n"
        md +=
            t(
                "Alle cijfers per actor: [tables/actors.csv](tables/actors.csv).",
                "All figures per actor: [tables/actors.csv](tables/actors.csv).") + "\n"
        return md
    }

    /// A notebook cell that rebuilds the graph of the chosen view from the copy of the input
    /// (data/) with networkx and compares its betweenness with netan's table: the same arcs
    /// (an undirected relation both ways, parallel ties merged by summing weights), lengths
    /// 1/weight when the view is weighted, unordered pairs when every relation is undirected.
    func recomputeSource() -> String {
        let view = analysis.view
        let weighted = view.weights == .strength
        let types = view.relationTypes.map {
            "[" + $0.sorted().map { "\"\($0)\"" }.joined(separator: ", ") + "]"
        }
        var code = t(
            "# Herbereken uit de kopie van de invoer (data/) met networkx en vergelijk met netan.\n",
            "# Recompute from the copy of the input (data/) with networkx and compare with netan.\n")
        code += "import networkx as nx\n"
        code += "rel = pd.read_csv(\"data/relations.csv\", dtype={\"source\": str, \"target\": str})\n"
        code += "ids = pd.read_csv(\"data/actors.csv\", dtype={\"id\": str})[\"id\"]\n"
        if let types { code += "rel = rel[rel[\"type\"].isin(\(types))]\n" }
        code += "strength = {}\n"
        code += "for r in rel.itertuples():\n"
        code += "    w = float(r.weight) if \(weighted ? "True" : "False") and pd.notna(r.weight) else 1.0\n"
        code += "    both = str(r.directed).strip().lower() not in (\"true\", \"1\", \"ja\", \"yes\")\n"
        code += "    for u, v in [(r.source, r.target)] + ([(r.target, r.source)] if both else []):\n"
        code += "        strength[(u, v)] = strength.get((u, v), 0) + w\n"
        code += "G = nx.DiGraph()\nG.add_nodes_from(ids)\n"
        code += "G.add_edges_from((u, v, {\"length\": 1 / s}) for (u, v), s in strength.items())\n"
        code +=
            "bc = nx.betweenness_centrality(G, weight=\(weighted ? "\"length\"" : "None"), normalized=False)\n"
        code +=
            "if not rel[\"directed\"].astype(str).str.lower().isin([\"true\", \"1\", \"ja\", \"yes\"]).any():\n"
        code += "    bc = {k: v / 2 for k, v in bc.items()}  # unordered pairs, as netan counts them\n"
        code += "ours = actors.assign(id=actors[\"id\"].astype(str)).set_index(\"id\")[\"betweenness\"]\n"
        code += "print(\"max |networkx − netan| =\", max(abs(bc[i] - ours[i]) for i in ids))"
        return code
    }

    func notebook(bars: [(String, String)], lorenz: String) -> String {
        var cells: [[String: Any]] = []
        var counter = 0
        func lines(_ text: String) -> [String] {
            let parts = text.components(separatedBy: "\n")
            return parts.enumerated().map { $0.offset < parts.count - 1 ? $0.element + "\n" : $0.element }
        }
        func markdownCell(_ text: String) {
            cells.append([
                "cell_type": "markdown", "id": "md-\(cells.count + 1)", "metadata": [String: Any](),
                "source": lines(text),
            ])
        }
        func codeCell(_ source: String, outputs: [[String: Any]]) {
            counter += 1
            let numbered = outputs.map { output -> [String: Any] in
                var o = output
                if o["output_type"] as? String == "execute_result" { o["execution_count"] = counter }
                return o
            }
            cells.append([
                "cell_type": "code", "id": "code-\(counter)", "execution_count": counter,
                "metadata": [String: Any](), "outputs": numbered, "source": lines(source),
            ])
        }
        func htmlTable(_ table: TextTable, limit: Int) -> String {
            var h =
                "<table><thead><tr>" + table.columns.map { "<th>\(esc($0))</th>" }.joined()
                + "</tr></thead><tbody>"
            for row in table.rows.prefix(limit) {
                h += "<tr>" + row.map { "<td>\(esc($0))</td>" }.joined() + "</tr>"
            }
            return h + "</tbody></table>"
        }
        markdownCell(
            "# \(title())\n\n\(provenance)\n\n\(settings)\n\n"
                + t(
                    "Deze notebook bevat de resultaten al; draai de cellen opnieuw om ze uit de CSV-bestanden te herberekenen (pandas, matplotlib).",
                    "This notebook already holds the results; run the cells again to rebuild them from the CSV files (pandas, matplotlib)."
                ))
        let flagText = power.flags.map {
            "- **\(FindingLabels.severity($0.severity, language))** · "
                + "\(FindingLabels.title(ofRule: $0.rule, language)): \($0.message(language))"
        }.joined(separator: "\n")
        markdownCell(
            "## " + t("Bevindingen", "Findings") + "\n\n"
                + (flagText.isEmpty ? t("Geen bevindingen.", "No findings.") : flagText))
        codeCell(
            "import pandas as pd\nactors = pd.read_csv(\"tables/actors.csv\")\nnetwork = pd.read_csv(\"tables/network.csv\")\nnetwork",
            outputs: [
                [
                    "output_type": "execute_result", "metadata": [String: Any](),
                    "data": [
                        "text/html": [
                            htmlTable(
                                TextTable(
                                    columns: ["measure", "value"], rows: networkRows.map { [$0.0, $0.1] }),
                                limit: 100)
                        ],
                        "text/plain": lines(networkRows.map { "\($0.0)\t\($0.1)" }.joined(separator: "\n")),
                    ],
                ]
            ])
        codeCell(recomputeSource(), outputs: [])
        // `actorTable` is computed: build it once (inside the comparator it was rebuilt for every
        // comparison, which made a 200-actor report take 25 s).
        let table = actorTable
        let column = table.columns.firstIndex(of: "betweenness")!
        let sortedByBetweenness = TextTable(
            columns: table.columns,
            rows: table.rows.sorted { (Double($0[column]) ?? 0) > (Double($1[column]) ?? 0) })
        codeCell(
            "actors.sort_values(\"betweenness\", ascending=False).head(10)",
            outputs: [
                [
                    "output_type": "execute_result", "metadata": [String: Any](),
                    "data": [
                        "text/html": [htmlTable(sortedByBetweenness, limit: 10)],
                        "text/plain": [
                            t("(tabel met de 10 grootste makelaars)", "(table of the 10 largest brokers)")
                        ],
                    ],
                ]
            ])
        codeCell(
            "flags = pd.read_csv(\"tables/flags.csv\")\nflags[[\"severity\", \"rule\", \"message\"]]",
            outputs: [
                [
                    "output_type": "execute_result", "metadata": [String: Any](),
                    "data": [
                        "text/html": [htmlTable(flagReport.flagTable(full: false), limit: 200)],
                        "text/plain": ["\(power.flags.count) flags"],
                    ],
                ]
            ])
        for (measure, svg) in bars {
            codeCell(
                "import matplotlib.pyplot as plt\ntop = actors.nlargest(15, \"\(measure)\")\nax = top.plot.barh(x=\"name\", y=\"\(measure)\", legend=False, figsize=(7, 5))\nax.invert_yaxis()\nplt.tight_layout()",
                outputs: [
                    [
                        "output_type": "display_data", "metadata": [String: Any](),
                        "data": ["image/svg+xml": lines(svg), "text/plain": ["<Figure>"]],
                    ]
                ])
        }
        codeCell(
            "import numpy as np\nfor column in [\"degree\", \"betweenness\"]:\n    x = np.sort(actors[column].to_numpy())\n    y = np.concatenate([[0], np.cumsum(x) / x.sum()])\n    plt.plot(np.linspace(0, 1, len(y)), y, label=column)\nplt.plot([0, 1], [0, 1], \"--\", color=\"grey\")\nplt.legend()",
            outputs: [
                [
                    "output_type": "display_data", "metadata": [String: Any](),
                    "data": ["image/svg+xml": lines(lorenz), "text/plain": ["<Figure>"]],
                ]
            ])
        let object: [String: Any] = [
            "nbformat": 4, "nbformat_minor": 5, "cells": cells,
            "metadata": [
                "kernelspec": ["display_name": "Python 3", "language": "python", "name": "python3"],
                "language_info": ["name": "python"],
            ],
        ]
        return JSONOutput.text(object) + "\n"
    }
}
