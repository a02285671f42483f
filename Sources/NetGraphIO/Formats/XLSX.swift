import Foundation
import NetGraph
import ZIPFoundation

/// Excel workbooks (Office Open XML) with sheets `actors` and `relations` (and optionally
/// `network`: key/value rows), as Excel and LibreOffice save them: shared strings, inline
/// strings, numbers, booleans, empty cells. ZIP through ZIPFoundation, XML through libxml2's
/// reader (``XMLEvents``: no network, no DTD, no entities); worksheets streamed row by row,
/// and parts above 4 MB read in pieces of whole rows on every core (``XLSXPieces``).
/// 200,000 relations: about 1.7 s, 235 MB.
///
/// Zip-bomb guard: at most `maximumEntries` entries, each at most `maximumEntrySize` bytes
/// uncompressed and at most `maximumRatio` times its compressed size; the sizes are enforced
/// while inflating, not only as declared.
enum XLSXReader {
    static let maximumEntries = 2_000
    static let maximumEntrySize: UInt64 = 256 * 1024 * 1024
    static let maximumRatio: UInt64 = 200

    struct Failure: Error {
        let message: String
        let hint: String
        /// The message in Dutch.
        let messageNL: String
        /// The hint in Dutch.
        let hintNL: String
    }

    static func load(_ path: String) throws -> LoadedNetwork {
        let sheets: [String: [(row: Int, cells: [String])]]
        do { sheets = try readSheets(path) } catch let failure as Failure {
            throw NetworkLoadError([
                Diagnostic(
                    .error, file: path, failure.message, hint: failure.hint, nl: failure.messageNL,
                    hintNL: failure.hintNL)
            ])
        } catch let error as NetworkLoadError {
            throw error
        } catch {
            throw NetworkLoadError([
                Diagnostic(
                    .error, file: path, "The workbook cannot be opened: \(error).",
                    hint: "Save it again from Excel or LibreOffice as .xlsx.",
                    nl: "De werkmap kan niet worden geopend: \(error).",
                    hintNL: "Sla de werkmap opnieuw op als .xlsx vanuit Excel of LibreOffice.")
            ])
        }
        func sheet(_ names: [String]) -> (String, [(row: Int, cells: [String])])? {
            for (name, rows) in sheets where names.contains(Normalize.key(name)) { return (name, rows) }
            return nil
        }
        var log = DiagnosticLog()
        var metadata = NetworkMetadata(
            name: URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent)
        if let (_, rows) = sheet(["network", "netwerk"]) {
            for (_, cells) in rows where cells.count >= 2 { metadata.set(cells[0], cells[1]) }
        }
        guard let (actorSheet, actorRows) = sheet(["actors", "actoren"]),
            let (relationSheet, relationRows) = sheet(["relations", "relaties"])
        else {
            throw NetworkLoadError([
                Diagnostic(
                    .error, file: path,
                    "The workbook needs the sheets \"actors\" and \"relations\" "
                        + "(found: \(sheets.keys.sorted().joined(separator: ", "))).",
                    hint: "Rename the sheets, or export them as actors.csv and relations.csv in a folder.",
                    nl: "De werkmap heeft de werkbladen \"actors\" en \"relations\" nodig "
                        + "(gevonden: \(sheets.keys.sorted().joined(separator: ", "))).",
                    hintNL:
                        "Geef de werkbladen deze namen, "
                        + "of exporteer ze als actors.csv en relations.csv in een map."
                )
            ])
        }
        let actors = records(
            actorRows, file: "\(path) [\(actorSheet)]", required: [ActorField.id, .type],
            extra: metadata.sizeAttribute.map { [.size: [$0]] } ?? [:], log: &log)
        let relations = records(
            relationRows, file: "\(path) [\(relationSheet)]",
            required: [RelationField.source, .target, .type], extra: [:], log: &log)
        var builder = NetworkBuilder(metadata: metadata, vocabulary: .standard)
        builder.addActors(actors, file: "\(path) [\(actorSheet)]")
        builder.addRelations(relations, file: "\(path) [\(relationSheet)]")
        builder.finish(file: path, readFailed: log.hasErrors)
        log.append(contentsOf: builder.log.items)
        if log.hasErrors { throw NetworkLoadError(log.items) }
        return LoadedNetwork(network: builder.network, warnings: log.items, secondYear: builder.secondYear)
    }

