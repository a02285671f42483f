import Foundation
import NetGraph
import NetGraphIO
import NetGraphRender

/// Formats the power analysis: flags, group figures and per-actor power measures.
///
/// JSON: `{"network": {…}, "flags": [{"rule", "severity", "subject": {"kind", "ids"},
/// "evidence", "threshold", "message": {"nl", "en"}, "reference", "p_value"}],
/// "groups": [{"type", "actors", "share_of_actors", …}], "actors": [{"id", "brokerage": {…},
/// "constraint", "effective_size", "dependence", …}]}`.
public struct FlagReport: Sendable {
    /// The power analysis reported: the network, its flags, groups and actor measures.
    public let power: PowerAnalysis
    /// Language of headings and messages: "en" for English, anything else gives Dutch (JSON
    /// holds both message languages).
    public var language: String

    /// A report of `power` in `language`.
    public init(power: PowerAnalysis, language: String) {
        self.power = power
        self.language = language
    }

    var nl: Bool { language != "en" }

    /// Renders the report. Table and Markdown: a count of flags by severity, each flag with its
    /// message, evidence and (Markdown) reference, then the table of groups by actor type. CSV:
    /// one row per flag with evidence and p-value. JSON: see the type's description.
    public func render(_ format: OutputFormat) -> String {
        switch format {
        case .json:
            return JSONOutput.text(jsonValue()) + "\n"
        case .csv:
            return flagTable(full: true).csv()
        case .table:
            return text(markdown: false)
        case .markdown:
            return text(markdown: true)
        }
    }

    func flagTable(full: Bool) -> TextTable {
        let rows = power.flags.map { flag -> [String] in
            var row = [
                flag.severity.rawValue, flag.rule, flag.subject.kind.rawValue,
                flag.subject.ids.joined(separator: " "), flag.message(language),
            ]
            if full {
                row.append(
                    flag.evidence.map { "\($0.name)=\(FlagReport.number($0.value))" }.joined(separator: "; "))
                row.append(flag.pValue.map { FlagReport.number($0) } ?? "")
            }
            return row
        }
        var columns = ["severity", "rule", "subject_kind", "subject", "message"]
        if full { columns += ["evidence", "p_value"] }
        return TextTable(columns: columns, rows: rows)
    }

    static func number(_ v: Double) -> String { v.isNaN ? "" : String(format: "%.4g", v) }

    func groupTable() -> TextTable {
        let english = !nl
        func share(_ v: Double) -> String { v.isFinite ? String(format: "%.0f%%", v * 100) : "" }
        func ratio(_ v: Double?) -> String {
            v.map { $0.isFinite ? FindingLabels.decimal($0, 2, english) : "" } ?? ""
        }
        let vocabulary = power.network.vocabulary
        let rows = power.groups.map { g -> [String] in
            [
                vocabulary.actorType(named: g.type)?.label(language) ?? g.type, String(g.actors.count),
                share(g.shareOfActors), share(g.shareOfDegree), ratio(g.representationDegree),
                ratio(g.representationBetweenness), String(Int(g.brokerageTotal.rounded())),
                share(g.outerShellShare),
            ]
        }
        let columns =
            nl
            ? [
                "type", "actoren", "aandeel actoren", "aandeel relaties", "verhouding relaties",
                "verhouding tussenpositie", "makelaarsrollen", "buitenste schil",
            ]
            : [
                "type", "actors", "share of actors", "share of ties", "ratio degree", "ratio betweenness",
                "brokerage", "outer shell",
            ]
        return TextTable(columns: columns, rows: rows, numericColumns: Set(1..<8))
    }

