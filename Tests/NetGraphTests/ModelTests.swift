import Foundation
import TestSupport
import Testing

@testable import NetGraph
@testable import NetGraphIO

@Suite("Domain model and CSR graph")
struct ModelTests {
    @Test("the default vocabulary has DESIGN §2's twelve actor types and seven relation types")
    func defaults() {
        let v = Vocabulary.standard
        let roles = Dictionary(uniqueKeysWithValues: v.actorTypes.map { ($0.name, $0.role) })
        #expect(
            roles == [
                "gemeente": .publicAuthority, "rijk": .publicAuthority, "vng": .intermediary,
                "regio": .intermediary,
                "zorgaanbieder": .provider, "welzijnsorganisatie": .provider, "wijkteam": .frontline,
                "clientorganisatie": .clientVoice, "burgerinitiatief": .citizen, "financier": .financier,
                "uitvoeringsorganisatie": .executor, "overig": .other,
            ])
        let directed = Dictionary(uniqueKeysWithValues: v.relationTypes.map { ($0.name, $0.directed) })
        #expect(
            directed == [
                "financiering": true, "contract": true, "overleg": false, "informatie": true,
                "vertegenwoordiging": true, "samenwerking": false, "verwijzing": true,
            ])
        #expect(v.actorType(named: "Cliënt-organisatie") == nil)
        #expect(v.actorType(named: "CLIENTORGANISATIE")?.role == .clientVoice)
        #expect(v.role(ofActorType: "onbekend") == .other)
    }

    @Test("overriding a default type replaces it, adding one appends it")
    func define() {
        var v = Vocabulary.standard
        v.define(ActorType(name: "Wijkteam", role: .provider))
        v.define(ActorType(name: "school", role: .other))
        #expect(v.actorTypes.count == 13)
        #expect(v.role(ofActorType: "wijkteam") == .provider)
    }

    @Test("actors are keyed by stable id, in insertion order")
    func network() {
        var n = Network(metadata: NetworkMetadata(name: "t"))
        n.add(Actor(id: "b", type: "gemeente"))
        n.add(Actor(id: "a", name: "A", type: "zorgaanbieder"))
        n.add(Relation(source: "a", target: "b", type: "contract", directed: true))
        #expect(n.index(ofActor: "a") == 1)
        #expect(n.actor(id: "b")?.name == "b")
        #expect(n.role(of: n.actors[1]) == .provider)
        #expect(!n.contains(actor: "c"))
    }

    /// g —overleg— p, g →financiering(10) p, g →contract(1) p, c →informatie(2) g.
    @Test("CSR: undirected ties give two arcs, parallel arcs merge, invariants hold")
    func csr() {
        let graph = Graph(sampleNetwork())
        #expect(graph.checkInvariants())
        #expect(graph.nodeCount == 4)
        #expect(graph.arcCount == 3)  // g→p (merged), p→g, c→g
        #expect(graph.isDirected)
        #expect(Array(graph.outNeighbors(of: 0)) == [1])
        #expect(graph.outWeights[graph.outOffsets[0]] == 15)  // 4 + 10 + 1
        #expect(Array(graph.inNeighbors(of: 0)) == [1, 2])
        #expect(graph.outDegree(of: 3) == 0 && graph.inDegree(of: 3) == 0)

        let unweighted = Graph(sampleNetwork(), weights: .ignore)
        #expect(unweighted.outWeights.allSatisfy { $0 == 1 })
        let voice = Graph(sampleNetwork(), relationTypes: ["overleg"])
        #expect(voice.arcCount == 2 && !voice.isDirected)
    }

    @Test("degree is in + out (networkx); partners counts distinct neighbours (hand-worked)")
    func degree() {
        let graph = Graph(sampleNetwork())
        #expect(Degree.degree(graph) == [3, 2, 1, 0])
        #expect(Degree.partners(graph) == [2, 1, 1, 0])
        // g: out 15 (to p), in 4 (p, overleg) + 2 (c); p: out 4, in 15
        let strength: [Double] = [21, 19, 2, 0]
        #expect(Degree.strength(graph) == strength)
        #expect(Degree.inDegree(graph) == [2, 1, 0, 0])
        #expect(Degree.outDegree(graph) == [1, 1, 1, 0])
    }

    @Test("star graph: the centre has degree n − 1, leaves 1; sum of degrees is twice the edges")
    func starInvariant() {
        var n = Network(metadata: NetworkMetadata(name: "star"))
        n.add(Actor(id: "0", type: "gemeente"))
        for i in 1...5 {
            n.add(Actor(id: "\(i)", type: "zorgaanbieder"))
            n.add(Relation(source: "0", target: "\(i)", type: "overleg", directed: false))
        }
        let degrees = Degree.degree(Graph(n))
        #expect(degrees == [5, 1, 1, 1, 1, 1])
        #expect(degrees.reduce(0, +) == 2 * n.relations.count)
    }

    @Test("CSV output is RFC 4180 and neutralises spreadsheet formulas")
    func csvOutput() {
        let table = TextTable(columns: ["id", "name"], rows: [["=1+1", "a,\"b\""], ["-3", "@x"]])
        #expect(table.csv() == "id,name\r\n'=1+1,\"a,\"\"b\"\"\"\r\n-3,'@x\r\n")
        #expect(TextTable(columns: ["a|b"], rows: [["<x>"]]).markdown().contains("a\\|b"))
    }
}

