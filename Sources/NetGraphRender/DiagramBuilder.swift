import Foundation
import NetGraph
import NetGraphIO

/// Options for a network diagram.
public struct DiagramOptions: Sendable {
    /// Values that set node area (e.g. degree), by actor index; nil gives equal sizes.
    public var nodeMeasure: [Double]?
    /// Name of that measure for the caption, e.g. "graad (aantal relaties)".
    public var measureName: String?
    /// Language of legend, caption and tooltips: "en" for English, anything else Dutch
    /// (default "nl").
    public var language: String
    /// Actor indices to mark as flagged (thick red outline).
    public var flagged: Set<Int>
    /// Graphviz layout engine; nil chooses by size.
    public var engine: LayoutEngine?
    /// Leave ids out of tooltips (use `DiagramView.anonymise` for names).
    public var anonymise: Bool
    /// Font sizes, page size and resolution (default ``DiagramPreset/screen``).
    public var preset: DiagramPreset = .screen
    /// Positions in points, by actor index (stable layouts): pinned, or starting points when
    /// ``pinPositions`` is false.
    public var positions: [Int: (Double, Double)] = [:]
    /// Whether ``positions`` are fixed (`pos="x,y!"`) or only where neato starts (`pos="x,y"`,
    /// so the layout can improve while keeping the picture people have seen).
    public var pinPositions = true
    /// Actor indices to emphasise (thick dark outline).
    public var highlight: Set<Int> = []
    /// Flag rules per flagged actor, for tooltips and the legend.
    public var flagNotes: [Int: [String]] = [:]
    /// Centre of a radial ("target") layout with twopi.
    public var root: Int?
    /// Date for the caption (e.g. "2026-11-23").
    public var date: String?
    /// Actor indices whose name is drawn next to the node; nil: every actor. The others have
    /// their name in the tooltip only (folded diagrams label the actors that matter).
    public var labelled: Set<Int>?
    /// The ego of an ego view: a double outline, and the title says whose network it is
    /// ("Netwerk rond Gemeente Breda").
    public var ego: Int?
    /// Group nodes (folded small providers), by actor index: the members' names, for the
    /// tooltip and the caption line that says what was folded. Group nodes have a dashed
    /// outline.
    public var groupMembers: [Int: [String]] = [:]

    /// Options with these values; the rest take their defaults (screen preset, no pinned
    /// positions, highlights, flag notes, radial root or date).
    public init(
        nodeMeasure: [Double]? = nil, measureName: String? = nil, language: String = "nl",
        flagged: Set<Int> = [], engine: LayoutEngine? = nil, anonymise: Bool = false
    ) {
        self.nodeMeasure = nodeMeasure
        self.measureName = measureName
        self.language = language
        self.flagged = flagged
        self.engine = engine
        self.anonymise = anonymise
    }
}

