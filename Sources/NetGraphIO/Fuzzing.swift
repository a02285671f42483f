import Foundation
import NetGraph

/// A seeded random-mutation fuzzer for netan's readers (issue: every parser must survive any
/// input). Each round takes a seed file, applies a few byte-level mutations (flip, insert,
/// delete, duplicate a slice, splice in a "dangerous" token), writes it to a temporary file
/// with the seed's extension and loads it. Any thrown error is fine; a crash is a finding.
/// Used by `make fuzz` (time-bounded) and by the test suite (a fixed number of rounds).
public enum Fuzzing {
    static let tokens: [[UInt8]] = [
        "\"", "\\", ",", ";", "\t", "\n", "\r\n", "<", ">", "&", "]]>", "<!--", "-->", "*", "&a", "{", "}",
        "[", "]",
        "\u{FEFF}", "\u{0}", "-1", "NaN", "1e308", "ja", "nee", "<!DOCTYPE x [<!ENTITY y \"z\">]>", "digraph",
        "->", "--",
        "*Arcs", "*Vertices 99999999",
    ].map { Array($0.utf8) }

    /// Runs `rounds` mutations of every seed file; returns how many inputs were tried.
    ///
    /// - Parameters:
    ///   - seeds: valid input files to mutate; their extensions choose the reader.
    ///   - rounds: mutated copies per seed file.
    ///   - seed: seed of the mutations, so a failing run can be repeated.
    ///   - deadline: stop early when this time has passed.
    ///   - codecs: readers of formats from other modules (DOT) to fuzz as well.
    ///   - log: called before each input is loaded, with the seed file's name and the round.
    @discardableResult
    public static func run(
        seeds: [URL], rounds: Int, seed: UInt64, deadline: Date? = nil, codecs: [NetworkCodec] = [],
        log: ((String) -> Void)? = nil
    ) -> Int {
        var rng = SplitMix64(seed: seed)
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
            "netan-fuzz-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        var tried = 0
        for round in 0..<rounds {
            for seedFile in seeds {
                if let deadline, Date() > deadline { return tried }
                guard var bytes = FileManager.default.contents(atPath: seedFile.path).map(Array.init) else {
                    continue
                }
                for _ in 0..<(1 + Int(rng.next(below: 4))) { mutate(&bytes, &rng) }
                let file = scratch.appendingPathComponent("case-\(round).\(seedFile.pathExtension)")
                try? Data(bytes).write(to: file)
                log?("\(seedFile.lastPathComponent) round \(round)")
                _ = try? NetworkLoader.load(path: file.path, codecs: codecs)
                tried += 1
            }
        }
        return tried
    }

    static func mutate(_ bytes: inout [UInt8], _ rng: inout SplitMix64) {
        let n = bytes.count
        switch rng.next(below: 5) {
        case 0 where n > 0:
            bytes[Int(rng.next(below: UInt64(n)))] ^= UInt8(1 << rng.next(below: 8))
        case 1:
            let token = tokens[Int(rng.next(below: UInt64(tokens.count)))]
            bytes.insert(contentsOf: token, at: n == 0 ? 0 : Int(rng.next(below: UInt64(n + 1))))
        case 2 where n > 1:
            let a = Int(rng.next(below: UInt64(n)))
            let b = min(n, a + 1 + Int(rng.next(below: 16)))
            bytes.removeSubrange(a..<b)
        case 3 where n > 1:
            let a = Int(rng.next(below: UInt64(n)))
            let b = min(n, a + 1 + Int(rng.next(below: 64)))
            let slice = Array(bytes[a..<b])
            bytes.insert(contentsOf: slice, at: Int(rng.next(below: UInt64(bytes.count + 1))))
        default:
            if n > 0 { bytes.removeLast(Int(rng.next(below: UInt64(min(n, 32))))) }
        }
    }
}
