import Foundation
@testable import NetGraph

/// A temporary folder removed when the value goes away.
final class TemporaryFolder {
    let url: URL

    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("netan-tests-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    var path: String { url.path }

    @discardableResult
    func write(_ name: String, _ text: String) -> String {
        write(name, bytes: Array(text.utf8))
    }

    @discardableResult
    func write(_ name: String, bytes: [UInt8]) -> String {
        let file = url.appendingPathComponent(name)
        try! FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try! Data(bytes).write(to: file)
        return file.path
    }

    func contents(_ name: String) -> Data? { FileManager.default.contents(atPath: url.appendingPathComponent(name).path) }
}

/// Loads a network folder or throws the load error.
func load(_ folder: TemporaryFolder) throws -> LoadedNetwork { try NetworkReader.load(path: folder.path) }

/// The diagnostics of a load that is expected to fail (empty when it unexpectedly succeeds).
func failures(_ folder: TemporaryFolder) -> [Diagnostic] {
    do { _ = try load(folder); return [] } catch let error as NetworkLoadError { return error.diagnostics } catch { return [] }
}

/// A minimal valid folder: three actors, two relations.
func validFolder() -> TemporaryFolder {
    let folder = TemporaryFolder()
    folder.write("network.yaml", "name: Test\nyear: 2024\n")
    folder.write("actors.csv", "id,name,type\ng,Gemeente,gemeente\np,Aanbieder,zorgaanbieder\nc,Clientenraad,clientorganisatie\n")
    folder.write("relations.csv", "source,target,type,weight\ng,p,financiering,10\nc,g,overleg,2\n")
    return folder
}

/// The package's root folder (tests run from anywhere).
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// Runs a check script; nil when it could not start or reported "skipped" (exit 3: a Python
/// package or Chromium is missing on this machine).
func runCheckScript(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String)? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = Pipe()
    do { try process.run() } catch { return nil }
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return process.terminationStatus == 3 ? nil : (process.terminationStatus, output)
}
