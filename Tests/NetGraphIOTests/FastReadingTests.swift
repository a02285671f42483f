import Foundation
import TestSupport
import Testing

@testable import NetGraph
@testable import NetGraphIO

/// The folder reader's fast parts (issue 20): the byte-level tokenizer, the UTF-8 check, the
/// actor lookup by bytes, and the relation checks that read cells as bytes on every core. Each
/// is held to hand-worked cases and to the general path it stands in for.
@Suite("Reading a folder fast, with the same results")
struct FastReadingTests {
    // MARK: - Tokenizer

    /// Records of `text` as (line, fields), the header first.
    private func split(_ text: String) throws -> [(Int, [String])] {
        let table = try CSVTable.parse(text)
        return [(table.headerLine, table.header)] + table.records.map { ($0.line, $0.fields) }
    }

    @Test("fields, quotes, doubled quotes, text after a closing quote, line breaks in quotes")
    func tokenizerCases() throws {
        let cases: [(String, [(Int, [String])])] = [
            ("a,b\n1,2\n", [(1, ["a", "b"]), (2, ["1", "2"])]),
            // No final line break; a trailing delimiter gives one more, empty, field.
            ("a,b\n1,", [(1, ["a", "b"]), (2, ["1", ""])]),
            // Blank lines are skipped (also a lone "" field), CR and CRLF end records.
            ("a\r\n\r\n1\r2\n\"\"\n3", [(1, ["a"]), (3, ["1"]), (4, ["2"]), (6, ["3"])]),
            // Quoted: the delimiter and a doubled quote inside; spaces after the closing quote dropped.
            ("h\n\"x, \"\"y\"\"\" ,z\n", [(1, ["h"]), (2, ["x, \"y\"", "z"])]),
            // Text after a closing quote is kept (spaces dropped), as Excel reads it.
            ("h\n\"ab\" c d,e\n", [(1, ["h"]), (2, ["abcd", "e"])]),
            // A quote inside an unquoted field is literal.
            ("h\nab\"c,\"d\"\n", [(1, ["h"]), (2, ["ab\"c", "d"])]),
            // Line breaks inside quotes: kept in the field, counted for the next record's line.
            (
                "h,i\n\"one\r\ntwo\nthree\",x\nnext,y\n",
                [(1, ["h", "i"]), (2, ["one\r\ntwo\nthree", "x"]), (5, ["next", "y"])]
            ),
            // The header is trimmed, fields are not.
            (" id , name \n a , b \n", [(1, ["id", "name"]), (2, [" a ", " b "])]),
            // Multi-byte text around delimiters.
            (
                "naam;plaats\nCliëntenraad;’s-Hertogenbosch\n",
                [(1, ["naam", "plaats"]), (2, ["Cliëntenraad", "’s-Hertogenbosch"])]
            ),
        ]
        for (text, expected) in cases {
            let got = try split(text)
            #expect(got.map(\.0) == expected.map(\.0), "lines of \(text.debugDescription)")
            #expect(got.map(\.1) == expected.map(\.1), "fields of \(text.debugDescription)")
        }
    }

    @Test("delimiter: sniffed from the header outside quotes, or fixed by Excel's sep= line")
    func delimiters() throws {
        #expect(try CSVTable.parse("a;b,c;d\n").delimiter == ";")
        #expect(try CSVTable.parse("a\tb\tc,d\n").delimiter == "\t")
        #expect(try CSVTable.parse("\"a;b;c\",d\n").delimiter == ",")
        #expect(try CSVTable.parse("a;b\tc\n").delimiter == ";")  // a tie goes to ;
        #expect(try CSVTable.parse("abc\n").delimiter == ",")
        let hinted = try CSVTable.parse("sep=|\r\na|b\n1|2\n")
        #expect(hinted.delimiter == "|")
        #expect(hinted.header == ["a", "b"])
        #expect(hinted.headerLine == 2)
        #expect(hinted.records.first?.line == 3)
        // A separator that is not one byte is refused with a message, not a crash.
        #expect(throws: CSVTable.ParseError.self) { try CSVTable.parse("sep=€\na€b\n") }
    }

