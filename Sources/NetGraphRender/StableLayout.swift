import Foundation
import NetGraph
import NetGraphIO

/// Stable positions: the same actor in the same place across views, years and regions.
///
/// A positions file is CSV `id,x,y` (Graphviz points). Actors found in it are pinned; the
/// others are placed by the layout around them, and the file can be updated with their new
/// places, so next year's network or an ego view keeps every known actor where it was.
public enum StableLayout {
    /// Lays out DOT from `DiagramBuilder` and returns each actor's position, by actor index.
    public static func positions(dot: String, engine: LayoutEngine) throws -> [Int: (Double, Double)] {
        let laidOut = try Graphviz.render(dot: dot, engine: engine, format: .dot)
        let parsed = try Graphviz.parseGraph(dot: String(decoding: laidOut.data, as: UTF8.self))
        var result: [Int: (Double, Double)] = [:]
        for node in parsed.nodes {
            guard node.name.hasPrefix("a"), let index = Int(node.name.dropFirst()),
                let pos = node.attributes.first(where: { $0.0 == "pos" })?.1
            else { continue }
            let xy = pos.split(separator: ",").compactMap {
                Double($0.trimmingCharacters(in: CharacterSet(charactersIn: "! ")))
            }
            if xy.count == 2 { result[index] = (xy[0], xy[1]) }
        }
        return result
    }

    /// The translation Graphviz applied to pinned nodes (their mean displacement): layouts
    /// keep pinned nodes' relative places but move the drawing's origin.
    public static func offset(pinned: [Int: (Double, Double)], placed: [Int: (Double, Double)]) -> (
        Double, Double
    ) {
        let pairs = pinned.compactMap { k, p in placed[k].map { ($0.0 - p.0, $0.1 - p.1) } }
        guard !pairs.isEmpty else { return (0, 0) }
        return (
            pairs.reduce(0) { $0 + $1.0 } / Double(pairs.count),
            pairs.reduce(0) { $0 + $1.1 } / Double(pairs.count)
        )
    }

    /// The positions in a file, by actor id; empty when the file cannot be read (does not
    /// exist yet). The first row is the header; rows with fewer than three fields or an x or
    /// y that is not a number are skipped.
    ///
    /// - Throws: an error when the file is not valid CSV (an unclosed quote).
    public static func read(_ path: String) throws -> [String: (Double, Double)] {
        guard let data = FileManager.default.contents(atPath: path) else { return [:] }
        let table = try CSVTable.parse(String(decoding: data, as: UTF8.self))
        var result: [String: (Double, Double)] = [:]
        for record in table.records where record.fields.count >= 3 {
            if let x = Double(record.fields[1]), let y = Double(record.fields[2]) {
                result[record.fields[0]] = (x, y)
            }
        }
        return result
    }

    /// Writes positions as CSV `id,x,y`, sorted by id, with two decimals; atomically.
    ///
    /// - Throws: `AtomicFile.WriteError` when the file cannot be written.
    public static func write(_ positions: [String: (Double, Double)], to path: String) throws {
        let rows = positions.keys.sorted().map {
            [$0, String(format: "%.2f", positions[$0]!.0), String(format: "%.2f", positions[$0]!.1)]
        }
        try AtomicFile.write(TextTable(columns: ["id", "x", "y"], rows: rows).csv(), to: path)
    }
}
