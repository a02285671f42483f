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

    /// What the size shows, for the caption, in Dutch (`nl`) or English (any other code):
    /// "aantal partners", "omvang", "invloed (0–10)" or the centrality's label.
    public func label(_ language: String) -> String {
        let english = language == "en"
        switch self {
        case .partners: return english ? "number of partners" : "aantal partners"
        case .size: return english ? "size" : "omvang"
        case .influence: return english ? "influence (0–10)" : "invloed (0–10)"
        default: return centralityMeasure?.label(english ? "en" : "nl") ?? rawValue
        }
    }

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

    /// A request with the defaults of `netan render`: the whole network, small providers
    /// folded into group nodes above ``DiagramView/foldThreshold`` actors
    /// (``DiagramView/fold``; `netan render --all` turns it off).
    public init() { view.fold = true }
}

/// A diagram ready for Graphviz: the network of the view, the map back to the full network,
/// and the options (sizes, flags, highlights, engine).
public struct DiagramPlan: Sendable {
    /// The network drawn (the view of the full network): the actors kept, then one node per
    /// group of folded small providers (``groups``).
    public let network: Network
    /// For each actor kept, its index in the full network (the first `original.count` actors
    /// of ``network``).
    public let original: [Int]
    /// The groups of small providers drawn as one node each, after the actors kept:
    /// `network.actors[original.count + g]` is `groups[g]`. Empty unless the view folds.
    public let groups: [DiagramView.Group]
    /// Styling and layout options.
    public var options: DiagramOptions
    /// A note for the user when the requested engine was replaced (too large a network).
    public let engineNote: String?

