import Foundation
import TestSupport
import Testing

@testable import NetGraph
@testable import NetGraphIO

func scenario(_ name: String) throws -> Network {
    try NetworkReader.load(path: packageRoot.appendingPathComponent("datasets/scenarios/\(name)").path)
        .network
}

extension PowerAnalysis {
    func flags(_ rule: String, atLeast severity: PowerFlag.Severity = .warning) -> [PowerFlag] {
        flags.filter { $0.rule == rule && $0.severity >= severity }
    }
}

@Suite("Flags on scenario networks whose truth is known")
struct ScenarioFlagTests {
    @Test("a balanced network raises no domination flag")
    func balanced() throws {
        let power = PowerAnalysis(try scenario("evenwichtig"))
        let domination = power.flags.filter(\.isDomination)
        #expect(domination.isEmpty, "unexpected: \(domination.map { "\($0.rule): \($0.messageEnglish)" })")
    }

    @Test("one large provider as the only bridge between client organisations and the gemeente")
    func largeProviderGatekeeper() throws {
        let power = PowerAnalysis(try scenario("grote-aanbieder-als-poortwachter"))
        for rule in [
            "dominant-broker", "single-gatekeeper", "large-party-dominance", "funding-concentration",
        ] {
            let found = power.flags(rule)
            #expect(!found.isEmpty, "\(rule) did not fire")
            #expect(
                found.contains { $0.subject.ids.contains("groot") },
                "\(rule) does not name the large provider")
        }
        let gatekeeper = try #require(power.flags("single-gatekeeper", atLeast: .critical).first)
        #expect(gatekeeper.subject.ids.first == "groot")
        #expect(Set(["co1", "co2", "co3"]).isSubset(of: Set(gatekeeper.subject.ids)))
        let sidelined = power.flags("sidelined-group")
        #expect(
            sidelined.contains {
                $0.subject.ids.first == "clientorganisatie"
                    && Set(["co1", "co2", "co3"]).isSubset(of: Set($0.subject.ids))
            })
        #expect(power.flags("dominant-broker", atLeast: .critical).first?.subject.ids == ["groot"])
    }

    @Test("a subcontractor living off one large provider is one-sidedly dependent")
    func dependence() throws {
        let power = PowerAnalysis(try scenario("eenzijdige-afhankelijkheid"))
        let pair = try #require(power.flags("one-sided-dependence").first)
        #expect(pair.subject.kind == .pair)
        #expect(pair.subject.ids == ["hoofd", "onder"])
        let d = pair.evidence.first { $0.name == "dependence" }!.value
        #expect(close(d, 0.75 / 0.80))
    }

    @Test("a fragmented network and its loose providers are flagged")
    func fragmented() throws {
        let power = PowerAnalysis(try scenario("versnipperd"))
        let found = power.flags("fragmentation")
        #expect(found.contains { $0.subject.kind == .network })
        #expect(found.contains { $0.subject.kind == .type && $0.subject.ids.contains("za8") })
        // 13 actors in components of sizes 5, 2, 2, 2 and two isolates: F = 1 − (20 + 2 + 2 + 2)/156.
        #expect(close(power.fragmentation, 1 - 26.0 / 156))
    }

    @Test("perceived and structural power disagree for the quiet provider")
    func perception() throws {
        let power = PowerAnalysis(try scenario("perceptie-verschil"))
        let gap = try #require(power.flags("perception-gap").first { $0.subject.ids == ["stil"] })
        #expect(gap.evidence.first!.value <= -0.5)
        #expect(
            power.flags("perception-gap", atLeast: .info).contains {
                $0.subject.ids == ["wet"] && $0.severity == .info
            })
    }

    @Test("every flag has both languages, a reference and evidence")
    func completeness() throws {
        for name in [
            "evenwichtig", "grote-aanbieder-als-poortwachter", "eenzijdige-afhankelijkheid", "versnipperd",
            "perceptie-verschil",
        ] {
            let flags = PowerAnalysis(try scenario(name)).flags
            // Every scenario has something to say (at least the info findings on roles).
            #expect(!flags.isEmpty, "\(name): no findings at all")
            for flag in flags {
                #expect(
                    !flag.messageDutch.isEmpty && !flag.messageEnglish.isEmpty
                        && flag.messageDutch != flag.messageEnglish)
                #expect(!flag.reference.isEmpty)
                #expect(!flag.evidence.isEmpty)
                #expect(!flag.subject.ids.isEmpty)
            }
        }
    }
}

