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
        // Nearly every cell is a plain number ("12", "4.5"): read it without the rules below,
        // which give the same value for it under either convention.
        if let plain = plainNumber(raw) { return plain }
        var text = withoutSpaces(raw)
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

    /// What a typed number says about the file's decimal separator.
    enum Evidence: Hashable {
        /// A decimal point: "0.6", "12.5", "3.14159" (a dot not followed by exactly three digits).
        case decimalPoint
        /// A decimal comma or dots grouping thousands: "0,6", "1.234,5", "1.000.000".
        case decimalComma
    }

    /// The convention a value shows, if it shows one; nil for "1250", "1.250" or "1,250"
    /// (whose reading depends on the convention) and for text.
    static func evidence(_ raw: String) -> Evidence? {
        if isDigitsOnly(raw) { return nil }
        let text = withoutSpaces(raw)
        let dots = text.filter { $0 == "." }.count
        let commas = text.filter { $0 == "," }.count
        if dots >= 2 || (dots >= 1 && commas == 1) { return .decimalComma }
        if commas == 1 {
            let after = text.split(separator: ",", omittingEmptySubsequences: false).last ?? ""
            return after.count == 3 ? nil : .decimalComma
        }
        if dots == 1 {
            let after = text.split(separator: ".", omittingEmptySubsequences: false).last ?? ""
            return after.count == 3 && after.allSatisfy(\.isNumber) ? nil : .decimalPoint
        }
        return nil
    }

    /// The two readings of a number whose meaning depends on the convention: "1.250" is 1.25
    /// with a decimal point and 1250 with a thousands dot; "1,250" is 1.25 with a decimal comma
    /// and 1250 with a thousands comma. Nil for any other text.
    static func readings(_ raw: String) -> (small: Double, large: Double, separator: Character)? {
        if isDigitsOnly(raw) { return nil }
        let text = withoutSpaces(raw)
        for separator: Character in [".", ","] {
            let parts = text.split(separator: separator, omittingEmptySubsequences: false)
            guard parts.count == 2, !text.contains(separator == "." ? "," : "."),
                parts[1].count == 3, parts[1].allSatisfy(\.isNumber)
            else { continue }
            var head = Substring(parts[0])
            if head.first == "-" || head.first == "+" { head = head.dropFirst() }
            guard (1...3).contains(head.count), head.allSatisfy(\.isNumber),
                let small = Double(parts[0] + "." + parts[1]), let large = Double(parts[0] + parts[1])
            else { continue }
            return (small, large, separator)
        }
        return nil
    }

    /// The value of a cell made of ASCII digits with at most one dot and an optional leading
    /// sign ("12", "-4.5"); nil for anything else (those go through the full rules).
    private static func plainNumber(_ raw: String) -> Double? {
        var raw = raw
        return raw.withUTF8 { plainNumber($0) }
    }

    /// `bytes` read as a plain number: ASCII digits with at most one decimal point and an
    /// optional leading sign, nothing else; nil for anything else.
    static func plainNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        var dots = 0
        var digits = 0
        var negative = false
        // Clinger's fast path: with at most 2^53 as the digits read as a whole number and at
        // most 22 digits after the point, both that number and the power of ten are exact
        // doubles and one division rounds correctly — the value strtod gives.
        var mantissa: UInt64 = 0
        var exact = true
        var fractionDigits = 0
        for (k, byte) in bytes.enumerated() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                digits += 1
                if dots > 0 { fractionDigits += 1 }
                if exact {
                    mantissa = mantissa &* 10 &+ UInt64(byte &- UInt8(ascii: "0"))
                    if mantissa > 1 << 53 { exact = false }
                }
            case UInt8(ascii: "."): dots += 1
            case UInt8(ascii: "-"), UInt8(ascii: "+"):
                if k != 0 { return nil }
                negative = byte == UInt8(ascii: "-")
            default: return nil
            }
        }
        guard digits > 0, dots <= 1 else { return nil }
        if exact && fractionDigits < powersOfTen.count {
            let value = Double(mantissa) / powersOfTen[fractionDigits]
            return negative ? -value : value
        }
        guard let value = Double(String(decoding: bytes, as: UTF8.self)), value.isFinite else { return nil }
        return value
    }

    /// 10^0 … 10^22, each an exact double.
    private static let powersOfTen: [Double] = (0...22).map { exponent in
        (0..<exponent).reduce(1.0) { value, _ in value * 10 }
    }

    /// Whether `raw` is ASCII digits with an optional leading sign (no separator at all).
    private static func isDigitsOnly(_ raw: String) -> Bool {
        var digits = 0
        for (k, byte) in raw.utf8.enumerated() {
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                digits += 1
            } else if !(k == 0 && (byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+"))) {
                return false
            }
        }
        return digits > 0
    }

    /// `raw` without spaces, including the non-breaking spaces Excel uses to group thousands.
    private static func withoutSpaces(_ raw: String) -> String {
        raw.filter { $0 != " " && $0 != "\u{00A0}" && $0 != "\u{202F}" }
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
        if raw == "true" { return true }
        if raw == "false" { return false }
        return switch raw.trimmedSpaces.lowercased() {
        case "ja", "j", "waar", "true", "yes", "y", "1", "gericht", "directed": true
        case "nee", "n", "onwaar", "false", "no", "0", "ongericht", "undirected": false
        default: nil
        }
    }
}
