import Foundation
import NetGraph
import NetGraphIO

/// Slides and prints (``DiagramPreset/isPage``): a page of exactly the preset's size with the
/// title above, the legend beside the map (slides, landscape paper) or below it (portrait
/// paper), and every name placed so that it covers no other name and no node.
///
/// Three Graphviz passes:
/// 1. **Layout**: the map without names or legend, with the chosen engine.
/// 2. **Routing**: the layout scaled to the room the page leaves for the map, in page points
///    (text keeps its size: the preset's sizes are what the reader sees), and stretched along
///    its short side by up to 2× to fill that room; Graphviz's `nop` layout keeps every node
///    where it is put (`overlap=true`) and routes the edges. ``LabelPlacer`` then places the
///    names around the nodes, clear of nodes and other names.
/// 3. **Page**: the names at their places (`xlabel` with `xlp`), the title, the legend and two
///    invisible corner points that give the drawing's bounding box exactly the page's aspect;
///    Graphviz's `nop2` layout keeps every node, name and edge, and `size` with `!` scales the
///    box to the page: a slide's PNG is 1920 × 1080 pixels, its PDF page 960 × 540 points.
///
/// Text sizes come from Graphviz (one extra call lays out nothing and returns the size of every
/// name and legend), so places hold for the fonts it draws with. When the names take more room
/// than allowed for, the map is made smaller and routed again (at most four passes). Names
/// that find no free place are left to the tooltip and counted in the caption; before an
/// essential name (``DiagramOptions/essentialLabels``) is left out, every name gets 10% and
/// then 20% smaller.
enum DiagramPage {
    /// The DOT of the page (the input of Graphviz's `nop2` layout) and the rendered page.
    ///
    /// - Throws: `GraphvizError` when a pass fails.
    static func render(
        _ network: Network, options: DiagramOptions, engine: LayoutEngine, format: DiagramFormat
    ) throws -> (dot: String, rendered: RenderedDiagram) {
        let dot = try compose(network, options: options, engine: engine, format: format)
        return (dot, try Graphviz.render(dot: dot, layout: "nop2", format: format))
    }

    /// Gap between map, legend and title, in points.
    static func spacing(_ preset: DiagramPreset) -> Double { 1.2 * preset.legendSize + 2 }