@Suite("Units are never mixed")
struct UnitTests {
    func network(_ types: [(String, Double?)]) -> Network {
        var n = Network(metadata: NetworkMetadata(name: "t"))
        for id in ["g", "p", "q"] { n.add(Actor(id: id, type: id == "g" ? "gemeente" : "zorgaanbieder")) }
        for (k, (type, weight)) in types.enumerated() {
            n.add(
                Relation(
                    source: "g", target: k % 2 == 0 ? "p" : "q", type: type, weight: weight ?? 1,
                    weightGiven: weight != nil, directed: true))
        }
        return n
    }

    @Test("one weighted relation type: tie strengths; several: unweighted; a chosen layer: its own")
    func recommended() {
        let one = network([("financiering", 10), ("overleg", nil)])
        #expect(AnalysisView.recommended(for: one).weights == .strength)
        let two = network([("financiering", 10), ("overleg", 4)])
        #expect(two.weightedRelationTypes() == ["financiering", "overleg"])
        #expect(AnalysisView.recommended(for: two).weights == .ignore)
        #expect(AnalysisView.recommended(for: two, relationTypes: ["financiering"]).weights == .strength)
        // The analysis a command builds without a view uses the recommended one.
        #expect(NetworkAnalysis(two).centrality.view.weights == .ignore)
    }

    @Test("restating one type's unit cannot change an analysis of several types")
    func unitInvariance() {
        let millions = network([("financiering", 2), ("financiering", 3), ("overleg", 4), ("overleg", 1)])
        let euros = network([
            ("financiering", 2_000_000), ("financiering", 3_000_000), ("overleg", 4), ("overleg", 1),
        ])
        #expect(
            NetworkAnalysis(millions).centrality[.betweenness]
                == NetworkAnalysis(euros).centrality[.betweenness])
        #expect(
            NetworkAnalysis(millions).centrality[.pagerank] == NetworkAnalysis(euros).centrality[.pagerank])
    }
}

@Suite("JSON writer")
struct JSONWriterTests {
    @Test("writes the same bytes as JSONSerialization, pretty and compact")
    func sameBytes() {
        let object: [String: Any] = [
            "a": 1.0, "b": 1e-05, "c": 0.1, "d": 123456789012.0, "e": [Any](), "f": [String: Any](),
            "g": "x/y\"é\n\t\u{1}\\", "h": true, "i": 3, "j": NSNull(), "k": 1e21, "l": -0.0, "m": 5e-324,
            "n": 0.30000000000000004, "o": [1.5, ["q": 2, "p": [String: Any]()] as [String: Any], [Any]()],
            "p": 1e15, "q": 1e16, "r": 9_007_199_254_740_993.0, "s": -2.5e-7, "t": Double.nan,
            "u": ["nested": [["deep": [1, 2, 3]]]], "Z": "upper before lower", "ä": "non-ASCII key",
        ]
        #expect(JSONOutput.text(object) == JSONOutput.foundationText(object))
        #expect(JSONOutput.text(object, compact: true) == JSONOutput.foundationText(object, compact: true))
        #expect(JSONOutput.text([Any]()) == JSONOutput.foundationText([Any]()))
    }

