import Foundation
import NetGraph
import NetGraphIO

/// What sets the area of a node in a diagram.
public enum NodeSizeMeasure: String, CaseIterable, Sendable {
    /// Number of distinct partners (unweighted, all relations).
    case partners
    /// A centrality of the analysed view.
    case degree, strength, betweenness, pagerank, eigenvector, harmonic, closeness
    /// The actor's size attribute (budget, clients); 0 where unknown.
    case size
    /// The perceived influence (0–10) from a Net-Map influence tower; 0 where unknown.
    case influence

    /// The centrality this size reads, if it is one.
    public var centralityMeasure: ActorMeasure? { ActorMeasure(rawValue: rawValue) }

    /// One value per actor of `analysis.network`; NaN becomes 0.
    public func values(in analysis: NetworkAnalysis) -> [Double] {
        let network = analysis.network
        switch self {
        case .partners: return Degree.partners(Graph(network, weights: .ignore)).map(Double.init)
        case .size: return network.actors.map { $0.size ?? 0 }
        case .influence: return network.actors.map { $0.influence ?? 0 }
        default:
            let measure = centralityMeasure!
            return analysis.centrality[measure].map { $0.isNaN ? 0 : $0 }
        }
    }
}

/// How the diagram is laid out.
public enum DiagramLayout: String, CaseIterable, Sendable {
    /// The engine that suits the network's size (see ``LayoutEngine/recommended(nodeCount:)``).
    case auto
    /// Radial: the actor with the largest size measure in the middle (Graphviz twopi).
    case target
}

/// Everything `netan render` asks for, in one value.
public struct DiagramRequest: Sendable {
    /// Which actors and relations to draw.
    public var view = DiagramView()
    /// What sets node area.
    public var sizeBy: NodeSizeMeasure = .partners
    /// Slide, screen or print.
    public var preset: DiagramPreset = .screen
    /// Automatic or radial layout.
    public var layout: DiagramLayout = .auto
    /// An engine chosen by the user (nil: by size).
    public var engine: LayoutEngine?
    /// Actor ids to outline.
    public var highlights: [String] = []
    /// Language of legend and caption.
    public var language = "nl"
    /// Date in the caption.
    public var date: String?

    /// A request with the defaults of `netan render`.
    public init() {}
}

/// A diagram ready for Graphviz: the network of the view, the map back to the full network,
/// and the options (sizes, flags, highlights, engine).
public struct DiagramPlan: Sendable {
    /// The network drawn (the view of the full network).
    public let network: Network
    /// For each actor drawn, its index in the full network.
    public let original: [Int]
    /// Styling and layout options.
    public var options: DiagramOptions
    /// A note for the user when the requested engine was replaced (too large a network).
    public let engineNote: String?

    /// Plans a diagram of `analysis` (measures on the full network, so sizes compare across
    /// views). Domination findings about an actor outline it in red, with the rule ids.
    ///
    /// - Throws: ``DiagramPlanError`` for an unknown highlighted actor or an empty view;
    ///   ``DiagramView/UnknownActor`` for an unknown ego actor.
    public init(_ analysis: NetworkAnalysis, request: DiagramRequest) throws {
        let full = analysis.network
        let values = request.sizeBy.values(in: analysis)
        var view = request.view
        view.ranking = values
        let (network, original) = try view.apply(to: full)
        for id in request.highlights where full.index(ofActor: id) == nil {
            throw DiagramPlanError.unknownHighlight(id)
        }
        if network.actors.isEmpty { throw DiagramPlanError.emptyView }
        var rules: [Int: [String]] = [:]
        for flag in analysis.flags where flag.isDomination && flag.subject.kind == .actor {
            if let i = full.index(ofActor: flag.subject.ids[0]) {
                rules[i, default: []].append(FindingLabels.title(ofRule: flag.rule, request.language))
            }
        }
        var options = DiagramOptions(
            nodeMeasure: original.map { values[$0] }, measureName: request.sizeBy.rawValue,
            language: request.language)
        options.preset = request.preset
        options.flagged = Set(original.indices.filter { rules[original[$0]] != nil })
        options.flagNotes = Dictionary(
            uniqueKeysWithValues: original.indices.compactMap { k in
                rules[original[k]].map { (k, Array(Set($0)).sorted()) }
            })
        options.highlight = Set(
            original.indices.filter { request.highlights.contains(full.actors[original[$0]].id) })
        options.date = request.date
        var requested = request.engine
        if request.layout == .target {
            requested = .twopi
            options.root = original.indices.max { values[original[$0]] < values[original[$1]] }
        }
        let (chosen, message) = LayoutEngine.bounded(requested, nodeCount: network.actors.count)
        options.engine = chosen
        self.network = network
        self.original = original
        self.options = options
        self.engineNote = message
    }

    /// Pins the actors named in a positions file, places the rest, and writes every place
    /// back to the file (`netan render --positions`), so diagrams of several years line up.
    public mutating func applyPositions(file: String, full: Network) throws {
        var known = try StableLayout.read(file)
        try applyPositions(&known, full: full)
        try StableLayout.write(known, to: file)
    }

