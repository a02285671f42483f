import Foundation
import TestSupport
import Testing

@testable import NetGraph
@testable import NetGraphIO

@Suite("Network folder: CSV as people export it")
struct CSVReaderTests {
    @Test("Excel (NL): semicolons, BOM, CRLF, decimal comma, thousands dots")
    func excelDutch() throws {
        let folder = TemporaryFolder()
        folder.write(
            "actors.csv",
            bytes: [0xEF, 0xBB, 0xBF]
                + Array(
                    "ID;Naam;Type;Omvang\r\ng;Gemeente Breda;gemeente;1.234,5\r\np;Zorg BV;zorgaanbieder;0,75\r\n\r\n\r\n"
                        .utf8))
        folder.write(
            "relations.csv",
            bytes: [0xEF, 0xBB, 0xBF] + Array("Bron;Doel;Soort;Gewicht\r\ng;p;financiering;12,5\r\n".utf8))
        let network = try load(folder).network
        #expect(network.actors.map(\.id) == ["g", "p"])
        #expect(network.actor(id: "g")?.name == "Gemeente Breda")
        #expect(network.actor(id: "g")?.size == 1234.5)
        #expect(network.actor(id: "p")?.size == 0.75)
        #expect(network.relations.first?.weight == 12.5)
        #expect(network.relations.first?.directed == true)
    }

    @Test("tab-separated with Excel's sep= line ignored when absent, and sep=; honoured")
    func tabsAndSepLine() throws {
        let folder = TemporaryFolder()
        folder.write(
            "actors.csv", "id\tname\ttype\ng\tGemeente\tgemeente\np\tAanbieder, groot\tzorgaanbieder\n")
        folder.write("relations.csv", "sep=;\nsource;target;type;weight\ng;p;contract;3\n")
        let loaded = try load(folder)
        #expect(loaded.network.actor(id: "p")?.name == "Aanbieder, groot")
        #expect(loaded.network.relations.count == 1)
        #expect(loaded.network.relations[0].weight == 3)
    }

    @Test(
        "RFC 4180 quoting: delimiters, doubled quotes and line breaks inside fields; line numbers stay physical"
    )
    func quoting() throws {
        let folder = TemporaryFolder()
        folder.write(
            "actors.csv",
            "id,name,type\ng,\"Gemeente \"\"Breda\"\", afdeling\nsociaal\",gemeente\np,Aanbieder,zorgaanbieder\n"
        )
        folder.write("relations.csv", "source,target,type\ng,p,contract\ng,x,contract\n")
        let diagnostics = failures(folder)
        // Record 1 of actors spans lines 2–3; the bad relation is on line 3 of relations.csv.
        let error = try #require(diagnostics.first { $0.severity == .error })
        #expect(error.file.hasSuffix("relations.csv"))
        #expect(error.line == 3)
        #expect(error.message.contains("\"x\""))

        folder.write("relations.csv", "source,target,type\ng,p,contract\n")
        let network = try load(folder).network
        #expect(network.actor(id: "g")?.name == "Gemeente \"Breda\", afdeling\nsociaal")
    }

    @Test("a line number after a quoted multi-line field is the physical line")
    func lineAfterMultilineField() throws {
        let folder = TemporaryFolder()
        folder.write("actors.csv", "id,name,type\na,\"one\r\ntwo\r\nthree\",gemeente\na,dup,gemeente\n")
        folder.write("relations.csv", "source,target,type\n")
        let error = try #require(failures(folder).first { $0.severity == .error })
        #expect(error.line == 5)
        #expect(error.message.contains("used twice (first on line 2)"))
    }

