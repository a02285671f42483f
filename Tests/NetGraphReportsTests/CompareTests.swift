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

@Suite("generate, compare, diff")
struct CompareTests {
    @Test("the embedded jeugdregio data: 42 regions, 342 gemeenten, found by code or name")
    func regions() throws {
        let all = try Jeugdregio.all()
        #expect(all.count == 42)
        #expect(all.reduce(0) { $0 + $1.gemeenten.count } == 342)
        let wbo = try #require(try Jeugdregio.find("West-Brabant Oost"))
        #expect(wbo.code == "JZ34")
        #expect(wbo.gemeenten.contains { $0.name == "Breda" && $0.inhabitants == 183790 })
        #expect(try Jeugdregio.find("jz14")?.name == "Twente")
        #expect(try Jeugdregio.find("Atlantis") == nil)
        // The embedded copy is the one documented in datasets/reference.
        let embedded = FileManager.default.contents(
            atPath: Jeugdregio.resources.appendingPathComponent("jeugdregio-gemeenten.csv").path)
        #expect(embedded != nil)
        #expect(
            embedded
                == FileManager.default.contents(
                    atPath: packageRoot.appendingPathComponent("datasets/reference/jeugdregio-gemeenten.csv")
                        .path))
    }

    @Test("the generator repeats for a seed, differs across seeds, and follows its knobs")
    func generator() throws {
        let region = try #require(try Jeugdregio.find("JZ34"))
        var settings = GeneratorSettings()
        settings.seed = 5
        let a = RegionGenerator.generate(region, settings: settings)
        let b = RegionGenerator.generate(region, settings: settings)
        #expect(a.actors.map(\.id) == b.actors.map(\.id))
        #expect(a.relations == b.relations)
        settings.seed = 6
        #expect(RegionGenerator.generate(region, settings: settings).relations != a.relations)
        #expect(a.metadata.source?.contains("Synthetisch") == true)
        #expect(a.actors.filter { $0.type == "gemeente" }.count == region.gemeenten.count)
        // Dominance: the largest provider's share of provider money follows the knob.
        func largestShare(_ dominance: Double) -> Double {
            var s = GeneratorSettings()
            s.seed = 5
            s.dominance = dominance
            let network = RegionGenerator.generate(region, settings: s)
            let flows = FlowAnalysis(Graph(network, relationTypes: ["financiering"]))
            let providers = network.actors.indices.filter { network.actors[$0].type == "zorgaanbieder" }
            let money = providers.map { flows.inStrength[$0] }
            return money.max()! / money.reduce(0, +)
        }
        #expect(largestShare(0.7) > largestShare(0.2) + 0.2)
        // Without intermediaries there is no regio and no VNG.
        settings.intermediaries = false
        #expect(
            !RegionGenerator.generate(region, settings: settings).actors.contains {
                $0.type == "regio" || $0.type == "vng"
            })
    }

    @Test("a generated region is valid: written and read back without errors")
    func generatedIsValid() throws {
        let folder = TemporaryFolder()
        let network = RegionGenerator.generate(
            try #require(try Jeugdregio.find("JZ22")), settings: GeneratorSettings())
        try NetworkWriter.write(network, to: folder.path, format: .folder)
        let loaded = try NetworkLoader.load(path: folder.path)
        #expect(loaded.network.actors.count == network.actors.count)
        #expect(loaded.warnings.isEmpty, "\(loaded.warnings)")
    }

    @Test("compare gives the same figures as analyze for each network")
    func compareEqualsAnalyze() throws {
        let paths = ["datasets/breda-illustratief", "datasets/scenarios/evenwichtig"].map {
            packageRoot.appendingPathComponent($0).path
        }
        let networks = try paths.map { (path: $0, network: try NetworkLoader.load(path: $0).network) }
        let comparison = NetworkComparison(networks.map { ($0.path, NetworkAnalysis($0.network)) })
        for (row, item) in zip(comparison.rows, networks) {
            // An analysis computed independently of the comparison's own, on the view netan picks
            // when none is given (unweighted here: several relation types carry weights).
            let analysis = CentralityAnalysis(item.network, view: .recommended(for: item.network))
            let measures: [NetworkMeasure] = [
                .density, .degreeCentralization, .betweennessCentralization, .giniDegree, .giniBetweenness,
            ]
            for measure in measures {
                let value = try #require(row.values[measure.rawValue] ?? nil, "\(measure)")
                #expect(value == analysis[measure], "\(measure)")
            }
            let power = PowerAnalysis(item.network)
            #expect(
                row.values["flags_warning"] == Double(power.flags.filter { $0.severity == .warning }.count))
        }
        // Ranks: 1 = highest; the larger network has more relations.
        #expect(comparison.ranks["relations"] == [1, 2])
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(comparison.render(.json, language: "en").utf8))
                as? [String: Any])
        let rows = try #require(json["networks"] as? [[String: Any]])
        #expect(
            rows.count == 2 && rows[0]["betweenness_centralization"] != nil
                && rows[0]["path"] as? String == paths[0])
    }

    @Test("diff of a network with itself is empty; planted changes are all found")
    func diff() throws {
        let network = try DemoDataset.load().network
        #expect(NetworkDiff(old: NetworkAnalysis(network), new: NetworkAnalysis(network)).isEmpty)
        var changed = Network(metadata: network.metadata, vocabulary: network.vocabulary)
        for actor in network.actors where actor.id != "mantelzorg" { changed.add(actor) }
        changed.add(Actor(id: "nieuw", name: "Nieuwe aanbieder", type: "zorgaanbieder", size: 1))
        for relation in network.relations
        where relation.source != "mantelzorg" && relation.target != "mantelzorg" {
            var r = relation
            if r.source == "gem-breda" && r.target == "welzijn" && r.type == "financiering" { r.weight = 20 }
            changed.add(r)
        }
        changed.add(Relation(source: "gem-breda", target: "nieuw", type: "contract", directed: true))
        let diff = NetworkDiff(old: NetworkAnalysis(network), new: NetworkAnalysis(changed))
        #expect(diff.addedActors == ["nieuw"])
        #expect(diff.removedActors == ["mantelzorg"])
        #expect(diff.addedRelations == ["gem-breda → nieuw (contract)"])
        #expect(
            Set(diff.removedRelations) == [
                // An undirected tie reads "a — b", ids in order.
                "wmo-raad → mantelzorg (vertegenwoordiging)", "mantelzorg — welzijn (samenwerking)",
            ])
        #expect(
            diff.weightChanges.count == 1 && diff.weightChanges[0].old == 10
                && diff.weightChanges[0].new == 20)
        #expect(diff.render(.table, language: "nl").contains("1 actoren erbij, 1 weg"))
    }

    @Test("netan compare with a glob and netan diff with a diagram, end to end")
    func commands() throws {
        let folder = TemporaryFolder()
        let compare = try netan([
            "compare", packageRoot.path + "/datasets/scenarios/*", "--format", "markdown", "--language", "en",
        ])
        #expect(compare.status == 0, "\(compare.stderr)")
        #expect(compare.stdout.contains("| Balanced") || compare.stdout.contains("Evenwichtig"))
        let svg = folder.url.appendingPathComponent("diff.svg").path
        let diff = try netan([
            "diff", packageRoot.path + "/datasets/regions/groningen/2023",
            packageRoot.path + "/datasets/regions/groningen/2024", "-o", svg,
        ])
        #expect(diff.status == 0, "\(diff.stderr)")
        #expect(diff.stdout.contains("→"))
        #expect(TextCollector.parse(FileManager.default.contents(atPath: svg) ?? Data()) != nil)
        let list = try netan(["generate", "--list"])
        #expect(list.status == 0 && list.stdout.contains("JZ34"))
        let out = folder.url.appendingPathComponent("twente").path
        let generate = try netan(["generate", "Twente", "-o", out, "--seed", "3"])
        #expect(generate.status == 0 && FileManager.default.fileExists(atPath: out + "/actors.csv"))
    }
}

