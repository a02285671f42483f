import Foundation
import HummingbirdWSClient
import Logging
import NetGraph
import NetGraphIO
import NetGraphLive
import NetGraphReports
import Synchronization
import TestSupport
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

@Suite("netan serve: API", .serialized)
struct LiveAPITests {
    @Test("Without the right code every API call and page answers 401; foreign Origin and Host 403")
    func access() async throws {
        let live = try await LiveTestServer()
        defer { Task { await live.stop() } }
        for path in [
            "/api/network", "/api/flags", "/api/diagram.svg", "/api/export.zip", "/api/history", "/", "/join",
        ] {
            #expect(try await live.request("GET", path, code: nil).status == 401, "\(path)")
            #expect(try await live.request("GET", path, code: "WRONG").status == 401, "\(path)")
        }
        #expect(
            try await live.request("POST", "/api/actors", json: #"{"name":"A","type":"gemeente"}"#, code: nil)
                .status == 401)
        #expect(try await live.request("GET", "/?code=WRONG", code: nil).status == 401)
        #expect(try await live.request("GET", "/?code=\(LiveTestServer.code)", code: nil).status == 200)
        let foreign = try await live.request(
            "POST", "/api/actors", json: #"{"name":"A","type":"gemeente"}"#,
            headers: ["Origin": "http://evil.example"])
        #expect(foreign.status == 403)
        let own = try await live.request(
            "GET", "/api/network", headers: ["Origin": "http://127.0.0.1:\(live.port)"])
        #expect(own.status == 200)
        let rebound = try await live.request(
            "GET", "/api/network", headers: ["Host": "evil.example:\(live.port)"])
        #expect(rebound.status == 403)
        // Nothing was added by the refused calls.
        #expect(try NetworkReader.load(folder: live.path, allowEmpty: true).network.actors.isEmpty)
    }