    @Test("Windows-1252 from older Excel is detected, read correctly, and warned about")
    func windows1252() throws {
        let folder = TemporaryFolder()
        // "Cliëntenraad" and "Café" with ë = 0xEB, é = 0xE9; € = 0x80.
        folder.write(
            "actors.csv",
            bytes: Array("id;name;type\nc;Cli".utf8) + [0xEB]
                + Array("ntenraad;clientorganisatie\nk;Caf".utf8) + [0xE9, 0x20, 0x80]
                + Array(";overig\n".utf8))
        folder.write("relations.csv", "source;target;type\nc;k;overleg\n")
        let loaded = try load(folder)
        #expect(loaded.network.actor(id: "c")?.name == "Cliëntenraad")
        #expect(loaded.network.actor(id: "k")?.name == "Café €")
        #expect(
            loaded.warnings.contains {
                $0.file.hasSuffix("actors.csv") && $0.message.contains("Windows-1252")
            })
    }

    @Test("bytes that are neither UTF-8 nor Windows-1252 are refused with the line")
    func undecodable() {
        let folder = TemporaryFolder()
        folder.write(
            "actors.csv",
            bytes: Array("id,name,type\ng,ok,gemeente\nx,bad".utf8) + [0x81] + Array(",overig\n".utf8))
        folder.write("relations.csv", "source,target,type\n")
        let errors = failures(folder).filter { $0.severity == .error }
        #expect(errors.count == 1)
        #expect(errors.first?.line == 3)
        #expect(errors.first?.hint?.contains("CSV UTF-8") == true)
    }

    @Test("UTF-16 'Unicode text' from Excel is read")
    func utf16() throws {
        let folder = TemporaryFolder()
        let text = "id\tname\ttype\ng\tGemeente Zoë\tgemeente\n"
        folder.write("actors.csv", bytes: [0xFF, 0xFE] + Array(text.data(using: .utf16LittleEndian)!))
        folder.write("relations.csv", "source,target,type\n")
        #expect(try load(folder).network.actor(id: "g")?.name == "Gemeente Zoë")
    }

    @Test("column names are case-, accent- and language-insensitive; Dutch booleans for directed")
    func headersAndBooleans() throws {
        let folder = TemporaryFolder()
        folder.write(
            "actors.csv",
            "ID , NAAM,Soort,Invloed,Régio\ng,Gemeente,Gemeente,8,West\np,Aanbieder,ZorgAanbieder,3,West\n")
        folder.write(
            "relations.csv",
            "VAN,Naar,Relatie,Gewicht,Gericht,Jaar\ng,p,financiering,5,nee,2023\np,g,overleg,1,ja,2024\n")
        let network = try load(folder).network
        #expect(network.actor(id: "g")?.type == "gemeente")
        #expect(network.actor(id: "p")?.type == "zorgaanbieder")
        #expect(network.actor(id: "g")?.influence == 8)
        #expect(network.actor(id: "g")?.region == "West")
        #expect(network.relations[0].directed == false)
        #expect(network.relations[1].directed == true)
        #expect(network.relations[0].year == 2023)
    }

    @Test("extra columns become attributes; size comes from the column network.yaml names")
    func attributesAndSizeColumn() throws {
        let folder = TemporaryFolder()
        folder.write("network.yaml", "name: Test\nsize_attribute: budget_mln\n")
        folder.write(
            "actors.csv", "id,name,type,budget_mln,website\ng,Gemeente,gemeente,350,https://example.org\n")
        folder.write("relations.csv", "source,target,type\n")
        let actor = try #require(try load(folder).network.actor(id: "g"))
        #expect(actor.size == 350)
        #expect(actor.attributes["website"] == "https://example.org")
    }

    @Test("numbers: decimal comma only in ; files; NaN and infinity refused")
    func numbers() {
        #expect(NumberParsing.parse("1.234,5", decimalComma: true) == 1234.5)
        #expect(NumberParsing.parse("1.234.567", decimalComma: true) == 1234567)
        #expect(NumberParsing.parse("2.5", decimalComma: true) == 2.5)
        #expect(NumberParsing.parse("12,5", decimalComma: false) == nil)
        #expect(NumberParsing.parse("1e3", decimalComma: false) == 1000)
        #expect(NumberParsing.parse("1 000", decimalComma: true) == 1000)
        #expect(NumberParsing.parse("NaN", decimalComma: false) == nil)
        #expect(NumberParsing.parse("inf", decimalComma: false) == nil)
        #expect(NumberParsing.parse("1,2,3", decimalComma: true) == nil)
        #expect(NumberParsing.parseBool("Ja") == true)
        #expect(NumberParsing.parseBool("NEE") == false)
        #expect(NumberParsing.parseBool("misschien") == nil)
    }

    @Test("an unclosed quote is reported at the line where it opens")
    func unclosedQuote() {
        let folder = TemporaryFolder()
        folder.write(
            "actors.csv", "id,name,type\ng,Gemeente,gemeente\np,\"Aanbieder,zorgaanbieder\nq,Q,overig\n")
        folder.write("relations.csv", "source,target,type\n")
        let error = failures(folder).first { $0.file.hasSuffix("actors.csv") }
        #expect(error?.line == 3)
        #expect(error?.message.contains("never closed") == true)
    }
}

@Suite("Numbers read right or refused")
struct NumberConventionTests {
    func folder(_ weights: [String]) -> TemporaryFolder {
        let folder = validFolder()
        folder.write(
            "actors.csv",
            "id;name;type\ng;G;gemeente\n" + weights.indices.map { "p\($0);P\($0);zorgaanbieder\n" }.joined())
        folder.write(
            "relations.csv",
            "source;target;type;weight\n"
                + weights.enumerated().map { "g;p\($0.offset);financiering;\($0.element)\n" }.joined())
        return folder
    }

    @Test("'1.250' next to a decimal point is refused with both readings, file, line and column")
    func mixedPoint() {
        let errors = failures(folder(["1.250", "0.6", "12.5"])).filter { $0.severity == .error }
        #expect(errors.count == 1)
        #expect(errors.first?.line == 2)
        #expect(errors.first?.file.hasSuffix("relations.csv") == true)
        #expect(errors.first?.message.contains("1.25 or as 1250") == true)
        #expect(errors.first?.message.contains("column weight") == true)
    }

    @Test("'1.250' alone in a ;-file is refused: the convention cannot be told")
    func alone() {
        #expect(failures(folder(["1.250", "2"])).contains { $0.line == 2 && $0.message.contains("1250") })
    }

    @Test("a consistent Dutch file reads '1.250' as 1250, '0,6' as 0.6, '1.000.000' as a million")
    func dutch() throws {
        let network = try load(folder(["1.250", "0,6", "1.000.000", "1.250,5"])).network
        #expect(network.relations.map(\.weight) == [1250, 0.6, 1_000_000, 1250.5])
    }

    @Test("'1,250' is a decimal comma in a ;-file, refused next to a decimal point")
    func comma() throws {
        #expect(try load(folder(["1,250", "2"])).network.relations.map(\.weight) == [1.25, 2])
        #expect(failures(folder(["1,250", "0.5"])).contains { $0.line == 2 })
    }

    @Test("a comma-separated English file keeps its decimal point: 1.250 is 1.25")
    func english() throws {
        let folder = validFolder()
        folder.write("relations.csv", "source,target,type,weight\ng,p,financiering,1.250\nc,g,overleg,12.5\n")
        #expect(try load(folder).network.relations.map(\.weight) == [1.25, 12.5])
    }
}
