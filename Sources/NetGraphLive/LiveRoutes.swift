import Foundation
import Hummingbird
import NIOCore
import NetGraph
import NetGraphIO
import NetGraphReports
import ZIPFoundation

/// The JSON API and the two pages. Every change goes through ``Workshop/apply(_:client:)``.
struct LiveRoutes: Sendable {
    let workshop: Workshop
    let analysis: LiveAnalysis
    let code: String

    func register(on router: Router<LiveRequestContext>) {
        router.get("/") { _, _ in Self.html(LivePages.facilitator) }
        router.get("/join") { _, _ in Self.html(LivePages.participant) }
        router.get("/api/network") { _, _ in
            let (network, version) = await workshop.snapshot()
            var response = Self.json(NetworkWriter.jsonText(network))
            response.headers[.eTag] = "\"\(version)\""
            return response
        }
        router.get("/api/vocabulary") { request, _ in
            let language = request.uri.queryParameters.get("lang") == "en" ? "en" : "nl"
            let vocabulary = await workshop.snapshot().network.vocabulary
            let object: [String: Any] = [
                "actor_types": vocabulary.actorTypes.map {
                    ["name": $0.name, "label": $0.label(language), "role": $0.role.rawValue]
                },
                "relation_types": vocabulary.relationTypes.map {
                    ["name": $0.name, "label": $0.name, "directed": $0.directed] as [String: Any]
                },
            ]
            return Self.json(JSONOutput.text(object))
        }
        router.get("/api/version") { _, _ in
            Self.json("{\"version\":\(await workshop.snapshot().version)}")
        }
        router.post("/api/actors") { request, context in
            try await change(
                .addActor(try await Self.fields(request, context)), context: context, created: true)
        }
        router.patch("/api/actors/{id}") { request, context in
            let id = try context.parameters.require("id")
            return try await change(
                .updateActor(id: id, try await Self.fields(request, context)), context: context,
                created: false)
        }
        router.delete("/api/actors/{id}") { _, context in
            try await change(
                .deleteActor(id: try context.parameters.require("id")), context: context, created: false)
        }
        router.post("/api/relations") { request, context in
            try await change(
                .addRelation(try await Self.fields(request, context)), context: context, created: true)
        }
        router.delete("/api/relations/{index}") { _, context in
            guard let index = context.parameters.get("index", as: Int.self) else {
                return Self.problem(
                    400, "The relation number must be a whole number.",
                    nl: "Het relatienummer moet een geheel getal zijn.")
            }
            return try await change(.deleteRelation(index: index), context: context, created: false)
        }
        router.post("/api/undo") { _, _ in
            guard let version = try await workshop.undo() else {
                return Self.problem(409, "There is nothing to undo.", nl: "Er is niets om ongedaan te maken.")
            }
            return Self.json("{\"version\":\(version)}")
        }
        router.post("/api/redo") { _, _ in
            guard let version = try await workshop.redo() else {
                return Self.problem(409, "There is nothing to redo.", nl: "Er is niets om opnieuw te doen.")
            }
            return Self.json("{\"version\":\(version)}")
        }
        router.get("/api/history") { _, _ in
            let items = try workshop.journal.history()
            return Self.json(String(decoding: try JSONEncoder().encode(items), as: UTF8.self))
        }
        router.get("/api/flags") { request, _ in
            let language = request.uri.queryParameters.get("lang") == "en" ? "en" : "nl"
            let views = try await analysis.current()
            var response = Self.json(views.flags[language] ?? "{}")
            response.headers[.eTag] = "\"\(views.version)\""
            return response
        }
        router.get("/api/findings") { request, _ in
            let language = request.uri.queryParameters.get("lang") == "en" ? "en" : "nl"
            let views = try await analysis.current()
            return Self.json(views.findings[language] ?? "[]")
        }
        router.get("/api/diagram.svg") { _, _ in
            let views = try await analysis.current()
            return Response(
                status: .ok,
                headers: [.contentType: "image/svg+xml; charset=utf-8", .eTag: "\"\(views.version)\""],
                body: .init(byteBuffer: ByteBuffer(bytes: views.svg)))
        }
        router.get("/api/export.zip") { _, _ in
            let (network, _) = await workshop.snapshot()
            let data = try await Self.export(network, folder: workshop.folder)
            let name = Slug.make(network.metadata.name)
            return Response(
                status: .ok,
                headers: [
                    .contentType: "application/zip",
                    .contentDisposition: "attachment; filename=\"\(name).zip\"",
                ],
                body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
        router.get("/api/live") { _, _ in
            Self.problem(400, "Open this address as a WebSocket.", nl: "Open dit adres als WebSocket.")
        }
    }

    /// Applies a change and answers with the new version (201 with the id or index when created).
    func change(_ edit: WorkshopEdit, context: LiveRequestContext, created: Bool) async throws -> Response {
        do {
            let (version, id) = try await workshop.apply(edit, client: context.connection)
            var body = "{\"version\":\(version)"
            if let id, case .addActor = edit { body += ",\"id\":\(JSONOutput.text(id))" }
            if case .addRelation = edit {
                body += ",\"index\":\(await workshop.snapshot().network.relations.count - 1)"
            }
            return Self.json(body + "}", status: created ? .created : .ok)
        } catch let refusal as EditRefusal {
            return Self.problem(refusal)
        }
    }

    /// The fields of a JSON object body, as cell texts (numbers as written by JSON, booleans as
    /// `true`/`false`, null as empty).
    static func fields(_ request: Request, _ context: LiveRequestContext) async throws -> [String: String] {
        var request = request
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: context.maxUploadSize)
        } catch {
            throw HTTPError(
                .contentTooLarge, message: "The request is larger than \(LiveLimits().requestBytes) bytes.")
        }
        guard
            let object = try? JSONDecoder().decode(
                [String: FieldValue].self, from: Data(buffer.readableBytesView))
        else {
            throw HTTPError(
                .badRequest,
                message:
                    "The body must be a JSON object of field names and values (text, numbers, true/false).")
        }
        var fields: [String: String] = [:]
        for (key, value) in object {
            switch value {
            case .text(let text): fields[key] = text
            case .null: fields[key] = ""
            case .bool(let flag): fields[key] = flag ? "true" : "false"
            case .number(let v): fields[key] = v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : "\(v)"
            }
        }
        return fields
    }