@Suite("Organisations that did not answer the survey are not called sidelined or isolated")
struct NonRespondentFlagTests {
    /// `network` with `responded` set on the actors named (true/false), and `extra` actors added.
    func marked(_ network: Network, _ responded: [String: Bool], adding extra: [Actor] = []) -> Network {
        var copy = Network(metadata: network.metadata, vocabulary: network.vocabulary)
        for var actor in network.actors + extra {
            if let answer = responded[actor.id] { actor.attributes["responded"] = answer ? "true" : "false" }
            copy.add(actor)
        }
        for relation in network.relations { copy.add(relation) }
        return copy
    }

    @Test("a client organisation that did not answer: its answers are missing, the others are sidelined")
    func sidelined() throws {
        let base = try scenario("grote-aanbieder-als-poortwachter")
        let power = PowerAnalysis(marked(base, ["co1": false, "co2": true, "co3": true]))
        let sidelined = power.flags.filter { $0.rule == "sidelined-group" }
        #expect(!sidelined.contains { $0.subject.ids.contains("co1") }, "co1 did not answer: not sidelined")
        // The members that did answer are still named, as without the marks.
        #expect(sidelined.contains { Set(["co2", "co3"]).isSubset(of: Set($0.subject.ids)) })
        let missing = power.flags.filter { $0.rule == "missing-answers" }
        #expect(missing.count == 1)
        let flag = try #require(missing.first)
        #expect(flag.subject.ids == ["co1"] && flag.severity == .info && flag.subject.kind == .actor)
        // co1's partners: Zorgconcern Groot and Ouderplatform (co2).
        #expect(flag.evidence.first { $0.name == "partners" }?.value == 2)
        #expect(
            flag.messageDutch.contains("Cliëntenraad Jeugd") && flag.messageDutch.contains("niet ingevuld"))
        #expect(flag.messageEnglish.contains("did not answer the survey"))
        #expect(!flag.messageDutch.lowercased().contains("buitenspel"))
        #expect(FindingLabels.title(ofRule: "missing-answers", "en") == "Answers missing")
        // "responded" = true, or no mark at all, changes nothing.
        let answered = PowerAnalysis(marked(base, ["co1": true, "co2": true, "co3": true]))
        let plain = PowerAnalysis(base)
        #expect(answered.flags.map(\.messageDutch) == plain.flags.map(\.messageDutch))
    }

    @Test("an organisation nobody named and that did not answer is not called isolated")
    func isolated() throws {
        let base = try scenario("evenwichtig")
        let silent = Actor(id: "stil", name: "Stille Raad", type: "clientorganisatie")
        let quiet = PowerAnalysis(marked(base, ["stil": false], adding: [silent]))
        #expect(!quiet.flags.contains { $0.rule == "isolated-actor" && $0.subject.ids == ["stil"] })
        let missing = try #require(quiet.flags.first { $0.rule == "missing-answers" })
        #expect(missing.subject.ids == ["stil"] && missing.severity == .info)
        #expect(missing.evidence.first { $0.name == "partners" }?.value == 0)
        #expect(quiet.flags.filter(\.isDomination).isEmpty)
        // Marked as having answered, the same actor is a voice missing at the table (a warning).
        let answered = PowerAnalysis(marked(base, ["stil": true], adding: [silent]))
        #expect(
            answered.flags.contains {
                $0.rule == "isolated-actor" && $0.subject.ids == ["stil"] && $0.severity == .warning
            })
        #expect(!answered.flags.contains { $0.rule == "missing-answers" })
    }
}

