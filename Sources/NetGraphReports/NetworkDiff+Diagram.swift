import Foundation
import NetGraph
import NetGraphIO
import NetGraphRender

extension NetworkDiff {
    /// How a tie changed from the old version to the new one. The change diagram draws each
    /// kind in its own colour and style, with the SVG class ``NetworkDiff/TieChange/svgClass``.
    public enum TieChange: String, Sendable, CaseIterable {
        /// Only in the new version: green, solid, "+".
        case added
        /// Only in the old version: red, dashed, "−".
        case removed
        /// In both, with a larger weight in the new version: dark blue, thicker, "▲".
        case stronger
        /// In both, with a smaller weight in the new version: orange, thinner, "▼".
        case weaker
        /// In both with the same weight: light grey and thin.
        case unchanged

        /// The class of a drawn tie in the SVG: `change-added`, `change-removed`,
        /// `change-stronger`, `change-weaker` or `unchanged`.
        public var svgClass: String { self == .unchanged ? "unchanged" : "change-" + rawValue }

        /// The sign in the legend and the tooltips: "+", "−", "▲", "▼" (none when unchanged).
        public var symbol: String {
            switch self {
            case .added: "+"
            case .removed: "−"
            case .stronger: "▲"
            case .weaker: "▼"
            case .unchanged: ""
            }
        }

        /// Which change a line between two actors shows when their relations changed in
        /// several ways (lower first): added, removed, stronger, weaker, unchanged.
        var priority: Int { Self.allCases.firstIndex(of: self)! }

        /// Line colour, width and style in the change diagram.
        var style: (colour: String, width: Double, dashed: Bool) {
            switch self {
            case .added: return (ChangeDiagramStyle.green, 2.2, false)
            case .removed: return (ChangeDiagramStyle.red, 2.2, true)
            case .stronger: return (ChangeDiagramStyle.blue, 3.8, false)
            case .weaker: return (ChangeDiagramStyle.orange, 1.3, false)
            case .unchanged: return (ChangeDiagramStyle.faded, 0.7, false)
            }
        }

        /// The legend's word for it.
        func word(_ nl: Bool) -> String {
            switch self {
            case .added: nl ? "erbij" : "added"
            case .removed: nl ? "weg" : "removed"
            case .stronger: nl ? "sterker" : "stronger"
            case .weaker: nl ? "zwakker" : "weaker"
            case .unchanged: nl ? "ongewijzigd" : "unchanged"
            }
        }
    }

    /// One relation key (see the lists of ``NetworkDiff``) as the change diagram draws it.
    struct DiagramTie {
        /// The key, "source → target (type)" or "a — b (type)".
        var key: String
        /// A relation with this key (ends, type and direction).
        var relation: Relation
        /// Summed weight in the old version; nil when the key is not there.
        var old: Double?
        /// Summed weight in the new version; nil when the key is not there.
        var new: Double?
        /// Whether the data gave a weight for one of its relations.
        var weighted: Bool
        /// How it changed.
        var change: TieChange
    }

    /// Ids of the actors in the change diagram, in the order of its nodes (`a0`, `a1`, …): the
    /// old version's actors, then the added ones.
    public var diagramActorIDs: [String] { old.actors.map(\.id) + addedActors }