/// Writes the DOT source of a network diagram: colour per actor type, shape per role, node
/// area proportional to a measure, edge width by weight, edge style by relation type, and
/// a legend with title and caption in the graph label (an HTML-like table, so it works
/// with every layout engine, including those that ignore clusters).
///
/// Spline routing (`splines=true`) takes Graphviz 2.42 about 30 s on 200 actors, so larger
/// diagrams use curved edges (0.2 s).
///
/// Node names in the DOT are synthetic (`a0`, `a1`, …), so actor ids never become DOT
/// syntax; ids and names appear only inside escaped label, tooltip and id strings.
public enum DiagramBuilder {
    /// The DOT source of a diagram of `network` with these options, ready for
    /// ``Graphviz/render(dot:engine:format:)``. The layout engine is not part of the DOT:
    /// pass `options.engine` (or one chosen by size) to the render call.
    public static func dot(for network: Network, options: DiagramOptions = DiagramOptions()) -> String {
        let nl = options.language != "en"
        let actors = network.actors
        // Colour per type: defaults fixed, added and unknown types numbered by appearance.
        var colours: [String: String] = [:]
        var extraCount = 0
        for name in network.vocabulary.actorTypes.map(\.name) + actors.map(\.type) where colours[name] == nil
        {
            colours[name] = DiagramStyle.colour(forType: name, extraIndex: extraCount)
            if DiagramStyle.typeColours[name] == nil { extraCount += 1 }
        }
        let knownTypes = Set(network.vocabulary.actorTypes.map(\.name))
        var extraTypes: [String] = []
        for actor in actors where !knownTypes.contains(actor.type) && !extraTypes.contains(actor.type) {
            extraTypes.append(actor.type)
        }

        var out = "digraph \"netan\" {\n"
        let preset = options.preset
        let root = options.root.map { ", root=\"a\($0)\", ranksep=1.3" } ?? ""
        out += "  graph [charset=\"UTF-8\", fontname=\"DejaVu Sans\", fontsize=\(preset.labelSize + 1)"
        out += ", outputorder=edgesfirst, overlap=false, splines=\(actors.count <= 40 ? "true" : "curved")"
        out += ", sep=\"+8\", start=1, pad=0.3, forcelabels=true, labelloc=b, labeljust=l"
        out += "\(preset.graphAttributes)\(root)];\n"
        out += "  node [fontname=\"DejaVu Sans\", fontsize=\(preset.labelSize), style=filled, fixedsize=true"
        out += ", label=\"\", penwidth=0.8, color=\"#333333\"];\n"
        out += "  edge [fontname=\"DejaVu Sans\", fontsize=8, arrowsize=0.6];\n"

        // Node size: area proportional to the measure, between minArea and maxArea (inch²).
        let measure = options.nodeMeasure
        let maximum = measure?.max() ?? 0
        for (i, actor) in actors.enumerated() {
            let role = network.role(of: actor)
            let colour = colours[actor.type]!
            let (shape, _) = DiagramStyle.shape(for: role)
            let share = maximum > 0 ? max(0, measure![i]) / maximum : 0.3
            let area = 0.08 + share * 0.9
            let width = (area).squareRoot()
            let name = actor.name
            let labelled = options.labelled?.contains(i) ?? true
            var attributes: [String] = labelled ? ["xlabel=\(DOTEscaping.quoted(name))"] : []
            attributes += [
                "shape=\(shape)",
                "width=\(format(width))", "height=\(format(width))",
                "fillcolor=\"\(colour)\"",
                "id=\(DOTEscaping.quoted("actor-\(i)"))",
            ]
            var tip = "\(actor.name) (\(actor.type))"
            if let measure, let measureName = options.measureName {
                tip += "\n\(measureName): \(format(measure[i]))"
            }
            if let notes = options.flagNotes[i], !notes.isEmpty {
                tip += "\n" + (nl ? "Bevindingen: " : "Findings: ") + notes.joined(separator: ", ")
            }
            if let members = options.groupMembers[i] {
                // The names, several to a line; a line breaks between names, never inside one.
                var lines = [nl ? "Samengevoegd:" : "Folded:"]
                for (k, member) in members.enumerated() {
                    let item = member + (k < members.count - 1 ? "," : "")
                    if lines[lines.count - 1].count + item.count + 1 > 80 { lines.append("") }
                    lines[lines.count - 1] += (lines[lines.count - 1].isEmpty ? "" : " ") + item
                }
                tip += "\n" + lines.joined(separator: "\n")
                attributes.append("style=\"filled,dashed\"")
            }
            attributes.append("tooltip=\(DOTEscaping.quoted(tip))")
            if let (x, y) = options.positions[i] {
                attributes.append(
                    "pos=\"\(format(x / 72)),\(format(y / 72))\(options.pinPositions ? "!" : "")\"")
            }
            if options.flagged.contains(i) { attributes += ["penwidth=3", "color=\"#D81B60\""] }
            if options.highlight.contains(i) {
                attributes += [
                    "penwidth=4", "color=\"#000000\"", "fontcolor=\"#000000\"",
                    "fontname=\"DejaVu Sans Bold\"",
                ]
            }
            if options.ego == i {
                // Double outline, in red when the ego is flagged.
                attributes += ["peripheries=2", "fontname=\"DejaVu Sans Bold\""]
                if !options.flagged.contains(i) && !options.highlight.contains(i) {
                    attributes += ["penwidth=2.5", "color=\"#000000\""]
                }
            }
            out += "  a\(i) [\(attributes.joined(separator: ", "))];\n"
        }

        // One drawn edge per pair of actors. Graphviz 2.42's spline router crashes (heap
        // corruption) on multi-edges between polygon-shaped nodes, so parallel and opposite
        // relations are merged: the line takes the style of the first relation type in
        // vocabulary order, arrows show every direction present, the tooltip lists all.
        // Width: 0.6–4 pt by weight relative to the largest weight of the same type.
        var maxWeight: [String: Double] = [:]
        for relation in network.relations {
            maxWeight[relation.type] = max(maxWeight[relation.type] ?? 0, relation.weight)
        }
        let typeOrder = Dictionary(
            network.vocabulary.relationTypes.enumerated().map { ($1.name, $0) },
            uniquingKeysWith: { a, _ in a })
        var pairs: [Pair: [Relation]] = [:]
        var pairOrder: [Pair] = []
        for relation in network.relations {
            guard let u = network.index(ofActor: relation.source),
                let v = network.index(ofActor: relation.target)
            else { continue }
            let pair = Pair(min(u, v), max(u, v))
            if pairs[pair] == nil { pairOrder.append(pair) }
            pairs[pair, default: []].append(relation)
        }
        for pair in pairOrder {
            let relations = pairs[pair]!.sorted {
                (typeOrder[$0.type] ?? Int.max, $0.type) < (typeOrder[$1.type] ?? Int.max, $1.type)
            }
            let main = relations[0]
            let (style, colour) = DiagramStyle.edgeStyle(forRelationType: main.type)
            let relative =
                relations.map { $0.weight / max(maxWeight[$0.type] ?? 1, .leastNonzeroMagnitude) }.max() ?? 1
            let width = 0.6 + 3.4 * relative.squareRoot()
            let lowFirst = relations.contains { $0.directed && network.index(ofActor: $0.source) == pair.low }
            let highFirst = relations.contains {
                $0.directed && network.index(ofActor: $0.source) == pair.high
            }
            let direction =
                lowFirst && highFirst ? "both" : lowFirst ? "forward" : highFirst ? "back" : "none"
            let tip = relations.map { relation -> String in
                let arrow = relation.directed ? " → " : " — "
                let names: String =
                    options.anonymise
                    ? ""
                    : "\(network.actor(id: relation.source)!.name)\(arrow)"
                        + "\(network.actor(id: relation.target)!.name): "
                return "\(names)\(relation.type) \(format(relation.weight))"
            }.joined(separator: "\n")
            let attributes = [
                "style=\(style)", "color=\"\(colour)\"", "penwidth=\(format(width))", "dir=\(direction)",
                "tooltip=\(DOTEscaping.quoted(tip))", "id=\"pair-\(pair.low)-\(pair.high)\"",
            ]
            out += "  a\(pair.low) -> a\(pair.high) [\(attributes.joined(separator: ", "))];\n"
        }

        out += "  label=<\(legend(network, colours: colours, extraTypes: extraTypes, options: options))>;\n"
        out += "}\n"
        return out
    }

