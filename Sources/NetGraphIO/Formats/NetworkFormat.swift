import Foundation
import NetGraph

/// The file formats netan reads and writes.
public enum NetworkFormat: String, CaseIterable, Sendable {
    /// Folder with network.yaml, actors.csv, relations.csv.
    case folder
    /// One YAML or JSON file with network, actors and relations (netan's own).
    case yaml, json
    /// networkx / d3 node-link JSON.
    case nodeLink = "node-link"
    /// GraphML (`.graphml`), as Gephi, yEd, networkx and igraph write it; values in `<data>`
    /// elements named by `<key attr.name>`.
    case graphml
    /// GEXF 1.3 (`.gexf`), Gephi's format, also read and written by networkx.
    case gexf
    /// Pajek (`.net`, `.paj`): `*Vertices`, `*Arcs` and `*Edges` sections.
    case pajek
    /// UCINET DL (`.dl`): `format = fullmatrix` or `edgelist1`, one matrix per relation type
    /// (`nm`, `matrix labels:`).
    case ucinetDL = "dl"
    /// Graphviz DOT (`.dot`, `.gv`); needs the codec `NetworkCodec.dot` from NetGraphRender.
    case dot
    /// Bare edge list (source target [weight]), CSV or whitespace separated.
    case edgeList = "edgelist"
    /// Excel workbook (`.xlsx`) with sheets `actors`, `relations` and optionally `network`.
    case xlsx

    /// The format of a path, from its extension (and for `.json`, its content).
    public static func detect(path: String, forWriting: Bool = false) -> NetworkFormat? {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            return .folder
        }
        let ext = URL(fileURLWithPath: path).pathExtension.lowercased()
        switch ext {
        case "": return forWriting ? .folder : nil
        case "yaml", "yml": return .yaml
        case "json":
            if forWriting { return .json }
            return isNodeLink(path) ? .nodeLink : .json
        case "graphml": return .graphml
        case "gexf": return .gexf
        case "net", "paj": return .pajek
        case "dl": return .ucinetDL
        case "dot", "gv": return .dot
        case "edges", "edgelist", "el", "txt", "tsv": return .edgeList
        case "csv": return .edgeList
        case "xlsx": return .xlsx
        default: return nil
        }
    }

    /// A JSON file is node-link when it has "nodes" and "links" or "edges" at the top.
    static func isNodeLink(_ path: String) -> Bool {
        guard let data = FileManager.default.contents(atPath: path),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return false }
        return object["nodes"] != nil && (object["links"] != nil || object["edges"] != nil)
            && object["actors"] == nil
    }

    /// What the format cannot hold, for the warning a writer gives.
    public var losses: String? {
        switch self {
        case .pajek:
            "Pajek keeps names, direction, weights and relation types (as edge labels); "
                + "actor types, sizes, influence, attributes and metadata are lost"
        case .ucinetDL:
            "UCINET DL keeps ids (as labels), relation types (one matrix each), direction and weights; "
                + "actor names, types, sizes, influence, attributes, years and metadata are lost"
        case .edgeList:
            "an edge list keeps ids, weights and relation types; "
                + "actor names, types, sizes and metadata are lost"
        case .dot:
            "DOT keeps every attribute, but relation-type definitions and thresholds of network.yaml are lost"
        case .graphml, .gexf, .nodeLink, .xlsx:
            "custom actor/relation type definitions and thresholds of network.yaml are lost "
                + "(types themselves are kept)"
        case .folder, .yaml, .json: nil
        }
    }
}

/// A reader and writer for a format that needs a library beyond NetGraphIO. DOT is read with
/// Graphviz' own parser, so its codec lives in NetGraphRender (`NetworkCodec.dot`); pass it to
/// ``NetworkLoader/load(path:format:codecs:)`` and ``NetworkWriter/write(_:to:format:codecs:)``.
public struct NetworkCodec: Sendable {
    /// The format this codec reads and writes.
    public let format: NetworkFormat
    /// Reads the file at a path.
    public let read: @Sendable (String) throws -> LoadedNetwork
    /// The file's contents for a network.
    public let write: @Sendable (Network) throws -> String

    /// A codec for `format`.
    public init(
        format: NetworkFormat, read: @escaping @Sendable (String) throws -> LoadedNetwork,
        write: @escaping @Sendable (Network) throws -> String
    ) {
        self.format = format
        self.read = read
        self.write = write
    }
}

/// Reads a network in any supported format.
public enum NetworkLoader {
    /// Reads the network at `path`; the format comes from the path unless given.
    ///
    /// - Parameters:
    ///   - path: the file or folder to read.
    ///   - format: the format; nil detects it from the path.
    ///   - codecs: readers for formats that need other modules (DOT: `NetworkCodec.dot`
    ///     from NetGraphRender). Without one, such a format is refused with a clear diagnostic.
    /// - Throws: ``NetworkLoadError`` with every problem found, each with file and line.
    public static func load(path: String, format: NetworkFormat? = nil, codecs: [NetworkCodec] = []) throws
        -> LoadedNetwork
    {
        if let codec = codecs.first(where: { $0.format == (format ?? NetworkFormat.detect(path: path)) }),
            FileManager.default.fileExists(atPath: path)
        {
            return try codec.read(path)
        }
        guard FileManager.default.fileExists(atPath: path) else {
            return try NetworkReader.load(path: path)  // gives the standard "does not exist" error
        }
        guard let format = format ?? NetworkFormat.detect(path: path) else {
            throw NetworkLoadError([
                Diagnostic(
                    .error, file: path, "netan does not know this file type.",
                    hint:
                        "Use a network folder, .yaml, .json, .graphml, .gexf, .net (Pajek), .dl (UCINET), "
                        + ".dot, .xlsx or an edge list (.csv, .txt, .edges); or give --from.",
                    nl: "netan kent dit bestandstype niet.",
                    hintNL:
                        "Gebruik een netwerkmap, .yaml, .json, .graphml, .gexf, .net (Pajek), .dl (UCINET), "
                        + ".dot, .xlsx of een lijst met relaties (.csv, .txt, .edges); of geef --from op."
                )
            ])
        }
        switch format {
        case .folder, .yaml, .json: return try NetworkReader.load(path: path)
        case .nodeLink: return try InteropReaders.nodeLink(path)
        case .graphml: return try InteropReaders.graphML(path)
        case .gexf: return try InteropReaders.gexf(path)
        case .pajek: return try InteropReaders.pajek(path)
        case .ucinetDL: return try InteropReaders.ucinetDL(path)
        case .dot:
            throw NetworkLoadError([
                Diagnostic(
                    .error, file: path, "reading DOT needs Graphviz, which this program was built without.",
                    hint: "Use netan, or pass NetworkCodec.dot from NetGraphRender to NetworkLoader.load.",
                    nl: "DOT lezen vraagt om Graphviz, en dit programma is zonder Graphviz gebouwd.",
                    hintNL:
                        "Gebruik netan, of geef NetworkCodec.dot uit NetGraphRender "
                        + "mee aan NetworkLoader.load."
                )
            ])
        case .edgeList: return try InteropReaders.edgeList(path)
        case .xlsx: return try XLSXReader.load(path)
        }
    }
}
