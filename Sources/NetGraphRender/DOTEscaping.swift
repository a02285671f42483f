import NetGraph
import NetGraphIO

/// Escaping of text that goes into DOT source.
public enum DOTEscaping {
    /// Body of a double-quoted DOT string used as an *escString* (label, xlabel, tooltip,
    /// title): `\` is doubled so that `\N`, `\G`, `\L` and `\n` in a name come out literally,
    /// `"` is escaped, and a line break in the text becomes `\n` (a centred line break).
    /// Carriage returns and other control characters are dropped.
    public static func label(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count + 8)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r", "\t": out += scalar == "\t" ? " " : ""
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A quoted DOT ID for data (not labels): only `"` is escaped, because the DOT lexer
    /// keeps every other backslash sequence as written; a line break becomes a space and a
    /// trailing backslash is doubled so it cannot escape the closing quote. Graphviz reads
    /// the value back exactly unless it holds `\"` or ends in a backslash.
    public static func quotedID(_ text: String) -> String {
        var body = text.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ")
            .replacingOccurrences(of: "\r", with: " ")
        body = body.replacingOccurrences(of: "\"", with: "\\\"")
        if body.hasSuffix("\\") { body += "\\" }
        return "\"" + body + "\""
    }

    /// `"…"` around `label(text)`.
    public static func quoted(_ text: String) -> String { "\"" + label(text) + "\"" }

    /// Text for a Graphviz HTML-like label: XML-escaped, a line break becomes `<br/>`.
    public static func html(_ text: String) -> String { XMLEscaping.text(text, lineBreak: "<br/>") }
}
