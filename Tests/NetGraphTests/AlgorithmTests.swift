import Foundation
import TestSupport
import Testing

@testable import NetGraph
@testable import NetGraphIO

/// Builds a graph from edge pairs on nodes 0..<n.
func makeGraph(_ n: Int, _ edges: [(Int, Int)], directed: Bool = false, weights: [Double]? = nil) -> Graph {
    var arcs: [(Int32, Int32, Double)] = []
    for (i, (u, v)) in edges.enumerated() {
        let w = weights?[i] ?? 1
        arcs.append((Int32(u), Int32(v), w))
        if !directed { arcs.append((Int32(v), Int32(u), w)) }
    }
    return Graph(
        nodeCount: n, arcs: arcs, isDirected: directed, weights: weights == nil ? .ignore : .strength)
}

/// Seeded random graph for invariant tests.
func randomGraph(n: Int, p: Double, directed: Bool, weighted: Bool, seed: UInt64) -> Graph {
    var rng = SplitMix64(seed: seed)
    var edges: [(Int, Int)] = []
    var weights: [Double] = []
    for u in 0..<n {
        for v in (directed ? 0 : u + 1)..<n where u != v && rng.nextDouble() < p {
            edges.append((u, v))
            weights.append([0.5, 1, 2, 4][Int(rng.next(below: 4))])
        }
    }
    return makeGraph(n, edges, directed: directed, weights: weighted ? weights : nil)
}

