import Foundation
import TestSupport
import Testing

@testable import NetGraph
@testable import NetGraphIO
@testable import NetGraphRender
@testable import NetGraphReports

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("Reports", .serialized)
struct ReportTests {
    func write(_ network: Network, language: String = "nl") throws -> TemporaryFolder {
        let folder = TemporaryFolder()
        try ReportBuilder(NetworkAnalysis(network), language: language, inputDescription: "test").write(
            to: folder.url.appendingPathComponent("rapport"))
        return folder
    }

    @Test("every file is present and non-empty")
    func files() throws {
        let folder = try write(try DemoDataset.load().network)
        for name in [
            "index.html", "report.md", "analysis.ipynb", "tables/actors.csv", "tables/network.csv",
            "tables/flags.csv",
            "tables/groups.csv", "figures/netwerk.svg", "figures/netwerk.png", "figures/lorenz.svg",
            "figures/top-pagerank.svg",
        ] {
            let data = folder.contents("rapport/" + name)
            #expect(data != nil && !data!.isEmpty, "\(name)")
        }
        // Nothing else is left next to the report (no staging or backup folders).
        let siblings = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(siblings == ["rapport"])
    }

    @Test("the HTML is well-formed, self-contained and shows the findings")
    func html() throws {
        let folder = try write(try DemoDataset.load().network)
        let data = try #require(folder.contents("rapport/index.html"))
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        #expect(parser.parse(), "index.html is not well-formed: \(String(describing: parser.parserError))")
        let text = String(decoding: data, as: UTF8.self)
        // No external resources: the only URLs are XML namespace names.
        let urls = text.matches(of: /https?:\/\/[^"' <)]+/).map { String($0.output) }
        #expect(urls.allSatisfy { $0.hasPrefix("http://www.w3.org/") }, "\(Set(urls))")
        #expect(!text.contains("<script src") && !text.contains("<link "))
        #expect(text.contains("Cliëntenraad Jeugd (fictief)"))
        #expect(text.contains("Enige poortwachter"))
        #expect(!text.contains("single-gatekeeper"), "rule ids are for JSON, not for readers")
        #expect(text.contains("<svg"))
    }

    @Test("names with markup are escaped in HTML, Markdown and the notebook")
    func escaping() throws {
        var network = Network(metadata: NetworkMetadata(name: "Test <script>alert(1)</script> & co"))
        network.add(Actor(id: "a", name: "<img src=x onerror=alert(1)>", type: "gemeente"))
        network.add(Actor(id: "b", name: "**vet** [link](http://x)", type: "zorgaanbieder"))
        network.add(Relation(source: "a", target: "b", type: "contract", directed: true))
        let folder = try write(network)
        let html = String(decoding: folder.contents("rapport/index.html")!, as: UTF8.self)
        #expect(!html.contains("<img src=x") && !html.contains("<script>alert"))
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;"))
        let md = String(decoding: folder.contents("rapport/report.md")!, as: UTF8.self)
        #expect(md.contains("\\<script\\>"))
        let notebook =
            try JSONSerialization.jsonObject(with: folder.contents("rapport/analysis.ipynb")!)
            as! [String: Any]
        #expect(notebook["nbformat"] as? Int == 4)
    }

    @Test(
        "the notebook validates against nbformat's schema",
        .enabled(if: Tools.nbformat, "nbformat is not installed (make test installs it)"))
    func notebook() throws {
        let folder = try write(try DemoDataset.load().network, language: "en")
        let result = try #require(
            try runCheckScript(
                "/usr/bin/env",
                [
                    "python3", packageRoot.appendingPathComponent("scripts/report/check_notebook.py").path,
                    folder.url.appendingPathComponent("rapport/analysis.ipynb").path,
                ]),
            "the check script reported a missing tool")
        #expect(result.status == 0, "\(result.output)")
    }

    @Test(
        "rewriting replaces the report in one step and keeps what is outside it; a folder of other files is never replaced"
    )
    func rewrite() throws {
        let folder = try write(try DemoDataset.load().network)
        let outside = folder.write("notities.txt", "mijn aantekeningen")
        try ReportBuilder(
            NetworkAnalysis(try DemoDataset.load().network), language: "en", inputDescription: "test"
        ).write(to: folder.url.appendingPathComponent("rapport"))
        // A folder that holds anything else is refused, and left as it was.
        try "eigen werk".write(
            toFile: folder.url.appendingPathComponent("rapport/extra.txt").path, atomically: true,
            encoding: .utf8)
        #expect(throws: ReportBuilder.NotAReport.self) {
            try ReportBuilder(
                NetworkAnalysis(try DemoDataset.load().network), language: "nl", inputDescription: "test"
            ).write(to: folder.url.appendingPathComponent("rapport"))
        }
        #expect(
            FileManager.default.fileExists(
                atPath: folder.url.appendingPathComponent("rapport/extra.txt").path))
        #expect(throws: ReportBuilder.NotAReport.self) {
            try ReportBuilder(
                NetworkAnalysis(try DemoDataset.load().network), language: "nl", inputDescription: "test"
            ).write(to: folder.url)
        }
        #expect(
            String(decoding: FileManager.default.contents(atPath: outside)!, as: UTF8.self)
                == "mijn aantekeningen")
        #expect(
            String(decoding: folder.contents("rapport/index.html")!, as: UTF8.self).contains("lang=\"en\""))
    }

    @Test(
        "the report's visible text names measures in words: no snake_case key, no rule id",
        arguments: ["nl", "en"])
    func wordsOnly(language: String) throws {
        let folder = try write(try DemoDataset.load().network, language: language)
        var html = String(decoding: folder.contents("rapport/index.html")!, as: UTF8.self)
        // What a reader sees: no scripts, styles, tags or attribute values (tooltips keep the keys).
        for pattern in ["<script[\\s\\S]*?</script>", "<style[\\s\\S]*?</style>", "<[^>]*>"] {
            html = html.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
        }
        let keys = html.matches(of: /\b[a-z]+_[a-z_]+\b/).map { String($0.output) }
        #expect(keys.isEmpty, "\(Set(keys).sorted())")
        for rule in ["dominant-broker", "large-party-dominance", "one-sided-dependence", "single-gatekeeper"]
        {
            #expect(!html.contains(rule), "\(rule)")
        }
    }

    @Test("slugs are safe folder names")
    func slug() {
        #expect(Slug.make("Zorg voor elkaar Breda (illustratief)") == "zorg-voor-elkaar-breda-illustratief")
        #expect(Slug.make("Cliënt/../..") == "client")
        #expect(Slug.make("!!!") == "netwerk")
    }
}

