import ArgumentParser
import Foundation
import NetGraph

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Generate a synthetic, seeded network on the real gemeenten of a jeugdregio (or all of them).",
        discussion: """
        REGION is a jeugdregio code (JZ34) or name (West-Brabant Oost), or "national" for all 42
        regions together. The output is labelled synthetic in its network.yaml.

        Examples:
          netan generate --list
          netan generate JZ34 -o regio/wbo-2024 --seed 7
          netan generate Twente -o twente.yaml --dominance 0.7 --fragmentation 0.6
          netan generate national -o nl.graphml --seed 1
        """)

    @Argument(help: "Jeugdregio code or name, or \"national\".")
    var region: String?

    @Option(name: .shortAndLong, help: "Output folder or file (format from the extension).")
    var output: String?

    @Flag(help: "List the 42 jeugdregio's and exit.")
    var list = false

    @Option(help: "Seed: the same seed gives the same network.") var seed: UInt64 = 1
    @Option(help: "Year written into the metadata.") var year: Int = 2024
    @Option(help: "Number of providers (default: one per 4,000 inhabitants, 12–400).") var providers: Int?
    @Option(help: "0–1: share of the money going to the largest provider.") var dominance: Double = 0.35
    @Option(help: "0–1: share of small providers with a single contract and no other ties.") var fragmentation: Double = 0.3
    @Option(help: "0–1: chance that a client organisation talks with its gemeente directly.") var clientInvolvement: Double = 0.7
    @Flag(help: "No regio and VNG: gemeenten contract providers directly.") var noIntermediaries = false
    @Flag(help: "Overwrite an existing output.") var force = false

    func validate() throws {
        for (name, value) in [("dominance", dominance), ("fragmentation", fragmentation), ("client-involvement", clientInvolvement)] where !(0...1).contains(value) {
            throw ValidationError("--\(name) must lie between 0 and 1.")
        }
        if !list && (region == nil || output == nil) { throw ValidationError("Give a REGION and -o OUTPUT (or --list).") }
        if let providers, providers < 1 { throw ValidationError("--providers must be at least 1.") }
    }

    func run() throws {
        if list {
            let table = TextTable(columns: ["code", "jeugdregio", "gemeenten", "inwoners"],
                                  rows: try Jeugdregio.all().map { [$0.code, $0.name, String($0.gemeenten.count), String($0.inhabitants)] }, numericColumns: [2, 3])
            Console.output(table.terminal())
            return
        }
        var settings = GeneratorSettings()
        settings.seed = seed; settings.year = year; settings.providers = providers
        settings.dominance = dominance; settings.fragmentation = fragmentation
        settings.clientInvolvement = clientInvolvement; settings.intermediaries = !noIntermediaries
        let network: Network
        if region!.lowercased() == "national" || region!.lowercased() == "nationaal" {
            network = try RegionGenerator.national(settings: settings)
        } else {
            guard let found = try Jeugdregio.find(region!) else {
                throw ValidationError("Unknown jeugdregio \"\(region!)\". Run `netan generate --list` for codes and names.")
            }
            network = RegionGenerator.generate(found, settings: settings)
        }
        guard let format = NetworkFormat.detect(path: output!, forWriting: true) else {
            throw ValidationError("Cannot tell the output format from \"\(output!)\".")
        }
        if FileManager.default.fileExists(atPath: output!) && !force && format != .folder {
            Console.error("\(output!): error: the file exists. Hint: add --force to overwrite it.")
            throw Exit.cannotCreate
        }
        do { try NetworkWriter.write(network, to: output!, format: format) } catch {
            Console.error("\(output!): error: cannot write: \(error)")
            throw Exit.cannotCreate
        }
        Console.error("netan: wrote \(network.actors.count) actors and \(network.relations.count) relations to \(output!)")
    }
}

struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare networks (regions, years) in one table with ranks.",
        discussion: """
        PATH may be folders or files of any format, or a glob in quotes.

        Examples:
          netan compare datasets/regions/*/2024
          netan compare 'datasets/regions/*/2024' --format markdown
          netan compare regio-a/ regio-b/ --format html > vergelijking.html
        """)

    @Argument(help: "Networks to compare.")
    var paths: [String]

    @Option(name: .shortAndLong, help: "Output format: table, csv, json, markdown or html.")
    var format: String = "table"

    @Option(help: "Language: nl or en.")
    var language: Language = .nl

    func validate() throws {
        if paths.isEmpty { throw ValidationError("Give at least one network.") }
        if !["table", "csv", "json", "markdown", "html"].contains(format) { throw ValidationError("--format must be table, csv, json, markdown or html.") }
    }

    func run() throws {
        var expanded: [String] = []
        for path in paths {
            if path.contains("*") || path.contains("?") {
                let matches = Glob.expand(path)
                if matches.isEmpty { Console.error("\(path): warning: the pattern matches nothing.") }
                expanded += matches
            } else {
                expanded.append(path)
            }
        }
        var networks: [(path: String, network: Network)] = []
        for (i, path) in expanded.enumerated() {
            if isatty(STDERR_FILENO) != 0 { Console.error("netan: \(i + 1)/\(expanded.count) \(path)") }
            networks.append((path, try loadNetwork(path)))
        }
        let comparison = NetworkComparison(networks)
        Console.output(comparison.render(OutputFormat(rawValue: format) ?? .table, language: language.rawValue, html: format == "html"))
    }
}

/// Shell-style glob expansion through the C library.
enum Glob {
    static func expand(_ pattern: String) -> [String] {
        var result = glob_t()
        defer { globfree(&result) }
        guard glob(pattern, 0, nil, &result) == 0 else { return [] }
        return (0..<Int(result.gl_pathc)).compactMap { result.gl_pathv[$0].map { String(cString: $0) } }.sorted()
    }
}

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show what changed between two versions of a network, with a diagram of the changes.",
        discussion: """
        Examples:
          netan diff datasets/regions/twente/2023 datasets/regions/twente/2024
          netan diff oud/ nieuw/ -o verschil.svg --language en
          netan diff oud.xlsx nieuw.xlsx --format json
        """)

    @Argument(help: "The old network.") var old: String
    @Argument(help: "The new network.") var new: String
    @OptionGroup var output: OutputOptions
    @Option(name: [.customShort("o"), .customLong("diagram")], help: "Diagram of the changes (.svg, .png, .pdf or .dot).") var diagram: String?
    @Flag(help: "Overwrite an existing diagram.") var force = false

    func run() throws {
        if let diagram { try checkOverwrite(diagram, force: force) }
        let before = try loadNetwork(old), after = try loadNetwork(new)
        let language = output.language?.rawValue ?? after.metadata.language
        let diff = NetworkDiff(old: before, new: after, language: language)
        Console.output(diff.render(output.format, language: language))
        guard let diagram else { return }
        guard let format = DiagramFormat(fileExtension: URL(fileURLWithPath: diagram).pathExtension) else {
            throw ValidationError("Use a diagram name ending in .svg, .png, .pdf or .dot.")
        }
        // Old positions: lay out the old network as `netan render` would.
        var positions: [String: (Double, Double)] = [:]
        do {
            let layout = try Graphviz.render(dot: DiagramBuilder.dot(for: before), engine: LayoutEngine.recommended(nodeCount: before.actors.count), format: .dot)
            let parsed = try Graphviz.parseGraph(dot: String(decoding: layout.data, as: UTF8.self))
            for node in parsed.nodes {
                guard let index = Int(node.name.dropFirst()), index < before.actors.count,
                      let pos = node.attributes.first(where: { $0.0 == "pos" })?.1 else { continue }
                let xy = pos.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: CharacterSet(charactersIn: "!"))) }
                if xy.count == 2 { positions[before.actors[index].id] = (xy[0], xy[1]) }
            }
            let rendered = try Graphviz.render(dot: diff.diagram(oldPositions: positions, language: language), engine: .neato, format: format)
            try AtomicFile.write(rendered.data, to: diagram)
        } catch let error as GraphvizError {
            Console.error("\(diagram): error: \(error.description)")
            throw Exit.software
        } catch {
            Console.error("\(diagram): error: cannot write: \(error)")
            throw Exit.cannotCreate
        }
    }
}

