import Foundation
import TestSupport
import Testing

@testable import NetGraph
@testable import NetGraphIO

/// The survey fixtures: `long.csv` (`;`, decimal comma) with `roster.csv` is the case of issue
/// 19: ties both sides reported, a typo'd partner ("Wijkteem Noord"), a partner written in
/// lower case ("wijkteam noord"), a respondent without partners (the Cliëntenraad) and two
/// organisations on the roster that did not answer (Steunpunt Mantelzorg, Huisartsen
/// Rivierstad). `wide.csv` (`,`) has partners in numbered columns and no roster.
@Suite("Survey import: long and wide exports, roster, matching, merging")
struct SurveyImportTests {
    static let folder = fixtures.appendingPathComponent("survey")
    static func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// A relation by its two ends (either order for an undirected one) and type.
    func relation(_ network: Network, _ a: String, _ b: String, _ type: String) -> [Relation] {
        network.relations.filter {
            $0.type == type
                && (($0.source == a && $0.target == b) || (!$0.directed && $0.source == b && $0.target == a))
        }
    }

    func longWithRoster(_ combine: SurveyCombine = .any) throws -> SurveyImport {
        try SurveyReader.load(
            path: Self.path("long.csv"),
            options: SurveyOptions(roster: Self.path("roster.csv"), combine: combine))
    }

    @Test("long export with roster: confirmed ties once, means of weights, non-respondents known")
    func longExport() throws {
        let result = try longWithRoster()
        let network = result.network
        #expect(result.layout == .long && result.usedRoster)
        #expect(result.warnings.isEmpty, "\(result.warnings.map(\.description))")
        // The roster's seven organisations, in roster order, and no actor made from a typo.
        #expect(
            network.actors.map(\.id) == ["gem", "wt-noord", "welzijn", "jeugd", "cr", "mantel", "huisarts"])
        #expect(network.actor(id: "mantel")?.type == "clientorganisatie")
        let responded = network.actors.filter { $0.attributes["responded"] == "true" }.map(\.id)
        #expect(responded == ["gem", "wt-noord", "welzijn", "jeugd", "cr"])
        #expect(network.actor(id: "mantel")?.attributes["responded"] == "false")
        #expect(network.actor(id: "huisarts")?.attributes["responded"] == "false")
        #expect(result.nonRespondents == ["Steunpunt Mantelzorg", "Huisartsen Rivierstad"])
        #expect(result.respondents == 5)

