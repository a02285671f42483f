import Foundation
import TestSupport
import Testing
import ZIPFoundation

@testable import NetGraph
@testable import NetGraphIO

@Suite("Interoperability: every format written and read back")
struct InteropRoundTripTests {
    /// Every format this module reads and writes on its own (DOT needs Graphviz: NetGraphRenderTests).
    static let formats: [NetworkFormat] = [
        .folder, .yaml, .json, .nodeLink, .graphml, .gexf, .pajek, .edgeList, .xlsx,
    ]

    func fileName(_ format: NetworkFormat) -> String {
        switch format {
        case .folder: "out-folder"
        case .yaml: "out.yaml"
        case .json: "out.json"
        case .nodeLink: "out-nodelink.json"
        case .graphml: "out.graphml"
        case .gexf: "out.gexf"
        case .pajek: "out.net"
        case .ucinetDL: "out.dl"
        case .dot: "out.dot"
        case .edgeList: "out.csv"
        case .xlsx: "out.xlsx"
        }
    }

    @Test("round trip", arguments: formats)
    func roundTrip(format: NetworkFormat) throws {
        let folder = TemporaryFolder()
        let network = try interopSample()
        let path = folder.url.appendingPathComponent(fileName(format)).path
        let loss = try NetworkWriter.write(network, to: path, format: format)
        #expect((loss != nil) == (format == .pajek || format == .edgeList))
        let back = try NetworkLoader.load(path: path, format: format).network
        expectSame(network, back, format: format)
    }

    @Test("DOT without the Graphviz codec is refused with a diagnostic, not a crash")
    func dotNeedsCodec() throws {
        let folder = TemporaryFolder()
        let path = folder.write("a.dot", "digraph { a -> b }\n")
        #expect(throws: NetworkLoadError.self) { try NetworkLoader.load(path: path) }
        #expect(throws: CodecMissing.self) {
            try NetworkWriter.write(try interopSample(), to: path + ".out", format: .dot)
        }
    }

    @Test("format detection from the path")
    func detection() throws {
        let folder = TemporaryFolder()
        let nodeLink = folder.write("a.json", #"{"directed": true, "nodes": [{"id": 1}], "links": []}"#)
        let native = folder.write("b.json", #"{"actors": [], "relations": []}"#)
        #expect(NetworkFormat.detect(path: nodeLink) == .nodeLink)
        #expect(NetworkFormat.detect(path: native) == .json)
        #expect(NetworkFormat.detect(path: "x.GraphML") == .graphml)
        #expect(NetworkFormat.detect(path: "x.net") == .pajek)
        #expect(NetworkFormat.detect(path: "x.docx") == nil)
        #expect(NetworkFormat.detect(path: folder.path) == .folder)
    }
}

@Suite("Files written by other tools")
struct PeerFileTests {
    static let directory = fixtures.appendingPathComponent("interop")

    struct Expected {
        let actors: [String: [String: Any]]
        let relations: [[String: Any]]
    }

    func expected() throws -> Expected {
        let object =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: Self.directory.appendingPathComponent("expected.json")))
            as! [String: Any]
        return Expected(
            actors: object["actors"] as! [String: [String: Any]],
            relations: object["relations"] as! [[String: Any]])
    }

    @Test(
        "networkx and openpyxl files load with the right actors, types and weights",
        arguments: [
            "networkx_node_link.json", "networkx.graphml", "networkx.gexf", "networkx.net", "openpyxl.xlsx",
        ])
    func peerFile(name: String) throws {
        let loaded = try NetworkLoader.load(path: Self.directory.appendingPathComponent(name).path)
        let network = loaded.network
        let truth = try expected()
        #expect(Set(network.actors.map(\.id)) == Set(truth.actors.keys))
        for (id, values) in truth.actors {
            let actor = try #require(network.actor(id: id))
            #expect(actor.type == values["type"] as? String, "\(name) \(id) type")
            if name != "networkx.net" || id != "co" {
                #expect(actor.name == values["name"] as? String, "\(name) \(id) name")
            }
            if name != "networkx.net" {
                #expect(actor.size == values["size"] as? Double, "\(name) \(id) size")
                #expect(
                    actor.influence == (values["influence"] as? Int).map(Double.init),
                    "\(name) \(id) influence")
            }
        }
        let relations = network.relations.map { "\($0.source)>\($0.target) \($0.type) \($0.weight)" }.sorted()
        let want = truth.relations.map {
            "\($0["source"]!)>\($0["target"]!) \($0["type"]!) \($0["weight"] as! Double)"
        }.sorted()
        #expect(relations == want, "\(name)")
        let allDirected = network.relations.allSatisfy { $0.directed }
        #expect(allDirected)
    }

    @Test(
        "networkx and openpyxl read what netan writes",
        .enabled(if: Tools.pythonPeers, "networkx or openpyxl is not installed (make test installs them)"))
    func peersReadOurs() throws {
        let folder = TemporaryFolder()
        let network = try DemoDataset.load().network
        try NetworkWriter.write(
            network, to: folder.url.appendingPathComponent("net.graphml").path, format: .graphml)
        try NetworkWriter.write(
            network, to: folder.url.appendingPathComponent("net.gexf").path, format: .gexf)
        try NetworkWriter.write(
            network, to: folder.url.appendingPathComponent("node-link.json").path, format: .nodeLink)
        try NetworkWriter.write(
            network, to: folder.url.appendingPathComponent("net.xlsx").path, format: .xlsx)
        try NetworkWriter.write(
            network, to: folder.url.appendingPathComponent("source.json").path, format: .json)
        let result = try #require(
            try runCheckScript(
                "/usr/bin/env",
                [
                    "python3", packageRoot.appendingPathComponent("scripts/interop/check_with_peers.py").path,
                    folder.path,
                ]),
            "the check script reported a missing tool")
        #expect(result.status == 0, "\(result.output)")
    }
}