    /// The DOT of the page (see ``DiagramPage``); `format` sets only the PNG resolution.
    ///
    /// - Throws: `GraphvizError` when a pass fails.
    static func compose(
        _ network: Network, options: DiagramOptions, engine: LayoutEngine, format: DiagramFormat
    ) throws -> String {
        let preset = options.preset
        let page = preset.page ?? (width: 960, height: 540)
        let gap = spacing(preset)

        // 1. Layout.
        var layoutPass = DOTPass()
        layoutPass.labels = .hidden
        layoutPass.legend = false
        layoutPass.splines = "false"
        layoutPass.pageAttributes = ""
        let layout = try Graphviz.render(
            dot: DiagramBuilder.dot(for: network, options: options, pass: layoutPass), engine: engine,
            format: .dot)
        let first = try nodeBoxes(
            Graphviz.parseGraph(dot: String(decoding: layout.data, as: UTF8.self)),
            count: network.actors.count)

        // Names (at most two lines), title and legends, measured by Graphviz.
        let labelled = network.actors.indices.filter { options.labelled?.contains($0) ?? true }
        var lines: [Int: [String]] = [:]
        for i in labelled { lines[i] = wrapName(network.actors[i].name, limit: 20) }
        // Slides wrap the title at the page's width, paper at the portrait width.
        let titleWidth = (preset == .beamer ? page.width : min(page.width, page.height)) - 2 * preset.margin
        let titleLines = DiagramBuilder.wrap(
            DiagramBuilder.title(network, options: options),
            width: Int(titleWidth / (0.62 * preset.titleSize))
        ).components(separatedBy: "\n")
        let titleHTML = titleLabel(titleLines, size: preset.titleSize)
        var variants = legendVariants(network, options: options, page: page)
        var texts: [(key: String, lines: [String], bold: Bool)] = []
        for i in labelled {
            texts.append(
                (key: "m\(i)", lines: lines[i]!, bold: DiagramBuilder.outline(i, options: options).bold))
        }
        var labels: [(key: String, label: String)] = [(key: "title", label: titleHTML)]
        for k in variants.indices { labels.append((key: "legend\(k)", label: variants[k].html)) }
        let measured = try measure(texts: texts, html: labels, fontSize: preset.labelSize)
        let titleSize = measured["title"] ?? (0, 0)
        let titleBand = titleSize.height + 0.6 * gap
        for k in variants.indices { variants[k].size = measured["legend\(k)"] ?? (0, 0) }
        var labelSizes: [Int: (width: Double, height: Double)] = [:]
        for i in labelled {
            let size = measured["m\(i)"] ?? (0, 0)
            // At least 0.6 em per character, so that a reader's estimate of the text fits too.
            let estimate = 0.6 * preset.labelSize * Double(lines[i]!.map(\.count).max() ?? 0)
            labelSizes[i] = (max(size.width, estimate), size.height)
        }

        // The room for the map: the page less margins, title, legend and an allowance for names.
        let widths = labelSizes.values.map(\.width).sorted()
        let reserve = (
            x: min(80, (widths.isEmpty ? 0 : widths[widths.count * 3 / 4]) / 2 + 4),
            y: 1.4 * preset.labelSize
        )
        let nodeBox = extent(first, scale: 1, stretch: (1, 1))
        func frame(_ page: (width: Double, height: Double), beside: Bool) -> Frame {
            var result = Frame(page: page, margin: preset.margin, beside: beside, legend: variants[0])
            result.legend = pick(
                variants, beside: beside, limit: beside ? result.inner.height - titleBand : result.inner.width
            )
            return result
        }
        func room(_ frame: Frame) -> (width: Double, height: Double) {
            let inner = frame.inner
            let legend = frame.legend.size
            let w = frame.beside ? inner.width - legend.width - gap : inner.width
            let h = frame.beside ? inner.height - titleBand : inner.height - titleBand - legend.height - gap
            return (max(inner.width * 0.2, w - 2 * reserve.x), max(inner.height * 0.2, h - 2 * reserve.y))
        }
        func fit(_ room: (width: Double, height: Double)) -> Double {
            min(room.width / max(nodeBox.width, 1), room.height / max(nodeBox.height, 1), 1.25)
        }
        // Slides: legend beside. Paper: portrait with the legend below, or landscape with the
        // legend beside when that draws the map at least 10% larger.
        var chosenFrame = frame(page, beside: preset == .beamer)
        if preset != .beamer {
            let landscape = frame((page.height, page.width), beside: true)
            if fit(room(landscape)) > 1.1 * fit(room(chosenFrame)) { chosenFrame = landscape }
        }
        var pageFrame = chosenFrame

        // 2. Routing and names; the map shrinks or grows until map, names and legend fill the page.
        var space = room(pageFrame)
        var best: Attempt?
        var previous: (Double, Double, Double)?
        for _ in 0..<4 {
            let scale = fit(space)
            let stretch = (
                stretchFactor(first, scale: scale, axis: 0, target: space.width),
                stretchFactor(first, scale: scale, axis: 1, target: space.height)
            )
            if let previous, abs(previous.0 - scale) < 1e-4, abs(previous.1 - stretch.0) < 1e-3,
                abs(previous.2 - stretch.1) < 1e-3
            {
                break
            }
            previous = (scale, stretch.0, stretch.1)
            var attempt = try route(
                network, options: options, first: first, scale: scale, stretch: stretch, labelled: labelled,
                labelSizes: labelSizes)
            attempt.measure(frame: pageFrame, titleBand: titleBand, titleWidth: titleSize.width, gap: gap)
            if best == nil || attempt.score > best!.score { best = attempt }
            let inner = pageFrame.inner
            let slack = (1 - attempt.total.width / inner.width, 1 - attempt.total.height / inner.height)
            if attempt.fit >= 0.99, min(slack.0, slack.1) <= 0.03, max(slack.0, slack.1) <= 0.08 { break }
            func adjusted(_ current: Double, available: Double, used: Double) -> Double {
                used > available ? current - (used - available) - 2 : current + 0.9 * (available - used)
            }
            space = (
                max(
                    inner.width * 0.1,
                    adjusted(space.width, available: inner.width, used: attempt.total.width)),
                max(
                    inner.height * 0.1,
                    adjusted(space.height, available: inner.height, used: attempt.total.height))
            )
        }
        guard var chosen = best else {
            throw GraphvizError(message: "The page could not be laid out", diagnostics: [])
        }

        // 3. The page: the legend says how many names were left out.
        let dropped = labelled.filter { chosen.labels[$0] == nil }.count
        if dropped > 0 {
            let legend = DiagramBuilder.pageLegend(
                network, options: options, columns: pageFrame.legend.columns,
                captionWidth: pageFrame.legend.captionWidth,
                extraCaptions: [droppedCaption(dropped, options: options)])
            let size = try measure(
                texts: [], html: [(key: "legend", label: legend)], fontSize: preset.labelSize)
            pageFrame.legend.html = legend
            pageFrame.legend.size = size["legend"] ?? pageFrame.legend.size
            chosen.measure(frame: pageFrame, titleBand: titleBand, titleWidth: titleSize.width, gap: gap)
        }
        let places = chosen.places(frame: pageFrame, titleSize: titleSize, titleBand: titleBand, gap: gap)
        func at(_ point: (x: Double, y: Double)) -> String {
            "pos=\"\(DiagramBuilder.format2(point.x)),\(DiagramBuilder.format2(point.y))\""
        }
        let plain =
            "shape=plain, style=solid, fixedsize=false, width=0, height=0, penwidth=0, class=\"netan-page\""
        let corner = "shape=point, style=invis, width=0, height=0, fixedsize=true, class=\"netan-page\""
        var pagePass = DOTPass()
        pagePass.labels = .placed(chosen.labels, lines: lines)
        pagePass.legend = false
        pagePass.points = chosen.boxes.mapValues { ($0.x, $0.y) }
        pagePass.nodeScale = chosen.scale
        pagePass.edgePositions = chosen.edges
        pagePass.overlap = "true"
        pagePass.labelSize = preset.labelSize * chosen.fontFactor
        pagePass.pageAttributes =
            ", margin=0, size=\"\(DiagramBuilder.inches(pageFrame.page.width)),"
            + "\(DiagramBuilder.inches(pageFrame.page.height))!\""
            + (format == .png ? ", dpi=\(preset.pngDPI)" : "")
        pagePass.extra = [
            "page_title [\(plain), id=\"title\", \(at(places.title)), label=<\(titleHTML)>]",
            "page_legend [\(plain), id=\"legend\", \(at(places.legend)), label=<\(pageFrame.legend.html)>]",
            "page_corner0 [\(corner), id=\"page-corner-0\", \(at(places.corners.0))]",
            "page_corner1 [\(corner), id=\"page-corner-1\", \(at(places.corners.1))]",
        ]
        pagePass.extra += leaders(chosen, labelSizes: labelSizes, corner: corner)
        return DiagramBuilder.dot(for: network, options: options, pass: pagePass)
    }

