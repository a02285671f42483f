import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The boxes of what a Graphviz SVG draws in its nodes, to check that no name covers another
/// name or a node.
///
/// - Shapes: the bounding box of every `ellipse` and `polygon` of a node group (`<g class="node">`,
///   found by its `id`, e.g. `actor-3`), tooltip links included; a node drawn twice (the ego's
///   double outline) gets the box of both.
/// - Texts: every `text` of a node group (names, title, legend lines). Fonts are not measured:
///   a text is taken as `0.6 × font-size` wide per character and as reaching from
///   `0.8 × font-size` above its baseline to `0.25 × font-size` below it (DejaVu Sans, which
///   netan draws with, averages about 0.55 em per character; capitals reach 0.73 em above the
///   baseline, descenders 0.24 em below). `text-anchor` (start, middle, end) places the box.
///
/// All coordinates are SVG user units inside the drawing's transform, y down.
struct SVGGeometry {
    /// An axis-aligned box.
    struct Box: CustomStringConvertible {
        var minX: Double
        var minY: Double
        var maxX: Double
        var maxY: Double

        /// Whether the two share an area (touching edges do not count).
        func overlaps(_ other: Box) -> Bool {
            minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY
        }

        /// The smallest box holding both.
        func union(_ other: Box) -> Box {
            Box(
                minX: min(minX, other.minX), minY: min(minY, other.minY), maxX: max(maxX, other.maxX),
                maxY: max(maxY, other.maxY))
        }

        var description: String {
            String(format: "(%.1f, %.1f)–(%.1f, %.1f)", minX, minY, maxX, maxY)
        }
    }

    /// A text of a node group, with its estimated box.
    struct Text {
        /// The `id` of the node group holding it (`actor-3`, `legend`, `title`).
        var group: String
        /// The text itself.
        var text: String
        /// Its estimated box (see ``SVGGeometry``).
        var box: Box
    }

    /// The shapes' box of every node group that draws one, by group `id`.
    var shapes: [String: Box] = [:]
    /// Every text of every node group, in document order.
    var texts: [Text] = []

    /// The SVG's geometry, or nil when it is not well-formed XML.
    static func parse(_ data: Data) -> SVGGeometry? {
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        let collector = Collector()
        parser.delegate = collector
        return parser.parse() ? collector.geometry : nil
    }

    /// The overlaps of names: every text of a node group against every shape of another actor
    /// and every text of another group, as readable lines ("\"VNG\" covers actor-4").
    func overlaps() -> [String] {
        var found: [String] = []
        for (k, text) in texts.enumerated() {
            for (id, shape) in shapes
            where id != text.group && id.hasPrefix("actor-") && text.box.overlaps(shape) {
                found.append("\"\(text.text)\" (\(text.group)) covers \(id) \(text.box) \(shape)")
            }
            for other in texts[(k + 1)...] where other.group != text.group && text.box.overlaps(other.box) {
                found.append("\"\(text.text)\" (\(text.group)) covers \"\(other.text)\" (\(other.group))")
            }
        }
        return found
    }

    private final class Collector: NSObject, XMLParserDelegate {
        var geometry = SVGGeometry()
        /// Open elements: the node group id they belong to (nil outside node groups).
        private var stack: [String?] = []
        private var text:
            (group: String, x: Double, y: Double, size: Double, anchor: String, content: String)?

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
            qualifiedName qName: String?, attributes: [String: String] = [:]
        ) {
            var group = stack.last ?? nil
            if elementName == "g", (attributes["class"] ?? "").split(separator: " ").contains("node") {
                group = attributes["id"] ?? ""
            }
            stack.append(group)
            guard let group else { return }
            func number(_ name: String) -> Double { Double(attributes[name] ?? "") ?? 0 }
            switch elementName {
            case "ellipse":
                let (x, y, rx, ry) = (number("cx"), number("cy"), number("rx"), number("ry"))
                add(Box(minX: x - rx, minY: y - ry, maxX: x + rx, maxY: y + ry), to: group)
            case "polygon":
                let values = (attributes["points"] ?? "").split(whereSeparator: { $0 == " " || $0 == "," })
                    .compactMap { Double($0) }
                let xs = stride(from: 0, to: values.count - 1, by: 2).map { values[$0] }
                let ys = stride(from: 1, to: values.count, by: 2).map { values[$0] }
                if let minX = xs.min(), let maxX = xs.max(), let minY = ys.min(), let maxY = ys.max() {
                    add(Box(minX: minX, minY: minY, maxX: maxX, maxY: maxY), to: group)
                }
            case "text":
                text = (
                    group, number("x"), number("y"), number("font-size"),
                    attributes["text-anchor"] ?? "start", ""
                )
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { text?.content += string }

        func parser(
            _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
            qualifiedName qName: String?
        ) {
            stack.removeLast()
            guard elementName == "text", let current = text else { return }
            text = nil
            let content = current.content.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !content.isEmpty else { return }
            let width = 0.6 * current.size * Double(content.count)
            let left =
                current.anchor == "middle"
                ? current.x - width / 2 : current.anchor == "end" ? current.x - width : current.x
            geometry.texts.append(
                Text(
                    group: current.group, text: content,
                    box: Box(
                        minX: left, minY: current.y - 0.8 * current.size, maxX: left + width,
                        maxY: current.y + 0.25 * current.size)))
        }

        private func add(_ box: Box, to group: String) {
            geometry.shapes[group] = geometry.shapes[group].map { $0.union(box) } ?? box
        }
    }
}
