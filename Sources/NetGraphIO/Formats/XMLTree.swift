import CXMLReader
import Foundation
import NetGraph

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

    /// Network files need a handful of levels; a document nested thousands deep would
    /// overflow the stack when its tree is freed, so reading stops at this depth.
    static let maximumDepth = 100

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
        if declaresDTD(data) {
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
        return try elementTree(data, file: path)
    }

    /// Whether `data` holds `<!DOCTYPE` or `<!ENTITY` anywhere (any case in the first 64 KB,
    /// as written everywhere else): a DTD can declare entities that expand without end or read
    /// local files, and the GraphML, GEXF and workbook formats never need one. The whole file is
    /// searched because a DTD may follow any amount of comments.
    static func declaresDTD(_ data: Data) -> Bool {
        if let head = String(data: data.prefix(65_536), encoding: .utf8)
            ?? String(data: data.prefix(65_536), encoding: .isoLatin1),
            head.range(of: "<!DOCTYPE", options: .caseInsensitive) != nil
                || head.range(of: "<!ENTITY", options: .caseInsensitive) != nil
        {
            return true
        }
        return data.withUnsafeBytes { raw in
            guard let base = raw.baseAddress?.assumingMemoryBound(to: CChar.self) else { return false }
            return netan_xml_contains(base, raw.count, "<!DOCTYPE") != 0
                || netan_xml_contains(base, raw.count, "<!ENTITY") != 0
        }
    }

    /// Whether `data` is valid UTF-8 without NUL bytes (a byte-order mark is valid UTF-8).
    static func isUTF8WithoutNUL(_ data: Data) -> Bool {
        data.withUnsafeBytes { raw in
            (raw.baseAddress.map { memchr($0, 0, raw.count) == nil } ?? true)
                && TextDecoding.isValidUTF8(raw.bindMemory(to: UInt8.self))
        }
    }

    /// The element tree through libxml2's streaming reader (`xmlTextReader`), opened without
    /// network access, DTD loading or entity substitution and with libxml2's size limits lifted
    /// (Foundation's XMLParser cannot lift them, and refused every file above 10 MB). Every
    /// error libxml2 reports is fatal; elements nested deeper than ``maximumDepth``
    /// are refused. Text is the element's own character data (CDATA and whitespace included).
    /// - Complexity: O(size of the file); the tree holds every element.
    static func elementTree(_ data: Data, file: String) throws -> XMLNode {
        let (root, failure) = tree(data)
        guard let root, failure == nil else {
            let (message, line) = failure ?? ("", nil)
            throw NetworkLoadError([
                Diagnostic(
                    .error, file: file, line: line,
                    "The XML is malformed (\(message)).",
                    hint:
                        "Check that every element is closed "
                        + "and that special characters are escaped (&amp; for &).",
                    nl: "De XML is niet goed gevormd (\(message)).",
                    hintNL:
                        "Controleer of elk element is afgesloten "
                        + "en of speciale tekens als entiteit zijn geschreven (&amp; voor &)."
                )
            ])
        }
        return root
    }

    /// The element tree of `data`, or why there is none (message, line).
    static func tree(_ data: Data) -> (root: XMLNode?, failure: (message: String, line: Int?)?) {
        var root: XMLNode?
        var stack: [XMLNode] = []
        var failure = XMLEvents.read(data) { event in
            switch event {
            case .start(let name, let attributes, let empty, let line):
                if stack.count >= maximumDepth {
                    return ("elements are nested more than \(maximumDepth) levels deep", line)
                }
                let node = XMLNode(name: name, attributes: attributes, line: line)
                stack.last?.children.append(node)
                if root == nil { root = node }
                if !empty { stack.append(node) }
            case .end:
                if !stack.isEmpty { stack.removeLast() }
            case .text(let text):
                stack.last?.text += text
            }
            return nil
        }
        if failure == nil && (root == nil || !stack.isEmpty) {
            failure = (root == nil ? "there is no element" : "an element is not closed", nil)
        }
        return (failure == nil ? root : nil, failure)
    }

    /// The XML readers accept only valid UTF-8 without NUL bytes, checked before parsing
    /// (Foundation's parser, used before libxml2's reader, trapped on some invalid sequences
    /// the fuzzer found; GraphML and GEXF are UTF-8).
    static func checkXMLBytes(_ data: Data, file: String) throws {
        if isUTF8WithoutNUL(data) { return }
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

/// libxml2's streaming reader (`CXMLReader`) as a sequence of events: the one XML parser of
/// every netan reader (GraphML, GEXF, workbook parts). Opened without network access, DTD
/// loading or entity substitution and with libxml2's size limits lifted; callers refuse DTDs
/// before reading (``InteropReaders/declaresDTD(_:)``), and a document type or entity
/// reference met while reading stops it.
enum XMLEvents {
    enum Event {
        /// An element's start: local name (`row` for `x:row`), attributes by qualified name,
        /// whether it is written `<a/>` (no `.end` follows), its line.
        case start(name: String, attributes: [String: String], empty: Bool, line: Int)
        /// An element's end (local name).
        case end(name: String)
        /// Character data: text, CDATA and whitespace, entities decoded.
        case text(String)
    }

    /// Reads `data`, handing every event to `handle`, which returns nil to go on or a failure
    /// (message, line) to stop. Returns the first failure: the handler's, or libxml2's first
    /// error (every error is fatal, even one libxml2 recovers from), with its line.
    static func read(_ data: Data, _ handle: (Event) -> (message: String, line: Int?)?) -> (
        message: String, line: Int?
    )? {
        data.withUnsafeBytes { raw -> (message: String, line: Int?)? in
            guard let base = raw.baseAddress?.assumingMemoryBound(to: CChar.self), raw.count < Int(Int32.max),
                let reader = netan_xml_open(base, Int32(raw.count))
            else { return ("libxml2 could not start reading", nil) }
            defer { netan_xml_close(reader) }
            while true {
                let type = netan_xml_next(reader)
                if type == 0 { return nil }
                if type < 0 {
                    let message = String(cString: netan_xml_error_message(reader))
                    return (
                        message.trimmingCharacters(in: .whitespacesAndNewlines),
                        Int(netan_xml_error_line(reader))
                    )
                }
                let event: Event
                switch type {
                case 1:  // element
                    let line = Int(netan_xml_line(reader))
                    let name = String(cString: netan_xml_local_name(reader))
                    let empty = netan_xml_is_empty(reader) != 0
                    var attributes: [String: String] = [:]
                    while netan_xml_next_attribute(reader) != 0 {
                        attributes[String(cString: netan_xml_name(reader))] = String(
                            cString: netan_xml_value(reader))
                    }
                    event = .start(name: name, attributes: attributes, empty: empty, line: line)
                case 15: event = .end(name: String(cString: netan_xml_local_name(reader)))
                case 3, 4, 13, 14: event = .text(String(cString: netan_xml_value(reader)))
                case 5, 10: return ("a DTD or entity, which netan refuses", Int(netan_xml_line(reader)))
                default: continue
                }
                if let failure = handle(event) { return failure }
            }
        }
    }
}
