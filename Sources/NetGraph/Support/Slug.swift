import Foundation

/// File-system-friendly names for report folders, figures and pseudonyms.
public enum Slug {
    /// Lower-case ASCII letters, digits and single dashes, at most 60 characters; accents are
    /// folded ("Cliëntenraad Zuid" → "clientenraad-zuid"). An empty result becomes "netwerk".
    public static func make(_ name: String) -> String {
        let folded = name.folding(
            options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en_US_POSIX")
        ).lowercased()
        var out = ""
        var dash = false
        for ch in folded {
            if ch.isASCII && (ch.isLetter || ch.isNumber) {
                out.append(ch)
                dash = false
            } else if !dash && !out.isEmpty {
                out.append("-")
                dash = true
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "netwerk" : String(out.prefix(60))
    }
}
