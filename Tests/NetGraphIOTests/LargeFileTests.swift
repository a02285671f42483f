import Foundation
import TestSupport
import Testing
import ZIPFoundation

@testable import NetGraph
@testable import NetGraphIO

/// Large workbooks and XML files (issue 20): Foundation's XML parser on Linux gives up on any
/// document above 10,000,000 bytes, so worksheets are read in pieces by a streaming reader and
/// GraphML and GEXF through libxml2's own reader. The pieces must give the rows the whole part
/// gives, with line numbers of the whole part in errors; files above 10 MB must read back.
@Suite("Reading large workbooks and XML files")
struct LargeFileTests {
    /// 2,000 actors and `relations` relations of two types, half directed, with weights.
    static func largeNetwork(relations: Int = 40_000) -> Network {
        var network = Network(metadata: NetworkMetadata(name: "groot"))
        let n = 2_000
        for i in 0..<n { network.add(Actor(id: "zorgaanbieder-\(i)", type: "zorgaanbieder")) }
        var rng = SplitMix64(seed: 4)
        for k in 0..<relations {
            let a = Int(rng.next(below: UInt64(n)))
            let b = (a + 1 + Int(rng.next(below: UInt64(n - 1)))) % n
            network.add(
                Relation(
                    source: "zorgaanbieder-\(a)", target: "zorgaanbieder-\(b)",
                    type: k % 2 == 0 ? "contract" : "overleg", weight: Double(k % 7 + 1), directed: k % 2 == 0
                ))
        }
        return network
    }