@Suite("Hostile and broken interop files")
struct InteropSafetyTests {
    @Test("GraphML with an external entity or a DTD is refused without reading the entity")
    func externalEntity() {
        let folder = TemporaryFolder()
        let path = folder.write(
            "xxe.graphml",
            """
            <?xml version="1.0"?>
            <!DOCTYPE graphml [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
            <graphml><graph edgedefault="directed"><node id="&secret;"/></graph></graphml>
            """)
        do {
            _ = try NetworkLoader.load(path: path)
            Issue.record("loaded")
        } catch let error as NetworkLoadError {
            #expect(error.errors.first?.message.contains("DTD") == true)
        } catch { Issue.record("\(error)") }
    }

    @Test("malformed XML names the line")
    func malformed() {
        let folder = TemporaryFolder()
        let path = folder.write(
            "bad.gexf", "<gexf>\n<graph>\n<nodes>\n<node id=\"a\">\n</nodes></graph></gexf>\n")
        do {
            _ = try NetworkLoader.load(path: path)
            Issue.record("loaded")
        } catch let error as NetworkLoadError {
            #expect(error.errors.first?.line != nil)
        } catch { Issue.record("\(error)") }
    }

    @Test("a zip bomb disguised as a workbook is refused")
    func zipBomb() throws {
        let folder = TemporaryFolder()
        let path = folder.url.appendingPathComponent("bomb.xlsx")
        let archive = try Archive(url: path, accessMode: .create)
        let size = 40 * 1024 * 1024
        try archive.addEntry(
            with: "xl/workbook.xml", type: .file, uncompressedSize: Int64(size), compressionMethod: .deflate
        ) { _, chunk in
            Data(count: chunk)
        }
        do {
            _ = try NetworkLoader.load(path: path.path)
            Issue.record("loaded")
        } catch let error as NetworkLoadError {
            #expect(error.errors.first?.message.contains("zip bomb") == true)
        } catch { Issue.record("\(error)") }
    }