        // Nine answers (lines 2–10), six ties: three named by both sides, three by one.
        #expect(network.relations.count == 6)
        #expect(result.confirmed == 3 && result.oneSided == 3 && result.dropped == 0)
        let expected: [(String, String, String, Double, Bool, Bool)] = [
            // a, b, type, weight, weight given, confirmed
            ("gem", "wt-noord", "overleg", 3, true, true),  // 4 and 2: the mean
            ("gem", "jeugd", "samenwerking", 2.5, true, true),  // type from --type; 2 and 3
            ("gem", "cr", "overleg", 1, true, false),
            ("wt-noord", "jeugd", "samenwerking", 4, true, true),  // one side gave a weight
            ("welzijn", "wt-noord", "samenwerking", 2.5, true, false),  // typo'd partner, 2,5
            ("welzijn", "mantel", "samenwerking", 1, true, false),
        ]
        for (a, b, type, weight, given, confirmed) in expected {
            let found = relation(network, a, b, type)
            #expect(found.count == 1, "\(a)–\(b) \(type) should be one relation")
            guard let r = found.first else { continue }
            #expect(!r.directed)
            #expect(r.weight == weight, "\(a)–\(b) weight")
            #expect(r.weightGiven == given)
            #expect(r.attributes["confirmed"] == (confirmed ? "true" : "false"), "\(a)–\(b) confirmed")
        }
        // Nothing was reported by or about Huisartsen Rivierstad.
        #expect(!network.relations.contains { $0.source == "huisarts" || $0.target == "huisarts" })
    }

    @Test("typed names are listed with what they were matched to, and who did not answer")
    func matchList() throws {
        let result = try longWithRoster()
        #expect(
            result.names == [
                SurveyNameMatch(
                    typed: "Wijkteem Noord", outcome: .matched("Wijkteam Noord"), respondent: false,
                    file: Self.path("long.csv"), line: 7),
                SurveyNameMatch(
                    typed: "wijkteam noord", outcome: .matched("Wijkteam Noord"), respondent: false,
                    file: Self.path("long.csv"), line: 10),
            ])
        let dutch = result.nameReport("nl")
        #expect(dutch.contains("long.csv:7: \"Wijkteem Noord\" → Wijkteam Noord"))
        #expect(dutch.contains("Geen antwoorden van (2): Steunpunt Mantelzorg, Huisartsen Rivierstad"))
        let english = result.nameReport("en")
        #expect(english.contains("Names matched to the roster (2):"))
        #expect(english.contains("No answers from (2): Steunpunt Mantelzorg, Huisartsen Rivierstad"))
        #expect(result.summary("nl").hasPrefix("7 organisaties (5 met antwoorden, 2 zonder), 6 relaties"))
    }

    @Test("--combine both keeps only the ties both sides reported")
    func combineBoth() throws {
        let result = try longWithRoster(.both)
        let pairs = Set(
            result.network.relations.map { [$0.source, $0.target].sorted().joined(separator: "|") })
        #expect(pairs == ["gem|wt-noord", "gem|jeugd", "jeugd|wt-noord"])
        #expect(result.network.relations.allSatisfy { $0.attributes["confirmed"] == "true" })
        #expect(result.confirmed == 3 && result.oneSided == 0 && result.dropped == 3)
        // Every organisation stays, also those whose ties were all one-sided.
        #expect(result.network.actors.count == 7)
    }

    @Test("the non-respondents are not called sidelined or isolated; their answers are missing")
    func findings() throws {
        let power = PowerAnalysis(try longWithRoster().network)
        let accusing = power.flags.filter { ["sidelined-group", "isolated-actor"].contains($0.rule) }
        for id in ["mantel", "huisarts"] {
            #expect(!accusing.contains { $0.subject.ids.contains(id) }, "\(id) called sidelined or isolated")
            let missing = power.flags.filter { $0.rule == "missing-answers" && $0.subject.ids == [id] }
            #expect(missing.count == 1, "no missing-answers finding for \(id)")
            #expect(missing.first?.severity == .info)
        }
        // Without the survey's answer marks the same network does call them so (the rules fire).
        var unmarked = Network(metadata: NetworkMetadata(name: "zonder respons"))
        let network = try longWithRoster().network
        for actor in network.actors {
            var copy = actor
            copy.attributes["responded"] = nil
            unmarked.add(copy)
        }
        network.relations.forEach { unmarked.add($0) }
        let plain = PowerAnalysis(unmarked)
        #expect(plain.flags.contains { $0.rule == "sidelined-group" && $0.subject.ids.contains("mantel") })
        #expect(plain.flags.contains { $0.rule == "isolated-actor" && $0.subject.ids == ["huisarts"] })
        #expect(!plain.flags.contains { $0.rule == "missing-answers" })
    }

    @Test("wide export without roster: partners matched to the respondents, the rest new actors")
    func wideExport() throws {
        let result = try SurveyReader.load(
            path: Self.path("wide.csv"), options: SurveyOptions(relationType: "overleg"))
        let network = result.network
        #expect(result.layout == .wide && !result.usedRoster)
        #expect(result.warnings.isEmpty, "\(result.warnings.map(\.description))")
        #expect(
            network.actors.map(\.id) == [
                "gemeente-rivierstad", "wijkteam-noord", "jeugdzorg-de-brug", "huisartsen-rivierstad",
            ])
        #expect(network.actor(id: "huisartsen-rivierstad")?.type == "overig")
        #expect(network.actor(id: "huisartsen-rivierstad")?.attributes["responded"] == "false")
        #expect(network.actor(id: "jeugdzorg-de-brug")?.attributes["responded"] == "true")
        #expect(network.relations.count == 4)
        #expect(network.relations.allSatisfy { $0.type == "overleg" && !$0.weightGiven && $0.weight == 1 })
        let confirmed = network.relations.filter { $0.attributes["confirmed"] == "true" }
        #expect(confirmed.count == 1)
        #expect(
            Set([confirmed.first?.source, confirmed.first?.target]) == [
                "gemeente-rivierstad", "wijkteam-noord",
            ])
        #expect(relation(network, "jeugdzorg-de-brug", "huisartsen-rivierstad", "overleg").count == 1)
        #expect(
            result.names.map(\.typed) == ["Gemeente Rivierstadt", "Huisartsen Rivierstad"]
                && result.names.map(\.outcome) == [.matched("Gemeente Rivierstad"), .unmatched])
    }

    @Test("the written folder reads back with its responded and confirmed columns")
    func writtenFolder() throws {
        let out = TemporaryFolder()
        let network = try longWithRoster().network
        try NetworkWriter.write(network, to: out.path, format: .folder)
        let back = try NetworkReader.load(path: out.path)
        #expect(back.warnings.isEmpty, "\(back.warnings.map(\.description))")
        #expect(
            back.network.actors.map { $0.attributes["responded"] }
                == network.actors.map { $0.attributes["responded"] })
        #expect(
            back.network.relations.map { $0.attributes["confirmed"] }
                == network.relations.map { $0.attributes["confirmed"] })
        #expect(back.network.relations.map(\.weight) == [3, 2.5, 1, 4, 2.5, 1])
    }

    @Test("an Excel workbook in the wide layout")
    func workbook() throws {
        // A workbook whose first sheet holds Naam | Partner 1 | Partner 2 (written by netan's
        // own XLSX writer through a network whose actors carry the partner columns).
        var sheet = Network(metadata: NetworkMetadata(name: "enquete"))
        sheet.add(
            Actor(
                id: "r1", name: "Gemeente Rivierstad", type: "x", attributes: ["Partner 1": "Wijkteam Noord"])
        )
        sheet.add(
            Actor(
                id: "r2", name: "Wijkteam Noord", type: "x",
                attributes: ["Partner 1": "Gemeente Rivierstad", "Partner 2": "Steunpunt Mantelzorg"]))
        let folder = TemporaryFolder()
        let path = folder.url.appendingPathComponent("enquete.xlsx").path
        try NetworkWriter.write(sheet, to: path, format: .xlsx)
        let result = try SurveyReader.load(
            path: path, options: SurveyOptions(roster: Self.path("roster.csv")))
        #expect(result.layout == .wide)
        #expect(result.network.relations.count == 2)
        let pair = relation(result.network, "gem", "wt-noord", "samenwerking")
        #expect(pair.count == 1 && pair.first?.attributes["confirmed"] == "true")
        #expect(
            relation(result.network, "wt-noord", "mantel", "samenwerking").first?.attributes["confirmed"]
                == "false")
        #expect(result.respondents == 2)
        // The columns id and type of that sheet are not survey columns: named in a warning.
        #expect(result.warnings.contains { $0.message.contains("\"id\"") && $0.message.contains("\"type\"") })
    }

    @Test("a directed type: one relation per side, confirmed when both report it")
    func directed() throws {
        let folder = TemporaryFolder()
        let path = folder.write(
            "informatie.csv",
            "respondent;partner;type\nA;B;informatie\nB;A;informatie\nA;C;informatie\nA;B;informatie\n")
        let result = try SurveyReader.load(path: path)
        let network = result.network
        #expect(network.relations.count == 3)  // A→B, B→A, A→C; the second A→B counts once
        #expect(network.relations.allSatisfy { $0.directed })
        #expect(relation(network, "a", "b", "informatie").first?.attributes["confirmed"] == "true")
        #expect(relation(network, "b", "a", "informatie").first?.attributes["confirmed"] == "true")
        #expect(relation(network, "a", "c", "informatie").first?.attributes["confirmed"] == "false")
        #expect(result.warnings.contains { $0.line == 5 && $0.message.contains("again") })
        #expect(result.warnings.contains { $0.message.contains("directed") })
    }

    @Test("--strict refuses a partner that is not on the roster, with file and line")
    func strict() throws {
        let folder = TemporaryFolder()
        let path = folder.write(
            "strict.csv",
            "respondent;partner\nGemeente Rivierstad;Wijkteem Noord\nGemeente Rivierstad;GGD Regio\n")
        let options = SurveyOptions(roster: Self.path("roster.csv"), strict: true)
        let error = try #require(throws: NetworkLoadError.self) {
            try SurveyReader.load(path: path, options: options)
        }
        #expect(error.errors.count == 1)
        #expect(error.errors.first?.line == 3)
        #expect(error.errors.first?.message.contains("GGD Regio") == true)
        // Without --strict the unknown partner is a new actor of type overig that did not answer.
        let loose = try SurveyReader.load(path: path, options: SurveyOptions(roster: Self.path("roster.csv")))
        #expect(loose.network.actor(id: "ggd-regio")?.type == "overig")
        #expect(loose.network.actor(id: "ggd-regio")?.attributes["responded"] == "false")
        #expect(loose.names.last?.outcome == .unmatched)
    }

    @Test("columns that are neither layout: an error with file, line and hint")
    func unrecognised() throws {
        let folder = TemporaryFolder()
        let path = folder.write("vreemd.csv", "tijdstip;vraag\n2024-01-01;ja\n")
        let error = try #require(throws: NetworkLoadError.self) { try SurveyReader.load(path: path) }
        let diagnostic = try #require(error.errors.first)
        #expect(diagnostic.file == path && diagnostic.line == 1)
        #expect(diagnostic.hint?.contains("Partner 1") == true)
        #expect(diagnostic.text("nl").contains("worden niet herkend"))
    }

    @Test("an unknown relation type and a weight that is no number are errors on their line")
    func badCells() throws {
        let folder = TemporaryFolder()
        let path = folder.write(
            "fout.csv", "respondent;partner;type;gewicht\nA;B;overlegg;2\nA;C;overleg;vaak\nA;D;overleg;0\n")
        let error = try #require(throws: NetworkLoadError.self) { try SurveyReader.load(path: path) }
        #expect(error.errors.map(\.line) == [2, 3, 4])
        #expect(error.errors.first?.hint?.contains("overleg") == true)
    }
}

