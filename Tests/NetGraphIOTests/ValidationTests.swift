import Foundation
import TestSupport
import Testing

@testable import NetGraph
@testable import NetGraphIO

@Suite("Validation: every problem with file, line, and what to do")
struct ValidationTests {
    @Test("a missing relations.csv is an error naming the file")
    func missingFile() {
        let folder = TemporaryFolder()
        folder.write("actors.csv", "id,name,type\ng,G,gemeente\n")
        let errors = failures(folder).filter { $0.severity == .error }
        #expect(errors.count == 1)
        #expect(errors[0].file.hasSuffix("relations.csv"))
        #expect(errors[0].message.contains("missing"))
    }

    @Test("a missing required column names the column and the header line")
    func missingColumn() {
        let folder = TemporaryFolder()
        folder.write("actors.csv", "id,name\ng,G\n")
        folder.write("relations.csv", "source,type\ng,overleg\n")
        let errors = failures(folder).filter { $0.severity == .error }
        #expect(errors.count == 2)
        #expect(
            errors.contains {
                $0.file.hasSuffix("actors.csv") && $0.line == 1 && $0.message.contains("\"type\"")
            })
        #expect(
            errors.contains {
                $0.file.hasSuffix("relations.csv") && $0.line == 1 && $0.message.contains("\"target\"")
            })
    }

    @Test("all problems of all files are reported in one run, each with its line")
    func everythingAtOnce() throws {
        let folder = TemporaryFolder()
        folder.write(
            "actors.csv",
            """
            id,name,type
            g,Gemeente,gemeente
            p,Aanbieder,zorgaanbeider
            g,Nog een gemeente,gemeente
            c,Clientenraad,clientorganisatie

            """)
        folder.write(
            "relations.csv",
            """
            source,target,type,weight
            g,p,financiering,-5
            g,q,contract,1
            p,c,overleg,veel
            c,c,overleg,1
            g,p,overleg,nan
            p,g,informatie,2

            """)
        let diagnostics = failures(folder)
        func find(_ file: String, _ line: Int, _ severity: Diagnostic.Severity) -> Diagnostic? {
            diagnostics.first { $0.file.hasSuffix(file) && $0.line == line && $0.severity == severity }
        }
        let unknownType = try #require(find("actors.csv", 3, .warning))
        #expect(unknownType.hint?.contains("Did you mean \"zorgaanbieder\"") == true)
        #expect(find("actors.csv", 4, .error)?.message.contains("used twice") == true)
        #expect(find("relations.csv", 2, .error)?.message.contains("not positive") == true)
        let unknownActor = try #require(find("relations.csv", 3, .error))
        #expect(unknownActor.message.contains("\"q\" is not an actor"))
        #expect(find("relations.csv", 4, .error)?.message.contains("not a number") == true)
        #expect(find("relations.csv", 5, .warning)?.message.contains("with itself") == true)
        #expect(find("relations.csv", 6, .error)?.message.contains("not a number") == true)
        #expect(find("relations.csv", 7, .error) == nil)
        #expect(diagnostics.filter { $0.severity == .error }.count == 5)
        // Every message is a sentence with a hint, in compiler form.
        for diagnostic in diagnostics {
            #expect(diagnostic.hint != nil)
            #expect(diagnostic.description.hasPrefix(diagnostic.file + ":"))
        }
    }

    @Test("a network without actors is an error")
    func emptyNetwork() {
        let folder = TemporaryFolder()
        folder.write("actors.csv", "id,name,type\n")
        folder.write("relations.csv", "source,target,type\n")
        let errors = failures(folder).filter { $0.severity == .error }
        #expect(errors.count == 1)
        #expect(errors.first?.message.contains("no actors") == true)
    }

    @Test("a completely empty file says so")
    func emptyFile() {
        let folder = TemporaryFolder()
        folder.write("actors.csv", "")
        folder.write("relations.csv", "source,target,type\n")
        #expect(failures(folder).contains { $0.file.hasSuffix("actors.csv") && $0.message.contains("empty") })
    }

    @Test("a row with more fields than the header suggests quoting")
    func tooManyFields() {
        let folder = TemporaryFolder()
        folder.write("actors.csv", "id,name,type\ng,Gemeente, Breda,gemeente\n")
        folder.write("relations.csv", "source,target,type\n")
        let error = failures(folder).first { $0.severity == .error }
        #expect(error?.line == 2)
        #expect(error?.hint?.contains("double quotes") == true)
    }

    @Test("a self-loop alone is only a warning and is left out")
    func selfLoopWarning() throws {
        let folder = validFolder()
        folder.write("relations.csv", "source,target,type\ng,g,overleg\ng,p,contract\n")
        let loaded = try load(folder)
        #expect(loaded.network.relations.count == 1)
        #expect(loaded.warnings.contains { $0.line == 2 && $0.message.contains("itself") })
    }

    @Test("a folder without network.yaml loads with a warning and the folder's name")
    func noMetadata() throws {
        let folder = validFolder()
        try FileManager.default.removeItem(atPath: folder.url.appendingPathComponent("network.yaml").path)
        let loaded = try load(folder)
        #expect(loaded.network.metadata.name == folder.url.lastPathComponent)
        #expect(loaded.warnings.contains { $0.message.contains("network.yaml") })
    }

    @Test("network.yaml: added types, new roles, thresholds; bad YAML reports its line")
    func metadata() throws {
        let folder = validFolder()
        folder.write(
            "network.yaml",
            """
            naam: Regio Test
            regio: Noord
            jaar: 2023
            taal: en
            size_attribute: fte
            actor_types:
              zorgcooperatie: provider
              school: { role: other, label: school }
            relation_types:
              subsidie: { directed: true, weight: bedrag }
              overleg: { directed: true }
            thresholds:
              dominant-broker:
                share: 0.4

            """)
        folder.write("actors.csv", "id,name,type,fte\ng,G,gemeente,100\nz,Z,zorgcooperatie,3\n")
        folder.write("relations.csv", "source,target,type\ng,z,subsidie\nz,g,overleg\n")
        let loaded = try load(folder)
        let network = loaded.network
        #expect(network.metadata.name == "Regio Test")
        #expect(network.metadata.region == "Noord")
        #expect(network.metadata.year == 2023)
        #expect(network.metadata.language == "en")
        #expect(network.metadata.thresholds["dominant-broker.share"] == 0.4)
        #expect(network.vocabulary.role(ofActorType: "zorgcooperatie") == .provider)
        #expect(network.actor(id: "z")?.size == 3)
        #expect(network.relations.allSatisfy { $0.directed })
        #expect(loaded.warnings.isEmpty)

        folder.write("network.yaml", "name: Test\nactor_types:\n  school: teacher\nyear: [2024\n")
        let errors = failures(folder).filter { $0.file.hasSuffix("network.yaml") }
        #expect(errors.contains { $0.line != nil && $0.message.contains("not valid YAML") })
    }

    @Test("thresholds: an unknown key or a value its key cannot mean is an error on its line")
    func thresholdErrors() {
        let folder = validFolder()
        folder.write("network.yaml", "name: Test\nthresholds:\n  funding-concentration.high: 2000\n")
        let unknown = failures(folder).first { $0.severity == .error }
        #expect(unknown?.line == 3)
        #expect(unknown?.message.contains("funding-concentration.high") == true)
        #expect(unknown?.hint?.contains("funding-concentration.warning") == true)
        // The old HHI-points scale under a key that still exists: refused, with the reason.
        folder.write(
            "network.yaml", "name: Test\nthresholds:\n  funding-concentration:\n    critical: 5000\n")
        let range = failures(folder).first { $0.severity == .error }
        #expect(range?.line == 4)
        #expect(range?.message.contains("between 0 and 1") == true)
        #expect(range?.message.contains("normalised HHI") == true)
        // Counts may exceed 1.
        folder.write("network.yaml", "name: Test\nthresholds:\n  dominant-broker.min-paths: 6\n")
        #expect(failures(folder).isEmpty)
    }

    @Test("an unknown role in actor_types is an error listing the roles")
    func unknownRole() {
        let folder = validFolder()
        folder.write("network.yaml", "name: Test\nactor_types:\n  school: teacher\n")
        let error = failures(folder).first { $0.severity == .error }
        #expect(error?.line == 3)
        #expect(error?.hint?.contains("public-authority") == true)
    }
}

