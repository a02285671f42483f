import Foundation
import NetGraph
import NetGraphIO
import Synchronization
import TestSupport
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `netan serve` as a separate process, so it can be killed without warning.
private final class ServeProcess: Sendable {
    let process: Process
    let port: Int

    init(folder: String, code: String) throws {
        let process = Process()
        process.executableURL = netanBinary()
        process.arguments = ["serve", folder, "--port", "0", "--code", code]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        // The first lines name the address; read until the port is known.
        var text = ""
        var port = 0
        let handle = out.fileHandleForReading
        while port == 0 {
            let data = handle.availableData
            if data.isEmpty { break }
            text += String(decoding: data, as: UTF8.self)
            if let range = text.range(of: #"http://127\.0\.0\.1:(\d+)/"#, options: .regularExpression) {
                port = Int(text[range].dropFirst("http://127.0.0.1:".count).dropLast()) ?? 0
            }
        }
        self.process = process
        self.port = port
    }

    func kill() {
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    func stop() {
        process.interrupt()
        process.waitUntilExit()
    }
}

/// Changes the server confirmed, from every client.
private final class Acknowledged: Sendable {
    let ids = Mutex<[String]>([])

    /// Records an id; returns how many are recorded.
    func add(_ id: String) -> Int {
        ids.withLock {
            $0.append(id)
            return $0.count
        }
    }
}

@Suite("netan serve end to end", .serialized)
struct ServeTests {
    @Test("kill -9 in the middle of a load loses no acknowledged change")
    func killNine() async throws {
        let folder = TemporaryFolder()
        let path = folder.url.appendingPathComponent("workshop").path
        let code = "KILLTEST9"
        let server = try ServeProcess(folder: path, code: code)
        #expect(server.port > 0)
        let acknowledged = Acknowledged()
        await withTaskGroup(of: Void.self) { group in
            for c in 0..<10 {
                group.addTask {
                    let session = URLSession(configuration: .ephemeral)
                    for k in 0..<200 {
                        var request = URLRequest(
                            url: URL(string: "http://127.0.0.1:\(server.port)/api/actors")!)
                        request.httpMethod = "POST"
                        request.setValue("Bearer \(code)", forHTTPHeaderField: "Authorization")
                        request.httpBody = Data(#"{"id":"c\#(c)-\#(k)","type":"zorgaanbieder"}"#.utf8)
                        guard let (_, response) = try? await session.data(for: request) else { return }
                        if (response as? HTTPURLResponse)?.statusCode == 201 {
                            // Kill while every client still has requests in flight.
                            if acknowledged.add("c\(c)-\(k)") == 150 { server.kill() }
                        }
                    }
                }
            }
        }
        let acked = Set(acknowledged.ids.withLock { $0 })
        #expect(acked.count >= 150)
        // Restart on the same folder: every acknowledged change is there.
        let again = try ServeProcess(folder: path, code: code)
        defer { again.stop() }
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(again.port)/api/network")!)
        request.setValue("Bearer \(code)", forHTTPHeaderField: "Authorization")
        let (data, _) = try await URLSession.shared.data(for: request)
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        let ids = Set(((object?["actors"] as? [[String: Any]]) ?? []).compactMap { $0["id"] as? String })
        #expect(acked.isSubset(of: ids), "lost: \(acked.subtracting(ids).sorted().prefix(10))")
        // And the folder's files hold the same state after the restart.
        let onDisk = try NetworkReader.load(path: path).network
        #expect(Set(onDisk.actors.map(\.id)) == ids)
    }

    @Test("serve refuses a bad code option and an invalid folder with a clear message")
    func refusals() throws {
        let bad = try netan(["serve", "/tmp/x", "--code", "a b"])
        #expect(bad.status == 64)
        let folder = TemporaryFolder()
        folder.write("net/actors.csv", "id,type\na,gemeente\na,gemeente\n")
        folder.write("net/relations.csv", "source,target,type\n")
        let invalid = try netan(["serve", folder.url.appendingPathComponent("net").path, "--port", "0"])
        #expect(invalid.status == 65)
        #expect(invalid.stderr.contains("actors.csv"))
    }
}
