import CGraphviz
import Foundation
import NetGraph
import NetGraphIO

/// Layout engines of Graphviz that netan uses.
public enum LayoutEngine: String, CaseIterable, Sendable {
    /// Hierarchical layers (directed graphs, flows from top to bottom).
    case dot
    /// Stress majorisation; the default for up to 300 actors.
    case neato
    /// Force-directed (spring model).
    case fdp
    /// Multilevel force-directed, for large graphs.
    case sfdp
    /// Circular layout.
    case circo
    /// Radial layout around a root node.
    case twopi

    /// A sensible engine for a graph of `nodeCount` nodes.
    ///
    /// `dot` is hierarchical and takes tens of seconds beyond ~100 nodes in Graphviz 2.42;
    /// `neato` (stress majorisation) gives the most legible drawing of a regional network
    /// up to a few hundred nodes; `sfdp` (multilevel force-directed) scales to thousands.
    public static func recommended(nodeCount: Int) -> LayoutEngine {
        nodeCount <= 300 ? .neato : .sfdp
    }
}

/// Output formats Graphviz renders for netan.
public enum DiagramFormat: String, CaseIterable, Sendable {
    /// Scalable vector graphics, with tooltips and element ids (used by the interactive page).
    case svg
    /// Bitmap image.
    case png
    /// Vector document for print.
    case pdf
    /// DOT with the layout's positions (`pos`) added.
    case dot

    /// The format for a file name, from its extension (`.gv` counts as DOT).
    public init?(fileExtension: String) {
        let ext = fileExtension.lowercased()
        if ext == "gv" {
            self = .dot
            return
        }
        self.init(rawValue: ext)
    }
}

/// An error reported by Graphviz, with the messages it produced.
public struct GraphvizError: Error, CustomStringConvertible, Sendable {
    /// What failed, in netan's words ("The DOT input does not parse").
    public let message: String
    /// Graphviz' own error and warning messages, trimmed, in the order it raised them.
    public let diagnostics: [String]
    /// The message, followed by `: ` and the diagnostics when there are any.
    public var description: String {
        diagnostics.isEmpty ? message : message + ": " + diagnostics.joined(separator: " ")
    }
}

/// The result of a render: the bytes and any warnings Graphviz raised.
public struct RenderedDiagram: Sendable {
    /// The rendered file's bytes (SVG and DOT are UTF-8 text).
    public let data: Data
    /// Graphviz' warnings from parsing, layout and rendering, trimmed.
    public let warnings: [String]
}

/// In-process access to the Graphviz C library (libgvc, libcgraph).
///
/// Graphviz keeps global state (the DOT lexer, the error buffer, plugin tables) and is not
/// thread-safe, not even with one context per thread. Every call therefore runs under one
/// process-wide lock, on one long-lived `GVC_t` context. Errors and warnings are routed to
/// a buffer through `agseterrf` (nothing reaches stderr) and surface as `GraphvizError`
/// or as `RenderedDiagram.warnings`. After each parse the lexer is drained, because
/// `agmemread` keeps unread input (trailing garbage would break the next parse).
public enum Graphviz {
    /// Renders DOT source with a layout engine into the requested format.
    ///
    /// - Throws: `GraphvizError` when the DOT does not parse, holds more than one graph,
    ///   the engine or output plugin is missing, or layout/rendering fails.
    /// - Complexity: that of the layout engine; see `LayoutEngine.recommended(nodeCount:)`.
    public static func render(dot source: String, engine: LayoutEngine, format: DiagramFormat) throws
        -> RenderedDiagram
    {
        try render(dot: source, layout: engine.rawValue, format: format)
    }

