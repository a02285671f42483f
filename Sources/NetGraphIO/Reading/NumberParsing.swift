import Foundation
import NetGraph

/// Numbers as people type them in spreadsheets.
enum NumberParsing {
    /// Parses a finite number.
    ///
    /// With `decimalComma` (files separated by `;` or tab, as Dutch Excel writes them) a
    /// comma is the decimal separator and dots group thousands: "1.234,5" = 1234.5,
    /// "0,75" = 0.75. A number with only dots is read with a decimal point ("2.5" = 2.5)
    /// unless it has two or more dot groups of three digits ("1.234.567"). Without
    /// `decimalComma` (`,`-separated files) the decimal separator is `.` and a comma is
    /// not accepted. NaN, infinity, and text are refused (nil). Spaces, including the
    /// non-breaking spaces Excel uses to group thousands, are ignored.
    static func parse(_ raw: String, decimalComma: Bool) -> Double? {
        var text = raw.filter { $0 != " " && $0 != "\u{00A0}" && $0 != "\u{202F}" }
        guard !text.isEmpty else { return nil }
        if decimalComma {
            if text.contains(",") {
                guard text.filter({ $0 == "," }).count == 1 else { return nil }
                let parts = text.split(separator: ",", omittingEmptySubsequences: false)
                guard isGrouped(String(parts[0])) || !parts[0].contains(".") else { return nil }
                text = parts[0].replacingOccurrences(of: ".", with: "") + "." + parts[1]
            } else if text.filter({ $0 == "." }).count >= 2 {
                guard isGrouped(text) else { return nil }
                text = text.replacingOccurrences(of: ".", with: "")
            }
        } else if text.contains(",") {
            return nil
        }
        guard text.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }),
            let value = Double(text), value.isFinite
        else { return nil }
        return value
    }

    /// "1.234" or "-12.345.678": digit groups of three after the first.
    private static func isGrouped(_ text: String) -> Bool {
        var body = Substring(text)
        if body.first == "-" || body.first == "+" { body = body.dropFirst() }
        let groups = body.split(separator: ".", omittingEmptySubsequences: false)
        guard let first = groups.first, (1...3).contains(first.count), first.allSatisfy(\.isNumber) else {
            return false
        }
        return groups.dropFirst().allSatisfy { $0.count == 3 && $0.allSatisfy(\.isNumber) }
    }

    /// Booleans in Dutch and English: ja/nee, j/n, waar/onwaar, true/false, yes/no, y/n, 1/0.
    static func parseBool(_ raw: String) -> Bool? {
        switch raw.trimmingCharacters(in: .whitespaces).lowercased() {
        case "ja", "j", "waar", "true", "yes", "y", "1", "gericht", "directed": true
        case "nee", "n", "onwaar", "false", "no", "0", "ongericht", "undirected": false
        default: nil
        }
    }
}
