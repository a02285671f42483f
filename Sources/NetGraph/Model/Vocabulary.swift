/// The part an actor type plays in the power analysis.
///
/// Roles, not type names, drive the analysis: a network may add its own actor types in
/// `network.yaml` and map each to one of these roles.
public enum ActorRole: String, CaseIterable, Sendable, Codable {
    case publicAuthority = "public-authority"
    case intermediary
    case provider
    case frontline
    case clientVoice = "client-voice"
    case citizen
    case financier
    case executor
    case other

    /// Dutch label for diagrams and findings.
    public var dutchLabel: String {
        switch self {
        case .publicAuthority: "overheid"
        case .intermediary: "intermediair"
        case .provider: "aanbieder"
        case .frontline: "uitvoering in de wijk"
        case .clientVoice: "cliëntstem"
        case .citizen: "burgers"
        case .financier: "financier"
        case .executor: "uitvoeringsorganisatie"
        case .other: "overig"
        }
    }
}

/// An actor type (gemeente, zorgaanbieder, ...) and its role.
public struct ActorType: Hashable, Sendable, Codable {
    /// Type name as used in the actor `type` column, e.g. "gemeente".
    public var name: String
    /// The part actors of this type play in the power analysis.
    public var role: ActorRole
    /// Human-readable label (Dutch), used in legends.
    public var label: String
    /// Dutch plural ("zorgaanbieders"), for sentences about the group; nil: `label` + "s"
    /// is not guessed, the sentence says "actoren van het type …" instead.
    public var pluralLabel: String?
    /// English label, for English output; nil: the type name.
    public var englishLabel: String?
    /// English plural; nil: `englishLabel` + "s".
    public var englishPluralLabel: String?

    /// Creates an actor type; a missing `label` falls back to `name`.
    public init(
        name: String, role: ActorRole, label: String? = nil, plural: String? = nil, english: String? = nil,
        englishPlural: String? = nil
    ) {
        self.name = name
        self.role = role
        self.label = label ?? name
        self.pluralLabel = plural
        self.englishLabel = english
        self.englishPluralLabel = englishPlural
    }

    /// The label in `language` ("en", otherwise Dutch), singular or plural.
    public func label(_ language: String, plural: Bool = false) -> String {
        if language == "en" {
            let single = englishLabel ?? name
            return plural ? (englishPluralLabel ?? single + "s") : single
        }
        return plural ? (pluralLabel ?? "actoren van het type \(label)") : label
    }
}

/// A relation type (financiering, overleg, ...): whether it has a direction and what its
/// weight measures.
public struct RelationType: Hashable, Sendable, Codable {
    /// Type name as used in the relation `type` column, e.g. "financiering".
    public var name: String
    /// Directed relations run from `source` to `target` (payer → receiver, purchaser →
    /// provider, representative → represented); undirected ones are symmetric.
    public var directed: Bool
    /// What the weight means, e.g. "bedrag (€)" or "frequentie"; weights are tie strengths.
    public var weightMeaning: String
    /// The unit of the weights ("mln euro", "keer per jaar"), when network.yaml declares one.
    public var unit: String?

    /// Creates a relation type.
    public init(name: String, directed: Bool, weightMeaning: String, unit: String? = nil) {
        self.name = name
        self.directed = directed
        self.weightMeaning = weightMeaning
        self.unit = unit
    }
}

/// The actor and relation types a network knows: the defaults of DESIGN §2, extended or
/// overridden by `network.yaml`.
public struct Vocabulary: Sendable, Equatable {
    /// Known actor types, in definition order, names unique case-insensitively.
    public private(set) var actorTypes: [ActorType]
    /// Known relation types, in definition order, names unique case-insensitively.
    public private(set) var relationTypes: [RelationType]

    /// Creates a vocabulary by defining each type in order; a later type replaces an
    /// earlier one with the same (case-insensitive) name.
    public init(actorTypes: [ActorType], relationTypes: [RelationType]) {
        self.actorTypes = []
        self.relationTypes = []
        actorTypes.forEach { define($0) }
        relationTypes.forEach { define($0) }
    }

