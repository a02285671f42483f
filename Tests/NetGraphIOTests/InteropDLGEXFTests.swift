import Foundation
import TestSupport
import Testing

@testable import NetGraph
@testable import NetGraphIO

/// The ties of a network as comparable text: ends (sorted for an undirected tie, whose order
/// DL does not keep), type, weight and direction.
private func ties(_ network: Network) -> [String] {
    network.relations.map { r in
        let ends = r.directed ? [r.source, r.target] : [r.source, r.target].sorted()
        return "\(ends[0])|\(ends[1])|\(r.type)|\(r.weight)|\(r.directed)"
    }.sorted()
}

/// A network with everything DL finds hard: ids with spaces, commas, quotes, `=`, a colon at
/// the end, a backslash, a lone `!` and a number; parallel ties; two equal opposite directed
/// ties of an undirected type; relation types netan does not know, directed and undirected; an
/// actor without ties.
private func awkwardNetwork() -> Network {
    var network = Network(metadata: NetworkMetadata(name: "awkward"))
    for id in ["a b", "c,d", "e\"f", "x=y", "labels:", "g\\h", "!", "7", "alleen"] {
        network.add(Actor(id: id, type: "overig"))
    }
    let rows: [(String, String, String, Double, Bool)] = [
        ("a b", "c,d", "overleg", 2.0, false), ("a b", "c,d", "overleg", 2.0, false),
        ("c,d", "a b", "overleg", 3.0, true), ("a b", "c,d", "overleg", 3.0, true),
        ("e\"f", "x=y", "financiering", 1250.5, true), ("x=y", "e\"f", "financiering", 1250.5, true),
        ("labels:", "g\\h", "advies", 1.0, true), ("g\\h", "labels:", "advies", 1.0, true),
        ("!", "7", "advies", 0.25, true), ("7", "a b", "vriendschap", 4.0, false),
        ("a b", "7", "vriendschap", 1.0, true), ("7", "!", "contract", 1.0, true),
    ]
    for (source, target, type, weight, directed) in rows {
        network.add(Relation(source: source, target: target, type: type, weight: weight, directed: directed))
    }
    return network
}

/// The same actors and relations, every relation made directed or undirected.
private func redirected(_ network: Network, directed: Bool) -> Network {
    var copy = Network(metadata: network.metadata, vocabulary: network.vocabulary)
    for actor in network.actors { copy.add(actor) }
    for var relation in network.relations {
        relation.directed = directed
        copy.add(relation)
    }
    return copy
}

@Suite("UCINET DL: written and read back, and files as UCINET documents them")
struct UCINETDLTests {
    /// Writes `network` as DL in one layout and reads it back.
    func roundTrip(_ network: Network, fullMatrix: Bool) throws -> (text: String, back: LoadedNetwork) {
        let folder = TemporaryFolder()
        let text = NetworkWriter.ucinetDL(network, fullMatrix: fullMatrix)
        let path = folder.write("net.dl", text)
        return (text, try NetworkLoader.load(path: path))
    }

    @Test("a hand-made awkward network comes back with the same ids and ties", arguments: [true, false])
    func awkward(fullMatrix: Bool) throws {
        let network = awkwardNetwork()
        let (text, loaded) = try roundTrip(network, fullMatrix: fullMatrix)
        #expect(text.contains(fullMatrix ? "format = fullmatrix" : "format = edgelist1"))
        #expect(text.contains("matrix labels:"))
        #expect(loaded.network.actors.map(\.id) == network.actors.map(\.id), "\(text)")
        #expect(ties(loaded.network) == ties(network), "\(text)")
        #expect(loaded.network.actors.allSatisfy { $0.type == "overig" })
        #expect(loaded.warnings.contains { $0.message.contains("no actor types") })
    }

    @Test(
        "the test networks come back with the same ids and ties",
        arguments: [(true, false), (false, false), (true, true), (false, true)])
    func samples(fullMatrix: Bool, demo: Bool) throws {
        let network = try demo ? interopSample() : sampleNetwork()
        let (text, loaded) = try roundTrip(network, fullMatrix: fullMatrix)
        #expect(loaded.network.actors.map(\.id) == network.actors.map(\.id))
        #expect(ties(loaded.network) == ties(network), "\(text)")
        // One matrix per relation type when the types need no more.
        let types = Set(network.relations.map(\.type))
        #expect(text.contains("nm = \(types.count)\r\n"), "\(text)")
    }

