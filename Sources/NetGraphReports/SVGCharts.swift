import Foundation
import NetGraph
import NetGraphIO
import NetGraphRender

/// Small self-contained SVG charts for reports: horizontal bars, a Lorenz curve and dot charts.
/// Every text is XML-escaped; sizes in px; fonts fall back to the reader's sans-serif.
enum SVGCharts {
    static func escape(_ s: String) -> String { XMLEscaping.text(s) }

    static func number(_ v: Double) -> String { String(format: "%.4g", v) }

    /// Horizontal bar chart of (label, value), largest first.
    static func bars(title: String, items: [(String, Double)], colour: String = "#332288") -> String {
        let rowHeight = 18.0
        let labelWidth = 230.0
        let barWidth = 320.0
        let height = 34 + rowHeight * Double(items.count) + 10
        let maximum = max(items.map(\.1).max() ?? 0, 1e-300)
        var svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(labelWidth + barWidth + 70))\" "
            + "height=\"\(Int(height))\" font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"11\" "
            + "role=\"img\">"
        svg +=
            "<title>\(escape(title))</title>"
            + "<text x=\"4\" y=\"16\" font-size=\"13\" font-weight=\"bold\">\(escape(title))</text>"
        for (i, item) in items.enumerated() {
            let y = 28 + rowHeight * Double(i)
            let width = max(0, item.1) / maximum * barWidth
            let label = item.0.count > 34 ? String(item.0.prefix(33)) + "…" : item.0
            svg += "<text x=\"\(labelWidth - 6)\" y=\"\(y + 12)\" text-anchor=\"end\">\(escape(label))</text>"
            svg +=
                "<rect x=\"\(labelWidth)\" y=\"\(y + 2)\" width=\"\(String(format: "%.1f", width))\" "
                + "height=\"\(rowHeight - 5)\" fill=\"\(colour)\">"
                + "<title>\(escape(item.0)): \(number(item.1))</title></rect>"
            svg +=
                "<text x=\"\(String(format: "%.1f", labelWidth + width + 4))\" y=\"\(y + 12)\">"
                + "\(number(item.1))</text>"
        }
        return svg + "</svg>"
    }

    /// Lorenz curves of several measures, with the line of equality and each Gini in the legend.
    static func lorenz(title: String, series: [(String, [Double], String)]) -> String {
        let size = 300.0
        let margin = 40.0
        var svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(size + 2 * margin + 150))\" "
            + "height=\"\(Int(size + 2 * margin))\" font-family=\"DejaVu Sans, Arial, sans-serif\" "
            + "font-size=\"11\" role=\"img\">"
        svg +=
            "<title>\(escape(title))</title>"
            + "<text x=\"4\" y=\"16\" font-size=\"13\" font-weight=\"bold\">\(escape(title))</text>"
        func point(_ x: Double, _ y: Double) -> String {
            String(format: "%.1f,%.1f", margin + x * size, margin + (1 - y) * size)
        }
        svg +=
            "<rect x=\"\(margin)\" y=\"\(margin)\" width=\"\(size)\" height=\"\(size)\" fill=\"none\" "
            + "stroke=\"#999\"/>"
        svg +=
            "<polyline points=\"\(point(0, 0)) \(point(1, 1))\" fill=\"none\" stroke=\"#999\" "
            + "stroke-dasharray=\"4 3\"/>"
        for (k, (name, values, colour)) in series.enumerated() {
            let points = NetworkMeasures.lorenz(values).map { point($0.0, $0.1) }.joined(separator: " ")
            svg += "<polyline points=\"\(points)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\"/>"
            let y = margin + 14 + Double(k) * 16
            svg +=
                "<line x1=\"\(margin + size + 12)\" y1=\"\(y - 4)\" x2=\"\(margin + size + 30)\" "
                + "y2=\"\(y - 4)\" stroke=\"\(colour)\" stroke-width=\"2\"/>"
            svg +=
                "<text x=\"\(margin + size + 34)\" y=\"\(y)\">"
                + "\(escape(name)) (Gini \(String(format: "%.2f", NetworkMeasures.gini(values))))</text>"
        }
        svg +=
            "<text x=\"\(margin)\" y=\"\(margin + size + 16)\">0</text>"
            + "<text x=\"\(margin + size - 8)\" y=\"\(margin + size + 16)\">1</text>"
        return svg + "</svg>"
    }

    /// A dot chart of one figure over several networks, 600 px wide: a row per network (label
    /// cut to 34 characters, the full text in `tooltip`), a dot on a horizontal scale from the
    /// lowest to the highest value, `arrows` above the scale saying which side is worse, and
    /// the `worst` rows' dots larger and dark red, named in `worstLine`. Rows without a value
    /// show "—". `tick` formats the scale's numbers.
    static func dots(
        title: String, arrows: String, worstLine: String,
        items: [(label: String, tooltip: String, value: Double?)], worst: Set<Int>,
        tick: (Double) -> String
    ) -> String {
        let width = 600.0
        let labelRight = 222.0
        let left = 236.0
        let right = 584.0
        let top = 62.0
        let rowHeight = 16.0
        let values = items.compactMap(\.value).filter(\.isFinite)
        var low = values.min() ?? 0
        var high = values.max() ?? 1
        if high - low < 1e-12 {
            let pad = max(abs(low) * 0.1, 0.05)
            low -= pad
            high += pad
        }
        let span = high - low
        let nonNegative = (values.min() ?? 0) >= 0
        low = nonNegative ? max(0, low - span * 0.05) : low - span * 0.05
        high += span * 0.05
        func x(_ v: Double) -> Double { left + (v - low) / (high - low) * (right - left) }
        func f(_ v: Double) -> String { String(format: "%.1f", v) }
        let axis = top + rowHeight * Double(items.count) + 4
        let height = axis + 30
        var svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" "
            + "viewBox=\"0 0 \(Int(width)) \(Int(height))\" font-family=\"DejaVu Sans, Arial, sans-serif\" "
            + "font-size=\"11\" role=\"img\">"
        svg +=
            "<title>\(escape(title)): \(escape(arrows))</title>"
            + "<text x=\"4\" y=\"16\" font-size=\"13\" font-weight=\"bold\">\(escape(title))</text>"
            + "<text x=\"\(f((left + right) / 2))\" y=\"34\" text-anchor=\"middle\" fill=\"#444\">"
            + "\(escape(arrows))</text>"
        if !worstLine.isEmpty {
            svg += "<text x=\"4\" y=\"52\" fill=\"#8b0000\">\(escape(worstLine))</text>"
        }
        for (k, item) in items.enumerated() {
            let y = top + rowHeight * Double(k) + rowHeight / 2
            let label = item.label.count > 34 ? String(item.label.prefix(33)) + "…" : item.label
            svg +=
                "<text x=\"\(f(labelRight))\" y=\"\(f(y + 4))\" text-anchor=\"end\">\(escape(label))"
                + "<title>\(escape(item.tooltip))</title></text>"
            svg +=
                "<line x1=\"\(f(left))\" y1=\"\(f(y))\" x2=\"\(f(right))\" y2=\"\(f(y))\" "
                + "stroke=\"#e4e4e4\"/>"
            guard let value = item.value, value.isFinite else {
                svg += "<text x=\"\(f(left))\" y=\"\(f(y + 4))\" fill=\"#777\">—</text>"
                continue
            }
            let bad = worst.contains(k)
            svg +=
                "<circle cx=\"\(f(x(value)))\" cy=\"\(f(y))\" r=\"\(bad ? 6 : 4.5)\" "
                + "fill=\"\(bad ? "#8b0000" : "#332288")\"><title>\(escape(item.tooltip))</title></circle>"
        }
        svg +=
            "<line x1=\"\(f(left))\" y1=\"\(f(axis))\" x2=\"\(f(right))\" y2=\"\(f(axis))\" stroke=\"#999\"/>"
        for (v, anchor) in [(low, "start"), ((low + high) / 2, "middle"), (high, "end")] {
            svg +=
                "<line x1=\"\(f(x(v)))\" y1=\"\(f(axis))\" x2=\"\(f(x(v)))\" y2=\"\(f(axis + 4))\" "
                + "stroke=\"#999\"/><text x=\"\(f(x(v)))\" y=\"\(f(axis + 16))\" text-anchor=\"\(anchor)\" "
                + "fill=\"#444\">\(escape(tick(v)))</text>"
        }
        return svg + "</svg>"
    }
}
