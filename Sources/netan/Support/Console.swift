import ArgumentParser
import Foundation
import NetGraph
import NetGraphIO
import NetGraphRender
import NetGraphReports

/// Exit codes scripts can rely on (after BSD sysexits.h).
enum Exit {
    static let dataError = ExitCode(65)
    static let software = ExitCode(70)
    static let cannotCreate = ExitCode(73)
}

/// Text to the terminal: results on stdout, messages on stderr.
enum Console {
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    static func output(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}

/// Formats that need a module beyond NetGraphIO (DOT through Graphviz).
let extraCodecs: [NetworkCodec] = [.dot]

/// Loads a network, printing warnings to stderr; on errors prints every diagnostic and exits 65.
///
/// `year` chooses one wave (`--year`); a network of several years without one is refused (exit
/// 65, naming file, line, the years and a hint) unless `keepYears` (validate, convert).
func loadNetwork(
    _ path: String, quiet: Bool = false, format: NetworkFormat? = nil, year: Int? = nil,
    keepYears: Bool = false
) throws -> Network {
    let loaded = try loadNetworkFile(path, quiet: quiet, format: format)
    do {
        return try loaded.selecting(year: year, path: path, refuseSeveralYears: !keepYears)
    } catch let error as NetworkLoadError {
        try failLoading(error, path: path)
    }
}

/// Reads a network with every year it holds, printing warnings to stderr; on errors prints
/// every diagnostic and exits 65.
func loadNetworkFile(_ path: String, quiet: Bool = false, format: NetworkFormat? = nil) throws
    -> LoadedNetwork
{
    do {
        let loaded = try NetworkLoader.load(path: path, format: format, codecs: extraCodecs)
        let language = loaded.network.metadata.language
        if !quiet { loaded.warnings.forEach { Console.error($0.text(language)) } }
        return loaded
    } catch let error as NetworkLoadError {
        try failLoading(error, path: path)
    }
}

/// Prints every diagnostic of a load error and a closing line, and exits 65.
func failLoading(_ error: NetworkLoadError, path: String, language chosen: String? = nil) throws -> Never {
    // Messages in the chosen language, else the network's once its network.yaml was read,
    // else English.
    let language = chosen ?? error.language ?? "en"
    error.diagnostics.forEach { Console.error($0.text(language)) }
    let count = error.errors.count
    Console.error(
        language == "nl"
            ? "netan: \(count) \(count == 1 ? "fout" : "fouten") in \(path); er is niets geschreven."
            : "netan: \(count) error\(count == 1 ? "" : "s") in \(path); nothing was written.")
    throw Exit.dataError
}

/// The one guard in front of every output: never write over an input, never replace an
/// existing file unless `--force` was given.
enum OutputGuard {
    /// The files a network path stands for (the path itself and, for a folder, its three files).
    static func inputs(of path: String) -> [String] {
        [path]
            + ["actors.csv", "relations.csv", "network.yaml"].map {
                URL(fileURLWithPath: path).appendingPathComponent($0).path
            }
    }

    /// Refuses `output` when it is, or (for a folder) contains, one of `inputs`, and when it
    /// exists and `force` is false (`replaceable` outputs such as report folders may exist).
    static func check(_ output: String, inputs: [String], force: Bool = false, replaceable: Bool = false)
        throws
    {
        let target = URL(fileURLWithPath: output).standardizedFileURL.path
        let paths = inputs.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        if paths.contains(where: { $0 == target || (replaceable && $0.hasPrefix(target + "/")) }) {
            let what = replaceable ? "the output folder would replace the input" : "this is an input file"
            Console.error(
                "\(output): error: \(what); netan never writes over its inputs. "
                    + "Hint: choose another output name."
            )
            throw Exit.cannotCreate
        }
        if !replaceable && !force && FileManager.default.fileExists(atPath: output) {
            Console.error(
                "\(output): error: the file exists. "
                    + "Hint: add --force to overwrite it, or choose another name."
            )
            throw Exit.cannotCreate
        }
    }
}

/// Writes data atomically, mapping failures to exit 73.
func writeOutput(_ data: Data, to path: String) throws {
    do {
        try AtomicFile.write(data, to: path)
    } catch {
        Console.error("\(path): error: cannot write: \(error)")
        throw Exit.cannotCreate
    }
}

/// Runs Graphviz work, mapping its failures to exit 70 and other failures to exit 73.
func withGraphviz<T>(_ output: String, _ work: () throws -> T) throws -> T {
    do {
        return try work()
    } catch let error as GraphvizError {
        Console.error("\(output): error: \(error.description)")
        throw Exit.software
    } catch let error as ExitCode {
        throw error
    } catch {
        Console.error("\(output): error: cannot write: \(error)")
        throw Exit.cannotCreate
    }
}

/// Shell-style glob expansion through the C library.
enum Glob {
    static func expand(_ pattern: String) -> [String] {
        var result = glob_t()
        defer { globfree(&result) }
        guard glob(pattern, 0, nil, &result) == 0 else { return [] }
        return (0..<Int(result.gl_pathc)).compactMap { result.gl_pathv[$0].map { String(cString: $0) } }
            .sorted()
    }

    /// Expands patterns (with * or ?) and keeps other paths; warns about patterns that match nothing.
    static func paths(_ arguments: [String]) -> [String] {
        var expanded: [String] = []
        for path in arguments {
            if path.contains("*") || path.contains("?") {
                let matches = expand(path)
                if matches.isEmpty { Console.error("\(path): warning: the pattern matches nothing.") }
                expanded += matches
            } else {
                expanded.append(path)
            }
        }
        return expanded
    }
}