@Suite("Flags fire at their threshold and not just above it")
struct ThresholdEdgeTests {
    /// Runs the analysis with `key` set to the evidence value (fires) and just above it (does not).
    func edge(
        _ network: Network, rule: String, key: String, evidence: String, subject: String? = nil,
        above: Bool = true,
        severity: PowerFlag.Severity = .info
    ) {
        let base = PowerAnalysis(network)
        guard
            let flag = base.flags.first(where: {
                $0.rule == rule && $0.severity >= severity
                    && (subject == nil || $0.subject.ids.contains(subject!))
                    && $0.evidence.contains { $0.name == evidence }
            })
        else {
            Issue.record("\(rule) did not fire at the default threshold")
            return
        }
        let value = flag.evidence.first { $0.name == evidence }!.value
        let nudge = max(abs(value) * 1e-9, 1e-12) * (above ? 1 : -1)
        func fires(_ threshold: Double) -> Bool {
            PowerAnalysis(network, options: try! PowerOptions(network: network, overrides: [key: threshold]))
                .flags.contains {
                    $0.rule == rule && $0.severity >= severity
                        && (subject == nil || $0.subject.ids.contains(subject!))
                        && $0.evidence.contains { $0.name == evidence }
                }
        }
        #expect(fires(value), "\(rule) should fire with \(key) = \(value)")
        #expect(!fires(value + nudge), "\(rule) should not fire with \(key) just beyond \(value)")
    }

    @Test("dominant-broker, funding-concentration, large-party-dominance, centralized-network")
    func poortwachter() throws {
        let network = try scenario("grote-aanbieder-als-poortwachter")
        edge(
            network, rule: "dominant-broker", key: "dominant-broker.share", evidence: "betweenness_share",
            subject: "groot")
        // A gemeente paying five providers 70/7.5/7.5/7.5/7.5: normalised HHI 0.39.
        var market = Network(metadata: NetworkMetadata(name: "markt"))
        market.add(Actor(id: "gem", type: "gemeente"))
        for (k, amount) in [70, 7.5, 7.5, 7.5, 7.5].enumerated() {
            market.add(Actor(id: "za\(k)", type: "zorgaanbieder"))
            market.add(
                Relation(
                    source: "gem", target: "za\(k)", type: "financiering", weight: amount, directed: true))
        }
        edge(
            market, rule: "funding-concentration", key: "funding-concentration.warning",
            evidence: "hhi_normalized",
            subject: "gem", severity: .warning)
        // Large parties: the rule reports the first of degree, betweenness, PageRank whose
        // ratio reaches the threshold, so the edge is the largest of the three ratios.
        let values = PowerAnalysis(network).centrality
        let large = network.index(ofActor: "groot")!  // the only large party here
        // Shares and ratios are taken among the providers with a size.
        let providers = network.actors.indices.filter {
            network.actors[$0].size != nil && network.role(of: network.actors[$0]) == .provider
        }
        let ratios = [ActorMeasure.degree, .betweenness, .pagerank].map { m in
            values[m][large] / providers.reduce(0) { $0 + values[m][$1] } * Double(providers.count)
        }
        let edgeRatio = ratios.max()!
        let fires = { (t: Double) in
            PowerAnalysis(
                network,
                options: try! PowerOptions(network: network, overrides: ["large-party-dominance.ratio": t])
            )
            .flags.contains { $0.rule == "large-party-dominance" && $0.subject.kind == .actor }
        }
        #expect(fires(edgeRatio))
        #expect(!fires(edgeRatio * (1 + 1e-9)))
        edge(
            network, rule: "centralized-network", key: "centralized-network.centralization",
            evidence: "degree_centralization")
        edge(
            network, rule: "fragmentation", key: "fragmentation.key-player", evidence: "increase",
            subject: "groot")
    }

