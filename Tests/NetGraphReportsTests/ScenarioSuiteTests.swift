import Foundation
import NetGraph
import NetGraphIO
import TestSupport
import Testing

/// One finding of a scenario in `Fixtures/scenarios/expectations.json`: a rule ("*" for any
/// rule), the actor ids that must all be among the finding's subject ids, and the lowest
/// severity that counts.
struct ScenarioFinding: Decodable, Sendable, CustomStringConvertible {
    let rule: String
    let subject: [String]
    let minSeverity: PowerFlag.Severity

    private enum CodingKeys: String, CodingKey {
        case rule
        case subject
        case minSeverity = "min_severity"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        rule = try container.decode(String.self, forKey: .rule)
        subject = try container.decodeIfPresent([String].self, forKey: .subject) ?? []
        let raw = try container.decode(String.self, forKey: .minSeverity)
        guard let severity = PowerFlag.Severity(rawValue: raw) else {
            throw DecodingError.dataCorruptedError(
                forKey: .minSeverity, in: container,
                debugDescription: "\"\(raw)\" is not one of info, warning, critical")
        }
        minSeverity = severity
    }

    /// Whether `flag` is this finding: same rule (or any), at least as severe, naming every
    /// id of `subject`.
    func matches(_ flag: PowerFlag) -> Bool {
        (rule == "*" || flag.rule == rule) && flag.severity >= minSeverity
            && Set(subject).isSubset(of: Set(flag.subject.ids))
    }

    var description: String {
        let about = subject.isEmpty ? "" : " about [\(subject.joined(separator: ", "))]"
        return "\(rule) ≥ \(minSeverity.rawValue)\(about)"
    }
}

/// What an expert expects of one scenario network: findings that must be raised and findings
/// that must not be.
struct ScenarioExpectation: Decodable, Sendable {
    let description: String
    let expected: [ScenarioFinding]
    let forbidden: [ScenarioFinding]
}

/// The labelled scenario networks under `Fixtures/scenarios` and their expectations.
enum ScenarioSuite {
    static let folder = fixtures.appendingPathComponent("scenarios")

    /// The expectations by scenario folder name; empty when the file cannot be read (the
    /// `present` test reports that).
    static let expectations: [String: ScenarioExpectation] = (try? load()) ?? [:]

    /// Scenario folder names, sorted.
    static var names: [String] { expectations.keys.sorted() }

    static func load() throws -> [String: ScenarioExpectation] {
        let data = try Data(contentsOf: folder.appendingPathComponent("expectations.json"))
        return try JSONDecoder().decode([String: ScenarioExpectation].self, from: data)
    }

    /// The flags the power analysis raises on the scenario `name`.
    static func flags(_ name: String) throws -> [PowerFlag] {
        let loaded = try NetworkReader.load(path: folder.appendingPathComponent(name).path)
        return PowerAnalysis(loaded.network).flags
    }

    /// One line per flag: rule, severity, subject ids and the Dutch message.
    static func describe(_ flags: [PowerFlag]) -> String {
        guard !flags.isEmpty else { return "  (no findings at all)" }
        return flags.map { flag in
            let ids = flag.subject.ids.joined(separator: ", ")
            return "  \(flag.rule) \(flag.severity.rawValue) [\(ids)]: \(flag.messageDutch)"
        }.joined(separator: "\n")
    }

    /// For one scenario: the expected findings that were not raised, and each forbidden
    /// finding with the flags that match it.
    static func check(_ name: String, _ flags: [PowerFlag]) -> (
        missing: [ScenarioFinding], alarms: [(ScenarioFinding, [PowerFlag])]
    ) {
        guard let expectation = expectations[name] else { return ([], []) }
        let missing = expectation.expected.filter { finding in !flags.contains(where: finding.matches) }
        let alarms = expectation.forbidden.compactMap { finding -> (ScenarioFinding, [PowerFlag])? in
            let found = flags.filter(finding.matches)
            return found.isEmpty ? nil : (finding, found)
        }
        return (missing, alarms)
    }
}

/// The independent yardstick for the finding rules: scenario networks of the Dutch sociaal
/// domein, each labelled with the findings an expert expects and those that would be false
/// alarms (`Fixtures/scenarios/expectations.json`). Every scenario is a separate test case;
/// the summary prints recall and false alarms over the whole suite.
@Suite("Labelled scenarios: expected and forbidden findings")
struct ScenarioSuiteTests {
    @Test("the expectations are present and every scenario folder loads")
    func present() throws {
        let expectations = try ScenarioSuite.load()
        #expect(expectations.count >= 32)
        for name in expectations.keys.sorted() {
            let path = ScenarioSuite.folder.appendingPathComponent(name).path
            let ids = try Set(NetworkReader.load(path: path).network.actors.map(\.id))
            let findings = expectations[name]!.expected + expectations[name]!.forbidden
            for finding in findings where !Set(finding.subject).isSubset(of: ids) {
                Issue.record("\(name): \(finding) names an id that is not an actor of the scenario")
            }
        }
    }

    @Test("each expected finding is raised and no forbidden one", arguments: ScenarioSuite.names)
    func scenario(name: String) throws {
        let flags = try ScenarioSuite.flags(name)
        let (missing, alarms) = ScenarioSuite.check(name, flags)
        guard !missing.isEmpty || !alarms.isEmpty else { return }
        let raised = ScenarioSuite.describe(flags)
        for finding in missing {
            Issue.record("\(name): expected \(finding) was not raised. Raised:\n\(raised)")
        }
        for (finding, found) in alarms {
            let matching = ScenarioSuite.describe(found)
            Issue.record("\(name): forbidden \(finding) was raised:\n\(matching)\nAll findings:\n\(raised)")
        }
    }

    @Test("summary: recall of expected findings and false alarms over the suite")
    func summary() throws {
        var expectedTotal = 0
        var expectedFound = 0
        var falseAlarms = 0
        var scenariosWithAlarms: [String] = []
        for name in ScenarioSuite.names {
            let flags = try ScenarioSuite.flags(name)
            let expectation = ScenarioSuite.expectations[name]!
            let (missing, _) = ScenarioSuite.check(name, flags)
            expectedTotal += expectation.expected.count
            expectedFound += expectation.expected.count - missing.count
            // A false alarm is a raised flag that matches at least one forbidden finding.
            let alarms = flags.filter { flag in expectation.forbidden.contains { $0.matches(flag) } }
            falseAlarms += alarms.count
            if !alarms.isEmpty { scenariosWithAlarms.append(name) }
        }
        let recall = expectedTotal == 0 ? 1 : Double(expectedFound) / Double(expectedTotal)
        let percent = String(format: "%.0f%%", recall * 100)
        let which = scenariosWithAlarms.isEmpty ? "" : " (\(scenariosWithAlarms.joined(separator: ", ")))"
        let count = ScenarioSuite.names.count
        print(
            "Scenario suite (\(count) scenarios): recall \(expectedFound)/\(expectedTotal) = \(percent);"
                + " false alarms \(falseAlarms) in \(scenariosWithAlarms.count) scenarios\(which)")
        #expect(expectedTotal > 0)
    }
}