    /// The default vocabulary of the Dutch sociaal domein.
    public static let standard = Vocabulary(
        actorTypes: [
            ActorType(
                name: "gemeente", role: .publicAuthority, label: "gemeente", plural: "gemeenten",
                english: "municipality", englishPlural: "municipalities"),
            ActorType(
                name: "rijk", role: .publicAuthority, label: "Rijk (ministerie)", plural: "ministeries",
                english: "national government (ministry)", englishPlural: "ministries"),
            ActorType(
                name: "vng", role: .intermediary, label: "VNG", plural: "VNG",
                english: "VNG (association of municipalities)", englishPlural: "VNG"),
            ActorType(
                name: "regio", role: .intermediary, label: "regio / samenwerkingsverband",
                plural: "regio's en samenwerkingsverbanden", english: "region / partnership",
                englishPlural: "regions and partnerships"),
            ActorType(
                name: "zorgaanbieder", role: .provider, label: "zorgaanbieder", plural: "zorgaanbieders",
                english: "care provider"),
            ActorType(
                name: "welzijnsorganisatie", role: .provider, label: "welzijnsorganisatie",
                plural: "welzijnsorganisaties", english: "welfare organisation"),
            ActorType(
                name: "wijkteam", role: .frontline, label: "wijkteam", plural: "wijkteams",
                english: "neighbourhood team"),
            ActorType(
                name: "clientorganisatie", role: .clientVoice, label: "cliëntorganisatie",
                plural: "cliëntorganisaties", english: "client organisation"),
            ActorType(
                name: "burgerinitiatief", role: .citizen, label: "burgerinitiatief",
                plural: "burgerinitiatieven", english: "citizens' initiative"),
            ActorType(
                name: "financier", role: .financier, label: "financier", plural: "financiers",
                english: "financier"),
            ActorType(
                name: "uitvoeringsorganisatie", role: .executor, label: "uitvoeringsorganisatie",
                plural: "uitvoeringsorganisaties", english: "executive agency",
                englishPlural: "executive agencies"),
            ActorType(
                name: "overig", role: .other, label: "overig", plural: "overige partijen", english: "other",
                englishPlural: "other parties"),
        ],
        relationTypes: [
            RelationType(name: "financiering", directed: true, weightMeaning: "bedrag"),
            RelationType(name: "contract", directed: true, weightMeaning: "omvang of aantal"),
            RelationType(name: "overleg", directed: false, weightMeaning: "frequentie"),
            RelationType(name: "informatie", directed: true, weightMeaning: "frequentie"),
            RelationType(name: "vertegenwoordiging", directed: true, weightMeaning: "sterkte"),
            RelationType(name: "samenwerking", directed: false, weightMeaning: "intensiteit"),
            RelationType(name: "verwijzing", directed: true, weightMeaning: "aantal verwijzingen"),
        ])

    /// Adds a type, or replaces the one with the same (case-insensitive) name.
    public mutating func define(_ type: ActorType) {
        if let i = actorTypes.firstIndex(where: { $0.name.lowercased() == type.name.lowercased() }) {
            actorTypes[i] = type
        } else {
            actorTypes.append(type)
        }
    }

    /// Adds a relation type, or replaces the one with the same (case-insensitive) name.
    public mutating func define(_ type: RelationType) {
        if let i = relationTypes.firstIndex(where: { $0.name.lowercased() == type.name.lowercased() }) {
            relationTypes[i] = type
        } else {
            relationTypes.append(type)
        }
    }

    /// The actor type with this name: an exact match first, else the first whose
    /// normalised name (case, accents, spaces/`-`/`_` folded) matches; nil if none.
    public func actorType(named name: String) -> ActorType? {
        // Fast path: names as stored (the readers store the canonical spelling).
        if let exact = actorTypes.first(where: { $0.name == name }) { return exact }
        let key = Normalize.key(name)
        return actorTypes.first { Normalize.key($0.name) == key }
    }

    /// The relation type with this name: an exact match first, else the first whose
    /// normalised name (case, accents, spaces/`-`/`_` folded) matches; nil if none.
    public func relationType(named name: String) -> RelationType? {
        if let exact = relationTypes.first(where: { $0.name == name }) { return exact }
        let key = Normalize.key(name)
        return relationTypes.first { Normalize.key($0.name) == key }
    }

    /// Role of an actor type; unknown types play `.other`.
    public func role(ofActorType name: String) -> ActorRole {
        actorType(named: name)?.role ?? .other
    }
}
