import Foundation
import TestSupport
import Testing

@testable import NetGraph
@testable import NetGraphIO
@testable import NetGraphReports

/// What people read: Dutch output holds no rule id, evidence key or English severity; English
/// output no Dutch type label; no float noise in either. Checked on every dataset the project
/// ships and on the scenario suite.
@Suite("Findings read as plain Dutch and plain English")
struct FindingWordingTests {
    /// Every network folder: the shipped datasets and the labelled scenarios.
    static var folders: [String] {
        let fm = FileManager.default
        var result: [String] = [packageRoot.appendingPathComponent("datasets/breda-illustratief").path]
        for parent in ["datasets/scenarios", "datasets/regions"] {
            let base = packageRoot.appendingPathComponent(parent)
            for name in ((try? fm.contentsOfDirectory(atPath: base.path)) ?? []).sorted() {
                let folder = base.appendingPathComponent(name)
                if fm.fileExists(atPath: folder.appendingPathComponent("actors.csv").path) {
                    result.append(folder.path)
                } else {
                    for year in ((try? fm.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
                    where fm.fileExists(atPath: folder.appendingPathComponent(year + "/actors.csv").path) {
                        result.append(folder.appendingPathComponent(year).path)
                    }
                }
            }
        }
        let scenarios = fixtures.appendingPathComponent("scenarios")
        for name in ((try? fm.contentsOfDirectory(atPath: scenarios.path)) ?? []).sorted()
        where fm.fileExists(atPath: scenarios.appendingPathComponent(name + "/actors.csv").path) {
            result.append(scenarios.appendingPathComponent(name).path)
        }
        return result
    }

    /// Each folder's network and power analysis, computed once for the three tests.
    static let analyses: [String: (network: Network, power: PowerAnalysis)] = {
        var result: [String: (network: Network, power: PowerAnalysis)] = [:]
        for folder in folders {
            guard let network = try? NetworkReader.load(path: folder).network else { continue }
            result[folder] = (network, PowerAnalysis(network))
        }
        return result
    }()

    static let ruleIDs = [
        "dominant-broker", "centralized-network", "large-party-dominance", "sidelined-group",
        "isolated-actor",
        "single-gatekeeper", "funding-concentration", "one-sided-dependence", "fragmentation",
        "perception-gap",
    ]

    /// Text with the network's and every actor's name removed (names are Dutch in both languages).
    func withoutNames(_ text: String, _ network: Network) -> String {
        var out = text.replacingOccurrences(of: network.metadata.name, with: "•")
        for actor in network.actors.sorted(by: { $0.name.count > $1.name.count }) {
            out = out.replacingOccurrences(of: actor.name, with: "•")
        }
        return out
    }

    /// Text without the literature references (authors, years, DOIs: the same in both languages).
    func withoutReferences(_ text: String, _ power: PowerAnalysis) -> String {
        power.flags.reduce(text) { $0.replacingOccurrences(of: $1.reference, with: "•") }
    }

    @Test("the dataset list is complete")
    func present() {
        #expect(Self.folders.count >= 50)
    }

    @Test("Dutch: no rule id, snake_case key, English severity or float noise", arguments: folders)
    func dutch(folder: String) throws {
        let (network, power) = try #require(Self.analyses[folder], "\(folder) does not load")
        for format in [OutputFormat.table, .markdown] {
            let text = withoutReferences(
                withoutNames(FlagReport(power: power, language: "nl").render(format), network), power)
            for id in Self.ruleIDs { #expect(!text.contains(id), "\(folder): rule id \(id) in Dutch output") }
            #expect(
                text.firstMatch(of: /\b[a-z]+_[a-z_]+\b/) == nil, "\(folder): snake_case key in Dutch output")
            for word in ["warning", "critical", "evidence", "Source"] {
                #expect(!text.contains(word), "\(folder): '\(word)' in Dutch output")
            }
            #expect(text.firstMatch(of: /\d[.,]\d{5,}/) == nil, "\(folder): float noise in Dutch output")
            // A decimal point between digits is English; Dutch writes a comma (thousands use a point
            // only in groups of three, as in 9.081).
            #expect(text.firstMatch(of: /\d\.\d{1,2}\b/) == nil, "\(folder): decimal point in Dutch output")
        }
    }

    @Test("English: no Dutch type label, severity or evidence word, no float noise", arguments: folders)
    func english(folder: String) throws {
        let (network, power) = try #require(Self.analyses[folder], "\(folder) does not load")
        let dutchLabels = network.vocabulary.actorTypes.flatMap { type -> [String] in
            guard type.englishLabel != nil, type.label != type.englishLabel else { return [] }
            return [type.label, type.pluralLabel].compactMap { $0 }.filter {
                $0 != "financier" && $0 != "VNG"
            }
        }
        for format in [OutputFormat.table, .markdown] {
            let text = withoutReferences(
                withoutNames(FlagReport(power: power, language: "en").render(format), network), power)
            for label in dutchLabels {
                #expect(!text.lowercased().contains(label.lowercased()), "\(folder): Dutch label '\(label)'")
            }
            for word in ["waarschuwing", "kritiek", "onderbouwing", "bevinding"] {
                #expect(!text.contains(word), "\(folder): '\(word)' in English output")
            }
            #expect(text.firstMatch(of: /\d[.,]\d{5,}/) == nil, "\(folder): float noise in English output")
        }
    }

    @Test("every evidence key the rules write has a label in both languages", arguments: folders)
    func evidenceLabels(folder: String) throws {
        let power = try #require(Self.analyses[folder], "\(folder) does not load").power
        for flag in power.flags {
            for item in flag.evidence {
                #expect(
                    FindingLabels.hasLabel(forEvidence: item.name), "\(flag.rule): no label for \(item.name)")
            }
        }
    }

    @Test("numbers read the way each language writes them")
    func numbers() {
        #expect(FindingLabels.evidence("hhi_points", 9081.4, "nl") == "HHI-punten 9.081")
        #expect(FindingLabels.evidence("hhi_points", 9081.4, "en") == "HHI points 9,081")
        #expect(FindingLabels.evidence("hhi_normalized", 0.3846, "nl") == "genormaliseerde HHI 0,38")
        #expect(FindingLabels.evidence("largest_share", 0.19999999999999996, "en") == "largest share 20%")
        #expect(FindingLabels.evidence("ratio", 3.43, "nl") == "verhouding 3,4×")
        #expect(FindingLabels.evidence("gap", -0.55, "en") == "gap perception–position -0.55")
        #expect(FindingLabels.evidence("articulation_point", 1, "nl") == "snijpunt ja")
    }

    @Test("the headline holds at most three findings, warnings first, one per rule where possible")
    func headline() throws {
        let network = try DemoDataset.load().network
        let power = PowerAnalysis(network)
        let summary = FindingSummary(power.flags, actorCount: network.actors.count)
        #expect((1...3).contains(summary.headline.count))
        #expect(summary.headline.allSatisfy { $0.severity >= .warning })
        #expect(summary.headline.first?.severity == power.flags.map(\.severity).max())
        #expect(Set(summary.headline.map(\.rule)).count == summary.headline.count)
        // Every finding appears in exactly one section line (shown or folded).
        let shown = summary.sections.flatMap { $0.entries.flatMap { [$0.flag] + $0.folded } }
        #expect(shown.count == power.flags.count)
    }

    @Test("runs of many similar findings fold into one line with a count")
    func folding() {
        var network = Network(metadata: NetworkMetadata(name: "buurt"))
        network.add(Actor(id: "gem", name: "Gemeente Oost", type: "gemeente"))
        network.add(Actor(id: "wt", name: "Wijkteam Oost", type: "wijkteam"))
        network.add(Relation(source: "gem", target: "wt", type: "overleg", directed: false))
        for k in 0..<8 { network.add(Actor(id: "bi\(k)", name: "Initiatief \(k)", type: "burgerinitiatief")) }
        let power = PowerAnalysis(network)
        #expect(power.flags.filter { $0.rule == "isolated-actor" }.count == 8)
        let text = FlagReport(power: power, language: "nl").render(.table)
        #expect(text.contains("en nog 5 vergelijkbare bevindingen (zonder relaties): Initiatief 3"))
    }
}
