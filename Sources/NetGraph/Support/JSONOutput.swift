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

    /// Serialises a typed value: the same bytes as ``text(_:compact:)`` writes for its
    /// ``JSONValue/anyObject``, without a dynamic cast per value (casting `Any` took half of
    /// `netan flags --format json` on 20,000 actors, 17 MB of text).
    /// - Complexity: O(size of the output), plus ordering each distinct set of keys once.
    public static func text(_ value: JSONValue, compact: Bool = false) -> String {
        var writer = Writer(pretty: !compact)
        writer.write(value, level: 0)
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
        case let value as JSONValue: return sanitized(value.anyObject)
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
            case let value as JSONValue: write(value, level: level)
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
            let keys = order(of: value.keys)
            container(123, 125, count: keys.count, level: level) { writer, k in
                writer.member(keys[k])
                writer.value(value[keys[k]]!, level: level + 1)
            }
        }

        /// `open`, then `count` elements each on its own line (pretty) separated by commas,
        /// then `close`; an empty container pretty-printed as Foundation writes it (the
        /// opening line, the closing bracket on the next).
        mutating func container(
            _ open: UInt8, _ close: UInt8, count: Int, level: Int, _ element: (inout Writer, Int) -> Void
        ) {
            bytes.append(open)
            if count == 0 && pretty {
                newline(level + 1)
                bytes.removeLast(2 * (level + 1))
                newline(level)
            }
            for k in 0..<count {
                if k > 0 { bytes.append(44) }
                newline(level + 1)
                element(&self, k)
            }
            if count > 0 { newline(level) }
            bytes.append(close)
        }

        /// An object member's key and separator.
        mutating func member(_ key: String) {
            string(key)
            append(pretty ? " : " : ":")
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

        mutating func write(_ value: JSONValue, level: Int) {
            switch value {
            case .null: append("null")
            case .bool(let flag): append(flag ? "true" : "false")
            case .int(let integer): append(String(integer))
            case .number(let number): self.number(number)
            case .string(let text): string(text)
            case .array(let elements):
                container(91, 93, count: elements.count, level: level) { writer, k in
                    writer.write(elements[k], level: level + 1)
                }
            case .object(let members):
                let order = order(of: members)
                container(123, 125, count: order.count, level: level) { writer, k in
                    writer.member(members[order[k]].key)
                    writer.write(members[order[k]].value, level: level + 1)
                }
            }
        }

        /// The typed objects' key orders seen so far: (keys in the order given, the order to
        /// write them). Reports build the same few kinds of object thousands of times, so a
        /// short linear search finds the order without hashing or sorting.
        var typedOrders: [(keys: [String], order: [Int])] = []

        mutating func order(of members: [(key: String, value: JSONValue)]) -> [Int] {
            for known in typedOrders.reversed() where known.keys.count == members.count {
                if zip(known.keys, members).allSatisfy({ $0 == $1.key }) { return known.order }
            }
            let keys = members.map(\.key)
            let sorted = order(
                of: Dictionary(keys.map { ($0, 0 as Any) }, uniquingKeysWith: { a, _ in a }).keys)
            let position = Dictionary(keys.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
            let order = sorted.map { position[$0]! }
            if typedOrders.count == 32 { typedOrders.removeFirst() }
            typedOrders.append((keys, order))
            return order
        }

        mutating func array(_ value: [Any], level: Int) {
            container(91, 93, count: value.count, level: level) { writer, k in
                writer.value(value[k], level: level + 1)
            }
        }
    }
}

/// A JSON value whose type is known when it is built (see ``JSONOutput/text(_:compact:)-(JSONValue,_)``).
///
/// An object keeps its members in the order given; the writer orders keys as Foundation does.
/// A key given twice is written once, with its first value (as a dictionary would keep one).
public indirect enum JSONValue: Sendable {
    case null
    case bool(Bool)
    case int(Int)
    /// Written as `null` when not finite (JSON has no NaN or infinity).
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(key: String, value: JSONValue)])

    /// A number, or `null` for nil.
    public static func number(_ value: Double?) -> JSONValue { value.map { .number($0) } ?? .null }
    /// A string, or `null` for nil.
    public static func string(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }
    /// An array of strings.
    public static func strings(_ values: [String]) -> JSONValue { .array(values.map { .string($0) }) }

    /// The same value as Foundation objects (`[String: Any]`, `[Any]`, `NSNull`, numbers,
    /// strings): for merging into an `Any`-built report and for the `JSONSerialization` check.
    public var anyObject: Any {
        switch self {
        case .null: return NSNull()
        case .bool(let flag): return flag
        case .int(let integer): return integer
        case .number(let number): return number.isFinite ? number as Any : NSNull()
        case .string(let text): return text
        case .array(let elements): return elements.map(\.anyObject)
        case .object(let members):
            return Dictionary(members.map { ($0.key, $0.value.anyObject) }, uniquingKeysWith: { a, _ in a })
        }
    }
}