    static func records<Field>(
        _ rows: [(row: Int, cells: [String])], file: String, required: [Field], extra: [Field: [String]],
        log: inout DiagnosticLog
    ) -> [RawRecord<Field>]
    where Field: RawRepresentable & CaseIterable & Hashable, Field.RawValue == String {
        guard let header = rows.first else {
            log.error(
                file, nil, "The sheet is empty.", hint: "The first row must name the columns.",
                nl: "Het werkblad is leeg.", hintNL: "De eerste rij moet de kolommen noemen.")
            return []
        }
        let aliases: (Field) -> [String] = { field in
            if let a = field as? ActorField { return a.aliases }
            if let r = field as? RelationField { return r.aliases }
            return [field.rawValue]
        }
        let columns = ColumnMap<Field>(header: header.cells, aliases: aliases, extraAliases: extra)
        for field in required where columns.fields[field] == nil {
            log.error(
                file, header.row, "The required column \"\(field.rawValue)\" is missing.",
                hint: "Add a column \"\(field.rawValue)\" in the first row.",
                nl: "De verplichte kolom \"\(field.rawValue)\" ontbreekt.",
                hintNL: "Voeg in de eerste rij een kolom \"\(field.rawValue)\" toe.")
        }
        guard required.allSatisfy({ columns.fields[$0] != nil }) else { return [] }
        return rows.dropFirst().filter { !$0.cells.allSatisfy(\.isEmpty) }.map { row in
            var record = RawRecord<Field>(line: row.row, values: [:], attributes: [:])
            for (field, index) in columns.fields where index < row.cells.count {
                record.values[field] = row.cells[index]
            }
            for (index, name) in columns.attributes where index < row.cells.count && !row.cells[index].isEmpty
            { record.attributes[name] = row.cells[index] }
            return record
        }
    }