@Suite("Diffs follow findings across versions")
struct FindingChangeTests {
    /// A gemeente paying five providers; `shares` are the amounts.
    func region(_ amounts: [Double]) -> Network {
        var network = Network(metadata: NetworkMetadata(name: "regio"))
        network.add(Actor(id: "gem", name: "Gemeente Oost", type: "gemeente"))
        for (k, amount) in amounts.enumerated() {
            network.add(Actor(id: "za\(k)", name: "Aanbieder \(k)", type: "zorgaanbieder"))
            network.add(
                Relation(
                    source: "gem", target: "za\(k)", type: "financiering", weight: amount, directed: true))
        }
        return network
    }

    @Test("more concentrated money is 'worsened', never 'resolved' plus 'appeared'")
    func worsened() throws {
        let old = NetworkAnalysis(region([60, 10, 10, 10, 10]))
        let new = NetworkAnalysis(region([92, 2, 2, 2, 2]))
        let diff = NetworkDiff(old: old, new: new)
        let worse = diff.findings.of(.worsened).filter { $0.rule == "funding-concentration" }
        // The gemeente's spending (and the providers' market as a whole) got more concentrated.
        #expect(worse.filter { $0.subject.first == "gem" }.count == 1)
        #expect(!diff.appearedFlags.contains { $0.rule == "funding-concentration" })
        #expect(!diff.resolvedFlags.contains { $0.rule == "funding-concentration" })
        // And the way back is an improvement.
        let back = NetworkDiff(old: new, new: old)
        #expect(back.findings.of(.improved).contains { $0.rule == "funding-concentration" })
        #expect(!back.findings.of(.worsened).contains { $0.rule == "funding-concentration" })
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(diff.render(.json, language: "nl").utf8))
                as? [String: Any])
        let listed = try #require(json["flags_worsened"] as? [[String: Any]])
        #expect(
            listed.contains { $0["rule"] as? String == "funding-concentration" && $0["old"] is [String: Any] }
        )
        #expect(json["flags_improved"] is [Any])
    }

    @Test("severity up is worse; at equal severity the deciding number decides; small moves are unchanged")
    func comparison() {
        func flag(_ severity: PowerFlag.Severity, _ hhi: Double) -> PowerFlag {
            PowerFlag(
                rule: "funding-concentration", severity: severity,
                subject: .init(kind: .actor, ids: ["gem", "za0"]),
                evidence: [("hhi_normalized", hhi)], threshold: [], messageDutch: "nl", messageEnglish: "en",
                reference: "r", pValue: nil)
        }
        #expect(FindingChanges.compare(flag(.warning, 0.5), flag(.critical, 0.4)) == .worsened)
        #expect(FindingChanges.compare(flag(.critical, 0.5), flag(.warning, 0.9)) == .improved)
        #expect(FindingChanges.compare(flag(.warning, 0.30), flag(.warning, 0.40)) == .worsened)
        #expect(FindingChanges.compare(flag(.warning, 0.40), flag(.warning, 0.30)) == .improved)
        #expect(FindingChanges.compare(flag(.warning, 0.40), flag(.warning, 0.41)) == .unchanged)
        // A sidelined group's ratio falling is worse, not better.
        func sidelined(_ ratio: Double) -> PowerFlag {
            PowerFlag(
                rule: "sidelined-group", severity: .warning,
                subject: .init(kind: .type, ids: ["clientorganisatie"]),
                evidence: [("representation_ratio", ratio), ("share_of_degree", ratio / 10)], threshold: [],
                messageDutch: "nl", messageEnglish: "en", reference: "r", pValue: nil)
        }
        #expect(FindingChanges.compare(sidelined(0.45), sidelined(0.30)) == .worsened)
        #expect(FindingChanges.compare(sidelined(0.30), sidelined(0.45)) == .improved)
        // The member list may change (one more dependent): still the same finding.
        let a = FindingChanges(old: [flag(.warning, 0.4)], new: [flag(.warning, 0.4)], language: "nl")
        #expect(a.changes.map(\.kind) == [.unchanged])
    }
}

