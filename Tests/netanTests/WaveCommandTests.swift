import Foundation
import TestSupport
import Testing

@testable import NetGraph
@testable import NetGraphIO

@Suite("netan with several years (waves)", .serialized)
struct WaveCommandTests {
    static let actors =
        "id,name,type\ng,Gemeente,gemeente\np1,Aanbieder Een,zorgaanbieder\n"
        + "p2,Aanbieder Twee,zorgaanbieder\nc,Cliëntenraad,clientorganisatie\nw,Wijkteam,wijkteam\n"

    /// The relations of 2024, then the one without a year (it counts in every year).
    static let relations2024 =
        "g,p1,financiering,12,2024\ng,p2,financiering,5,2024\nc,g,overleg,2,2024\n"
    static let undated = "w,g,informatie,,\n"

    /// Three years in one folder; the first relation of 2024 is on line 4 of relations.csv.
    func threeYears() -> TemporaryFolder {
        let folder = TemporaryFolder()
        folder.write("network.yaml", "name: Golven\n")
        folder.write("actors.csv", Self.actors)
        folder.write(
            "relations.csv",
            "source,target,type,weight,year\ng,p1,financiering,10,2023\nc,g,overleg,2,2023\n"
                + Self.relations2024
                + "g,p1,financiering,11,2025\ng,p2,financiering,6,2025\np1,p2,samenwerking,1,2025\n"
                + Self.undated)
        return folder
    }

    @Test("analyze refuses several years with exit 65, file, line, the years and a hint")
    func refused() throws {
        let folder = threeYears()
        let commands = [
            ["analyze"], ["centrality"], ["flags"],
            ["qap", "--dependent", "financiering", "--predictor", "overleg"],
        ]
        for command in commands {
            let result = try netan(command + [folder.path])
            #expect(result.status == 65, "\(command)")
            #expect(result.stderr.contains("relations.csv:4: fout:"), "\(command): \(result.stderr)")
            #expect(result.stderr.contains("2023, 2024, 2025"))
            #expect(result.stderr.contains("--year 2025"))
            #expect(result.stderr.contains("--years"))
            #expect(result.stdout.isEmpty)
        }
        let unknown = try netan(["analyze", folder.path, "--year", "2022"])
        #expect(unknown.status == 65)
        #expect(unknown.stderr.contains("2023, 2024, 2025"))
    }

    @Test("--year 2024 gives the same result as a folder holding only 2024's relations")
    func oneYear() throws {
        let folder = threeYears()
        let only = TemporaryFolder()
        only.write("network.yaml", "name: Golven\nyear: 2024\n")
        only.write("actors.csv", Self.actors)
        only.write("relations.csv", "source,target,type,weight,year\n" + Self.relations2024 + Self.undated)
        for command in [["analyze", "--format", "json"], ["flags", "--format", "json"]] {
            let wave = try netan(command + [folder.path, "--year", "2024"])
            let single = try netan(command + [only.path])
            #expect(wave.status == 0, "\(wave.stderr)")
            #expect(single.status == 0, "\(single.stderr)")
            #expect(!wave.stdout.isEmpty)
            #expect(wave.stdout == single.stdout, "\(command)")
        }
    }

    @Test("validate and convert keep working on several years; convert --year writes one")
    func validateAndConvert() throws {
        let folder = threeYears()
        let checked = try netan(["validate", folder.path])
        #expect(checked.status == 0, "\(checked.stderr)")
        #expect(checked.stdout.contains("5 actoren, 9 relaties"))
        #expect(checked.stderr.contains("3 jaren (2023, 2024, 2025)"))
        #expect(try netan(["validate", folder.path, "--strict"]).status == 0)

        let out = folder.url.appendingPathComponent("alle").path
        #expect(try netan(["convert", folder.path, out]).status == 0)
        #expect(try NetworkReader.load(path: out).network.years == [2023, 2024, 2025])
        let year = folder.url.appendingPathComponent("2024").path
        #expect(try netan(["convert", folder.path, year, "--year", "2024"]).status == 0)
        let converted = try NetworkReader.load(path: year).network
        #expect(converted.relations.count == 4)
        #expect(converted.metadata.year == 2024)
        #expect(try netan(["analyze", year]).status == 0)
    }

