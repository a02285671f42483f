/// A party in the network: a gemeente, a provider, a client organisation, ...
public struct Actor: Hashable, Sendable {
    /// Stable identifier, unique within the network (relations refer to it).
    public var id: String
    /// Display name; defaults to `id` when none is given.
    public var name: String
    /// Actor type name, normally one of `Vocabulary.actorTypes`.
    public var type: String
    /// What "large" means for this actor (budget, turnover, FTE, inhabitants; see
    /// `NetworkMetadata.sizeAttribute`).
    public var size: Double?
    /// Perceived influence, 0–10 (e.g. Net-Map influence towers).
    public var influence: Double?
    /// Region or municipality the actor belongs to, if recorded.
    public var region: String?
    /// The year (wave) the actor belongs to, if recorded; nil: every year (see
    /// ``Network/wave(_:)``).
    public var year: Int?
    /// Every other column, by its header as written.
    public var attributes: [String: String]

    /// Creates an actor; a missing `name` falls back to `id`.
    public init(
        id: String, name: String? = nil, type: String, size: Double? = nil, influence: Double? = nil,
        region: String? = nil, year: Int? = nil, attributes: [String: String] = [:]
    ) {
        self.id = id
        self.name = name ?? id
        self.type = type
        self.size = size
        self.influence = influence
        self.region = region
        self.year = year
        self.attributes = attributes
    }
}

/// A tie between two actors. Weights are tie strengths (amount, frequency); path-based
/// measures use distance = 1 / weight.
public struct Relation: Hashable, Sendable {
    /// Id of the actor the relation starts from (payer, purchaser, representative, ...).
    public var source: String
    /// Id of the actor the relation points to.
    public var target: String
    /// Relation type name, normally one of `Vocabulary.relationTypes`.
    public var type: String
    /// Tie strength (amount, frequency, ...); larger is stronger. Defaults to 1.
    public var weight: Double
    /// Whether the data gave the weight (false: the cell was empty and `weight` is the default
    /// 1). Findings about amounts of money are not drawn from weights nobody gave.
    public var weightGiven: Bool
    /// Whether the tie runs from `source` to `target` only; an undirected relation is
    /// symmetric and becomes two arcs in a `Graph`.
    public var directed: Bool
    /// Year (wave) the relation refers to, if recorded; nil: every year (see
    /// ``Network/wave(_:)``).
    public var year: Int?
    /// Every other column, by its header as written.
    public var attributes: [String: String]

    /// Creates a relation between the actors with ids `source` and `target`.
    public init(
        source: String, target: String, type: String, weight: Double = 1, weightGiven: Bool = true,
        directed: Bool, year: Int? = nil, attributes: [String: String] = [:]
    ) {
        self.source = source
        self.target = target
        self.type = type
        self.weight = weight
        self.weightGiven = weightGiven
        self.directed = directed
        self.year = year
        self.attributes = attributes
    }
}

/// Descriptive information about a network (from `network.yaml`).
public struct NetworkMetadata: Hashable, Sendable {
    /// Name of the network, used in titles of reports and diagrams.
    public var name: String
    /// Region or municipality the network covers, if any.
    public var region: String?
    /// Year the network describes, if any.
    public var year: Int?
    /// "nl" or "en": the language of findings and diagrams.
    public var language: String
    /// Where the data come from; illustrative data must say so here.
    public var source: String?
    /// Free description of the network.
    public var description: String?
    /// Which actor column holds `size`, e.g. "budget" or "inwoners".
    public var sizeAttribute: String?
    /// Flag thresholds overriding the defaults, by rule id and parameter.
    public var thresholds: [String: Double]

    /// The name for titles: the name, then the region and the year when the name does not
    /// already hold them ("Twente 2024 (synthetisch)" stays as it is, "Zorg voor elkaar" with
    /// region and year becomes "Zorg voor elkaar — West-Brabant Oost (2024)").
    public var title: String {
        var text = name
        if let region, !text.contains(region) { text += " — " + region }
        if let year, !text.contains(String(year)) { text += " (\(year))" }
        return text
    }