    @Test("through the writer and loader: .dl is detected, the losses are named")
    func dispatch() throws {
        let folder = TemporaryFolder()
        let path = folder.url.appendingPathComponent("sample.dl").path
        #expect(NetworkFormat.detect(path: path) == .ucinetDL)
        #expect(NetworkFormat(rawValue: "dl") == .ucinetDL)
        let network = sampleNetwork()
        let loss = try NetworkWriter.write(network, to: path, format: .ucinetDL)
        #expect(loss == NetworkFormat.ucinetDL.losses)
        #expect(loss?.contains("actor names, types") == true)
        let back = try NetworkLoader.load(path: path).network
        #expect(ties(back) == ties(network))
        #expect(back.actors.count == 4)  // the actor without ties is kept
    }

    @Test("full matrices up to 200 actors, an edge list above")
    func layoutBySize() {
        for (count, layout) in [(200, "fullmatrix"), (201, "edgelist1")] {
            var network = Network(metadata: NetworkMetadata(name: "big"))
            for i in 0..<count { network.add(Actor(id: "a\(i)", type: "overig")) }
            network.add(Relation(source: "a0", target: "a1", type: "contract", weight: 2, directed: true))
            let text = NetworkWriter.ucinetDL(network)
            #expect(text.contains("format = \(layout)\r\n"))
            let tieLines = text.components(separatedBy: "\r\n").filter { $0.hasPrefix("a0 a1") }
            #expect(tieLines.count == (count > 200 ? 1 : 0))
        }
    }