struct Fuzz: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Developer tool: feed mutated files to every reader for a while (a crash is a bug).",
        discussion: """
        Examples:
          netan fuzz Tests/NetGraphTests/Fixtures/fuzz-seeds --seconds 60 --seed 7
        """,
        shouldDisplay: false)

    @Argument(help: "Folder of seed files (one per format).") var seeds: String
    @Option(help: "How long to run.") var seconds: Double = 60
    @Option(help: "Seed of the mutations.") var seed: UInt64 = 1

    func run() throws {
        let folder = URL(fileURLWithPath: seeds)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().map { folder.appendingPathComponent($0) }
        let tried = Fuzzing.run(seeds: files, rounds: Int.max / 2, seed: seed, deadline: Date().addingTimeInterval(seconds))
        Console.output("fuzz: \(tried) mutated inputs, no crash\n")
    }
}

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a template network folder to fill in (network.yaml, actors.csv, relations.csv).",
        discussion: """
        The template holds a small example with every column explained; replace it with your
        own actors and relations, then run `netan validate FOLDER`.

        Examples:
          netan init mijn-netwerk
          netan init mijn-netwerk --semicolon     # for Dutch Excel (; and decimal comma)
        """)

    @Argument(help: "The folder to create.") var folder: String
    @Flag(help: "Use ; as separator, as Dutch Excel does.") var semicolon = false
    @Flag(help: "Write into an existing folder, replacing its template files.") var force = false

    func run() throws {
        let url = URL(fileURLWithPath: folder)
        for name in ["network.yaml", "actors.csv", "relations.csv"] {
            try checkOverwrite(url.appendingPathComponent(name).path, force: force)
        }
        let s = semicolon ? ";" : ","
        let yaml = """
            # netan network: describe the network here; actors.csv and relations.csv hold the data.
            name: Mijn netwerk
            region: Mijn regio            # e.g. a jeugdregio
            year: 2025
            language: nl                  # nl or en: language of findings and diagrams
            source: "Interviews en documenten, verzameld door ... (vul in)"
            size_attribute: budget_mln    # the actors.csv column that says how large an actor is
            # Extra actor types and their role (public-authority, intermediary, provider, frontline,
            # client-voice, citizen, financier, executor, other):
            # actor_types:
            #   zorgcooperatie: provider
            # Extra relation types:
            # relation_types:
            #   subsidie: { directed: true, weight: bedrag }
            # Flag thresholds (see docs/flags.md):
            # thresholds:
            #   dominant-broker.share: 0.4

            """
        let actors = """
            id\(s)name\(s)type\(s)budget_mln\(s)influence
            gem\(s)Gemeente Voorbeeld\(s)gemeente\(s)250\(s)9
            za1\(s)Zorgaanbieder Een\(s)zorgaanbieder\(s)\(semicolon ? "40,5" : "40.5")\(s)6
            co1\(s)Cliëntenraad\(s)clientorganisatie\(s)\(semicolon ? "0,05" : "0.05")\(s)3

            """
        let relations = """
            source\(s)target\(s)type\(s)weight
            gem\(s)za1\(s)financiering\(s)12
            gem\(s)co1\(s)overleg\(s)4
            co1\(s)za1\(s)informatie\(s)2

            """
        do {
            try AtomicFile.write(yaml, to: url.appendingPathComponent("network.yaml").path)
            try AtomicFile.write(actors.replacingOccurrences(of: "\n", with: "\r\n"), to: url.appendingPathComponent("actors.csv").path)
            try AtomicFile.write(relations.replacingOccurrences(of: "\n", with: "\r\n"), to: url.appendingPathComponent("relations.csv").path)
        } catch {
            Console.error("\(error)")
            throw Exit.cannotCreate
        }
        Console.output("\(folder): template written; fill it in and run `netan validate \(folder)`.\n")
    }
}