    @Test("one-sided-dependence, sidelined-group, fragmentation, perception-gap")
    func others() throws {
        edge(
            try scenario("eenzijdige-afhankelijkheid"), rule: "one-sided-dependence",
            key: "one-sided-dependence.dependence", evidence: "dependence", subject: "onder")
        edge(
            try scenario("versnipperd"), rule: "fragmentation", key: "fragmentation.fragmentation",
            evidence: "fragmentation")
        edge(
            try DemoDataset.load().network, rule: "sidelined-group", key: "sidelined-group.ratio",
            evidence: "representation_ratio", subject: "clientorganisatie", above: false)
    }

    @Test("thresholds from network.yaml are applied")
    func fromMetadata() throws {
        var network = try scenario("grote-aanbieder-als-poortwachter")
        network.metadata.thresholds = ["dominant-broker.share": 0.99]
        let power = PowerAnalysis(network, options: try PowerOptions(network: network))
        #expect(
            !power.flags.contains {
                $0.rule == "dominant-broker" && $0.evidence.contains { $0.name == "betweenness_share" }
            })
    }

    @Test("permutation tests give seeded, repeatable p-values")
    func pValues() throws {
        let network = try scenario("grote-aanbieder-als-poortwachter")
        let options = PowerOptions(permutations: 199, seed: 3)
        let a = PowerAnalysis(network, options: options)
        let b = PowerAnalysis(network, options: options)
        let pa = a.flags.compactMap(\.pValue)
        let pb = b.flags.compactMap(\.pValue)
        #expect(!pa.isEmpty)
        #expect(pa == pb)
        #expect(pa.allSatisfy { $0 > 0 && $0 <= 1 })
    }
}

@Suite("Power measures, hand-worked")
struct PowerMeasureTests {
    @Test("dependence, imbalance and HHI on the governance example (reference: shared governance_demo)")
    func dependence() {
        // GEM1 → ZA_GROOT 60, ZA_KLEIN1 10, ZA_KLEIN2 10, VNG 2, CLIENT 1: HHI of GEM1's purchase
        // shares (60, 10, 10)/80 = 0.75² + 2·0.125² = 0.59375; normalised (H − 1/3)/(1 − 1/3) = 0.390625.
        let c = FlowAnalysis.concentration([60, 10, 10])!
        #expect(close(c.hhi, 0.59375))
        #expect(close(c.normalized!, 0.390625))
        #expect(close(c.points, 5937.5))
        #expect(FlowAnalysis.concentration([5])!.normalized == nil)
        #expect(FlowAnalysis.concentration([0, 0]) == nil)

        // ZA_GROOT receives 60 from GEM1 and 30 from GEM2; GEM1 receives 40 from ZA_GROOT of its 63.
        let g = makeGraph(3, [(0, 2), (1, 2), (2, 0)], directed: true, weights: [60, 30, 40])
        let flows = FlowAnalysis(g)
        #expect(close(flows.dependence(of: 2, on: 0), 2.0 / 3))
        #expect(close(flows.dependence(of: 0, on: 2), 1))
        #expect(close(flows.powerImbalance(of: 0, over: 2), 2.0 / 3 - 1))
        #expect(close(flows.mutualDependence(0, 2), 2.0 / 3 + 1))
        #expect(flows.largestDependence(of: 2)!.partner == 0)
    }

