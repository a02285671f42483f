import Foundation
import NetGraph
import NetGraphIO

/// A change someone in the room makes to the map.
///
/// Values arrive as text, exactly as a cell of `actors.csv` or `relations.csv` would hold them,
/// and every change is checked by reading the resulting folder with the same reader as
/// `netan validate` (`NetworkReader.load(folderFiles:folder:allowEmpty:)`): the same rules, the same
/// messages. A refused change changes nothing.
public enum WorkshopEdit: Sendable, Equatable {
    /// Adds an actor; `id` is made from the name when absent.
    case addActor([String: String])
    /// Sets the given fields of an actor (an empty value clears the field; `id` cannot change).
    case updateActor(id: String, [String: String])
    /// Removes an actor and every relation it takes part in.
    case deleteActor(id: String)
    /// Adds a relation (`source`, `target`, `type`, optionally `weight`, `directed`, `year`, ...).
    case addRelation([String: String])
    /// Removes the relation at this position (0-based, as in `GET /api/network`).
    case deleteRelation(index: Int)
}

/// Why a change was refused; the HTTP status and the messages in the room's language.
public struct EditRefusal: Error, Sendable, CustomStringConvertible {
    /// 400 (malformed), 404 (unknown actor or relation), 409 (limit reached), 422 (invalid data).
    public let status: Int
    /// Messages in English.
    public let messages: [String]
    /// The same messages in Dutch.
    public let messagesNL: [String]

    /// Creates a refusal with one message in both languages.
    public init(status: Int, _ english: String, nl: String) {
        self.status = status
        messages = [english]
        messagesNL = [nl]
    }

    init(status: Int, messages: [String], messagesNL: [String]) {
        self.status = status
        self.messages = messages
        self.messagesNL = messagesNL
    }

    /// The messages in `language` ("nl" or "en").
    public func messages(_ language: String) -> [String] { language == "en" ? messages : messagesNL }

    /// The English messages, one per line.
    public var description: String { messages.joined(separator: "\n") }
}

/// A network as the editable rows of its two tables (the cells of `actors.csv` and
/// `relations.csv` as text), which edits change and the folder reader then checks.
struct EditableTables {
    var actorHeader: [String]
    var actors: [[String]]
    var relationHeader: [String]
    var relations: [[String]]
    let metadata: String
    let sizeColumn: String

    init(_ network: Network, metadata: String) {
        let table = TabularNetwork(network)
        let actorRows = table.actorRows.map { $0.map(\.string) }
        let relationRows = table.relationRows.map { $0.map(\.string) }
        actorHeader = actorRows[0]
        actors = Array(actorRows.dropFirst())
        relationHeader = relationRows[0]
        relations = Array(relationRows.dropFirst())
        self.metadata = metadata
        sizeColumn = network.metadata.sizeAttribute ?? "size"
    }

    var files: NetworkFolderFiles {
        NetworkFolderFiles(
            metadata: metadata, actors: TextTable(columns: actorHeader, rows: actors).csv(),
            relations: TextTable(columns: relationHeader, rows: relations).csv())
    }

    /// The column for a field name as the API names it (`size` is the network's size column).
    func column(_ key: String) -> String { key == "size" ? sizeColumn : key }

    mutating func set(_ key: String, _ value: String, actorRow row: Int) {
        let name = column(key)
        if let k = actorHeader.firstIndex(of: name) {
            actors[row][k] = value
        } else if !value.isEmpty {
            actorHeader.append(name)
            for i in actors.indices { actors[i].append(i == row ? value : "") }
        }
    }

    mutating func appendRelation(_ fields: [String: String]) {
        for key in fields.keys.sorted() where !relationHeader.contains(key) && !(fields[key] ?? "").isEmpty {
            relationHeader.append(key)
            for i in relations.indices { relations[i].append("") }
        }
        relations.append(relationHeader.map { fields[$0] ?? "" })
    }

    func actorRow(id: String) -> Int? {
        guard let k = actorHeader.firstIndex(of: "id") else { return nil }
        return actors.firstIndex { $0[k] == id }
    }
}

extension WorkshopEdit {
    /// Field names the API accepts: letters, digits, `_`, `-` and spaces, at most 40 characters.
    static func validKey(_ key: String) -> Bool {
        !key.isEmpty && key.count <= 40
            && key.unicodeScalars.allSatisfy {
                CharacterSet.alphanumerics.contains($0) || $0 == "_" || $0 == "-" || $0 == " "
            }
    }