    /// Plans a diagram of `analysis` (measures on the full network, so sizes compare across
    /// views). Domination findings about an actor outline it in red, with the rule ids.
    ///
    /// When the view folds (``DiagramView/fold``), no actor a finding names
    /// (``namedActors(_:in:)``) and no highlighted actor is folded; a group of small providers
    /// is sized by the sum of its members' values (a group of less central actors, by its
    /// largest member's), and only the actors that matter are labelled: those the
    /// findings name, the 15 largest by `sizeBy`, client organisations and citizens'
    /// initiatives (every actor of their roles), highlighted actors and the groups; the others
    /// have their name in the tooltip. An ego view outlines the ego and names it in the title.
    ///
    /// - Throws: ``DiagramPlanError`` for an unknown highlighted actor or an empty view;
    ///   ``DiagramView/UnknownActor`` for an unknown ego actor.
    public init(_ analysis: NetworkAnalysis, request: DiagramRequest) throws {
        let full = analysis.network
        let values = request.sizeBy.values(in: analysis)
        var view = request.view
        view.ranking = values
        view.language = request.language
        let named = Self.namedActors(analysis.flags, in: full)
        view.unfolded.formUnion(named)
        view.unfolded.formUnion(request.highlights.compactMap { full.index(ofActor: $0) })
        let selection = try view.select(from: full)
        let (network, original, groups) = (selection.network, selection.original, selection.groups)
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
        // A group of less central actors (a network too large to draw) is sized as its largest
        // member: the sum of thousands would set the scale and make every drawn actor look alike.
        let measure =
            original.map { values[$0] }
            + groups.map { group in
                group.lessCentral
                    ? group.members.map { values[$0] }.max() ?? 0
                    : group.members.reduce(0) { $0 + values[$1] }
            }
        var options = DiagramOptions(
            nodeMeasure: measure, measureName: request.sizeBy.label(request.language),
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
        if let ego = request.view.ego {
            options.ego = original.firstIndex { full.actors[$0].id == ego }
        }
        if !groups.isEmpty {
            for (g, group) in groups.enumerated() {
                options.groupMembers[original.count + g] = group.names
                if group.lessCentral { options.lessCentralGroups.insert(original.count + g) }
            }
            // Labels for the actors that matter; the others are named in their tooltip.
            let top = Set(
                original.indices.sorted {
                    (values[original[$0]], full.actors[original[$1]].name)
                        > (values[original[$1]], full.actors[original[$0]].name)
                }.prefix(15))
            let voices: Set<ActorRole> = [.clientVoice, .citizen]
            var labelled = Set(
                original.indices.filter { k in
                    named.contains(original[k]) || top.contains(k)
                        || voices.contains(full.role(of: full.actors[original[k]]))
                })
            labelled.formUnion(original.count..<network.actors.count)
            labelled.formUnion(options.highlight)
            if let ego = options.ego { labelled.insert(ego) }
            options.labelled = labelled
        }
        // Names a page never leaves out: actors findings name, highlighted actors, the ego, groups.
        var essential = Set(original.indices.filter { named.contains(original[$0]) })
        essential.formUnion(options.highlight)
        if let ego = options.ego { essential.insert(ego) }
        essential.formUnion(original.count..<network.actors.count)
        options.essentialLabels = essential
        var requested = request.engine
        if request.layout == .target {
            requested = .twopi
            options.root = measure.indices.max { measure[$0] < measure[$1] }
        }
        let (chosen, message) = LayoutEngine.bounded(requested, nodeCount: network.actors.count)
        options.engine = chosen
        self.network = network
        self.original = original
        self.groups = groups
        self.options = options
        self.engineNote = message
    }

    /// The actors a diagram keeps visible because findings name them, as indices of
    /// `network`: the subject of every finding about an actor (for a warning or a critical
    /// finding also the actors it concerns, such as the small providers that depend on one
    /// funder), both actors of a pair, and the members a finding about a type lists when it
    /// lists at most ten. Info findings that list everyone a funder pays name only the
    /// funder, and a finding about 35 sidelined small providers is about the group, which its
    /// group node shows.
    public static func namedActors(_ flags: [PowerFlag], in network: Network) -> Set<Int> {
        var ids: [String] = []
        for flag in flags {
            let subject = flag.subject
            switch subject.kind {
            case .actor: ids += flag.isDomination ? subject.ids : Array(subject.ids.prefix(1))
            case .pair: ids += subject.ids
            case .type: ids += subject.ids.count <= 11 ? Array(subject.ids.dropFirst()) : []
            case .network: break
            }
        }
        return Set(ids.compactMap { network.index(ofActor: $0) })
    }

    /// The key of drawn node `k` in a positions file: the actor's id in the full network, or
    /// the group's id.
    func positionKey(_ k: Int, full: Network) -> String {
        k < original.count ? full.actors[original[k]].id : network.actors[k].id
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
        for k in network.actors.indices {
            if let p = known[positionKey(k, full: full)] { options.positions[k] = p }
        }
        let engine = options.positions.isEmpty ? (options.engine ?? .neato) : .neato
        let placed = try StableLayout.positions(
            dot: DiagramBuilder.dot(for: network, options: options), engine: engine)
        // Graphviz shifts the whole drawing; bring new places into the file's frame.
        let shift = StableLayout.offset(pinned: options.positions, placed: placed)
        for (k, p) in placed where options.positions[k] == nil {
            let q = (p.0 - shift.0, p.1 - shift.1)
            options.positions[k] = q
            known[positionKey(k, full: full)] = q
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
        for k in network.actors.indices {
            if let p = known[positionKey(k, full: full)] { options.positions[k] = p }
        }
        options.pinPositions = false
        let placed = try StableLayout.positions(
            dot: DiagramBuilder.dot(for: network, options: options), engine: .neato)
        options.pinPositions = true
        options.positions = placed
        for (k, p) in placed { known[positionKey(k, full: full)] = p }
        options.engine = .neato
    }

    /// The DOT text of the one-pass diagram (``DiagramBuilder/dot(for:options:)``): what
    /// ``render(_:)`` draws for the screen preset. A page preset is composed in three passes
    /// (``pageDOT(_:)``).
    public var dot: String { DiagramBuilder.dot(for: network, options: options) }

    /// The DOT that ``render(_:)`` hands to Graphviz for `format`: ``dot`` for the screen; for
    /// a page (``DiagramPreset/isPage``) the composed page, every node, name and edge placed,
    /// with title, legend and page size, which Graphviz's `nop2` layout draws as it is.
    ///
    /// - Throws: `GraphvizError` when a layout pass fails.
    public func pageDOT(_ format: DiagramFormat) throws -> String {
        guard options.preset.isPage else { return dot }
        return try DiagramPage.compose(
            network, options: options, engine: options.engine ?? .neato, format: format)
    }

    /// Renders the diagram: in one pass for the screen; for slides and prints as a page of
    /// exactly the preset's size, the legend beside or below the map and no name covering
    /// another name or a node (see ``DiagramPreset``).
    ///
    /// - Throws: `GraphvizError` when Graphviz fails.
    public func render(_ format: DiagramFormat) throws -> RenderedDiagram {
        let engine = options.engine ?? .neato
        guard options.preset.isPage else {
            return try Graphviz.render(dot: dot, engine: engine, format: format)
        }
        return try DiagramPage.render(network, options: options, engine: engine, format: format).rendered
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
        // "omvang (budget mln)": the column's name in plain words, never the raw key.
        let sizeName =
            (english ? "size" : "omvang")
            + (full.metadata.sizeAttribute.map { " (\($0.replacingOccurrences(of: "_", with: " ")))" } ?? "")
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
        // A group: how many it holds, how many partners it has together, and their names.
        let groupInfos = groups.enumerated().map { g, group -> InteractiveHTML.ActorInfo in
            let actor = network.actors[original.count + g]
            let type = network.vocabulary.actorType(named: actor.type)?.label(language) ?? actor.type
            let tied = Set(
                network.relations.compactMap { r -> String? in
                    r.source == actor.id ? r.target : r.target == actor.id ? r.source : nil
                })
            let list: [(String, String)] = [
                (english ? "actors in this group" : "partijen in deze groep", String(group.members.count)),
                (english ? "partners of the group" : "partners van de groep", String(tied.count)),
                (english ? "names" : "namen", group.names.joined(separator: ", ")),
            ]
            return InteractiveHTML.ActorInfo(name: actor.name, type: type, figures: list, flags: [])
        }
        return InteractiveHTML.page(
            svg: svg.data, network: network, actors: infos + groupInfos, language: options.language)
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