    @Test("a full matrix with labels and two named matrices, as UCINET's guide writes it")
    func documentedFullMatrix() throws {
        let path = fixtures.appendingPathComponent("interop/ucinet_fullmatrix.dl").path
        let network = try NetworkLoader.load(path: path).network
        #expect(network.actors.map(\.id) == ["anna", "bram", "Cor de Vries", "dirk"])
        #expect(
            ties(network) == [
                "Cor de Vries|anna|overleg|1.0|false", "Cor de Vries|bram|financiering|2.5|true",
                "Cor de Vries|dirk|overleg|2.0|false", "anna|bram|financiering|5.0|true",
                "anna|bram|overleg|1.0|false",
            ])
    }

    @Test("an edge list with embedded labels, values and two matrices separated by !")
    func documentedEdgeList() throws {
        let path = fixtures.appendingPathComponent("interop/ucinet_edgelist.dl").path
        let network = try NetworkLoader.load(path: path).network
        #expect(network.actors.map(\.id) == ["george", "sally", "jim", "billy", "jane"])
        // "advice" is not symmetric: every cell a directed tie; "friendship" is: undirected.
        #expect(
            ties(network) == [
                "billy|george|advice|1.0|true", "george|jim|advice|1.0|true", "george|sally|advice|2.0|true",
                "jane|jim|friendship|1.0|false", "sally|jim|advice|1.5|true",
            ])
    }

    @Test("the short examples of the DL documentation: no labels, and labels embedded in the matrix")
    func documentedExamples() throws {
        let folder = TemporaryFolder()
        let bare = folder.write(
            "bare.dl", "DL N = 5\nData:\n0 1 1 1 1\n1 0 1 0 0\n1 1 0 0 1\n1 0 0 0 0\n1 0 1 0 0\n")
        let network = try NetworkLoader.load(path: bare).network
        #expect(network.actors.map(\.id) == ["1", "2", "3", "4", "5"])
        #expect(
            ties(network) == [
                "1|2|samenwerking|1.0|false", "1|3|samenwerking|1.0|false", "1|4|samenwerking|1.0|false",
                "1|5|samenwerking|1.0|false", "2|3|samenwerking|1.0|false", "3|5|samenwerking|1.0|false",
            ])
        let embedded = folder.write(
            "embedded.dl",
            """
            dl
            n = 5
            labels embedded
            format = fullmatrix
            data:
            Bill Jan Jim Sue Zoe
            Bill 0 0 1 0 0
            Jan 0 0 0 1 1
            Jim 1 0 0 1 0
            Sue 0 1 1 0 0
            Zoe 0 1 0 0 0

            """)
        let named = try NetworkLoader.load(path: embedded).network
        #expect(named.actors.map(\.id) == ["Bill", "Jan", "Jim", "Sue", "Zoe"])
        #expect(named.relations.count == 4)
        #expect(named.relations.allSatisfy { !$0.directed && $0.type == "samenwerking" })
        // Numbers with labels given, and a directed matrix of one relation type.
        let numbered = folder.write(
            "numbered.dl",
            "DL n=3\nformat = edgelist1\nlabels:\ngeorge, sally, jim\ndata:\n1 2\n1 3 4\n3 1\n")
        let directed = try NetworkLoader.load(path: numbered).network
        #expect(
            ties(directed) == [
                "george|jim|contract|4.0|true", "george|sally|contract|1.0|true",
                "jim|george|contract|1.0|true",
            ])
    }

    /// The message of the first error of loading a DL text that should fail ("" when none).
    func firstMessage(_ text: String) -> String { problems(text).first?.message ?? "" }

    /// The diagnostics of loading a DL text that should fail.
    func problems(_ text: String) -> [Diagnostic] {
        let folder = TemporaryFolder()
        let path = folder.write("bad.dl", text)
        do {
            _ = try NetworkLoader.load(path: path)
            return []
        } catch let error as NetworkLoadError {
            return error.errors
        } catch {
            return []
        }
    }

    @Test("broken files are refused with file, line, message and hint in English and Dutch")
    func errors() throws {
        let notNumber = problems("DL n = 2\nformat = fullmatrix\ndata:\n0 1\nx 0\n")
        let first = try #require(notNumber.first)
        #expect(first.line == 5)
        #expect(first.file.hasSuffix("bad.dl"))
        #expect(first.message.contains("\"x\" is not a number"))
        #expect(first.hint != nil && first.messageDutch != nil && first.hintDutch != nil)

        #expect(problems("n = 2\ndata:\n0 1\n1 0\n").first?.line == 1)
        #expect(firstMessage("DL n = 3\ndata:\n0 1 0\n1 0 0\n").contains("The data end"))
        #expect(firstMessage("DL n = 2\ndata:\n0 1\n1 0\n1\n").contains("go on"))
        #expect(firstMessage("DL nr = 2, nc = 3\ndata:\n0 1 1\n1 0 0\n").contains("two-mode"))
        let format = problems("DL n = 2\nformat = nodelist1\ndata:\n1 2\n")
        #expect(format.first?.line == 2)
        #expect(format.first?.hint?.contains("edgelist1") == true)
        #expect(firstMessage("DL n = 2\nlabels:\na\ndata:\n0 1\n1 0\n").contains("1 labels"))
        let edge = problems("DL n = 2\nformat = edgelist1\ndata:\n1 2\n1 3\n2\n")
        #expect(edge.map(\.line) == [5, 6])
        #expect(firstMessage("DL n = 2\nformat = edgelist1\ndata:\n1 2 -1\n").contains("not positive"))
        #expect(problems("DL n = 2\nlabels:\n\"a, b\ndata:\n").first?.line == 3)
        #expect(firstMessage("DL n = 2\nflavour = sweet\ndata:\n").contains("flavour"))
        #expect(firstMessage("DL n = 2\nformat = fullmatrix\n0 1\n1 0\n").contains("data:"))
    }

    /// The mutations of `Fuzzing`, in a folder of this test's own (`Fuzzing.run` shares one
    /// scratch folder per process with the fuzz suite, which may run at the same time).
    @Test("mutated DL files never crash the reader")
    func fuzz() throws {
        let folder = TemporaryFolder()
        var rng = SplitMix64(seed: 19)
        var tried = 0
        for round in 0..<150 {
            for name in ["ucinet_fullmatrix.dl", "ucinet_edgelist.dl"] {
                var bytes = Array(try Data(contentsOf: fixtures.appendingPathComponent("interop/\(name)")))
                for _ in 0..<(1 + Int(rng.next(below: 4))) { Fuzzing.mutate(&bytes, &rng) }
                _ = try? NetworkLoader.load(path: folder.write("case-\(round)-\(name)", bytes: bytes))
                tried += 1
            }
        }
        #expect(tried == 300)
    }
}

@Suite("GEXF: edge types and viz elements")
struct GEXFExportTests {
    @Test("defaultedgetype undirected, directed or mixed; a type per edge only when mixed")
    func edgeTypes() throws {
        let mixed = sampleNetwork()
        for (network, expected) in [
            (redirected(mixed, directed: false), "undirected"),
            (redirected(mixed, directed: true), "directed"), (mixed, "mixed"),
        ] {
            let text = NetworkWriter.gexfText(network)
            #expect(text.contains("defaultedgetype=\"\(expected)\""))
            let edges = text.components(separatedBy: "\n").filter { $0.contains("<edge ") }
            #expect(edges.count == network.relations.count)
            for (line, relation) in zip(edges, network.relations) {
                if expected == "mixed" {
                    let type = relation.directed ? "directed" : "undirected"
                    #expect(line.contains(" type=\"\(type)\""), "\(line)")
                } else {
                    #expect(!line.contains(" type=\""), "\(line)")
                }
            }
            let folder = TemporaryFolder()
            let back = try NetworkLoader.load(path: folder.write("net.gexf", text)).network
            expectSame(network, back, format: .gexf)
        }
    }