    func text(markdown: Bool) -> String {
        let network = power.network
        var out = markdown ? "# " : ""
        let title = network.metadata.title
        out += (nl ? "Machtsbalans: " : "Balance of power: ") + title + "\n\n"
        let summary = FindingSummary(power.flags, actorCount: network.actors.count)
        if !summary.headline.isEmpty {
            out +=
                (markdown ? "## " : "") + (nl ? "Wat valt op" : "What stands out") + "\n"
                + (markdown ? "\n" : "")
            for (k, flag) in summary.headline.enumerated() {
                out += "\(k + 1). \(flag.message(language))\n"
            }
            out += "\n"
        }
        let counts = Dictionary(grouping: power.flags, by: \.severity).mapValues(\.count)
        func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }
        out +=
            nl
            ? "\(count(power.flags.count, "bevinding", "bevindingen")): \(counts[.critical] ?? 0) kritiek, "
                + "\(count(counts[.warning] ?? 0, "waarschuwing", "waarschuwingen")), "
                + "\(counts[.info] ?? 0) ter informatie.\n"
            : "\(count(power.flags.count, "finding", "findings")): \(counts[.critical] ?? 0) critical, "
                + "\(count(counts[.warning] ?? 0, "warning", "warnings")), \(counts[.info] ?? 0) for information.\n"
        let betweennessSample = power.centrality.view.betweennessSample
        if let sample = betweennessSample ?? power.distanceFragmentationSources {
            let seed = power.centrality.view.seed
            let both = betweennessSample != nil && power.distanceFragmentationSources != nil
            let what =
                nl
                ? (both
                    ? "de tussenposities en de afstandsversnippering"
                    : betweennessSample != nil ? "de tussenposities" : "de afstandsversnippering")
                : (both
                    ? "brokerage (betweenness) and distance fragmentation are"
                    : betweennessSample != nil ? "brokerage (betweenness) is" : "distance fragmentation is")
            out +=
                nl
                ? "Let op: in dit grote netwerk zijn \(what) geschat uit \(FindingLabels.integer(sample, false)) willekeurige "
                    + "startpunten (Brandes & Pich 2007, seed \(seed)); aandelen kunnen ongeveer een procentpunt "
                    + "afwijken.\n"
                : "Note: in this large network \(what) estimated from \(FindingLabels.integer(sample, true)) random "
                    + "sources (Brandes & Pich 2007, seed \(seed)); shares may differ by about a percentage point.\n"
        }
        for section in summary.sections {
            out += "\n" + (markdown ? "## " : "") + section.theme.title(language) + "\n"
            if markdown { out += "\n" }
            for entry in section.entries {
                out += line(entry, markdown: markdown)
            }
        }
        if power.flags.isEmpty {
            out +=
                nl
                ? "\nGeen bevindingen: geen partij domineert volgens de ingestelde drempels.\n"
                : "\nNo findings: no party dominates by the thresholds set.\n"
        }
        out +=
            "\n" + (markdown ? "## " : "") + (nl ? "Groepen (actortypen)" : "Groups (actor types)") + "\n"
            + (markdown ? "\n" + groupTable().markdown() : groupTable().terminal())
        while out.contains("\n\n\n") { out = out.replacingOccurrences(of: "\n\n\n", with: "\n\n") }
        return out
    }

    /// One finding (or a folded run of similar ones) as text or Markdown.
    func line(_ entry: FindingSummary.Entry, markdown: Bool) -> String {
        let flag = entry.flag
        let severity = FindingLabels.severity(flag.severity, language)
        let title = FindingLabels.title(ofRule: flag.rule, language)
        if !entry.folded.isEmpty {
            let run = [flag] + entry.folded
            let names = run.compactMap { $0.subject.ids.first }.map {
                power.network.actor(id: $0)?.name ?? $0
            }
            let text =
                nl
                ? "en nog \(run.count) vergelijkbare bevindingen (\(title.lowercased())): \(names.joined(separator: ", "))"
                : "and \(run.count) more similar findings (\(title.lowercased())): \(names.joined(separator: ", "))"
            return markdown ? "- *\(text)*\n" : "  … \(text)\n\n"
        }
        let evidence = flag.evidence.map { FindingLabels.evidence($0.name, $0.value, language) }.joined(
            separator: "; ")
        let p = flag.pValue.map { "; p = " + FindingLabels.decimal($0, 3, !nl) } ?? ""
        if markdown {
            return "- **\(severity.capitalized)** · \(title) — \(flag.message(language))  \n"
                + "  *\(nl ? "Onderbouwing" : "Evidence"):* \(evidence)\(p). "
                + "*\(nl ? "Bron" : "Source"):* \(flag.reference)\n"
        }
        return "[\(severity.uppercased())] \(title)\n  \(flag.message(language))\n"
            + "  \(nl ? "onderbouwing" : "evidence"): \(evidence)\(p)\n\n"
    }

    /// The flags, groups, per-actor power measures and network figures as Foundation objects
    /// (``jsonValue()`` converted), for reports that merge them into their own JSON.
    func jsonObject() -> [String: Any] { jsonValue().anyObject as! [String: Any] }

    /// The flags, groups, per-actor power measures and network figures as typed JSON.
    func jsonValue() -> JSONValue {
        let network = power.network
        let flags: [JSONValue] = power.flags.map { flag in
            var subject: [(key: String, value: JSONValue)] = [
                ("kind", .string(flag.subject.kind.rawValue)), ("ids", .strings(flag.subject.ids)),
            ]
            if flag.subject.kind == .type {
                subject.append(("actors", .strings(Array(flag.subject.ids.dropFirst()))))
            }
            return .object([
                ("rule", .string(flag.rule)), ("severity", .string(flag.severity.rawValue)),
                ("subject", .object(subject)),
                ("evidence", .object(flag.evidence.map { ($0.name, .number($0.value)) })),
                ("threshold", .object(flag.threshold.map { ($0.name, .number($0.value)) })),
                (
                    "message",
                    .object([("nl", .string(flag.messageDutch)), ("en", .string(flag.messageEnglish))])
                ),
                ("reference", .string(flag.reference)), ("p_value", .number(flag.pValue)),
                (
                    "significant",
                    flag.pValue.map { .bool($0 < power.options.thresholds.centralizedNetworkAlpha) } ?? .null
                ),
            ])
        }
        let groups: [JSONValue] = power.groups.map { g in
            .object([
                ("type", .string(g.type)), ("role", .string(g.role.rawValue)),
                ("actors", .int(g.actors.count)),
                ("actor_ids", .strings(g.actors.map { network.actors[$0].id })),
                ("share_of_actors", .number(g.shareOfActors)), ("share_of_degree", .number(g.shareOfDegree)),
                ("share_of_betweenness", .number(g.shareOfBetweenness)),
                ("share_of_pagerank", .number(g.shareOfPageRank)),
                ("representation_degree", .number(g.representationDegree)),
                ("representation_betweenness", .number(g.representationBetweenness)),
                ("representation_pagerank", .number(g.representationPageRank)),
                ("mean_degree", .number(g.meanDegree)), ("median_degree", .number(g.medianDegree)),
                ("brokerage_total", .number(g.brokerageTotal)),
                ("inflow_hhi", .number(g.inflowHHI?.hhi)), ("outer_shell_share", .number(g.outerShellShare)),
            ])
        }
        let actors: [JSONValue] = power.actors.enumerated().map { i, a in
            let roles = Brokerage.Role.allCases
            var brokerage: [(key: String, value: JSONValue)] = roles.map {
                ($0.rawValue, .number(a.brokerage[$0]?.raw ?? 0))
            }
            brokerage.append(("z", .object(roles.map { ($0.rawValue, .number(a.brokerage[$0]?.z)) })))
            let actor = network.actors[i]
            return .object([
                ("id", .string(actor.id)), ("name", .string(actor.name)), ("type", .string(actor.type)),
                ("brokerage", .object(brokerage)), ("constraint", .number(a.constraint)),
                ("effective_size", .number(a.effectiveSize)),
                ("dependence", .number(a.dependence?.share)),
                ("betweenness_share", .number(a.betweennessShare)),
                ("inflow_hhi", .number(a.inflowHHI?.hhi)), ("outflow_hhi", .number(a.outflowHHI?.hhi)),
                ("fragmentation_without", .number(a.fragmentationWithout)),
                ("perception_gap", .number(a.perceptionGap)),
                ("coreness", .number(a.coreness)), ("in_core", .bool(a.inCore)),
                ("dependence_partner", .string(a.dependence.map { network.actors[$0.partner].id })),
            ])
        }
        let networkObject: JSONValue = .object([
            ("name", .string(network.metadata.name)), ("fragmentation", .number(power.fragmentation)),
            ("distance_fragmentation", .number(power.distanceFragmentation)),
            ("distance_fragmentation_sources", power.distanceFragmentationSources.map { .int($0) } ?? .null),
            ("distance_fragmentation_standard_error", .number(power.distanceFragmentationError)),
            ("size_degree_correlation", .number(power.sizeDegreeCorrelation)),
            ("perception_correlation", .number(power.perceptionCorrelation)),
            ("flow_relation_types", .strings(Array(power.flowRelationTypes).sorted())),
        ])
        return .object([
            ("network", networkObject), ("flags", .array(flags)), ("groups", .array(groups)),
            ("actors", .array(actors)),
        ])
    }
}
