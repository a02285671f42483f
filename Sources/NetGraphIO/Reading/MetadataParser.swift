import NetGraph
import Yams

/// Reads the keys of `network.yaml` (or the `network:` part of a single-file network).
///
/// ```yaml
/// name: Zorg voor elkaar Breda
/// region: West-Brabant Oost
/// year: 2024
/// language: nl
/// source: illustratief voorbeeld
/// size_attribute: budget_mln      # the actor column that says how large an actor is
/// actor_types:                    # extra types, or new roles for default ones
///   zorgcooperatie: provider
///   school: { role: other, label: school }
/// relation_types:
///   subsidie: { directed: true, weight: bedrag, unit: mln euro }
/// thresholds:
///   dominant-broker.share: 0.4
/// ```
enum MetadataParser {
    private static let keys: [String: [String]] = [
        "name": ["name", "naam"], "region": ["region", "regio"], "year": ["year", "jaar"],
        "language": ["language", "taal"], "source": ["source", "bron", "provenance", "herkomst"],
        "size_attribute": ["size_attribute", "size", "omvang", "grootte"],
        "actor_types": ["actor_types", "actortypes", "actortypen"],
        "relation_types": ["relation_types", "relatietypes", "relatietypen"],
        "thresholds": ["thresholds", "drempels", "drempelwaarden"],
        "description": ["description", "beschrijving", "notes", "toelichting"],
    ]
    private static let listKeys: Set<String> = [
        "actors", "actoren", "relations", "relaties", "network", "netwerk",
    ]

    static func canonical(_ key: String) -> String? {
        let k = Normalize.compactKey(key)
        return keys.first { $0.value.contains { Normalize.compactKey($0) == k } }?.key
    }

    static func checkTopLevelKeys(_ mapping: Node.Mapping, file: String, log: inout DiagnosticLog) {
        for pair in mapping {
            let key = pair.key.string ?? ""
            if !listKeys.contains(Normalize.key(key)) {
                log.warning(
                    file, pair.key.mark?.line, "The key \"\(key)\" is not used.",
                    hint: "Top-level keys are network, actors and relations.",
                    nl: "De sleutel \"\(key)\" wordt niet gebruikt.",
                    hintNL: "De sleutels op het hoogste niveau zijn network, actors en relations.")
            }
        }
    }

    static func parse(
        _ mapping: Node.Mapping, file: String, into metadata: inout NetworkMetadata,
        vocabulary: inout Vocabulary, log: inout DiagnosticLog, allowLists: Bool
    ) {
        for pair in mapping {
            let rawKey = pair.key.string ?? ""
            let line = pair.key.mark?.line
            let value = pair.value
            guard let key = canonical(rawKey) else {
                if allowLists && listKeys.contains(Normalize.key(rawKey)) { continue }
                let known = keys.keys.sorted()
                let suggestion =
                    Normalize.closest(to: rawKey, in: known).map { "Did you mean \"\($0)\"? " } ?? ""
                let suggestionNL =
                    Normalize.closest(to: rawKey, in: known).map { "Bedoelt u \"\($0)\"? " } ?? ""
                log.warning(
                    file, line, "The key \"\(rawKey)\" is not known and is ignored.",
                    hint: "\(suggestion)Known keys: \(known.joined(separator: ", ")).",
                    nl: "De sleutel \"\(rawKey)\" is onbekend en wordt genegeerd.",
                    hintNL: "\(suggestionNL)Bekende sleutels: \(known.joined(separator: ", ")).")
                continue
            }
            switch key {
            case "name": if let s = scalar(value, key: rawKey, file: file, log: &log) { metadata.name = s }
            case "region": metadata.region = scalar(value, key: rawKey, file: file, log: &log)
            case "source": metadata.source = scalar(value, key: rawKey, file: file, log: &log)
            case "description": metadata.description = scalar(value, key: rawKey, file: file, log: &log)
            case "size_attribute": metadata.sizeAttribute = scalar(value, key: rawKey, file: file, log: &log)
            case "year":
                if let s = scalar(value, key: rawKey, file: file, log: &log) {
                    if let year = Int(s) {
                        metadata.year = year
                    } else {
                        log.error(
                            file, value.mark?.line, "The year \"\(s)\" is not a whole number.",
                            hint: "Write the year as four digits, e.g. 2024.",
                            nl: "Het jaar \"\(s)\" is geen geheel getal.",
                            hintNL: "Schrijf het jaar in vier cijfers, bijvoorbeeld 2024.")
                    }
                }
            case "language":
                if let s = scalar(value, key: rawKey, file: file, log: &log) {
                    let lang = s.lowercased()
                    if lang == "nl" || lang == "en" {
                        metadata.language = lang
                    } else {
                        log.error(
                            file, value.mark?.line, "The language \"\(s)\" is not supported.",
                            hint: "Use nl or en.", nl: "De taal \"\(s)\" wordt niet ondersteund.",
                            hintNL: "Gebruik nl of en.")
                    }
                }
            case "actor_types": parseActorTypes(value, file: file, vocabulary: &vocabulary, log: &log)
            case "relation_types": parseRelationTypes(value, file: file, vocabulary: &vocabulary, log: &log)
            case "thresholds":
                parseThresholds(value, prefix: "", file: file, into: &metadata.thresholds, log: &log)
            default: break
            }
        }
    }