    static func export(_ network: Network, folder: String) async throws -> Data {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(
                    with: Result {
                        let fm = FileManager.default
                        let temporary = fm.temporaryDirectory.appendingPathComponent(
                            "netan-export-\(UUID().uuidString)")
                        defer { try? fm.removeItem(at: temporary) }
                        let root = temporary.appendingPathComponent(Slug.make(network.metadata.name))
                        try NetworkWriter.folderFiles(network).write(
                            to: root.appendingPathComponent("netwerk").path)
                        if !network.actors.isEmpty {
                            try ReportBuilder(
                                NetworkAnalysis(network), language: network.metadata.language,
                                inputDescription: folder
                            ).write(to: root.appendingPathComponent("rapport"))
                        }
                        let zip = temporary.appendingPathComponent("export.zip")
                        try fm.zipItem(at: root, to: zip)
                        return try Data(contentsOf: zip)
                    })
            }
        }
    }

    static func html(_ text: String) -> Response {
        Response(
            status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func json(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func problem(_ refusal: EditRefusal) -> Response {
        let body = JSONOutput.text(
            [
                "error": refusal.messages.first ?? "",
                "messages": ["en": refusal.messages, "nl": refusal.messagesNL],
            ]
                as [String: Any])
        return json(body, status: HTTPResponse.Status(code: refusal.status))
    }

    static func problem(_ status: Int, _ english: String, nl: String) -> Response {
        problem(EditRefusal(status: status, english, nl: nl))
    }
}

/// A value in a request body: what a cell of a CSV file can hold.
enum FieldValue: Decodable {
    case text(String)
    case number(Double)
    case bool(Bool)
    case null

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else {
            self = .text(try container.decode(String.self))
        }
    }
}
