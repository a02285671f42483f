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

    init(
        network: Network, options: PowerOptions, centrality: CentralityAnalysis, brokerage: Brokerage.Result,
        flows: FlowAnalysis, groupOf: [Int], typeNames: [String], actors: [PowerAnalysis.ActorPower],
        groups: [PowerAnalysis.GroupPower], fragmentation: Double, sizeDegreeCorrelation: Double?,
        sized: [Int]
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
    }

    /// The thresholds of the rules.
    var thresholds: FlagThresholds { options.thresholds }

    // MARK: - Helpers

    /// Display name of actor `i`.
    func name(_ i: Int) -> String { network.actors[i].name }
    /// Id of actor `i`.
    func id(_ i: Int) -> String { network.actors[i].id }
    /// Role of actor `i`.
    func role(_ i: Int) -> ActorRole { roles[i] }
    /// Label of an actor type in the vocabulary, or the type name itself.
    func label(_ type: String) -> String { network.vocabulary.actorType(named: type)?.label ?? type }
    /// Roles whose central or bridging position is their task.
    func bridgesByMandate(_ i: Int) -> Bool {
        [.intermediary, .publicAuthority, .frontline].contains(role(i))
    }
    /// A share as a whole percentage, "40%".
    static func percent(_ x: Double) -> String { String(format: "%.0f%%", x * 100) }
    /// A number with two decimals, "0.57".
    static func number(_ x: Double) -> String { String(format: "%.2f", x) }

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