    /// Renders DOT with a Graphviz layout plugin by name: an engine, or `nop` (nodes stay at
    /// their `pos`, in points, and edges are routed, like `neato -n`) or `nop2` (nodes and
    /// edges stay as given, like `neato -n2`), which ``DiagramPage`` uses to compose pages.
    static func render(dot source: String, layout: String, format: DiagramFormat) throws -> RenderedDiagram {
        try GraphvizSession.shared.withContext { gvc in
            let graph = try parse(source)
            defer { agclose(graph) }
            guard netan_layout(gvc, graph, layout) == 0 else {
                throw GraphvizError(
                    message: "Graphviz could not lay out the graph with \(layout)",
                    diagnostics: GraphvizSession.takeMessages())
            }
            defer { gvFreeLayout(gvc, graph) }
            var buffer: UnsafeMutablePointer<CChar>? = nil
            var length: UInt32 = 0
            let status = netan_render_data(gvc, graph, format.rawValue, &buffer, &length)
            defer { if let buffer { gvFreeRenderData(buffer) } }
            guard status == 0, let buffer else {
                throw GraphvizError(
                    message: "Graphviz could not render \(format.rawValue)",
                    diagnostics: GraphvizSession.takeMessages())
            }
            var data = Data(bytes: buffer, count: Int(length))
            if format == .svg { data = SVGViewBox.repaired(data) }
            return RenderedDiagram(data: data, warnings: GraphvizSession.takeMessages())
        }
    }

    /// Checks that DOT text parses as exactly one graph; returns Graphviz' warnings.
    public static func validate(dot source: String) throws -> [String] {
        try GraphvizSession.shared.withContext { _ in
            let graph = try parse(source)
            agclose(graph)
            return GraphvizSession.takeMessages()
        }
    }

    /// A graph as Graphviz' parser read it: names and attributes of graph, nodes and edges.
    public struct ParsedGraph: Sendable {
        /// The graph's name, as Graphviz reports it.
        public var name: String
        /// `digraph` (true) or `graph` (false).
        public var directed: Bool
        /// Graph attributes as (name, value), unset ones left out.
        public var attributes: [(String, String)]
        /// Nodes in Graphviz' order, each with its name and set attributes (a default label
        /// `\N` counts as unset).
        public var nodes: [(name: String, attributes: [(String, String)])]
        /// Edges by tail node, each with tail and head names and its attributes.
        public var edges: [(tail: String, head: String, attributes: [(String, String)])]
    }

    /// Parses DOT with Graphviz' own parser (no layout) and returns its content; attributes
    /// that are empty (unset) are left out.
    public static func parseGraph(dot source: String) throws -> ParsedGraph {
        try GraphvizSession.shared.withContext { _ in
            let graph = try parse(source)
            defer { agclose(graph) }
            func symbols(_ kind: Int32) -> [String] {
                var names: [String] = []
                var sym = agnxtattr(graph, kind, nil)
                while let s = sym {
                    names.append(String(cString: s.pointee.name))
                    sym = agnxtattr(graph, kind, s)
                }
                return names
            }
            func values(_ object: UnsafeMutableRawPointer, _ names: [String]) -> [(String, String)] {
                names.compactMap { name in
                    guard let value = name.withCString({ agget(object, UnsafeMutablePointer(mutating: $0)) })
                    else { return nil }
                    let text = String(cString: value)
                    // "\N" is Graphviz' default label (the node's own name): not data.
                    return text.isEmpty || text == "\\N" ? nil : (name, text)
                }
            }
            let nodeNames = symbols(Int32(AGNODE))
            let edgeNames = symbols(Int32(AGEDGE))
            let graphNames = symbols(Int32(AGRAPH))
            var nodes: [(name: String, attributes: [(String, String)])] = []
            var edges: [(tail: String, head: String, attributes: [(String, String)])] = []
            var node = agfstnode(graph)
            while let n = node {
                nodes.append((String(cString: agnameof(n)), values(UnsafeMutableRawPointer(n), nodeNames)))
                var edge = agfstout(graph, n)
                while let e = edge {
                    edges.append(
                        (
                            String(cString: agnameof(netan_edge_tail(e))),
                            String(cString: agnameof(netan_edge_head(e))),
                            values(UnsafeMutableRawPointer(e), edgeNames)
                        ))
                    edge = agnxtout(graph, e)
                }
                node = agnxtnode(graph, n)
            }
            return ParsedGraph(
                name: String(cString: agnameof(graph)), directed: agisdirected(graph) != 0,
                attributes: values(UnsafeMutableRawPointer(graph), graphNames), nodes: nodes, edges: edges)
        }
    }

    /// Number of Graphviz plugins of a kind (`"layout"`, `"render"`, …); 0 when the plugin
    /// configuration is missing or Graphviz cannot start.
    public static func pluginCount(kind: String) -> Int {
        (try? GraphvizSession.shared.withContext { gvc in Int(netan_plugin_count(gvc, kind)) }) ?? 0
    }

