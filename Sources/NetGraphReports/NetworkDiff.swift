import Foundation
import NetGraph
import NetGraphIO
import NetGraphRender

/// What changed between two versions of a network (e.g. two years of one region): actors and
/// relations added and removed, weight changes, rank changes per measure, flags that appeared
/// or resolved. Actors are matched by id, relations by (source, target, type).
public struct NetworkDiff: Sendable {
    /// A relation present in both versions with another weight.
    public struct WeightChange: Sendable {
        /// The relation, as "source → target (type)".
        public var key: String
        /// Weight in the old version (summed over relations with the same key).
        public var old: Double
        /// Weight in the new version (summed over relations with the same key).
        public var new: Double
    }
    /// An actor present in both versions whose rank on one measure moved.
    public struct RankChange: Sendable {
        /// The actor's id.
        public var id: String
        /// The measure's raw value: "degree", "betweenness" or "pagerank".
        public var measure: String
        /// Rank in the old version (1 = highest; ties share a rank).
        public var old: Int
        /// Rank in the new version (1 = highest; ties share a rank).
        public var new: Int
    }
    /// A flag found in only one of the two versions.
    public struct FlagChange: Sendable {
        /// Rule id, e.g. "dominant-broker".
        public var rule: String
        /// Severity's raw value: "info", "warning" or "critical".
        public var severity: String
        /// Ids of the flag's subject (actor ids, type names or the network name).
        public var subject: [String]
        /// The flag's message in the language given to the initializer.
        public var message: String
    }

    /// The earlier version.
    public let old: Network
    /// The later version.
    public let new: Network
    /// Ids of actors only in `new`, in `new`'s order.
    public var addedActors: [String] = []
    /// Ids of actors only in `old`, in `old`'s order.
    public var removedActors: [String] = []
    /// Relations only in `new`, as "source → target (type)", sorted.
    public var addedRelations: [String] = []
    /// Relations only in `old`, as "source → target (type)", sorted.
    public var removedRelations: [String] = []
    /// Relations in both with a different total weight, sorted by key.
    public var weightChanges: [WeightChange] = []
    /// Rank shifts of at least `minimumRankShift` in degree, betweenness and PageRank of the
    /// chosen view, largest shift first, then by id.
    public var rankChanges: [RankChange] = []
    /// A relation of either version under its key (for showing names instead of ids).
    private var relationByKey: [String: Relation] = [:]
    /// Every finding of either version followed across them: appeared, resolved, worsened,
    /// improved or unchanged (see ``FindingChanges``), most severe first.
    public var findings = FindingChanges(old: [], new: [], language: "nl")
    /// Findings only in `new` (a finding in both versions is never here), most severe first.
    public var appearedFlags: [FlagChange] = []
    /// Findings only in `old` (a finding in both versions is never here), most severe first.
    public var resolvedFlags: [FlagChange] = []

    /// True when no list holds a change.
    public var isEmpty: Bool {
        addedActors.isEmpty && removedActors.isEmpty && addedRelations.isEmpty && removedRelations.isEmpty
            && weightChanges.isEmpty && rankChanges.isEmpty
            && findings.changes.allSatisfy { $0.kind == .unchanged }
    }