    private static func scalar(_ node: Node, key: String, file: String, log: inout DiagnosticLog) -> String? {
        guard let s = node.scalar?.string else {
            log.error(
                file, node.mark?.line, "\"\(key)\" must be a single value.",
                nl: "\"\(key)\" moet één enkele waarde zijn.")
            return nil
        }
        return s.isEmpty ? nil : s
    }

    private static func parseActorTypes(
        _ node: Node, file: String, vocabulary: inout Vocabulary, log: inout DiagnosticLog
    ) {
        guard let mapping = node.mapping else {
            log.error(
                file, node.mark?.line, "actor_types must map each type name to a role.",
                hint: "For example:  zorgcooperatie: provider",
                nl: "actor_types moet elke typenaam aan een rol koppelen.",
                hintNL: "Bijvoorbeeld:  zorgcooperatie: provider")
            return
        }
        let roles = ActorRole.allCases.map(\.rawValue)
        for pair in mapping {
            guard let name = pair.key.string, !name.isEmpty else { continue }
            var roleText: String?
            var label: String?
            if let s = pair.value.scalar?.string {
                roleText = s
            } else if let m = pair.value.mapping {
                roleText = m["role"]?.string ?? m["rol"]?.string
                label = m["label"]?.string
            }
            guard let roleText,
                let role = ActorRole(
                    rawValue: Normalize.key(roleText).replacingOccurrences(of: "_", with: "-"))
            else {
                log.error(
                    file, pair.value.mark?.line, "The actor type \"\(name)\" has no known role.",
                    hint: "Give one of: \(roles.joined(separator: ", ")).",
                    nl: "Het actortype \"\(name)\" heeft geen bekende rol.",
                    hintNL: "Geef een van deze rollen: \(roles.joined(separator: ", ")).")
                continue
            }
            let existingLabel = vocabulary.actorType(named: name)?.label
            vocabulary.define(ActorType(name: name, role: role, label: label ?? existingLabel ?? name))
        }
    }

    private static func parseRelationTypes(
        _ node: Node, file: String, vocabulary: inout Vocabulary, log: inout DiagnosticLog
    ) {
        guard let mapping = node.mapping else {
            log.error(
                file, node.mark?.line, "relation_types must map each type name to its settings.",
                hint: "For example:  subsidie: { directed: true, weight: bedrag }",
                nl: "relation_types moet elke typenaam aan zijn instellingen koppelen.",
                hintNL: "Bijvoorbeeld:  subsidie: { directed: true, weight: bedrag }")
            return
        }
        for pair in mapping {
            guard let name = pair.key.string, !name.isEmpty else { continue }
            let existing = vocabulary.relationType(named: name)
            var directed = existing?.directed ?? true
            var meaning = existing?.weightMeaning ?? "sterkte"
            var unit = existing?.unit
            if let m = pair.value.mapping {
                if let d = m["directed"]?.string ?? m["gericht"]?.string {
                    if let b = NumberParsing.parseBool(d) {
                        directed = b
                    } else {
                        log.error(
                            file, pair.value.mark?.line, "\"\(d)\" is not a yes/no value for directed.",
                            hint: "Use true/false or ja/nee.",
                            nl: "\"\(d)\" is geen ja/nee-waarde voor directed.",
                            hintNL: "Gebruik true/false of ja/nee.")
                    }
                }
                if let w = m["weight"]?.string ?? m["gewicht"]?.string { meaning = w }
                if let u = m["unit"]?.string ?? m["eenheid"]?.string { unit = u }
            } else if let s = pair.value.scalar?.string, let b = NumberParsing.parseBool(s) {
                directed = b
            } else {
                log.error(
                    file, pair.value.mark?.line, "The relation type \"\(name)\" needs settings.",
                    hint: "For example:  \(name): { directed: true, weight: bedrag }",
                    nl: "Het relatietype \"\(name)\" heeft instellingen nodig.",
                    hintNL: "Bijvoorbeeld:  \(name): { directed: true, weight: bedrag }")
                continue
            }
            vocabulary.define(
                RelationType(name: name, directed: directed, weightMeaning: meaning, unit: unit))
        }
    }