@Suite("Measures on hand-worked graphs")
struct HandWorkedTests {
    @Test("path a–b–c–d–e: betweenness 0,3,4,3,0; closeness 4/10, 4/7, 4/6")
    func path() {
        let g = makeGraph(5, [(0, 1), (1, 2), (2, 3), (3, 4)])
        #expect(Betweenness.compute(g).raw == [0, 3, 4, 3, 0])
        let c = Closeness.compute(g)
        let expected = [4.0 / 10, 4.0 / 7, 4.0 / 6, 4.0 / 7, 4.0 / 10]
        for i in 0..<5 { #expect(close(c.closeness[i], expected[i])) }
        #expect(close(c.harmonic[0], 1 + 1.0 / 2 + 1.0 / 3 + 1.0 / 4))
        let cuts = Structure.cutPointsAndBridges(g)
        #expect(cuts.articulation == [false, true, true, true, false])
        #expect(cuts.bridges.count == 4)
    }

    @Test("star: centre betweenness (n−1)(n−2)/2, every Freeman centralization is 1")
    func star() {
        let g = makeGraph(6, (1...5).map { (0, $0) })
        let b = Betweenness.compute(g)
        #expect(b.raw[0] == 10)
        #expect(b.normalized[0] == 1)
        let n = 6
        #expect(
            close(
                NetworkMeasures.centralization(
                    b.raw,
                    denominator: NetworkMeasures.freemanDenominator(
                        .betweenness, nodeCount: n, directed: false))!, 1))
        #expect(
            close(
                NetworkMeasures.centralization(
                    Degree.degree(g).map(Double.init),
                    denominator: NetworkMeasures.freemanDenominator(.degree, nodeCount: n, directed: false))!,
                1))
        #expect(
            close(
                NetworkMeasures.centralization(
                    Closeness.compute(g).closeness,
                    denominator: NetworkMeasures.freemanDenominator(.closeness, nodeCount: n, directed: false)
                )!, 1))
        #expect(Structure.coreNumbers(g) == [1, 1, 1, 1, 1, 1])
    }

    @Test("weighted: two routes of equal length 1/2 + 1/2 = 1/1 are both counted")
    func weightedTie() {
        // Square 0–1–3–2–0 with lengths 0.5, 0.5, 1, 1: pair (0,3) only via 1 (1 < 2);
        // pair (1,2) via 0 or via 3, both 1.5: half each.
        let g = makeGraph(4, [(0, 1), (1, 3), (0, 2), (2, 3)], weights: [2, 2, 1, 1])
        #expect(Betweenness.compute(g).raw == [0.5, 1, 0, 0.5])
        // Lengths 0.1 + 0.2 (= 0.30000000000000004 in floating point) against 0.25 + 0.05
        // (= 0.3): a tie only with a tolerant comparison. Pair (1,2) runs via 3 (0.25 < 0.35).
        let tie = makeGraph(4, [(0, 1), (1, 3), (0, 2), (2, 3)], weights: [10, 5, 4, 20])
        #expect(0.1 + 0.2 != 0.25 + 0.05)
        let b = Betweenness.compute(tie).raw
        #expect(close(b[0], 0) && close(b[1], 0.5) && close(b[2], 0.5) && close(b[3], 1), "got \(b)")
    }

    @Test("directed cycle: each node lies on one shortest path of every other ordered pair")
    func directedCycle() {
        let g = makeGraph(4, [(0, 1), (1, 2), (2, 3), (3, 0)], directed: true)
        // On a directed 4-cycle node v is interior to paths of length 2 and 3 through it: 1 + 2 = 3.
        #expect(Betweenness.compute(g).raw == [3, 3, 3, 3])
        #expect(Structure.strongComponents(g).count == 1)
        let pr = Spectral.pageRank(g)
        for x in pr { #expect(close(x, 0.25)) }
    }

    @Test("components, cores and clustering on two triangles joined by a bridge plus an isolate")
    func structure() {
        let g = makeGraph(7, [(0, 1), (1, 2), (0, 2), (3, 4), (4, 5), (3, 5), (2, 3)])
        #expect(Structure.weakComponents(g).count == 2)
        #expect(Structure.coreNumbers(g) == [2, 2, 2, 2, 2, 2, 0])
        let cuts = Structure.cutPointsAndBridges(g)
        #expect(cuts.bridges.map { [$0.0, $0.1] } == [[2, 3]])
        #expect(cuts.articulation == [false, false, true, true, false, false, false])
        let c = Structure.clustering(g)
        #expect(c.local[0] == 1 && close(c.local[2], 1.0 / 3) && c.local[6] == 0)
        #expect(close(c.transitivity, 6.0 / 10))  // 2 triangles ×3 / (6×1 + 2×3) triples
    }

    @Test("Gini: equal values 0, one holder of everything (n−1)/n; Lorenz ends at (1, 1)")
    func gini() {
        #expect(NetworkMeasures.gini([3, 3, 3, 3]) == 0)
        #expect(close(NetworkMeasures.gini([0, 0, 0, 8]), 0.75))
        #expect(close(NetworkMeasures.gini([0, 0, 0, 8], corrected: true), 1))
        let lorenz = NetworkMeasures.lorenz([1, 2, 3, 4])
        #expect(lorenz.first! == (0, 0) && lorenz.last! == (1, 1))
        #expect(close(lorenz[2].1, 0.3))
    }

    @Test("E-I index and type assortativity: all ties within groups gives −1 and 1")
    func mixing() {
        let g = makeGraph(4, [(0, 1), (2, 3)])
        #expect(NetworkMeasures.eiIndex(g, groups: [0, 0, 1, 1]) == -1)
        #expect(NetworkMeasures.eiIndex(g, groups: [0, 1, 0, 1]) == 1)
        #expect(close(NetworkMeasures.attributeAssortativity(g, groups: [0, 0, 1, 1])!, 1))
    }

    @Test("communities: two cliques joined by one edge are found, Q as computed by hand")
    func communities() {
        var edges: [(Int, Int)] = []
        for a in 0..<4 {
            for b in (a + 1)..<4 {
                edges.append((a, b))
                edges.append((a + 4, b + 4))
            }
        }
        edges.append((0, 4))
        let g = makeGraph(8, edges)
        for method in Communities.Method.allCases {
            let result = Communities.detect(g, method: method, seed: 1)
            #expect(result.count == 2)
            #expect(Set(result.membership[0..<4]).count == 1 && result.membership[0] != result.membership[4])
            // m = 13; each clique: 6 internal edges, degree total 12 + 1 = 13 → Q = 2 (6/13 − (13/26)²).
            #expect(close(result.modularity, 2 * (6.0 / 13 - 0.25)))
        }
    }

    @Test("eigenvector is undefined on a directed acyclic graph; Katz refuses a too large alpha")
    func undefined() {
        let dag = makeGraph(3, [(0, 1), (1, 2)], directed: true)
        #expect(throws: Spectral.Undefined.self) { try Spectral.eigenvector(dag) }
        let triangle = makeGraph(3, [(0, 1), (1, 2), (0, 2)])
        #expect(throws: Spectral.Undefined.self) { try Spectral.katz(triangle, alpha: 0.6) }  // λ_max = 2
        #expect((try? Spectral.katz(triangle, alpha: 0.4)) != nil)
    }
}