    /// Creates metadata; `language` defaults to "nl" and `description` starts as nil.
    public init(
        name: String, region: String? = nil, year: Int? = nil, language: String = "nl",
        source: String? = nil, sizeAttribute: String? = nil, thresholds: [String: Double] = [:]
    ) {
        self.name = name
        self.region = region
        self.year = year
        self.language = language
        self.source = source
        self.sizeAttribute = sizeAttribute
        self.thresholds = thresholds
    }
}

/// An editable governance network: metadata, actors keyed by stable id, and relations.
///
/// `Network` is the model users edit and files hold. Algorithms do not run on it directly:
/// they run on the immutable compressed-sparse-row `Graph` built from it.
public struct Network: Sendable {
    /// Descriptive information: name, region, year, language, thresholds.
    public var metadata: NetworkMetadata
    /// The actor and relation types this network knows.
    public var vocabulary: Vocabulary
    /// The actors, in insertion order; an actor's position is its node index in a `Graph`.
    public private(set) var actors: [Actor]
    /// The relations, in insertion order.
    public private(set) var relations: [Relation]
    private var indexByID: [String: Int]

    /// Creates an empty network with the given metadata and vocabulary.
    public init(metadata: NetworkMetadata, vocabulary: Vocabulary = .standard) {
        self.metadata = metadata
        self.vocabulary = vocabulary
        actors = []
        relations = []
        indexByID = [:]
    }

    /// Adds an actor.
    /// - Precondition: no actor with the same id exists (readers report duplicates as data errors).
    public mutating func add(_ actor: Actor) {
        precondition(indexByID[actor.id] == nil, "duplicate actor id \(actor.id)")
        indexByID[actor.id] = actors.count
        actors.append(actor)
    }

    /// Adds a relation.
    /// - Precondition: both ends are actors of this network.
    public mutating func add(_ relation: Relation) {
        precondition(
            indexByID[relation.source] != nil && indexByID[relation.target] != nil,
            "relation \(relation.source) → \(relation.target) names an unknown actor")
        relations.append(relation)
    }

    /// Adds a relation whose two ends the caller has already found among the actors (the
    /// readers check every end once, with a message when it is missing), without looking them up
    /// again.
    package mutating func addChecked(_ relation: Relation) {
        assert(indexByID[relation.source] != nil && indexByID[relation.target] != nil)
        relations.append(relation)
    }

    /// Adds relations whose ends the caller has checked, in order.
    package mutating func addChecked(contentsOf added: [Relation]) {
        if relations.isEmpty { relations = added } else { relations.append(contentsOf: added) }
    }

    /// Makes room for `count` more actors.
    package mutating func reserveActors(_ count: Int) {
        actors.reserveCapacity(actors.count + count)
        indexByID.reserveCapacity(indexByID.count + count)
    }

    /// The actor with this id. - Complexity: O(1).
    public func actor(id: String) -> Actor? {
        indexByID[id].map { actors[$0] }
    }

    /// The relation types of `types` (nil: all present) whose weights the data gives. Their
    /// units differ from type to type (euros, meetings, contracts), so weights are comparable
    /// only within one of them.
    public func weightedRelationTypes(in types: Set<String>? = nil) -> [String] {
        var weighted = Set<String>()
        for relation in relations where relation.weightGiven && (types?.contains(relation.type) ?? true) {
            weighted.insert(relation.type)
        }
        return weighted.sorted()
    }

    /// Position of the actor in `actors` (also its node index in a `Graph`). - Complexity: O(1).
    public func index(ofActor id: String) -> Int? { indexByID[id] }

    /// Whether an actor with this id exists. - Complexity: O(1).
    public func contains(actor id: String) -> Bool { indexByID[id] != nil }

    /// Role of an actor, through its type.
    public func role(of actor: Actor) -> ActorRole { vocabulary.role(ofActorType: actor.type) }

    /// True when the network has no actors.
    public var isEmpty: Bool { actors.isEmpty }
}
