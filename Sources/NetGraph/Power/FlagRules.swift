import Foundation

/// The flag rules of DESIGN §5. Each rule reads the measures of `PowerAnalysis`, applies its
/// thresholds (`FlagThresholds`) and writes findings in Dutch and English.
///
/// Roles decide how a finding reads: an intermediary (VNG, regio) or a frontline team that
/// bridges, or a public authority that holds the centre, is doing its job and is reported as
/// `info`; the same position held by a provider, financier or other party is a warning or
/// critical finding about domination.
struct FlagRules {
    let network: Network
    let options: PowerOptions
    let centrality: CentralityAnalysis
    let brokerage: Brokerage.Result
    let flows: FlowAnalysis
    let groupOf: [Int]
    let typeNames: [String]
    let actors: [PowerAnalysis.ActorPower]
    let groups: [PowerAnalysis.GroupPower]
    let fragmentation: Double
    let sizeDegreeCorrelation: Double?
    /// Actors whose size counts as market weight (not authorities or intermediaries).
    let sized: [Int]
    var flags: [PowerFlag] = []

    init(network: Network, options: PowerOptions, centrality: CentralityAnalysis, brokerage: Brokerage.Result, flows: FlowAnalysis,
         groupOf: [Int], typeNames: [String], actors: [PowerAnalysis.ActorPower], groups: [PowerAnalysis.GroupPower],
         fragmentation: Double, sizeDegreeCorrelation: Double?, sized: [Int]) {
        self.network = network; self.options = options; self.centrality = centrality; self.brokerage = brokerage
        self.flows = flows; self.groupOf = groupOf; self.typeNames = typeNames; self.actors = actors; self.groups = groups
        self.fragmentation = fragmentation; self.sizeDegreeCorrelation = sizeDegreeCorrelation; self.sized = sized
        undirected = centrality.graph.undirectedNeighbors()
        roles = network.actors.map { network.role(of: $0) }
        cutVertices = centrality.actorValues["articulation_point"]!.enumerated().filter { $0.element == 1 }.map(\.offset)
    }

    var t: FlagThresholds { options.thresholds }
    let undirected: (offsets: [Int], targets: [Int32])
    /// Role of each actor, looked up once.
    let roles: [ActorRole]
    /// Articulation points of the undirected view, ascending.
    let cutVertices: [Int]

    mutating func evaluate() -> [PowerFlag] {
        dominantBroker()
        centralizedNetwork()
        largePartyDominance()
        sidelinedGroups()
        singleGatekeeper()
        fundingConcentration()
        oneSidedDependence()
        fragmentationRule()
        perceptionGap()
        return flags.sorted { ($1.severity, $0.rule) < ($0.severity, $1.rule) }
    }

    // MARK: - Helpers

    func name(_ i: Int) -> String { network.actors[i].name }
    func role(_ i: Int) -> ActorRole { roles[i] }
    func label(_ type: String) -> String { network.vocabulary.actorType(named: type)?.label ?? type }
    /// Roles whose central or bridging position is their task.
    func bridgesByMandate(_ i: Int) -> Bool { [.intermediary, .publicAuthority, .frontline].contains(role(i)) }
    static func percent(_ x: Double) -> String { String(format: "%.0f%%", x * 100) }
    static func number(_ x: Double) -> String { String(format: "%.2f", x) }

    mutating func add(_ rule: String, _ severity: PowerFlag.Severity, _ kind: PowerFlag.SubjectKind, _ ids: [String],
                      evidence: [(String, Double)], threshold: [(String, Double)], nl: String, en: String, reference: String, p: Double? = nil) {
        flags.append(PowerFlag(rule: rule, severity: severity, subject: PowerFlag.Subject(kind: kind, ids: ids),
                               evidence: evidence.map { (name: $0.0, value: $0.1) }, threshold: threshold.map { (name: $0.0, value: $0.1) },
                               messageDutch: nl, messageEnglish: en, reference: reference, pValue: p))
    }

    // MARK: - dominant-broker