    /// Pass 2 for one scale and stretch: route the edges, then place the names (smaller when an
    /// essential name finds no place).
    static func route(
        _ network: Network, options: DiagramOptions, first: [Int: NodeBox], scale: Double,
        stretch: (Double, Double), labelled: [Int], labelSizes: [Int: (width: Double, height: Double)]
    ) throws -> Attempt {
        var points: [Int: (Double, Double)] = [:]
        for (i, box) in first { points[i] = (box.x * scale * stretch.0, box.y * scale * stretch.1) }
        var pass = DOTPass()
        pass.labels = .hidden
        pass.legend = false
        pass.points = points
        pass.nodeScale = scale
        pass.overlap = "true"
        pass.pageAttributes = ""
        let routed = try Graphviz.parseGraph(
            dot: String(
                decoding: try Graphviz.render(
                    dot: DiagramBuilder.dot(for: network, options: options, pass: pass), layout: "nop",
                    format: .dot
                ).data, as: UTF8.self))
        let boxes = try nodeBoxes(routed, count: network.actors.count)
        var edges: [String: String] = [:]
        var segments: [(Double, Double, Double, Double)] = []
        for edge in routed.edges {
            let attributes = Dictionary(edge.attributes, uniquingKeysWith: { a, _ in a })
            guard let id = attributes["id"], let spline = attributes["pos"] else { continue }
            edges[id] = spline
            segments += splineSegments(spline)
        }
        var content = Rect(minX: .infinity, minY: .infinity, maxX: -.infinity, maxY: -.infinity)
        let bb = numbers(Dictionary(routed.attributes, uniquingKeysWith: { a, _ in a })["bb"] ?? "")
        if bb.count == 4 { content = Rect(minX: bb[0], minY: bb[1], maxX: bb[2], maxY: bb[3]) }
        var obstacles: [Int: Rect] = [:]
        for (i, box) in boxes {
            let border = DiagramBuilder.outline(i, options: options)
            let margin = border.penwidth / 2 + 4 * Double(border.peripheries - 1) + 1.5
            obstacles[i] = Rect(
                centre: box.x, box.y, width: box.width + 2 * margin, height: box.height + 2 * margin)
            content = content.union(Rect(centre: box.x, box.y, width: box.width, height: box.height))
        }
        // Essential names first, then by node area.
        let order = labelled.sorted {
            let a = (options.essentialLabels.contains($0) ? 0 : 1, -boxes[$0]!.width * boxes[$0]!.height, $0)
            let b = (options.essentialLabels.contains($1) ? 0 : 1, -boxes[$1]!.width * boxes[$1]!.height, $1)
            return a < b
        }
        var labels: [Int: (x: Double, y: Double)] = [:]
        var factor = 1.0
        for f in [1.0, 0.9, 0.8] {
            factor = f
            var placer = LabelPlacer(nodes: obstacles, segments: segments)
            labels = [:]
            for i in order {
                let size = labelSizes[i]!
                if let place = placer.place(
                    i, width: size.width * f, height: size.height * f,
                    essential: options.essentialLabels.contains(i))
                {
                    labels[i] = place
                }
            }
            if order.allSatisfy({ labels[$0] != nil || !options.essentialLabels.contains($0) }) { break }
        }
        for (i, place) in labels {
            let size = labelSizes[i]!
            content = content.union(
                Rect(centre: place.x, place.y, width: size.width * factor, height: size.height * factor))
        }
        return Attempt(
            scale: scale, boxes: boxes, edges: edges, labels: labels, fontFactor: factor, content: content)
    }