    /// Every relation key of either version with its weights and change, in the order of first
    /// appearance (old relations, then new ones). Stronger and weaker follow ``weightChanges``.
    func diagramTies() -> [DiagramTie] {
        var ties: [String: DiagramTie] = [:]
        var order: [String] = []
        let versions = [(old.relations, false), (new.relations, true)]
        for (relations, isNew) in versions {
            for relation in relations {
                let key = Self.key(relation)
                var tie =
                    ties[key]
                    ?? DiagramTie(
                        key: key, relation: relation, old: nil, new: nil, weighted: false, change: .unchanged)
                if ties[key] == nil { order.append(key) }
                if isNew {
                    tie.new = (tie.new ?? 0) + relation.weight
                } else {
                    tie.old = (tie.old ?? 0) + relation.weight
                }
                if relation.weightGiven { tie.weighted = true }
                ties[key] = tie
            }
        }
        let changed = Dictionary(weightChanges.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        return order.map { key in
            var tie = ties[key]!
            if tie.old == nil {
                tie.change = .added
            } else if tie.new == nil {
                tie.change = .removed
            } else if let change = changed[key] {
                tie.change = change.new > change.old ? .stronger : .weaker
            }
            return tie
        }
    }

    /// Where the old version's actors stand when it is drawn on its own, by actor id
    /// (Graphviz points): the layout of `DiagramBuilder` with the engine chosen by size. The
    /// change diagram pins the old actors there.
    ///
    /// - Throws: `GraphvizError` when the layout fails.
    public func oldPositions() throws -> [String: (Double, Double)] {
        guard !old.actors.isEmpty else { return [:] }
        let engine = LayoutEngine.recommended(nodeCount: old.actors.count)
        let placed = try StableLayout.positions(dot: DiagramBuilder.dot(for: old), engine: engine)
        var positions: [String: (Double, Double)] = [:]
        for (index, point) in placed where index < old.actors.count {
            positions[old.actors[index].id] = point
        }
        return positions
    }

    /// Where every actor of the change diagram stands, by actor id, in Graphviz points in the
    /// frame of `oldPositions` (see ``oldPositions()``): the old actors exactly there, the added
    /// ones where neato places them around the pinned old ones, each moved to the nearest free
    /// spot (outwards first) when it would come within 40 points of another actor.
    ///
    /// - Throws: `GraphvizError` when the layout fails.
    public func diagramPositions(
        oldPositions: [String: (Double, Double)]
    ) throws -> [String: (Double, Double)] {
        var positions = oldPositions.filter { old.contains(actor: $0.key) }
        let ids = diagramActorIDs
        guard ids.contains(where: { positions[$0] == nil }) else { return positions }
        let placed = try StableLayout.positions(
            dot: diagram(positions: positions, language: "en"), engine: .neato)
        var pinned: [Int: (Double, Double)] = [:]
        for (i, id) in ids.enumerated() { pinned[i] = positions[id] }
        // Graphviz moves the whole drawing; bring the new places into the old frame.
        let shift = StableLayout.offset(pinned: pinned, placed: placed)
        var spots = FreeSpots(spacing: 40)
        for point in positions.values { spots.occupy(point) }
        let centre: (Double, Double) =
            positions.isEmpty
            ? (0, 0)
            : (
                positions.values.reduce(0) { $0 + $1.0 } / Double(positions.count),
                positions.values.reduce(0) { $0 + $1.1 } / Double(positions.count)
            )
        for (i, id) in ids.enumerated() where positions[id] == nil {
            guard let point = placed[i] else { continue }
            let spot = spots.nearest(to: (point.0 - shift.0, point.1 - shift.1), awayFrom: centre)
            spots.occupy(spot)
            positions[id] = spot
        }
        return positions
    }

    /// DOT of the change diagram: the union of both versions, each actor pinned at `positions`
    /// (Graphviz points by actor id, see ``diagramPositions(oldPositions:)``; actors without one
    /// are placed by neato). Unchanged actors and ties are faded (light grey, thin, grey names;
    /// above 40 actors their names are only in the tooltip); the changes stand out in colour and
    /// style (``TieChange``), added and removed actors with a green or red dashed outline. Title
    /// "Wat is er veranderd: OLD → NEW" ("What changed: …" in English), a caption with the
    /// counts and a legend.
    ///
    /// One line is drawn per pair of actors (Graphviz 2.42's spline router crashes on
    /// multi-edges); it shows the pair's most notable change (in the order of ``TieChange``) and
    /// its tooltip says every change in words and numbers ("financiering 4 → 6 mln euro").
    /// In the SVG, ties carry the class ``NetworkDiff/TieChange/svgClass`` and actors `actor-added`,
    /// `actor-removed` or `actor-unchanged`.
    ///
    /// Render it with neato. It asks for no overlap removal when anything is pinned, because that
    /// would move the pinned actors.
    public func diagram(positions: [String: (Double, Double)], language: String) -> String {
        let nl = language != "en"
        let ids = diagramActorIDs
        let index = Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let ties = diagramTies()

        // The relation keys of each pair of actors, pairs in order of first appearance.
        var pairs: [Int: [DiagramTie]] = [:]
        var pairOrder: [Int] = []
        for tie in ties {
            guard let u = index[tie.relation.source], let v = index[tie.relation.target] else { continue }
            let pair = min(u, v) * ids.count + max(u, v)
            if pairs[pair] == nil { pairOrder.append(pair) }
            pairs[pair, default: []].append(tie)
        }
        func pairChange(_ pair: Int) -> TieChange {
            pairs[pair]!.map(\.change).min { $0.priority < $1.priority }!
        }
        // Actors at an end of a changed tie keep a dark name: the reader must find them.
        var changedTies: [Int: Int] = [:]
        for tie in ties where tie.change != .unchanged {
            for id in [tie.relation.source, tie.relation.target] {
                if let i = index[id] { changedTies[i, default: 0] += 1 }
            }
        }

        let style = ChangeDiagramStyle.self
        var out = "digraph \"diff\" {\n"
        out += "  graph [charset=\"UTF-8\", fontname=\"DejaVu Sans\", fontsize=10, outputorder=edgesfirst"
        out += ", splines=\(ids.count <= 40 ? "true" : "curved"), start=1, pad=0.3, forcelabels=true"
        out += ", labelloc=t, labeljust=l\(positions.isEmpty ? ", overlap=false, sep=\"+8\"" : "")];\n"
        out += "  node [fontname=\"DejaVu Sans\", fontsize=9, shape=circle, style=filled, fixedsize=true"
        out += ", width=0.22, height=0.22, label=\"\", penwidth=0.8, fillcolor=\"\(style.fadedFill)\""
        out += ", color=\"\(style.fadedLine)\", fontcolor=\"\(style.fadedText)\"];\n"
        out += "  edge [arrowsize=0.6];\n"

