import Foundation
import NetGraph

/// The encodings netan recognises in text files exported by spreadsheets.
public enum TextEncoding: String, Sendable {
    case utf8 = "UTF-8"
    case utf8WithBOM = "UTF-8 with BOM"
    case utf16LittleEndian = "UTF-16LE"
    case utf16BigEndian = "UTF-16BE"
    case windows1252 = "Windows-1252"
}

/// Why bytes could not be read as text.
struct TextDecodingFailure: Error {
    var message: String
    var hint: String
    var line: Int?
    /// The message in Dutch.
    var messageNL: String? = nil
    /// The hint in Dutch.
    var hintNL: String? = nil
}

/// Decodes spreadsheet exports: UTF-8 with or without BOM, UTF-16 with BOM (Excel's
/// "Unicode text"), and Windows-1252 from older Excel versions.
///
/// Windows-1252 is recognised when the bytes are not valid UTF-8 and use none of the five
/// byte values Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D); ISO-8859-1
/// text is read the same way, since it differs only in the C1 control range that text
/// files do not use. Anything else, and anything with NUL bytes, is refused.
enum TextDecoding {
    /// What `decodeInPlace(_:)` found.
    enum Decoded {
        /// UTF-8 text (with or without a byte-order mark) starting at `start`.
        case utf8(start: Int, encoding: TextEncoding)
        /// Text in another encoding, converted.
        case converted(String, TextEncoding)
    }