    @Test("a workbook without the two sheets says which sheets it found")
    func missingSheets() throws {
        let folder = TemporaryFolder()
        var network = Network(metadata: NetworkMetadata(name: "x"))
        network.add(Actor(id: "a", type: "gemeente"))
        let path = folder.url.appendingPathComponent("ok.xlsx").path
        try NetworkWriter.write(network, to: path, format: .xlsx)
        #expect((try? NetworkLoader.load(path: path)) != nil)
        let notZip = folder.write("fake.xlsx", "id,type\n")
        do {
            _ = try NetworkLoader.load(path: notZip)
            Issue.record("loaded")
        } catch let error as NetworkLoadError {
            #expect(error.errors.first?.message.contains("not a valid .xlsx") == true)
        } catch { Issue.record("\(error)") }
    }

    @Test("a bare edge list infers its actors with a warning")
    func edgeList() throws {
        let folder = TemporaryFolder()
        let path = folder.write("ties.txt", "# comment\na b 2\nb c\nc a 0.5\n")
        let loaded = try NetworkLoader.load(path: path)
        #expect(loaded.network.actors.count == 3)
        #expect(loaded.warnings.contains { $0.message.contains("inferred") })
        let bad = folder.write("bad.txt", "a b\nlonely\n")
        do {
            _ = try NetworkLoader.load(path: bad)
            Issue.record("loaded")
        } catch let error as NetworkLoadError {
            #expect(error.errors.first?.line == 2)
        } catch { Issue.record("\(error)") }
    }
}

@Suite("Edge lists on the fast path")
struct EdgeListHeaderTests {
    @Test("the header that `netan convert` writes is skipped, and the ties after it are read")
    func headerSkipped() throws {
        let folder = TemporaryFolder()
        let path = folder.url.appendingPathComponent("ties.csv").path
        try "source,target,weight,type\na,b,2.5,financiering\nb,c,1,overleg\n".write(
            toFile: path, atomically: true, encoding: .utf8)
        let loaded = try EdgeListGraph.load(path: path, directed: false, weights: .strength)
        #expect(loaded.ids == ["a", "b", "c"])
        #expect(loaded.graph.arcCount == 4)
        // A header anywhere but the first tie is an error, as before.
        try "a,b,2\nsource,target,weight\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: (any Error).self) {
            try EdgeListGraph.load(path: path, directed: false, weights: .strength)
        }
    }
}

@Suite("Exports that read back the same")
struct ExportAgreementTests {
    @Test(
        "networkx reads netan's GraphML of a mixed network as the same graph: equal betweenness",
        .enabled(if: Tools.pythonPeers, "networkx is not installed (make test installs it)"))
    func graphMLBetweenness() throws {
        let network = try DemoDataset.load().network
        #expect(network.relations.contains { $0.directed } && network.relations.contains { !$0.directed })
        let folder = TemporaryFolder()
        let path = folder.url.appendingPathComponent("net.graphml").path
        try NetworkWriter.write(network, to: path, format: .graphml)
        let script = """
            import json, sys, networkx as nx
            g = nx.read_graphml(sys.argv[1])
            print(json.dumps(nx.betweenness_centrality(g, normalized=False)))
            """
        let run = try #require(try runCheckScript("/usr/bin/env", ["python3", "-c", script, path]))
        #expect(run.status == 0, "\(run.output)")
        let data = Data(run.output.utf8)
        let theirs = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Double])
        let ours = CentralityAnalysis(network, view: AnalysisView(weights: .ignore))[.betweenness]
        #expect(theirs.count == network.actors.count)
        for (i, actor) in network.actors.enumerated() {
            let value = try #require(theirs[actor.id], "networkx lacks \(actor.id)")
            #expect(
                abs(value - ours[i]) <= 1e-9 * max(1, ours[i]),
                "\(actor.id): networkx \(value), netan \(ours[i])")
        }
        // And netan reads its own file back as the same relations (the mirror arcs are not doubled).
        let back = try NetworkLoader.load(path: path).network
        #expect(back.relations.count == network.relations.count)
        #expect(
            back.relations.filter { !$0.directed }.count == network.relations.filter { !$0.directed }.count)
    }
}