    /// A thin grey line from a node to its name when the name stands more than 14 points away
    /// (a crowded spot): an invisible point at the name and an edge drawn as given.
    static func leaders(
        _ attempt: Attempt, labelSizes: [Int: (width: Double, height: Double)], corner: String
    ) -> [String] {
        var statements: [String] = []
        for (i, place) in attempt.labels.sorted(by: { $0.key < $1.key }) {
            guard let box = attempt.boxes[i], let size = labelSizes[i] else { continue }
            let label = Rect(
                centre: place.x, place.y, width: size.width * attempt.fontFactor,
                height: size.height * attempt.fontFactor)
            let node = Rect(centre: box.x, box.y, width: box.width, height: box.height)
            let apart = max(
                label.minX - node.maxX, node.minX - label.maxX, label.minY - node.maxY, node.minY - label.maxY
            )
            guard apart > 14 else { continue }
            let end = (x: min(max(box.x, label.minX), label.maxX), y: min(max(box.y, label.minY), label.maxY))
            let (dx, dy) = (end.x - box.x, end.y - box.y)
            let t = min(
                dx == 0 ? 1 : box.width / 2 / abs(dx), dy == 0 ? 1 : box.height / 2 / abs(dy), 1)
            let start = "\(DiagramBuilder.format2(box.x + dx * t)),\(DiagramBuilder.format2(box.y + dy * t))"
            let stop = "\(DiagramBuilder.format2(end.x)),\(DiagramBuilder.format2(end.y))"
            statements.append("page_leader\(i) [\(corner), id=\"leader-end-\(i)\", pos=\"\(stop)\"]")
            statements.append(
                "a\(i) -> page_leader\(i) [dir=none, style=solid, color=\"#8C8C8C\", penwidth=0.6"
                    + ", class=\"netan-page\", id=\"leader-\(i)\", tooltip=\"\", pos=\"\(start) \(start) \(stop) \(stop)\"]"
            )
        }
        return statements
    }

