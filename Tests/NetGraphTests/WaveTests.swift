import Foundation
import TestSupport
import Testing

@testable import NetGraph
@testable import NetGraphIO

@Suite("Waves: several years in one network")
struct WaveTests {
    /// Four actors: a and b in every year, c only in 2025, d only in 2023. Relations: a → b
    /// financing in 2023 and in 2024, b → c contract in 2024, and an undated a — b consultation.
    func sample() -> Network {
        var n = Network(metadata: NetworkMetadata(name: "Golven", year: 2025))
        n.add(Actor(id: "a", type: "gemeente"))
        n.add(Actor(id: "b", type: "zorgaanbieder"))
        n.add(Actor(id: "c", type: "zorgaanbieder", year: 2025))
        n.add(Actor(id: "d", type: "clientorganisatie", year: 2023))
        n.add(
            Relation(source: "a", target: "b", type: "financiering", weight: 10, directed: true, year: 2023))
        n.add(
            Relation(source: "a", target: "b", type: "financiering", weight: 12, directed: true, year: 2024))
        n.add(Relation(source: "b", target: "c", type: "contract", directed: true, year: 2024))
        n.add(Relation(source: "a", target: "b", type: "overleg", weight: 3, directed: false))
        return n
    }

    @Test("years: the distinct years of relations and actors, ascending; the metadata's year does not count")
    func years() {
        let n = sample()
        #expect(n.years == [2023, 2024, 2025])
        #expect(n.hasSeveralYears)
        #expect(n.relationsWithoutYear == 1)
        #expect(sampleNetwork().years.isEmpty)
        #expect(!sampleNetwork().hasSeveralYears)
        #expect(sampleNetwork().relationsWithoutYear == 0)
        var one = Network(metadata: NetworkMetadata(name: "één", year: 2020))
        one.add(Actor(id: "x", type: "gemeente"))
        one.add(Actor(id: "y", type: "gemeente"))
        one.add(Relation(source: "x", target: "y", type: "overleg", directed: false, year: 2024))
        #expect(one.years == [2024])
        #expect(!one.hasSeveralYears)
    }

    @Test(
        "wave: that year's relations and the undated ones; actors of that year, undated, or at a relation's end"
    )
    func wave() {
        let n = sample()
        let w2023 = n.wave(2023)
        #expect(w2023.metadata.year == 2023)
        #expect(w2023.metadata.name == "Golven")
        #expect(w2023.actors.map(\.id) == ["a", "b", "d"])
        #expect(w2023.relations.map(\.type) == ["financiering", "overleg"])
        #expect(w2023.relations[0].weight == 10)

        // c has the year 2025 but a 2024 relation ends at it: it belongs to 2024 too.
        let w2024 = n.wave(2024)
        #expect(w2024.actors.map(\.id) == ["a", "b", "c"])
        #expect(w2024.relations.map(\.type) == ["financiering", "contract", "overleg"])
        #expect(w2024.relations[0].weight == 12)

        // 2025: only actors carry it; the standing relation counts.
        let w2025 = n.wave(2025)
        #expect(w2025.actors.map(\.id) == ["a", "b", "c"])
        #expect(w2025.relations.map(\.type) == ["overleg"])

        // A year nobody carries: the undated part.
        let none = n.wave(2030)
        #expect(none.actors.map(\.id) == ["a", "b"])
        #expect(none.relations.count == 1)

        #expect(n.waves().map(\.year) == [2023, 2024, 2025])
        #expect(n.waves().map { $0.network.relations.count } == [2, 3, 1])
    }

    @Test("a network without years is one wave of everything")
    func noYears() {
        let n = sampleNetwork()
        let w = n.wave(2024)
        #expect(w.actors.map(\.id) == n.actors.map(\.id))
        #expect(w.relations == n.relations)
        #expect(n.waves().isEmpty)
    }

    /// A folder of three years; the first 2024 relation is on line 4 of relations.csv.
    func threeYearFolder() -> TemporaryFolder {
        let folder = TemporaryFolder()
        folder.write("network.yaml", "name: Golven\n")
        folder.write(
            "actors.csv",
            "id,name,type,jaar\ng,Gemeente,gemeente,\np,Aanbieder,zorgaanbieder,\nn,Nieuw,zorgaanbieder,2025\n"
        )
        folder.write(
            "relations.csv",
            "source,target,type,weight,year\ng,p,financiering,10,2023\ng,p,overleg,2,2023\n"
                + "g,p,financiering,12,2024\ng,n,financiering,3,2025\np,g,informatie,1,\n")
        return folder
    }