    /// The legend table: title, caption, one row per actor type present, relation styles.
    static func legend(
        _ network: Network, colours: [String: String], extraTypes: [String], options: DiagramOptions
    ) -> String {
        let nl = options.language != "en"
        let meta = network.metadata
        var title = meta.name
        if let region = meta.region, !title.contains(region) { title += " — " + region }
        if let year = meta.year { title += " (\(year))" }
        if let ego = options.ego, network.actors.indices.contains(ego) {
            title = (nl ? "Netwerk rond " : "Network around ") + network.actors[ego].name + " — " + title
        }
        var rows = "<tr><td colspan=\"4\" align=\"left\">"
        rows += "<font point-size=\"\(options.preset.titleSize)\">"
        rows += "<b>\(DOTEscaping.html(title))</b></font></td></tr>"
        var caption: [String] = []
        if let measureName = options.measureName {
            let largest =
                options.nodeMeasure?.max().map { " (" + (nl ? "grootste: " : "largest: ") + format($0) + ")" }
                ?? ""
            caption.append(
                (nl ? "Knoopgrootte (oppervlak): " : "Node size (area): ") + measureName + largest
                    + (nl ? " · lijndikte: gewicht" : " · line width: weight"))
        }
        if !options.flagged.isEmpty {
            let rules = Set(options.flagNotes.values.flatMap { $0 }).sorted().joined(separator: ", ")
            caption.append(
                (nl ? "Rode rand: gesignaleerde actor" : "Red outline: flagged actor")
                    + (rules.isEmpty ? "" : " (\(rules))"))
        }
        if !options.highlight.isEmpty {
            caption.append(nl ? "Zwarte rand: gemarkeerde actor" : "Black outline: highlighted actor")
        }
        if let ego = options.ego, network.actors.indices.contains(ego) {
            let name = network.actors[ego].name
            caption.append(
                nl
                    ? "Dubbele rand: \(name), het middelpunt van deze weergave"
                    : "Double outline: \(name), the centre of this view")
        }
        if let line = foldCaption(network, options: options) { caption.append(line) }
        if let date = options.date { caption.append((nl ? "Gemaakt: " : "Made: ") + date) }
        if let source = meta.source { caption.append((nl ? "Bron: " : "Source: ") + source) }
        for line in caption {
            rows += "<tr><td colspan=\"4\" align=\"left\"><font point-size=\"9\">"
            rows += "\(DOTEscaping.html(wrap(line, width: 110)))</font></td></tr>"
        }
        let present = Set(network.actors.map(\.type))
        var cells: [String] = []
        for type in network.vocabulary.actorTypes where present.contains(type.name) {
            cells.append(legendCell(label: type.label, role: type.role, colour: colours[type.name]!, nl: nl))
        }
        for name in extraTypes {
            cells.append(legendCell(label: name, role: .other, colour: colours[name]!, nl: nl))
        }
        let relationTypes = Set(network.relations.map(\.type))
        for type in network.vocabulary.relationTypes.map(\.name)
            + relationTypes.subtracting(network.vocabulary.relationTypes.map(\.name)).sorted()
        where relationTypes.contains(type) {
            let (style, colour) = DiagramStyle.edgeStyle(forRelationType: type)
            let stroke =
                style == "dashed"
                ? "╌╌╌" : style == "dotted" ? "┈┈┈" : style == "bold" ? "━━━" : "───"
            let arrow = (network.vocabulary.relationType(named: type)?.directed ?? true) ? "▶" : ""
            cells.append(
                "<td align=\"left\"><font color=\"\(colour)\">\(stroke)\(arrow)</font></td>"
                    + "<td align=\"left\">\(DOTEscaping.html(type))</td>"
            )
        }
        // Two legend entries per row.
        for start in stride(from: 0, to: cells.count, by: 2) {
            rows +=
                "<tr>" + cells[start] + (start + 1 < cells.count ? cells[start + 1] : "<td></td><td></td>")
                + "</tr>"
        }
        return "<table border=\"0\" cellborder=\"0\" cellspacing=\"2\" cellpadding=\"1\">\(rows)</table>"
    }

