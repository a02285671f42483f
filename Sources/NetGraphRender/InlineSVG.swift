import Foundation

/// SVG text prepared for embedding in an HTML page.
package enum InlineSVG {
    /// The SVG without its XML declaration, DOCTYPE and comments, which are not allowed (or
    /// are noise) inside an HTML document.
    package static func text(_ data: Data) -> String {
        var text = String(decoding: data, as: UTF8.self)
        for pattern in ["<\\?xml[^>]*\\?>", "<!DOCTYPE[^>]*>", "<!--(.|\\n)*?-->"] {
            text = text.replacingOccurrences(of: pattern, with: "", options: .regularExpression)
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
