import Foundation
import NetGraph
import NetGraphIO

/// Which part of a network a diagram shows.
public struct DiagramView: Sendable {
    /// Show only this actor and its neighbourhood up to `depth` steps (ties in either direction).
    public var ego: String?
    /// Steps from `ego` to include (default 1: its direct partners); used only with `ego`.
    public var depth: Int = 1
    /// Only relations of these types ("layers").
    public var relationTypes: Set<String>?
    /// Only actors of these types.
    public var actorTypes: Set<String>?
    /// Only the `top` actors by `ranking` (values per actor of the full network).
    public var top: Int?
    /// One value per actor of the full network, highest first for `top` (ties by name);
    /// `top` has no effect without it.
    public var ranking: [Double]?
    /// Leave out actors without a relation inside the view (the ego actor always stays).
    public var hideIsolates = false
    /// Replace names and ids by stable pseudonyms per type ("Zorgaanbieder 3").
    public var anonymise = false

    /// The whole network: every actor and relation, names as they are.
    public init() {}

    /// Thrown by ``apply(to:)`` when `ego` is not an actor id of the network.
    public struct UnknownActor: Error, CustomStringConvertible {
        /// The id asked for.
        public let id: String
        /// The closest actor id, if one is close enough to suggest.
        public let suggestion: String?
        /// `There is no actor "id".`, with `Did you mean "…"?` when there is a suggestion.
        public var description: String {
            "There is no actor \"\(id)\"." + (suggestion.map { " Did you mean \"\($0)\"?" } ?? "")
        }
    }

    /// The part of `network` to draw, and for each of its actors the index in `network`.
    ///
    /// - Throws: ``UnknownActor`` when `ego` is set and names no actor.
    public func apply(to network: Network) throws -> (network: Network, original: [Int]) {
        var keep = Set(network.actors.indices)
        if let actorTypes { keep = keep.filter { actorTypes.contains(network.actors[$0].type) } }
        let relations = network.relations.filter { relationTypes?.contains($0.type) ?? true }
        if let ego {
            guard let start = network.index(ofActor: ego) else {
                throw UnknownActor(
                    id: ego, suggestion: Normalize.closest(to: ego, in: network.actors.map(\.id)))
            }
            var neighbours = [Int: Set<Int>]()
            for r in relations {
                guard let u = network.index(ofActor: r.source), let v = network.index(ofActor: r.target)
                else { continue }
                neighbours[u, default: []].insert(v)
                neighbours[v, default: []].insert(u)
            }
            var reached: Set<Int> = [start]
            var frontier: Set<Int> = [start]
            for _ in 0..<max(0, depth) {
                frontier = Set(frontier.flatMap { neighbours[$0] ?? [] }).subtracting(reached)
                reached.formUnion(frontier)
            }
            keep.formIntersection(reached)
            keep.insert(start)
        }
        if let top, let ranking {
            let ranked = keep.sorted {
                (ranking[$0], network.actors[$1].name) > (ranking[$1], network.actors[$0].name)
            }
            keep = Set(ranked.prefix(top))
        }
        if hideIsolates {
            var tied = Set<Int>()
            for r in relations {
                guard let u = network.index(ofActor: r.source), let v = network.index(ofActor: r.target),
                    keep.contains(u), keep.contains(v)
                else { continue }
                tied.insert(u)
                tied.insert(v)
            }
            keep = keep.filter { tied.contains($0) || network.actors[$0].id == ego }
        }
        let original = keep.sorted()
        // Pseudonyms: numbered within each type in the order of the full network, so the same
        // actor gets the same pseudonym in every view.
        var pseudonym: [Int: (id: String, name: String)] = [:]
        if anonymise {
            var counters: [String: Int] = [:]
            for (i, actor) in network.actors.enumerated() {
                counters[actor.type, default: 0] += 1
                let label = network.vocabulary.actorType(named: actor.type)?.label ?? actor.type
                let name = label.prefix(1).uppercased() + label.dropFirst() + " \(counters[actor.type]!)"
                pseudonym[i] = (Slug.make(name), name)
            }
        }
        var metadata = network.metadata
        if anonymise { metadata.source = metadata.source.map { _ in "geanonimiseerd / anonymised" } }
        var view = Network(metadata: metadata, vocabulary: network.vocabulary)
        var newID: [String: String] = [:]
        for i in original {
            var actor = network.actors[i]
            if let p = pseudonym[i] {
                newID[actor.id] = p.id
                actor = Actor(
                    id: p.id, name: p.name, type: actor.type, size: actor.size, influence: actor.influence)
            }
            view.add(actor)
        }
        let kept = Set(original.map { network.actors[$0].id })
        for r in relations where kept.contains(r.source) && kept.contains(r.target) {
            var relation = r
            relation.source = newID[r.source] ?? r.source
            relation.target = newID[r.target] ?? r.target
            if anonymise { relation.attributes = [:] }
            view.add(relation)
        }
        return (view, original)
    }
}

/// Diagram presets: font sizes, page size and resolution.
public enum DiagramPreset: String, CaseIterable, Sendable {
    /// For a screen: 10 pt labels, 14 pt title, no page size.
    case screen
    /// For slides: 16 pt labels, 24 pt title; the layout is stretched to fill 12.8 × 7.2 in
    /// (16:9) at 150 dpi, so the map is as wide as a slide (the legend below it still adds
    /// height: about 1520 × 1080 pixels for the demo).
    case beamer
    /// For A4 paper: 8 pt labels, 12 pt title, fitted to 7.5 × 10.9 in at 300 dpi.
    case printA4 = "print-a4"
    /// For A3 paper: 9 pt labels, 14 pt title, fitted to 10.9 × 15.7 in at 300 dpi.
    case printA3 = "print-a3"

    var labelSize: Int {
        switch self {
        case .screen: 10
        case .beamer: 16
        case .printA4: 8
        case .printA3: 9
        }
    }
    var titleSize: Int {
        switch self {
        case .screen: 14
        case .beamer: 24
        case .printA4: 12
        case .printA3: 14
        }
    }
    /// Graphviz graph attributes: page size in inches (scaled to fit) and dots per inch.
    var graphAttributes: String {
        switch self {
        case .screen: ""
        case .beamer: ", size=\"12.8,7.2!\", ratio=fill, dpi=150"
        case .printA4: ", size=\"7.5,10.9\", dpi=300"
        case .printA3: ", size=\"10.9,15.7\", dpi=300"
        }
    }
}

extension LayoutEngine {
    /// The engine to use: the requested one unless it would take too long for this many actors
    /// (Graphviz 2.42: dot tens of seconds beyond ~100 nodes, fdp 5–8 s at 200, circo does not
    /// finish at 200), in which case sfdp with a message saying so.
    public static func bounded(_ requested: LayoutEngine?, nodeCount: Int) -> (
        engine: LayoutEngine, message: String?
    ) {
        guard let requested else { return (recommended(nodeCount: nodeCount), nil) }
        let limits: [LayoutEngine: Int] = [.dot: 120, .circo: 80, .fdp: 150, .neato: 1500, .twopi: 5000]
        if let limit = limits[requested], nodeCount > limit {
            return (
                .sfdp,
                "the \(requested.rawValue) layout would take too long for \(nodeCount) actors "
                    + "(limit \(limit)); using sfdp instead"
            )
        }
        return (requested, nil)
    }
}