    @Test(
        "Changes are checked by the folder reader, written to the folder, and refused changes change nothing")
    func changes() async throws {
        let live = try await LiveTestServer()
        defer { Task { await live.stop() } }
        let created = try await live.request(
            "POST", "/api/actors",
            json: #"{"name":"Gemeente Breda","type":"gemeente","size":350,"influence":9}"#)
        #expect(created.status == 201)
        #expect(LiveTestServer.object(created.body)["id"] as? String == "gemeente-breda")
        _ = try await live.request(
            "POST", "/api/actors", json: #"{"id":"za","name":"Zorg A","type":"zorgaanbieder"}"#)
        let relation = try await live.request(
            "POST", "/api/relations",
            json: #"{"source":"gemeente-breda","target":"za","type":"financiering","weight":4.5}"#)
        #expect(relation.status == 201)
        #expect(LiveTestServer.object(relation.body)["index"] as? Int == 0)

        // The folder holds exactly this network, readable by the CLI's reader.
        var network = try NetworkReader.load(path: live.path).network
        #expect(network.actors.map(\.id) == ["gemeente-breda", "za"])
        #expect(network.actor(id: "gemeente-breda")?.size == 350)
        #expect(network.relations.map(\.weight) == [4.5])
        // GET /api/network is `netan convert … --to json` of that folder.
        #expect(try await live.request("GET", "/api/network").body == NetworkWriter.jsonText(network))

        // Invalid data: the reader's message, nothing changed.
        let before = try await live.request("GET", "/api/network").body
        let duplicate = try await live.request(
            "POST", "/api/actors", json: #"{"id":"za","name":"Tweede","type":"wijkteam"}"#)
        #expect(duplicate.status == 422)
        #expect(duplicate.body.contains("actors.csv"))
        let badNumber = try await live.request("PATCH", "/api/actors/za", json: #"{"size":"veel"}"#)
        #expect(badNumber.status == 422)
        let unknown = try await live.request(
            "POST", "/api/relations",
            json: #"{"source":"gemeente-breda","target":"niemand","type":"overleg"}"#)
        #expect(unknown.status == 422)
        #expect(unknown.body.contains("niemand"))
        #expect(try await live.request("DELETE", "/api/relations/7").status == 404)
        #expect(try await live.request("PATCH", "/api/actors/niemand", json: #"{"size":1}"#).status == 404)
        #expect(try await live.request("POST", "/api/actors", json: #"["not","an","object"]"#).status == 400)
        #expect(
            try await live.request("POST", "/api/actors", json: #"{"name":{"nested":1},"type":"x"}"#).status
                == 400)
        let large = String(repeating: "x", count: 70_000)
        #expect(
            try await live.request("POST", "/api/actors", json: #"{"name":"\#(large)","type":"gemeente"}"#)
                .status == 413)
        #expect(try await live.request("GET", "/api/network").body == before)

        // Two people editing the same actor: last write wins per field, both fields kept.
        async let first = live.request("PATCH", "/api/actors/za", json: #"{"influence":3}"#)
        async let second = live.request("PATCH", "/api/actors/za", json: #"{"doel":"Meer zeggenschap"}"#)
        #expect(try await [first.status, second.status] == [200, 200])
        network = try NetworkReader.load(path: live.path).network
        #expect(network.actor(id: "za")?.influence == 3)
        #expect(network.actor(id: "za")?.attributes["doel"] == "Meer zeggenschap")

        // Deleting an actor removes its relations; undo brings both back, redo removes again.
        #expect(try await live.request("DELETE", "/api/actors/za").status == 200)
        network = try NetworkReader.load(path: live.path).network
        #expect(network.actors.count == 1 && network.relations.isEmpty)
        #expect(try await live.request("POST", "/api/undo").status == 200)
        network = try NetworkReader.load(path: live.path).network
        #expect(network.actors.count == 2 && network.relations.count == 1)
        #expect(try await live.request("POST", "/api/redo").status == 200)
        #expect(try NetworkReader.load(path: live.path).network.actors.count == 1)
        #expect(try await live.request("POST", "/api/redo").status == 409)
        let history = try await live.request("GET", "/api/history").body
        #expect(history.contains("Zorg A verwijderd, met 1 relatie"))
    }

    @Test("Findings are `netan flags --format json`; the diagram escapes every typed name")
    func findingsAndDiagram() async throws {
        let live = try await LiveTestServer()
        defer { Task { await live.stop() } }
        let name = "<script>alert(1)</script> & \"Zorg\""
        for (id, type) in [
            ("gem", "gemeente"), ("za", "zorgaanbieder"), ("zb", "zorgaanbieder"),
            ("co", "clientorganisatie"),
        ] {
            let json =
                #"{"id":"\#(id)","name":"\#(id == "za" ? name.replacingOccurrences(of: "\"", with: "\\\"") : id)","type":"\#(type)"}"#
            #expect(try await live.request("POST", "/api/actors", json: json).status == 201)
        }
        for (s, t) in [("gem", "za"), ("gem", "zb"), ("co", "gem")] {
            let json = #"{"source":"\#(s)","target":"\#(t)","type":"financiering","weight":2}"#
            #expect(try await live.request("POST", "/api/relations", json: json).status == 201)
        }
        let network = try NetworkReader.load(path: live.path).network
        let expected = FlagReport(power: NetworkAnalysis(network).power, language: "en").render(.json)
        #expect(try await live.request("GET", "/api/flags?lang=en").body == expected)
        let svg = try await live.request("GET", "/api/diagram.svg").body
        #expect(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!svg.contains("<script>"))
        let page = try await live.request("GET", "/")
        #expect(page.status == 200)
        // No external address: the only URLs are SVG's namespace names, which are never fetched.
        let urls = page.body.matches(of: /https?:\/\/[^"' <)]+/).map { String($0.output) }
        #expect(urls.allSatisfy { $0.hasPrefix("http://www.w3.org/") }, "\(urls)")
        let export = try await live.request("GET", "/api/export.zip")
        #expect(export.status == 200)
    }

    @Test("Every change reaches an open WebSocket; without the code there is no WebSocket")
    func webSocket() async throws {
        let live = try await LiveTestServer()
        defer { Task { await live.stop() } }
        let received = Mutex<[String]>([])
        let logger = Logger(label: "test")
        let client = Task {
            try await WebSocketClient.connect(
                url: "ws://127.0.0.1:\(live.port)/api/live?code=\(LiveTestServer.code)", logger: logger
            ) { inbound, _, _ in
                for try await message in inbound.messages(maxSize: 1 << 20) {
                    if case .text(let text) = message {
                        received.withLock { $0.append(text) }
                        if text.contains("\"kind\":\"change\"") { break }
                    }
                }
            }
        }
        // Wait for the hello, then change something.
        for _ in 0..<100 where received.withLock({ $0.isEmpty }) {
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(received.withLock { $0.first?.contains("\"kind\":\"hello\"") } == true)
        _ = try await live.request(
            "POST", "/api/actors", json: #"{"name":"Wijkteam Noord","type":"wijkteam"}"#)
        _ = try await client.value
        #expect(received.withLock { $0.contains { $0.contains("wijkteam-noord") } })

        await #expect(throws: (any Error).self) {
            try await WebSocketClient.connect(url: "ws://127.0.0.1:\(live.port)/api/live", logger: logger) {
                _, _, _ in
            }
        }
    }

    @Test("Load: 30 clients adding actors and links at once lose nothing; too many requests get 429")
    func load() async throws {
        let live = try await LiveTestServer()
        defer { Task { await live.stop() } }
        let clients = 30
        let perClient = 4
        let acknowledged = try await withThrowingTaskGroup(of: [String].self) { group in
            for c in 0..<clients {
                group.addTask {
                    let session = URLSession(configuration: .ephemeral)
                    var ids: [String] = []
                    for k in 0..<perClient {
                        let response = try await live.request(
                            "POST", "/api/actors",
                            json:
                                #"{"id":"c\#(c)-\#(k)","name":"Partij \#(c)-\#(k)","type":"zorgaanbieder"}"#,
                            session: session)
                        if response.status == 201 { ids.append("c\(c)-\(k)") }
                        if k > 0 {
                            let link = try await live.request(
                                "POST", "/api/relations",
                                json:
                                    #"{"source":"c\#(c)-\#(k - 1)","target":"c\#(c)-\#(k)","type":"overleg"}"#,
                                session: session)
                            if link.status == 201 { ids.append("c\(c)-\(k - 1)>c\(c)-\(k)") }
                        }
                    }
                    return ids
                }
            }
            var all: [String] = []
            for try await ids in group { all += ids }
            return all
        }
        #expect(acknowledged.count == clients * (2 * perClient - 1))
        let network = try NetworkReader.load(path: live.path).network
        let stored = Set(network.actors.map(\.id)).union(
            network.relations.map { "\($0.source)>\($0.target)" })
        #expect(Set(acknowledged) == stored)

        var limits = LiveLimits()
        limits.requestsPerSecond = 5
        let strict = try await LiveTestServer(limits: limits)
        defer { Task { await strict.stop() } }
        var statuses: [Int] = []
        let session = URLSession(configuration: .ephemeral)
        for _ in 0..<30 {
            statuses.append(try await strict.request("GET", "/api/version", session: session).status)
        }
        #expect(statuses.contains(429))
        #expect(statuses.prefix(5).allSatisfy { $0 == 200 })
    }
}
