import Foundation
import NetGraphLive
import Synchronization
import TestSupport

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A live server on a free port of 127.0.0.1, in this process, on a fresh folder.
final class LiveTestServer: Sendable {
    let folder: TemporaryFolder
    let server: LiveServer
    let base: String
    let port: Int
    private let task: Task<Void, any Error>
    static let code = "TESTCODE42"

    init(limits: LiveLimits = LiveLimits(), prepare: (URL) throws -> Void = { _ in }) async throws {
        let folder = TemporaryFolder()
        let path = folder.url.appendingPathComponent("workshop")
        try prepare(path)
        let server = try LiveServer(
            folder: path.path, host: "127.0.0.1", port: 0, code: Self.code, limits: limits)
        let (stream, continuation) = AsyncStream<Int>.makeStream()
        task = Task { try await server.run { continuation.yield($0) } }
        var bound = 0
        for await port in stream {
            bound = port
            break
        }
        self.folder = folder
        self.server = server
        self.port = bound
        base = "http://127.0.0.1:\(bound)"
    }

    var path: String { folder.url.appendingPathComponent("workshop").path }

    func stop() async {
        task.cancel()
        _ = await task.result
    }

    /// One HTTP request; the code is sent unless `code` is nil.
    func request(
        _ method: String, _ path: String, json: String? = nil, code: String? = LiveTestServer.code,
        headers: [String: String] = [:], session: URLSession = .shared
    ) async throws -> (status: Int, body: String) {
        var request = URLRequest(url: URL(string: base + path)!)
        request.httpMethod = method
        if let code { request.setValue("Bearer \(code)", forHTTPHeaderField: "Authorization") }
        if let json {
            request.httpBody = Data(json.utf8)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        for (key, value) in headers { request.setValue(value, forHTTPHeaderField: key) }
        let (data, response) = try await session.data(for: request)
        return ((response as! HTTPURLResponse).statusCode, String(decoding: data, as: UTF8.self))
    }

    /// A JSON object from a response body.
    static func object(_ body: String) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any] ?? [:]
    }
}
