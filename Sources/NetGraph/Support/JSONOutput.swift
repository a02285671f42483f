import Foundation

/// JSON text for report objects built from dictionaries and arrays.
///
/// JSON has no NaN or infinity, and `JSONSerialization` throws on them. A measure that was not
/// computed (NaN, e.g. core–periphery coreness above its size limit) or is unbounded is
/// written as `null`, which pandas, R and jq read as missing.
public enum JSONOutput {
    /// Serialises `object` (keys sorted, slashes unescaped; pretty-printed unless `compact`).
    public static func text(_ object: Any, compact: Bool = false) -> String {
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
}
