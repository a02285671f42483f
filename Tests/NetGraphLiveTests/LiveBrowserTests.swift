import Foundation
import NetGraph
import NetGraphIO
import NetGraphLive
import NetGraphReports
import TestSupport
import Testing

@Suite("netan serve: in a browser", .serialized)
struct LiveBrowserTests {
    @Test(
        "Three browser sessions build a 20-actor map: every change reaches the others, markup never runs",
        .enabled(if: Tools.playwright, "needs Chromium and Playwright (make test installs them)"))
    func threeSessions() async throws {
        let live = try await LiveTestServer()
        defer { Task { await live.stop() } }
        for (id, type) in [("gem", "gemeente"), ("za", "zorgaanbieder"), ("wt", "wijkteam")] {
            _ = try await live.request(
                "POST", "/api/actors", json: #"{"id":"\#(id)","name":"\#(id)","type":"\#(type)"}"#)
        }
        _ = try await live.request(
            "POST", "/api/relations", json: #"{"source":"gem","target":"za","type":"financiering"}"#)
        let script = packageRoot.appendingPathComponent("scripts/live/check_live.py").path
        let base = live.base
        let result = await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(
                    returning: try? runCheckScript(
                        "/usr/bin/env", ["python3", script, base, LiveTestServer.code, "--build", "20"]))
            }
        }
        let outcome = try #require(result ?? nil, "the browser check could not run")
        #expect(outcome.status == 0, "\(outcome.output)")
        #expect(outcome.output.contains("\"ok\": true"))
        // The folder holds exactly the map the room built, and a report can be written from it.
        let network = try NetworkReader.load(path: live.path).network
        let names = Set(network.actors.map(\.name))
        #expect(network.actors.count == 24)
        #expect((1...20).allSatisfy { names.contains("Partij \($0)") })
        #expect(network.relations.count == 1 + 1 + 20)
        #expect(network.actors.contains { $0.name.hasPrefix("<img src=x") })
        let report = live.folder.url.appendingPathComponent("rapport")
        try ReportBuilder(NetworkAnalysis(network), language: "nl", inputDescription: live.path).write(
            to: report)
        #expect(FileManager.default.fileExists(atPath: report.appendingPathComponent("index.html").path))
    }
}

@Suite("netan serve: access rules")
struct LiveAccessTests {
    let access = LiveAccess(code: "ABCD2345", hosts: ["127.0.0.1", "localhost"], port: 8080)

    @Test("The code must match exactly, whatever its length")
    func code() {
        #expect(access.accepts("ABCD2345"))
        for wrong in ["ABCD234", "ABCD23456", "abcd2345", "", "ABCD2346"] { #expect(!access.accepts(wrong)) }
        #expect(!access.accepts(nil))
        #expect(LiveAccess.bearer("Bearer ABCD2345") == "ABCD2345")
        #expect(LiveAccess.bearer("Basic ABCD2345") == nil)
        let codes = Set((0..<50).map { _ in LiveAccess.randomCode() })
        #expect(codes.count == 50 && codes.allSatisfy { $0.count == 8 })
    }

    @Test("Only this server's own origin and host names pass")
    func origins() {
        #expect(access.acceptsOrigin(nil, authority: "127.0.0.1:8080"))
        #expect(access.acceptsOrigin("http://127.0.0.1:8080", authority: "127.0.0.1:8080"))
        #expect(!access.acceptsOrigin("http://127.0.0.1:3000", authority: "127.0.0.1:8080"))
        #expect(!access.acceptsOrigin("http://evil.example", authority: "127.0.0.1:8080"))
        #expect(!access.acceptsOrigin("https://127.0.0.1:8080", authority: "127.0.0.1:8080"))
        #expect(!access.acceptsOrigin("null", authority: "127.0.0.1:8080"))
        #expect(access.acceptsHost("localhost:8080"))
        #expect(!access.acceptsHost("evil.example:8080"))
        #expect(!access.acceptsHost("127.0.0.1:9090"))
        let room = LiveAccess(code: "X", hosts: ["*", "localhost"], port: 8080)
        #expect(room.acceptsHost("192.168.1.20:8080"))
        #expect(!room.acceptsHost("attacker.example:8080"))
    }
}