    mutating func dominantBroker() {
        let share = t["dominant-broker.share"], critical = t["dominant-broker.critical"]
        let reference = "Freeman 1977 (betweenness as control over communication), doi:10.2307/3033543; Gould & Fernandez 1989, doi:10.2307/270949"
        for (i, power) in actors.enumerated() where power.betweennessShare >= share {
            let pct = Self.percent(power.betweennessShare)
            if bridgesByMandate(i) {
                add("dominant-broker", .info, .actor, [network.actors[i].id], evidence: [("betweenness_share", power.betweennessShare)], threshold: [("share", share)],
                    nl: "\(name(i)) ligt op \(pct) van alle kortste verbindingen tussen andere partijen. Als \(label(network.actors[i].type)) is dat haar taak: een verbindende schakel, geen teken van dominantie.",
                    en: "\(name(i)) lies on \(pct) of all shortest connections between other parties. As \(label(network.actors[i].type)) that is its task: a connecting link, not a sign of domination.",
                    reference: reference)
            } else {
                let severity: PowerFlag.Severity = power.betweennessShare >= critical ? .critical : .warning
                add("dominant-broker", severity, .actor, [network.actors[i].id], evidence: [("betweenness_share", power.betweennessShare)], threshold: [("share", share), ("critical", critical)],
                    nl: "\(name(i)) ligt op \(pct) van alle kortste verbindingen tussen andere partijen. Wie elkaar wil bereiken, moet vaak via deze partij: zij heeft in de praktijk veel regie, terwijl dat niet haar taak is.",
                    en: "\(name(i)) lies on \(pct) of all shortest connections between other parties. Others often have to go through it to reach each other: in practice it holds much of the direction, although that is not its task.",
                    reference: reference)
            }
        }
        // Access paths between a voice or provider group and the authorities.
        let pathShare = t["dominant-broker.path-share"]
        let authorities = Set(network.actors.indices.filter { role($0) == .publicAuthority }.map { groupOf[$0] })
        for a in Set(groupOf) where [.clientVoice, .citizen, .provider].contains(network.vocabulary.role(ofActorType: typeNames[a])) {
            for b in authorities where b != a {
                var byBroker: [Int: Double] = [:]
                var total = 0.0
                for j in 0..<network.actors.count {
                    for role in [Brokerage.Role.gatekeeper, .representative, .liaison] {
                        for (i, k) in brokerage.brokeredPairs[j][role] ?? [] where (groupOf[i] == a && groupOf[k] == b) || (groupOf[i] == b && groupOf[k] == a) {
                            byBroker[j, default: 0] += 1
                            total += 1
                        }
                    }
                }
                guard total >= 2, let (j, count) = byBroker.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }) else { continue }
                let s = count / total
                guard s >= pathShare, !bridgesByMandate(j), groupOf[j] != a else { continue }
                let from = label(typeNames[a]), to = label(typeNames[b])
                add("dominant-broker", .warning, .actor, [network.actors[j].id],
                    evidence: [("path_share", s), ("brokered_paths", total)], threshold: [("path-share", pathShare)],
                    nl: "Van de \(Int(total)) indirecte verbindingen tussen \(from) en \(to) loopt \(Self.percent(s)) via \(name(j)). Deze partij bepaalt zo grotendeels wat de ene groep van de andere hoort.",
                    en: "Of the \(Int(total)) indirect connections between \(from) and \(to), \(Self.percent(s)) run through \(name(j)). That party largely decides what one group hears from the other.",
                    reference: reference)
            }
        }
    }

    // MARK: - centralized-network (with a CUG test)

    mutating func centralizedNetwork() {
        let level = t["centralized-network.centralization"], alpha = t["centralized-network.alpha"]
        let graph = centrality.graph
        let n = graph.nodeCount
        guard n >= 3 else { return }
        let degreeC = centrality.networkValues["degree_centralization"] ?? nil
        let betweenC = centrality.networkValues["betweenness_centralization"] ?? nil
        let candidates = [("degree_centralization", degreeC), ("betweenness_centralization", betweenC)].compactMap { k, v in v.map { (k, $0) } }
        guard let (measure, value) = candidates.max(by: { $0.1 < $1.1 }), value >= level else { return }
        var p: Double? = nil
        if options.permutations > 0 {
            p = CUGTest.pValue(graph, permutations: options.permutations, seed: options.seed, observed: value,
                               statistic: measure == "degree_centralization" ? CUGTest.degreeCentralization : CUGTest.betweennessCentralization)
            if let p, p >= alpha { return }
        }
        let hub = centrality.actorValues[measure == "degree_centralization" ? "degree" : "betweenness"]!.enumerated().max(by: { $0.element < $1.element })!.offset
        let severity: PowerFlag.Severity = bridgesByMandate(hub) ? .info : .warning
        let tested = p.map { String(format: " (p = %.3f in een CUG-toets)", $0) } ?? ""
        let testedEn = p.map { String(format: " (p = %.3f in a CUG test)", $0) } ?? ""
        add("centralized-network", severity, .network, [network.metadata.name],
            evidence: [(measure, value)], threshold: [("centralization", level)] + (p == nil ? [] : [("alpha", alpha)]),
            nl: "Het netwerk is sterk gecentraliseerd rond \(name(hub)): centralisatie \(Self.number(value)) op een schaal van 0 (iedereen gelijk) tot 1 (een ster)\(tested). Veel loopt via één middelpunt.",
            en: "The network is strongly centralised around \(name(hub)): centralisation \(Self.number(value)) on a scale from 0 (all equal) to 1 (a star)\(testedEn). Much runs through one centre.",
            reference: "Freeman 1979, doi:10.1016/0378-8733(78)90021-7; CUG test: Anderson, Butts & Carley 1999, doi:10.1016/S0378-8733(98)00012-4", p: p)
    }

    // MARK: - large-party-dominance

    mutating func largePartyDominance() {
        guard sized.count >= 3 else { return }
        let topShare = t["large-party-dominance.top-share"], ratioLevel = t["large-party-dominance.ratio"], rhoLevel = t["large-party-dominance.rho"]
        let n = Double(network.actors.count)
        // The large parties: the largest actors that together hold half of all size, at most
        // the top `top-share` of sized actors (and at least one).
        let bySize = sized.sorted { network.actors[$0].size! > network.actors[$1].size! }
        let totalSize = bySize.reduce(0) { $0 + network.actors[$1].size! }
        let cap = max(1, Int((topShare * Double(sized.count)).rounded()))
        var k = 0, cumulative = 0.0
        while k < cap && (k == 0 || cumulative < totalSize / 2) { cumulative += network.actors[bySize[k]].size!; k += 1 }
        let largest = bySize.prefix(k)
        let reference = "Representation ratio (share of centrality / share of actors); Spearman rank correlation of size and degree"
        for measure in ["degree", "betweenness", "pagerank"] {
            let values = centrality.actorValues[measure]!
            let total = values.reduce(0, +)
            guard total > 0 else { continue }
            let held = largest.reduce(0) { $0 + values[$1] } / total
            let ratio = held / (Double(k) / n)
            guard ratio >= ratioLevel else { continue }
            var p: Double? = nil
            if options.permutations > 0 {
                p = Permutation.pValue(permutations: options.permutations, seed: options.seed, observed: ratio) { rng in
                    var shuffled = sized
                    for i in stride(from: shuffled.count - 1, to: 0, by: -1) { shuffled.swapAt(i, Int(rng.next(below: UInt64(i + 1)))) }
                    return shuffled.prefix(k).reduce(0) { $0 + values[$1] } / total / (Double(k) / n)
                }
            }
            let names = largest.map(name).joined(separator: ", ")
            let measureNl = ["degree": "de relaties", "betweenness": "de makelaarsposities", "pagerank": "de ontvangen aandacht en middelen"][measure]!
            let measureEn = ["degree": "the ties", "betweenness": "the broker positions", "pagerank": "the attention and resources received"][measure]!
            add("large-party-dominance", ratio >= 2 * ratioLevel ? .critical : .warning, .actor, largest.map { network.actors[$0].id },
                evidence: [("share_of_\(measure)", held), ("share_of_actors", Double(k) / n), ("ratio", ratio)], threshold: [("top-share", topShare), ("ratio", ratioLevel)],
                nl: "De grootste partij\(k > 1 ? "en" : "") naar omvang (\(names)) \(k > 1 ? "hebben" : "heeft") \(Self.percent(held)) van \(measureNl) in handen, \(Self.number(ratio)) keer zoveel als \(k > 1 ? "hun" : "haar") aantal rechtvaardigt. Grote organisaties zitten zo dichter bij de agenda dan kleine.",
                en: "The largest part\(k > 1 ? "ies" : "y") by size (\(names)) hold\(k > 1 ? "" : "s") \(Self.percent(held)) of \(measureEn), \(Self.number(ratio)) times what \(k > 1 ? "their" : "its") number justifies. Large organisations are closer to the agenda than small ones.",
                reference: reference, p: p)
            break   // one finding per network: the first measure that shows it
        }
        if let rho = sizeDegreeCorrelation, rho >= rhoLevel, sized.count >= 5 {
            add("large-party-dominance", .warning, .network, [network.metadata.name],
                evidence: [("spearman_size_degree", rho), ("actors_with_size", Double(sized.count))], threshold: [("rho", rhoLevel)],
                nl: "Hoe groter een organisatie, hoe meer relaties ze heeft (rangcorrelatie \(Self.number(rho))). Omvang vertaalt zich hier direct in positie in het netwerk.",
                en: "The larger an organisation, the more ties it has (rank correlation \(Self.number(rho))). Size translates directly into network position here.",
                reference: reference)
        }
    }

    // MARK: - sidelined-group

    /// Groups whose marginal position is the risk DESIGN names: client organisations,
    /// citizens' initiatives and providers (small ones, when sizes are known).
    mutating func sidelinedGroups() {
        let level = t["sidelined-group.ratio"]
        let degree = centrality.actorValues["degree"]!
        let reference = "Representation ratio; k-core (Seidman 1983, doi:10.1016/0378-8733(83)90028-X); gatekeeping (Gould & Fernandez 1989)"
        var candidates: [(label: String, ids: [String], members: [Int])] = []
        for group in groups where [.clientVoice, .citizen].contains(group.role) {
            candidates.append((label(group.type), [group.type], group.actors))
        }
        // Small providers: providers below the median provider size.
        let providers = network.actors.indices.filter { role($0) == .provider && network.actors[$0].size != nil }
        if providers.count >= 4 {
            let sizes = providers.map { network.actors[$0].size! }.sorted()
            let median = sizes[sizes.count / 2]
            let small = providers.filter { network.actors[$0].size! < median }
            if !small.isEmpty { candidates.append(("kleine aanbieders", ["kleine aanbieders"], small)) }
        }
        let n = Double(network.actors.count)
        let total = degree.reduce(0, +)
        let cores = centrality.actorValues["core_number"]!
        let minCore = cores.min() ?? 0, maxCore = cores.max() ?? 0
        for candidate in candidates where total > 0 {
            let members = candidate.members
            let share = members.reduce(0) { $0 + degree[$1] } / total
            let ratio = share / (Double(members.count) / n)
            let allOuter = maxCore > minCore && members.allSatisfy { cores[$0] == minCore }
            let keeper = gatekeepers(of: members).first { !bridgesByMandate($0) }
            guard ratio <= level || allOuter || keeper != nil else { continue }
            var p: Double? = nil
            if options.permutations > 0 {
                p = Permutation.pValue(permutations: options.permutations, seed: options.seed, observed: -ratio) { rng in
                    var pick = Array(0..<network.actors.count)
                    for i in 0..<members.count { pick.swapAt(i, i + Int(rng.next(below: UInt64(pick.count - i)))) }
                    return -(pick.prefix(members.count).reduce(0) { $0 + degree[$1] } / total / (Double(members.count) / n))
                }
            }
            let names = members.map(name).joined(separator: ", ")
            let ids = candidate.ids + members.map { network.actors[$0].id }
            let why = ratio <= level
                ? "heeft samen \(Self.percent(share)) van de relaties, terwijl ze \(Self.percent(Double(members.count) / n)) van de partijen zijn (verhouding \(Self.number(ratio)))"
                : allOuter ? "zit geheel in de buitenste schil van het netwerk (k-kern \(Int(minCore)))"
                : "bereikt de overheid alleen via \(name(keeper!))"
            let whyEn = ratio <= level
                ? "together hold \(Self.percent(share)) of the ties while they are \(Self.percent(Double(members.count) / n)) of the parties (ratio \(Self.number(ratio)))"
                : allOuter ? "sit entirely in the outer shell of the network (k-core \(Int(minCore)))"
                : "reach the authorities only through \(name(keeper!))"
            add("sidelined-group", .warning, .type, ids,
                evidence: [("share_of_degree", share), ("share_of_actors", Double(members.count) / n), ("representation_ratio", ratio), ("outer_shell", allOuter ? 1 : 0), ("single_gatekeeper", keeper == nil ? 0 : 1)],
                threshold: [("ratio", level)],
                nl: "De groep \(candidate.label) (\(names)) \(why). Hun stem komt maar beperkt aan tafel: ze staan buitenspel.",
                en: "The group \(candidate.label) (\(names)) \(whyEn). Their voice reaches the table only in part: they are sidelined.",
                reference: reference, p: p)
        }
    }

    // MARK: - single-gatekeeper

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
            role(x) != .publicAuthority && !(members.count == 1 && members[0] == x) && !reachesAuthority(members, removing: x)
        }
    }

    mutating func singleGatekeeper() {
        let view = undirected
        let n = network.actors.count
        let authorities = Set((0..<n).filter { role($0) == .publicAuthority })
        guard !authorities.isEmpty else { return }
        func reaches(_ sources: [Int], removing x: Int?) -> Bool { reachesAuthority(sources, removing: x) }
        var reported = Set<Int>()
        for group in groups where [.clientVoice, .citizen, .provider].contains(group.role) {
            let members = group.actors
            defer { reported.formUnion(members) }
            for x in gatekeepers(of: members) {
                let inside = members.contains(x)
                let severity: PowerFlag.Severity
                if bridgesByMandate(x) { severity = .info }
                else if [.provider, .financier].contains(role(x)) && [.clientVoice, .citizen].contains(group.role) { severity = .critical }
                else { severity = .warning }
                let groupLabel = label(group.type)
                let nl = severity == .info
                    ? "\(groupLabel) bereikt de overheid alleen via \(name(x)). Die vervult hier de rol van verbindende schakel; let erop dat die verbinding open blijft."
                    : "\(groupLabel) (\(members.map(name).joined(separator: ", "))) bereikt de overheid alleen via \(name(x))\(inside ? ", zelf lid van de groep" : ""). Valt die partij weg of houdt ze informatie vast, dan is de groep afgesloten: \(name(x)) is de enige poortwachter."
                let en = severity == .info
                    ? "\(groupLabel) reaches the authorities only through \(name(x)). It acts as the connecting link here; make sure that connection stays open."
                    : "\(groupLabel) (\(members.map(name).joined(separator: ", "))) reaches the authorities only through \(name(x))\(inside ? ", itself a member of the group" : ""). If that party drops out or holds information back, the group is cut off: \(name(x)) is the only gatekeeper."
                add("single-gatekeeper", severity, .actor, [network.actors[x].id] + members.map { network.actors[$0].id },
                    evidence: [("group_size", Double(members.count)), ("articulation_point", centrality.value("articulation_point", x))], threshold: [],
                    nl: nl, en: en, reference: "Articulation points (Hopcroft & Tarjan 1973); gatekeeper role, Gould & Fernandez 1989")
                reported.insert(-1 - x)
            }
        }
        // Single client organisations and citizens' initiatives whose only route to the
        // authorities runs through one other party.
        for a in 0..<n where [.clientVoice, .citizen].contains(role(a)) && reaches([a], removing: nil) {
            let neighbours = Set(view.targets[view.offsets[a]..<view.offsets[a + 1]].map(Int.init))
            guard neighbours.isDisjoint(with: authorities) else { continue }
            for x in cutVertices where x != a && !authorities.contains(x) && !reaches([a], removing: x) {
                // Already reported for the whole group through this gatekeeper?
                if reported.contains(-1 - x) && reported.contains(a) { continue }
                let severity: PowerFlag.Severity = bridgesByMandate(x) ? .info : .warning
                add("single-gatekeeper", severity, .actor, [network.actors[x].id, network.actors[a].id],
                    evidence: [("articulation_point", centrality.value("articulation_point", x))], threshold: [],
                    nl: severity == .info
                        ? "\(name(a)) bereikt de overheid alleen via \(name(x)), een verbindende schakel. Houd die verbinding open."
                        : "\(name(a)) bereikt de overheid alleen via \(name(x)). Wat \(name(a)) inbrengt, komt alleen aan tafel als \(name(x)) het doorgeeft.",
                    en: severity == .info
                        ? "\(name(a)) reaches the authorities only through \(name(x)), a connecting link. Keep that connection open."
                        : "\(name(a)) reaches the authorities only through \(name(x)). What \(name(a)) brings in reaches the table only if \(name(x)) passes it on.",
                    reference: "Articulation points (Hopcroft & Tarjan 1973); gatekeeper role, Gould & Fernandez 1989")
            }
        }
    }

    // MARK: - funding-concentration

    mutating func fundingConcentration() {
        let moderate = t["funding-concentration.moderate"], high = t["funding-concentration.high"], critical = t["funding-concentration.critical"]
        func severity(_ points: Double) -> PowerFlag.Severity? {
            points >= critical ? .critical : points >= high ? .warning : points >= moderate ? .info : nil
        }
        let reference = "Herfindahl–Hirschman index; bands of the EU horizontal-merger guidelines (2004/C 31/03); ACM follows EU practice"
        let thresholds = [("moderate", moderate), ("high", high), ("critical", critical)]
        // A provider group: how concentrated is the money it receives over its members?
        for group in groups where group.role == .provider && group.actors.count >= 2 {
            guard let c = group.inflowHHI, c.parts >= 2, let s = severity(c.points) else { continue }
            let top = group.actors.max { flows.inStrength[$0] < flows.inStrength[$1] }!
            let topShare = flows.inStrength[top] / group.actors.reduce(0) { $0 + flows.inStrength[$1] }
            add("funding-concentration", s, .type, [group.type, network.actors[top].id],
                evidence: [("hhi_points", c.points), ("hhi_normalized", c.normalized ?? .nan), ("largest_share", topShare)], threshold: thresholds,
                nl: "Het geld voor \(label(group.type)) is geconcentreerd: HHI \(Int(c.points.rounded())) punten; \(name(top)) ontvangt \(Self.percent(topShare)). Boven 2.000 punten spreken mededingingstoezichthouders van een sterk geconcentreerde markt.",
                en: "The money for \(label(group.type)) is concentrated: HHI \(Int(c.points.rounded())) points; \(name(top)) receives \(Self.percent(topShare)). Above 2,000 points competition authorities call a market highly concentrated.",
                reference: reference)
        }
        // A payer: how concentrated is its spending on parties that are not authorities or intermediaries?
        for i in 0..<network.actors.count where [.publicAuthority, .financier].contains(role(i)) {
            let spending = flows.outflow[i].filter { ![.publicAuthority, .intermediary].contains(role($0.key)) }
            guard spending.count >= 3, let c = FlowAnalysis.concentration(Array(spending.values)), let s = severity(c.points) else { continue }
            let top = spending.max { ($0.value, $1.key) < ($1.value, $0.key) }!
            let topShare = top.value / spending.values.reduce(0, +)
            add("funding-concentration", s, .actor, [network.actors[i].id, network.actors[top.key].id],
                evidence: [("hhi_points", c.points), ("hhi_normalized", c.normalized ?? .nan), ("largest_share", topShare), ("recipients", Double(c.parts))], threshold: thresholds,
                nl: "\(name(i)) besteedt geconcentreerd: HHI \(Int(c.points.rounded())) punten over \(c.parts) ontvangers; \(Self.percent(topShare)) gaat naar \(name(top.key)).",
                en: "\(name(i)) spends in a concentrated way: HHI \(Int(c.points.rounded())) points over \(c.parts) recipients; \(Self.percent(topShare)) goes to \(name(top.key)).",
                reference: reference)
        }
    }

    // MARK: - one-sided-dependence

    mutating func oneSidedDependence() {
        let level = t["one-sided-dependence.dependence"], reverse = t["one-sided-dependence.reverse"]
        let reference = "Emerson 1962, doi:10.2307/2089716; Casciaro & Piskorski 2005, doi:10.2189/asqu.2005.50.2.167"
        // Funding by an authority, financier or intermediary is the expected relation: one
        // info finding per funder lists who depends on it.
        var expected: [Int: [(Int, Double)]] = [:]
        var market: [Int: [(Int, Double, Double)]] = [:]
        for j in 0..<network.actors.count {
            for i in flows.inflow[j].keys.sorted() {
                let d = flows.dependence(of: j, on: i), back = flows.dependence(of: i, on: j)
                guard d >= level, back <= reverse else { continue }
                if [.publicAuthority, .financier, .intermediary].contains(role(i)) {
                    expected[i, default: []].append((j, d))
                    continue
                }
                market[i, default: []].append((j, d, back))
            }
        }
        // Dependence on another market party: a finding per pair, or one per party that
        // several others depend on.
        for (i, dependents) in market.sorted(by: { $0.key < $1.key }) {
            let strongest = dependents.map(\.1).max()!
            let severity: PowerFlag.Severity = strongest >= 0.9 ? .critical : .warning
            if dependents.count == 1, let (j, d, back) = dependents.first {
                add("one-sided-dependence", severity, .pair, [network.actors[i].id, network.actors[j].id],
                    evidence: [("dependence", d), ("reverse_dependence", back), ("power_imbalance", d - back)], threshold: [("dependence", level), ("reverse", reverse)],
                    nl: "\(name(j)) krijgt \(Self.percent(d)) van haar middelen van \(name(i)); omgekeerd is dat \(Self.percent(back)). \(name(j)) is afhankelijk van een andere marktpartij, die daarmee macht over haar heeft.",
                    en: "\(name(j)) gets \(Self.percent(d)) of its resources from \(name(i)); the other way round it is \(Self.percent(back)). \(name(j)) depends on another market party, which thereby has power over it.",
                    reference: reference)
            } else {
                let names = dependents.map { "\(name($0.0)) (\(Self.percent($0.1)))" }.joined(separator: ", ")
                add("one-sided-dependence", severity, .actor, [network.actors[i].id] + dependents.map { network.actors[$0.0].id },
                    evidence: [("dependents", Double(dependents.count)), ("max_dependence", strongest)], threshold: [("dependence", level), ("reverse", reverse)],
                    nl: "\(dependents.count) partijen krijgen het grootste deel van hun middelen van \(name(i)), een andere marktpartij, en geven haar nauwelijks iets terug: \(names). \(name(i)) heeft macht over hen.",
                    en: "\(dependents.count) parties get most of their resources from \(name(i)), another market party, and give it hardly anything back: \(names). \(name(i)) has power over them.",
                    reference: reference)
            }
        }
        for (i, dependents) in expected.sorted(by: { $0.key < $1.key }) {
            let names = dependents.map { "\(name($0.0)) (\(Self.percent($0.1)))" }.joined(separator: ", ")
            let mean = dependents.reduce(0) { $0 + $1.1 } / Double(dependents.count)
            add("one-sided-dependence", .info, .actor, [network.actors[i].id] + dependents.map { network.actors[$0.0].id },
                evidence: [("dependents", Double(dependents.count)), ("mean_dependence", mean)], threshold: [("dependence", level), ("reverse", reverse)],
                nl: "\(dependents.count) partij\(dependents.count == 1 ? "" : "en") krijg\(dependents.count == 1 ? "t" : "en") het grootste deel van \(dependents.count == 1 ? "haar" : "hun") middelen van \(name(i)): \(names). \(dependents.count == 1 ? "Die is" : "Zij zijn") afhankelijk van deze financier; dat hoort bij de rol, maar geeft \(name(i)) veel macht.",
                en: "\(dependents.count) part\(dependents.count == 1 ? "y gets" : "ies get") most of \(dependents.count == 1 ? "its" : "their") resources from \(name(i)): \(names). They depend on this funder; that comes with the role, but gives \(name(i)) much power.",
                reference: reference)
        }
    }

    // MARK: - fragmentation

    mutating func fragmentationRule() {
        let level = t["fragmentation.fragmentation"], keyPlayer = t["fragmentation.key-player"], isolated = t["fragmentation.isolated-providers"]
        let reference = "Borgatti 2006, key player, doi:10.1007/s10588-006-7084-x"
        if fragmentation >= level {
            add("fragmentation", .warning, .network, [network.metadata.name], evidence: [("fragmentation", fragmentation)], threshold: [("fragmentation", level)],
                nl: "Het netwerk valt uiteen: \(Self.percent(fragmentation)) van alle paren partijen kan elkaar via geen enkele route bereiken. Dat is versnippering.",
                en: "The network falls apart: \(Self.percent(fragmentation)) of all pairs of parties cannot reach each other by any route. That is fragmentation (versnippering).",
                reference: reference)
        }
        for (i, power) in actors.enumerated() where power.fragmentationWithout - fragmentation >= keyPlayer {
            let rise = power.fragmentationWithout - fragmentation
            add("fragmentation", bridgesByMandate(i) ? .info : .warning, .actor, [network.actors[i].id],
                evidence: [("fragmentation_without", power.fragmentationWithout), ("increase", rise)], threshold: [("key-player", keyPlayer)],
                nl: "Zonder \(name(i)) kan nog eens \(Self.percent(rise)) van alle paren partijen elkaar niet meer bereiken. Het netwerk hangt op deze partij.",
                en: "Without \(name(i)) a further \(Self.percent(rise)) of all pairs of parties could no longer reach each other. The network hinges on this party.",
                reference: reference)
        }
        let partners = Degree.partners(centrality.graph)
        let providers = network.actors.indices.filter { role($0) == .provider }
        if providers.count >= 3 {
            let loose = providers.filter { partners[$0] <= 1 }
            let share = Double(loose.count) / Double(providers.count)
            if share >= isolated {
                add("fragmentation", .warning, .type, ["aanbieders"] + loose.map { network.actors[$0].id },
                    evidence: [("share_isolated_providers", share), ("providers", Double(providers.count))], threshold: [("isolated-providers", isolated)],
                    nl: "\(loose.count) van de \(providers.count) aanbieders (\(Self.percent(share))) hebben hooguit één relatie: veel losse, kleine partijen zonder onderling verband (versnippering).",
                    en: "\(loose.count) of the \(providers.count) providers (\(Self.percent(share))) have at most one tie: many loose, small parties without mutual ties (fragmentation).",
                    reference: reference)
            }
        }
    }

    // MARK: - perception-gap

    mutating func perceptionGap() {
        let level = t["perception-gap.gap"]
        for (i, power) in actors.enumerated() {
            guard let gap = power.perceptionGap, abs(gap) >= level else { continue }
            let seenMore = gap > 0
            add("perception-gap", seenMore ? .info : .warning, .actor, [network.actors[i].id],
                evidence: [("gap", gap), ("influence", network.actors[i].influence ?? .nan)], threshold: [("gap", level)],
                nl: seenMore
                    ? "\(name(i)) wordt als invloedrijker gezien dan de netwerkpositie laat zien (verschil \(Self.number(gap)) op een schaal van −1 tot 1). Invloed via reputatie of formele rol, niet via relaties?"
                    : "\(name(i)) heeft structureel meer macht dan de groep denkt (verschil \(Self.number(gap)) op een schaal van −1 tot 1): verborgen invloed die het bespreken waard is.",
                en: seenMore
                    ? "\(name(i)) is seen as more influential than its network position shows (gap \(Self.number(gap)) on a scale from −1 to 1). Influence through reputation or formal role rather than ties?"
                    : "\(name(i)) holds more structural power than the group perceives (gap \(Self.number(gap)) on a scale from −1 to 1): hidden influence worth discussing.",
                reference: "Net-Map influence towers (Schiffer & Hauck 2010, doi:10.1177/1525822X10374798) against structural centrality")
        }
    }
}