@Suite("Single-file networks: YAML and JSON")
struct DocumentReaderTests {
    @Test("a YAML file with network, actors and relations")
    func yaml() throws {
        let folder = TemporaryFolder()
        let path = folder.write(
            "net.yaml",
            """
            network:
              name: Klein netwerk
              year: 2024
            actors:
              - {id: g, name: Gemeente, type: gemeente}
              - id: p
                name: "Zorg & Co"
                type: zorgaanbieder
                size: 12.5
            relations:
              - {source: g, target: p, type: contract, weight: 2}

            """)
        let network = try NetworkReader.load(path: path).network
        #expect(network.metadata.name == "Klein netwerk")
        #expect(network.actor(id: "p")?.name == "Zorg & Co")
        #expect(network.actor(id: "p")?.size == 12.5)
        #expect(network.relations.first?.weight == 2)
    }

    @Test("a JSON file; errors carry the JSON line")
    func json() throws {
        let folder = TemporaryFolder()
        let good = folder.write(
            "net.json",
            """
            {"name": "JSON-netwerk",
             "actors": [{"id": "g", "name": "Gemeente", "type": "gemeente"},
                        {"id": "c", "name": "Cliëntenraad", "type": "clientorganisatie"}],
             "relations": [{"source": "c", "target": "g", "type": "overleg", "directed": false}]}
            """)
        let network = try NetworkReader.load(path: good).network
        #expect(network.metadata.name == "JSON-netwerk")
        #expect(network.actor(id: "c")?.name == "Cliëntenraad")
        #expect(network.relations.first?.directed == false)

        let bad = folder.write(
            "bad.json",
            """
            {"name": "x",
             "actors": [{"id": "g", "type": "gemeente"}],
             "relations": [
               {"source": "g", "target": "nobody", "type": "overleg"}
             ]}
            """)
        #expect(throws: NetworkLoadError.self) { try NetworkReader.load(path: bad) }
        do { _ = try NetworkReader.load(path: bad) } catch let error as NetworkLoadError {
            #expect(error.errors.first?.line == 4)
        }
    }

