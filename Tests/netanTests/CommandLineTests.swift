import Foundation
import TestSupport
import Testing

@testable import NetGraph
@testable import NetGraphIO

@Suite("netan end to end", .serialized)
struct CommandLineTests {
    @Test(
        "--help of every command has an example",
        arguments: [[], ["demo"], ["analyze"], ["render"], ["validate"]])
    func help(command: [String]) throws {
        let result = try netan(command + ["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Example"))
        #expect(result.stdout.contains("netan"))
    }

    @Test("demo in an empty folder prints the summary and writes the diagrams")
    func demo() throws {
        let folder = TemporaryFolder()
        let result = try netan(["demo"], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Zorg voor elkaar Breda"))
        #expect(result.stdout.contains("Actoren per type"))
        #expect(result.stdout.contains("gemeente"))
        let svg = try #require(folder.contents("notebooks-out/demo/figures/netwerk.svg"))
        #expect(TextCollector.parse(svg)?.contains("Gemeente Breda") == true)
        let png = try #require(folder.contents("notebooks-out/demo/figures/netwerk.png"))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        for name in ["index.html", "report.md", "analysis.ipynb", "tables/actors.csv"] {
            #expect(folder.contents("notebooks-out/demo/" + name) != nil)
        }
        // No temporary files are left behind.
        let names = try FileManager.default.contentsOfDirectory(
            atPath: folder.url.appendingPathComponent("notebooks-out").path)
        #expect(names == ["demo"])
    }

    @Test("validate: 0 for a good network, 65 with file:line messages for a bad one")
    func validate() throws {
        let good = validFolder()
        let ok = try netan(["validate", good.path])
        #expect(ok.status == 0)
        // The network has no language: Dutch, the default.
        #expect(ok.stdout.contains("3 actoren, 2 relaties"))

        let bad = validFolder()
        bad.write("relations.csv", "source,target,type,weight\ng,p,financiering,abc\ng,zz,overleg,1\n")
        let result = try netan(["validate", bad.path])
        #expect(result.status == 65)
        #expect(result.stderr.contains("relations.csv:2: fout:"))
        #expect(result.stderr.contains("relations.csv:3: fout:"))
        #expect(result.stdout.contains("2 fouten"))

        let strict = validFolder()
        strict.write("actors.csv", "id,name,type\ng,G,gemeente\np,P,zorgaanbeider\nc,C,clientorganisatie\n")
        #expect(try netan(["validate", strict.path]).status == 0)
        #expect(try netan(["validate", "--strict", strict.path]).status == 65)
    }

    @Test("analyze prints JSON in the contract's shape")
    func analyzeJSON() throws {
        let folder = validFolder()
        let result = try netan(["analyze", folder.path, "--format", "json"])
        #expect(result.status == 0)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["network"] != nil && object["actors"] != nil && object["flags"] != nil)
    }

    @Test("render writes the format of the extension; bad extensions and inputs as outputs are refused")
    func render() throws {
        let folder = validFolder()
        let out = folder.url.appendingPathComponent("out/diagram.pdf").path
        let result = try netan(["render", folder.path, "-o", out])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.contents(atPath: out)?.starts(with: Array("%PDF".utf8)) == true)

        let wrong = try netan(["render", folder.path, "-o", folder.url.appendingPathComponent("x.docx").path])
        #expect(wrong.status == 64)
        #expect(wrong.stderr.contains(".svg"))

        let before = folder.contents("relations.csv")
        let refuse = try netan([
            "render", folder.path, "-o", folder.url.appendingPathComponent("relations.dot").path,
        ])
        #expect(refuse.status == 0)  // relations.dot is not an input
        let overwrite = try netan([
            "render", folder.path, "-o", folder.url.appendingPathComponent("network.yaml").path,
        ])
        #expect(overwrite.status != 0)
        #expect(folder.contents("relations.csv") == before)
    }

    @Test("an invalid network exits 65 and writes nothing")
    func nothingWritten() throws {
        let folder = validFolder()
        folder.write("actors.csv", "id,name,type\ng,G,gemeente\ng,G,gemeente\n")
        let out = folder.url.appendingPathComponent("diagram.svg")
        let result = try netan(["render", folder.path, "-o", out.path])
        #expect(result.status == 65)
        #expect(result.stderr.contains("actors.csv:3: fout:"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test("an unknown command or option is a usage error (64)")
    func usage() throws {
        #expect(try netan(["frobnicate"]).status == 64)
        #expect(try netan(["analyze"]).status == 64)
    }
}

@Suite("Datasets")
struct DatasetTests {
    @Test("the embedded demo dataset is the one in datasets/ and loads without warnings")
    func demoDataset() throws {
        for name in ["network.yaml", "actors.csv", "relations.csv"] {
            let embedded = FileManager.default.contents(
                atPath: DemoDataset.folder.appendingPathComponent(name).path)
            let shipped = FileManager.default.contents(
                atPath: packageRoot.appendingPathComponent("datasets/breda-illustratief/\(name)").path)
            #expect(embedded != nil && embedded == shipped, "\(name) differs")
        }
        let loaded = try DemoDataset.load()
        #expect(loaded.warnings.isEmpty)
        #expect((20...25).contains(loaded.network.actors.count))
        #expect(loaded.network.metadata.source?.contains("llustratief") == true)
    }
}

