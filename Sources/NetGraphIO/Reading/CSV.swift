import Foundation
import NetGraph

/// One record of a delimited text file, with the physical line on which it starts.
package struct CSVRecord: Sendable {
    package var line: Int
    package var fields: [String]
}

/// A delimited text table as spreadsheets export it.
///
/// Why hand-written: the CSV packages available (SwiftCSV, CSV.swift) do not report the
/// physical line of each record — needed for `file:line` messages when quoted fields span
/// lines — nor sniff `;` versus `,` versus tab, nor handle Excel's `sep=` line. This file
/// does only that tokenising; decoding is in `TextDecoding`, numbers in `NumberParsing`.
///
/// Rules (RFC 4180 plus what Excel does): fields separated by the detected delimiter;
/// a field starting with `"` is quoted, `""` inside it is one quote, and it may span
/// lines; records end at LF, CRLF or CR; an optional first line `sep=;` fixes the
/// delimiter; blank lines (also trailing ones) are skipped.
///
/// Storage: the table keeps the file's UTF-8 bytes once, as read, and per field where it
/// starts and ends in them (the unescaped text of a quoted field that needed it is kept
/// apart). No `String` is made while tokenising: a reader asks for the cells it needs
/// (``field(_:_:)``) or looks at their bytes (``bytes(_:_:)``).
package struct CSVTable: Sendable {
    package var delimiter: Character
    package var header: [String]
    /// Line of the header row.
    package var headerLine: Int
    package var encoding: TextEncoding
    /// The text's bytes and where each field and record lies in them.
    private let storage: CSVStorage

    package struct ParseError: Error {
        var line: Int
        var message: String
        var hint: String
        /// The message in Dutch.
        var messageNL: String? = nil
        /// The hint in Dutch.
        var hintNL: String? = nil
    }

    /// Number of records after the header.
    package var count: Int { storage.recordLines.count }

    /// The physical line record `record` starts on.
    package func line(_ record: Int) -> Int { Int(storage.recordLines[record]) }

    /// Number of fields of record `record`.
    package func fieldCount(_ record: Int) -> Int {
        Int(storage.recordFields[record + 1] - storage.recordFields[record])
    }

    /// The text of field `column` of record `record` (which must exist).
    package func field(_ record: Int, _ column: Int) -> String {
        String(decoding: bytes(record, column), as: UTF8.self)
    }

    /// The UTF-8 bytes of field `column` of record `record`, valid as long as this table (or a
    /// copy of it) lives.
    package func bytes(_ record: Int, _ column: Int) -> UnsafeBufferPointer<UInt8> {
        let f = Int(storage.recordFields[record]) + column
        let start = Int(storage.fieldStart[f])
        let end = Int(storage.fieldEnd[f])
        if start & CSVStorage.unescaped != 0 {
            return storage.extra.slice((start & ~CSVStorage.unescaped)..<(end & ~CSVStorage.unescaped))
        }
        return storage.bytes.slice(start..<end)
    }

    /// Every record after the header as a list of strings (for small files and callers that
    /// want all fields).
    package var records: [CSVRecord] {
        (0..<count).map { r in CSVRecord(line: line(r), fields: (0..<fieldCount(r)).map { field(r, $0) }) }
    }

    /// Parses decoded text. - Complexity: O(n) in the length of the text.
    package static func parse(_ text: String, encoding: TextEncoding = .utf8) throws -> CSVTable {
        let owner = ByteOwner()
        var text = text
        text.withUTF8 { owner.buffer.append(contentsOf: $0) }
        return try parse(owner, from: 0, encoding: encoding)
    }

    /// Reads, decodes and parses the file at `path` (see `TextDecoding`): UTF-8 text, the
    /// usual case, is split where it was read, without a copy. Throws `TextDecodingFailure`
    /// for text that cannot be decoded, `ParseError` for an unclosed quote, `FileTooLarge`
    /// above `maximumBytes`, and the file system's error when it cannot be read.
    package static func read(path: String, maximumBytes: Int) throws -> CSVTable {
        let owner = ByteOwner()
        try owner.buffer.appendFile(atPath: path, maximumBytes: maximumBytes)
        switch try owner.buffer.withBuffer({ try TextDecoding.decodeInPlace($0) }) {
        case .utf8(let start, let encoding):
            return try parse(owner, from: start, encoding: encoding)
        case .converted(let text, let encoding):
            return try parse(text, encoding: encoding)
        }
    }

    /// Parses the UTF-8 bytes `owner` holds, from `offset` on.
    private static func parse(_ owner: ByteOwner, from offset: Int, encoding: TextEncoding) throws -> CSVTable
    {
        var start = offset
        var line = 1
        var delimiter: UInt8? = nil
        let all = owner.buffer.slice(0..<owner.buffer.count)
        // Excel's "sep=;" hint line.
        var firstBreak = start
        while firstBreak < all.count && all[firstBreak] != 0x0A && all[firstBreak] != 0x0D { firstBreak += 1 }
        let first = String(decoding: all[start..<firstBreak], as: UTF8.self).trimmedSpaces
        if first.lowercased().hasPrefix("sep="), first.count == 5 {
            guard let hint = first.last?.asciiValue else {
                throw ParseError(
                    line: 1,
                    message: "The first line names the separator \"\(first.last!)\", which netan cannot use.",
                    hint: "Use sep=; or sep=, (or remove the line).",
                    messageNL:
                        "De eerste regel noemt het scheidingsteken \"\(first.last!)\", dat netan niet kan gebruiken.",
                    hintNL: "Gebruik sep=; of sep=, (of verwijder de regel).")
            }
            delimiter = hint
            start = firstBreak
            if start < all.count && all[start] == 0x0D { start += 1 }
            if start < all.count && all[start] == 0x0A && (start == firstBreak || all[start - 1] == 0x0D) {
                start += 1
            }
            line = 2
        }
        let chosen = delimiter ?? sniffDelimiter(UnsafeBufferPointer(rebasing: all[start...]))
        return try tokenize(owner, from: start, delimiter: chosen, firstLine: line, encoding: encoding)
    }

    /// The delimiter of a file whose header line is at the start of `bytes`: the most frequent
    /// of `;`, tab and `,` outside quotes on that line (ties in that order), else `,`.
    static func sniffDelimiter(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt8 {
        var semicolons = 0
        var tabs = 0
        var commas = 0
        var inQuotes = false
        for byte in bytes {
            if byte == UInt8(ascii: "\"") {
                inQuotes.toggle()
                continue
            }
            if inQuotes { continue }
            switch byte {
            case 0x0A, 0x0D: break
            case UInt8(ascii: ";"):
                semicolons += 1
                continue
            case UInt8(ascii: "\t"):
                tabs += 1
                continue
            case UInt8(ascii: ","):
                commas += 1
                continue
            default: continue
            }
            break
        }
        if semicolons == 0 && tabs == 0 && commas == 0 { return UInt8(ascii: ",") }
        if semicolons >= tabs && semicolons >= commas { return UInt8(ascii: ";") }
        return tabs >= commas ? UInt8(ascii: "\t") : UInt8(ascii: ",")
    }

    /// Splits the bytes of `storage` from `start` on into records, in one pass. Every special
    /// character (delimiter, quote, CR, LF, space, tab) is ASCII and never part of a multi-byte
    /// UTF-8 sequence, so reading bytes gives the same fields as reading characters. A field is
    /// recorded as a range of the bytes; a quoted one too when it holds no `""` and nothing
    /// follows its closing quote, else its unescaped text goes to `storage.extra`. The first
    /// record becomes the header.
    private static func tokenize(
        _ owner: ByteOwner, from start: Int, delimiter: UInt8, firstLine: Int, encoding: TextEncoding
    ) throws -> CSVTable {
        let quote = UInt8(ascii: "\"")
        let lf = UInt8(ascii: "\n")
        let cr = UInt8(ascii: "\r")
        let space = UInt8(ascii: " ")
        let tab = UInt8(ascii: "\t")
        let bytes = owner.buffer
        let input = bytes.slice(0..<bytes.count)
        let count = input.count
        guard count < CSVStorage.unescaped else {
            throw ParseError(
                line: firstLine, message: "The file is too large to read (2 GiB or more).",
                hint: "Split the network into several files.",
                messageNL: "Het bestand is te groot om te lezen (2 GiB of meer).",
                hintNL: "Splits het netwerk over meerdere bestanden.")
        }
        // A rough guess of the number of records, so the buffers rarely grow.
        let lineGuess = max(16, (count - start) / 32)
        var fieldStart = RawBuffer<UInt32>(capacity: lineGuess * 4)
        var fieldEnd = RawBuffer<UInt32>(capacity: lineGuess * 4)
        var recordFields = RawBuffer<UInt32>(capacity: lineGuess)
        recordFields.append(0)
        var recordLines = RawBuffer<UInt32>(capacity: lineGuess)
        var extra = RawBuffer<UInt8>(capacity: 0)
        var handedOver = false
        defer {
            if !handedOver {
                for buffer in [fieldStart, fieldEnd, recordFields, recordLines] { buffer.deallocate() }
                extra.deallocate()
            }
        }
        var header: [String] = []
        var headerLine = firstLine
        var line = firstLine
        var recordLine = firstLine
        var headerDone = false
        var scratch: [UInt8] = []
        var k = start

        // Ends the record whose fields start at `recordFields.last`; a record of one empty
        // field without a delimiter is a blank line and is dropped.
        func endRecord() {
            let first = Int(recordFields[recordFields.count - 1])
            let fields = fieldStart.count - first
            if fields == 1 && fieldStart[first] == fieldEnd[first] {
                fieldStart.removeLast()
                fieldEnd.removeLast()
                return
            }
            if !headerDone {
                headerDone = true
                headerLine = recordLine
                header = (first..<fieldStart.count).map { f in
                    let lower = Int(fieldStart[f])
                    let upper = Int(fieldEnd[f])
                    let bytes =
                        lower & CSVStorage.unescaped != 0
                        ? extra.slice((lower & ~CSVStorage.unescaped)..<(upper & ~CSVStorage.unescaped))
                        : UnsafeBufferPointer(rebasing: input[lower..<upper])
                    return String(decoding: bytes, as: UTF8.self).trimmedSpaces
                }
                fieldStart.removeAll()
                fieldEnd.removeAll()
                return
            }
            recordFields.append(UInt32(fieldStart.count))
            recordLines.append(UInt32(recordLine))
        }

        while k < count {
            // At the start of a field.
            if input[k] != quote {
                let fieldFirst = k
                while k < count {
                    let c = input[k]
                    if c == delimiter || c == lf || c == cr { break }
                    k += 1
                }
                fieldStart.append(UInt32(fieldFirst))
                fieldEnd.append(UInt32(k))
            } else {
                let quoteLine = line
                k += 1
                let contentFirst = k
                var plain = true  // no "" inside, nothing after the closing quote
                scratch.removeAll(keepingCapacity: true)
                var closed = false
                while k < count {
                    let c = input[k]
                    k += 1
                    if c == quote {
                        if k < count && input[k] == quote {
                            if plain {
                                plain = false
                                scratch.append(contentsOf: input[contentFirst..<(k - 1)])
                            }
                            scratch.append(quote)
                            k += 1
                            continue
                        }
                        closed = true
                        break
                    }
                    if c == lf {
                        line += 1
                    } else if c == cr {
                        line += 1
                        if k < count && input[k] == lf {
                            if !plain {
                                scratch.append(cr)
                                scratch.append(lf)
                            }
                            k += 1
                            continue
                        }
                    }
                    if !plain { scratch.append(c) }
                }
                guard closed else {
                    throw ParseError(
                        line: quoteLine, message: "A quoted field that starts here is never closed.",
                        hint:
                            "Add the missing closing quote (\"), or double a quote inside the field (\"\").",
                        messageNL:
                            "Een veld tussen aanhalingstekens dat hier begint, wordt nergens afgesloten.",
                        hintNL:
                            "Voeg het ontbrekende afsluitende aanhalingsteken (\") toe, "
                            + "of verdubbel een aanhalingsteken binnen het veld (\"\").")
                }
                let closingQuote = k - 1
                // After the closing quote: spaces and tabs are dropped, anything else is kept.
                while k < count {
                    let c = input[k]
                    if c == delimiter || c == lf || c == cr { break }
                    k += 1
                    if c == space || c == tab { continue }
                    if plain {
                        plain = false
                        scratch.append(contentsOf: input[contentFirst..<closingQuote])
                    }
                    scratch.append(c)
                }
                if plain {
                    fieldStart.append(UInt32(contentFirst))
                    fieldEnd.append(UInt32(closingQuote))
                } else {
                    fieldStart.append(UInt32(extra.count | CSVStorage.unescaped))
                    scratch.withUnsafeBufferPointer { extra.append(contentsOf: $0) }
                    fieldEnd.append(UInt32(extra.count | CSVStorage.unescaped))
                }
            }
            // At a delimiter, a line break or the end.
            guard k < count else { break }
            let c = input[k]
            k += 1
            if c == delimiter {
                if k == count {
                    // A delimiter at the very end: one more, empty, field.
                    fieldStart.append(UInt32(k))
                    fieldEnd.append(UInt32(k))
                }
                continue
            }
            if c == cr && k < count && input[k] == lf { k += 1 }
            endRecord()
            line += 1
            recordLine = line
        }
        if fieldStart.count > Int(recordFields[recordFields.count - 1]) { endRecord() }
        handedOver = true
        let storage = CSVStorage(
            owner: owner, bytes: bytes, extra: extra, fieldStart: fieldStart, fieldEnd: fieldEnd,
            recordFields: recordFields, recordLines: recordLines)
        return CSVTable(
            delimiter: Character(Unicode.Scalar(delimiter)), header: header, headerLine: headerLine,
            encoding: encoding, storage: storage)
    }
}

/// The buffers of a `CSVTable`, in memory allocated here, so that reading a cell is pointer
/// arithmetic with no reference counting and no exclusivity check (blocks of records are read
/// on every core at once). Read-only.
final class CSVStorage: @unchecked Sendable {
    /// Marks a field range in `extra` rather than in `bytes` (files are below 2 GiB).
    static let unescaped = 1 << 31
    /// Owns `bytes`.
    let owner: ByteOwner
    /// The file's bytes as read (after decoding, when it was not UTF-8).
    let bytes: RawBuffer<UInt8>
    /// The unescaped text of quoted fields that needed it.
    let extra: RawBuffer<UInt8>
    /// Per field (all records, in order): first byte and end (exclusive).
    let fieldStart: RawBuffer<UInt32>
    let fieldEnd: RawBuffer<UInt32>
    /// Per record after the header: index of its first field; one more entry at the end.
    let recordFields: RawBuffer<UInt32>
    /// Per record after the header: the physical line it starts on.
    let recordLines: RawBuffer<UInt32>

    /// Takes the buffers (it deallocates all but `bytes`, which `owner` does).
    init(
        owner: ByteOwner, bytes: RawBuffer<UInt8>, extra: RawBuffer<UInt8>, fieldStart: RawBuffer<UInt32>,
        fieldEnd: RawBuffer<UInt32>, recordFields: RawBuffer<UInt32>, recordLines: RawBuffer<UInt32>
    ) {
        self.owner = owner
        self.bytes = bytes
        self.extra = extra
        self.fieldStart = fieldStart
        self.fieldEnd = fieldEnd
        self.recordFields = recordFields
        self.recordLines = recordLines
    }

    deinit {
        extra.deallocate()
        fieldStart.deallocate()
        fieldEnd.deallocate()
        recordFields.deallocate()
        recordLines.deallocate()
    }
}

/// Bytes read from a file or copied from a string, deallocated with their owner.
final class ByteOwner {
    var buffer = RawBuffer<UInt8>(capacity: 0)
    deinit { buffer.deallocate() }
}

/// A growable buffer of plain values in memory it allocates itself; its owner deallocates it
/// (`CSVStorage`). Copies share the memory: only one copy may append.
struct RawBuffer<Element: BitwiseCopyable> {
    private(set) var base: UnsafeMutablePointer<Element>
    fileprivate(set) var count = 0
    fileprivate var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 4)
        base = .allocate(capacity: self.capacity)
    }

    subscript(index: Int) -> Element {
        assert(index >= 0 && index < count)
        return base[index]
    }

    func slice(_ range: Range<Int>) -> UnsafeBufferPointer<Element> {
        UnsafeBufferPointer(start: base + range.lowerBound, count: range.count)
    }

    mutating func append(_ value: Element) {
        if count == capacity { grow(to: count + 1) }
        (base + count).initialize(to: value)
        count += 1
    }

    mutating func append(contentsOf values: UnsafeBufferPointer<Element>) {
        if count + values.count > capacity { grow(to: count + values.count) }
        if let source = values.baseAddress { (base + count).initialize(from: source, count: values.count) }
        count += values.count
    }

    mutating func removeLast() { count -= 1 }

    mutating func removeAll() { count = 0 }

    fileprivate mutating func grow(to needed: Int) {
        let newCapacity = max(needed, capacity * 2)
        let newBase = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        newBase.moveInitialize(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    func deallocate() { base.deallocate() }

    /// Calls `body` with the elements.
    func withBuffer<T>(_ body: (UnsafeBufferPointer<Element>) throws -> T) rethrows -> T {
        try body(UnsafeBufferPointer(start: base, count: count))
    }
}

extension RawBuffer where Element == UInt8 {
    /// Appends the contents of the file at `path`, read with the system's `read`. Throws
    /// `FileTooLarge` above `maximumBytes` before reading, and the system's error when the
    /// file cannot be opened or read.
    mutating func appendFile(atPath path: String, maximumBytes: Int) throws {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw CocoaError(.fileReadNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        defer { close(descriptor) }
        var status = stat()
        if fstat(descriptor, &status) == 0 {
            guard Int(status.st_size) <= maximumBytes else { throw FileTooLarge() }
            if count + Int(status.st_size) + 1 > capacity { grow(to: count + Int(status.st_size) + 1) }
        }
        while true {
            if count == capacity { grow(to: count + 65536) }
            let got = read(descriptor, base + count, capacity - count)
            if got < 0 {
                if errno == EINTR { continue }
                throw CocoaError(.fileReadUnknown, userInfo: [NSFilePathErrorKey: path])
            }
            if got == 0 { break }
            count += got
            guard count <= maximumBytes else { throw FileTooLarge() }
        }
    }
}

/// A file above the size limit.
struct FileTooLarge: Error {}