    /// Decodes bytes read from a file as `decode(_:)` does, without copying them when they
    /// are UTF-8 (nearly always): then it only checks them.
    static func decodeInPlace(_ bytes: UnsafeBufferPointer<UInt8>) throws -> Decoded {
        let bom = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        let utf16 =
            bytes.count >= 2
            && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF))
        if !utf16, let base = bytes.baseAddress, memchr(base, 0, bytes.count) == nil,
            isValidUTF8(UnsafeBufferPointer(rebasing: bytes[(bom ? 3 : 0)...]))
        {
            return .utf8(start: bom ? 3 : 0, encoding: bom ? .utf8WithBOM : .utf8)
        }
        if bytes.isEmpty { return .utf8(start: 0, encoding: .utf8) }
        let (text, encoding) = try decode(Data(buffer: bytes))
        return .converted(text, encoding)
    }

    /// Whether `bytes` are well-formed UTF-8 (The Unicode Standard, table 3-7: no overlong
    /// forms, no surrogates, nothing above U+10FFFF). ASCII runs are checked eight bytes at a
    /// time. - Complexity: O(n).
    static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let n = bytes.count
        var i = 0
        while i < n {
            while i + 8 <= n
                && UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0
            {
                i += 8
            }
            guard i < n else { break }
            let b = base[i]
            if b < 0x80 {
                i += 1
                continue
            }
            func continuation(_ k: Int) -> Bool { i + k < n && base[i + k] & 0xC0 == 0x80 }
            switch b {
            case 0xC2...0xDF:
                guard continuation(1) else { return false }
                i += 2
            case 0xE0...0xEF:
                guard i + 2 < n else { return false }
                let second = base[i + 1]
                let lower: UInt8 = b == 0xE0 ? 0xA0 : 0x80
                let upper: UInt8 = b == 0xED ? 0x9F : 0xBF
                guard second >= lower && second <= upper && continuation(2) else { return false }
                i += 3
            case 0xF0...0xF4:
                guard i + 3 < n else { return false }
                let second = base[i + 1]
                let lower: UInt8 = b == 0xF0 ? 0x90 : 0x80
                let upper: UInt8 = b == 0xF4 ? 0x8F : 0xBF
                guard second >= lower && second <= upper && continuation(2) && continuation(3) else {
                    return false
                }
                i += 4
            default:
                return false
            }
        }
        return true
    }

    static func decode(_ data: Data) throws -> (text: String, encoding: TextEncoding) {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            guard let text = String(validating: bytes.dropFirst(3), as: UTF8.self) else {
                throw failure(
                    bytes, offset: firstInvalidUTF8(bytes, from: 3),
                    "the file starts with a UTF-8 byte-order mark but is not valid UTF-8",
                    "het bestand begint met een UTF-8-bytevolgordemarkering (BOM), maar is geen geldige UTF-8"
                )
            }
            return (text, .utf8WithBOM)
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let little = bytes[0] == 0xFF
            guard
                let text = String(
                    data: data.dropFirst(2), encoding: little ? .utf16LittleEndian : .utf16BigEndian)
            else {
                throw TextDecodingFailure(
                    message: "The file has a UTF-16 byte-order mark but is not valid UTF-16.",
                    hint: "Save it again as \"CSV UTF-8\".",
                    messageNL:
                        "Het bestand heeft een UTF-16-bytevolgordemarkering (BOM), "
                        + "maar is geen geldige UTF-16.",
                    hintNL: "Sla het opnieuw op als \"CSV UTF-8\".")
            }
            return (text, little ? .utf16LittleEndian : .utf16BigEndian)
        }
        if let nul = bytes.firstIndex(of: 0) {
            throw TextDecodingFailure(
                message: "The file holds binary data (a NUL byte), not text.",
                hint: "Export the sheet as CSV (UTF-8); an .xlsx workbook is read with its own reader.",
                line: lineNumber(bytes, at: nul),
                messageNL: "Het bestand bevat binaire gegevens (een NUL-byte), geen tekst.",
                hintNL:
                    "Exporteer het werkblad als CSV (UTF-8); "
                    + "een .xlsx-werkmap wordt met een eigen lezer gelezen.")
        }
        if let text = String(validating: bytes, as: UTF8.self) {
            return (text, .utf8)
        }
        let undefined: Set<UInt8> = [0x81, 0x8D, 0x8F, 0x90, 0x9D]
        if let bad = bytes.firstIndex(where: { undefined.contains($0) }) {
            throw failure(
                bytes, offset: bad,
                "the file is neither UTF-8 nor Windows-1252 "
                    + "(byte 0x\(String(bytes[bad], radix: 16, uppercase: true)))",
                "het bestand is geen UTF-8 en ook geen Windows-1252 "
                    + "(byte 0x\(String(bytes[bad], radix: 16, uppercase: true)))"
            )
        }
        return (String(decoding: bytes.map(windows1252ToUnicode), as: UTF32.self).precomposed, .windows1252)
    }

    private static func failure(
        _ bytes: [UInt8], offset: Int, _ what: String, _ whatNL: String
    ) -> TextDecodingFailure {
        TextDecodingFailure(
            message: "Cannot read the text: \(what).",
            hint: "Open the file in a spreadsheet and save it as \"CSV UTF-8\".",
            line: lineNumber(bytes, at: offset),
            messageNL: "De tekst kan niet worden gelezen: \(whatNL).",
            hintNL: "Open het bestand in een spreadsheetprogramma en sla het op als \"CSV UTF-8\".")
    }

    private static func firstInvalidUTF8(_ bytes: [UInt8], from start: Int) -> Int {
        var i = start
        while i < bytes.count {
            let b = bytes[i]
            let length = b < 0x80 ? 1 : b >> 5 == 0b110 ? 2 : b >> 4 == 0b1110 ? 3 : b >> 3 == 0b11110 ? 4 : 0
            if length == 0 || i + length > bytes.count { return i }
            if length > 1 && !bytes[(i + 1)..<(i + length)].allSatisfy({ $0 & 0xC0 == 0x80 }) { return i }
            i += length
        }
        return bytes.count - 1
    }

    private static func lineNumber(_ bytes: [UInt8], at offset: Int) -> Int {
        1 + bytes[..<min(offset, bytes.count)].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    }

    /// Windows-1252 byte → Unicode scalar value. 0x80–0x9F differ from Latin-1.
    static func windows1252ToUnicode(_ byte: UInt8) -> UInt32 {
        let high: [UInt32] = [
            0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
            0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
            0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
            0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
        ]
        return (0x80...0x9F).contains(byte) ? high[Int(byte) - 0x80] : UInt32(byte)
    }
}

extension String {
    /// Canonical composition (NFC), so "é" typed two ways compares equal.
    var precomposed: String { precomposedStringWithCanonicalMapping }
}