    @Test("viz:color from the type's diagram colour, viz:size, viz:position when given")
    func viz() throws {
        var network = sampleNetwork()
        network.add(Actor(id: "eigen-1", name: "Eigen <&>", type: "eigen"))
        network.add(Relation(source: "eigen-1", target: "g", type: "overleg", weight: 1, directed: false))
        let text = NetworkWriter.gexfText(network, positions: ["g": (10, -20.5), "p": (.nan, 1)])
        #expect(text.contains("xmlns:viz=\"http://gexf.net/1.3/viz\""))
        let nodes = text.components(separatedBy: "\n").filter { $0.contains("<node ") }
        #expect(nodes.count == 5)
        // gemeente #332288; a type the network adds takes Tol's first "light" colour #77AADD.
        #expect(nodes[0].contains("<viz:color r=\"51\" g=\"34\" b=\"136\"/>"))
        #expect(nodes[4].contains("<viz:color r=\"119\" g=\"170\" b=\"221\"/>"))
        #expect(nodes[4].contains("label=\"Eigen &lt;&amp;&gt;\""))
        // No sizes recorded: area by partners; g has three, the most: 40; i has none: 4.
        #expect(nodes[0].contains("<viz:size value=\"40\"/>"))
        #expect(nodes[3].contains("<viz:size value=\"4\"/>"))
        #expect(nodes.allSatisfy { $0.contains("<viz:size value=") })
        #expect(nodes[0].contains("<viz:position x=\"10\" y=\"-20.5\" z=\"0\"/>"))
        #expect(nodes.filter { $0.contains("<viz:position") }.count == 1)
        // netan reads its own file back; the viz elements are read into nothing.
        let folder = TemporaryFolder()
        let back = try NetworkLoader.load(path: folder.write("viz.gexf", text)).network
        expectSame(network, back, format: .gexf)
    }

    @Test("viz:size follows the actors' sizes when the network records them")
    func sizes() throws {
        let network = try DemoDataset.load().network
        let text = NetworkWriter.gexfText(network)
        let sizes = network.actors.map { $0.size ?? 0 }
        let largest = try #require(sizes.indices.max { sizes[$0] < sizes[$1] })
        let nodes = text.components(separatedBy: "\n").filter { $0.contains("<node ") }
        #expect(nodes[largest].contains("<viz:size value=\"40\"/>"))
        for (node, actor) in zip(nodes, network.actors) where actor.size == nil {
            #expect(node.contains("<viz:size value=\"4\"/>"), "\(actor.id)")
        }
    }

    @Test(
        "networkx reads netan's GEXF of an all-undirected and an all-directed network: equal betweenness",
        .enabled(if: Tools.pythonPeers, "networkx is not installed (make test installs it)"))
    func networkxBetweenness() throws {
        let folder = TemporaryFolder()
        let demo = try DemoDataset.load().network
        for (label, directed) in [("undirected", false), ("directed", true)] {
            let network = redirected(demo, directed: directed)
            try NetworkWriter.write(
                network, to: folder.url.appendingPathComponent("\(label).gexf").path, format: .gexf)
            let ours = CentralityAnalysis(network, view: AnalysisView(weights: .ignore))[.betweenness]
            var values: [String: Double] = [:]
            for (i, actor) in network.actors.enumerated() { values[actor.id] = ours[i] }
            try JSONSerialization.data(withJSONObject: values).write(
                to: folder.url.appendingPathComponent("\(label)-betweenness.json"))
        }
        let result = try #require(
            try runCheckScript(
                "/usr/bin/env",
                [
                    "python3", packageRoot.appendingPathComponent("scripts/interop/check_with_peers.py").path,
                    folder.path,
                ]),
            "the check script reported a missing tool")
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("ok   gexf undirected: betweenness"), "\(result.output)")
        #expect(result.output.contains("ok   gexf directed: betweenness"), "\(result.output)")
    }
}