@Suite("netan centrality end to end", .serialized)
struct CentralityCommandTests {
    @Test("JSON has every documented key, for actors and for the network")
    func jsonKeys() throws {
        let folder = validFolder()
        let result = try netan(["centrality", folder.path, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let actors = try #require(object["actors"] as? [[String: Any]])
        #expect(actors.count == 3)
        // The keys DESIGN.md documents, written out so a renamed case cannot slip through.
        let documented = [
            "degree", "in_degree", "out_degree", "strength", "in_strength", "out_strength", "betweenness",
            "betweenness_normalized", "closeness", "harmonic", "eigenvector", "pagerank", "katz", "hub",
            "authority", "core_number", "clustering", "articulation_point", "community", "component",
        ]
        #expect(Set(documented) == Set(ActorMeasure.allCases.map(\.rawValue)))
        for key in documented { #expect(actors[0][key] != nil, "missing \(key)") }
        let network = try #require(object["network"] as? [String: Any])
        for key in [
            "nodes", "relations", "density", "reciprocity", "components", "degree_centralization",
            "betweenness_centralization",
            "closeness_centralization", "gini_degree", "gini_betweenness", "transitivity", "modularity",
            "communities",
        ] {
            #expect(network[key] != nil, "missing \(key)")
        }
    }

    @Test("a layer, ignored weights, selected measures as CSV")
    func layerCSV() throws {
        let folder = validFolder()
        let result = try netan([
            "centrality", folder.path, "--relation", "financiering", "--weights", "ignore",
            "--measure", "degree", "--measure", "betweenness", "--format", "csv",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\r\n")
        #expect(lines.first == "id,name,type,degree,betweenness")
        #expect(lines.count == 4)
    }

    @Test("unknown measures and relation types are usage errors naming the choices")
    func badOptions() throws {
        let folder = validFolder()
        let measure = try netan(["centrality", folder.path, "--measure", "fame"])
        #expect(measure.status == 64)
        #expect(measure.stderr.contains("pagerank"))
        let relation = try netan(["centrality", folder.path, "--relation", "vriendschap"])
        #expect(relation.status == 64)
        #expect(relation.stderr.contains("financiering"))
    }

    @Test("analyze shows network measures and top lists; --epsilon notes its bound")
    func analyze() throws {
        let folder = validFolder()
        let result = try netan(["analyze", folder.path, "--epsilon", "0.1", "--language", "en"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Network measures"))
        #expect(result.stdout.contains("betweenness_centralization"))
        #expect(result.stdout.contains("Riondato"))
    }
}

@Suite("netan flags end to end", .serialized)
struct FlagsCommandTests {
    @Test("JSON follows the documented shape")
    func json() throws {
        let path = packageRoot.appendingPathComponent("datasets/scenarios/grote-aanbieder-als-poortwachter")
            .path
        let result = try netan(["flags", path, "--format", "json", "--permutations", "99", "--seed", "5"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let flags = try #require(object["flags"] as? [[String: Any]])
        #expect(!flags.isEmpty)
        for flag in flags {
            for key in [
                "rule", "severity", "subject", "evidence", "threshold", "message", "reference", "p_value",
            ] { #expect(flag[key] != nil, "missing \(key)") }
            let message = try #require(flag["message"] as? [String: String])
            #expect(message["nl"] != nil && message["en"] != nil)
            let subject = try #require(flag["subject"] as? [String: Any])
            #expect(subject["kind"] is String && subject["ids"] is [String])
        }
        #expect(flags.contains { ($0["p_value"] as? Double) != nil })
        let groups = try #require(object["groups"] as? [[String: Any]])
        #expect(
            groups.contains {
                $0["type"] as? String == "clientorganisatie" && $0["share_of_actors"] is Double
            })
        let actors = try #require(object["actors"] as? [[String: Any]])
        let brokerage = try #require(actors.first?["brokerage"] as? [String: Any])
        for role in ["coordinator", "itinerant", "representative", "gatekeeper", "liaison", "total", "z"] {
            #expect(brokerage[role] != nil)
        }
        #expect(
            actors.first?["constraint"] != nil && actors.first?["effective_size"] != nil
                && actors.first?["dependence"] != nil)
    }

    @Test("Dutch by default, English on request; a threshold override silences a rule")
    func languageAndThresholds() throws {
        let path = packageRoot.appendingPathComponent("datasets/scenarios/grote-aanbieder-als-poortwachter")
            .path
        let dutch = try netan(["flags", path])
        #expect(dutch.status == 0)
        #expect(dutch.stdout.contains("bevindingen") && dutch.stdout.contains("Zorgconcern Groot"))
        let english = try netan(["flags", path, "--lang", "en"])
        #expect(english.stdout.contains("findings"))
        let quiet = try netan([
            "flags", path, "--threshold", "dominant-broker.share=0.99", "--threshold",
            "dominant-broker.min-paths=1000", "--format", "csv",
        ])
        #expect(quiet.status == 0)
        #expect(!quiet.stdout.contains("dominant-broker"))
        // A share above 1 cannot mean anything: refused as wrong usage, with the reason.
        let share = try netan(["flags", path, "--threshold", "dominant-broker.path-share=1.01"])
        #expect(share.status == 64)
        #expect(share.stderr.contains("between 0 and 1"))
        let bad = try netan(["flags", path, "--threshold", "nonsense=1"])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("dominant-broker.share"))
    }
}

@Suite("Messages in the network's language")
struct MessageLanguageTests {
    @Test("validate speaks Dutch for a Dutch network and English for an English one")
    func validateLanguage() throws {
        let folder = validFolder()
        folder.write("network.yaml", "name: Test\nlanguage: nl\n")
        folder.write("relations.csv", "source,target,type,weight\ng,x,financiering,10\n")
        let dutch = try netan(["validate", folder.path])
        #expect(dutch.status == 65)
        #expect(dutch.stderr.contains("fout: ") && dutch.stderr.contains("Tip: "), "\(dutch.stderr)")
        #expect(dutch.stderr.contains("geen actor"))
        #expect(!dutch.stderr.contains("error:"))
        folder.write("network.yaml", "name: Test\nlanguage: en\n")
        let english = try netan(["validate", folder.path])
        #expect(english.stderr.contains("error: ") && english.stderr.contains("is not an actor"))
    }
}

@Suite("Weights of several relation types")
struct MixedUnitsCommandTests {
    @Test("a view mixing weighted types is analysed unweighted with a note; --weights strength warns")
    func mixed() throws {
        let folder = validFolder()
        folder.write("network.yaml", "name: Test\nlanguage: en\n")
        let quiet = try netan(["centrality", folder.path, "--format", "csv"])
        #expect(quiet.status == 0)
        #expect(quiet.stderr.contains("analysed without weights"), "\(quiet.stderr)")
        let forced = try netan(["centrality", folder.path, "--weights", "strength", "--format", "csv"])
        #expect(forced.stderr.contains("as if they were one unit"))
        let layer = try netan(["centrality", folder.path, "--relation", "financiering", "--format", "csv"])
        #expect(!layer.stderr.contains("without weights") && !layer.stderr.contains("one unit"))
    }
}

@Suite("Output safety and limits", .serialized)
struct OutputSafetyTests {
    @Test("an existing output is replaced only with --force; a failed render leaves nothing")
    func force() throws {
        let folder = validFolder()
        let out = folder.url.appendingPathComponent("d.svg").path
        #expect(try netan(["render", folder.path, "-o", out]).status == 0)
        let refused = try netan(["render", folder.path, "-o", out])
        #expect(refused.status == 73 && refused.stderr.contains("--force"))
        #expect(try netan(["render", folder.path, "-o", out, "--force"]).status == 0)
        let bad = try netan([
            "render", folder.path, "-o", folder.url.appendingPathComponent("e.svg").path, "--ego", "nobody",
        ])
        #expect(bad.status == 64)
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("e.svg").path))
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(!names.contains { $0.hasSuffix(".tmp") })
    }

    @Test("limits on actors, relations and bytes are enforced with a clear message")
    func limits() throws {
        let folder = validFolder()
        let actors = try netan(["validate", folder.path], environment: ["NETAN_MAX_ACTORS": "2"])
        #expect(actors.status == 65 && actors.stderr.contains("NETAN_MAX_ACTORS"))
        let relations = try netan(["validate", folder.path], environment: ["NETAN_MAX_RELATIONS": "1"])
        #expect(relations.status == 65 && relations.stderr.contains("NETAN_MAX_RELATIONS"))
        let bytes = try netan(["validate", folder.path], environment: ["NETAN_MAX_BYTES": "10"])
        #expect(bytes.status == 65 && bytes.stderr.contains("NETAN_MAX_BYTES"))
        #expect(try netan(["validate", folder.path]).status == 0)
    }
}

@Suite("netan init", .serialized)
struct InitTests {
    @Test("the template validates without errors, in both separators, and is not overwritten without --force")
    func template() throws {
        let folder = TemporaryFolder()
        for (name, flags) in [("comma", [String]()), ("semicolon", ["--semicolon"])] {
            let path = folder.url.appendingPathComponent(name).path
            #expect(try netan(["init", path] + flags).status == 0)
            let loaded = try NetworkLoader.load(path: path)
            #expect(loaded.network.actors.count == 3 && loaded.warnings.isEmpty)
            #expect(loaded.network.actor(id: "za1")?.size == 40.5)
            #expect(try netan(["init", path]).status == 73)
        }
    }
}