    /// The segments of a Graphviz edge `pos` (`e,x,y s,x,y x,y …`, splines separated by `;`):
    /// each cubic Bézier sampled at eight points, and the arrow ends.
    static func splineSegments(_ spline: String) -> [(Double, Double, Double, Double)] {
        var result: [(Double, Double, Double, Double)] = []
        for part in spline.split(separator: ";") {
            var controls: [(Double, Double)] = []
            var ends: [(Double, Double)] = []
            for token in part.split(separator: " ") {
                let values = numbers(String(token))
                guard values.count == 2 else { continue }
                if token.hasPrefix("e,") || token.hasPrefix("s,") {
                    ends.append((values[0], values[1]))
                } else {
                    controls.append((values[0], values[1]))
                }
            }
            guard let start = controls.first else { continue }
            var polyline = [start]
            var k = 0
            while k + 3 < controls.count {
                let (p0, p1, p2, p3) = (controls[k], controls[k + 1], controls[k + 2], controls[k + 3])
                for step in 1...8 {
                    let t = Double(step) / 8
                    let u = 1 - t
                    let a = u * u * u
                    let b = 3 * t * u * u
                    let c = 3 * t * t * u
                    let d = t * t * t
                    polyline.append(
                        (a * p0.0 + b * p1.0 + c * p2.0 + d * p3.0, a * p0.1 + b * p1.1 + c * p2.1 + d * p3.1)
                    )
                }
                k += 3
            }
            for index in polyline.indices.dropFirst() {
                result.append(
                    (polyline[index - 1].0, polyline[index - 1].1, polyline[index].0, polyline[index].1))
            }
            // Arrow ends: from the spline's end to the arrow's tip.
            for end in ends {
                let near = [polyline[0], polyline[polyline.count - 1]].min {
                    hypot($0.0 - end.0, $0.1 - end.1) < hypot($1.0 - end.0, $1.1 - end.1)
                }!
                result.append((near.0, near.1, end.0, end.1))
            }
        }
        return result
    }

    /// "Naam weggelaten wegens ruimte bij 12 actoren; …": the caption line for names left to
    /// the tooltip.
    static func droppedCaption(_ count: Int, options: DiagramOptions) -> String {
        options.language == "en"
            ? "Names left out for lack of room: \(count) \(count == 1 ? "actor" : "actors"); "
                + "netan render -o map.html shows every name."
            : "Naam weggelaten wegens ruimte bij \(count) \(count == 1 ? "actor" : "actoren"); "
                + "netan render -o kaart.html toont alle namen."
    }

