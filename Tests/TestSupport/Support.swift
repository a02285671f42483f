import Foundation
import NetGraph
import NetGraphIO
import Testing

/// A temporary folder removed when the value goes away.
public final class TemporaryFolder: Sendable {
    /// The folder's location.
    public let url: URL

    /// Creates a new, empty folder with a unique name in the system's temporary directory.
    public init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "netan-tests-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// The folder's path.
    public var path: String { url.path }

    /// Writes `text` as UTF-8 to `name` (relative to the folder) and returns the file's path.
    @discardableResult
    public func write(_ name: String, _ text: String) -> String {
        write(name, bytes: Array(text.utf8))
    }

    /// Writes `bytes` to `name` (relative to the folder, creating subfolders) and returns the
    /// file's path.
    @discardableResult
    public func write(_ name: String, bytes: [UInt8]) -> String {
        let file = url.appendingPathComponent(name)
        try! FileManager.default.createDirectory(
            at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try! Data(bytes).write(to: file)
        return file.path
    }

    /// The contents of `name` (relative to the folder); nil when it cannot be read.
    public func contents(_ name: String) -> Data? {
        FileManager.default.contents(atPath: url.appendingPathComponent(name).path)
    }
}

/// Loads a network folder or throws the load error.
public func load(_ folder: TemporaryFolder) throws -> LoadedNetwork {
    try NetworkReader.load(path: folder.path)
}

/// The diagnostics of a load that is expected to fail (empty when it unexpectedly succeeds).
public func failures(_ folder: TemporaryFolder) -> [Diagnostic] {
    do {
        _ = try load(folder)
        return []
    } catch let error as NetworkLoadError { return error.diagnostics } catch { return [] }
}

/// A minimal valid folder: three actors, two relations.
public func validFolder() -> TemporaryFolder {
    let folder = TemporaryFolder()
    folder.write("network.yaml", "name: Test\nyear: 2024\n")
    folder.write(
        "actors.csv",
        "id,name,type\ng,Gemeente,gemeente\np,Aanbieder,zorgaanbieder\nc,Clientenraad,clientorganisatie\n")
    folder.write("relations.csv", "source,target,type,weight\ng,p,financiering,10\nc,g,overleg,2\n")
    return folder
}

/// The package's root folder (tests run from anywhere).
public let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent()

/// The shared test fixtures (reference values, bad inputs, interop files, fuzz seeds).
public let fixtures = Bundle.module.resourceURL!.appendingPathComponent("Fixtures")

/// Runs a check script; nil when it could not start or reported "skipped" (exit 3: a Python
/// package or Chromium is missing on this machine).
public func runCheckScript(_ executable: String, _ arguments: [String]) throws -> (
    status: Int32, output: String
)? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice  // warnings are not part of the result
    do { try process.run() } catch { return nil }
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return process.terminationStatus == 3 ? nil : (process.terminationStatus, output)
}

/// What one run of `netan` returned.
public struct CommandResult {
    /// The exit status.
    public var status: Int32
    /// Everything written to standard output.
    public var stdout: String
    /// Everything written to standard error.
    public var stderr: String
}

/// The built `netan` binary: next to the test bundle, else `.build/debug/netan` in the package.
public func netanBinary() -> URL {
    // The test bundle sits next to the products of the same build.
    let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        .appendingPathComponent("netan")
    if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
    return packageRoot.appendingPathComponent(".build/debug/netan")
}

/// Runs the built `netan` binary with `arguments`, in `directory` when given, with
/// `environment` added to the test's environment, and waits for it to end.
public func netan(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws
    -> CommandResult
{
    let process = Process()
    process.executableURL = netanBinary()
    process.arguments = arguments
    if !environment.isEmpty {
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    }
    if let directory { process.currentDirectoryURL = directory }
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CommandResult(
        status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
        stderr: String(decoding: errData, as: UTF8.self))
}

/// Compares two networks: everything the format can hold.
public func expectSame(
    _ a: Network, _ b: Network, format: NetworkFormat, sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(
        a.actors.map(\.id).sorted() == b.actors.map(\.id).sorted(), "\(format) actor ids",
        sourceLocation: sourceLocation)
    #expect(
        a.relations.count == b.relations.count, "\(format) relation count", sourceLocation: sourceLocation)
    let keepsActors = format != .pajek && format != .edgeList
    for actor in a.actors {
        guard let other = b.actor(id: actor.id) else { continue }
        if keepsActors {
            #expect(
                other.name == actor.name && other.type == actor.type, "\(format) \(actor.id)",
                sourceLocation: sourceLocation)
            #expect(
                other.size == actor.size && other.influence == actor.influence
                    && other.region == actor.region, "\(format) \(actor.id) numbers",
                sourceLocation: sourceLocation)
            #expect(
                other.attributes == actor.attributes, "\(format) \(actor.id) attributes",
                sourceLocation: sourceLocation)
        }
    }
    // Pajek has no place for the year.
    func key(_ r: Relation) -> String {
        "\(r.source)|\(r.target)|\(r.type)|\(r.weight)|\(r.directed)|"
            + "\(format == .pajek ? "" : r.year.map(String.init) ?? "")"
    }
    let expected = a.relations.map(key).sorted()
    let actual = b.relations.map(key).sorted()
    if format == .edgeList {
        // An edge list keeps ids, type and weight, not direction.
        #expect(
            a.relations.map { "\($0.source)|\($0.target)|\($0.type)|\($0.weight)" }.sorted()
                == b.relations.map { "\($0.source)|\($0.target)|\($0.type)|\($0.weight)" }.sorted(),
            sourceLocation: sourceLocation)
    } else {
        #expect(actual == expected, "\(format) relations", sourceLocation: sourceLocation)
    }
    if keepsActors && format != .dot {
        #expect(b.metadata.name == a.metadata.name, "\(format) name", sourceLocation: sourceLocation)
    }
}

/// The demo network plus awkward names, a custom attribute, a year and an undirected tie.
public func interopSample() throws -> Network {
    var network = try DemoDataset.load().network
    network.add(
        Actor(
            id: "raar",
            name:
                "Naam met \"quotes\", <tags> & ; komma ]]> --> \\N \\G <script>x</script> onload=1 =SUM(A1)",
            type: "overig", size: 0.5, influence: 2, region: "Zuid",
            attributes: ["website": "https://example.org/?a=1&b=2"]))
    network.add(
        Relation(
            source: "raar", target: "gem-breda", type: "overleg", weight: 2.5, directed: false, year: 2023))
    return network
}

/// A four-actor network used by several suites: a gemeente that consults, funds and contracts
/// one provider, and a client organisation informing the gemeente; one actor without ties.
public func sampleNetwork() -> Network {
    var n = Network(metadata: NetworkMetadata(name: "t"))
    for (id, type) in [
        ("g", "gemeente"), ("p", "zorgaanbieder"), ("c", "clientorganisatie"), ("i", "overig"),
    ] {
        n.add(Actor(id: id, type: type))
    }
    n.add(Relation(source: "g", target: "p", type: "overleg", weight: 4, directed: false))
    n.add(Relation(source: "g", target: "p", type: "financiering", weight: 10, directed: true))
    n.add(Relation(source: "g", target: "p", type: "contract", weight: 1, directed: true))
    n.add(Relation(source: "c", target: "g", type: "informatie", weight: 2, directed: true))
    return n
}