    @Test("an unclosed quote names the line where the field starts")
    func unclosedQuote() {
        do {
            _ = try CSVTable.parse("h\nok\n\"never\nclosed\n")
            Issue.record("an unclosed quote was accepted")
        } catch let error as CSVTable.ParseError {
            #expect(error.line == 3)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test("reading from disk: BOM dropped, Windows-1252 converted, the same table as from text")
    func readingFromDisk() throws {
        let folder = TemporaryFolder()
        let text = "id;naam\r\nc1;Cliëntenraad \"Samen\"\r\n"
        let utf8 = folder.write("a.csv", bytes: [0xEF, 0xBB, 0xBF] + Array(text.utf8))
        let fromDisk = try CSVTable.read(path: utf8, maximumBytes: 1 << 20)
        let fromText = try CSVTable.parse(text)
        #expect(fromDisk.encoding == .utf8WithBOM)
        #expect(fromDisk.header == fromText.header)
        #expect(fromDisk.records.map(\.fields) == fromText.records.map(\.fields))
        // "ë" is 0xEB in Windows-1252.
        let legacy = folder.write(
            "b.csv", bytes: Array("id;naam\nc1;Cli".utf8) + [0xEB] + Array("ntenraad\n".utf8))
        let converted = try CSVTable.read(path: legacy, maximumBytes: 1 << 20)
        #expect(converted.encoding == .windows1252)
        #expect(converted.records.first?.fields == ["c1", "Cliëntenraad"])
        #expect(throws: FileTooLarge.self) { try CSVTable.read(path: legacy, maximumBytes: 10) }
    }

    // MARK: - UTF-8

    @Test("the UTF-8 check agrees with the standard library on edge cases and random bytes")
    func utf8Validation() {
        let edges: [[UInt8]] = [
            [], Array("plain ascii text, longer than eight bytes".utf8), Array("é € 𝄞".utf8),
            [0xC0, 0x80], [0xC1, 0xBF],  // overlong
            [0xE0, 0x80, 0x80], [0xE0, 0x9F, 0xBF],  // overlong three-byte
            [0xED, 0xA0, 0x80],  // surrogate U+D800
            [0xF0, 0x80, 0x80, 0x80],  // overlong four-byte
            [0xF4, 0x90, 0x80, 0x80],  // above U+10FFFF
            [0xF5, 0x80, 0x80, 0x80], [0x80], [0xE2, 0x82],  // truncated
            Array("abcdefgh".utf8) + [0xFF] + Array("abcdefgh".utf8),
        ]
        var generator = SplitMix64(seed: 20)
        var samples = edges
        for _ in 0..<20_000 {
            let length = Int.random(in: 0..<24, using: &generator)
            // Mostly ASCII with some high bytes, so both valid and invalid sequences occur.
            samples.append(
                (0..<length).map { _ in
                    Bool.random(using: &generator)
                        ? UInt8.random(in: 0x20...0x7E, using: &generator)
                        : UInt8.random(in: 0x80...0xF7, using: &generator)
                })
        }
        for bytes in samples {
            let expected = String(validating: bytes, as: UTF8.self) != nil
            let got = bytes.withUnsafeBufferPointer { TextDecoding.isValidUTF8($0) }
            #expect(got == expected, "\(bytes)")
        }
    }

    // MARK: - Actor lookup

    @Test("actor lookup by bytes: exact matches only")
    func actorLookup() {
        let ids = ["g1", "zorgaanbieder-groot-0001", "Cliëntenraad", "a", "10", "100"]
        let lookup = ActorLookup(ids: ids)
        func find(_ key: String) -> Int? {
            var key = key
            return key.withUTF8 { lookup.find($0) }
        }
        for (k, id) in ids.enumerated() { #expect(find(id) == k) }
        for missing in ["", "g", "g12", "1", "1000", "A", "zorgaanbieder-groot-000", "Clientenraad", " a"] {
            #expect(find(missing) == nil, "\(missing)")
        }
        let many = (0..<5000).map { "actor-\($0)" }
        let big = ActorLookup(ids: many)
        var key = "actor-4321"
        #expect(key.withUTF8 { big.find($0) } == 4321)
    }

    // MARK: - Fast and general paths give the same network and messages

    /// Builds the folder's network twice: the CSV records read as bytes (the fast path), and
    /// the same records as strings (`RawRecordList`, the general path every other reader takes).
    private func bothPaths(actors: String, relations: String) throws -> (
        fast: NetworkBuilder, general: NetworkBuilder
    ) {
        let folder = TemporaryFolder()
        let actorsPath = folder.write("actors.csv", actors)
        let relationsPath = folder.write("relations.csv", relations)
        var log = DiagnosticLog()
        let actorTable = try #require(
            NetworkReader.readTable(
                actorsPath, text: nil, required: [ActorField.id, .type], aliases: \.aliases, extra: [:],
                log: &log))
        let relationTable = try #require(
            NetworkReader.readTable(
                relationsPath, text: nil, required: [RelationField.source, .target, .type],
                aliases: \.aliases,
                extra: [:], log: &log))
        func build(fast: Bool) -> NetworkBuilder {
            var builder = NetworkBuilder(metadata: NetworkMetadata(name: "t"), vocabulary: .standard)
            builder.decimalComma = actorTable.decimalComma
            if fast {
                builder.addActors(actorTable.records, file: actorsPath)
            } else {
                builder.addActors(actorTable.records.rawRecords, file: actorsPath)
            }
            builder.decimalComma = relationTable.decimalComma
            if fast {
                builder.addRelations(relationTable.records, file: relationsPath)
            } else {
                builder.addRelations(relationTable.records.rawRecords, file: relationsPath)
            }
            return builder
        }
        return (build(fast: true), build(fast: false))
    }

    @Test("tricky relations: the same relations, messages and years either way")
    func fastEqualsGeneral() throws {
        let actors = """
            id,name,type
            g1,Gemeente,gemeente
            p1,Aanbieder,zorgaanbieder
            zorgaanbieder-groot-0001,Groot,zorgaanbieder
            c1,Cliëntenraad,clientorganisatie
            """
        let relations = """
            source,target,type,weight,directed,year,note
            g1,p1,financiering,4.5,,2024,
             g1 ,p1,Financiering,2,,,met spaties
            g1,zorgaanbieder-groot-0001,financiering,10,ja,2023,lange id
            g1,x1,financiering,1,,,onbekend
            ,p1,overleg,,,,
            g1,p1,,3,,,
            g1,p1,onbekendtype,3,,,
            g1,p1,overleg,-2,,,
            g1,p1,overleg,abc,,,
            g1,p1,overleg,1,misschien,,
            g1,g1,overleg,1,,,
            p1,c1,vertegenwoordiging,1e3,nee,2024,
            c1,g1,overleg,0007.50,,twintig,
            zorgaanbieder-groot-0001,c1,contract,+3,true,,
            """
        let (fast, general) = try bothPaths(actors: actors, relations: relations)
        #expect(fast.network.relations == general.network.relations)
        #expect(fast.log.items == general.log.items)
        #expect(fast.secondYear == general.secondYear)
        // Hand-worked: lines 2, 3, 4, 7, 8, 13 and 15 give relations; line 3 trimmed and its
        // type in the canonical spelling; line 12 (a loop) is left out with a warning.
        #expect(fast.network.relations.count == 7)
        #expect(fast.network.relations[1].source == "g1")
        #expect(fast.network.relations[1].type == "financiering")
        #expect(fast.network.relations[2].target == "zorgaanbieder-groot-0001")
        #expect(fast.network.relations.map(\.weight) == [4.5, 2, 10, 3, 3, 1000, 3])
        #expect(fast.log.items.filter { $0.severity == .error }.map(\.line) == [5, 6, 9, 10, 11, 14])
    }

    @Test("Dutch file with decimal commas and a settled thousands dot: the same either way")
    func fastEqualsGeneralDutch() throws {
        let actors = "id;naam;type\ng;Gemeente;gemeente\np;Aanbieder;zorgaanbieder\n"
        let relations =
            "bron;doel;soort;gewicht\ng;p;financiering;1.250\ng;p;financiering;0,6\ng;p;contract;2\n"
        let (fast, general) = try bothPaths(actors: actors, relations: relations)
        #expect(fast.network.relations == general.network.relations)
        #expect(fast.log.items == general.log.items)
        #expect(fast.network.relations.map(\.weight) == [1250, 0.6, 2])
    }

    @Test("thousands of relations checked in blocks: messages in file order, as the general path gives")
    func blocksKeepOrder() throws {
        var actors = "id,name,type\n"
        for k in 0..<300 { actors += "a\(k),Actor \(k),\(k % 3 == 0 ? "gemeente" : "zorgaanbieder")\n" }
        var relations = "source,target,type,weight,year\n"
        var generator = SplitMix64(seed: 7)
        for row in 0..<12_000 {
            let s = Int.random(in: 0..<300, using: &generator)
            let t = Int.random(in: 0..<300, using: &generator)
            // Every 997th row names an unknown actor; every 1,500th a year of its own.
            let target = row % 997 == 0 ? "b\(t)" : "a\(t)"
            let year = row % 1500 == 0 ? "20\(10 + row / 1500)" : "2024"
            relations += "a\(s),\(target),overleg,\(Double(row % 17) + 0.25),\(year)\n"
        }
        let (fast, general) = try bothPaths(actors: actors, relations: relations)
        #expect(fast.network.relations == general.network.relations)
        #expect(fast.log.items == general.log.items)
        #expect(fast.secondYear == general.secondYear)
        let lines = fast.log.items.compactMap(\.line)
        #expect(lines == lines.sorted())
        #expect(fast.log.items.filter { $0.severity == .error }.count == 13)
    }
}
