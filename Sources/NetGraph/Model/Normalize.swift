import Foundation

/// Text normalisation shared by readers and lookups.
package enum Normalize {
    /// A comparison key: lower case, accents removed, runs of spaces, `-` and `_` folded to
    /// one `_`, trimmed. "Cliënt-organisatie " and "clientorganisatie" differ only in `_`;
    /// use `compactKey` to ignore separators as well.
    package static func key(_ text: String) -> String {
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
        key(text).replacingOccurrences(of: "_", with: "")
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
