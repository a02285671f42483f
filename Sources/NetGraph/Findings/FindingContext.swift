import Foundation

/// Everything the rules read: the network, the options and the measures of `PowerAnalysis`,
/// with a few views derived once and the helpers the rules share.
///
/// Roles decide how a finding reads: an intermediary (VNG, regio) or a frontline team that
/// bridges, or a public authority that holds the centre, is doing its job and is reported as
/// `info`; the same position held by a provider, financier or other party is a warning or
/// critical finding about domination.
struct FindingContext {
    let network: Network
    let options: PowerOptions
    /// The structural view (every relation, unweighted).
    let centrality: CentralityAnalysis
    let brokerage: Brokerage.Result
    /// The weighted flow layer (money, volume).
    let flows: FlowAnalysis
    /// Index of each actor's type in `typeNames`.
    let groupOf: [Int]
    /// Actor types in order of first appearance.
    let typeNames: [String]
    let actors: [PowerAnalysis.ActorPower]
    let groups: [PowerAnalysis.GroupPower]
    /// Share of pairs of actors that cannot reach each other.
    let fragmentation: Double
    let sizeDegreeCorrelation: Double?
    /// Actors whose size counts as market weight (not authorities or intermediaries).
    let sized: [Int]
    /// Neighbours in the undirected view of the structural graph (CSR).
    let undirected: (offsets: [Int], targets: [Int32])
    /// Role of each actor, looked up once.
    let roles: [ActorRole]
    /// Articulation points of the undirected view, ascending.
    let cutVertices: [Int]
    /// Actors with at least one flow relation (money) whose amount the data did not give,
    /// as payer and as recipient: money findings are not drawn from default weights.
    let amountMissingFrom: Set<Int>
    let amountMissingTo: Set<Int>
    /// Number of partners (distinct neighbours, either direction) of each actor.
    let partners: [Int]
    /// Core number of each actor in the partner graph (a tie counts once, whatever its
    /// direction or multiplicity).
    let partnerCores: [Int]
    /// Whether each actor has a direct tie (either direction) to a public authority.
    let authorityTie: [Bool]
    /// Weak component of each actor, numbered from 0 in order of first actor.
    let componentOf: [Int]
    /// Whether each actor is known not to have answered the survey the network came from
    /// (actor attribute `responded` = false, as `netan survey` writes it): its own ties are
    /// missing, so the rules do not read a place at the edge as being sidelined. False for
    /// every actor of a network without that attribute.
    let answersMissing: [Bool]

    init(
        network: Network, options: PowerOptions, centrality: CentralityAnalysis, brokerage: Brokerage.Result,
        flows: FlowAnalysis, groupOf: [Int], typeNames: [String], actors: [PowerAnalysis.ActorPower],
        groups: [PowerAnalysis.GroupPower], fragmentation: Double, sizeDegreeCorrelation: Double?,
        sized: [Int], flowRelationTypes: Set<String> = []
    ) {
        self.network = network
        self.options = options
        self.centrality = centrality
        self.brokerage = brokerage
        self.flows = flows
        self.groupOf = groupOf
        self.typeNames = typeNames
        self.actors = actors
        self.groups = groups
        self.fragmentation = fragmentation
        self.sizeDegreeCorrelation = sizeDegreeCorrelation
        self.sized = sized
        undirected = centrality.graph.undirectedNeighbors()
        roles = network.actors.map { network.role(of: $0) }
        cutVertices = centrality[.articulationPoint].enumerated().filter { $0.element == 1 }.map(\.offset)
        var from = Set<Int>()
        var to = Set<Int>()
        for relation in network.relations
        where !relation.weightGiven && flowRelationTypes.contains(relation.type) {
            if let i = network.index(ofActor: relation.source) { from.insert(i) }
            if let j = network.index(ofActor: relation.target) { to.insert(j) }
        }
        amountMissingFrom = from
        amountMissingTo = to
        let view = undirected
        let count = network.actors.count
        partners = (0..<count).map { view.offsets[$0 + 1] - view.offsets[$0] }
        // The partner graph: one undirected tie per pair of partners, whatever the direction
        // or number of relations between them.
        var partnerArcs: [(Int32, Int32, Double)] = []
        partnerArcs.reserveCapacity(view.targets.count)
        for u in 0..<count {
            for e in view.offsets[u]..<view.offsets[u + 1] {
                partnerArcs.append((Int32(u), view.targets[e], 1))
            }
        }
        let partnerGraph = Graph(nodeCount: count, arcs: partnerArcs, isDirected: false, weights: .ignore)
        partnerCores = Structure.coreNumbers(partnerGraph)
        componentOf = Structure.weakComponents(partnerGraph).labels
        answersMissing = network.actors.map(Self.answersMissing)
        let roles = self.roles
        authorityTie = (0..<count).map { i in
            (view.offsets[i]..<view.offsets[i + 1]).contains {
                roles[Int(view.targets[$0])] == .publicAuthority
            }
        }
    }