    /// "Samengevoegd (gestippelde rand): 38 kleine zorgaanbieders in 3 groepen; netan render
    /// --all tekent alles." — nil when nothing was folded.
    static func foldCaption(_ network: Network, options: DiagramOptions) -> String? {
        let nl = options.language != "en"
        var membersPerType: [String: Int] = [:]
        var types: [String] = []
        for (i, members) in options.groupMembers.sorted(by: { $0.key < $1.key })
        where i < network.actors.count {
            let type = network.actors[i].type
            if membersPerType[type] == nil { types.append(type) }
            membersPerType[type, default: 0] += members.count
        }
        guard !types.isEmpty else { return nil }
        let parts = types.map {
            "\(membersPerType[$0]!) "
                + DiagramView.smallPlural(
                    type: $0, vocabulary: network.vocabulary, language: options.language)
        }
        let list =
            parts.count == 1
            ? parts[0] : parts.dropLast().joined(separator: ", ") + (nl ? " en " : " and ") + parts.last!
        let groups = options.groupMembers.count
        return nl
            ? "Samengevoegd (gestippelde rand): \(list) in \(groups) \(groups == 1 ? "groep" : "groepen"); "
                + "netan render --all tekent alles."
            : "Folded (dashed outline): \(list) in \(groups) \(groups == 1 ? "group" : "groups"); "
                + "netan render --all draws everything."
    }

    private static func legendCell(label: String, role: ActorRole, colour: String, nl: Bool) -> String {
        let glyph = DiagramStyle.shape(for: role).glyph
        let roleName = nl ? role.dutchLabel : role.rawValue
        return "<td align=\"left\"><font color=\"\(colour)\" point-size=\"13\">\(glyph)</font></td>"
            + "<td align=\"left\">\(DOTEscaping.html(label)) "
            + "<font color=\"#666666\">(\(DOTEscaping.html(roleName)))</font></td>"
    }

    private struct Pair: Hashable {
        let low: Int, high: Int
        init(_ low: Int, _ high: Int) {
            self.low = low
            self.high = high
        }
    }

    static func wrap(_ text: String, width: Int) -> String {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if current.count + word.count + 1 > width, !current.isEmpty {
                lines.append(current)
                current = ""
            }
            current += (current.isEmpty ? "" : " ") + word
        }
        if !current.isEmpty { lines.append(current) }
        return lines.joined(separator: "\n")
    }

    /// A short number for captions and tooltips ("12", "0.346").
    public static func format(_ value: Double) -> String {
        if value == value.rounded() && abs(value) < 1e15 { return String(Int(value)) }
        return String(format: "%.3g", value)
    }
}