    /// Every worksheet by name, as rows of cell text (row numbers as in the sheet).
    static func readSheets(_ path: String) throws -> [String: [(row: Int, cells: [String])]] {
        let archive: Archive
        do { archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read) } catch {
            throw Failure(
                message: "The file is not a valid .xlsx workbook (not a ZIP archive).",
                hint: "Save it again from Excel or LibreOffice as .xlsx (not .xls).",
                messageNL: "Het bestand is geen geldige .xlsx-werkmap (geen ZIP-archief).",
                hintNL: "Sla het opnieuw op als .xlsx (niet .xls) vanuit Excel of LibreOffice.")
        }
        var count = 0
        for _ in archive {
            count += 1
            if count > maximumEntries {
                throw Failure(
                    message: "The workbook has more than \(maximumEntries) parts.",
                    hint: "This does not look like a spreadsheet; check the file.",
                    messageNL: "De werkmap heeft meer dan \(maximumEntries) onderdelen.",
                    hintNL: "Dit lijkt geen spreadsheet; controleer het bestand.")
            }
        }
        func read(_ name: String) throws -> Data? {
            guard let entry = archive[name] else { return nil }
            let declared = entry.uncompressedSize
            if declared > maximumEntrySize
                || (entry.compressedSize > 0 && declared / max(1, entry.compressedSize) > maximumRatio)
            {
                throw Failure(
                    message:
                        "The workbook part \(name) would unpack to \(declared) bytes "
                        + "(\(entry.compressedSize) compressed): refused as a possible zip bomb.",
                    hint: "Split the data over smaller workbooks or export CSV.",
                    messageNL:
                        "Het onderdeel \(name) van de werkmap zou uitpakken tot \(declared) bytes "
                        + "(\(entry.compressedSize) gecomprimeerd): geweigerd als mogelijke zipbom.",
                    hintNL: "Verdeel de gegevens over kleinere werkmappen of exporteer naar CSV.")
            }
            var data = Data()
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                data.append(chunk)
                if UInt64(data.count) > min(maximumEntrySize, max(declared, 1) * 2) {
                    throw Failure(
                        message:
                            "The workbook part \(name) unpacks to more than it declares: "
                            + "refused as a possible zip bomb.",
                        hint: "Save the workbook again.",
                        messageNL:
                            "Het onderdeel \(name) van de werkmap pakt uit tot meer dan het opgeeft: "
                            + "geweigerd als mogelijke zipbom.",
                        hintNL: "Sla de werkmap opnieuw op.")
                }
            }
            return data
        }
        guard let workbookData = try read("xl/workbook.xml") else {
            throw Failure(
                message: "The workbook has no xl/workbook.xml.",
                hint: "Save it again from Excel or LibreOffice as .xlsx.",
                messageNL: "De werkmap heeft geen xl/workbook.xml.",
                hintNL: "Sla de werkmap opnieuw op als .xlsx vanuit Excel of LibreOffice.")
        }
        let workbook = try xml(workbookData, "xl/workbook.xml")
        let relations = try read("xl/_rels/workbook.xml.rels").map { try xml($0, "workbook.xml.rels") }
        var targets: [String: String] = [:]
        for relation in relations?.all("Relationship") ?? [] {
            if let id = relation.attributes["Id"], let target = relation.attributes["Target"] {
                targets[id] = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            }
        }
        var shared: [String] = []
        if let data = try read("xl/sharedStrings.xml") {
            shared = try xml(data, "sharedStrings.xml").all("si").map(text)
        }
        var result: [String: [(row: Int, cells: [String])]] = [:]
        for sheet in workbook.child("sheets")?.all("sheet") ?? [] {
            guard let name = sheet.attributes["name"],
                let rid = sheet.attributes["r:id"]
                    ?? sheet.attributes.first(where: { $0.key.hasSuffix(":id") })?.value,
                let target = targets[rid], let data = try read(target)
            else { continue }
            result[name] = try rows(data, target, shared: shared)
        }
        return result
    }

    /// The rows of a worksheet part, read in pieces (``XLSXPieces``) on every core by a
    /// streaming reader (``SheetRows``): no element tree, so 200,000 relations need about a
    /// tenth of the memory.
    static func rows(
        _ data: Data, _ name: String, shared: [String], pieceSize: Int = XLSXPieces.pieceSize
    ) throws -> [(row: Int, cells: [String])] {
        try checkPart(data, name)
        let pieces = XLSXPieces.split(data, container: "sheetData", element: "row", pieceSize: pieceSize)
        let results = Parallel.blocks(count: pieces.count, work: Double(data.count) * 4, task: "xlsx") {
            range in
            range.map { k -> Result<[(row: Int?, cells: [String])], Failure> in
                var sheet = SheetRows(shared: shared)
                if let failure = XMLEvents.read(pieces[k].data, { sheet.handle($0) }) {
                    return .failure(
                        malformed(name, line: failure.line.map { pieces[k].lineOffset + $0 }, failure.message)
                    )
                }
                return .success(sheet.rows)
            }
        }.flatMap { $0 }
        var rows: [(row: Int, cells: [String])] = []
        for result in results {
            for row in try result.get() { rows.append((row.row ?? rows.count + 1, row.cells)) }
        }
        return rows
    }

    /// Shortest decimal for a numeric cell ("0.1" for 0.10000000000000001, "350" for 350.0).
    static func number(_ raw: String) -> String {
        guard let value = Double(raw), value.isFinite else { return raw }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return "\(value)"
    }

    /// "AB12" → 27 (zero-based column).
    static func columnIndex(_ reference: String) -> Int {
        var index = 0
        for ch in reference.uppercased() {
            guard let a = ch.asciiValue, a >= 65, a <= 90 else { break }
            index = index * 26 + Int(a - 64)
        }
        return max(0, index - 1)
    }

    /// Text of a <si> or <is> element: its <t>, or the <t> of every rich-text run <r>.
    static func text(_ node: InteropReaders.XMLNode) -> String {
        if let t = node.child("t") { return t.text }
        return node.all("r").compactMap { $0.child("t")?.text }.joined()
    }

    /// Refuses a part that is not UTF-8 or declares a DTD, before any parser sees it.
    static func checkPart(_ data: Data, _ name: String) throws {
        if !InteropReaders.isUTF8WithoutNUL(data) {
            throw Failure(
                message: "The workbook part \(name) is not valid UTF-8 XML.",
                hint: "Save the workbook again from a spreadsheet program.",
                messageNL: "Het onderdeel \(name) van de werkmap is geen geldige UTF-8-XML.",
                hintNL: "Sla de werkmap opnieuw op vanuit een spreadsheetprogramma.")
        }
        if InteropReaders.declaresDTD(data) {
            throw Failure(
                message: "The workbook part \(name) declares a DTD, which netan refuses.",
                hint: "Save the workbook again from a spreadsheet program.",
                messageNL: "Het onderdeel \(name) van de werkmap declareert een DTD; netan weigert die.",
                hintNL: "Sla de werkmap opnieuw op vanuit een spreadsheetprogramma.")
        }
    }

    static func malformed(_ name: String, line: Int?, _ detail: String?) -> Failure {
        let place = [line.map { "line \($0)" }, detail].compactMap { $0 }.joined(separator: ": ")
        let placeNL = [line.map { "regel \($0)" }, detail].compactMap { $0 }.joined(separator: ": ")
        return Failure(
            message: "The workbook part \(name) is not well-formed XML (\(place)).",
            hint: "Save the workbook again from a spreadsheet program.",
            messageNL: "Het onderdeel \(name) van de werkmap is geen goed gevormde XML (\(placeNL)).",
            hintNL: "Sla de werkmap opnieuw op vanuit een spreadsheetprogramma.")
    }

    /// The element tree of a part other than a worksheet (workbook, relations, shared strings).
    static func xml(_ data: Data, _ name: String) throws -> InteropReaders.XMLNode {
        try checkPart(data, name)
        let (root, failure) = InteropReaders.tree(data)
        guard let root else { throw malformed(name, line: failure?.line, failure?.message) }
        return root
    }
}