    /// The thresholds of the rules.
    var thresholds: FlagThresholds { options.thresholds }

    /// Whether `actor` says it did not answer the survey: an attribute `responded` (or Dutch
    /// `geantwoord`, `gerespondeerd`) holding false, nee, no, n, 0 or onwaar.
    static func answersMissing(_ actor: Actor) -> Bool {
        for (key, value) in actor.attributes
        where ["responded", "geantwoord", "gerespondeerd"].contains(Normalize.compactKey(key)) {
            return ["false", "nee", "no", "n", "0", "onwaar"].contains(Normalize.compactKey(value))
        }
        return false
    }

    // MARK: - Helpers

    /// Display name of actor `i`.
    func name(_ i: Int) -> String { network.actors[i].name }
    /// Id of actor `i`.
    func id(_ i: Int) -> String { network.actors[i].id }
    /// Role of actor `i`.
    func role(_ i: Int) -> ActorRole { roles[i] }
    /// Label of an actor type in the vocabulary, or the type name itself.
    func label(_ type: String) -> String { network.vocabulary.actorType(named: type)?.label ?? type }

    /// The type's label in `language`, singular or plural (English output never shows a
    /// Dutch label of a standard type).
    func label(_ type: String, _ language: String, plural: Bool = false) -> String {
        guard let actorType = network.vocabulary.actorType(named: type) else { return type }
        return actorType.label(language, plural: plural)
    }
    /// Roles whose central or bridging position is their task.
    func bridgesByMandate(_ i: Int) -> Bool {
        [.intermediary, .publicAuthority, .frontline].contains(role(i))
    }
    /// A share as a whole percentage, "40%".
    static func percent(_ x: Double) -> String { String(format: "%.0f%%", x * 100) }

    /// `x` with `digits` decimals in the way of `language`: a decimal comma in Dutch
    /// ("2,5"), a point in English ("2.5"); never a thousands separator.
    static func number(_ x: Double, digits: Int, _ language: String) -> String {
        let text = String(format: "%.\(digits)f", x)
        return language == "en" ? text : text.replacingOccurrences(of: ".", with: ",")
    }

    // MARK: - Reaching the authorities (sidelined-group, single-gatekeeper)

    /// Whether any of `sources` reaches a public authority in the undirected view without `x`.
    func reachesAuthority(_ sources: [Int], removing x: Int?) -> Bool {
        let view = undirected
        let n = network.actors.count
        var seen = [Bool](repeating: false, count: n)
        var stack = sources.filter { $0 != x }
        for s in stack { seen[s] = true }
        while let v = stack.popLast() {
            if role(v) == .publicAuthority { return true }
            for w in view.targets[view.offsets[v]..<view.offsets[v + 1]] where Int(w) != x && !seen[Int(w)] {
                seen[Int(w)] = true
                stack.append(Int(w))
            }
        }
        return false
    }

    /// Actors (not authorities) without whom the group `members` can no longer reach any
    /// public authority, provided it can now.
    /// Only a cut vertex can separate anyone from the authorities, so only cut vertices are
    /// tried (exact, and O(cut vertices · (n + m)) instead of O(n · (n + m))).
    func gatekeepers(of members: [Int]) -> [Int] {
        guard reachesAuthority(members, removing: nil) else { return [] }
        return cutVertices.filter { x in
            role(x) != .publicAuthority && !(members.count == 1 && members[0] == x)
                && !reachesAuthority(members, removing: x)
        }
    }
}

/// Collects the flags of one rule (the rule id is the same for all of them).
struct FlagBuilder {
    /// The rule id the flags carry.
    let rule: String
    /// The flags so far, in the order they were added.
    private(set) var flags: [PowerFlag] = []

    init(rule: String) {
        self.rule = rule
    }

    /// Adds a flag about `ids` (of `kind`) with its evidence and thresholds in display order,
    /// the message in Dutch (`nl`) and English (`en`), and the p-value when a test ran.
    mutating func add(
        _ severity: PowerFlag.Severity, _ kind: PowerFlag.SubjectKind, _ ids: [String],
        evidence: [(String, Double)], threshold: [(String, Double)],
        nl: String, en: String, reference: String, p: Double? = nil
    ) {
        flags.append(
            PowerFlag(
                rule: rule, severity: severity, subject: PowerFlag.Subject(kind: kind, ids: ids),
                evidence: evidence.map { (name: $0.0, value: $0.1) },
                threshold: threshold.map { (name: $0.0, value: $0.1) },
                messageDutch: nl, messageEnglish: en, reference: reference, pValue: p))
    }
}