    /// Parses under the lock; caller holds the session lock.
    private static func parse(_ source: String) throws -> UnsafeMutablePointer<Agraph_t> {
        _ = netan_reset_errors()
        _ = GraphvizSession.takeMessages()
        let graph = source.withCString { netan_memread($0) }
        // Drain whatever the lexer kept: a second graph or trailing garbage.
        var extra = false
        while let leftover = "".withCString({ netan_memread($0) }) {
            extra = true
            agclose(leftover)
        }
        let errorCount = netan_reset_errors()
        let messages = GraphvizSession.takeMessages()
        guard let graph else {
            throw GraphvizError(
                message: source.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
                    ? "The DOT input is empty" : "The DOT input does not parse", diagnostics: messages)
        }
        if extra || errorCount > 0 {
            agclose(graph)
            throw GraphvizError(
                message: extra
                    ? "The DOT input holds more than one graph or trailing text" : "The DOT input has errors",
                diagnostics: messages)
        }
        GraphvizSession.pending = messages
        return graph
    }
}

/// The single Graphviz context and the lock that serialises every call into the library.
final class GraphvizSession: @unchecked Sendable {
    static let shared = GraphvizSession()

    private let lock = NSLock()
    private var context: OpaquePointer?
    private var contextError: GraphvizError?

    /// Messages captured by the error callback; only touched while `lock` is held.
    nonisolated(unsafe) static var messages: [String] = []
    /// Warnings from a parse, carried to the render that follows.
    nonisolated(unsafe) static var pending: [String] = []

    static func takeMessages() -> [String] {
        let taken = pending + messages
        messages = []
        pending = []
        return taken.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    func withContext<T>(_ body: (OpaquePointer) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        if context == nil && contextError == nil { open() }
        if let contextError { throw contextError }
        return try body(context!)
    }

    private func open() {
        netan_set_error_callback { text in
            if let text { GraphvizSession.messages.append(String(cString: text)) }
            return 0
        }
        guard let gvc = gvContext() else {
            contextError = GraphvizError(message: "Graphviz could not create a context", diagnostics: [])
            return
        }
        let layouts = netan_plugin_count(gvc, "layout")
        let renders = netan_plugin_count(gvc, "render")
        if layouts == 0 || renders == 0 {
            contextError = GraphvizError(
                message:
                    "Graphviz found no layout or render plugins. Its plugin configuration is missing: "
                    + "on Debian/Ubuntu run `apt-get install --reinstall libgvc6` (or `dot -c` as root); "
                    + "on macOS `brew reinstall graphviz`",
                diagnostics: [])
            return
        }
        context = gvc
    }
}

/// Graphviz 2.43 writes an SVG `viewBox` in 72-dpi points while scaling the drawing for the
/// graph's `dpi` (the beamer and print presets set 150 and 300): the drawing then overflows its
/// viewBox and a browser shows only its top-left part. The width and height attributes are
/// right, so the viewBox is set to them.
enum SVGViewBox {
    static func repaired(_ data: Data) -> Data {
        guard var text = String(data: data, encoding: .utf8),
            let svgStart = text.range(of: "<svg "),
            let svgEnd = text.range(of: ">", range: svgStart.upperBound..<text.endIndex)
        else { return data }
        let head = String(text[svgStart.lowerBound..<svgEnd.upperBound])
        func attribute(_ name: String) -> String? {
            guard let start = head.range(of: " \(name)=\""),
                let end = head.range(of: "\"", range: start.upperBound..<head.endIndex)
            else { return nil }
            return String(head[start.upperBound..<end.lowerBound])
        }
        guard let width = attribute("width").flatMap({ Double($0.replacingOccurrences(of: "pt", with: "")) }),
            let height = attribute("height").flatMap({ Double($0.replacingOccurrences(of: "pt", with: "")) }),
            let box = attribute("viewBox")
        else { return data }
        let parts = box.split(separator: " ").compactMap { Double($0) }
        guard parts.count == 4, abs(parts[2] - width) > 1 || abs(parts[3] - height) > 1 else { return data }
        let fixed = head.replacingOccurrences(
            of: "viewBox=\"\(box)\"", with: String(format: "viewBox=\"0.00 0.00 %.2f %.2f\"", width, height))
        text.replaceSubrange(svgStart.lowerBound..<svgEnd.upperBound, with: fixed)
        return Data(text.utf8)
    }
}