    /// An id made from a name: lower case, letters and digits joined by `-`, unique in `taken`.
    static func identifier(from name: String, taken: (String) -> Bool) -> String {
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
            .lowercased()
        var slug = ""
        for scalar in folded.unicodeScalars {
            if CharacterSet.alphanumerics.contains(scalar) && scalar.isASCII {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty && !slug.hasSuffix("-") {
                slug += "-"
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        let base = slug.isEmpty ? "actor" : String(slug.prefix(40))
        var candidate = base
        var n = 2
        while taken(candidate) {
            candidate = "\(base)-\(n)"
            n += 1
        }
        return candidate
    }

    /// Applies the edit to `network` (whose `network.yaml` text is `metadata`: it does not change
    /// with an edit) and checks the result with the folder reader.
    ///
    /// - Returns: the new network, its folder files, a one-line summary (in `language`) and the
    ///   id of the actor added or changed, if any.
    /// - Throws: ``EditRefusal`` when the edit is malformed, names an unknown actor or
    ///   relation, or the reader finds the result invalid (with the reader's messages).
    func apply(to network: Network, metadata: String, folder: String, language: String) throws -> (
        network: Network, files: NetworkFolderFiles, summary: String, id: String?
    ) {
        let nl = language != "en"
        var tables = EditableTables(network, metadata: metadata)
        var summary: String
        var changedID: String? = nil
        func name(_ id: String) -> String { network.actor(id: id)?.name ?? id }
        switch self {
        case .addActor(var fields):
            try Self.checkKeys(fields)
            let given = (fields["id"] ?? "").trimmingCharacters(in: .whitespaces)
            let id =
                given.isEmpty
                ? Self.identifier(from: fields["name"] ?? "", taken: network.contains(actor:)) : given
            fields["id"] = id
            tables.actors.append(Array(repeating: "", count: tables.actorHeader.count))
            for key in ["id", "name", "type"] + fields.keys.sorted() where fields[key] != nil {
                tables.set(key, fields[key]!, actorRow: tables.actors.count - 1)
            }
            let shown = fields["name"].flatMap { $0.isEmpty ? nil : $0 } ?? id
            summary = nl ? "\(shown) toegevoegd" : "\(shown) added"
            changedID = id
        case .updateActor(let id, let fields):
            try Self.checkKeys(fields)
            guard let row = tables.actorRow(id: id) else { throw Self.unknownActor(id) }
            if let newID = fields["id"], newID != id {
                throw EditRefusal(
                    status: 400, "An actor's id cannot change (relations refer to it).",
                    nl: "De id van een partij kan niet veranderen (relaties verwijzen ernaar).")
            }
            for key in fields.keys.sorted() where key != "id" { tables.set(key, fields[key]!, actorRow: row) }
            let changed = fields.keys.filter { $0 != "id" }.sorted().joined(separator: ", ")
            summary = nl ? "\(name(id)) gewijzigd (\(changed))" : "\(name(id)) changed (\(changed))"
            changedID = id
        case .deleteActor(let id):
            guard let row = tables.actorRow(id: id) else { throw Self.unknownActor(id) }
            tables.actors.remove(at: row)
            let source = tables.relationHeader.firstIndex(of: "source")!
            let target = tables.relationHeader.firstIndex(of: "target")!
            let before = tables.relations.count
            tables.relations.removeAll { $0[source] == id || $0[target] == id }
            let removed = before - tables.relations.count
            summary =
                nl
                ? "\(name(id)) verwijderd, met \(removed) relatie\(removed == 1 ? "" : "s")"
                : "\(name(id)) removed, with \(removed) relation\(removed == 1 ? "" : "s")"
        case .addRelation(let fields):
            try Self.checkKeys(fields)
            tables.appendRelation(fields)
            let type = fields["type"] ?? ""
            let label = type
            summary =
                "\(label): \(name(fields["source"] ?? "")) – \(name(fields["target"] ?? ""))"
                + (nl ? " toegevoegd" : " added")
        case .deleteRelation(let index):
            guard tables.relations.indices.contains(index) else {
                throw EditRefusal(
                    status: 404, "There is no relation number \(index) (0 to \(tables.relations.count - 1)).",
                    nl: "Er is geen relatie met nummer \(index) (0 tot \(tables.relations.count - 1)).")
            }
            let relation = network.relations[index]
            tables.relations.remove(at: index)
            let label = relation.type
            summary =
                "\(label): \(name(relation.source)) – \(name(relation.target))"
                + (nl ? " verwijderd" : " removed")
        }
        let files = tables.files
        do {
            let loaded = try NetworkReader.load(folderFiles: files, folder: folder, allowEmpty: true)
            return (loaded.network, files, summary, changedID)
        } catch let error as NetworkLoadError {
            throw EditRefusal(
                status: 422, messages: error.errors.map { $0.text("en") },
                messagesNL: error.errors.map { $0.text("nl") })
        }
    }

    static func checkKeys(_ fields: [String: String]) throws {
        for key in fields.keys where !validKey(key) {
            throw EditRefusal(
                status: 400,
                "The field name \"\(key)\" is not allowed: use letters, digits, _ or - (at most 40).",
                nl:
                    "De veldnaam \"\(key)\" is niet toegestaan: gebruik letters, cijfers, _ of - (hoogstens 40)."
            )
        }
        for (key, value) in fields where value.count > 500 || value.contains(where: \.isNewline) {
            throw EditRefusal(
                status: 400, "The value of \"\(key)\" is too long or spans several lines.",
                nl: "De waarde van \"\(key)\" is te lang of beslaat meer regels.")
        }
    }

    static func unknownActor(_ id: String) -> EditRefusal {
        EditRefusal(
            status: 404, "There is no actor with id \"\(id)\".", nl: "Er is geen partij met id \"\(id)\".")
    }
}