    @Test("constraint of a star centre and leaves (Burt): centre 1/k, leaf 1")
    func constraint() {
        let g = makeGraph(5, (1...4).map { (0, $0) })
        let holes = StructuralHoles.compute(g)
        #expect(close(holes.constraint[0]!, 0.25))
        #expect(close(holes.constraint[1]!, 1))
        #expect(close(holes.effectiveSize[0]!, 4))
        let triangle = makeGraph(4, [(0, 1), (1, 2), (0, 2)])
        let t = StructuralHoles.compute(triangle)
        // Triangle: p = 1/2 to each; c = 2 · (1/2 + 1/4)² = 1.125; effective size 2 − 2·(1/2) = 1.
        #expect(close(t.constraint[0]!, 1.125))
        #expect(close(t.effectiveSize[0]!, 1))
        #expect(t.constraint[3] == nil)
    }

    @Test("Gould–Fernandez on the shared 6-actor example: hand-checked raw counts")
    func brokerageRaw() {
        // m1 m2 m3 (MUN) v1 (VNG) p1 p2 (PROV); arcs as in brokerage_demo.json.
        let arcs = [(0, 1), (1, 0), (1, 2), (2, 3), (3, 0), (3, 1), (3, 4), (4, 5), (5, 0)]
        let g = makeGraph(6, arcs, directed: true)
        let result = Brokerage.compute(g, groups: [0, 0, 0, 1, 2, 2])
        let raw = result.scores.map { s in Brokerage.Role.allCases.map { s[$0]!.raw } }
        // coordinator, itinerant, representative, gatekeeper, liaison, total
        #expect(raw[0] == [0, 0, 0, 1, 0, 1])
        #expect(raw[1] == [1, 0, 0, 1, 0, 2])
        #expect(raw[2] == [0, 0, 1, 0, 0, 1])
        #expect(raw[3] == [0, 2, 0, 0, 1, 3])
        #expect(raw[4] == [0, 0, 0, 1, 0, 1])
        #expect(raw[5] == [0, 0, 1, 0, 0, 1])
        #expect(close(result.density, 0.3))
        // R sna: MUN expectations w_I 0.126, b_IO 0.378; total sd 1.51391545338569.
        #expect(close(result.scores[0][.coordinator]!.expected, 0.126))
        #expect(close(result.scores[0][.representative]!.expected, 0.378))
        #expect(close(result.scores[0][.total]!.standardDeviation, 1.51391545338569))
        #expect(result.scores[3][.coordinator]!.z == nil)  // VNG alone in its group: sd 0
    }

