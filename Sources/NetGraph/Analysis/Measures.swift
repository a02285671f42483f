/// A per-actor measure that ``CentralityAnalysis`` computes.
///
/// The raw values are the snake_case keys of netan's JSON, CSV and table output; they are
/// stable. This enum is the one list of actor measures: the command line, reports, diagrams
/// and the power analysis all take it from here.
public enum ActorMeasure: String, CaseIterable, Sendable, Codable {
    case degree
    case inDegree = "in_degree"
    case outDegree = "out_degree"
    case strength
    case inStrength = "in_strength"
    case outStrength = "out_strength"
    case betweenness
    case betweennessNormalized = "betweenness_normalized"
    case closeness
    case harmonic
    case eigenvector
    case pagerank
    case katz
    case hub
    case authority
    case coreNumber = "core_number"
    case clustering
    case articulationPoint = "articulation_point"
    case community
    case component

    /// The measures that the edge-list path of `netan centrality` computes by default: those
    /// that stay practical on millions of ties.
    public static let largeGraphDefaults: [ActorMeasure] = [
        .degree, .strength, .betweenness, .closeness, .harmonic, .pagerank, .coreNumber, .community,
    ]

    /// Whether every value is a whole number (a count, a label or a 0/1 indicator).
    public var isInteger: Bool {
        switch self {
        case .degree, .inDegree, .outDegree, .coreNumber, .articulationPoint, .community, .component:
            true
        default:
            false
        }
    }

    /// Whether a higher value means a more central position. False for labels (community,
    /// component), where the number only names a group.
    public var higherIsMoreCentral: Bool { self != .community && self != .component }

    /// What the numbers count, in words a table header can carry.
    public var unit: String {
        switch self {
        case .degree, .inDegree, .outDegree: "ties"
        case .strength, .inStrength, .outStrength: "sum of tie weights"
        case .betweenness: "pairs"
        case .betweennessNormalized, .closeness, .harmonic, .eigenvector, .pagerank, .katz, .hub, .authority,
            .clustering:
            "score"
        case .coreNumber: "k"
        case .articulationPoint: "0 or 1"
        case .community, .component: "label"
        }
    }

    /// A short label in Dutch (`nl`) or English (any other language code).
    public func label(_ language: String) -> String {
        let (nl, en) = labels
        return language == "en" ? en : nl
    }

    private var labels: (nl: String, en: String) {
        switch self {
        case .degree: ("graad (aantal relaties)", "degree (number of ties)")
        case .inDegree: ("ingaande relaties", "in-degree")
        case .outDegree: ("uitgaande relaties", "out-degree")
        case .strength: ("sterkte (som van gewichten)", "strength (sum of weights)")
        case .inStrength: ("ingaande sterkte", "in-strength")
        case .outStrength: ("uitgaande sterkte", "out-strength")
        case .betweenness: ("tussenpositie (betweenness)", "betweenness")
        case .betweennessNormalized: ("tussenpositie, genormaliseerd", "betweenness, normalised")
        case .closeness: ("nabijheid (closeness)", "closeness")
        case .harmonic: ("harmonische nabijheid", "harmonic closeness")
        case .eigenvector: ("eigenvectorcentraliteit", "eigenvector centrality")
        case .pagerank: ("PageRank", "PageRank")
        case .katz: ("Katz-centraliteit", "Katz centrality")
        case .hub: ("hub-score", "hub score")
        case .authority: ("autoriteitsscore", "authority score")
        case .coreNumber: ("kernnummer (k-core)", "core number (k-core)")
        case .clustering: ("clustering", "clustering")
        case .articulationPoint: ("snijpunt", "articulation point")
        case .community: ("gemeenschap", "community")
        case .component: ("component", "component")
        }
    }
}

/// A measure of a whole network (one view of it) that ``CentralityAnalysis`` computes.
///
/// Raw values are the keys of netan's JSON output; the order of `allCases` is the order of
/// tables.
public enum NetworkMeasure: String, CaseIterable, Sendable, Codable {
    case nodes
    case relations
    case arcs
    case density
    case reciprocity
    case components
    case strongComponents = "strong_components"
    case degreeCentralization = "degree_centralization"
    case inDegreeCentralization = "in_degree_centralization"
    case outDegreeCentralization = "out_degree_centralization"
    case betweennessCentralization = "betweenness_centralization"
    case closenessCentralization = "closeness_centralization"
    case giniDegree = "gini_degree"
    case giniBetweenness = "gini_betweenness"
    case transitivity
    case degreeAssortativity = "degree_assortativity"
    case typeAssortativity = "type_assortativity"
    case eiIndexType = "ei_index_type"
    case modularity
    case communities

    /// The counts that every analysis computes, even one limited to a few actor measures.
    public static let counts: [NetworkMeasure] = [
        .nodes, .relations, .arcs, .density, .reciprocity, .components,
    ]

    /// Whether the value is a count.
    public var isInteger: Bool {
        switch self {
        case .nodes, .relations, .arcs, .components, .strongComponents, .communities: true
        default: false
        }
    }

    /// A short label in Dutch (`nl`) or English (any other language code).
    public func label(_ language: String) -> String {
        let (nl, en) = labels
        return language == "en" ? en : nl
    }

    private var labels: (nl: String, en: String) {
        switch self {
        case .nodes: ("actoren", "actors")
        case .relations: ("relaties", "relations")
        case .arcs: ("bogen (gerichte verbindingen)", "arcs")
        case .density: ("dichtheid", "density")
        case .reciprocity: ("wederkerigheid", "reciprocity")
        case .components: ("componenten", "components")
        case .strongComponents: ("sterke componenten", "strong components")
        case .degreeCentralization: ("centralisatie (graad)", "degree centralisation")
        case .inDegreeCentralization: ("centralisatie (ingaand)", "in-degree centralisation")
        case .outDegreeCentralization: ("centralisatie (uitgaand)", "out-degree centralisation")
        case .betweennessCentralization: ("centralisatie (tussenpositie)", "betweenness centralisation")
        case .closenessCentralization: ("centralisatie (nabijheid)", "closeness centralisation")
        case .giniDegree: ("Gini van de graad", "Gini of degree")
        case .giniBetweenness: ("Gini van de tussenpositie", "Gini of betweenness")
        case .transitivity: ("transitiviteit", "transitivity")
        case .degreeAssortativity: ("assortativiteit (graad)", "degree assortativity")
        case .typeAssortativity: ("assortativiteit (soort)", "type assortativity")
        case .eiIndexType: ("E-I-index (soort)", "E-I index (type)")
        case .modularity: ("modulariteit", "modularity")
        case .communities: ("gemeenschappen", "communities")
        }
    }
}