@Suite("Comparison report")
struct ComparisonReportTests {
    @Test("a comparison report has the table, one diagram per network and the findings")
    func compareReport() throws {
        let folder = TemporaryFolder()
        let paths = ["evenwichtig", "grote-aanbieder-als-poortwachter"].map {
            packageRoot.appendingPathComponent("datasets/scenarios/" + $0).path
        }
        let networks = try paths.map { (path: $0, network: try NetworkLoader.load(path: $0).network) }
        try ComparisonReport(
            analyses: networks.map { ($0.path, NetworkAnalysis($0.network)) }, language: "nl"
        ).write(to: folder.url.appendingPathComponent("vergelijking"))
        let html = try #require(folder.contents("vergelijking/index.html"))
        let parser = XMLParser(data: html)
        #expect(parser.parse(), "\(String(describing: parser.parserError))")
        let text = String(decoding: html, as: UTF8.self)
        #expect(text.contains("Evenwichtig netwerk") && text.contains("Zorgconcern Groot"))
        #expect(text.contains("geen dominantie-bevindingen"))
        let figures = try FileManager.default.contentsOfDirectory(
            atPath: folder.url.appendingPathComponent("vergelijking/figures").path)
        #expect(figures.count == 2)
        #expect(folder.contents("vergelijking/tables/comparison.csv") != nil)
    }
}

