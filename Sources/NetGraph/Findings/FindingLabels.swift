import Foundation

/// Words for showing findings to people: rule titles, themes and evidence labels in Dutch and
/// English, and numbers formatted the way each language writes them. Rule ids and evidence
/// keys stay in JSON and CSV (for scripts); text and Markdown show these labels instead.
public enum FindingLabels {
    /// What a finding is about, for grouping a report.
    public enum Theme: String, Sendable, CaseIterable, Comparable {
        /// Money: concentration and dependence.
        case money
        /// Access: who reaches the table, through whom.
        case access
        /// Weight: large parties and centralisation.
        case weight
        /// Fragmentation: a network that falls apart.
        case fragmentation
        /// Perception: how the room sees power against the structure.
        case perception

        /// The theme's heading in `language` ("en", otherwise Dutch).
        public func title(_ language: String) -> String {
            let english = language == "en"
            switch self {
            case .money: return english ? "Money" : "Geld"
            case .access: return english ? "Access" : "Toegang"
            case .weight: return english ? "Weight of large parties" : "Overwicht"
            case .fragmentation: return english ? "Fragmentation" : "Versnippering"
            case .perception: return english ? "Perception" : "Beeld"
            }
        }

        /// Themes in report order.
        public static func < (a: Theme, b: Theme) -> Bool {
            allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
        }
    }

    /// The theme of a rule.
    public static func theme(ofRule rule: String) -> Theme {
        switch rule {
        case "funding-concentration", "one-sided-dependence": .money
        case "dominant-broker", "single-gatekeeper", "sidelined-group", "isolated-actor", "missing-answers":
            .access
        case "large-party-dominance", "centralized-network": .weight
        case "fragmentation": .fragmentation
        default: .perception
        }
    }

    /// A rule's title in `language` ("en", otherwise Dutch); the id itself for an unknown rule.
    public static func title(ofRule rule: String, _ language: String) -> String {
        let titles: [String: (String, String)] = [
            "dominant-broker": ("Dominante makelaar", "Dominant broker"),
            "centralized-network": ("Gecentraliseerd netwerk", "Centralised network"),
            "large-party-dominance": ("Overwicht van grote aanbieders", "Large providers dominate"),
            "sidelined-group": ("Buitenspel", "Sidelined"),
            "isolated-actor": ("Zonder relaties", "Without ties"),
            "missing-answers": ("Antwoorden ontbreken", "Answers missing"),
            "single-gatekeeper": ("Enige poortwachter", "Single gatekeeper"),
            "funding-concentration": ("Geconcentreerd geld", "Concentrated money"),
            "one-sided-dependence": ("Eenzijdige afhankelijkheid", "One-sided dependence"),
            "fragmentation": ("Versnippering", "Fragmentation"),
            "perception-gap": ("Beeld en positie verschillen", "Perception and position differ"),
        ]
        guard let title = titles[rule] else { return rule }
        return language == "en" ? title.1 : title.0
    }

    /// The severity as a word in `language`: kritiek/waarschuwing/info, critical/warning/info.
    public static func severity(_ severity: PowerFlag.Severity, _ language: String) -> String {
        language == "en" ? severity.rawValue : severity.dutch
    }

    /// How an evidence value reads.
    enum Kind {
        /// A share 0–1, shown as a whole percentage.
        case share
        /// A whole number.
        case count
        /// An index 0–1 (or a correlation), two decimals.
        case index
        /// A ratio, one decimal and "×".
        case ratio
        /// HHI points, a whole number with thousands separators.
        case points
        /// 0 or 1, shown as no/yes.
        case yesNo
        /// A difference −1…1, two decimals with its sign.
        case signed
    }

