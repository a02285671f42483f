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
    /// Group nodes of less central actors in a network too large to draw
    /// (``DiagramView/maximumDrawn``), by actor index; the other groups are small providers.
    public var lessCentralGroups: Set<Int> = []
    /// Actor indices whose names a page (``DiagramPreset/isPage``) keeps at any cost: the
    /// actors findings name, highlighted actors, the ego, the groups. Other names make way and,
    /// when there is no room, are left to the tooltip (the caption says how many).
    public var essentialLabels: Set<Int> = []

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
/// diagrams use curved edges (0.2 s) — up to 400 relations: curved routing grows steeply with
/// the number of edges (on 250 nodes: 300 edges 0.4 s, 600 edges 2.9 s, 1,000 edges 58 s), so
/// denser diagrams get straight lines (0.1 s for 2,500 edges).
///
/// Node names in the DOT are synthetic (`a0`, `a1`, …), so actor ids never become DOT
/// syntax; ids and names appear only inside escaped label, tooltip and id strings.
public enum DiagramBuilder {
    /// Diagrams with more relations than this are drawn with straight lines (see above).
    public static let curvedEdgeLimit = 400

    /// The DOT source of a diagram of `network` with these options, ready for
    /// ``Graphviz/render(dot:engine:format:)``. The layout engine is not part of the DOT:
    /// pass `options.engine` (or one chosen by size) to the render call.
    ///
    /// This is the one-pass drawing: names as Graphviz `xlabel`s, the legend below the map,
    /// a page preset only scaling the drawing to fit its page. ``DiagramPlan/render(_:)``
    /// composes pages properly (``DiagramPreset/isPage``).
    public static func dot(for network: Network, options: DiagramOptions = DiagramOptions()) -> String {
        dot(for: network, options: options, pass: DOTPass())
    }