/// Cuts a large worksheet into well-formed pieces, to read them on every core.
///
/// A part above ``pieceSize`` is cut between two of its repeated elements (`</row>` in
/// `sheetData`), and every piece gets the part's own text before the container's content and
/// after it: each is a complete document with the same root, namespaces and container. `<` is
/// escaped in XML text and attribute values, so an end tag in the bytes is an end tag (a CDATA
/// section or comment holding one would give a piece that fails to parse: an error, never
/// other data).
enum XLSXPieces {
    static let pieceSize = 4 << 20

    /// The part unchanged when small or without the container; otherwise its pieces in order,
    /// with the number of lines before each piece's content that the piece itself lacks.
    static func split(_ data: Data, container: String, element: String, pieceSize: Int = pieceSize) -> [(
        data: Data, lineOffset: Int
    )] {
        guard data.count > pieceSize else { return [(data, 0)] }
        let bytes = [UInt8](data)
        guard let open = startTag(container, in: bytes),
            let close = lastEndTag(container, in: bytes, before: bytes.count),
            open.upperBound <= close.lowerBound
        else { return [(data, 0)] }
        let prefix = bytes[..<open.upperBound]
        let suffix = bytes[close.lowerBound...]
        let prefixLines = prefix.reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
        var pieces: [(data: Data, lineOffset: Int)] = []
        var start = open.upperBound
        var lines = prefixLines
        while start < close.lowerBound {
            var end = close.lowerBound
            if close.lowerBound - start > pieceSize,
                let cut = nextEndTag(element, in: bytes, from: start + pieceSize, before: close.lowerBound)
            {
                end = cut
            }
            var piece = Data(prefix)
            piece.append(contentsOf: bytes[start..<end])
            piece.append(contentsOf: suffix)
            pieces.append((piece, lines - prefixLines))
            lines += bytes[start..<end].reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
            start = end
        }
        return pieces.isEmpty ? [(data, 0)] : pieces
    }

    static func isNameByte(_ b: UInt8) -> Bool {
        (b >= 97 && b <= 122) || (b >= 65 && b <= 90) || (b >= 48 && b <= 57) || b == 95 || b == 45 || b == 46
    }

    /// After `<` or `</` at `i`: an optional `prefix:` and then `name`; the index after the name.
    static func name(_ name: [UInt8], in bytes: [UInt8], at i: Int) -> Int? {
        var j = i
        while j < bytes.count && isNameByte(bytes[j]) { j += 1 }
        if j < bytes.count && bytes[j] == 58 {  // a prefix such as x:
            j += 1
        } else {
            j = i
        }
        guard j + name.count <= bytes.count, bytes[j..<j + name.count].elementsEqual(name) else { return nil }
        let after = j + name.count
        guard after < bytes.count, !isNameByte(bytes[after]), bytes[after] != 58 else { return nil }
        return after
    }