    /// Pins the actors found in `known` (positions by actor id), places the rest around them,
    /// and adds their places to `known` (the live workshop keeps every actor where it was).
    ///
    /// - Throws: `GraphvizError` when the layout fails.
    public mutating func applyPositions(_ known: inout [String: (Double, Double)], full: Network) throws {
        for (k, i) in original.enumerated() {
            if let p = known[full.actors[i].id] { options.positions[k] = p }
        }
        let engine = options.positions.isEmpty ? (options.engine ?? .neato) : .neato
        let placed = try StableLayout.positions(
            dot: DiagramBuilder.dot(for: network, options: options), engine: engine)
        // Graphviz shifts the whole drawing; bring new places into the file's frame.
        let shift = StableLayout.offset(pinned: options.positions, placed: placed)
        for (k, p) in placed where options.positions[k] == nil {
            let q = (p.0 - shift.0, p.1 - shift.1)
            options.positions[k] = q
            known[full.actors[original[k]].id] = q
        }
        options.engine = .neato
    }

    /// Lays the diagram out starting from the places in `known` (positions by actor id), so the
    /// picture changes little from one version to the next while the layout can still improve
    /// (the live workshop's map), then pins every actor at its new place and stores it in
    /// `known`. Actors not in `known` start where neato puts them.
    ///
    /// - Throws: `GraphvizError` when the layout fails.
    public mutating func settlePositions(_ known: inout [String: (Double, Double)], full: Network) throws {
        options.positions = [:]
        for (k, i) in original.enumerated() {
            if let p = known[full.actors[i].id] { options.positions[k] = p }
        }
        options.pinPositions = false
        let placed = try StableLayout.positions(
            dot: DiagramBuilder.dot(for: network, options: options), engine: .neato)
        options.pinPositions = true
        options.positions = placed
        for (k, p) in placed { known[full.actors[original[k]].id] = p }
        options.engine = .neato
    }

    /// The DOT text of the diagram.
    public var dot: String { DiagramBuilder.dot(for: network, options: options) }

    /// Renders the diagram.
    public func render(_ format: DiagramFormat) throws -> RenderedDiagram {
        try Graphviz.render(dot: dot, engine: options.engine ?? .neato, format: format)
    }

    /// The offline interactive page: the SVG with tooltips (key figures and findings per
    /// actor), type filter and search.
    public func interactivePage(_ analysis: NetworkAnalysis, anonymise: Bool) throws -> String {
        let svg = try render(.svg)
        let full = analysis.network
        let nl = options.language != "en"
        let language = options.language
        let english = !nl
        // Plain words: partners as a count, brokerage and PageRank as shares of the network.
        let partners = Degree.partners(analysis.centrality.graph)
        let betweenness = analysis.centrality[.betweenness]
        let totalBetweenness = betweenness.reduce(0, +)
        let pagerank = analysis.centrality[.pagerank]
        let sizeName = full.metadata.sizeAttribute ?? (english ? "size" : "omvang")
        let infos = original.enumerated().map { k, i -> InteractiveHTML.ActorInfo in
            var list: [(String, String)] = [
                (english ? "partners" : "partners", String(partners[i])),
                (
                    english
                        ? "share of shortest paths through it"
                        : "aandeel kortste verbindingen via deze partij",
                    totalBetweenness > 0
                        ? String(format: "%.0f%%", 100 * betweenness[i] / totalBetweenness) : "0%"
                ),
                ("PageRank", FindingLabels.decimal(pagerank[i] * 100, 1, english) + "%"),
            ]
            if let size = full.actors[i].size, !anonymise {
                let text = DiagramBuilder.format(size)
                list.append((sizeName, english ? text : text.replacingOccurrences(of: ".", with: ",")))
            }
            // Findings that concern the actor, in plain words.
            let notes = analysis.flags.filter { $0.subject.ids.contains(full.actors[i].id) }.map {
                "\(FindingLabels.title(ofRule: $0.rule, language)) "
                    + "(\(FindingLabels.severity($0.severity, language))): \($0.message(language))"
            }
            let actor = network.actors[k]
            let type = network.vocabulary.actorType(named: actor.type)?.label(language) ?? actor.type
            return InteractiveHTML.ActorInfo(
                name: actor.name, type: type, figures: list, flags: anonymise ? [] : notes)
        }
        return InteractiveHTML.page(
            svg: svg.data, network: network, actors: infos, language: options.language)
    }
}

/// Why a diagram cannot be planned.
public enum DiagramPlanError: Error, CustomStringConvertible, Sendable {
    /// `--highlight` names no actor.
    case unknownHighlight(String)
    /// No actor matches the chosen types, relations or ego.
    case emptyView

    /// What went wrong, for the user.
    public var description: String {
        switch self {
        case .unknownHighlight(let id): "--highlight: there is no actor \"\(id)\"."
        case .emptyView: "The view is empty: no actor matches the chosen --type/--relation/--ego."
        }
    }
}