    @Test("reading: actor years from a year/jaar column; the place where a second year first appears")
    func reading() throws {
        let folder = threeYearFolder()
        let loaded = try load(folder)
        #expect(loaded.network.actor(id: "n")?.year == 2025)
        #expect(loaded.network.actor(id: "n")?.attributes["jaar"] == nil)
        #expect(loaded.network.actor(id: "g")?.year == nil)
        #expect(loaded.network.years == [2023, 2024, 2025])
        let place = try #require(loaded.secondYear)
        #expect(place.year == 2024)
        #expect(place.line == 4)
        #expect(place.isRelation)
        #expect(place.file.hasSuffix("relations.csv"))

        let bad = TemporaryFolder()
        bad.write("actors.csv", "id,type,year\ng,gemeente,vorig jaar\n")
        bad.write("relations.csv", "source,target,type\n")
        let problems = failures(bad)
        #expect(
            problems.contains { $0.file.hasSuffix("actors.csv") && $0.line == 2 && $0.severity == .error })
    }

    @Test("selecting: several years without --year are refused with file, line, years and a hint")
    func refusal() throws {
        let folder = threeYearFolder()
        let loaded = try load(folder)
        do {
            _ = try loaded.selecting(year: nil, path: folder.path)
            Issue.record("several years were not refused")
        } catch let error as NetworkLoadError {
            let diagnostic = try #require(error.diagnostics.first)
            #expect(error.diagnostics.count == 1)
            #expect(diagnostic.severity == .error)
            #expect(diagnostic.line == 4)
            let text = diagnostic.text("nl")
            #expect(text.contains("relations.csv:4: fout:"))
            #expect(text.contains("3 jaren (2023, 2024, 2025)"))
            #expect(text.contains("eerste relatie van 2024"))
            #expect(text.contains("--year 2025"))
            #expect(text.contains("netan compare \(folder.path) --years"))
            #expect(diagnostic.text("en").contains("never adds years together"))
        }
        // Checking and converting keep every year.
        let whole = try loaded.selecting(year: nil, path: folder.path, refuseSeveralYears: false)
        #expect(whole.relations.count == 5)
        // A year that is there: its wave.
        let w2024 = try loaded.selecting(year: 2024, path: folder.path)
        #expect(w2024.relations.count == 2)
        #expect(w2024.actors.map(\.id) == ["g", "p"])
        // A year that is not: refused with the list.
        #expect(throws: NetworkLoadError.self) { try loaded.selecting(year: 2022, path: folder.path) }
        do {
            _ = try loaded.selecting(year: 2022, path: folder.path)
        } catch let error as NetworkLoadError {
            #expect(error.diagnostics.first?.text("nl").contains("2023, 2024, 2025") == true)
        }
    }

    @Test("selecting in a network without years: only the metadata's year, which gives the whole network")
    func selectingWithoutYears() throws {
        let folder = validFolder()  // network.yaml says 2024; no year column
        let loaded = try load(folder)
        #expect(loaded.secondYear == nil)
        #expect(try loaded.selecting(year: nil, path: folder.path).relations.count == 2)
        #expect(try loaded.selecting(year: 2024, path: folder.path).relations.count == 2)
        #expect(throws: NetworkLoadError.self) { try loaded.selecting(year: 2023, path: folder.path) }
        #expect(throws: NetworkLoadError.self) { try loaded.waves(path: folder.path) }
        #expect(LoadedNetwork.shellQuoted("a/b-c_1.d") == "a/b-c_1.d")
        #expect(LoadedNetwork.shellQuoted("mijn map/x") == "'mijn map/x'")
    }

    @Test(
        "actor and relation years survive every format that keeps attributes",
        arguments: [NetworkFormat.folder, .yaml, .json, .nodeLink, .graphml, .gexf, .xlsx])
    func roundTrip(format: NetworkFormat) throws {
        let folder = TemporaryFolder()
        let network = sample()
        let path = folder.url.appendingPathComponent("out-\(format.rawValue)" + extensionFor(format)).path
        try NetworkWriter.write(network, to: path, format: format)
        let back = try NetworkLoader.load(path: path, format: format).network
        #expect(back.actors.map(\.year) == network.actors.map(\.year), "\(format)")
        #expect(back.relations.map(\.year) == network.relations.map(\.year), "\(format)")
        #expect(back.years == [2023, 2024, 2025])
    }

    func extensionFor(_ format: NetworkFormat) -> String {
        switch format {
        case .yaml: ".yaml"
        case .json, .nodeLink: ".json"
        case .graphml: ".graphml"
        case .gexf: ".gexf"
        case .xlsx: ".xlsx"
        default: ""
        }
    }
}
