import ArgumentParser
import Foundation
import NetGraph

@main
struct Netan: ParsableCommand {
    /// Progress for long computations, on stderr when it is a terminal: percentage and an
    /// estimate of the time left.
    static func installProgress() {
        guard isatty(STDERR_FILENO) != 0 else { return }
        let start = Date()
        Parallel.progress = { task, fraction in
            let elapsed = Date().timeIntervalSince(start)
            let left = fraction > 0 ? elapsed * (1 - fraction) / fraction : 0
            let text = String(format: "\r%@: %3.0f%%, about %.0f s left   ", task, fraction * 100, left)
            FileHandle.standardError.write(Data((fraction >= 1 ? text + "\n" : text).utf8))
        }
    }

    static let configuration = CommandConfiguration(
        commandName: "netan",
        abstract: "Maps governance networks of the Dutch sociaal domein and shows who holds power in them.",
        discussion: """
        A network is a folder with network.yaml, actors.csv and relations.csv (or one .yaml/.json file).

        Examples:
          netan demo
          netan validate datasets/breda-illustratief
          netan analyze datasets/breda-illustratief --format markdown
          netan centrality datasets/breda-illustratief --measure betweenness --top 5
          netan render datasets/breda-illustratief -o breda.svg

        Exit codes: 0 success, 64 wrong usage, 65 invalid input data, 70 Graphviz failure, 73 output cannot be written.
        """,
        version: NetanVersion.string,
        subcommands: [Demo.self, Init.self, Analyze.self, Centrality.self, Flags.self, Render.self, Report.self, Compare.self, Diff.self, Generate.self, Convert.self, Validate.self, Fuzz.self]
    )
}

enum NetanVersion {
    static let string = "0.1.0"
}

/// Exit codes scripts can rely on (after BSD sysexits.h).
enum Exit {
    static let dataError = ExitCode(65)
    static let software = ExitCode(70)
    static let cannotCreate = ExitCode(73)
}

enum Language: String, ExpressibleByArgument, CaseIterable {
    case nl, en
}

extension OutputFormat: ExpressibleByArgument {}
extension LayoutEngine: ExpressibleByArgument {}
extension WeightMode: ExpressibleByArgument {}
extension NetworkFormat: ExpressibleByArgument {}

struct Console {
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    static func output(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}

/// Loads a network, printing warnings to stderr; on errors prints every diagnostic and exits 65.
func loadNetwork(_ path: String, quiet: Bool = false, format: NetworkFormat? = nil) throws -> Network {
    do {
        let loaded = try NetworkLoader.load(path: path, format: format)
        if !quiet { loaded.warnings.forEach { Console.error($0.description) } }
        return loaded.network
    } catch let error as NetworkLoadError {
        error.diagnostics.forEach { Console.error($0.description) }
        let count = error.errors.count
        Console.error("netan: \(count) error\(count == 1 ? "" : "s") in \(path); nothing was written.")
        throw Exit.dataError
    }
}

/// Refuses to replace an existing file unless `--force` was given.
func checkOverwrite(_ path: String, force: Bool) throws {
    if FileManager.default.fileExists(atPath: path) && !force {
        Console.error("\(path): error: the file exists. Hint: add --force to overwrite it, or choose another name.")
        throw Exit.cannotCreate
    }
}

/// Renders a diagram and writes it atomically; the format comes from the extension.
func writeDiagram(_ network: Network, to path: String, options: DiagramOptions, inputs: [String] = []) throws {
    let ext = URL(fileURLWithPath: path).pathExtension
    guard let format = DiagramFormat(fileExtension: ext) else {
        throw ValidationError("Cannot tell the diagram format from \"\(path)\": use a name ending in .svg, .png, .pdf or .dot.")
    }
    let target = URL(fileURLWithPath: path).standardizedFileURL.path
    for input in inputs where URL(fileURLWithPath: input).standardizedFileURL.path == target {
        Console.error("\(path): error: this is an input file; netan never writes over its inputs. Hint: choose another output name.")
        throw Exit.cannotCreate
    }
    let dot = DiagramBuilder.dot(for: network, options: options)
    if let debug = ProcessInfo.processInfo.environment["NETAN_DEBUG_DOT"] { try? dot.write(toFile: debug, atomically: true, encoding: .utf8) }
    let engine = options.engine ?? LayoutEngine.bounded(nil, nodeCount: network.actors.count).engine
    let rendered: RenderedDiagram
    do {
        rendered = try Graphviz.render(dot: dot, engine: engine, format: format)
    } catch let error as GraphvizError {
        Console.error("\(path): error: \(error.description)")
        throw Exit.software
    }
    for warning in rendered.warnings { Console.error("graphviz: warning: \(warning)") }
    do {
        try AtomicFile.write(rendered.data, to: path)
    } catch {
        Console.error("\(error)")
        throw Exit.cannotCreate
    }
}