        let added = Set(addedActors)
        let removed = Set(removedActors)
        let showFadedNames = ids.count <= 40
        for (i, id) in ids.enumerated() {
            guard let actor = new.actor(id: id) ?? old.actor(id: id) else { continue }
            var attributes = ["id=\(DOTEscaping.quoted("actor-\(i)"))"]
            var tip = "\(actor.name) (\(actor.type))\n"
            var label: String? = showFadedNames ? actor.name : nil
            if added.contains(id) {
                attributes += [
                    "class=\"actor-added\"", "width=0.3", "height=0.3", "fillcolor=\"#FFFFFF\"",
                    "color=\"\(style.green)\"", "penwidth=2.5", "fontcolor=\"\(style.greenText)\"",
                ]
                label = "+ " + actor.name
                tip += nl ? "nieuw in \(new.metadata.name)" : "new in \(new.metadata.name)"
            } else if removed.contains(id) {
                attributes += [
                    "class=\"actor-removed\"", "width=0.3", "height=0.3", "fillcolor=\"#FFFFFF\"",
                    "color=\"\(style.red)\"", "style=\"filled,dashed\"", "penwidth=2.5",
                    "fontcolor=\"\(style.redText)\"",
                ]
                label = "− " + actor.name
                tip += nl ? "niet meer in \(new.metadata.name)" : "no longer in \(new.metadata.name)"
            } else if let count = changedTies[i] {
                attributes += [
                    "class=\"actor-unchanged\"", "width=0.26", "height=0.26",
                    "fillcolor=\"\(style.touchedFill)\"", "color=\"\(style.touchedLine)\"",
                    "fontcolor=\"\(style.touchedText)\"",
                ]
                label = actor.name
                tip +=
                    nl
                    ? "\(count) \(count == 1 ? "relatie" : "relaties") veranderd"
                    : "\(count) \(count == 1 ? "relation" : "relations") changed"
            } else {
                attributes.append("class=\"actor-unchanged\"")
                tip += nl ? "ongewijzigd" : "unchanged"
            }
            if let label { attributes.append("xlabel=\(DOTEscaping.quoted(label))") }
            attributes.append("tooltip=\(DOTEscaping.quoted(tip))")
            if let (x, y) = positions[id] {
                attributes.append("pos=\"\(Self.inches(x)),\(Self.inches(y))!\"")
            }
            out += "  a\(i) [\(attributes.joined(separator: ", "))];\n"
        }