    /// A name in at most two lines: a name longer than `limit` characters breaks at the space
    /// nearest its middle.
    static func wrapName(_ name: String, limit: Int) -> [String] {
        let characters = Array(name)
        guard characters.count > limit else { return [name] }
        let middle = Double(characters.count) / 2
        let spaces = characters.indices.filter { characters[$0] == " " }
        guard let split = spaces.min(by: { abs(Double($0) - middle) < abs(Double($1) - middle) }) else {
            return [name]
        }
        return [String(characters[..<split]), String(characters[(split + 1)...])]
    }

    /// The title as an HTML-like label: bold, lines aligned left.
    static func titleLabel(_ lines: [String], size: Double) -> String {
        "<table border=\"0\" cellborder=\"0\" cellspacing=\"0\" cellpadding=\"0\"><tr>"
            + "<td align=\"left\" balign=\"left\"><font point-size=\"\(DiagramBuilder.format(size))\"><b>"
            + lines.map(DOTEscaping.html).joined(separator: "<br/>") + "</b></font></td></tr></table>"
    }

    // MARK: - Legends and frames

    /// One way to draw the legend: its HTML, columns, caption width and measured size.
    struct Legend {
        var html: String
        var columns: Int
        var captionWidth: Int
        var beside: Bool
        var size: (width: Double, height: Double) = (0, 0)
    }

    /// The legends to measure: one and two columns beside the map (slides, landscape paper),
    /// one to four below it (portrait paper).
    static func legendVariants(
        _ network: Network, options: DiagramOptions, page: (width: Double, height: Double)
    ) -> [Legend] {
        let preset = options.preset
        var variants: [Legend] = []
        for columns in 1...2 {
            let width = 48 * columns
            variants.append(
                Legend(
                    html: DiagramBuilder.pageLegend(
                        network, options: options, columns: columns, captionWidth: width, extraCaptions: []),
                    columns: columns, captionWidth: width, beside: true))
        }
        if preset != .beamer {
            let width = Int((page.width - 2 * preset.margin) / (0.56 * preset.captionSize))
            for columns in 1...4 {
                variants.append(
                    Legend(
                        html: DiagramBuilder.pageLegend(
                            network, options: options, columns: columns, captionWidth: width,
                            extraCaptions: []),
                        columns: columns, captionWidth: width, beside: false))
            }
        }
        return variants
    }

    /// The legend to use: beside the map the fewest columns whose height is within `limit`,
    /// below it the most columns whose width is.
    static func pick(_ variants: [Legend], beside: Bool, limit: Double) -> Legend {
        let candidates = variants.filter { $0.beside == beside }
        if beside { return candidates.first { $0.size.height <= limit } ?? candidates[candidates.count - 1] }
        return candidates.last { $0.size.width <= limit } ?? candidates[0]
    }

    /// The page and where its legend goes.
    struct Frame {
        /// Page width and height in points.
        var page: (width: Double, height: Double)
        /// White margin on every side, in points.
        var margin: Double
        /// Legend beside the map (true) or below it.
        var beside: Bool
        /// The legend drawn.
        var legend: Legend
        /// The page less its margins.
        var inner: (width: Double, height: Double) { (page.width - 2 * margin, page.height - 2 * margin) }
    }

    /// A routed map with its names, in the routing pass's points.
    struct Attempt {
        /// Factor on node sizes (and positions) from the layout to the page.
        var scale: Double
        /// Node centres and sizes.
        var boxes: [Int: NodeBox]
        /// Edge splines by edge id.
        var edges: [String: String]
        /// Centres of the names placed.
        var labels: [Int: (x: Double, y: Double)]
        /// Factor on the preset's name size (1, 0.9 or 0.8).
        var fontFactor: Double
        /// Nodes, edges and names.
        var content: Rect
        /// Map, legend and title together.
        var total: (width: Double, height: Double) = (0, 0)
        /// The factor that fits `total` in the page (at most 1).
        var fit = 1.0
        /// Larger is better: fitting without shrinking the text first, then filling the page.
        var score = 0.0

        /// The map and legend side by side (or one above the other), the title above both.
        func block(_ frame: Frame, gap: Double) -> (width: Double, height: Double) {
            let legend = frame.legend.size
            return frame.beside
                ? (content.width + gap + legend.width, max(content.height, legend.height))
                : (max(content.width, legend.width), content.height + gap + legend.height)
        }

