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
        var scalars = Substring(text).unicodeScalars[...]
        var line = 1
        var delimiter: Character? = nil

        // Excel's "sep=;" hint line.
        if let firstBreak = text.firstIndex(where: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
            ?? Optional(text.endIndex)
        {
            let first = text[..<firstBreak].trimmingCharacters(in: .whitespaces)
            if first.lowercased().hasPrefix("sep="), first.count == 5 {
                delimiter = first.last
                var rest = text[firstBreak...]
                if rest.first == "\r\n" || rest.first == "\n" || rest.first == "\r" {
                    rest = rest.dropFirst()
                }
                scalars = Substring(rest).unicodeScalars[...]
                line = 2
            }
        }
        let chosen = delimiter ?? sniffDelimiter(String(String.UnicodeScalarView(scalars)))
        let rows = try tokenize(scalars, delimiter: chosen.unicodeScalars.first!, firstLine: line)
        guard let headerRow = rows.first else {
            return CSVTable(delimiter: chosen, header: [], headerLine: line, records: [], encoding: encoding)
        }
        return CSVTable(
            delimiter: chosen, header: headerRow.fields.map { $0.trimmingCharacters(in: .whitespaces) },
            headerLine: headerRow.line, records: Array(rows.dropFirst()), encoding: encoding)
    }

    /// Picks the delimiter from the header line: the most frequent of `;`, tab and `,`
    /// outside quotes; `,` when none occurs (a one-column file).
    package static func sniffDelimiter(_ text: String) -> Character {
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

    private static func tokenize(
        _ input: Substring.UnicodeScalarView.SubSequence, delimiter: Unicode.Scalar, firstLine: Int
    ) throws -> [CSVRecord] {
        var records: [CSVRecord] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var line = firstLine
        var recordLine = firstLine
        var inQuotes = false
        var quoteLine = 0
        var fieldStarted = false  // something (even "") was read for the current field
        var afterClosingQuote = false
        var iterator = input.makeIterator()
        var pending: Unicode.Scalar? = nil

        func endField() {
            fields.append(String(field))
            field = String.UnicodeScalarView()
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
        }

        while let c = pending ?? iterator.next() {
            pending = nil
            if inQuotes {
                if c == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" {
                            field.append("\"")
                        } else {
                            inQuotes = false
                            afterClosingQuote = true
                            pending = next
                        }
                    } else {
                        inQuotes = false
                        afterClosingQuote = true
                    }
                } else {
                    if c == "\n" {
                        line += 1
                    } else if c == "\r" {
                        line += 1
                        if let next = iterator.next() {
                            if next == "\n" {
                                field.append("\r")
                                field.append("\n")
                                continue
                            } else {
                                pending = next
                            }
                        }
                    }
                    field.append(c)
                }
                continue
            }
            switch c {
            case delimiter:
                endField()
            case "\n", "\r":
                if c == "\r", let next = iterator.next(), next != "\n" { pending = next }
                endRecord()
                line += 1
                recordLine = line
            case "\"" where !fieldStarted && field.isEmpty:
                inQuotes = true
                quoteLine = line
                fieldStarted = true
            default:
                if afterClosingQuote && (c == " " || c == "\t") { continue }  // spaces after a closing quote
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
