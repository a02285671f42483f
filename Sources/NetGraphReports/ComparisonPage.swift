import Foundation
import NetGraph

/// The comparison for people in a browser: which network has which problem (a heatmap of the
/// most severe finding per theme with one "why" line per network), a dot chart per key figure
/// with the worse direction marked, and every figure with what its ranks mean. Used by
/// `netan compare --format html` and by the `index.html` of `netan report --compare`.
///
/// The page is well-formed XML, loads nothing from elsewhere (no URL, font or script) and fits
/// 1366 px: the body is at most 1280 px wide, the charts wrap, the tables of figures are split
/// in two and scroll inside their own box should a name be very long.
extension NetworkComparison {
    /// Colours of the heatmap: light grey for no finding, pale blue for info, orange for a
    /// warning, dark red for critical (told apart by lightness too, and each cell says the word).
    static let pageStyle =
        "body{font-family:'DejaVu Sans',Arial,sans-serif;max-width:1280px;margin:1em auto;padding:0 16px;"
        + "color:#222;line-height:1.4}h1{font-size:1.5em}"
        + "h2{font-size:1.2em;margin-top:1.4em;border-bottom:1px solid #ddd}"
        + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:3px 6px;vertical-align:top}"
        + ".meta{color:#555;font-size:0.9em}"
        + ".heat{width:100%;font-size:14px}.heat th{background:#f3f3f3}"
        + ".heat th.name{text-align:left;font-weight:normal;background:none;max-width:16em}"
        + ".sev{text-align:center;white-space:nowrap;min-width:6.5em}.sev .n{font-size:0.8em}"
        + ".none{background:#eeeeee;color:#555}.info{background:#d6e6f5;color:#111}"
        + ".warning{background:#e69f00;color:#000}.critical{background:#8b0000;color:#fff;font-weight:bold}"
        + ".heat td.why{font-size:13px;min-width:18em}.heat th.name{width:15em}"
        + ".many td.why div{display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical;"
        + "overflow:hidden}"
        + ".legend .sev{display:inline-block;padding:1px 6px;margin-right:4px}"
        + ".charts{display:flex;flex-wrap:wrap;gap:12px}.charts svg{max-width:100%;height:auto}"
        + ".scroll{overflow-x:auto;max-width:100%;margin-bottom:1em}"
        + ".full{font-size:13px}.full td{text-align:right;white-space:nowrap}"
        + ".full td.name,.full th{text-align:left}.full td.name{white-space:normal;min-width:10em}"
        + ".full th{vertical-align:bottom;background:#f3f3f3}"
        + ".dir{display:block;font-weight:normal;color:#555;font-size:11px}.rank{color:#777;font-size:11px}"

    /// The figures of the two tables of every figure: structure, then money, brokers, clients
    /// and findings (the top broker's name after its share).
    static let tableGroups: [(nl: String, en: String, keys: [String])] = [
        (
            "Omvang en structuur", "Size and structure",
            [
                "nodes", "relations", "density", "mean_degree", "degree_centralization",
                "betweenness_centralization", "gini_degree", "gini_betweenness",
            ]
        ),
        (
            "Geld, makelaars, cliënten en bevindingen", "Money, brokers, clients and findings",
            [
                "hhi_funding", "top_broker_share", "client_representation", "flags_critical", "flags_warning",
                "flags_info",
            ]
        ),
    ]

    /// The whole page: overview, dot charts, every figure.
    func renderHTML(language: String) -> String {
        let nl = language != "en"
        func esc(_ s: String) -> String { XMLEscaping.text(s) }
        var html =
            "<!DOCTYPE html>\n<html lang=\"\(nl ? "nl" : "en")\"><head><meta charset=\"utf-8\"/>"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>"
            + "<title>\(nl ? "Vergelijking" : "Comparison")</title>"
            + "<style>\(Self.pageStyle)</style></head><body>"
        html += "<h1>\(nl ? "Vergelijking van netwerken" : "Comparison of networks")</h1>"
        html +=
            "<p class=\"meta\">\(rows.count) "
            + (rows.count == 1 ? (nl ? "netwerk" : "network") : (nl ? "netwerken" : "networks")) + ".</p>"
        html += "<h2>\(nl ? "Welk netwerk heeft welk knelpunt?" : "Which network has which problem?")</h2>"
        html += overviewHTML(language: language)
        html += "<h2>\(nl ? "Kerncijfers" : "Key figures")</h2>"
        html +=
            "<p class=\"meta\">"
            + (nl
                ? "Eén stip per netwerk. De pijl boven elke figuur wijst naar de slechtere kant; "
                    + "het slechtste netwerk is donkerrood en staat erboven. "
                    + "Wijs een stip aan voor de waarde en de rang."
                : "One dot per network. The arrow above each chart points to the worse side; "
                    + "the worst network is dark red and named above it. "
                    + "Point at a dot for its value and rank.")
            + "</p>"
        html += keyFigureCharts(language: language)
        html += "<h2>\(nl ? "Alle cijfers" : "Every figure")</h2>"
        html +=
            "<p class=\"meta\">"
            + (nl
                ? "Tussen haakjes de rang (1 = hoogste waarde); onder elke kop wat rang 1 betekent en "
                    + "welke kant slechter is. Dichtheid daalt met de omvang; vergelijk daarom ook de "
                    + "gemiddelde graad."
                : "In brackets the rank (1 = highest value); under each heading what rank 1 means and which "
                    + "side is worse. Density falls with size; compare mean degree as well.") + "</p>"
        for group in Self.tableGroups {
            html +=
                "<h3>\(esc(nl ? group.nl : group.en))</h3>"
                + "<div class=\"scroll\"><table class=\"full\"><thead><tr>"
            html += "<th>\(nl ? "netwerk" : "network")</th>"
            for key in group.keys {
                html +=
                    "<th>\(esc(Self.heading(key, nl: nl)))<span class=\"dir\">"
                    + "\(esc(Self.rankNote(key, language: language)))</span></th>"
                if key == "top_broker_share" { html += "<th>\(nl ? "topmakelaar" : "top broker")</th>" }
            }
            html += "</tr></thead><tbody>"
            for (i, row) in rows.enumerated() {
                html += "<tr><td class=\"name\">\(esc(row.name))</td>"
                for key in group.keys {
                    let value = Self.format(key, row.values[key] ?? nil)
                    html +=
                        "<td>\(esc(nl ? value.replacingOccurrences(of: ".", with: ",") : value))"
                        + "<span class=\"rank\"> (\(ranks[key]![i]))</span></td>"
                    if key == "top_broker_share" {
                        html += "<td class=\"name\">\(esc(row.topBroker ?? ""))</td>"
                    }
                }
                html += "</tr>"
            }
            html += "</tbody></table></div>"
        }
        return html + "</body></html>\n"
    }

    /// The overview of findings as an HTML fragment for a page carrying `pageStyle`: a table
    /// with one row per network and, per theme (see ``themes``), the most severe finding as
    /// colour and word, the titles of the theme's findings on hover; in the last column why the
    /// network stands out (``why(row:language:)``; cut to two lines above 12 networks, whole on
    /// hover); a legend under it.
    public func overviewHTML(language: String) -> String {
        let nl = language != "en"
        func esc(_ s: String) -> String { XMLEscaping.text(s) }
        let shown = themes
        var html =
            "<table class=\"heat\(rows.count > 12 ? " many" : "")\"><thead><tr>"
            + "<th class=\"name\">\(nl ? "netwerk" : "network")</th>"
            + shown.map { "<th>\(esc($0.title(language)))</th>" }.joined()
            + "<th>\(nl ? "waarom: wat het meest opvalt" : "why: what stands out most")</th>"
            + "</tr></thead><tbody>"
        for (i, row) in rows.enumerated() {
            html += "<tr><th class=\"name\" scope=\"row\">\(esc(row.name))</th>"
            for theme in shown {
                let found = findings(row: i, theme: theme)
                let severity = found.first?.severity
                let count = found.filter { $0.severity == severity }.count
                html +=
                    "<td class=\"sev \(severity?.rawValue ?? "none")\" data-theme=\"\(theme.rawValue)\" "
                    + "title=\"\(esc(cellTitle(row: i, theme: theme, language: language)))\">"
                    + esc(Self.severityWord(severity, language))
                    + (count > 1 ? " <span class=\"n\">×\(count)</span>" : "") + "</td>"
            }
            // The whole line on hover too: with many networks it shows in two lines at most.
            html += "<td class=\"why\"><div title=\"\(esc(why(row: i, language: language)))\">"
            if let parts = whyParts(row: i, language: language) {
                html +=
                    "<strong>\(esc(parts.title))</strong> "
                    + "(\(esc(FindingLabels.severity(parts.severity, language)))): \(esc(parts.text))"
            } else {
                html += esc(why(row: i, language: language))
            }
            html += "</div></td>"
            html += "</tr>"
        }
        html += "</tbody></table><p class=\"legend meta\">"
        html += [PowerFlag.Severity.critical, .warning, .info].map {
            "<span class=\"sev \($0.rawValue)\">\(esc(Self.severityWord($0, language)))</span>"
        }.joined()
        html += "<span class=\"sev none\">\(esc(Self.severityWord(nil, language)))</span> "
        html +=
            nl
            ? "De ernstigste bevinding per thema (×: hoeveel van die ernst); wijs een vakje aan voor de "
                + "bevindingen. Waarom: de bevinding die het meest opvalt, zoals „Wat valt op” in netan "
                + "flags."
            : "The most severe finding per theme (×: how many of that severity); point at a cell for the "
                + "findings. Why: the finding that stands out most, as \"What stands out\" in netan flags."
        let omitted = FindingLabels.Theme.allCases.filter { !shown.contains($0) }
        if !omitted.isEmpty {
            html +=
                " " + (nl ? "Zonder bevindingen in alle netwerken: " : "No findings in any network: ")
                + esc(omitted.map { $0.title(language) }.joined(separator: ", ")) + "."
        }
        return html + "</p>"
    }

    /// The overview of findings in Markdown: the severity word per network and theme, then one
    /// "why" line per network.
    public func overviewMarkdown(language: String) -> String {
        let nl = language != "en"
        let shown = themes
        let table = TextTable(
            columns: [nl ? "netwerk" : "network"] + shown.map { $0.title(language) },
            rows: rows.indices.map { i in
                [rows[i].name] + shown.map { Self.severityWord(severity(row: i, theme: $0), language) }
            })
        var md = table.markdown() + "\n"
        md += (nl ? "Waarom (wat het meest opvalt):" : "Why (what stands out most):") + "\n\n"
        for i in rows.indices {
            md +=
                "- **\(TextTable.markdownEscape(rows[i].name))**: "
                + TextTable.markdownEscape(why(row: i, language: language)) + "\n"
        }
        return md
    }

    /// The word of a heatmap cell: the severity, or "geen"/"none".
    static func severityWord(_ severity: PowerFlag.Severity?, _ language: String) -> String {
        severity.map { FindingLabels.severity($0, language) } ?? (language == "en" ? "none" : "geen")
    }

    /// The hover text of a heatmap cell: network and theme, then one line per finding title and
    /// severity (most severe first, "(3×)" for several).
    func cellTitle(row: Int, theme: FindingLabels.Theme, language: String) -> String {
        let head = rows[row].name + " · " + theme.title(language)
        let found = findings(row: row, theme: theme)
        guard !found.isEmpty else {
            return head + ": " + (language == "en" ? "no findings" : "geen bevindingen")
        }
        var order: [String] = []
        var counts: [String: Int] = [:]
        for flag in found {
            let line =
                FindingLabels.severity(flag.severity, language) + ": "
                + FindingLabels.title(ofRule: flag.rule, language)
            if counts[line] == nil { order.append(line) }
            counts[line, default: 0] += 1
        }
        return head + "\n"
            + order.map { counts[$0]! > 1 ? "\($0) (\(counts[$0]!)×)" : $0 }.joined(separator: "\n")
    }

    /// One dot chart per key figure (``keyMetrics``), wrapping two to a row at 1366 px.
    func keyFigureCharts(language: String) -> String {
        let nl = language != "en"
        let short = shortNames().names
        var html = "<div class=\"charts\">"
        for key in Self.keyMetrics {
            let values = rows.map { row -> Double? in
                guard let value = row.values[key] ?? nil, value.isFinite else { return nil }
                return value
            }
            let defined = values.compactMap { $0 }
            let direction = Self.direction(of: key)
            let target = direction == .lowerIsWorse ? defined.min() : defined.max()
            let worst: [Int] =
                direction == .neutral || target == nil ? [] : values.indices.filter { values[$0] == target }
            var worstLine = ""
            if let target, !worst.isEmpty {
                worstLine =
                    (nl ? "slechtst: " : "worst: ")
                    + worst.prefix(3).map { short[$0] }.joined(separator: ", ")
                    + (worst.count > 3 ? " …" : "") + " (" + Self.figure(key, target, digits: 2, nl: nl) + ")"
            }
            let items = rows.indices.map { i in
                (
                    label: short[i],
                    tooltip: "\(rows[i].name): \(Self.figure(key, values[i], digits: 3, nl: nl)) "
                        + "(\(nl ? "rang" : "rank") \(ranks[key]![i]))",
                    value: values[i]
                )
            }
            html += SVGCharts.dots(
                title: Self.heading(key, nl: nl), arrows: Self.arrows(key, nl: nl), worstLine: worstLine,
                items: items, worst: Set(worst)
            ) { Self.figure(key, $0, digits: 2, nl: nl) }
        }
        return html + "</div>"
    }
}