        // Faded lines first, so the changes are drawn over them.
        let drawOrder =
            pairOrder.filter { pairChange($0) == .unchanged }
            + pairOrder.filter { pairChange($0) != .unchanged }
        for pair in drawOrder {
            let low = pair / ids.count
            let high = pair % ids.count
            let change = pairChange(pair)
            let members = pairs[pair]!.sorted { ($0.change.priority, $0.key) < ($1.change.priority, $1.key) }
            let forward = members.contains { $0.relation.directed && index[$0.relation.source] == low }
            let backward = members.contains { $0.relation.directed && index[$0.relation.source] == high }
            let direction = forward && backward ? "both" : forward ? "forward" : backward ? "back" : "none"
            let (colour, width, dashed) = change.style
            var attributes = [
                "id=\"tie-\(low)-\(high)\"", "class=\"\(change.svgClass)\"", "color=\"\(colour)\"",
                "penwidth=\(width)", "style=\(dashed ? "dashed" : "solid")", "dir=\(direction)",
            ]
            if change == .unchanged { attributes.append("arrowsize=0.4") }
            let tip = members.map { tieLine($0, nl: nl) }.joined(separator: "\n")
            attributes.append("tooltip=\(DOTEscaping.quoted(tip))")
            out += "  a\(low) -> a\(high) [\(attributes.joined(separator: ", "))];\n"
        }
        out += "  label=<\(diagramLegend(nl: nl, showFadedNames: showFadedNames))>;\n"
        out += "}\n"
        return out
    }

    /// A tie's change in plain words and numbers, e.g. "▲ Gemeente → Welzijn: financiering 4 → 6
    /// mln euro (+50%)"; the unit is the relation type's `unit` when network.yaml gives one.
    func tieLine(_ tie: DiagramTie, nl: Bool) -> String {
        let r = tie.relation
        let name = { (id: String) in self.new.actor(id: id)?.name ?? self.old.actor(id: id)?.name ?? id }
        let (a, b) = r.directed ? (r.source, r.target) : (min(r.source, r.target), max(r.source, r.target))
        let ends = "\(name(a)) \(r.directed ? "→" : "—") \(name(b))"
        let type = new.vocabulary.relationType(named: r.type) ?? old.vocabulary.relationType(named: r.type)
        let unit = (type?.unit).map { " " + $0 } ?? ""
        func number(_ x: Double) -> String { Self.number(x, nl: nl) }
        func amount(_ x: Double?) -> String {
            guard tie.weighted, let x else { return "" }
            return " \(number(x))\(unit)"
        }
        switch tie.change {
        case .added:
            return "+ \(ends): \(r.type)\(amount(tie.new)) (\(nl ? "nieuw" : "new"))"
        case .removed:
            return "− \(ends): \(r.type)\(amount(tie.old)) (\(nl ? "verdwenen" : "gone"))"
        case .stronger, .weaker:
            let o = tie.old ?? 0
            let n = tie.new ?? 0
            var line = "\(tie.change.symbol) \(ends): \(r.type) \(number(o)) → \(number(n))\(unit)"
            if o > 0 {
                let percent = Int(((n - o) / o * 100).rounded())
                line += " (\(percent >= 0 ? "+" : "−")\(abs(percent))%)"
            }
            return line
        case .unchanged:
            return "\(ends): \(r.type)\(amount(tie.new)) (\(nl ? "ongewijzigd" : "unchanged"))"
        }
    }

    /// The graph label: title, a caption with the counts, and the legend of the changes.
    func diagramLegend(nl: Bool, showFadedNames: Bool) -> String {
        let style = ChangeDiagramStyle.self
        let stronger = weightChanges.filter { $0.new > $0.old }.count
        let weaker = weightChanges.count - stronger
        func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }
        let title =
            (nl ? "Wat is er veranderd: " : "What changed: ") + "\(old.metadata.name) → \(new.metadata.name)"
        let relations = count(
            addedRelations.count, nl ? "relatie" : "relation", nl ? "relaties" : "relations")
        let actors = count(addedActors.count, "actor", nl ? "actoren" : "actors")
        let counts: String
        let faded: String
        if nl {
            counts =
                "\(relations) erbij, \(removedRelations.count) weg, \(stronger) sterker, \(weaker) zwakker · "
                + "\(actors) erbij, \(removedActors.count) weg"
            faded = "Grijs: ongewijzigd, op de plek in \(old.metadata.name)"
        } else {
            counts =
                "\(relations) added, \(removedRelations.count) removed, \(stronger) stronger, "
                + "\(weaker) weaker · \(actors) added, \(removedActors.count) removed"
            faded = "Grey: unchanged, at its place in \(old.metadata.name)"
        }
        let tooltipOnly = nl ? " (namen in de tooltip)" : " (names in the tooltip)"
        var captions = [counts, faded + (showFadedNames ? "" : tooltipOnly)]
        if isEmpty { captions.insert(nl ? "Geen verschillen." : "No differences.", at: 0) }
        var rows = "<tr><td align=\"left\"><font point-size=\"14\">"
        rows += "<b>\(DOTEscaping.html(title))</b></font></td></tr>"
        for line in captions {
            rows += "<tr><td align=\"left\"><font point-size=\"9\">\(DOTEscaping.html(line))</font></td></tr>"
        }
        func entry(_ glyph: String, _ colour: String, _ text: String) -> String {
            "<font color=\"\(colour)\">\(DOTEscaping.html(glyph))</font> \(DOTEscaping.html(text))"
        }
        let strokes: [TieChange: String] = [
            .added: "━━ +", .removed: "╌╌ −", .stronger: "━━ ▲", .weaker: "── ▼", .unchanged: "──",
        ]
        // One line for the ties, one for the actors.
        let tieEntries = TieChange.allCases.map { entry(strokes[$0]!, $0.style.colour, $0.word(nl)) }
        let actorEntries = [
            entry("◯", style.green, nl ? "actor erbij" : "actor added"),
            entry("◌", style.red, nl ? "actor weg" : "actor removed"),
            entry("●", style.touchedLine, nl ? "aan een veranderde relatie" : "at a changed tie"),
        ]
        for line in [tieEntries, actorEntries] {
            rows += "<tr><td align=\"left\">\(line.joined(separator: "   "))</td></tr>"
        }
        return "<table border=\"0\" cellborder=\"0\" cellspacing=\"2\" cellpadding=\"1\">\(rows)</table>"
    }

    /// Points as inches for a DOT `pos`, with four decimals (the layout's own precision).
    static func inches(_ points: Double) -> String { String(format: "%.4f", points / 72) }

    /// A number for a tooltip: whole numbers as they are, others to three significant digits
    /// without an exponent ("111", "0.693", "4.5"), with a decimal comma in Dutch.
    static func number(_ value: Double, nl: Bool) -> String {
        var text: String
        if value == value.rounded() && abs(value) < 1e15 {
            text = String(Int(value))
        } else {
            let magnitude = Int(log10(abs(value)).rounded(.down))
            text = String(format: "%.\(max(0, min(6, 2 - magnitude)))f", value)
            if text.contains(".") {
                while text.hasSuffix("0") { text.removeLast() }
                if text.hasSuffix(".") { text.removeLast() }
            }
        }
        return nl ? text.replacingOccurrences(of: ".", with: ",") : text
    }

    /// The diagram of the changes (see ``diagram(positions:language:)``): the old version laid
    /// out on its own (``oldPositions()``), so unchanged actors keep their places, the added
    /// actors placed around them (``diagramPositions(oldPositions:)``), drawn with neato.
    ///
    /// - Throws: `GraphvizError` when a layout or the rendering fails.
    public func renderDiagram(_ format: DiagramFormat, language: String) throws -> Data {
        let positions = try diagramPositions(oldPositions: try oldPositions())
        let dot = diagram(positions: positions, language: language)
        return try Graphviz.render(dot: dot, engine: .neato, format: format).data
    }
}