    @Test("Spearman with ties, representation ratio, fragmentation after removal")
    func inequality() {
        #expect(close(Inequality.spearman([1, 2, 3, 4], [10, 20, 30, 40])!, 1))
        #expect(close(Inequality.spearman([1, 2, 3, 4], [4, 3, 2, 1])!, -1))
        #expect(Inequality.ranks([5, 1, 5, 3]) == [3.5, 1, 3.5, 2])
        let ratio = Inequality.representationRatio([3, 1, 0, 0], groups: [0, 1, 1, 1])!
        #expect(close(ratio[0]!, 0.75 / 0.25) && close(ratio[1]!, 0.25 / 0.75))
        let path = makeGraph(3, [(0, 1), (1, 2)])
        #expect(Inequality.fragmentation(path).fragmentation == 0)
        #expect(close(Inequality.fragmentation(path, removing: 1).fragmentation, 1))
        #expect(Inequality.componentFragmentation(path, removing: 1) == 1)
        let g = randomGraph(n: 30, p: 0.05, directed: false, weighted: false, seed: 17)
        for x in [nil, 0, 5, 29] as [Int?] {
            #expect(
                close(
                    Inequality.componentFragmentation(g, removing: x),
                    Inequality.fragmentation(g, removing: x).fragmentation))
        }
        // DF of a path of 3: pairs at distance 1, 1, 2 (each twice): 1 − (2 + 2 + 1)/6.
        #expect(close(Inequality.fragmentation(path).distanceFragmentation, 1 - 5.0 / 6))
    }

    @Test("distance fragmentation from sampled sources: exact at k = n, within its standard error below")
    func sampledDistanceFragmentation() {
        // Two components (a path of 3 and an edge): DF = 1 − (2 + 2 + 1 + 2)/(5 · 4) by hand.
        let twoParts = makeGraph(5, [(0, 1), (1, 2), (3, 4)])
        let exact = Inequality.distanceFragmentation(twoParts)
        #expect(close(exact.value, 1 - 7.0 / 20) && exact.isExact && exact.sources == 5)
        #expect(close(Inequality.fragmentation(twoParts).distanceFragmentation, exact.value))
        #expect(Inequality.distanceFragmentation(twoParts, sampleSize: 5).isExact)
        // 200 nodes, 150 bit-parallel sources in three batches of which one is partial.
        let g = randomGraph(n: 200, p: 0.03, directed: false, weighted: false, seed: 5)
        let all = Inequality.distanceFragmentation(g)
        var within = 0
        for seed in UInt64(1)...20 {
            let estimate = Inequality.distanceFragmentation(g, sampleSize: 150, seed: seed)
            #expect(!estimate.isExact && estimate.sources == 150 && estimate.standardError > 0)
            if abs(estimate.value - all.value) <= 3 * estimate.standardError { within += 1 }
        }
        #expect(within >= 19)
        // The same sources, searched one by one, give the same sum (unitReach with a source list).
        var rng = SplitMix64(seed: 9)
        let sources = rng.sample(70, of: 200)
        let view = g.undirectedNeighbors()
        let batched = Closeness.unitReach(
            offsets: view.offsets, targets: view.targets, sources: sources, batches: 0..<2)
        let each = Closeness.unitReach(offsets: view.offsets, targets: view.targets, batches: 0..<4)
        #expect(batched.count == 70)
        for (k, s) in sources.enumerated() {
            #expect(batched[k].reached == each[s].reached && close(batched[k].harmonic, each[s].harmonic))
        }
    }
}

@Suite("Core–periphery (Borgatti–Everett) on the Florentine families")
struct CorePeripheryTests {
    struct Fixture {
        let nodes: [String]
        let graph: Graph
        let reference: [String: Any]
    }

    func fixture() throws -> Fixture {
        let url = fixtures.appendingPathComponent("power/florentine_core_periphery.json")
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let nodes = object["nodes"] as! [String]
        let index = Dictionary(uniqueKeysWithValues: nodes.enumerated().map { ($1, $0) })
        let edges = (object["edges"] as! [[Any]]).map { (index[$0[0] as! String]!, index[$0[1] as! String]!) }
        return Fixture(
            nodes: nodes, graph: makeGraph(nodes.count, edges),
            reference: object["core_periphery"] as! [String: Any])
    }

    @Test("discrete: the best split and its correlation, for both readings of core–periphery ties")
    func discrete() throws {
        let f = try fixture()
        let exhaustive = f.reference["discrete_exhaustive"] as! [String: [String: Any]]
        for (pattern, key) in [(CorePeriphery.Pattern.missing, "cp_missing"), (.one, "cp_one")] {
            let result = CorePeriphery.discrete(f.graph, pattern: pattern)
            #expect(close(result.correlation, exhaustive[key]!["best_correlation"] as! Double))
            #expect(Set(result.core.map { f.nodes[$0] }) == Set(exhaustive[key]!["core"] as! [String]))
        }
    }

    @Test("continuous: coreness vector and residual")
    func continuous() throws {
        let f = try fixture()
        let expected = f.reference["continuous_l2"] as! [String: Double]
        let result = CorePeriphery.continuous(f.graph)
        // The reference vector came from a numerical optimiser, accurate to about 1e-8
        // absolute (its residual agrees with ours to 1e-9 relative): compare at 1e-7 absolute.
        for (i, name) in f.nodes.enumerated() {
            #expect(abs(result.coreness[i] - expected[name]!) <= 1e-7, "\(name)")
        }
        #expect(close(result.residual, f.reference["continuous_residual"] as! Double, relative: 1e-9))
    }
}