@Suite("Measure invariants")
struct InvariantTests {
    @Test("all weights 1 give exactly the unweighted values", arguments: [false, true])
    func unitWeights(directed: Bool) {
        let unweighted = randomGraph(n: 40, p: 0.08, directed: directed, weighted: false, seed: 7)
        var arcs: [(Int32, Int32, Double)] = []
        for u in 0..<unweighted.nodeCount {
            for v in unweighted.outNeighbors(of: u) { arcs.append((Int32(u), v, 1)) }
        }
        let weightedOnes = Graph(nodeCount: 40, arcs: arcs, isDirected: directed, weights: .strength)
        let a = Betweenness.compute(unweighted).raw
        let b = Betweenness.compute(weightedOnes).raw
        for i in 0..<40 { #expect(close(a[i], b[i])) }
        #expect(Closeness.compute(unweighted).closeness == Closeness.compute(weightedOnes).closeness)
    }

    @Test("relabelling the nodes permutes every measure", arguments: [(false, false), (true, true)])
    func relabelling(directed: Bool, weighted: Bool) throws {
        let g = randomGraph(n: 30, p: 0.12, directed: directed, weighted: weighted, seed: 3)
        var rng = SplitMix64(seed: 99)
        var permutation = Array(0..<30)
        for i in stride(from: 29, to: 0, by: -1) {
            permutation.swapAt(i, Int(rng.next(below: UInt64(i + 1))))
        }
        var arcs: [(Int32, Int32, Double)] = []
        for u in 0..<30 {
            for (v, w) in zip(g.outNeighbors(of: u), g.outArcWeights(of: u)) {
                arcs.append((Int32(permutation[u]), Int32(permutation[Int(v)]), w))
            }
        }
        let h = Graph(
            nodeCount: 30, arcs: arcs, isDirected: directed, weights: weighted ? .strength : .ignore)
        let (bg, bh) = (Betweenness.compute(g).raw, Betweenness.compute(h).raw)
        let (cg, ch) = (Closeness.compute(g).harmonic, Closeness.compute(h).harmonic)
        let (pg, ph) = (Spectral.pageRank(g), Spectral.pageRank(h))
        let (kg, kh) = (Structure.coreNumbers(g), Structure.coreNumbers(h))
        for i in 0..<30 {
            let j = permutation[i]
            #expect(close(bg[i], bh[j]) && close(cg[i], ch[j]) && close(pg[i], ph[j]) && kg[i] == kh[j])
        }
    }

    @Test("normalised betweenness is raw over the stated denominator")
    func normalisation() {
        for directed in [false, true] {
            let g = randomGraph(n: 25, p: 0.15, directed: directed, weighted: false, seed: 11)
            let b = Betweenness.compute(g)
            let denominator = directed ? 24.0 * 23 : 24.0 * 23 / 2
            for i in 0..<25 { #expect(close(b.normalized[i], b.raw[i] / denominator)) }
        }
    }

    @Test("sampling every source reproduces exact betweenness; seeded runs repeat")
    func sampling() {
        let g = randomGraph(n: 35, p: 0.1, directed: false, weighted: true, seed: 5)
        let exact = Betweenness.compute(g).raw
        let all = Betweenness.sampled(g, sampleSize: 35, seed: 1).raw
        for i in 0..<35 { #expect(close(exact[i], all[i])) }
        #expect(
            Betweenness.sampled(g, sampleSize: 10, seed: 4).raw
                == Betweenness.sampled(g, sampleSize: 10, seed: 4).raw)
        #expect(Communities.detect(g, seed: 8).membership == Communities.detect(g, seed: 8).membership)
    }

    @Test(
        "the (ε, δ) estimate stays within ε of the exact share of pairs (bidirectional BFS unweighted, Dijkstra weighted)",
        arguments: [(false, false), (false, true), (true, false)])
    func errorBound(directed: Bool, weighted: Bool) {
        let g = randomGraph(n: 60, p: 0.06, directed: directed, weighted: weighted, seed: 21)
        let n = 60.0
        let exact = Betweenness.compute(g).raw
        let epsilon = 0.02
        let estimate = Betweenness.approximate(g, epsilon: epsilon, delta: 0.01, seed: 2)
        #expect(estimate.samples > 1000)
        let scale = n * (n - 1) * (directed ? 1 : 0.5)
        for i in 0..<60 { #expect(abs(estimate.result.raw[i] - exact[i]) / scale <= epsilon) }
    }

    @Test("parallel and sequential betweenness agree")
    func parallel() {
        let g = randomGraph(n: 400, p: 0.02, directed: false, weighted: true, seed: 13)
        let saved = Parallel.threadCount
        Parallel.threadCount = 1
        let sequential = Betweenness.compute(g).raw
        Parallel.threadCount = 2
        let parallel = Betweenness.compute(g).raw
        Parallel.threadCount = saved
        for i in 0..<400 { #expect(close(sequential[i], parallel[i])) }
    }

    @Test(
        "the fast kernels equal the textbook searches (several 64-source batches, components, isolates, ties)",
        arguments: [(false, false), (false, true), (true, false), (true, true)])
    func kernelsAgree(directed: Bool, weighted: Bool) {
        // n = 300: four full batches of 64 and a partial one; p gives several components.
        let g = randomGraph(
            n: 300, p: directed ? 0.006 : 0.005, directed: directed, weighted: weighted, seed: 99)
        let fast = Betweenness.compute(g).raw
        let textbook = Betweenness.computeWithEdges(g).raw  // predecessor scan over in-arcs
        for i in 0..<300 { #expect(close(fast[i], textbook[i]), "node \(i): \(fast[i]) vs \(textbook[i])") }
        #expect(fast.contains { $0 > 0 })

        let closeness = Closeness.compute(g)
        let incoming = g.isDirected ? g.reversed : g
        for u in 0..<300 {
            let d = ShortestPaths.distances(incoming, from: u).filter { $0.isFinite && $0 > 0 }
            let harmonic = d.reduce(0) { $0 + 1 / $1 }
            let r = Double(d.count + 1)
            let total = d.reduce(0, +)
            let expected = total > 0 ? (r - 1) / total * ((r - 1) / 299) : 0
            #expect(close(closeness.closeness[u], expected), "closeness of \(u)")
            #expect(close(closeness.harmonic[u], harmonic), "harmonic of \(u)")
        }
    }

    @Test(
        "the C kernel of weighted betweenness equals the textbook search with distinct lengths (deep heaps, hubs, directed and undirected)",
        arguments: [false, true])
    func weightedKernelAgrees(directed: Bool) {
        // Preferential attachment with log-uniform strengths 0.05–20: every length differs,
        // the heap is several levels deep and hubs are reached along many paths.
        var rng = SplitMix64(seed: directed ? 17 : 23)
        let n = 500
        var edges: [(Int, Int)] = []
        var weights: [Double] = []
        var ends: [Int] = [0, 1, 2]
        for v in 3..<n {
            var chosen = Set<Int>()
            while chosen.count < 3 { chosen.insert(ends[Int(rng.next(below: UInt64(ends.count)))]) }
            for u in chosen.sorted() {
                edges.append(directed && rng.nextDouble() < 0.5 ? (u, v) : (v, u))
                weights.append(exp(log(0.05) + rng.nextDouble() * log(400)))
                ends.append(u)
                ends.append(v)
            }
        }
        let g = makeGraph(n, edges, directed: directed, weights: weights)
        let fast = Betweenness.compute(g).raw
        let textbook = Betweenness.computeWithEdges(g).raw
        for i in 0..<n { #expect(close(fast[i], textbook[i]), "node \(i): \(fast[i]) vs \(textbook[i])") }
        #expect(fast.filter { $0 > 0 }.count > n / 10)
    }

    @Test(
        "an error bound that needs more Dijkstra samples than there are sources gives exact values; unweighted graphs still sample"
    )
    func boundFallsBackToExact() throws {
        let weighted = randomGraph(n: 60, p: 0.08, directed: false, weighted: true, seed: 4)
        // ε = 0.05 needs hundreds of samples: more than the 60 searches of the exact computation.
        #expect(Betweenness.sampleCount(weighted, epsilon: 0.05, delta: 0.1).samples > 60)
        let view = AnalysisView(betweennessErrorBound: .init(epsilon: 0.05, delta: 0.1))
        let analysis = CentralityAnalysis(graph: weighted, network: nil, view: view, measures: [.betweenness])
        let exact = Betweenness.compute(weighted).raw
        #expect(analysis.has(.betweenness))
        let values = analysis[.betweenness]
        for i in 0..<60 { #expect(close(values[i], exact[i])) }
        #expect(analysis.notes["betweenness"]?.hasPrefix("exact") == true)

        let unit = randomGraph(n: 60, p: 0.08, directed: false, weighted: false, seed: 4)
        let sampled = CentralityAnalysis(graph: unit, network: nil, view: view, measures: [.betweenness])
        #expect(sampled.notes["betweenness"]?.hasPrefix("estimated") == true)
    }
}

@Suite("Bipartite test")
struct BipartiteTests {
    func graph(_ n: Int, _ edges: [(Int32, Int32)]) -> Graph {
        Graph(
            nodeCount: n, arcs: edges.flatMap { [($0.0, $0.1, 1.0), ($0.1, $0.0, 1.0)] }, isDirected: false,
            weights: .ignore)
    }

    @Test("paths, stars and even cycles are two-sided; a triangle or an odd cycle is not")
    func cases() {
        #expect(Structure.isBipartite(graph(5, [(0, 1), (1, 2), (2, 3), (3, 4)])))
        #expect(Structure.isBipartite(graph(5, [(0, 1), (0, 2), (0, 3), (0, 4)])))
        #expect(Structure.isBipartite(graph(4, [(0, 1), (1, 2), (2, 3), (3, 0)])))
        #expect(!Structure.isBipartite(graph(3, [(0, 1), (1, 2), (2, 0)])))
        #expect(!Structure.isBipartite(graph(5, [(0, 1), (1, 2), (2, 3), (3, 4), (4, 0)])))
        // A second component with an odd cycle spoils it.
        #expect(!Structure.isBipartite(graph(5, [(0, 1), (2, 3), (3, 4), (4, 2)])))
    }
}

@Suite("Betweenness and closeness from one round of searches")
struct FusedSearchTests {
    @Test(
        "equal to the separate computations on every weighted reference graph",
        arguments: ReferenceFixture.all)
    func fused(fixture: ReferenceFixture) throws {
        let graph = fixture.graph
        guard let both = Betweenness.withCloseness(graph) else {
            #expect(graph.hasUnitWeights, "\(fixture.name): weighted but not fused")
            return
        }
        let betweenness = Betweenness.compute(graph)
        let closeness = Closeness.compute(graph)
        for i in 0..<graph.nodeCount {
            #expect(close(both.betweenness.raw[i], betweenness.raw[i], relative: 1e-12))
            #expect(close(both.closeness.closeness[i], closeness.closeness[i], relative: 1e-12))
            #expect(close(both.closeness.harmonic[i], closeness.harmonic[i], relative: 1e-12))
        }
    }

    @Test("a directed weighted graph: incoming distances, unreachable nodes, isolates")
    func directed() throws {
        // 0 → 1 → 2, 0 → 2 long, 3 isolated; lengths 1/weight.
        let graph = Graph(
            nodeCount: 4, arcs: [(0, 1, 2.0), (1, 2, 4.0), (0, 2, 0.5)], isDirected: true, weights: .strength)
        let both = try #require(Betweenness.withCloseness(graph))
        let closeness = Closeness.compute(graph)
        #expect(both.closeness.closeness == closeness.closeness)
        #expect(both.closeness.harmonic == closeness.harmonic)
        #expect(both.betweenness.raw == Betweenness.compute(graph).raw)
    }
}