@Suite("A comparison people read at a glance")
struct ComparisonGlanceTests {
    /// Six generated jeugdregio's (small: 24 providers each), different on purpose.
    static let six: NetworkComparison = {
        let codes = ["JZ34", "JZ08", "JZ14", "JZ22", "JZ01", "JZ38"]
        var analyses: [(path: String, analysis: NetworkAnalysis)] = []
        for (k, code) in codes.enumerated() {
            var settings = GeneratorSettings()
            settings.seed = UInt64(k + 1)
            settings.providers = 24
            settings.dominance = [0.8, 0.3, 0.2, 0.5, 0.35, 0.6][k]
            settings.clientInvolvement = [0.7, 0.7, 0.9, 0.5, 0.2, 0.6][k]
            let network = RegionGenerator.generate(try! Jeugdregio.find(code)!, settings: settings)
            analyses.append((code, NetworkAnalysis(network)))
        }
        return NetworkComparison(analyses)
    }()

    /// A gemeente paying five providers these amounts, named `name`.
    static func paying(_ name: String, _ amounts: [Double]) -> Network {
        var network = Network(metadata: NetworkMetadata(name: name))
        network.add(Actor(id: "gem", name: "Gemeente Oost", type: "gemeente"))
        for (k, amount) in amounts.enumerated() {
            network.add(Actor(id: "za\(k)", name: "Aanbieder \(k)", type: "zorgaanbieder"))
            network.add(
                Relation(
                    source: "gem", target: "za\(k)", type: "financiering", weight: amount, directed: true))
        }
        return network
    }