/// Conditional uniform graph (CUG) test: the share of uniform random graphs with the same
/// number of nodes and arcs (and directedness) whose statistic is at least the observed one.
/// Anderson, Butts & Carley 1999, doi:10.1016/S0378-8733(98)00012-4. p = (1 + #{≥ observed})/(N + 1).
enum CUGTest {
    static func pValue(_ graph: Graph, permutations: Int, seed: UInt64, observed: Double, statistic: (Graph) -> Double?) -> Double {
        var rng = SplitMix64(seed: seed)
        let n = graph.nodeCount
        let edges = graph.isDirected ? graph.arcCount : graph.arcCount / 2
        var atLeast = 0
        for _ in 0..<permutations {
            var chosen = Set<Int>()
            var arcs: [(Int32, Int32, Double)] = []
            while chosen.count < edges {
                let u = Int(rng.next(below: UInt64(n))), v = Int(rng.next(below: UInt64(n)))
                guard u != v else { continue }
                let key = graph.isDirected ? u * n + v : min(u, v) * n + max(u, v)
                if chosen.insert(key).inserted {
                    arcs.append((Int32(u), Int32(v), 1))
                    if !graph.isDirected { arcs.append((Int32(v), Int32(u), 1)) }
                }
            }
            let random = Graph(nodeCount: n, arcs: arcs, isDirected: graph.isDirected, weights: .ignore)
            if let value = statistic(random), value >= observed - 1e-12 { atLeast += 1 }
        }
        return Double(1 + atLeast) / Double(permutations + 1)
    }

    static func degreeCentralization(_ g: Graph) -> Double? {
        NetworkMeasures.centralization(Degree.degree(g).map(Double.init), denominator: NetworkMeasures.freemanDenominator(.degree, nodeCount: g.nodeCount, directed: g.isDirected))
    }

    static func betweennessCentralization(_ g: Graph) -> Double? {
        NetworkMeasures.centralization(Betweenness.compute(g).raw, denominator: NetworkMeasures.freemanDenominator(.betweenness, nodeCount: g.nodeCount, directed: g.isDirected))
    }
}

/// Permutation p-value: share of seeded random relabellings whose statistic reaches the
/// observed one, p = (1 + #{≥ observed})/(N + 1).
enum Permutation {
    static func pValue(permutations: Int, seed: UInt64, observed: Double, _ statistic: (inout SplitMix64) -> Double) -> Double {
        var rng = SplitMix64(seed: seed)
        var atLeast = 0
        for _ in 0..<permutations where statistic(&rng) >= observed - 1e-12 { atLeast += 1 }
        return Double(1 + atLeast) / Double(permutations + 1)
    }
}
