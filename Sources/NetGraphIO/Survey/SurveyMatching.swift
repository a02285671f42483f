import Foundation
import NetGraph

/// Matches organisation names as respondents typed them to a list of known names (the roster,
/// or without one the respondents), tolerating what people get wrong when they type a name.
///
/// Three steps, each tried only when the one before found nothing, and each refusing to guess
/// between two equally good candidates:
/// 1. the same letters and digits after normalisation (case, accents, spaces, `-`, `_` and
///    punctuation ignored): "Gemeente  breda" = "Gemeente Breda";
/// 2. the same words in any order, leaving out words of legal form and articles (stichting,
///    vereniging, de, het, van, b.v. …): "MEE, Stichting" = "Stichting MEE";
/// 3. the same number of words, word by word within a small Damerau–Levenshtein distance
///    (a swap of two neighbouring letters counts as one edit): at most 1 edit in a word of 4–7
///    letters, 2 in a longer word, none in a word of 1–3 letters or with digits, and at most 2
///    in the whole name. "Wijkteem Noord" = "Wijkteam Noord", but "Wijkteam Oost" ≠ "Wijkteam
///    West" and "Team 1" ≠ "Team 2".
struct NameMatcher {
    /// What a typed name matched.
    enum Match: Equatable {
        /// Step 1: the same name after normalisation (candidate index).
        case exact(Int)
        /// Step 2 or 3: a differently written name, matched to one candidate.
        case corrected(Int)
        /// Several candidates are equally close: no guess.
        case ambiguous([Int])
        /// No candidate is close enough.
        case none
    }

    /// Whether step 3 (edit distance) is used; steps 1 and 2 always are.
    var fuzzy = true {
        didSet { if fuzzy != oldValue { cache = [:] } }
    }

    private var names: [String] = []
    private var words: [[[Character]]] = []
    private var byCompact: [String: [Int]] = [:]
    private var byWordSet: [String: [Int]] = [:]
    private var cache: [String: Match] = [:]

    /// Words of legal form and articles that do not tell organisations apart.
    static let fillerWords: Set<String> = [
        "stichting", "st", "vereniging", "de", "het", "een", "van", "der", "den", "bv", "nv", "b", "v", "the",
        "of", "foundation", "inc", "ltd",
    ]

    /// The known names, in the order they were added (a candidate index is a position here).
    var candidates: [String] { names }

    /// Adds a known name; its index is the number of names added before it.
    mutating func add(_ name: String) {
        let index = names.count
        names.append(name)
        byCompact[Self.compact(name), default: []].append(index)
        let significant = Self.significantWords(name)
        byWordSet[significant.sorted().joined(separator: " "), default: []].append(index)
        words.append(significant.map(Array.init))
        cache = [:]
    }

    /// The candidate `typed` stands for, if one stands out.
    mutating func match(_ typed: String) -> Match {
        if let known = cache[typed] { return known }
        let result = find(typed)
        cache[typed] = result
        return result
    }

    private func find(_ typed: String) -> Match {
        let compact = Self.compact(typed)
        guard !compact.isEmpty else { return .none }
        if let found = byCompact[compact] { return found.count == 1 ? .exact(found[0]) : .ambiguous(found) }
        let significant = Self.significantWords(typed)
        if let found = byWordSet[significant.sorted().joined(separator: " ")] {
            return found.count == 1 ? .corrected(found[0]) : .ambiguous(found)
        }
        guard fuzzy else { return .none }
        let typedWords = significant.map(Array.init)
        var best = Int.max
        var bestCandidates: [Int] = []
        for (index, candidate) in words.enumerated() where candidate.count == typedWords.count {
            guard let distance = Self.wordDistance(typedWords, candidate), distance <= best else { continue }
            if distance < best {
                best = distance
                bestCandidates = []
            }
            bestCandidates.append(index)
        }
        if bestCandidates.isEmpty { return .none }
        return bestCandidates.count == 1 ? .corrected(bestCandidates[0]) : .ambiguous(bestCandidates)
    }

    /// Total edits between two names word by word, or nil when a word (or the whole) differs
    /// by more than it may.
    static func wordDistance(_ a: [[Character]], _ b: [[Character]]) -> Int? {
        var total = 0
        for (x, y) in zip(a, b) {
            if x == y { continue }
            let shorter = min(x.count, y.count)
            let allowed =
                x.contains(where: \.isNumber) || y.contains(where: \.isNumber)
                ? 0 : shorter >= 8 ? 2 : shorter >= 4 ? 1 : 0
            guard allowed > 0, abs(x.count - y.count) <= allowed else { return nil }
            let d = damerauLevenshtein(x, y)
            guard d <= allowed else { return nil }
            total += d
            if total > 2 { return nil }
        }
        return total
    }

    /// Letters and digits of `Normalize.key(name)`: case, accents, spaces and punctuation gone.
    static func compact(_ name: String) -> String {
        String(Normalize.key(name).filter { $0.isLetter || $0.isNumber })
    }

    /// The words of a name (letters and digits), without filler words unless nothing else is
    /// left.
    static func significantWords(_ name: String) -> [String] {
        let all = Normalize.key(name).split { !($0.isLetter || $0.isNumber) }.map(String.init)
        let kept = all.filter { !fillerWords.contains($0) }
        return kept.isEmpty ? all : kept
    }

    /// Damerau–Levenshtein distance in its optimal-string-alignment form: insertions,
    /// deletions, substitutions and swaps of two neighbouring characters each cost 1.
    /// - Complexity: O(|a|·|b|).
    static func damerauLevenshtein(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        let width = b.count + 1
        var before = [Int](repeating: 0, count: width)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: width)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    value = min(value, before[j - 2] + 1)
                }
                current[j] = value
            }
            (before, previous, current) = (previous, current, before)
        }
        return previous[b.count]
    }
}
