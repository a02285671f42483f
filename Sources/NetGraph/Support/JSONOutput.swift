import Foundation

/// JSON text for report objects built from dictionaries and arrays.
///
/// JSON has no NaN or infinity, and `JSONSerialization` throws on them. A measure that was not
/// computed (NaN, e.g. core–periphery coreness above its size limit) or is unbounded is
/// written as `null`, which pandas, R and jq read as missing.
public enum JSONOutput {
    /// Serialises `object` (keys sorted, slashes unescaped; pretty-printed unless `compact`).
    ///
    /// The bytes are those `JSONSerialization` writes with `.sortedKeys` and
    /// `.withoutEscapingSlashes` (a test compares them), written directly: sorting keys through
    /// `NSString.compare` took 40% of `netan analyze --format json` on 20,000 actors.
    /// - Complexity: O(size of the output), plus sorting each object's keys.
    public static func text(_ object: Any, compact: Bool = false) -> String {
        var writer = Writer(pretty: !compact)
        writer.value(object, level: 0)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    /// The same through `JSONSerialization` (the reference the fast writer is tested against).
    static func foundationText(_ object: Any, compact: Bool = false) -> String {
        var options: JSONSerialization.WritingOptions = [.sortedKeys, .withoutEscapingSlashes]
        if !compact { options.insert(.prettyPrinted) }
        let clean = sanitized(object)
        guard JSONSerialization.isValidJSONObject(clean),
            let data = try? JSONSerialization.data(withJSONObject: clean, options: options)
        else {
            // A programming error, not bad input.
            preconditionFailure("report object is not serialisable as JSON")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// `object` with every non-finite floating-point number replaced by `NSNull`.
    static func sanitized(_ object: Any) -> Any {
        switch object {
        case is Bool, is Int, is String: return object
        case let value as Double: return value.isFinite ? value : NSNull()
        case let value as Float: return value.isFinite ? Double(value) : NSNull()
        case let dictionary as [String: Any]: return dictionary.mapValues(sanitized)
        case let array as [Any]: return array.map(sanitized)
        default: return object
        }
    }

    /// A JSON writer into bytes: sorted keys, " : " and two-space indentation when pretty, as
    /// Foundation writes them.
    struct Writer {
        let pretty: Bool
        var bytes: [UInt8] = []

        init(pretty: Bool) {
            self.pretty = pretty
            bytes.reserveCapacity(1 << 16)
        }

        mutating func append(_ text: String) { bytes.append(contentsOf: text.utf8) }

        mutating func newline(_ level: Int) {
            guard pretty else { return }
            bytes.append(10)
            bytes.append(contentsOf: repeatElement(32, count: 2 * level))
        }

        mutating func value(_ object: Any, level: Int) {
            // Numbers that came through JSONSerialization or Objective-C are NSNumber, which
            // bridges to Bool and Int alike: tell them apart by their stored type first.
            if type(of: object) is NSNumber.Type, let number = object as? NSNumber {
                switch String(cString: number.objCType) {
                case "c", "B": append(number.boolValue ? "true" : "false")
                case "f", "d": self.number(number.doubleValue)
                default: append(number.stringValue)
                }
                return
            }
            switch object {
            case let value as String: string(value)
            case let value as Bool: append(value ? "true" : "false")
            case let value as Int: append(String(value))
            case let value as Double: number(value)
            case let value as Float: number(Double(value))
            case let value as [String: Any]: dictionary(value, level: level)
            case let value as [Any]: array(value, level: level)
            case is NSNull: append("null")
            case let value as any BinaryInteger: append("\(value)")
            default: preconditionFailure("report object is not serialisable as JSON: \(type(of: object))")
            }
        }

        mutating func number(_ value: Double) {
            guard value.isFinite else { return append("null") }
            var text = value.description
            if text.hasSuffix(".0") { text.removeLast(2) }
            append(text)
        }

        mutating func string(_ value: String) {
            bytes.append(34)
            for unit in value.utf8 {
                switch unit {
                case 34: bytes.append(contentsOf: [92, 34])
                case 92: bytes.append(contentsOf: [92, 92])
                case 10: bytes.append(contentsOf: [92, 110])
                case 13: bytes.append(contentsOf: [92, 114])
                case 9: bytes.append(contentsOf: [92, 116])
                case 8: bytes.append(contentsOf: [92, 98])
                case 12: bytes.append(contentsOf: [92, 102])
                case 0..<32:
                    let hex = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: [92, 117, 48, 48, hex[Int(unit >> 4)], hex[Int(unit & 15)]])
                default: bytes.append(unit)
                }
            }
            bytes.append(34)
        }

        mutating func dictionary(_ value: [String: Any], level: Int) {
            bytes.append(123)
            let keys = order(of: value.keys)
            if keys.isEmpty && pretty {
                newline(level + 1)
                bytes.removeLast(2 * (level + 1))
                newline(level)
            }
            for (k, key) in keys.enumerated() {
                if k > 0 { bytes.append(44) }
                newline(level + 1)
                string(key)
                append(pretty ? " : " : ":")
                self.value(value[key]!, level: level + 1)
            }
            if !keys.isEmpty { newline(level) }
            bytes.append(125)
        }

        /// Foundation's key order (numeric, case-insensitive, in the system locale), computed
        /// once per set of keys: reports repeat the same keys for every actor.
        var orders: [[String]: [String]] = [:]

        mutating func order(of keys: Dictionary<String, Any>.Keys) -> [String] {
            let plain = keys.sorted()
            if let known = orders[plain] { return known }
            let options: String.CompareOptions = [.numeric, .caseInsensitive, .forcedOrdering]
            let sorted = plain.sorted {
                $0.compare(
                    $1, options: options, range: $0.startIndex..<$0.endIndex, locale: Locale(identifier: ""))
                    == .orderedAscending
            }
            orders[plain] = sorted
            return sorted
        }

        mutating func array(_ value: [Any], level: Int) {
            bytes.append(91)
            if value.isEmpty && pretty {
                newline(level + 1)
                bytes.removeLast(2 * (level + 1))
                newline(level)
            }
            for (k, element) in value.enumerated() {
                if k > 0 { bytes.append(44) }
                newline(level + 1)
                self.value(element, level: level + 1)
            }
            if !value.isEmpty { newline(level) }
            bytes.append(93)
        }
    }
}