        /// Sets `total`, `fit` and `score` for this frame.
        mutating func measure(frame: Frame, titleBand: Double, titleWidth: Double, gap: Double) {
            let parts = self.block(frame, gap: gap)
            let inner = frame.inner
            total = (max(parts.width, titleWidth), parts.height + titleBand)
            fit = min(1, inner.width / total.width, inner.height / total.height)
            let filled = (total.width * fit) * (total.height * fit) / (inner.width * inner.height)
            score = pow(fit, 4) * filled
        }

        /// Centres of title and legend and the two page corners, in the routing pass's points:
        /// title and block centred on the page as a group, the title at the group's top left;
        /// beside: the map left, centred vertically in the block, the legend right, at the top;
        /// below: the map at the top, the legend under it, both centred.
        func places(frame: Frame, titleSize: (width: Double, height: Double), titleBand: Double, gap: Double)
            -> (
                title: (x: Double, y: Double), legend: (x: Double, y: Double),
                corners: ((x: Double, y: Double), (x: Double, y: Double))
            )
        {
            let block = self.block(frame, gap: gap)
            let legend = frame.legend.size
            let inner = frame.inner
            let width = inner.width / fit
            let height = inner.height / fit
            let margin = frame.margin / fit
            let left = frame.beside ? content.minX : (content.minX + content.maxX) / 2 - block.width / 2
            let top = frame.beside ? (content.minY + content.maxY) / 2 + block.height / 2 : content.maxY
            let group = (width: max(block.width, titleSize.width), height: block.height + titleBand)
            let x0 = left - (width - group.width) / 2
            let y0 = top + titleBand + (height - group.height) / 2 - height
            let title = (x: left + titleSize.width / 2, y: top + titleBand - titleSize.height / 2)
            let legendCentre =
                frame.beside
                ? (x: content.maxX + gap + legend.width / 2, y: top - legend.height / 2)
                : (x: left + block.width / 2, y: content.minY - gap - legend.height / 2)
            return (
                title, legendCentre,
                ((x: x0 - margin, y: y0 - margin), (x: x0 + width + margin, y: y0 + height + margin))
            )
        }
    }

    // MARK: - Geometry

    /// A node's centre and size, in points.
    struct NodeBox {
        var x: Double
        var y: Double
        var width: Double
        var height: Double
    }

    /// An axis-aligned rectangle, in points.
    struct Rect {
        var minX: Double
        var minY: Double
        var maxX: Double
        var maxY: Double

        /// The rectangle of `width` × `height` centred on (`x`, `y`).
        init(centre x: Double, _ y: Double, width: Double, height: Double) {
            self.init(minX: x - width / 2, minY: y - height / 2, maxX: x + width / 2, maxY: y + height / 2)
        }

        /// The rectangle between these bounds.
        init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
            self.minX = minX
            self.minY = minY
            self.maxX = maxX
            self.maxY = maxY
        }

        var width: Double { maxX - minX }
        var height: Double { maxY - minY }

        /// Whether the two share an area (touching edges do not count).
        func intersects(_ other: Rect) -> Bool {
            minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY
        }