    @Test("a typed value is written as JSONSerialization writes its Foundation objects")
    func typedSameBytes() {
        let actor: JSONValue = .object([
            ("id", .string("a\"1")), ("in_core", .bool(true)), ("inflow_hhi", .number(0.25)), ("Z", .int(-3)),
            ("key10", .number(Double.nan)), ("key9", .null), ("ä", .strings(["x/y", "é\n"])),
            ("empty", .object([])), ("none", .array([])), ("big", .number(1e21)), ("int_like", .number(4)),
        ])
        // The same keys in another order, and a different set: orders are cached per key list.
        let reordered: JSONValue = .object([("Z", .int(1)), ("id", .string("b")), ("in_core", .bool(false))])
        let value: JSONValue = .object([
            ("actors", .array([actor, actor, reordered, .object([("b", .int(1)), ("a", .int(2))])])),
            ("name", .string("t")), ("p_value", .number(nil)), ("twice", .int(1)), ("twice", .int(2)),
        ])
        for compact in [false, true] {
            #expect(
                JSONOutput.text(value, compact: compact)
                    == JSONOutput.foundationText(value.anyObject, compact: compact))
            // Inside an `Any` object the typed value is written in place.
            let mixed: [String: Any] = ["typed": value, "plain": [1, 2]]
            #expect(
                JSONOutput.text(mixed, compact: compact) == JSONOutput.foundationText(mixed, compact: compact)
            )
        }
        // A key given twice keeps its first value, as the dictionary does.
        #expect(JSONOutput.text(value, compact: true).contains(#""twice":1"#))
    }
}

@Suite("Titles")
struct TitleTests {
    @Test("name, region and year once each: a year or region already in the name is not repeated")
    func title() {
        var metadata = NetworkMetadata(name: "Twente 2024 (synthetisch)", region: "Twente", year: 2024)
        #expect(metadata.title == "Twente 2024 (synthetisch)")
        metadata = NetworkMetadata(name: "Zorg voor elkaar", region: "West-Brabant Oost", year: 2024)
        #expect(metadata.title == "Zorg voor elkaar — West-Brabant Oost (2024)")
        #expect(NetworkMetadata(name: "Netwerk").title == "Netwerk")
    }
}

@Suite("Comparison keys")
struct NormalizeKeyTests {
    @Test("ASCII keys without Foundation equal Foundation's folding, with and without separators")
    func asciiEqualsFoundation() {
        #expect(Normalize.key("  Cliënt-Organisatie ") == "client_organisatie")
        #expect(Normalize.key(" Zorg -- Aanbieder\t") == "zorg_aanbieder")
        #expect(Normalize.compactKey("Relation_Type") == "relationtype")
        let alphabet = Array("aZ9 -_\t\n\r\u{0B}\u{0C}.:/#Qq".unicodeScalars)
        var rng = SplitMix64(seed: 21)
        for _ in 0..<2_000 {
            let length = Int(rng.next(below: 12))
            var text = ""
            for _ in 0..<length {
                text.unicodeScalars.append(alphabet[Int(rng.next(below: UInt64(alphabet.count)))])
            }
            #expect(
                Normalize.asciiKey(text, separator: true) == Normalize.foundationKey(text),
                "\(Array(text.utf8))")
            #expect(
                Normalize.asciiKey(text, separator: false)
                    == Normalize.foundationKey(text).replacingOccurrences(of: "_", with: ""))
        }
        #expect(Normalize.asciiKey("café", separator: true) == nil)
    }
}