    /// The range of the first start tag `<name ...>` (not self-closing), quotes respected.
    static func startTag(_ container: String, in bytes: [UInt8]) -> Range<Int>? {
        let name = Array(container.utf8)
        var i = 0
        while i < bytes.count {
            if bytes[i] == 60, i + 1 < bytes.count, bytes[i + 1] != 47,
                let after = self.name(name, in: bytes, at: i + 1)
            {
                var j = after
                var quote: UInt8 = 0
                while j < bytes.count {
                    let b = bytes[j]
                    if quote != 0 {
                        if b == quote { quote = 0 }
                    } else if b == 34 || b == 39 {
                        quote = b
                    } else if b == 62 {
                        return bytes[j - 1] == 47 ? nil : i..<j + 1
                    }
                    j += 1
                }
                return nil
            }
            i += 1
        }
        return nil
    }

    /// Whether `</name>` (optionally prefixed, optional spaces before `>`) starts at `i`; its end.
    static func endTag(_ name: [UInt8], in bytes: [UInt8], at i: Int) -> Int? {
        guard bytes[i] == 60, i + 1 < bytes.count, bytes[i + 1] == 47,
            var j = self.name(name, in: bytes, at: i + 2)
        else { return nil }
        while j < bytes.count && (bytes[j] == 32 || bytes[j] == 9 || bytes[j] == 10 || bytes[j] == 13) {
            j += 1
        }
        return j < bytes.count && bytes[j] == 62 ? j + 1 : nil
    }

    static func lastEndTag(_ container: String, in bytes: [UInt8], before limit: Int) -> Range<Int>? {
        let name = Array(container.utf8)
        var i = limit - 1
        while i >= 0 {
            if bytes[i] == 60, let end = endTag(name, in: bytes, at: i) { return i..<end }
            i -= 1
        }
        return nil
    }

    /// The index just after the first `</element>` at or after `from`, before `limit`.
    static func nextEndTag(_ element: String, in bytes: [UInt8], from: Int, before limit: Int) -> Int? {
        let name = Array(element.utf8)
        var i = from
        while i < limit {
            if bytes[i] == 60, let end = endTag(name, in: bytes, at: i), end <= limit { return end }
            i += 1
        }
        return nil
    }
}

/// Reads the rows of a worksheet from libxml2's events (``XMLEvents``, local names: `x:row` is
/// `row`), keeping only cell text: a cell's column from its reference (`r="C7"`) or else its
/// place in the row, shared strings by index, inline strings from their `<t>` (or the `<t>` of
/// every rich-text run, phonetic runs left out), booleans as true/false and numbers in their
/// shortest form.
struct SheetRows {
    let shared: [String]
    /// Rows with the number in their `r` attribute (nil when absent: the caller numbers them).
    var rows: [(row: Int?, cells: [String])] = []

    private var cells: [String] = []
    private var rowNumber: Int?
    private var inRow = false
    private var column = 0
    private var type: String?
    private var value = ""
    private var direct = ""
    private var runs = ""
    private var hasDirect = false
    private var inCell = false
    private var inInline = false
    private var inRun = false
    private var inPhonetic = false
    private var capture: Capture = .none
    private enum Capture { case none, value, direct, run }

    init(shared: [String]) { self.shared = shared }

    /// Takes one event of the worksheet; never fails (libxml2 reports what is malformed).
    mutating func handle(_ event: XMLEvents.Event) -> (message: String, line: Int?)? {
        switch event {
        case .start(let name, let attributes, let empty, _):
            start(name, attributes)
            if empty { end(name) }
        case .end(let name): end(name)
        case .text(let text): characters(text)
        }
        return nil
    }

    private mutating func start(_ name: String, _ attributes: [String: String]) {
        switch name {
        case "row":
            inRow = true
            cells = []
            rowNumber = attributes["r"].flatMap { Int($0) }
        case "c" where inRow:
            inCell = true
            column = attributes["r"].map(XLSXReader.columnIndex) ?? cells.count
            type = attributes["t"]
            value = ""
            direct = ""
            runs = ""
            hasDirect = false
        case "v" where inCell: capture = .value
        case "is" where inCell: inInline = true
        case "r" where inInline: inRun = true
        case "rPh" where inInline: inPhonetic = true
        case "t" where inInline && !inPhonetic:
            if inRun {
                capture = .run
            } else {
                capture = .direct
                hasDirect = true
            }
        default: break
        }
    }

    private mutating func characters(_ string: String) {
        switch capture {
        case .none: break
        case .value: value += string
        case .direct: direct += string
        case .run: runs += string
        }
    }

