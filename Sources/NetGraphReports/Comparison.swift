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
        /// Every finding of the network (all severities), in the order the rules gave them.
        public var flags: [PowerFlag] = []
        /// The findings that matter most (`FindingSummary.headline`): at most three,
        /// warnings and critical findings only, most important first.
        public var headline: [PowerFlag] = []
        /// Names of the actors the headline findings are about, by actor id.
        var names: [String: String] = [:]
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
            let headline = FindingSummary(power.flags, actorCount: network.actors.count).headline
            var names: [String: String] = [:]
            for id in headline.flatMap(\.subject.ids) {
                if let actor = network.actor(id: id) { names[id] = actor.name }
            }
            return Row(
                name: network.metadata.name, path: path, values: values,
                topBroker: top.map { network.actors[$0.offset].name }, flags: power.flags,
                headline: headline, names: names)
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
        if Self.integerKeys.contains(key) { return String(Int(value.rounded())) }
        return String(format: "%.3f", value)
    }

    /// Keys whose values are whole numbers (counts, HHI points).
    static let integerKeys: Set<String> = [
        "nodes", "relations", "flags_critical", "flags_warning", "flags_info", "hhi_funding",
    ]

    /// A value for people: "—" when undefined, whole numbers without decimals, otherwise
    /// `digits` decimals with a decimal comma in Dutch.
    static func figure(_ key: String, _ value: Double?, digits: Int, nl: Bool) -> String {
        guard let value, value.isFinite else { return "—" }
        if integerKeys.contains(key) { return String(Int(value.rounded())) }
        return FindingLabels.decimal(value, digits, !nl)
    }

    // MARK: Which way is worse

    /// Which way a figure of the comparison is worse.
    public enum Direction: Sendable {
        /// A higher value is worse: more centralised, more unequal, more concentrated.
        case higherIsWorse
        /// A lower value is worse: client organisations less represented.
        case lowerIsWorse
        /// Neither: size and density describe a network, they do not judge it.
        case neutral
    }

    /// The figures shown at a glance (the terminal table, the dot charts): centralization,
    /// Gini of degree, funding HHI and the client organisations' representation.
    public static let keyMetrics = [
        "degree_centralization", "gini_degree", "hhi_funding", "client_representation",
    ]

    /// Which way the figure `key` (see ``metrics``) is worse.
    public static func direction(of key: String) -> Direction {
        switch key {
        case "degree_centralization", "betweenness_centralization", "gini_degree", "gini_betweenness",
            "hhi_funding", "top_broker_share", "flags_critical", "flags_warning":
            .higherIsWorse
        case "client_representation": .lowerIsWorse
        default: .neutral
        }
    }

    /// What rank 1 (the highest value) of `key` means in `language`, e.g. "geld het meest
    /// geconcentreerd" / "money most concentrated".
    public static func rankOne(_ key: String, language: String) -> String {
        let words: [String: (String, String)] = [
            "nodes": ("meeste actoren", "most actors"),
            "relations": ("meeste relaties", "most relations"),
            "density": ("dichtst", "densest"),
            "mean_degree": ("meeste relaties per actor", "most ties per actor"),
            "degree_centralization": ("meest gecentraliseerd", "most centralised"),
            "betweenness_centralization": (
                "meest gecentraliseerd in tussenposities", "most centralised in brokerage"
            ),
            "gini_degree": ("relaties het meest ongelijk verdeeld", "ties most unequal"),
            "gini_betweenness": ("tussenposities het meest ongelijk verdeeld", "brokerage most unequal"),
            "hhi_funding": ("geld het meest geconcentreerd", "money most concentrated"),
            "top_broker_share": ("grootste aandeel van één makelaar", "largest share of one broker"),
            "client_representation": ("cliënten best vertegenwoordigd", "clients best represented"),
            "flags_critical": ("meeste kritieke bevindingen", "most critical findings"),
            "flags_warning": ("meeste waarschuwingen", "most warnings"),
            "flags_info": ("meeste bevindingen ter informatie", "most findings for information"),
        ]
        guard let entry = words[key] else { return key }
        return language == "en" ? entry.1 : entry.0
    }

    /// How to read the ranks of `key` in `language`: "1 = geld het meest geconcentreerd · hoger
    /// is slechter"; without a judgement for size and density.
    public static func rankNote(_ key: String, language: String) -> String {
        let english = language == "en"
        let one = "1 = " + rankOne(key, language: language)
        switch direction(of: key) {
        case .higherIsWorse: return one + (english ? " · higher is worse" : " · hoger is slechter")
        case .lowerIsWorse: return one + (english ? " · lower is worse" : " · lager is slechter")
        case .neutral: return one
        }
    }

    /// The arrow over a dot chart of `key`: which side of the scale is worse.
    static func arrows(_ key: String, nl: Bool) -> String {
        direction(of: key) == .lowerIsWorse
            ? (nl ? "← slechter · beter →" : "← worse · better →")
            : (nl ? "← beter · slechter →" : "← better · worse →")
    }

    /// The heading of `key` in Dutch or English.
    static func heading(_ key: String, nl: Bool) -> String {
        metrics.first { $0.0 == key }.map { nl ? $0.1 : $0.2 } ?? key
    }

    /// A heading short enough for the terminal table.
    static func shortHeading(_ key: String, nl: Bool) -> String {
        switch key {
        case "degree_centralization": nl ? "centralisatie" : "centralisation"
        case "gini_degree": "Gini"
        case "hhi_funding": nl ? "HHI geld" : "HHI funding"
        case "client_representation": nl ? "cliënten" : "clients"
        default: heading(key, nl: nl)
        }
    }

    // MARK: Findings per network

    /// The themes an overview shows: those with a finding in at least one network, in theme
    /// order (every theme when no network has any finding).
    public var themes: [FindingLabels.Theme] {
        let found = Set(rows.flatMap { $0.flags.map { FindingLabels.theme(ofRule: $0.rule) } })
        return found.isEmpty
            ? FindingLabels.Theme.allCases : FindingLabels.Theme.allCases.filter { found.contains($0) }
    }

    /// The findings of `theme` in the network of row `row`, most severe first (the rules' order
    /// within a severity).
    public func findings(row: Int, theme: FindingLabels.Theme) -> [PowerFlag] {
        rows[row].flags.enumerated().filter { FindingLabels.theme(ofRule: $0.element.rule) == theme }
            .sorted { ($0.element.severity, -$0.offset) > ($1.element.severity, -$1.offset) }.map(\.element)
    }

    /// The severity of the most severe finding of `theme` in row `row`'s network (a cell of the
    /// overview); nil when the network has no finding of that theme.
    public func severity(row: Int, theme: FindingLabels.Theme) -> PowerFlag.Severity? {
        findings(row: row, theme: theme).first?.severity
    }

    /// The finding that stands out most in row `row`'s network (the first of
    /// `FindingSummary.headline`): its title, severity and the key part of its message.
    func whyParts(row: Int, language: String) -> (title: String, severity: PowerFlag.Severity, text: String)?
    {
        guard let flag = rows[row].headline.first else { return nil }
        let names = flag.subject.ids.compactMap { rows[row].names[$0] }
        return (
            FindingLabels.title(ofRule: flag.rule, language), flag.severity,
            Self.keyPart(flag.message(language), names: names, english: language == "en")
        )
    }

    /// Why row `row`'s network stands out, in one line of `language` ("en", otherwise Dutch):
    /// the title of its headline finding, its severity and the first sentence of its message
    /// with long lists of names shortened, e.g. "Geconcentreerd geld (kritiek): De uitgaven van
    /// Gemeente X zijn sterk geconcentreerd: …". Without warnings a sentence saying so.
    public func why(row: Int, language: String) -> String {
        guard let parts = whyParts(row: row, language: language) else {
            return language == "en"
                ? "No warnings or critical findings." : "Geen waarschuwingen of kritieke bevindingen."
        }
        return "\(parts.title) (\(FindingLabels.severity(parts.severity, language))): \(parts.text)"
    }

    /// The first sentence of `message`, with every list of more than two of `names` shortened
    /// to the first two and a count ("A, B en 7 andere"), at most `limit` characters.
    static func keyPart(_ message: String, names: [String], english: Bool, limit: Int = 240) -> String {
        // Each name becomes one private-use character, so that lists and the end of the first
        // sentence are found without reading into a name ("Zorgaanbieder 1 (groot, fictief)").
        var text = message
        var tokens: [Character: String] = [:]
        let distinct = Set(names.filter { !$0.isEmpty }).sorted { ($0.count, $0) > ($1.count, $1) }
        for (k, name) in distinct.prefix(6000).enumerated() where text.contains(name) {
            guard let scalar = Unicode.Scalar(0xE000 + UInt32(k)) else { continue }
            text = text.replacingOccurrences(of: name, with: String(Character(scalar)))
            tokens[Character(scalar)] = name
        }
        let chars = Array(text)
        func isToken(_ i: Int) -> Bool { i < chars.count && tokens[chars[i]] != nil }
        func starts(_ s: String, at i: Int) -> Bool {
            let pattern = Array(s)
            return i + pattern.count <= chars.count && Array(chars[i..<(i + pattern.count)]) == pattern
        }
        // A list item: a name and an optional short remark in brackets, "A (60%)".
        func itemEnd(_ i: Int) -> Int {
            let j = i + 1
            guard starts(" (", at: j), let close = chars[(j + 2)...].prefix(24).firstIndex(of: ")"),
                !chars[(j + 2)..<close].contains(where: { $0 == "(" || tokens[$0] != nil })
            else { return j }
            return close + 1
        }
        var out: [Character] = []
        var i = 0
        while i < chars.count {
            guard isToken(i) else {
                out.append(chars[i])
                i += 1
                continue
            }
            var items = [(start: i, end: itemEnd(i))]
            while let end = items.last?.end,
                let separator = [", ", " en ", " and "].first(where: { starts($0, at: end) }),
                isToken(end + separator.count)
            {
                let next = end + separator.count
                items.append((next, itemEnd(next)))
            }
            if items.count > 2 {
                out += chars[items[0].start..<items[0].end]
                out += Array(", ")
                out += chars[items[1].start..<items[1].end]
                let rest = items.count - 2
                out += Array(english ? " and \(rest) other\(rest == 1 ? "" : "s")" : " en \(rest) andere")
            } else {
                out += chars[i..<items[items.count - 1].end]
            }
            i = items[items.count - 1].end
        }
        // The first sentence: up to a full stop followed by a capital or a name.
        var cut = out.count
        for j in out.indices where out[j] == "." && j + 2 < out.count && out[j + 1] == " " {
            if out[j + 2].isUppercase || tokens[out[j + 2]] != nil {
                cut = j + 1
                break
            }
        }
        var sentence = ""
        for c in out[..<cut] {
            if let name = tokens[c] { sentence += name } else { sentence.append(c) }
        }
        guard sentence.count > limit else { return sentence }
        let head = String(sentence.prefix(limit - 1))
        return (head.lastIndex(of: " ").map { String(head[..<$0]) } ?? head) + "…"
    }

    /// The row names without the words every name ends with ("2024 (synthetisch)"), and those
    /// words; the names themselves when they share no ending or would no longer differ.
    func shortNames() -> (names: [String], suffix: String?) {
        let words = rows.map { $0.name.split(separator: " ").map(String.init) }
        guard words.count >= 2, let shortest = words.map(\.count).min(), shortest >= 2 else {
            return (rows.map(\.name), nil)
        }
        var k = 0
        while k < shortest - 1, Set(words.map { $0[$0.count - 1 - k] }).count == 1 { k += 1 }
        let names = words.map { $0.dropLast(k).joined(separator: " ") }
        guard k > 0, Set(names).count == Set(rows.map(\.name)).count else { return (rows.map(\.name), nil) }
        return (names, words[0].suffix(k).joined(separator: " "))
    }

    // MARK: Rendering

    /// Renders the comparison. `table`: at most 120 columns — per network its actors, the
    /// ``keyMetrics`` with their ranks and the most severe finding — or with `wide` every
    /// figure and a "why" line per network; `markdown`: every figure; CSV and JSON: every
    /// figure with a `<key>_rank` next to it; with `html` a standalone HTML page (`format` is
    /// then ignored) with the overview of findings, dot charts and every figure. Headings
    /// follow `language` ("en", otherwise Dutch).
    public func render(
        _ format: OutputFormat, language: String, html: Bool = false, wide: Bool = false
    ) -> String {
        let nl = language != "en"
        let headings = Self.metrics.map { nl ? $0.1 : $0.2 }
        if html { return renderHTML(language: language) }
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
        case .table where !wide:
            return compactTable(language: language)
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
            let judged = Self.metrics.filter { Self.direction(of: $0.0) != .neutral }.map {
                "\(nl ? $0.1 : $0.2): \(Self.rankNote($0.0, language: language))"
            }
            let note =
                (nl
                    ? "Tussen haakjes: rang (1 = hoogste waarde); per kolom: "
                    : "In brackets: rank (1 = highest value); per column: ")
                + judged.joined(separator: "; ") + ". "
                + (nl
                    ? "Dichtheid daalt met de omvang; vergelijk daarom ook de gemiddelde graad."
                    : "Density falls with size; compare mean degree as well.")
            if format == .markdown { return table.markdown() + "\n" + note + "\n" }
            var out = table.terminal() + "\n" + Self.wrap(note, width: 120) + "\n\n"
            out +=
                (nl
                    ? "Waarom (wat het meest opvalt per netwerk):"
                    : "Why (what stands out most per network):")
            for i in rows.indices {
                out += "\n- " + rows[i].name + ": " + why(row: i, language: language)
            }
            return out + "\n"
        }
    }

    /// The terminal table at a glance, at most `width` columns: network, actors, the
    /// ``keyMetrics`` with their ranks, and the most severe finding. The names and the finding
    /// share what the other columns leave; names lose the words they all end with (a note
    /// says which) and are shortened last to 16 characters.
    func compactTable(language: String, width: Int = 120) -> String {
        let nl = language != "en"
        let keys = Self.keyMetrics
        let short = shortNames()
        let columns =
            [nl ? "netwerk" : "network", nl ? "actoren" : "actors"]
            + keys.map { Self.shortHeading($0, nl: nl) } + [
                nl ? "ernstigste bevinding" : "most severe finding"
            ]
        var body = rows.enumerated().map { i, row -> [String] in
            let figures = keys.map { key -> String in
                guard let value = row.values[key] ?? nil, value.isFinite else { return "—" }
                return "\(Self.figure(key, value, digits: 2, nl: nl)) (\(ranks[key]![i]))"
            }
            let finding =
                row.headline.first.map {
                    FindingLabels.severity($0.severity, language) + ": "
                        + FindingLabels.title(ofRule: $0.rule, language)
                } ?? "—"
            return [short.names[i], Self.figure("nodes", row.values["nodes"] ?? nil, digits: 0, nl: nl)]
                + figures + [finding]
        }
        let last = columns.count - 1
        let widths = columns.indices.map { c in max(columns[c].count, body.map { $0[c].count }.max() ?? 0) }
        let available = width - widths[1..<last].reduce(0, +) - 2 * last
        let nameWidth = max(columns[0].count, min(widths[0], max(16, available - widths[last])))
        let findingWidth = max(columns[last].count, available - nameWidth)
        body = body.map { cells in
            var cells = cells
            cells[0] = Self.clip(cells[0], nameWidth)
            cells[last] = Self.clip(cells[last], findingWidth)
            return cells
        }
        let table = TextTable(columns: columns, rows: body, numericColumns: Set(1..<last))
        var notes = [
            (nl ? "Tussen haakjes de rang: " : "In brackets the rank: ")
                + keys.map { "\(Self.shortHeading($0, nl: nl)): \(Self.rankNote($0, language: language))" }
                .joined(separator: "; ") + ".",
            nl
                ? "Ernstigste bevinding: wat het meest opvalt (zie „Wat valt op” in netan flags); "
                    + "— = geen waarschuwing of kritieke bevinding."
                : "Most severe finding: what stands out most (see \"What stands out\" in netan flags); "
                    + "— = no warning or critical finding.",
        ]
        if let suffix = short.suffix {
            notes.append(
                nl
                    ? "Namen zonder „\(suffix)”: dat hebben ze alle."
                    : "Names without \"\(suffix)\", which they all share.")
        }
        notes.append(
            nl
                ? "Alle cijfers en per netwerk waarom: --wide; voor scripts: --format csv of json."
                : "Every figure and why per network: --wide; for scripts: --format csv or json.")
        return table.terminal() + "\n" + notes.map { Self.wrap($0, width: width) }.joined(separator: "\n")
            + "\n"
    }

    /// `text` cut to `width` characters, with "…" when cut.
    static func clip(_ text: String, _ width: Int) -> String {
        text.count <= width ? text : String(text.prefix(max(0, width - 1))) + "…"
    }

    /// `text` wrapped at spaces into lines of at most `width` characters (a longer word stays
    /// whole).
    static func wrap(_ text: String, width: Int) -> String {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty && line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines.joined(separator: "\n")
    }
}
