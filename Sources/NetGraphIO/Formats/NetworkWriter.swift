import Foundation
import NetGraph
import Yams

/// Writes a network in any supported format. Files are written atomically.
public enum NetworkWriter {
    /// Writes `network` to `path`; returns a warning naming what the format cannot hold.
    ///
    /// A `.folder` is written as `network.yaml`, `actors.csv` and `relations.csv` inside `path`.
    ///
    /// - Parameters:
    ///   - network: the network to write.
    ///   - path: the file or folder to write.
    ///   - format: the format (``NetworkFormat/detect(path:forWriting:)`` gives it from the extension).
    ///   - codecs: writers for formats that need other modules (DOT: `NetworkCodec.dot`).
    /// - Throws: ``CodecMissing`` for DOT without its codec; ``AtomicFile/WriteError`` when a
    ///   file cannot be written; the YAML or ZIP library's error when encoding fails.
    @discardableResult
    public static func write(
        _ network: Network, to path: String, format: NetworkFormat, codecs: [NetworkCodec] = []
    )
        throws -> String?
    {
        let table = TabularNetwork(network)
        if let codec = codecs.first(where: { $0.format == format }) {
            try AtomicFile.write(try codec.write(network), to: path)
            return lossWarning(network, table: table, format: format)
        }
        switch format {
        case .folder: try folderFiles(network).write(to: path)
        case .yaml: try AtomicFile.write(try yamlDocument(table), to: path)
        case .json: try AtomicFile.write(jsonDocument(table), to: path)
        case .nodeLink: try AtomicFile.write(nodeLink(table), to: path)
        case .graphml: try AtomicFile.write(graphML(table), to: path)
        case .gexf: try AtomicFile.write(gexf(table), to: path)
        case .pajek: try AtomicFile.write(pajek(table), to: path)
        case .ucinetDL: try AtomicFile.write(ucinetDL(network), to: path)
        case .dot: throw CodecMissing(format: format)
        case .edgeList:
            try AtomicFile.write(
                csv(
                    [["source", "target", "weight", "type"].map(Cell.text)]
                        + network.relations.map {
                            [.text($0.source), .text($0.target), .number($0.weight), .text($0.type)]
                        }), to: path)
        case .xlsx: try AtomicFile.write(try XLSXWriter.data(network), to: path)
        }
        return lossWarning(network, table: table, format: format)
    }

    /// The three files of a network folder, as text.
    ///
    /// - Throws: the YAML library's error when the metadata cannot be encoded.
    public static func folderFiles(_ network: Network) throws -> NetworkFolderFiles {
        let table = TabularNetwork(network)
        return NetworkFolderFiles(
            metadata: try yamlMetadata(table), actors: csv(table.actorRows),
            relations: csv(table.relationRows))
    }

    /// netan's own JSON document (`netan convert … --to json`): `network`, `actors`, `relations`.
    public static func jsonText(_ network: Network) -> String { jsonDocument(TabularNetwork(network)) }

    /// The warning for what `format` cannot hold, when this network has such content.
    static func lossWarning(_ network: Network, table: TabularNetwork, format: NetworkFormat) -> String? {
        let custom = table.customTypes
        if let losses = format.losses,
            format == .pajek || format == .edgeList || format == .ucinetDL
                || !(custom.actors.isEmpty && custom.relations.isEmpty && network.metadata.thresholds.isEmpty)
        {
            return losses
        }
        return nil
    }

    static func csv(_ rows: [[Cell]]) -> String {
        TextTable(columns: rows.first?.map(\.string) ?? [], rows: rows.dropFirst().map { $0.map(\.string) })
            .csv()
    }

    // MARK: - YAML / JSON (netan's own)

    static func metadataObject(_ table: TabularNetwork) -> [String: Any] {
        var object: [String: Any] = [:]
        for (key, value) in table.metadataRows { object[key] = key == "year" ? Int(value)! as Any : value }
        let custom = table.customTypes
        if !custom.actors.isEmpty {
            object["actor_types"] = Dictionary(
                uniqueKeysWithValues: custom.actors.map {
                    ($0.name, ["role": $0.role.rawValue, "label": $0.label])
                })
        }
        if !custom.relations.isEmpty {
            object["relation_types"] = Dictionary(
                uniqueKeysWithValues: custom.relations.map {
                    ($0.name, ["directed": $0.directed, "weight": $0.weightMeaning] as [String: Any])
                })
        }
        if !table.network.metadata.thresholds.isEmpty {
            object["thresholds"] = table.network.metadata.thresholds
        }
        return object
    }

    static func records(_ rows: [[Cell]]) -> [[String: Any]] {
        guard let header = rows.first?.map(\.string) else { return [] }
        return rows.dropFirst().map { row in
            var object: [String: Any] = [:]
            for (column, cell) in zip(header, row) {
                switch cell {
                case .number(let v): object[column] = v == v.rounded() && abs(v) < 1e15 ? Int(v) as Any : v
                case .text(let s) where s.isEmpty: continue
                case .text(let s) where column == "directed": object[column] = s == "true"
                case .text(let s): object[column] = s
                }
            }
            return object
        }
    }

    static func yamlMetadata(_ table: TabularNetwork) throws -> String {
        "# Written by netan\n" + (try Yams.dump(object: metadataObject(table), sortKeys: true))
    }

    static func yamlDocument(_ table: TabularNetwork) throws -> String {
        try Yams.dump(
            object: [
                "network": metadataObject(table), "actors": records(table.actorRows),
                "relations": records(table.relationRows),
            ], sortKeys: true)
    }

    static func jsonDocument(_ table: TabularNetwork) -> String {
        let object: [String: Any] = [
            "network": metadataObject(table), "actors": records(table.actorRows),
            "relations": records(table.relationRows),
        ]
        return JSONOutput.text(object) + "\n"
    }

}

/// A format that needs a codec from another module (DOT needs NetGraphRender).
public struct CodecMissing: Error, CustomStringConvertible {
    /// The format asked for.
    public let format: NetworkFormat
    /// What went wrong and what to do.
    public var description: String {
        "writing \(format.rawValue) needs NetworkCodec.\(format.rawValue) from NetGraphRender"
    }
}

/// The three files of a network folder — `network.yaml`, `actors.csv`, `relations.csv` — as
/// text, so a folder can be checked (``NetworkReader/load(folderFiles:folder:allowEmpty:)``) before it is
/// written.
public struct NetworkFolderFiles: Sendable, Equatable {
    /// `network.yaml`: name, region, year, language, types, thresholds.
    public var metadata: String
    /// `actors.csv`.
    public var actors: String
    /// `relations.csv`.
    public var relations: String

    /// Creates the three texts.
    public init(metadata: String, actors: String, relations: String) {
        self.metadata = metadata
        self.actors = actors
        self.relations = relations
    }

    /// Writes the three files into `folder` (created when absent), each atomically: a reader
    /// sees each file either before or after, never half-written.
    ///
    /// - Throws: ``AtomicFile/WriteError`` when a file cannot be written.
    public func write(to folder: String) throws {
        let url = URL(fileURLWithPath: folder)
        try AtomicFile.write(metadata, to: url.appendingPathComponent("network.yaml").path)
        try AtomicFile.write(actors, to: url.appendingPathComponent("actors.csv").path)
        try AtomicFile.write(relations, to: url.appendingPathComponent("relations.csv").path)
    }
}