@Suite("Power analysis shortcuts are exact")
struct PowerShortcutTests {
    @Test(
        "fragmentation after removal: the cut-vertex shortcut equals recomputing",
        arguments: ["versnipperd", "grote-aanbieder-als-poortwachter", "perceptie-verschil"])
    func fragmentationShortcut(name: String) throws {
        let power = PowerAnalysis(try scenario(name))
        for i in power.actors.indices {
            #expect(
                close(
                    power.actors[i].fragmentationWithout,
                    Inequality.componentFragmentation(power.centrality.graph, removing: i), absolute: 1e-12))
        }
    }
}

@Suite("The structural view: shared when it can be, sampled when it must be")
struct StructuralViewTests {
    @Test("an unweighted view of every relation serves the power analysis, whatever its seed")
    func shared() throws {
        let network = try scenario("evenwichtig")
        let analysis = NetworkAnalysis(network, view: AnalysisView(weights: .ignore, seed: 7))
        #expect(analysis.structural.view == analysis.centrality.view)
        let weighted = NetworkAnalysis(network, view: AnalysisView(relationTypes: ["financiering"]))
        #expect(weighted.structural.view.relationTypes == nil && weighted.structural.view.weights == .ignore)
    }

    @Test("above the exact limit the structural betweenness is a stated sample")
    func sampledAboveLimit() {
        var network = Network(metadata: NetworkMetadata(name: "ring"))
        let n = PowerAnalysis.exactStructuralLimit + 1
        for i in 0..<n { network.add(Actor(id: "a\(i)", type: "zorgaanbieder")) }
        for i in 0..<n {
            network.add(
                Relation(source: "a\(i)", target: "a\((i + 1) % n)", type: "overleg", directed: false))
        }
        let structural = PowerAnalysis.structuralAnalysis(network, seed: 1)
        #expect(structural.view.betweennessSample == PowerAnalysis.structuralSample)
        #expect(structural.actorNotes[.betweenness]?.contains("sampled") == true)
        // On a ring every node has the same betweenness; the estimate is close to it.
        let exact = Double(n - 1) * Double(n - 3) / 8
        let values = structural[.betweenness]
        #expect(abs(values.reduce(0, +) / Double(n) - exact) / exact < 0.01)
    }

    @Test("above the exact limit distance fragmentation is estimated from as many sampled sources")
    func distanceFragmentationAboveLimit() {
        // A circulant graph (ties to ±1 and ±97 places on): every actor sees the same distances,
        // so the estimate equals the exact DF = 1 − h/(n − 1), h = Σ 1/d from any one actor.
        let n = PowerAnalysis.exactStructuralLimit + 1
        var network = Network(metadata: NetworkMetadata(name: "circulant"))
        for i in 0..<n { network.add(Actor(id: "a\(i)", type: "zorgaanbieder")) }
        for i in 0..<n {
            for step in [1, 97] {
                network.add(
                    Relation(source: "a\(i)", target: "a\((i + step) % n)", type: "overleg", directed: false))
            }
        }
        var distance = [Int](repeating: -1, count: n)
        distance[0] = 0
        var queue = [0]
        var head = 0
        while head < queue.count {
            let v = queue[head]
            head += 1
            for step in [1, n - 1, 97, n - 97] where distance[(v + step) % n] < 0 {
                distance[(v + step) % n] = distance[v] + 1
                queue.append((v + step) % n)
            }
        }
        let h = distance.dropFirst().reduce(0.0) { $0 + 1 / Double($1) }
        let power = PowerAnalysis(network, options: PowerOptions(permutations: 0, seed: 3))
        #expect(power.distanceFragmentationSources == PowerAnalysis.structuralSample)
        #expect(close(power.distanceFragmentation, 1 - h / Double(n - 1)))
        #expect(power.distanceFragmentationError.map { $0 < 1e-12 } == true)
    }
}