    @Test("compare --years: one row per year, named by the year")
    func compareYears() throws {
        let folder = threeYears()
        let result = try netan(["compare", folder.path, "--years", "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(whereSeparator: \.isNewline).map(String.init)
        #expect(lines.count == 4)
        #expect(lines.dropFirst().map { String($0.prefix(5)) } == ["2023,", "2024,", "2025,"])
        let table = try netan(["compare", folder.path, "--years"])
        #expect(table.status == 0)
        for year in ["2023", "2024", "2025"] { #expect(table.stdout.contains(year)) }
        // Without --years the folder is refused like any analysis.
        #expect(try netan(["compare", folder.path]).status == 65)
        // --years on a network without years is refused.
        #expect(try netan(["compare", validFolder().path, "--years"]).status == 65)
    }

    @Test("diff PATH --from 2023 --to 2024 names what was added between the years")
    func diffYears() throws {
        let folder = threeYears()
        let result = try netan(["diff", folder.path, "--from", "2023", "--to", "2024"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Golven (2023) → Golven (2024)"))
        #expect(result.stdout.contains("Relaties erbij"))
        #expect(result.stdout.contains("Gemeente → Aanbieder Twee (financiering)"))
        let json = try netan(["diff", folder.path, "--from", "2024", "--to", "2025", "--format", "json"])
        #expect(json.status == 0)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((object["relations_added"] as? [String])?.contains("p1 — p2 (samenwerking)") == true)
        #expect((object["relations_removed"] as? [String])?.contains("c — g (overleg)") == true)
        // One network needs both years.
        #expect(try netan(["diff", folder.path, "--from", "2023"]).status == 64)
    }

    @Test("report on more than two years: the latest year, with a trend table of every year")
    func reportTrend() throws {
        let folder = threeYears()
        let out = folder.url.appendingPathComponent("rapport").path
        let result = try netan(["report", folder.path, "-o", out])
        #expect(result.status == 0, "\(result.stderr)")
        let html = try #require(folder.contents("rapport/index.html")).string
        #expect(html.contains("Ontwikkeling"))
        #expect(html.contains("Golven (2025)"))
        let trend = try #require(folder.contents("rapport/tables/trend.csv")).string
        let rows = trend.split(whereSeparator: \.isNewline).map(String.init)
        #expect(rows.count == 4)
        #expect(rows[0].hasPrefix("year,actors,relations"))
        #expect(rows.dropFirst().map { String($0.prefix(4)) } == ["2023", "2024", "2025"])
        // The relations of each year plus the undated one.
        #expect(rows[1].hasPrefix("2023,5,3,"))
        #expect(rows[3].hasPrefix("2025,5,4,"))
        let data = try NetworkReader.load(path: out + "/data").network
        #expect(data.relations.count == 4)
        #expect(data.metadata.year == 2025)

        // Two years: refused like any analysis, unless one is chosen.
        let two = TemporaryFolder()
        two.write("actors.csv", Self.actors)
        two.write(
            "relations.csv", "source,target,type,year\ng,p1,financiering,2023\ng,p2,financiering,2024\n")
        let refused = try netan(["report", two.path, "-o", two.url.appendingPathComponent("r").path])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("2023, 2024"))
        let chosen = try netan([
            "report", two.path, "--year", "2024", "-o", two.url.appendingPathComponent("r").path,
        ])
        #expect(chosen.status == 0, "\(chosen.stderr)")
        #expect(two.contents("r/tables/trend.csv") == nil)
    }
}

extension Data {
    fileprivate var string: String { String(decoding: self, as: UTF8.self) }
}