    static func jsonChange(_ change: FindingChanges.Change) -> [String: Any] {
        func side(_ s: FindingChanges.Side?) -> Any {
            guard let s else { return NSNull() }
            return [
                "severity": s.severity.rawValue, "subject": s.subject, "message": s.message,
                "evidence": Dictionary(
                    s.evidence.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a }),
            ] as [String: Any]
        }
        return ["rule": change.rule, "old": side(change.old), "new": side(change.new)]
    }

    /// "source → target (type)" for a directed relation; "a — b (type)" with the ids in
    /// order for an undirected one, which matches either way round.
    static func key(_ r: Relation) -> String {
        r.directed
            ? "\(r.source) → \(r.target) (\(r.type))"
            : "\(min(r.source, r.target)) — \(max(r.source, r.target)) (\(r.type))"
    }

    /// A relation key with actor names instead of ids, for people.
    func readable(_ key: String) -> String {
        guard let r = relationByKey[key] else { return key }
        let name = { (id: String) in new.actor(id: id)?.name ?? old.actor(id: id)?.name ?? id }
        let (a, b) = r.directed ? (r.source, r.target) : (min(r.source, r.target), max(r.source, r.target))
        return "\(name(a)) \(r.directed ? "→" : "—") \(name(b)) (\(r.type))"
    }

    /// Compares two analyses of versions of one network.
    ///
    /// - Parameters:
    ///   - oldAnalysis: the earlier version.
    ///   - newAnalysis: the later version.
    ///   - language: language of the flag messages ("en", otherwise Dutch).
    ///   - minimumRankShift: rank changes smaller than this are not reported.
    public init(
        old oldAnalysis: NetworkAnalysis, new newAnalysis: NetworkAnalysis, language: String = "nl",
        minimumRankShift: Int = 2
    ) {
        let old = oldAnalysis.network
        let new = newAnalysis.network
        self.old = old
        self.new = new
        let oldIDs = Set(old.actors.map(\.id))
        let newIDs = Set(new.actors.map(\.id))
        addedActors = new.actors.map(\.id).filter { !oldIDs.contains($0) }
        removedActors = old.actors.map(\.id).filter { !newIDs.contains($0) }
        var oldWeights: [String: Double] = [:]
        var newWeights: [String: Double] = [:]
        for r in old.relations { oldWeights[Self.key(r), default: 0] += r.weight }
        for r in new.relations { newWeights[Self.key(r), default: 0] += r.weight }
        for r in old.relations + new.relations { relationByKey[Self.key(r)] = r }
        addedRelations = newWeights.keys.filter { oldWeights[$0] == nil }.sorted()
        removedRelations = oldWeights.keys.filter { newWeights[$0] == nil }.sorted()
        // Largest relative change first (a doubling before a 5% rise), then by key.
        weightChanges = oldWeights.compactMap { key, w in
            guard let v = newWeights[key], abs(v - w) > 1e-9 * max(abs(v), abs(w)) else { return nil }
            return WeightChange(key: key, old: w, new: v)
        }.sorted {
            let a = abs($0.new - $0.old) / max($0.new, $0.old)
            let b = abs($1.new - $1.old) / max($1.new, $1.old)
            return (a, $1.key) > (b, $0.key)
        }

        let a = oldAnalysis.centrality
        let b = newAnalysis.centrality
        for measure in [ActorMeasure.degree, .betweenness, .pagerank] {
            func ranks(_ analysis: CentralityAnalysis, _ network: Network) -> [String: Int] {
                let values = analysis[measure]
                return Dictionary(
                    uniqueKeysWithValues: network.actors.enumerated().map { i, actor in
                        (actor.id, 1 + values.filter { $0 > values[i] }.count)
                    })
            }
            let before = ranks(a, old)
            let after = ranks(b, new)
            for id in old.actors.map(\.id) where newIDs.contains(id) {
                let o = before[id]!
                let n = after[id]!
                if abs(o - n) >= minimumRankShift {
                    rankChanges.append(RankChange(id: id, measure: measure.rawValue, old: o, new: n))
                }
            }
        }
        rankChanges.sort { (abs($0.old - $0.new), $1.id) > (abs($1.old - $1.new), $0.id) }

        findings = FindingChanges(
            old: oldAnalysis.power.flags, new: newAnalysis.power.flags, language: language)
        func flagChange(_ change: FindingChanges.Change) -> FlagChange? {
            guard let side = change.new ?? change.old else { return nil }
            return FlagChange(
                rule: change.rule, severity: side.severity.rawValue, subject: side.subject,
                message: side.message)
        }
        appearedFlags = findings.of(.appeared).compactMap(flagChange)
        resolvedFlags = findings.of(.resolved).compactMap(flagChange)
    }

    /// A few lines for a memo, then the details: table and Markdown give counts, then lists of
    /// new and resolved findings, the 15 largest rank shifts, actors and relations added and
    /// removed, and weight changes (at most 40 lines per list). CSV has one row per change
    /// (change, subject, old, new); JSON one array per kind of change.
    public func render(_ format: OutputFormat, language: String) -> String {
        let nl = language != "en"
        if format == .json {
            let object: [String: Any] = [
                "old": old.metadata.name, "new": new.metadata.name,
                "actors_added": addedActors, "actors_removed": removedActors,
                "relations_added": addedRelations, "relations_removed": removedRelations,
                "weight_changes": weightChanges.map { ["relation": $0.key, "old": $0.old, "new": $0.new] },
                "rank_changes": rankChanges.map {
                    ["id": $0.id, "measure": $0.measure, "old": $0.old, "new": $0.new]
                },
                "flags_appeared": appearedFlags.map {
                    ["rule": $0.rule, "severity": $0.severity, "subject": $0.subject, "message": $0.message]
                },
                "flags_resolved": resolvedFlags.map {
                    ["rule": $0.rule, "severity": $0.severity, "subject": $0.subject, "message": $0.message]
                },
                "flags_worsened": findings.of(.worsened).map(Self.jsonChange),
                "flags_improved": findings.of(.improved).map(Self.jsonChange),
                "flags_unchanged": findings.of(.unchanged).count,
            ]
            return JSONOutput.text(object) + "\n"
        }
        if format == .csv {
            var rows: [[String]] = []
            rows +=
                addedActors.map { ["actor_added", $0, "", ""] }
                + removedActors.map { ["actor_removed", $0, "", ""] }
            rows +=
                addedRelations.map { ["relation_added", $0, "", ""] }
                + removedRelations.map { ["relation_removed", $0, "", ""] }
            rows += weightChanges.map { ["weight_changed", $0.key, "\($0.old)", "\($0.new)"] }
            rows += rankChanges.map { ["rank_\($0.measure)", $0.id, "\($0.old)", "\($0.new)"] }
            rows += appearedFlags.map {
                ["flag_appeared", $0.rule, $0.severity, $0.subject.joined(separator: " ")]
            }
            rows += resolvedFlags.map {
                ["flag_resolved", $0.rule, $0.severity, $0.subject.joined(separator: " ")]
            }
            for kind in [FindingChanges.Kind.worsened, .improved] {
                rows += findings.of(kind).map {
                    [
                        "flag_\(kind.rawValue)", "\($0.rule) \($0.subject.joined(separator: " "))",
                        $0.old?.severity.rawValue ?? "", $0.new?.severity.rawValue ?? "",
                    ]
                }
            }
            return TextTable(columns: ["change", "subject", "old", "new"], rows: rows).csv()
        }
        let md = format == .markdown
        func name(_ id: String) -> String { new.actor(id: id)?.name ?? old.actor(id: id)?.name ?? id }
        var out = (md ? "# " : "") + "\(old.metadata.name) → \(new.metadata.name)\n\n"
        if isEmpty { return out + (nl ? "Geen verschillen.\n" : "No differences.\n") }
        out +=
            nl
            ? "\(addedActors.count) actoren erbij, \(removedActors.count) weg; "
                + "\(addedRelations.count) relaties erbij, \(removedRelations.count) weg, "
                + "\(weightChanges.count) met ander gewicht. "
                + "Bevindingen: \(appearedFlags.count) nieuw, \(findings.of(.worsened).count) verslechterd, "
                + "\(findings.of(.improved).count) verbeterd, \(resolvedFlags.count) opgelost, "
                + "\(findings.of(.unchanged).count) gelijk gebleven.\n"
            : "\(addedActors.count) actors added, \(removedActors.count) removed; "
                + "\(addedRelations.count) relations added, \(removedRelations.count) removed, "
                + "\(weightChanges.count) with another weight. "
                + "Findings: \(appearedFlags.count) new, \(findings.of(.worsened).count) worsened, "
                + "\(findings.of(.improved).count) improved, \(resolvedFlags.count) resolved, "
                + "\(findings.of(.unchanged).count) unchanged.\n"
        func section(_ title: String, _ lines: [String]) {
            guard !lines.isEmpty else { return }
            out +=
                (md ? "\n## " : "\n") + title + "\n" + (md ? "\n" : "")
                + lines.prefix(40).map { "- " + $0 }.joined(separator: "\n") + "\n"
            if lines.count > 40 { out += "- … (\(lines.count - 40) \(nl ? "meer" : "more"))\n" }
        }
        func label(_ severity: PowerFlag.Severity) -> String { nl ? severity.dutch : severity.rawValue }
        func line(_ change: FindingChanges.Change) -> String {
            switch (change.old, change.new) {
            case (let o?, let n?) where o.severity != n.severity:
                return "[\(label(o.severity)) → \(label(n.severity))] \(n.message)"
            case (_, let n?): return "[\(label(n.severity))] \(n.message)"
            case (let o?, nil): return "[\(label(o.severity))] \(o.message)"
            default: return ""
            }
        }
        section(nl ? "Verslechterde bevindingen" : "Worsened findings", findings.of(.worsened).map(line))
        section(nl ? "Nieuwe bevindingen" : "New findings", findings.of(.appeared).map(line))
        section(nl ? "Verbeterde bevindingen" : "Improved findings", findings.of(.improved).map(line))
        section(nl ? "Opgeloste bevindingen" : "Resolved findings", findings.of(.resolved).map(line))
        section(
            nl ? "Grootste verschuivingen in rang" : "Largest rank shifts",
            rankChanges.prefix(15).map {
                let measure = ActorMeasure(rawValue: $0.measure)?.label(language) ?? $0.measure
                return "\(name($0.id)): \(measure) \(nl ? "rang" : "rank") \($0.old) → \($0.new)"
            })
        section(nl ? "Actoren erbij" : "Actors added", addedActors.map(name))
        section(nl ? "Actoren weg" : "Actors removed", removedActors.map(name))
        section(nl ? "Relaties erbij" : "Relations added", addedRelations.map(readable))
        section(nl ? "Relaties weg" : "Relations removed", removedRelations.map(readable))
        section(
            nl ? "Ander gewicht (grootste verandering eerst)" : "Weight changed (largest change first)",
            weightChanges.map {
                let number = { (x: Double) in
                    nl
                        ? DiagramBuilder.format(x).replacingOccurrences(of: ".", with: ",")
                        : DiagramBuilder.format(x)
                }
                return "\(readable($0.key)): \(number($0.old)) → \(number($0.new))"
            })
        return out
    }
}
