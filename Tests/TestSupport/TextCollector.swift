import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Collects the text content of an XML document (and checks that it is well-formed).
public final class TextCollector: NSObject, XMLParserDelegate {
    /// The trimmed text of each `<text>` element collected so far, in document order.
    public var text: [String] = []
    private var current: String?
    /// Starts collecting at a `<text>` element.
    public func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes: [String: String] = [:]
    ) {
        if elementName == "text" { current = "" }
    }
    /// Adds characters to the `<text>` element being collected.
    public func parser(_ parser: XMLParser, foundCharacters string: String) { current? += string }
    /// Ends a `<text>` element and stores its trimmed text.
    public func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?
    ) {
        if elementName == "text", let current {
            text.append(current.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        if elementName == "text" { current = nil }
    }

    /// The trimmed content of every SVG `<text>` element, or nil when the XML is malformed.
    public static func parse(_ data: Data) -> [String]? {
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        let collector = TextCollector()
        parser.delegate = collector
        return parser.parse() ? collector.text : nil
    }
}