/// Places at least `spacing` apart, in a grid of cells `spacing` wide (so a check looks at
/// nine cells, not at every place).
struct FreeSpots {
    /// The smallest distance between two places.
    let spacing: Double
    /// The places taken, by grid cell.
    private var cells: [Cell: [(Double, Double)]] = [:]

    /// A grid cell.
    private struct Cell: Hashable {
        var x: Int
        var y: Int
    }

    /// No place taken yet.
    init(spacing: Double) { self.spacing = spacing }

    private func cell(_ point: (Double, Double)) -> Cell {
        Cell(x: Int((point.0 / spacing).rounded(.down)), y: Int((point.1 / spacing).rounded(.down)))
    }

    /// Whether `point` is at least `spacing` from every place taken.
    func isFree(_ point: (Double, Double)) -> Bool {
        guard point.0.isFinite, point.1.isFinite else { return false }
        let c = cell(point)
        for dx in -1...1 {
            for dy in -1...1 {
                for q in cells[Cell(x: c.x + dx, y: c.y + dy)] ?? [] {
                    let (x, y) = (q.0 - point.0, q.1 - point.1)
                    if (x * x + y * y).squareRoot() < spacing { return false }
                }
            }
        }
        return true
    }

    /// Takes a place (a point that is not finite is ignored).
    mutating func occupy(_ point: (Double, Double)) {
        guard point.0.isFinite, point.1.isFinite else { return }
        cells[cell(point), default: []].append(point)
    }