    /// Label (nl, en) and kind of every evidence key the rules write.
    static let evidence: [String: (nl: String, en: String, kind: Kind)] = [
        "betweenness_share": ("aandeel kortste verbindingen", "share of shortest paths", .share),
        "path_share": ("aandeel van de verbindingen", "share of the connections", .share),
        "brokered_paths": ("verbindingen via een derde", "brokered connections", .count),
        "degree_centralization": ("centralisatie", "centralisation", .index),
        "centralization": ("centralisatie", "centralisation", .index),
        "betweenness_centralization": (
            "centralisatie van tussenposities", "betweenness centralisation", .index
        ),
        "share_of_degree": ("aandeel relaties", "share of ties", .share),
        "share_of_betweenness": ("aandeel makelaarsposities", "share of brokerage", .share),
        "share_of_pagerank": ("aandeel PageRank", "share of PageRank", .share),
        "share_of_actors": ("aandeel partijen", "share of parties", .share),
        "share_of_providers": ("aandeel van de aanbieders", "share of the providers", .share),
        "ratio": ("verhouding", "ratio", .ratio),
        "representation_ratio": ("verhouding relaties/partijen", "ratio ties/parties", .ratio),
        "group_ratio": ("verhouding relaties/partijen", "ratio ties/parties", .ratio),
        "spearman_size_degree": ("rangcorrelatie omvang–relaties", "rank correlation size–ties", .index),
        "providers_with_size": ("aanbieders met omvang", "providers with a size", .count),
        "named": ("genoemd", "named", .count),
        "outer_shell": ("aan de rand", "at the edge", .count),
        "single_gatekeeper": ("enige poortwachter", "single gatekeeper", .yesNo),
        "partners": ("partners", "partners", .count),
        "articulation_point": ("snijpunt", "cut vertex", .yesNo),
        "group_size": ("groepsgrootte", "group size", .count),
        "hhi_normalized": ("genormaliseerde HHI", "normalised HHI", .index),
        "hhi_points": ("HHI-punten", "HHI points", .points),
        "largest_share": ("grootste aandeel", "largest share", .share),
        "recipients": ("ontvangers", "recipients", .count),
        "excluded_recipients": ("niet meegeteld", "left out", .count),
        "dependence": ("afhankelijkheid", "dependence", .share),
        "reverse_dependence": ("omgekeerde afhankelijkheid", "reverse dependence", .share),
        "power_imbalance": ("machtsverschil", "power imbalance", .share),
        "max_dependence": ("grootste afhankelijkheid", "largest dependence", .share),
        "mean_dependence": ("gemiddelde afhankelijkheid", "mean dependence", .share),
        "dependents": ("afhankelijke partijen", "dependent parties", .count),
        "fragmentation": ("onbereikbare paren", "unreachable pairs", .share),
        "fragmentation_with_isolates": (
            "onbereikbare paren, met losse partijen", "unreachable pairs, with isolates", .share
        ),
        "fragmentation_without": (
            "onbereikbaar zonder deze partij", "unreachable without this party", .share
        ),
        "increase": ("toename", "increase", .share),
        "share_isolated_providers": (
            "aanbieders met hooguit één relatie", "providers with at most one tie", .share
        ),
        "providers": ("aanbieders", "providers", .count),
        "gap": ("verschil beeld–positie", "gap perception–position", .signed),
        "influence": ("ervaren invloed", "perceived influence", .index),
    ]

    /// "label value" of one evidence item in `language`, e.g. "grootste aandeel 58%".
    public static func evidence(_ name: String, _ value: Double, _ language: String) -> String {
        guard let entry = evidence[name] else {
            return name.replacingOccurrences(of: "_", with: " ") + " " + format(value, .index, language)
        }
        return (language == "en" ? entry.en : entry.nl) + " " + format(value, entry.kind, language)
    }

    /// Whether every evidence key has a label (for tests).
    public static func hasLabel(forEvidence name: String) -> Bool { evidence[name] != nil }

    static func format(_ value: Double, _ kind: Kind, _ language: String) -> String {
        guard value.isFinite else { return "—" }
        let english = language == "en"
        switch kind {
        case .share: return String(format: "%.0f%%", value * 100)
        case .count: return String(Int(value.rounded()))
        case .yesNo: return value != 0 ? (english ? "yes" : "ja") : (english ? "no" : "nee")
        case .points: return grouped(Int(value.rounded()), separator: english ? "," : ".")
        case .index: return decimal(value, 2, english)
        case .ratio: return decimal(value, 1, english) + "×"
        case .signed: return (value > 0 ? "+" : "") + decimal(value, 2, english)
        }
    }

    /// `value` with `digits` decimals: a point in English, a comma in Dutch.
    public static func decimal(_ value: Double, _ digits: Int, _ english: Bool) -> String {
        let text = String(format: "%.\(digits)f", value == 0 ? 0 : value)
        return english ? text : text.replacingOccurrences(of: ".", with: ",")
    }

    /// A whole number with thousands grouped: 19,751 in English, 19.751 in Dutch.
    public static func integer(_ value: Int, _ english: Bool) -> String {
        grouped(value, separator: english ? "," : ".")
    }

    static func grouped(_ value: Int, separator: String) -> String {
        let digits = String(abs(value))
        var out = ""
        for (i, d) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += separator }
            out.append(d)
        }
        return (value < 0 ? "-" : "") + out
    }
}
