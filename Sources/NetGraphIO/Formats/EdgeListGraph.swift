import Foundation
import NetGraph

/// Streaming edge-list loader for large graphs: `source target [weight]` per line (spaces,
/// tabs, commas or semicolons), `#` and `%` comments, straight into a CSR `Graph` without the
/// editable `Network` model (no actor types; ids are the tokens as written).
///
/// Numeric ids take a fast path (a dense index array); other ids are interned in a hash
/// table. Weights are tie strengths and must be positive.
/// - Complexity: one pass over the bytes, O(lines), plus the CSR build.
public enum EdgeListGraph {
    /// A loaded edge list: the graph and the id of each of its nodes.
    public struct Loaded: Sendable {
        /// Node ids as written in the file, by node index (in order of first appearance).
        public var ids: [String]
        /// The graph; an undirected file holds each tie as two arcs. Self-loops are left out.
        public var graph: Graph
        /// Number of physical lines read, blank and comment lines included.
        public var lines: Int
    }

    /// Thrown when the file cannot be read, is too large, or has a line that is not a tie.
    public struct Failure: Error, CustomStringConvertible {
        /// The file, as given to ``EdgeListGraph/load(path:directed:weights:)``.
        public let path: String
        /// 1-based line of the problem; 0 when it concerns the whole file.
        public let line: Int
        /// What is wrong, followed by a hint.
        public let message: String
        /// `path:line: error: message`, the form compilers use.
        public var description: String { "\(path):\(line): error: \(message)" }
    }

    /// Reads the edge list at `path`.
    ///
    /// - Parameters:
    ///   - path: the file to read.
    ///   - directed: each line is an arc `source → target`; when false, every tie becomes
    ///     two arcs.
    ///   - weights: with `.strength`, a third token is read as the tie's weight; with
    ///     `.ignore`, every tie has weight 1 and a third token is not read.
    /// - Throws: ``Failure`` when the file cannot be read, is larger than
    ///   ``Limits/maximumBytes``, a line has fewer than two tokens, or a weight is not a
    ///   positive finite number.
    public static func load(path: String, directed: Bool, weights: WeightMode) throws -> Loaded {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Failure(path: path, line: 0, message: "The file cannot be read. Hint: check the path.")
        }
        guard data.count <= Limits.maximumBytes else {
            throw Failure(
                path: path, line: 0,
                message:
                    "The file is larger than \(Limits.maximumBytes / 1024 / 1024) MiB."
                    + " Hint: raise the limit with NETAN_MAX_BYTES."
            )
        }
        do {
            return try parse(data, path: path, directed: directed, weights: weights, numeric: true)
        } catch is NotNumeric {
            return try parse(data, path: path, directed: directed, weights: weights, numeric: false)
        }
    }

    struct NotNumeric: Error {}

    static func parse(_ data: Data, path: String, directed: Bool, weights: WeightMode, numeric: Bool) throws
        -> Loaded
    {
        var arcs: [(Int32, Int32, Double)] = []
        arcs.reserveCapacity(data.count / 10 * (directed ? 1 : 2))
        var numericIndex: [Int32] = []  // id value → node index (−1 = unseen)
        var numericIDs: [Int] = []
        var stringIndex: [String: Int32] = [:]
        var stringIDs: [String] = []
        var line = 0
        var sawData = false
        try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            let n = bytes.count
            var i = 0
            @inline(__always) func isSeparator(_ b: UInt8) -> Bool {
                b == 32 || b == 9 || b == 44 || b == 59 || b == 13
            }
            func node(_ start: Int, _ end: Int) throws -> Int32 {
                if numeric {
                    var value = 0
                    for k in start..<end {
                        let d = Int(bytes[k]) - 48
                        guard d >= 0 && d <= 9, value < 1 << 40 else { throw NotNumeric() }
                        value = value * 10 + d
                    }
                    if end - start > 1 && bytes[start] == 48 { throw NotNumeric() }  // "007" is not 7
                    if value >= numericIndex.count {
                        numericIndex.append(
                            contentsOf: repeatElement(
                                -1, count: max(value + 1 - numericIndex.count, numericIndex.count)))
                    }
                    if numericIndex[value] < 0 {
                        numericIndex[value] = Int32(numericIDs.count)
                        numericIDs.append(value)
                    }
                    return numericIndex[value]
                }
                let token = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
                if let k = stringIndex[token] { return k }
                let k = Int32(stringIDs.count)
                stringIndex[token] = k
                stringIDs.append(token)
                return k
            }
            while i < n {
                line += 1
                var end = i
                while end < n && bytes[end] != 10 { end += 1 }
                var p = i
                while p < end && isSeparator(bytes[p]) { p += 1 }
                if p < end && bytes[p] != 35 && bytes[p] != 37 {
                    var tokens: [(Int, Int)] = []
                    while p < end && tokens.count < 3 {
                        let s = p
                        while p < end && !isSeparator(bytes[p]) { p += 1 }
                        tokens.append((s, p))
                        while p < end && isSeparator(bytes[p]) { p += 1 }
                    }
                    guard tokens.count >= 2 else {
                        throw Failure(
                            path: path, line: line,
                            message:
                                "A line needs a source and a target."
                                + " Hint: write one tie per line: source target [weight]."
                        )
                    }
                    if !sawData {
                        sawData = true
                        // A header such as "source,target,weight,type" (what `netan convert`
                        // writes) is skipped, not read as a tie between "source" and "target".
                        func text(_ t: (Int, Int)) -> String {
                            String(decoding: UnsafeBufferPointer(rebasing: bytes[t.0..<t.1]), as: UTF8.self)
                                .lowercased()
                        }
                        if RelationField.source.aliases.contains(text(tokens[0]))
                            && RelationField.target.aliases.contains(text(tokens[1]))
                        {
                            i = end + 1
                            continue
                        }
                    }
                    let u = try node(tokens[0].0, tokens[0].1)
                    let v = try node(tokens[1].0, tokens[1].1)
                    var w = 1.0
                    if tokens.count == 3 && weights == .strength {
                        let text = String(
                            decoding: UnsafeBufferPointer(rebasing: bytes[tokens[2].0..<tokens[2].1]),
                            as: UTF8.self)
                        guard let value = Double(text), value > 0, value.isFinite else {
                            throw Failure(
                                path: path, line: line,
                                message:
                                    "The weight \"\(text)\" is not a positive number."
                                    + " Hint: weights are tie strengths greater than 0."
                            )
                        }
                        w = value
                    }
                    if u != v {
                        arcs.append((u, v, w))
                        if !directed { arcs.append((v, u, w)) }
                    }
                }
                i = end + 1
            }
        }
        let ids = numeric ? numericIDs.map(String.init) : stringIDs
        return Loaded(
            ids: ids, graph: Graph(nodeCount: ids.count, arcs: arcs, isDirected: directed, weights: weights),
            lines: line)
    }
}