    private mutating func end(_ name: String) {
        switch name {
        case "v", "t": capture = .none
        case "r": inRun = false
        case "rPh": inPhonetic = false
        case "is": inInline = false
        case "c" where inCell:
            inCell = false
            let text: String
            switch type {
            case "s": text = Int(value).flatMap { $0 >= 0 && $0 < shared.count ? shared[$0] : nil } ?? ""
            case "inlineStr": text = hasDirect ? direct : runs
            case "b": text = value == "1" ? "true" : "false"
            case "str", "e": text = value
            default: text = XLSXReader.number(value)
            }
            while cells.count < column { cells.append("") }
            if cells.count == column { cells.append(text) } else { cells[column] = text }
        case "row" where inRow:
            inRow = false
            rows.append((rowNumber, cells))
        default: break
        }
    }
}

/// Writes a workbook with the sheets `actors`, `relations` and `network`.
enum XLSXWriter {
    static func data(_ network: Network) throws -> Data {
        let table = TabularNetwork(network)
        let metaRows: [[Cell]] =
            [[.text("key"), .text("value")]] + table.metadataRows.map { [.text($0.0), .text($0.1)] }
        let sheets = [("actors", table.actorRows), ("relations", table.relationRows), ("network", metaRows)]
        let sheetOverrides: String = sheets.indices.map { i in
            """
            <Override PartName="/xl/worksheets/sheet\(i + 1).xml" \
            ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
            """
        }.joined()
        let sheetEntries: String = sheets.enumerated().map { i, sheet in
            "<sheet name=\"\(sheet.0)\" sheetId=\"\(i + 1)\" r:id=\"rId\(i + 1)\"/>"
        }.joined()
        let sheetRelationships: String = sheets.indices.map { i in
            """
            <Relationship Id="rId\(i + 1)" \
            Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" \
            Target="worksheets/sheet\(i + 1).xml"/>
            """
        }.joined()
        var files: [(String, String)] = []
        files.append(
            (
                "[Content_Types].xml",
                """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                <Default Extension="rels" \
                ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                <Default Extension="xml" ContentType="application/xml"/>\
                <Override PartName="/xl/workbook.xml" \
                ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
                <Override PartName="/xl/styles.xml" \
                ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
                \(sheetOverrides)</Types>
                """
            ))
        files.append(
            (
                "_rels/.rels",
                """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" \
                Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
                Target="xl/workbook.xml"/></Relationships>
                """
            ))
        files.append(
            (
                "xl/workbook.xml",
                """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
                xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
                <sheets>\(sheetEntries)</sheets></workbook>
                """
            ))
        files.append(
            (
                "xl/_rels/workbook.xml.rels",
                """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                \(sheetRelationships)<Relationship Id="rId\(sheets.count + 1)" \
                Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" \
                Target="styles.xml"/></Relationships>
                """
            ))
        files.append(
            (
                "xl/styles.xml",
                """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
                <fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>\
                <fills count="1"><fill><patternFill patternType="none"/></fill></fills>\
                <borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs>\
                <cellXfs count="1"><xf xfId="0"/></cellXfs>\
                <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
                </styleSheet>
                """
            ))
        for (i, sheet) in sheets.enumerated() {
            var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            xml += "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
            xml += "<sheetData>"
            for (r, row) in sheet.1.enumerated() {
                xml += "<row r=\"\(r + 1)\">"
                for (c, cell) in row.enumerated() {
                    let ref = columnName(c) + String(r + 1)
                    switch cell {
                    case .number(let v): xml += "<c r=\"\(ref)\"><v>\(v)</v></c>"
                    case .text(let s) where s.isEmpty: continue
                    case .text(let s):
                        xml += "<c r=\"\(ref)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">"
                        xml += "\(XMLEscaping.text(s))</t></is></c>"
                    }
                }
                xml += "</row>"
            }
            xml += "</sheetData></worksheet>"
            files.append(("xl/worksheets/sheet\(i + 1).xml", xml))
        }
        let archive = try Archive(data: Data(), accessMode: .create)
        for (name, text) in files {
            let bytes = Data(text.utf8)
            try archive.addEntry(
                with: name, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate
            ) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return archive.data!
    }

    static func columnName(_ index: Int) -> String {
        var i = index + 1
        var name = ""
        while i > 0 {
            let r = (i - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + r))) + name
            i = (i - 1) / 26
        }
        return name
    }
}