    static func expectSameRelations(_ back: Network, _ network: Network) {
        #expect(back.actors.map(\.id) == network.actors.map(\.id))
        #expect(back.relations.count == network.relations.count)
        for (a, b) in zip(back.relations, network.relations) {
            #expect(
                a.source == b.source && a.target == b.target && a.type == b.type && a.weight == b.weight
                    && a.directed == b.directed)
        }
    }

    /// A worksheet in the `x:` prefix some generators use, a `>` inside a quoted attribute of
    /// the container, shared strings, inline and rich-text strings (the phonetic run left out),
    /// booleans, numbers, a cell without a reference, an empty row and text after the rows.
    let sheet = """
        <?xml version="1.0" encoding="UTF-8"?>
        <x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
        <x:sheetData note="a > b">
        <x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c></x:row>
        <x:row r="2"><x:c r="A2" t="inlineStr"><x:is><x:t>gemeente &amp; regio</x:t></x:is></x:c>\
        <x:c r="C2"><x:v>0.10000000000000001</x:v></x:c></x:row>
        <x:row r="3"><x:c r="A3" t="inlineStr"><x:is><x:r><x:t>Zorg</x:t></x:r><x:r><x:t>Groep</x:t></x:r>\
        <x:rPh><x:t>ignored</x:t></x:rPh></x:is></x:c><x:c t="b"><x:v>1</x:v></x:c></x:row>
        <x:row r="5"/>
        <x:row r="6"><x:c r="B6" t="str"><x:v>=1+1</x:v></x:c><x:c r="D6"><x:v>350</x:v></x:c></x:row>
        </x:sheetData>
        <x:pageMargins left="0.7"/>
        </x:worksheet>
        """

    @Test("pieces of any size give the rows the whole part gives")
    func piecesEqualWhole() throws {
        let data = Data(sheet.utf8)
        let shared = ["id", "type"]
        let whole = try XLSXReader.rows(data, "sheet1.xml", shared: shared)
        #expect(whole.map(\.row) == [1, 2, 3, 5, 6])
        #expect(whole[0].cells == ["id", "type"])
        #expect(whole[1].cells == ["gemeente & regio", "", "0.1"])
        #expect(whole[2].cells == ["ZorgGroep", "true"])
        #expect(whole[3].cells.isEmpty)
        #expect(whole[4].cells == ["", "=1+1", "", "350"])
        for size in [1, 40, 100, 200] {
            let pieces = XLSXPieces.split(data, container: "sheetData", element: "row", pieceSize: size)
            #expect(pieces.count > 1)
            let rows = try XLSXReader.rows(data, "sheet1.xml", shared: shared, pieceSize: size)
            #expect(rows.map(\.row) == whole.map(\.row) && rows.map(\.cells) == whole.map(\.cells))
        }
    }

    @Test("a malformed row in a later piece is reported at its line in the whole part")
    func errorLine() throws {
        var lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#,
        ]
        for r in 1...50 { lines.append(#"<row r="\#(r)"><c r="A\#(r)"><v>\#(r)</v></c></row>"#) }
        lines[41] = #"<row r="40"><c r="A40" t="str"><v>a & b</v></c></row>"#  // line 42: a bare &
        lines.append("</sheetData></worksheet>")
        let data = Data(lines.joined(separator: "\n").utf8)
        #expect(XLSXPieces.split(data, container: "sheetData", element: "row", pieceSize: 300).count > 3)
        for size in [300, 1 << 20] {
            do {
                _ = try XLSXReader.rows(data, "sheet1.xml", shared: [], pieceSize: size)
                Issue.record("a malformed sheet was read")
            } catch let failure as XLSXReader.Failure {
                // libxml2 names the line of the bad `&`, numbered as in the whole part.
                #expect(failure.message.contains("(line 42:"), "\(failure.message)")
            }
        }
    }

    @Test("a workbook whose relations sheet is above 10 MB is read back whole")
    func aboveTenMegabytes() throws {
        let network = Self.largeNetwork()
        let folder = TemporaryFolder()
        let path = folder.url.appendingPathComponent("groot.xlsx").path
        try NetworkWriter.write(network, to: path, format: .xlsx)
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        let sizes = archive.filter { $0.path.hasPrefix("xl/worksheets/") }.map(\.uncompressedSize)
        #expect(sizes.max()! > 10_000_000)
        Self.expectSameRelations(try NetworkLoader.load(path: path).network, network)
    }

    @Test(
        "GraphML and GEXF files above 10 MB are read back whole", arguments: [NetworkFormat.graphml, .gexf])
    func xmlAboveTenMegabytes(format: NetworkFormat) throws {
        let network = Self.largeNetwork(relations: 65_000)
        let folder = TemporaryFolder()
        let path = folder.url.appendingPathComponent("groot.\(format == .gexf ? "gexf" : "graphml")").path
        try NetworkWriter.write(network, to: path, format: format)
        let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as! Int
        #expect(size > 10_000_000)
        let back = try NetworkLoader.load(path: path, format: format).network
        #expect(back.actors.map(\.id) == network.actors.map(\.id))
        #expect(back.relations.count == network.relations.count)
        #expect(
            zip(back.relations, network.relations).allSatisfy {
                $0.source == $1.source && $0.target == $1.target
            })
    }

    @Test("a DTD is refused wherever it is, and errors name libxml2's line")
    func xmlRefusals() throws {
        let folder = TemporaryFolder()
        // A document type after 70 KB of comments: past the check of the file's head.
        let comments = String(
            repeating: "<!-- padding padding padding padding padding padding -->\n", count: 1_300)
        let late = folder.write(
            "late.graphml",
            #"<?xml version="1.0"?>"# + "\n" + comments
                + #"<!DOCTYPE graphml [<!ENTITY a "aaaa">]><graphml><graph edgedefault="undirected">"#
                + #"<node id="&a;"/></graph></graphml>"#)
        do {
            _ = try NetworkLoader.load(path: late)
            Issue.record("a DTD was accepted")
        } catch let error as NetworkLoadError {
            #expect(error.errors.first?.message.contains("DTD") == true, "\(error.errors)")
        }
        let broken = folder.write(
            "broken.graphml",
            """
            <?xml version="1.0"?>
            <graphml><graph edgedefault="undirected">
            <node id="a"/>
            <node id="b"></nod>
            </graph></graphml>
            """)
        do {
            _ = try NetworkLoader.load(path: broken)
            Issue.record("a malformed file was accepted")
        } catch let error as NetworkLoadError {
            #expect(error.errors.first?.line == 4, "\(error.errors)")
            #expect(error.errors.first?.message.contains("malformed") == true)
        }
    }
}