        /// The smallest rectangle holding both.
        func union(_ other: Rect) -> Rect {
            Rect(
                minX: min(minX, other.minX), minY: min(minY, other.minY), maxX: max(maxX, other.maxX),
                maxY: max(maxY, other.maxY))
        }
    }

    /// The actors' boxes in a graph Graphviz laid out, by actor index (nodes `a0`, `a1`, …).
    ///
    /// - Throws: `GraphvizError` when an actor has no position.
    static func nodeBoxes(_ parsed: Graphviz.ParsedGraph, count: Int) throws -> [Int: NodeBox] {
        var boxes: [Int: NodeBox] = [:]
        for node in parsed.nodes {
            guard node.name.hasPrefix("a"), let index = Int(node.name.dropFirst()) else { continue }
            let attributes = Dictionary(node.attributes, uniquingKeysWith: { a, _ in a })
            let xy = numbers(attributes["pos"] ?? "")
            guard xy.count >= 2 else { continue }
            boxes[index] = NodeBox(
                x: xy[0], y: xy[1], width: 72 * (Double(attributes["width"] ?? "") ?? 0),
                height: 72 * (Double(attributes["height"] ?? "") ?? 0))
        }
        guard boxes.count == count else {
            throw GraphvizError(message: "Graphviz placed \(boxes.count) of \(count) actors", diagnostics: [])
        }
        return boxes
    }

    /// The numbers in a Graphviz point list ("1,2", "e,1,2 3,4", "1,2!"); other text is skipped.
    static func numbers(_ text: String) -> [Double] {
        text.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "!" }).compactMap { Double($0) }
    }

    /// The bounding box of the nodes with positions scaled by `scale` × `stretch` and sizes by
    /// `scale`.
    static func extent(_ boxes: [Int: NodeBox], scale: Double, stretch: (Double, Double)) -> Rect {
        var result = Rect(minX: .infinity, minY: .infinity, maxX: -.infinity, maxY: -.infinity)
        for box in boxes.values {
            result = result.union(
                Rect(
                    centre: box.x * scale * stretch.0, box.y * scale * stretch.1, width: box.width * scale,
                    height: box.height * scale))
        }
        return result
    }

    /// The stretch (1–2) of positions along `axis` (0: x, 1: y) that makes the nodes' extent
    /// fill `target` points.
    static func stretchFactor(_ boxes: [Int: NodeBox], scale: Double, axis: Int, target: Double) -> Double {
        func size(_ factor: Double) -> Double {
            let box = extent(boxes, scale: scale, stretch: axis == 0 ? (factor, 1) : (1, factor))
            return axis == 0 ? box.width : box.height
        }
        if size(2) <= target { return 2 }
        var low = 1.0
        var high = 2.0
        for _ in 0..<30 {
            let middle = (low + high) / 2
            if size(middle) <= target { low = middle } else { high = middle }
        }
        return low
    }

    /// Measures names (plain text at `fontSize`, bold where asked) and HTML-like labels with
    /// Graphviz, without a layout: their width and height in points, by key.
    ///
    /// - Throws: `GraphvizError` when Graphviz fails.
    static func measure(
        texts: [(key: String, lines: [String], bold: Bool)], html: [(key: String, label: String)],
        fontSize: Double
    ) throws -> [String: (width: Double, height: Double)] {
        var dot = "digraph measure {\n  graph [overlap=true, splines=false];\n"
        dot += "  node [shape=plaintext, margin=0, width=0, height=0, fixedsize=false"
        dot += ", fontname=\"DejaVu Sans\", fontsize=\(DiagramBuilder.format(fontSize)), pos=\"0,0\"];\n"
        for text in texts {
            let label = text.lines.map(DOTEscaping.label).joined(separator: "\\n")
            dot +=
                "  \(text.key) [label=\"\(label)\"\(text.bold ? ", fontname=\"DejaVu Sans Bold\"" : "")];\n"
        }
        for item in html { dot += "  \(item.key) [shape=plain, label=<\(item.label)>];\n" }
        dot += "}\n"
        let data = try Graphviz.render(dot: dot, layout: "nop", format: .dot).data
        let parsed = try Graphviz.parseGraph(dot: String(decoding: data, as: UTF8.self))
        var sizes: [String: (width: Double, height: Double)] = [:]
        for node in parsed.nodes {
            let attributes = Dictionary(node.attributes, uniquingKeysWith: { a, _ in a })
            sizes[node.name] = (
                72 * (Double(attributes["width"] ?? "") ?? 0), 72 * (Double(attributes["height"] ?? "") ?? 0)
            )
        }
        return sizes
    }
}