    /// The DOT of one pass of a drawing (``DiagramPage`` runs three).
    static func dot(for network: Network, options: DiagramOptions, pass: DOTPass) -> String {
        let nl = options.language != "en"
        let actors = network.actors
        let (colours, extraTypes) = typeColours(network)

        var out = "digraph \"netan\" {\n"
        let preset = options.preset
        let root = options.root.map { ", root=\"a\($0)\", ranksep=1.3" } ?? ""
        let splines =
            pass.splines
            ?? (actors.count <= 40
                ? "true" : network.relations.count <= Self.curvedEdgeLimit ? "curved" : "line")
        out +=
            "  graph [charset=\"UTF-8\", fontname=\"DejaVu Sans\", fontsize=\(format(preset.labelSize + 1))"
        out += ", outputorder=edgesfirst, overlap=\(pass.overlap), splines=\(splines)"
        out += ", sep=\"+8\", start=1, pad=\(pass.pageAttributes == nil ? "0.3" : "0"), forcelabels=true"
        out += ", labelloc=b, labeljust=l\(pass.pageAttributes ?? preset.graphAttributes)\(root)];\n"
        out += "  node [fontname=\"DejaVu Sans\", fontsize=\(format(pass.labelSize ?? preset.labelSize))"
        out += ", style=filled, fixedsize=true, label=\"\", penwidth=0.8, color=\"#333333\"];\n"
        out += "  edge [fontname=\"DejaVu Sans\", fontsize=8, arrowsize=0.6];\n"

        // Node size: area proportional to the measure, between minArea and maxArea (inch²).
        for (i, actor) in actors.enumerated() {
            let role = network.role(of: actor)
            let colour = colours[actor.type]!
            let (shape, _) = DiagramStyle.shape(for: role)
            let width = nodeWidth(i, options: options) * pass.nodeScale
            let name = actor.name
            var attributes: [String] = []
            switch pass.labels {
            case .xlabels:
                if options.labelled?.contains(i) ?? true {
                    attributes.append("xlabel=\(DOTEscaping.quoted(name))")
                }
            case .hidden:
                break
            case .placed(let places, let lines):
                if let place = places[i], let text = lines[i] {
                    attributes.append("xlabel=\"\(text.map(DOTEscaping.label).joined(separator: "\\n"))\"")
                    attributes.append("xlp=\"\(format2(place.x)),\(format2(place.y))\"")
                }
            }
            attributes += [
                "shape=\(shape)",
                "width=\(format(width))", "height=\(format(width))",
                "fillcolor=\"\(colour)\"",
                "id=\(DOTEscaping.quoted("actor-\(i)"))",
            ]
            var tip = "\(actor.name) (\(actor.type))"
            if let measure = options.nodeMeasure, let measureName = options.measureName {
                tip += "\n\(measureName): \(format(measure[i]))"
            }
            if let notes = options.flagNotes[i], !notes.isEmpty {
                tip += "\n" + (nl ? "Bevindingen: " : "Findings: ") + notes.joined(separator: ", ")
            }
            if let allMembers = options.groupMembers[i] {
                // The names, several to a line; a line breaks between names, never inside one.
                // At most 60 names, then how many more (a group may hold thousands).
                var members = Array(allMembers.prefix(60))
                if allMembers.count > members.count {
                    let more = DiagramView.grouped(
                        allMembers.count - members.count, language: options.language)
                    members.append(nl ? "en \(more) meer" : "and \(more) more")
                }
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
            if let points = pass.points {
                if let (x, y) = points[i] { attributes.append("pos=\"\(format2(x)),\(format2(y))\"") }
            } else if let (x, y) = options.positions[i] {
                attributes.append(
                    "pos=\"\(format(x / 72)),\(format(y / 72))\(options.pinPositions ? "!" : "")\"")
            }
            let border = outline(i, options: options)
            if border.penwidth != 0.8 || border.colour != nil {
                attributes.append("penwidth=\(format(border.penwidth))")
            }
            if let colour = border.colour { attributes.append("color=\"\(colour)\"") }
            if border.bold { attributes += ["fontcolor=\"#000000\"", "fontname=\"DejaVu Sans Bold\""] }
            if border.peripheries > 1 { attributes.append("peripheries=\(border.peripheries)") }
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
            let style = DiagramStyle.relationStyle(forRelationType: main.type)
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
            let id = "pair-\(pair.low)-\(pair.high)"
            var attributes = [
                "style=\(style.style)", "color=\"\(style.colour)\"", "penwidth=\(format(width))",
                "dir=\(direction)", "arrowhead=\(style.arrowhead)", "arrowtail=\(style.arrowhead)",
                "tooltip=\(DOTEscaping.quoted(tip))", "id=\"\(id)\"",
            ]
            if let spline = pass.edgePositions[id] {
                attributes.append("pos=\(DOTEscaping.quotedID(spline))")
            }
            out += "  a\(pair.low) -> a\(pair.high) [\(attributes.joined(separator: ", "))];\n"
        }

        if pass.legend {
            out +=
                "  label=<\(legend(network, colours: colours, extraTypes: extraTypes, options: options))>;\n"
        }
        for statement in pass.extra { out += "  \(statement);\n" }
        out += "}\n"
        return out
    }

    /// Colour per actor type: defaults fixed, added and unknown types numbered by appearance;
    /// and the types the vocabulary does not know, in order of appearance.
    static func typeColours(_ network: Network) -> (colours: [String: String], extraTypes: [String]) {
        var colours: [String: String] = [:]
        var extraCount = 0
        for name in network.vocabulary.actorTypes.map(\.name) + network.actors.map(\.type)
        where colours[name] == nil {
            colours[name] = DiagramStyle.colour(forType: name, extraIndex: extraCount)
            if DiagramStyle.typeColours[name] == nil { extraCount += 1 }
        }
        let knownTypes = Set(network.vocabulary.actorTypes.map(\.name))
        var extraTypes: [String] = []
        for actor in network.actors where !knownTypes.contains(actor.type) && !extraTypes.contains(actor.type)
        {
            extraTypes.append(actor.type)
        }
        return (colours, extraTypes)
    }

    /// Width (and height) of node `i` in inches: area proportional to the measure, from 0.08
    /// to 0.98 square inches (0.3 of the range without a measure).
    static func nodeWidth(_ i: Int, options: DiagramOptions) -> Double {
        let maximum = options.nodeMeasure?.max() ?? 0
        let share = maximum > 0 ? max(0, options.nodeMeasure![i]) / maximum : 0.3
        return (0.08 + share * 0.9).squareRoot()
    }

    /// The outline of node `i`: red and 3 pt when flagged, black and 4 pt when highlighted,
    /// doubled for the ego; bold name for highlighted actors and the ego.
    static func outline(_ i: Int, options: DiagramOptions) -> (
        penwidth: Double, colour: String?, peripheries: Int, bold: Bool
    ) {
        var result: (penwidth: Double, colour: String?, peripheries: Int, bold: Bool) = (0.8, nil, 1, false)
        if options.flagged.contains(i) { result = (3, "#D81B60", 1, false) }
        if options.highlight.contains(i) { result = (4, "#000000", 1, true) }
        if options.ego == i {
            // Double outline, in red when the ego is flagged.
            result.peripheries = 2
            result.bold = true
            if !options.flagged.contains(i) && !options.highlight.contains(i) {
                result.penwidth = 2.5
                result.colour = "#000000"
            }
        }
        return result
    }

    /// The legend table of the one-pass drawing: title, caption, one entry per actor type
    /// present and per relation type present, two entries to a row.
    static func legend(
        _ network: Network, colours: [String: String], extraTypes: [String], options: DiagramOptions
    ) -> String {
        var rows = "<tr><td colspan=\"4\" align=\"left\">"
        rows += "<font point-size=\"\(format(options.preset.titleSize))\">"
        rows += "<b>\(DOTEscaping.html(title(network, options: options)))</b></font></td></tr>"
        for line in captionLines(network, options: options) {
            rows += "<tr><td colspan=\"4\" align=\"left\" balign=\"left\"><font point-size=\"9\">"
            rows += "\(DOTEscaping.html(wrap(line, width: 110)))</font></td></tr>"
        }
        let entries = legendEntries(network, colours: colours, extraTypes: extraTypes, options: options)
        let cells = entries.actors + entries.relations
        // Two legend entries per row.
        for start in stride(from: 0, to: cells.count, by: 2) {
            rows +=
                "<tr>" + cells[start] + (start + 1 < cells.count ? cells[start + 1] : "<td></td><td></td>")
                + "</tr>"
        }
        return "<table border=\"0\" cellborder=\"0\" cellspacing=\"2\" cellpadding=\"1\">\(rows)</table>"
    }

    /// The legend of a page (``DiagramPage``), without the title: the actor types and then
    /// the relation types, `columns` entries to a row (glyphs in one column, names in the
    /// next), then the caption lines wrapped at `captionWidth` characters.
    static func pageLegend(
        _ network: Network, options: DiagramOptions, columns: Int, captionWidth: Int, extraCaptions: [String]
    ) -> String {
        let (colours, extraTypes) = typeColours(network)
        let entries = legendEntries(
            network, colours: colours, extraTypes: extraTypes, options: options, glyphAlign: "right")
        let preset = options.preset
        var grid = ""
        for group in [entries.actors, entries.relations] {
            for start in stride(from: 0, to: group.count, by: columns) {
                let chunk = group[start..<min(group.count, start + columns)]
                grid += "<tr>" + chunk.joined()
                grid += String(repeating: "<td></td><td></td>", count: columns - chunk.count) + "</tr>"
            }
        }
        var rows = ""
        if !grid.isEmpty {
            rows += "<tr><td align=\"left\"><font point-size=\"\(format(preset.legendSize))\">"
            rows += "<table border=\"0\" cellborder=\"0\" cellspacing=\"0\" cellpadding=\"1\">"
            rows += grid + "</table></font></td></tr>"
        }
        for line in captionLines(network, options: options) + extraCaptions {
            rows += "<tr><td align=\"left\" balign=\"left\">"
            rows += "<font point-size=\"\(format(preset.captionSize))\">"
            rows += "\(DOTEscaping.html(wrap(line, width: captionWidth)))</font></td></tr>"
        }
        return "<table border=\"0\" cellborder=\"0\" cellspacing=\"3\" cellpadding=\"0\">\(rows)</table>"
    }

    /// The title of the drawing: the network's name, region and year; for an ego view
    /// "Netwerk rond …" first.
    static func title(_ network: Network, options: DiagramOptions) -> String {
        let nl = options.language != "en"
        var title = network.metadata.title
        if let ego = options.ego, network.actors.indices.contains(ego) {
            title = (nl ? "Netwerk rond " : "Network around ") + network.actors[ego].name + " — " + title
        }
        return title
    }

    /// The caption lines, in the diagram's language: what sets node size, the outlines,
    /// what was folded, the date and the source.
    static func captionLines(_ network: Network, options: DiagramOptions) -> [String] {
        let nl = options.language != "en"
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
        if let source = network.metadata.source { caption.append((nl ? "Bron: " : "Source: ") + source) }
        return caption
    }

    /// Legend cells (a glyph cell and a name cell per entry): one per actor type present (its
    /// shape in its colour, its name and role in the diagram's language) and one per relation
    /// type present (its line, colour and arrowhead, and its name).
    static func legendEntries(
        _ network: Network, colours: [String: String], extraTypes: [String], options: DiagramOptions,
        glyphAlign: String = "left"
    ) -> (actors: [String], relations: [String]) {
        let language = options.language
        let present = Set(network.actors.map(\.type))
        var actors: [String] = []
        for type in network.vocabulary.actorTypes where present.contains(type.name) {
            actors.append(
                legendCell(
                    label: type.label(language), role: type.role, colour: colours[type.name]!,
                    language: language, glyphAlign: glyphAlign))
        }
        for name in extraTypes {
            actors.append(
                legendCell(
                    label: name, role: .other, colour: colours[name]!, language: language,
                    glyphAlign: glyphAlign))
        }
        var relations: [String] = []
        let relationTypes = Set(network.relations.map(\.type))
        for type in network.vocabulary.relationTypes.map(\.name)
            + relationTypes.subtracting(network.vocabulary.relationTypes.map(\.name)).sorted()
        where relationTypes.contains(type) {
            let style = DiagramStyle.relationStyle(forRelationType: type)
            let directed =
                network.vocabulary.relationType(named: type)?.directed
                ?? (network.relations.contains { $0.type == type && $0.directed })
            relations.append(
                "<td align=\"left\"><font color=\"\(style.colour)\">\(style.glyph(directed: directed))</font></td>"
                    + "<td align=\"left\">\(DOTEscaping.html(DiagramStyle.relationLabel(type, language: language)))</td>"
            )
        }
        return (actors, relations)
    }

    /// "Samengevoegd (gestippelde rand): 38 kleine zorgaanbieders in 3 groepen; netan render
    /// --all tekent alles." — nil when nothing was folded.
    static func foldCaption(_ network: Network, options: DiagramOptions) -> String? {
        let nl = options.language != "en"
        // Per kind (small providers first) and type: how many members.
        var membersPerType: [String: Int] = [:]
        var types: [(type: String, lessCentral: Bool)] = []
        for lessCentral in [false, true] {
            for (i, members) in options.groupMembers.sorted(by: { $0.key < $1.key })
            where i < network.actors.count && options.lessCentralGroups.contains(i) == lessCentral {
                let type = network.actors[i].type
                let key = (lessCentral ? "1" : "0") + type
                if membersPerType[key] == nil { types.append((type, lessCentral)) }
                membersPerType[key, default: 0] += members.count
            }
        }
        guard !types.isEmpty else { return nil }
        let parts = types.map { entry in
            let count = membersPerType[(entry.lessCentral ? "1" : "0") + entry.type]!
            return entry.lessCentral
                ? DiagramView.grouped(count, language: options.language) + " "
                    + DiagramView.otherPlural(
                        type: entry.type, vocabulary: network.vocabulary, language: options.language)
                : "\(count) "
                    + DiagramView.smallPlural(
                        type: entry.type, vocabulary: network.vocabulary, language: options.language)
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

    /// A legend entry of an actor type: its shape in its colour, its name and, when it says
    /// more than the name, its role in grey.
    private static func legendCell(
        label: String, role: ActorRole, colour: String, language: String, glyphAlign: String
    ) -> String {
        let glyph = DiagramStyle.shape(for: role).glyph
        let roleName = DiagramStyle.roleLabel(role, language: language)
        let roleText =
            roleName.lowercased() == label.lowercased()
            ? "" : " <font color=\"#666666\">(\(DOTEscaping.html(roleName)))</font>"
        return "<td align=\"\(glyphAlign)\"><font color=\"\(colour)\">\(glyph)</font></td>"
            + "<td align=\"left\">\(DOTEscaping.html(label))\(roleText)</td>"
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

    /// A coordinate in points with two decimals ("123.45"), for `pos` and `xlp`.
    static func format2(_ value: Double) -> String { String(format: "%.2f", value) }

    /// Points as inches with six decimals, for `size` ("13.333333").
    static func inches(_ points: Double) -> String { String(format: "%.6f", points / 72) }
}

/// How ``DiagramBuilder`` writes one pass of a drawing. The default is the one-pass drawing
/// (``DiagramBuilder/dot(for:options:)``); ``DiagramPage`` lays out, routes and renders a
/// page in three passes.
struct DOTPass {
    /// How names are drawn.
    enum Labels {
        /// Every labelled actor's name as a Graphviz `xlabel`, placed by Graphviz.
        case xlabels
        /// No names (layout and routing passes).
        case hidden
        /// Names placed by ``LabelPlacer``: the label centre (`xlp`, points) and the lines of
        /// each name drawn; actors without a place get no name (the tooltip has it).
        case placed([Int: (x: Double, y: Double)], lines: [Int: [String]])
    }
    /// How names are drawn.
    var labels = Labels.xlabels
    /// Whether the legend is the graph label (the one-pass drawing).
    var legend = true
    /// Node positions in points, written without `!` for Graphviz's `nop` engines; nil:
    /// ``DiagramOptions/positions`` in inches (neato).
    var points: [Int: (Double, Double)]?
    /// Factor on every node's width and height.
    var nodeScale = 1.0
    /// Edge splines (Graphviz `pos`) by edge id (`pair-u-v`).
    var edgePositions: [String: String] = [:]
    /// The graph's `splines`; nil: `true` up to 40 actors, `curved` up to
    /// `DiagramBuilder.curvedEdgeLimit` relations, straight lines above.
    var splines: String?
    /// The graph's `overlap`: `false` (remove overlaps) for layouts, `true` for fixed positions.
    var overlap = "false"
    /// Graph attributes instead of the preset's (each with a leading ", "); also sets
    /// `pad=0`. Nil: the preset's one-pass attributes.
    var pageAttributes: String?
    /// Node font size instead of the preset's.
    var labelSize: Double?
    /// Statements added before the closing brace (title, legend, page corners).
    var extra: [String] = []
}
