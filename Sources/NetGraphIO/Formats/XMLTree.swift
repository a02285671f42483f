import Foundation
import NetGraph

#if canImport(FoundationXML)
    import FoundationXML
#endif

extension InteropReaders {
    // MARK: - XML (GraphML, GEXF)

    /// A parsed XML element tree, small enough for network files.
    final class XMLNode {
        let name: String
        let attributes: [String: String]
        let line: Int
        var children: [XMLNode] = []
        var text = ""
        init(name: String, attributes: [String: String], line: Int) {
            self.name = name
            self.attributes = attributes
            self.line = line
        }
        func child(_ name: String) -> XMLNode? { children.first { $0.name == name } }
        func all(_ name: String) -> [XMLNode] { children.filter { $0.name == name } }
    }

    final class TreeBuilder: NSObject, XMLParserDelegate {
        var stack: [XMLNode] = []
        var root: XMLNode?
        weak var parser: XMLParser?
        /// Network files need a handful of levels; a document nested thousands deep would
        /// overflow the stack when its tree is freed, so parsing stops at this depth.
        static let maximumDepth = 100

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
            qualifiedName qName: String?, attributes: [String: String] = [:]
        ) {
            if stack.count >= Self.maximumDepth {
                if error == nil {
                    error = (
                        "elements are nested more than \(Self.maximumDepth) levels deep", parser.lineNumber
                    )
                }
                parser.abortParsing()
                return
            }
            let local = elementName.split(separator: ":").last.map(String.init) ?? elementName
            let node = XMLNode(name: local, attributes: attributes, line: parser.lineNumber)
            stack.last?.children.append(node)
            if root == nil { root = node }
            stack.append(node)
        }
        func parser(
            _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
            qualifiedName qName: String?
        ) { if !stack.isEmpty { stack.removeLast() } }
        func parser(_ parser: XMLParser, foundCharacters string: String) { stack.last?.text += string }
        /// libxml2 may recover from some errors; netan treats every reported error as fatal.
        var error: (message: String, line: Int)?
        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
            if error == nil { error = ((parseError as NSError).localizedDescription, parser.lineNumber) }
        }
        func parser(_ parser: XMLParser, validationErrorOccurred validationError: Error) {
            if error == nil { error = ((validationError as NSError).localizedDescription, parser.lineNumber) }
        }
    }

    /// Parses XML with external entities and DTDs refused.
    static func parseXML(_ path: String) throws -> XMLNode {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw NetworkLoadError([
                Diagnostic(
                    .error, file: path, "The file cannot be read.", nl: "Het bestand kan niet worden gelezen."
                )
            ])
        }
        try checkXMLBytes(data, file: path)
        if let head = String(data: data.prefix(65_536), encoding: .utf8)
            ?? String(data: data.prefix(65_536), encoding: .isoLatin1),
            head.range(of: "<!DOCTYPE", options: .caseInsensitive) != nil
                || head.range(of: "<!ENTITY", options: .caseInsensitive) != nil
        {
            throw NetworkLoadError([
                Diagnostic(
                    .error, file: path,
                    "The file declares a DTD or entities, which netan refuses "
                        + "(they can read local files or expand without end).",
                    hint: "Remove the <!DOCTYPE …> declaration; GraphML and GEXF do not need it.",
                    nl: "Het bestand declareert een DTD of entiteiten; netan weigert die "
                        + "(ze kunnen lokale bestanden lezen of eindeloos uitdijen).",
                    hintNL: "Verwijder de declaratie <!DOCTYPE …>; GraphML en GEXF hebben die niet nodig.")
            ])
        }
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        let builder = TreeBuilder()
        parser.delegate = builder
        let ok = parser.parse()
        guard ok, builder.error == nil, builder.stack.isEmpty, let root = builder.root else {
            let message =
                builder.error?.message ?? parser.parserError.map { ($0 as NSError).localizedDescription }
                ?? "an element is not closed"
            let messageNL =
                builder.error?.message ?? parser.parserError.map { ($0 as NSError).localizedDescription }
                ?? "een element is niet afgesloten"
            throw NetworkLoadError([
                Diagnostic(
                    .error, file: path, line: builder.error?.line ?? parser.lineNumber,
                    "The XML is malformed (\(message)).",
                    hint:
                        "Check that every element is closed "
                        + "and that special characters are escaped (&amp; for &).",
                    nl: "De XML is niet goed gevormd (\(messageNL)).",
                    hintNL:
                        "Controleer of elk element is afgesloten "
                        + "en of speciale tekens als entiteit zijn geschreven (&amp; voor &)."
                )
            ])
        }
        return root
    }

    /// Foundation's XML parser on Linux traps on some invalid byte sequences (found by the
    /// fuzzer), so netan accepts only valid UTF-8 without NUL bytes before parsing.
    static func checkXMLBytes(_ data: Data, file: String) throws {
        let bytes = [UInt8](data)
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        if let nul = bytes.firstIndex(of: 0) {
            throw NetworkLoadError([
                Diagnostic(
                    .error, file: file, line: 1 + bytes[..<nul].filter { $0 == 10 }.count,
                    "The XML holds a NUL byte.", hint: "The file is damaged or not XML; export it again.",
                    nl: "De XML bevat een NUL-byte.",
                    hintNL: "Het bestand is beschadigd of geen XML; exporteer het opnieuw.")
            ])
        }
        if String(validating: bytes[start...], as: UTF8.self) == nil {
            throw NetworkLoadError([
                Diagnostic(
                    .error, file: file, "The XML is not valid UTF-8.",
                    hint: "Save the file as UTF-8 (GraphML and GEXF are UTF-8 by default).",
                    nl: "De XML is geen geldige UTF-8.",
                    hintNL: "Sla het bestand op als UTF-8 (GraphML en GEXF zijn standaard UTF-8).")
            ])
        }
    }

}