    /// The text a reader sees in an HTML page: element text and hover titles, without the style.
    static func visibleText(_ html: String) -> String {
        var text = html.replacingOccurrences(
            of: #"<style>[\s\S]*?</style>"#, with: " ", options: .regularExpression)
        let titles = text.matches(of: /title="([^"]*)"/).map { String($0.output.1) }
        text = text.replacingOccurrences(of: #"<[^>]*>"#, with: " ", options: .regularExpression)
        return ([text] + titles).joined(separator: " ").replacingOccurrences(of: "&#10;", with: " ")
            .replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&quot;", with: "\"")
    }

    @Test("the terminal table of six regions fits 120 columns, one line per region, both languages")
    func sixFit() throws {
        let comparison = Self.six
        for language in ["nl", "en"] {
            let table = comparison.render(.table, language: language)
            let lines = table.split(separator: "\n", omittingEmptySubsequences: false)
            let flat = table.replacingOccurrences(of: "\n", with: " ")
            for line in lines { #expect(line.count <= 120, "\(language): \(line.count) columns: \(line)") }
            let short = comparison.shortNames()
            #expect(short.suffix == "2024 (synthetisch)")
            for name in short.names {
                #expect(
                    lines.filter { $0.hasPrefix(name.prefix(12)) }.count == 1,
                    "\(language): no line for \(name)")
            }
            // The key figures with their ranks, and the direction of every rank.
            #expect(flat.contains(language == "en" ? "most severe finding" : "ernstigste bevinding"))
            #expect(flat.contains(language == "en" ? "higher is worse" : "hoger is slechter"))
            #expect(flat.contains(language == "en" ? "lower is worse" : "lager is slechter"))
        }
        // --wide: every figure, and why per network.
        let wide = comparison.render(.table, language: "nl", wide: true)
        #expect(wide.contains("centralisatie betweenness") && wide.contains("Waarom"))
        for row in comparison.rows { #expect(wide.contains("- " + row.name + ": ")) }
        // CSV keeps every column.
        let header = comparison.render(.csv, language: "nl").split(separator: "\r\n").first ?? ""
        #expect(header.split(separator: ",").count == 3 + 2 * NetworkComparison.metrics.count)
    }

    @Test("netan compare: the table fits 120 columns; --wide adds a why line per network")
    func command() throws {
        let glob = packageRoot.path + "/datasets/scenarios/*"
        let table = try netan(["compare", glob])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.split(separator: "\n").allSatisfy { $0.count <= 120 }, "\(table.stdout)")
        #expect(table.stdout.contains("ernstigste bevinding"))
        let wide = try netan(["compare", glob, "--wide", "--language", "en"])
        #expect(wide.status == 0, "\(wide.stderr)")
        #expect(wide.stdout.contains("Why (what stands out most per network):"))
        #expect(wide.stdout.contains("betweenness centralization"))
    }

    @Test("42 regions with long names and long findings still fit 120 columns")
    func fortyTwoFit() throws {
        let analysis = NetworkAnalysis(Self.paying("regio", [92, 2, 2, 2, 2]))
        var comparison = NetworkComparison(Array(repeating: (path: "x", analysis: analysis), count: 42))
        let names = try Jeugdregio.all().map(\.name)
        #expect(names.count == 42)
        let long = PowerFlag(
            rule: "large-party-dominance", severity: .warning,
            subject: .init(kind: .type, ids: ["zorgaanbieder"]),
            evidence: [], threshold: [], messageDutch: "nl", messageEnglish: "en", reference: "r", pValue: nil
        )
        for i in comparison.rows.indices {
            comparison.rows[i].name = names[i] + " 2024 (synthetisch)"
            comparison.rows[i].headline = [long]
            comparison.rows[i].values["nodes"] = 1234
            comparison.rows[i].values["hhi_funding"] = 10000
        }
        for key in NetworkComparison.keyMetrics { comparison.ranks[key] = Array(1...42) }
        for language in ["nl", "en"] {
            let lines = comparison.render(.table, language: language).split(separator: "\n")
            for line in lines { #expect(line.count <= 120, "\(language): \(line.count) columns: \(line)") }
            // Header, rule, 42 rows, then the notes.
            #expect(lines.count >= 44)
            #expect(lines[2].contains("(1)") && lines[43].contains("(42)"))
        }
    }

    @Test("a heatmap cell says critical where the network has a critical finding of that theme")
    func heatmap() throws {
        let comparison = NetworkComparison([
            (path: "a", analysis: NetworkAnalysis(Self.paying("Geconcentreerd", [92, 2, 2, 2, 2]))),
            (path: "b", analysis: NetworkAnalysis(Self.paying("Gespreid", [20, 20, 20, 20, 20]))),
        ])
        let money = comparison.rows[0].flags.filter { FindingLabels.theme(ofRule: $0.rule) == .money }
        #expect(money.contains { $0.severity == .critical }, "\(money.map(\.rule))")
        #expect(comparison.severity(row: 0, theme: .money) == .critical)
        // An even split is no concentration (at most information: five providers depend on one payer).
        #expect(comparison.severity(row: 1, theme: .money) != .critical)
        let html = comparison.render(.table, language: "nl", html: true)
        let segment = try #require(
            html.components(separatedBy: "<tr>").first { $0.contains(">Geconcentreerd</th>") })
        #expect(segment.contains("<td class=\"sev critical\" data-theme=\"money\""))
        let start = try #require(segment.range(of: "data-theme=\"money\""))
        let end = try #require(segment[start.upperBound...].range(of: "</td>"))
        let cell = segment[start.upperBound..<end.lowerBound]
        #expect(cell.contains(">kritiek"))
        #expect(cell.contains("Geconcentreerd geld"))  // the finding's title on hover
        let other = try #require(html.components(separatedBy: "<tr>").first { $0.contains(">Gespreid</th>") })
        #expect(!other.contains("<td class=\"sev critical\" data-theme=\"money\""))
        // Every cell of the six regions is the most severe finding of its theme.
        let six = Self.six
        for i in six.rows.indices {
            for theme in FindingLabels.Theme.allCases {
                let expected = six.rows[i].flags.filter { FindingLabels.theme(ofRule: $0.rule) == theme }
                    .map(\.severity).max()
                #expect(six.severity(row: i, theme: theme) == expected)
            }
        }
    }