    private static func parseThresholds(
        _ node: Node, prefix: String, file: String, into thresholds: inout [String: Double],
        log: inout DiagnosticLog
    ) {
        guard let mapping = node.mapping else {
            log.error(
                file, node.mark?.line, "thresholds must map names to numbers.",
                hint: "For example:  dominant-broker.share: 0.4",
                nl: "thresholds moet namen aan getallen koppelen.",
                hintNL: "Bijvoorbeeld:  dominant-broker.share: 0.4")
            return
        }
        for pair in mapping {
            guard let name = pair.key.string else { continue }
            let key = prefix.isEmpty ? name : prefix + "." + name
            if pair.value.mapping != nil {
                parseThresholds(pair.value, prefix: key, file: file, into: &thresholds, log: &log)
            } else if FlagThresholds.knownKeys.contains(key) == false {
                log.error(
                    file, pair.key.mark?.line, "No rule uses the threshold \"\(key)\".",
                    hint: "Known thresholds: \(FlagThresholds.knownKeys.joined(separator: ", ")).",
                    nl: "Geen enkele signaleringsregel gebruikt de drempel \"\(key)\".",
                    hintNL: "Bekende drempels: \(FlagThresholds.knownKeys.joined(separator: ", ")).")
            } else if let s = pair.value.scalar?.string, let v = NumberParsing.parse(s, decimalComma: false) {
                if let parameter = FlagThresholds.parameter(key), !parameter.validRange.contains(v) {
                    log.error(
                        file, pair.value.mark?.line,
                        InvalidThresholdError(key: key, value: v, range: parameter.validRange).text("en"),
                        hint: "The default is \(parameter.defaultValue.formatted()): \(parameter.reason).",
                        nl: InvalidThresholdError(key: key, value: v, range: parameter.validRange).text("nl"),
                        hintNL:
                            "De standaardwaarde is \(parameter.defaultValue.formatted()) "
                            + "(toelichting, in het Engels: \(parameter.reason)).")
                } else {
                    thresholds[key] = v
                }
            } else {
                log.error(
                    file, pair.value.mark?.line, "The threshold \"\(key)\" is not a number.",
                    hint: "Write a number such as 0.5.", nl: "De drempel \"\(key)\" is geen getal.",
                    hintNL: "Schrijf een getal zoals 0.5.")
            }
        }
    }
}

extension NetworkMetadata {
    /// Sets a metadata value given as text under any accepted key name ("naam", "jaar",
    /// "size_attribute", …), as other formats carry it (GraphML graph data, GEXF keywords,
    /// DOT graph attributes, a workbook's network sheet). Unknown keys and unusable values are
    /// ignored.
    package mutating func set(_ key: String, _ value: String) {
        switch MetadataParser.canonical(key) {
        case "name": if !value.isEmpty { name = value }
        case "region": region = value.isEmpty ? nil : value
        case "year": if let y = Int(value) { year = y }
        case "source": source = value.isEmpty ? nil : value
        case "language": if ["nl", "en"].contains(value) { language = value }
        case "size_attribute": sizeAttribute = value.isEmpty ? nil : value
        case "description": description = value.isEmpty ? nil : value
        default: break
        }
    }
}