@Suite("JSON output")
struct JSONOutputTests {
    @Test("NaN and infinity become null; integers, booleans, strings and finite numbers are kept")
    func nonFinite() throws {
        let object: [String: Any] = [
            "coreness": [0.5, Double.nan, Double.infinity],
            "nested": [["p": -Double.infinity, "n": 3, "ok": true, "name": "a/b"]],
        ]
        let text = JSONOutput.text(object, compact: true)
        #expect(text == #"{"coreness":[0.5,null,null],"nested":[{"n":3,"name":"a/b","ok":true,"p":null}]}"#)
        let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        #expect(parsed?["coreness"] as? [Any] != nil)
    }
}

@Suite("Report JSON is written as JSONSerialization would")
struct ReportJSONTests {
    @Test("flags, centrality and analysis JSON of the demo and a region: the same bytes")
    func sameBytes() throws {
        for network in [
            try DemoDataset.load().network,
            try NetworkReader.load(
                path: packageRoot.appendingPathComponent("datasets/regions/twente/2024").path
            )
            .network,
        ] {
            let analysis = NetworkAnalysis(network)
            let objects: [Any] = [
                FlagReport(power: analysis.power, language: "nl").jsonObject(),
                CentralityReport(network: network, analysis: analysis.centrality).jsonObject(),
            ]
            for object in objects {
                #expect(JSONOutput.text(object) == JSONOutput.foundationText(object))
                #expect(
                    JSONOutput.text(object, compact: true) == JSONOutput.foundationText(object, compact: true)
                )
            }
            // `netan flags --format json` writes the typed value.
            let flags = FlagReport(power: analysis.power, language: "nl").jsonValue()
            #expect(JSONOutput.text(flags) == JSONOutput.foundationText(flags.anyObject))
        }
    }
}

@Suite("The report folder recomputes from its own copy of the input")
struct NotebookRecomputeTests {
    @Test(
        "data/ and requirements.txt are written; networkx on data/ gives netan's betweenness",
        .enabled(if: Tools.notebookPackages, "pandas, matplotlib or networkx is not installed"))
    func recompute() throws {
        // The demo (unweighted view: several weighted types) and a network with one weighted
        // type (weighted view, lengths 1/weight).
        var weighted = Network(metadata: NetworkMetadata(name: "W"))
        for (id, type) in [
            ("g", "gemeente"), ("a", "zorgaanbieder"), ("b", "zorgaanbieder"), ("c", "clientorganisatie"),
        ] {
            weighted.add(Actor(id: id, type: type))
        }
        for (s, t, w) in [("g", "a", 5.0), ("g", "b", 2.0), ("a", "b", 1.5)] {
            weighted.add(Relation(source: s, target: t, type: "financiering", weight: w, directed: true))
        }
        weighted.add(Relation(source: "c", target: "g", type: "overleg", weightGiven: false, directed: false))
        weighted.add(Relation(source: "c", target: "a", type: "overleg", weightGiven: false, directed: false))
        for network in [try DemoDataset.load().network, weighted] {
            let folder = TemporaryFolder()
            let report = folder.url.appendingPathComponent("rapport")
            try ReportBuilder(NetworkAnalysis(network), language: "nl", inputDescription: "test").write(
                to: report)
            #expect(
                FileManager.default.fileExists(
                    atPath: report.appendingPathComponent("data/relations.csv").path))
            let requirements = try String(
                contentsOf: report.appendingPathComponent("requirements.txt"), encoding: .utf8)
            #expect(requirements.contains("networkx") && requirements.contains("pandas"))
            let script = """
                import json, os, sys, matplotlib
                os.chdir(sys.argv[1])
                matplotlib.use("Agg")
                cells = [c for c in json.load(open("analysis.ipynb"))["cells"] if c["cell_type"] == "code"]
                scope = {}
                for cell in cells[:2]:
                    exec("".join(cell["source"]), scope)
                """
            let run = try #require(
                try runCheckScript("/usr/bin/env", ["python3", "-c", script, report.path]))
            #expect(run.status == 0, "\(run.output)")
            let output = run.output
            let difference = try #require(
                output.split(separator: "=").last.flatMap {
                    Double($0.trimmingCharacters(in: .whitespacesAndNewlines))
                },
                "\(output)")
            #expect(difference < 1e-9, "\(network.metadata.name): \(output)")
        }
    }
}
