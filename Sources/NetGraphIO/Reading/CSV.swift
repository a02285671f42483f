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
package struct CSVTable: Sendable {
    package var delimiter: Character
    package var header: [String]
    /// Line of the header row.
    package var headerLine: Int
    package var records: [CSVRecord]
    package var encoding: TextEncoding

    package struct ParseError: Error {
        var line: Int
        var message: String
        var hint: String
        /// The message in Dutch.
        var messageNL: String? = nil
        /// The hint in Dutch.
        var hintNL: String? = nil
    }

    /// Parses decoded text. - Complexity: O(n) in the length of the text.
    package static func parse(_ text: String, encoding: TextEncoding = .utf8) throws -> CSVTable {
        var body = Substring(text)
        var line = 1
        var delimiter: Character? = nil

        // Excel's "sep=;" hint line.
        if let firstBreak = text.firstIndex(where: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
            ?? Optional(text.endIndex)
        {
            let first = String(text[..<firstBreak]).trimmedSpaces
            if first.lowercased().hasPrefix("sep="), first.count == 5 {
                delimiter = first.last
                var rest = text[firstBreak...]
                if rest.first == "\r\n" || rest.first == "\n" || rest.first == "\r" {
                    rest = rest.dropFirst()
                }
                body = rest
                line = 2
            }
        }
        let chosen = delimiter ?? sniffDelimiter(body)
        let rows = try body.withUTF8 {
            try tokenize(bytes: $0, delimiter: UInt8(chosen.unicodeScalars.first!.value), firstLine: line)
        }
        guard let headerRow = rows.first else {
            return CSVTable(delimiter: chosen, header: [], headerLine: line, records: [], encoding: encoding)
        }
        return CSVTable(
            delimiter: chosen, header: headerRow.fields.map { $0.trimmedSpaces },
            headerLine: headerRow.line, records: Array(rows.dropFirst()), encoding: encoding)
    }

    package static func sniffDelimiter(_ text: some StringProtocol) -> Character {
        var counts: [Character: Int] = [";": 0, "\t": 0, ",": 0]
        var inQuotes = false
        for ch in text {
            if ch == "\"" {
                inQuotes.toggle()
                continue
            }
            if !inQuotes && (ch == "\n" || ch == "\r" || ch == "\r\n") { break }
            if !inQuotes, counts[ch] != nil { counts[ch]! += 1 }
        }
        let order: [Character] = [";", "\t", ","]
        let best = order.max {
            counts[$0]! < counts[$1]!
                || (counts[$0]! == counts[$1]! && order.firstIndex(of: $0)! > order.firstIndex(of: $1)!)
        }!
        return counts[best]! > 0 ? best : ","
    }

    /// Splits CSV text into records, one pass over its UTF-8 bytes. Every special character
    /// (delimiter, quote, CR, LF, space, tab) is ASCII and never part of a multi-byte UTF-8
    /// sequence, so reading bytes gives the same fields as reading characters; each field
    /// becomes one `String` at its end.
    private static func tokenize(
        bytes: UnsafeBufferPointer<UInt8>, delimiter: UInt8, firstLine: Int
    ) throws -> [CSVRecord] {
        let quote = UInt8(ascii: "\"")
        let lf = UInt8(ascii: "\n")
        let cr = UInt8(ascii: "\r")
        let space = UInt8(ascii: " ")
        let tab = UInt8(ascii: "\t")
        var records: [CSVRecord] = []
        var fields: [String] = []
        var field: [UInt8] = []
        field.reserveCapacity(64)
        var line = firstLine
        var recordLine = firstLine
        var inQuotes = false
        var quoteLine = 0
        var fieldStarted = false  // something (even "") was read for the current field
        var afterClosingQuote = false
        var k = 0
        let count = bytes.count

        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            fieldStarted = false
            afterClosingQuote = false
        }
        func endRecord() {
            endField()
            // A line with only empty fields and no delimiter is a blank line: skip it.
            if !(fields.count == 1 && fields[0].isEmpty) {
                records.append(CSVRecord(line: recordLine, fields: fields))
            }
            fields = []
            fields.reserveCapacity(8)
        }

        while k < count {
            let c = bytes[k]
            k += 1
            if inQuotes {
                if c == quote {
                    if k < count && bytes[k] == quote {
                        field.append(quote)
                        k += 1
                    } else {
                        inQuotes = false
                        afterClosingQuote = true
                    }
                } else {
                    if c == lf {
                        line += 1
                    } else if c == cr {
                        line += 1
                        if k < count && bytes[k] == lf {
                            field.append(cr)
                            field.append(lf)
                            k += 1
                            continue
                        }
                    }
                    field.append(c)
                }
                continue
            }
            switch c {
            case delimiter:
                endField()
            case lf, cr:
                if c == cr && k < count && bytes[k] == lf { k += 1 }
                endRecord()
                line += 1
                recordLine = line
            case quote where !fieldStarted && field.isEmpty:
                inQuotes = true
                quoteLine = line
                fieldStarted = true
            default:
                if afterClosingQuote && (c == space || c == tab) { continue }  // spaces after a closing quote
                field.append(c)
                fieldStarted = true
            }
        }
        if inQuotes {
            throw ParseError(
                line: quoteLine, message: "A quoted field that starts here is never closed.",
                hint: "Add the missing closing quote (\"), or double a quote inside the field (\"\").",
                messageNL: "Een veld tussen aanhalingstekens dat hier begint, wordt nergens afgesloten.",
                hintNL:
                    "Voeg het ontbrekende afsluitende aanhalingsteken (\") toe, "
                    + "of verdubbel een aanhalingsteken binnen het veld (\"\").")
        }
        if fieldStarted || !field.isEmpty || !fields.isEmpty { endRecord() }
        return records
    }
}
