import Foundation

/// Text normalisation shared by readers and lookups.
package enum Normalize {
    /// A comparison key: lower case, accents removed, runs of spaces, `-` and `_` folded to
    /// one `_`, trimmed. "Cliënt-organisatie " and "clientorganisatie" differ only in `_`;
    /// use `compactKey` to ignore separators as well.
    package static func key(_ text: String) -> String {
        asciiKey(text, separator: true) ?? foundationKey(text)
    }

    /// `key` of ASCII text without Foundation (nil for any other text): on ASCII, folding case,
    /// accents and width only lowers the case. Readers normalise every attribute name of every
    /// record (`ColumnMap`); through Foundation's locale-aware folding that took 45 of the 50 s
    /// of reading a 200,000-relation GraphML file.
    static func asciiKey(_ text: String, separator: Bool) -> String? {
        let utf8 = text.utf8
        guard utf8.allSatisfy({ $0 < 128 }) else { return nil }
        func isSpace(_ b: UInt8) -> Bool { b == 32 || (9...13).contains(b) }
        guard let first = utf8.firstIndex(where: { !isSpace($0) }),
            let last = utf8.lastIndex(where: { !isSpace($0) })
        else { return "" }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count)
        var pending = false
        for b in utf8[first...last] {
            if b == 32 || b == 45 || b == 95 || b == 9 {
                pending = true
            } else {
                if pending && separator && !out.isEmpty { out.append(95) }
                pending = false
                out.append(b >= 65 && b <= 90 ? b + 32 : b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `key` through Foundation's folding (case, diacritics, width) in the POSIX locale.
    static func foundationKey(_ text: String) -> String {
        let folded = text.folding(
            options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive],
            locale: Locale(identifier: "en_US_POSIX"))
        var out = ""
        var pendingSeparator = false
        for ch in folded.trimmingCharacters(in: .whitespacesAndNewlines) {
            if ch == " " || ch == "-" || ch == "_" || ch == "\t" {
                pendingSeparator = true
            } else {
                if pendingSeparator && !out.isEmpty { out.append("_") }
                pendingSeparator = false
                out.append(ch)
            }
        }
        return out.lowercased()
    }

    /// `key` without separators: "client_organisatie" and "cliëntorganisatie" match.
    package static func compactKey(_ text: String) -> String {
        asciiKey(text, separator: false) ?? foundationKey(text).replacingOccurrences(of: "_", with: "")
    }

    /// Levenshtein edit distance, for "did you mean" hints. - Complexity: O(|a|·|b|).
    package static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// The candidate closest to `word` by edit distance on comparison keys, if reasonably close.
    package static func closest(to word: String, in candidates: [String]) -> String? {
        let key = compactKey(word)
        let scored = candidates.map { ($0, editDistance(key, compactKey($0))) }
        guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
        // A prefix match ("zorg" → "zorgaanbieder") also counts as close.
        if compactKey(best.0).hasPrefix(key) || key.hasPrefix(compactKey(best.0)) { return best.0 }
        if let prefix = candidates.first(where: { compactKey($0).hasPrefix(key) && key.count >= 3 }) {
            return prefix
        }
        if best.1 <= max(2, key.count / 3) { return best.0 }
        // Every part of a candidate ("gem", "breda") found in the word ("gemeente-breda").
        let wordKey = Normalize.key(word)
        return candidates.first { candidate in
            let parts = Normalize.key(candidate).split(separator: "_")
            return parts.count > 1 && parts.allSatisfy { wordKey.contains($0) }
        }
    }
}
