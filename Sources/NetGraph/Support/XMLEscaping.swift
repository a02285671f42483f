import Foundation

/// Escaping for XML text and attribute values: `&`, `<`, `>`, `"`, `'`; control characters
/// that XML 1.0 forbids are dropped; a line break becomes `lineBreak` (a character reference by
/// default, `<br/>` in Graphviz HTML-like labels).
package enum XMLEscaping {
    package static func text(_ s: String, lineBreak: String = "&#10;") -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n": out += lineBreak
            case "\r": out += lineBreak == "&#10;" ? "&#13;" : ""
            case "\t": out += "&#9;"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