    @Test("nested YAML aliases that explode are refused")
    func aliasBomb() {
        let folder = TemporaryFolder()
        var yaml = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        var previous = "a"
        for level in 1...7 {
            let name = "l\(level)"
            yaml +=
                "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ")
                + "]\n"
            previous = name
        }
        let path = folder.write("bomb.yaml", yaml + "actors: []\nrelations: []\n")
        #expect(throws: NetworkLoadError.self) { try NetworkReader.load(path: path) }
    }

    @Test("a path that does not exist, or a lone CSV, gets a clear error")
    func wrongPaths() {
        #expect(throws: NetworkLoadError.self) { try NetworkReader.load(path: "/nonexistent/netan") }
        let folder = TemporaryFolder()
        let csv = folder.write("actors.csv", "id,type\n")
        do { _ = try NetworkReader.load(path: csv) } catch let error as NetworkLoadError {
            #expect(error.diagnostics.first?.hint?.contains("folder") == true)
        } catch { Issue.record("unexpected error \(error)") }
    }
}

@Suite("Relation type units")
struct RelationUnitTests {
    @Test("network.yaml may declare a unit per relation type")
    func unit() throws {
        let folder = validFolder()
        folder.write(
            "network.yaml",
            "name: Test\nrelation_types:\n  financiering: { directed: true, weight: bedrag, unit: mln euro }\n"
        )
        let network = try load(folder).network
        #expect(network.vocabulary.relationType(named: "financiering")?.unit == "mln euro")
        #expect(network.vocabulary.relationType(named: "financiering")?.directed == true)
    }
}