@Suite("Matching typed names to known organisations")
struct NameMatcherTests {
    func matcher(_ names: [String]) -> NameMatcher {
        var matcher = NameMatcher()
        names.forEach { matcher.add($0) }
        return matcher
    }

    @Test("same name after normalisation, other word order, small typing errors")
    func matches() {
        var m = matcher(["Gemeente Breda", "Stichting MEE West-Brabant", "Wijkteam Noord", "GGD"])
        #expect(m.match("gemeente  BREDA") == .exact(0))
        #expect(m.match("Gemeente-Breda.") == .exact(0))
        #expect(m.match("MEE West-Brabant") == .corrected(1))  // "stichting" left out
        #expect(m.match("West-Brabant MEE, Stichting") == .corrected(1))
        #expect(m.match("Wijkteem Noord") == .corrected(2))  // one substitution
        #expect(m.match("Wjikteam Noord") == .corrected(2))  // two letters swapped: one edit
        #expect(m.match("Gemeente Bredaa") == .corrected(0))
        #expect(m.match("GDD") == .none)  // a short word is never corrected
        #expect(m.match("Zorgkantoor") == .none)
    }

    @Test("names that differ in what tells them apart are not matched")
    func nonMatches() {
        var m = matcher(["Wijkteam Oost", "Team 1"])
        #expect(m.match("Wijkteam West") == .none)  // two edits in a word of four letters
        #expect(m.match("Team 2") == .none)  // digits must be equal
        #expect(m.match("Wijkteam Ooster") == .none)  // two letters more than a short word allows
    }

    @Test("two equally close candidates: no guess")
    func ambiguous() {
        var m = matcher(["Wijkteam Noord", "Wijkteam Nood"])
        #expect(m.match("Wijkteam Nord") == .ambiguous([0, 1]))
        var fuzzyOff = matcher(["Wijkteam Noord"])
        fuzzyOff.fuzzy = false
        #expect(fuzzyOff.match("Wijkteem Noord") == .none)
    }

    @Test("Damerau–Levenshtein distance: swaps count once")
    func distance() {
        func d(_ a: String, _ b: String) -> Int { NameMatcher.damerauLevenshtein(Array(a), Array(b)) }
        #expect(d("wijkteam", "wijkteam") == 0)
        #expect(d("wijkteam", "wjikteam") == 1)
        #expect(d("noord", "nord") == 1)
        #expect(d("oost", "west") == 2)
        #expect(d("", "abc") == 3)
        #expect(d("ca", "abc") == 3)  // optimal string alignment: no edit of a swapped pair
    }
}