    @Test("one why line per region: the headline finding's title and first sentence, in the language")
    func why() throws {
        let six = Self.six
        for i in six.rows.indices {
            for language in ["nl", "en"] {
                let line = six.why(row: i, language: language)
                #expect(!line.isEmpty && !line.contains("\n"))
                if let flag = six.rows[i].headline.first {
                    #expect(line.hasPrefix(FindingLabels.title(ofRule: flag.rule, language) + " ("))
                    #expect(line.count <= 300)
                }
            }
        }
        let part = NetworkComparison.keyPart(
            "De grootste aanbieders (Zorg 1 (groot, fictief), Zorg 2, Zorg 3 en Zorg 4) hebben 96% "
                + "in handen. "
                + "Grote organisaties zitten dichter bij de agenda.",
            names: ["Zorg 1 (groot, fictief)", "Zorg 2", "Zorg 3", "Zorg 4"], english: false)
        #expect(
            part
                == "De grootste aanbieders (Zorg 1 (groot, fictief), Zorg 2 en 2 andere) hebben 96% "
                + "in handen."
        )
        let english = NetworkComparison.keyPart(
            "3 parties get half of their money from G: A (60%), B (75%), C (90%). G has power over them.",
            names: ["A", "B", "C", "G"], english: true)
        #expect(english == "3 parties get half of their money from G: A (60%), B (75%) and 1 other.")
    }

    @Test("the HTML page: offline, well-formed, rank directions, dot charts, no snake_case in Dutch")
    func page() throws {
        let six = Self.six
        let html = six.render(.table, language: "nl", html: true)
        #expect(!html.contains("https://") && !html.contains("url(") && !html.contains("<script"))
        let parser = XMLParser(data: Data(html.utf8))
        #expect(parser.parse(), "\(String(describing: parser.parserError))")
        let text = Self.visibleText(html)
        #expect(text.firstMatch(of: /\b[a-z]+_[a-z_]+\b/) == nil, "snake_case in Dutch HTML")
        for word in ["warning", "critical"] { #expect(!text.contains(word), "'\(word)' in Dutch HTML") }
        #expect(html.contains("max-width:1280px"))
        #expect(html.contains("1 = geld het meest geconcentreerd · hoger is slechter"))
        #expect(html.contains("← beter · slechter →") && html.contains("← slechter · beter →"))
        #expect(html.components(separatedBy: "<svg ").count - 1 == NetworkComparison.keyMetrics.count)
        #expect(html.contains("slechtst: "))
        for i in six.rows.indices {
            let why = six.why(row: i, language: "nl")
            #expect(html.contains(XMLEscaping.text(String(why.suffix(20)))), "why line of row \(i)")
        }
        let english = six.render(.table, language: "en", html: true)
        #expect(
            english.contains("← better · worse →") && english.contains("Which network has which problem?"))
    }
}