    /// `point` when it is free, else the first free place on rings half a spacing apart around
    /// it, each ring tried from the direction away from `centre`, alternating sides.
    func nearest(to point: (Double, Double), awayFrom centre: (Double, Double)) -> (Double, Double) {
        guard point.0.isFinite, point.1.isFinite, !isFree(point) else { return point }
        // Rings of candidates, nearest first; the outward direction first on each.
        let start = atan2(point.1 - centre.1, point.0 - centre.0)
        let step = spacing / 2
        for ring in 1...400 {
            let radius = Double(ring) * step
            let count = max(6, Int(2 * Double.pi * radius / step))
            let angle = 2 * Double.pi / Double(count)
            for k in 0..<count {
                // 0, +1, −1, +2, −2, … steps from the outward direction.
                let turn = Double((k + 1) / 2) * (k % 2 == 0 ? -1 : 1) * angle
                let candidate = (
                    point.0 + radius * cos(start + turn), point.1 + radius * sin(start + turn)
                )
                if isFree(candidate) { return candidate }
            }
        }
        return point
    }
}

/// Colours of the change diagram: strong for the changes, light grey for the rest.
enum ChangeDiagramStyle {
    /// Added ties and actors.
    static let green = "#1A9850"
    /// Names of added actors.
    static let greenText = "#0B6B34"
    /// Removed ties and actors.
    static let red = "#D7191C"
    /// Names of removed actors.
    static let redText = "#A50F15"
    /// Stronger ties.
    static let blue = "#08519C"
    /// Weaker ties.
    static let orange = "#E66101"
    /// Unchanged ties.
    static let faded = "#D4D4D4"
    /// Fill, outline and name of unchanged actors.
    static let fadedFill = "#F0F0F0"
    static let fadedLine = "#C4C4C4"
    static let fadedText = "#A0A0A0"
    /// Fill, outline and name of unchanged actors at a changed tie.
    static let touchedFill = "#D9D9D9"
    static let touchedLine = "#737373"
    static let touchedText = "#252525"
}
