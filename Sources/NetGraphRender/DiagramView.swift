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
    /// `top` has no effect without it. Folding keeps the ten highest.
    public var ranking: [Double]?
    /// Leave out actors without a relation inside the view (the ego actor always stays).
    public var hideIsolates = false
    /// Replace names and ids by stable pseudonyms per type ("Zorgaanbieder 3").
    public var anonymise = false
    /// Fold small providers into group nodes when the view has more than
    /// ``foldThreshold`` actors: one node per actor type and region ("25 kleine
    /// zorgaanbieders (Breda)"), so a large region stays readable. Only actors whose role is
    /// provider are folded, and only small ones: not among the ten highest by `ranking`, not
    /// among the ten largest providers by size, not in `unfolded`, and not the only partner
    /// or the only funder (financiering, else contract) of another actor. Client
    /// organisations, citizens' initiatives, authorities, intermediaries and every other role
    /// are never folded. A type and region with a single small provider keeps it as it is.
    public var fold = false
    /// Actors never folded, as indices of the full network (``DiagramPlan`` puts the actors
    /// the findings name and the highlighted ones here).
    public var unfolded: Set<Int> = []
    /// Language of the group names: "en" for English, anything else Dutch.
    public var language = "nl"

    /// Views with more actors than this are folded when ``fold`` is set.
    public static let foldThreshold = 40

    /// At most this many nodes are drawn when folding. Above it (a national network of 20,000
    /// actors), after the small providers, every actor outside the `maximumDrawn` that matter
    /// most is folded too, one group per actor type ("19.750 andere gemeenten"): the actors in
    /// `unfolded`, then the highest by `ranking` (else by number of ties), stay. Graphviz lays
    /// out a few hundred nodes in seconds, 20,000 in many minutes, and nobody can read them.
    public static let maximumDrawn = 250

    /// The whole network: every actor and relation, names as they are.
    public init() {}

    /// Small providers of one type and region drawn as one node (see ``fold``).
    public struct Group: Sendable, Equatable {
        /// The actor type of every member.
        public let type: String
        /// The members' region; nil when not recorded.
        public let region: String?
        /// The members, as indices of the full network, in its order.
        public let members: [Int]
        /// The members' names as drawn (pseudonyms in an anonymised view), in the same order.
        public let names: [String]
        /// Small providers (the default), or the less central actors of a type in a network
        /// too large to draw (see ``maximumDrawn``).
        public var lessCentral = false
    }

    /// What a view draws (``select(from:)``).
    public struct Selection: Sendable {
        /// The network drawn: the actors kept, in the order of the full network, then one
        /// actor per group (its relations those of its members, merged per partner and type).
        public let network: Network
        /// For each actor kept, its index in the full network: `network.actors[k]` is the
        /// full network's actor `original[k]` for `k < original.count`.
        public let original: [Int]
        /// The groups, drawn after the actors kept: `network.actors[original.count + g]` is
        /// `groups[g]`. Empty unless the view folds.
        public let groups: [Group]
    }

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
    /// When the view folds, the group nodes follow the actors in `original` (see
    /// ``select(from:)``, which also says what each group holds).
    ///
    /// - Throws: ``UnknownActor`` when `ego` is set and names no actor.
    public func apply(to network: Network) throws -> (network: Network, original: [Int]) {
        let selection = try select(from: network)
        return (selection.network, selection.original)
    }

    /// The part of `network` to draw: the actors kept with their index in `network`, and the
    /// groups of small providers folded into one node each.
    ///
    /// - Throws: ``UnknownActor`` when `ego` is set and names no actor.
    public func select(from network: Network) throws -> Selection {
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
        let buckets = fold ? foldedBuckets(keep, in: network, relations: relations) : []
        let folded = Set(buckets.flatMap { $0.members })
        let original = keep.subtracting(folded).sorted()
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
        if anonymise {
            metadata.source = metadata.source.map { _ in language == "en" ? "anonymised" : "geanonimiseerd" }
        }
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
        // Group nodes, with ids no actor has.
        var taken = Set(network.actors.map(\.id)).union(pseudonym.values.map { $0.id })
        var groups: [Group] = []
        for bucket in buckets {
            var id = "groep-" + Slug.make(bucket.type + " " + (bucket.region ?? ""))
            while taken.contains(id) { id += "-" }
            taken.insert(id)
            let names = bucket.members.map { pseudonym[$0]?.name ?? network.actors[$0].name }
            let sizes = bucket.members.compactMap { network.actors[$0].size }
            view.add(
                Actor(
                    id: id,
                    name: Self.groupName(
                        count: bucket.members.count, type: bucket.type, region: bucket.region,
                        vocabulary: network.vocabulary, language: language, lessCentral: bucket.lessCentral),
                    type: bucket.type, size: sizes.isEmpty ? nil : sizes.reduce(0, +), region: bucket.region))
            for m in bucket.members { newID[network.actors[m].id] = id }
            groups.append(
                Group(
                    type: bucket.type, region: bucket.region, members: bucket.members, names: names,
                    lessCentral: bucket.lessCentral))
        }
        let kept = Set(original.map { network.actors[$0].id }).union(folded.map { network.actors[$0].id })
        // Relations of group members become one relation per partner, type and direction,
        // with the weights summed; ties between members of one group are not drawn.
        var merged: [MergedKey: Int] = [:]
        var drawn: [Relation] = []
        for r in relations where kept.contains(r.source) && kept.contains(r.target) {
            var relation = r
            relation.source = newID[r.source] ?? r.source
            relation.target = newID[r.target] ?? r.target
            if anonymise { relation.attributes = [:] }
            guard
                folded.contains(network.index(ofActor: r.source)!)
                    || folded.contains(network.index(ofActor: r.target)!)
            else {
                drawn.append(relation)
                continue
            }
            if relation.source == relation.target { continue }
            let ends =
                relation.directed || relation.source < relation.target
                ? (relation.source, relation.target) : (relation.target, relation.source)
            let key = MergedKey(source: ends.0, target: ends.1, type: r.type, directed: r.directed)
            if let k = merged[key] {
                drawn[k].weight += relation.weight
                drawn[k].weightGiven = drawn[k].weightGiven && relation.weightGiven
                if drawn[k].year != relation.year { drawn[k].year = nil }
            } else {
                merged[key] = drawn.count
                relation.source = ends.0
                relation.target = ends.1
                relation.attributes = [:]
                drawn.append(relation)
            }
        }
        for relation in drawn { view.add(relation) }
        return Selection(network: view, original: original, groups: groups)
    }

    private struct MergedKey: Hashable {
        let source: String
        let target: String
        let type: String
        let directed: Bool
    }

    /// The small providers to fold, by type and region (see ``fold``): empty when `keep` has
    /// at most ``foldThreshold`` actors. Groups in vocabulary order of their type, then by
    /// region (unknown last); members in the order of the full network.
    private func foldedBuckets(
        _ keep: Set<Int>, in network: Network, relations: [Relation]
    ) -> [(type: String, region: String?, members: [Int], lessCentral: Bool)] {
        guard keep.count > Self.foldThreshold else { return [] }
        let actors = network.actors
        let providers = keep.filter { network.role(of: actors[$0]) == .provider }
        var protected = unfolded
        // Highest first by `ranking`, else by number of ties in the view; ties by name.
        let score: [Double] = ranking ?? Self.tieCounts(keep, in: network, relations: relations)
        let ranked = keep.sorted { (score[$0], actors[$1].name) > (score[$1], actors[$0].name) }
        if ranking != nil { protected.formUnion(ranked.prefix(10)) }
        // Sizes: the ten largest providers are not small. (Not the median: that would keep
        // half of 90 providers, and the map would stay a hairball.)
        let sized = providers.filter { actors[$0].size != nil }.sorted {
            (actors[$0].size!, actors[$1].name) > (actors[$1].size!, actors[$0].name)
        }
        protected.formUnion(sized.prefix(10))
        let essential = protected
        // The only partner of an actor (its gatekeeper) or its only funder stays visible.
        let present = Set(relations.map(\.type))
        let flowType = present.contains("financiering") ? "financiering" : "contract"
        var partners: [Int: Set<Int>] = [:]
        var funders: [Int: Set<Int>] = [:]
        for r in relations {
            guard let u = network.index(ofActor: r.source), let v = network.index(ofActor: r.target),
                u != v, keep.contains(u), keep.contains(v)
            else { continue }
            partners[u, default: []].insert(v)
            partners[v, default: []].insert(u)
            if r.directed && r.type == flowType { funders[v, default: []].insert(u) }
        }
        for ties in Array(partners.values) + Array(funders.values) where ties.count == 1 {
            protected.formUnion(ties)
        }
        var buckets: [String: [Int]] = [:]
        func key(_ type: String, _ region: String?) -> String { type + "\u{1F}" + (region ?? "") }
        func region(_ i: Int) -> String? {
            actors[i].region.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        for i in providers.subtracting(protected) {
            buckets[key(actors[i].type, region(i)), default: []].append(i)
        }
        let typeOrder = Dictionary(
            network.vocabulary.actorTypes.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
        typealias Bucket = (type: String, region: String?, members: [Int], lessCentral: Bool)
        func order(_ b: Bucket) -> (Int, Int, String, Int, String) {
            (
                b.lessCentral ? 1 : 0, typeOrder[b.type] ?? Int.max, b.type, b.region == nil ? 1 : 0,
                b.region ?? ""
            )
        }
        var groups = buckets.values.filter { $0.count > 1 }.map { members -> Bucket in
            let sorted = members.sorted()
            return (actors[sorted[0]].type, region(sorted[0]), sorted, false)
        }
        // Still too many nodes: keep the essential actors and the highest ranked up to
        // `maximumDrawn`, fold the others per type.
        let foldedSmall = Set(groups.flatMap(\.members))
        let remaining = ranked.filter { !foldedSmall.contains($0) }
        if remaining.count + groups.count > Self.maximumDrawn {
            let types = Set(remaining.filter { !essential.contains($0) }.map { actors[$0].type })
            let kept = remaining.filter { essential.contains($0) }.count
            var budget = max(0, Self.maximumDrawn - groups.count - types.count - kept)
            var byType: [String: [Int]] = [:]
            for i in remaining where !essential.contains(i) {
                if budget > 0 {
                    budget -= 1
                } else {
                    byType[actors[i].type, default: []].append(i)
                }
            }
            groups += byType.values.filter { $0.count > 1 }.map { members -> Bucket in
                let sorted = members.sorted()
                return (actors[sorted[0]].type, nil, sorted, true)
            }
        }
        return groups.sorted { order($0) < order($1) }
    }

    /// Number of ties of each actor in `keep` with another actor in `keep` (indexed as the full
    /// network; 0 outside `keep`).
    private static func tieCounts(_ keep: Set<Int>, in network: Network, relations: [Relation]) -> [Double] {
        var counts = [Double](repeating: 0, count: network.actors.count)
        for r in relations {
            guard let u = network.index(ofActor: r.source), let v = network.index(ofActor: r.target),
                u != v, keep.contains(u), keep.contains(v)
            else { continue }
            counts[u] += 1
            counts[v] += 1
        }
        return counts
    }

    /// "kleine zorgaanbieders" / "small care providers": the providers of `type` that folding
    /// puts together, in group names and the caption.
    static func smallPlural(type: String, vocabulary: Vocabulary, language: String) -> String {
        let known = vocabulary.actorType(named: type)
        if language == "en" {
            guard let known, known.englishLabel != nil else { return "small providers (\(type))" }
            return "small " + known.label("en", plural: true)
        }
        guard let known, let plural = known.pluralLabel else {
            return "kleine aanbieders (\(known?.label ?? type))"
        }
        return "kleine " + plural
    }

    /// The name of a group node: "25 kleine zorgaanbieders (Breda)", or for less central
    /// actors "19.750 andere gemeenten".
    static func groupName(
        count: Int, type: String, region: String?, vocabulary: Vocabulary, language: String,
        lessCentral: Bool = false
    ) -> String {
        if lessCentral {
            return Self.grouped(count, language: language) + " "
                + otherPlural(type: type, vocabulary: vocabulary, language: language)
        }
        return "\(count) " + smallPlural(type: type, vocabulary: vocabulary, language: language)
            + (region.map { " (\($0))" } ?? "")
    }

    /// `count` with its thousands grouped: "19.750" in Dutch, "19,750" in English.
    static func grouped(_ count: Int, language: String) -> String {
        FindingLabels.integer(count, language == "en")
    }

    /// "andere gemeenten" / "other municipalities": the less central actors of `type` folded
    /// in a network too large to draw.
    static func otherPlural(type: String, vocabulary: Vocabulary, language: String) -> String {
        let known = vocabulary.actorType(named: type)
        let plural = known?.label(language == "en" ? "en" : "nl", plural: true) ?? type
        // "overige partijen" / "other parties" already say it.
        let prefix = language == "en" ? "other" : "overig"
        if plural.lowercased().hasPrefix(prefix) { return plural }
        return (language == "en" ? "other " : "andere ") + plural
    }
}

/// Diagram presets: font sizes, page size and resolution.
///
/// `screen` draws the map with its legend below at its natural size. The other presets are
/// pages: ``DiagramPlan/render(_:)`` lays the map out first, places every name itself (no
/// name on another name or node), then puts the legend beside the map (slides) or below it
/// (paper) and scales the map, not the text, so that the drawing fills the page exactly.
public enum DiagramPreset: String, CaseIterable, Sendable {
    /// For a screen: 10 pt names, 14 pt title, no page size.
    case screen
    /// For slides: a 16:9 page of 13.33 × 7.5 in (PowerPoint's widescreen slide; PNG 1920 ×
    /// 1080 at 144 dpi), 12 pt names, the title above, a compact legend (at most two columns)
    /// beside the map.
    case beamer
    /// For A4 paper (595 × 842 pt; PNG at 300 dpi): 7.5 pt names, the legend below the map, or
    /// landscape with the legend beside it when that draws the map at least 10% larger.
    case printA4 = "print-a4"
    /// For A3 paper (842 × 1191 pt), like ``printA4`` with 10 pt names.
    case printA3 = "print-a3"

    /// Whether the preset is a page (``DiagramPlan/render(_:)`` composes it).
    public var isPage: Bool { self != .screen }

    var labelSize: Double {
        switch self {
        case .screen: 10
        case .beamer: 12
        case .printA4: 7.5
        case .printA3: 10
        }
    }
    var titleSize: Double {
        switch self {
        case .screen: 14
        case .beamer: 16
        case .printA4: 11
        case .printA3: 15
        }
    }
    /// Legend entries (actor and relation types).
    var legendSize: Double {
        switch self {
        case .screen: labelSize + 1
        case .beamer: 11
        case .printA4: 7.5
        case .printA3: 10
        }
    }
    /// Caption lines (size measure, flags, folding, date, source).
    var captionSize: Double {
        switch self {
        case .screen: 9
        case .beamer: 9
        case .printA4: 6.5
        case .printA3: 8.5
        }
    }
    /// Page width and height in points, portrait for paper; nil for the screen.
    var page: (width: Double, height: Double)? {
        switch self {
        case .screen: nil
        case .beamer: (width: 960, height: 540)
        case .printA4: (width: 595, height: 842)
        case .printA3: (width: 842, height: 1191)
        }
    }
    /// White margin around a page's drawing, in points.
    var margin: Double {
        switch self {
        case .screen: 0
        case .beamer: 18
        case .printA4: 28
        case .printA3: 34
        }
    }
    /// Resolution of a page's PNG.
    var pngDPI: Int { self == .beamer ? 144 : 300 }
    /// Graphviz graph attributes of the one-pass drawing (``DiagramBuilder/dot(for:options:)``
    /// on its own): the drawing is scaled down to fit the page; ``DiagramPlan/render(_:)``
    /// composes the page instead.
    var graphAttributes: String {
        guard let page else { return "" }
        return ", size=\"\(DiagramBuilder.inches(page.width)),\(DiagramBuilder.inches(page.height))\""
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
