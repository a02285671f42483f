import ArgumentParser
import Foundation
import NetGraph

struct OutputOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: "Output format: table, csv, json or markdown.")
    var format: OutputFormat = .table

    @Option(help: "Language of the text: nl or en (default: the network's own, else nl).")
    var language: Language?
}

struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the main job on the embedded illustrative network (Zorg voor elkaar Breda).",
        discussion: """
        Prints a summary and the findings, and writes a report to the output folder:
        index.html (opens offline), report.md, analysis.ipynb, tables/ and figures/ (the
        diagram as SVG and PNG). The data are illustrative: the relations are invented.

        Examples:
          netan demo
          netan demo --output /tmp/demo --format markdown
        """)

    @OptionGroup var output: OutputOptions

    @Option(name: .shortAndLong, help: "Folder for the generated files.")
    var outputFolder: String = "notebooks-out/demo"

    func run() throws {
        let network = try loadNetwork(DemoDataset.folder.path, quiet: true)
        let language = output.language?.rawValue ?? network.metadata.language
        let summary = NetworkSummary(network)
        let power = PowerAnalysis(network, options: PowerOptions(thresholds: FlagThresholds(overrides: network.metadata.thresholds)))
        let flags = FlagReport(power: power, language: language)
        Console.output(summary.render(output.format, language: language) + (output.format == .table || output.format == .markdown ? "\n" + flags.render(output.format) : ""))
        let folder = URL(fileURLWithPath: outputFolder)
        try writeReport(to: folder) { try ReportBuilder(network: network, language: language, inputDescription: "het ingebouwde voorbeeld (datasets/breda-illustratief)").write(to: $0) }
        Console.error("netan: wrote the report to \(folder.path)/index.html (also report.md, analysis.ipynb, tables/, figures/)")
    }
}

/// Writes a report folder, mapping failures to netan's exit codes.
func writeReport(to folder: URL, _ write: (URL) throws -> Void) throws {
    do {
        try write(folder)
    } catch let error as GraphvizError {
        Console.error("\(folder.path): error: \(error.description)")
        throw Exit.software
    } catch {
        Console.error("\(folder.path): error: cannot write the report: \(error)")
        throw Exit.cannotCreate
    }
}

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a report folder: index.html (offline), report.md, analysis.ipynb, tables/, figures/.",
        discussion: """
        The default folder is notebooks-out/<network-name>/; an earlier report there is replaced
        in one step.

        Examples:
          netan report datasets/breda-illustratief
          netan report mijn-netwerk/ -o rapport/ --lang en
          netan report --compare 'datasets/regions/*/2024' -o vergelijking/
        """)

    @Argument(help: "A network (folder or file); with --compare, several.")
    var paths: [String]

    @Option(name: .shortAndLong, help: "Report folder (default: notebooks-out/<network-slug>, or notebooks-out/vergelijking).")
    var output: String?

    @Option(name: [.customLong("lang"), .customLong("language")], help: "Language: nl or en.")
    var language: Language?

    @Flag(help: "One report comparing all given networks: table with ranks, small multiples, findings per network.")
    var compare = false

    func validate() throws {
        if paths.isEmpty { throw ValidationError("Give a network.") }
        if !compare && paths.count > 1 { throw ValidationError("Give one network, or add --compare for several.") }
    }

    func run() throws {
        if compare {
            var networks: [(path: String, network: Network)] = []
            for path in paths.flatMap({ $0.contains("*") ? Glob.expand($0) : [$0] }) { networks.append((path, try loadNetwork(path))) }
            let folder = URL(fileURLWithPath: output ?? "notebooks-out/vergelijking")
            try writeReport(to: folder) { try ComparisonReport(networks: networks, language: language?.rawValue ?? "nl").write(to: $0) }
            Console.output("\(folder.path)/index.html\n")
            return
        }
        let path = paths[0]
        let network = try loadNetwork(path)
        let folder = URL(fileURLWithPath: output ?? "notebooks-out/" + ReportBuilder.slug(network.metadata.name))
        let inputs = [path, path + "/actors.csv", path + "/relations.csv", path + "/network.yaml"].map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        if inputs.contains(where: { $0 == folder.standardizedFileURL.path || $0.hasPrefix(folder.standardizedFileURL.path + "/") }) {
            Console.error("\(folder.path): error: the report folder would replace the input. Hint: choose another folder with -o.")
            throw Exit.cannotCreate
        }
        try writeReport(to: folder) { try ReportBuilder(network: network, language: language?.rawValue ?? network.metadata.language, inputDescription: path).write(to: $0) }
        Console.output("\(folder.path)/index.html\n")
    }
}

struct ViewOptions: ParsableArguments {
    @Option(name: .customLong("relation"), help: "Only relations of this type (repeat for a set of layers).")
    var relations: [String] = []

    @Option(help: "Weights: strength (tie strengths; distance = 1/weight on paths) or ignore.")
    var weights: WeightMode = .strength

    @Option(help: "Estimate betweenness from K sampled sources (for very large networks).")
    var sample: Int?

    @Option(help: "Estimate betweenness within ±EPSILON (share of pairs), see --delta.")
    var epsilon: Double?

    @Option(help: "Failure probability for --epsilon (default 0.1).")
    var delta: Double = 0.1

    @Option(help: "Seed for sampling and community detection.")
    var seed: UInt64 = 42

    @Option(help: "Worker threads (default: all cores).")
    var threads: Int?

    func makeView(for network: Network) throws -> AnalysisView {
        if let threads { Parallel.threadCount = max(1, threads) }
        Netan.installProgress()
        var types: Set<String>? = nil
        if !relations.isEmpty {
            types = []
            for name in relations {
                guard let type = network.vocabulary.relationType(named: name) ?? (network.relations.contains { $0.type == name } ? RelationType(name: name, directed: true, weightMeaning: "") : nil) else {
                    let known = Set(network.relations.map(\.type)).sorted().joined(separator: ", ")
                    throw ValidationError("The relation type \"\(name)\" does not occur in this network. Types present: \(known).")
                }
                types!.insert(type.name)
            }
        }
        if let sample, sample < 1 { throw ValidationError("--sample must be at least 1.") }
        if let epsilon, !(epsilon > 0 && epsilon < 1) { throw ValidationError("--epsilon must lie between 0 and 1, e.g. 0.01.") }
        if !(delta > 0 && delta < 1) { throw ValidationError("--delta must lie between 0 and 1, e.g. 0.1.") }
        return AnalysisView(relationTypes: types, weights: weights, betweennessSample: sample,
                            betweennessErrorBound: epsilon.map { ($0, delta) }, seed: seed)
    }
}

struct Analyze: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Summarise a network: actors and relations by type, network measures, top actors.",
        discussion: """
        Examples:
          netan analyze datasets/breda-illustratief
          netan analyze mijn-netwerk/ --format json > resultaten.json
          netan analyze netwerk.yaml --relation financiering --format markdown
        """)

    @Argument(help: "A network folder, or a .yaml/.json network file.")
    var path: String

    @OptionGroup var output: OutputOptions
    @OptionGroup var viewOptions: ViewOptions

    @Option(help: "Number of actors in each top list.")
    var top: Int = 10

    func run() throws {
        let network = try loadNetwork(path)
        let language = output.language?.rawValue ?? network.metadata.language
        let view = try viewOptions.makeView(for: network)
        let analysis = CentralityAnalysis(network, view: view)
        let summary = NetworkSummary(network)
        let power = PowerAnalysis(network, options: PowerOptions(thresholds: FlagThresholds(overrides: network.metadata.thresholds), seed: view.seed))
        Console.output(AnalysisReport(summary: summary, centrality: CentralityReport(network: network, analysis: analysis), language: language, top: top, power: power).render(output.format))
    }
}

struct Centrality: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compute centrality measures per actor and network measures.",
        discussion: """
        Measures: \(CentralityAnalysis.actorMeasures.joined(separator: ", ")).
        Betweenness is raw (unordered pairs when undirected); weighted paths use distance = 1/weight.

        Examples:
          netan centrality datasets/breda-illustratief --top 5
          netan centrality mijn-netwerk/ --measure betweenness_normalized --measure pagerank --format csv
          netan centrality mijn-netwerk/ --relation financiering --weights ignore --format json
        """)

    @Argument(help: "A network folder, or a .yaml/.json network file.")
    var path: String

    @OptionGroup var output: OutputOptions
    @OptionGroup var viewOptions: ViewOptions

    @Option(name: .customLong("measure"), help: "Measure to report (repeatable; default: all).")
    var measures: [String] = []

    @Option(help: "Rank actors by this measure (default: the first measure).")
    var sort: String?

    @Option(help: "Show only the top N actors in table and Markdown output.")
    var top: Int?

    func validate() throws {
        for name in measures + (sort.map { [$0] } ?? []) where !CentralityAnalysis.actorMeasures.contains(name) {
            throw ValidationError("Unknown measure \"\(name)\". Choose from: \(CentralityAnalysis.actorMeasures.joined(separator: ", ")).")
        }
    }

    @Flag(help: "Edge lists: treat ties as directed (default: undirected).")
    var directed = false

    func run() throws {
        if NetworkFormat.detect(path: path) == .edgeList {
            try runOnEdgeList()
            return
        }
        let network = try loadNetwork(path)
        let analysis = CentralityAnalysis(network, view: try viewOptions.makeView(for: network), measures: measures.isEmpty ? nil : Set(measures))
        let report = CentralityReport(network: network, analysis: analysis, measures: measures.isEmpty ? nil : measures, top: top, sortBy: sort)
        Console.output(report.render(output.format))
    }

    /// Large edge lists go straight to the CSR graph (no actor model): fast and lean.
    func runOnEdgeList() throws {
        if let threads = viewOptions.threads { Parallel.threadCount = max(1, threads) }
        Netan.installProgress()
        let loaded: EdgeListGraph.Loaded
        do { loaded = try EdgeListGraph.load(path: path, directed: directed, weights: viewOptions.weights) } catch let error as EdgeListGraph.Failure {
            Console.error(error.description)
            throw Exit.dataError
        }
        let view = AnalysisView(weights: viewOptions.weights, betweennessSample: viewOptions.sample,
                                betweennessErrorBound: viewOptions.epsilon.map { ($0, viewOptions.delta) }, seed: viewOptions.seed)
        let chosen = measures.isEmpty ? ["degree", "strength", "betweenness", "closeness", "harmonic", "pagerank", "core_number", "community"] : measures
        let analysis = CentralityAnalysis(graph: loaded.graph, network: nil, view: view, measures: Set(chosen))
        Console.output(CentralityReport.renderGraph(ids: loaded.ids, analysis: analysis, measures: chosen, format: output.format, top: top))
    }
}

struct Flags: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Explain the balance of power: who dominates, who is sidelined (nl/en).",
        discussion: """
        Rules: dominant-broker, centralized-network, large-party-dominance, sidelined-group,
        single-gatekeeper, funding-concentration, one-sided-dependence, fragmentation,
        perception-gap. Thresholds come from network.yaml (thresholds:) or --threshold.

        Examples:
          netan flags datasets/breda-illustratief --lang nl
          netan flags mijn-netwerk/ --permutations 1000 --seed 7 --format json
          netan flags mijn-netwerk/ --threshold dominant-broker.share=0.5 --lang en
        """)

    @Argument(help: "A network folder, or a .yaml/.json network file.")
    var path: String

    @Option(name: .shortAndLong, help: "Output format: table, csv, json or markdown.")
    var format: OutputFormat = .table

    @Option(name: [.customLong("lang"), .customLong("language")], help: "Language of the findings: nl or en.")
    var language: Language?

    @Option(help: "Random graphs / label permutations for p-values (0 = no test).")
    var permutations: Int = 0

    @Option(help: "Seed for the tests and community detection.")
    var seed: UInt64 = 42

    @Option(name: .customLong("threshold"), help: "Override a threshold: rule.parameter=value (repeatable).")
    var thresholds: [String] = []

    @Option(name: .customLong("flow-relation"), help: "Relation type that carries money or resources (repeatable; default: financiering).")
    var flowRelations: [String] = []

    func parsedThresholds() throws -> [String: Double] {
        var result: [String: Double] = [:]
        for entry in thresholds {
            let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let value = Double(parts[1]) else {
                throw ValidationError("Write --threshold as rule.parameter=value, e.g. dominant-broker.share=0.5.")
            }
            guard FlagThresholds.defaults[parts[0]] != nil else {
                throw ValidationError("Unknown threshold \"\(parts[0])\". Known: \(FlagThresholds.defaults.keys.sorted().joined(separator: ", ")).")
            }
            result[parts[0]] = value
        }
        return result
    }

    func validate() throws {
        _ = try parsedThresholds()
        if permutations < 0 { throw ValidationError("--permutations must be 0 or more.") }
    }

    func run() throws {
        let network = try loadNetwork(path)
        var overrides = network.metadata.thresholds
        for (key, value) in try parsedThresholds() { overrides[key] = value }
        let thresholds = FlagThresholds(overrides: overrides)
        for key in thresholds.unknownKeys {
            Console.error("\(path): warning: the threshold \"\(key)\" in network.yaml is not used by any rule. Hint: known thresholds: \(FlagThresholds.defaults.keys.sorted().joined(separator: ", ")).")
        }
        let options = PowerOptions(thresholds: thresholds, permutations: permutations, seed: seed,
                                   flowRelationTypes: flowRelations.isEmpty ? nil : Set(flowRelations))
        let power = PowerAnalysis(network, options: options)
        Console.output(FlagReport(power: power, language: language?.rawValue ?? network.metadata.language).render(format))
    }
}

struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Draw a network diagram with Graphviz: SVG, PNG, PDF, DOT, or an interactive offline HTML page.",
        discussion: """
        Colour per actor type and shape per role (legend always included), node area by a
        measure, edge width by weight and style by relation type, flagged actors outlined in red.

        Examples:
          netan render datasets/breda-illustratief -o breda.svg
          netan render datasets/breda-illustratief -o breda.html
          netan render mijn-netwerk/ -o poster.pdf --preset print-a3 --size-by betweenness
          netan render mijn-netwerk/ -o ego.png --ego gem-breda --depth 2 --preset beamer
          netan render regio/2023 -o 2023.svg --positions posities.csv
          netan render regio/2024 -o 2024.svg --positions posities.csv     # same places
          netan render mijn-netwerk/ -o doelwit.svg --layout target --anonymize
        """)

    @Argument(help: "A network (folder or file).")
    var path: String

    @Option(name: .shortAndLong, help: "Output file: .svg, .png, .pdf, .dot or .html.")
    var output: String

    @Option(help: "Layout engine: dot, neato, fdp, sfdp, circo or twopi (default: by size).")
    var engine: LayoutEngine?

    @Option(help: "Layout: auto, or target (radial, the most central actor in the middle).")
    var layout: String = "auto"

    @Option(help: "Node area by: partners, degree, strength, betweenness, pagerank, eigenvector, harmonic, size or influence.")
    var sizeBy: String = "partners"

    @Option(help: "Preset: screen, beamer, print-a4 or print-a3.")
    var preset: String = "screen"

    @Option(help: "Show this actor and its neighbourhood.") var ego: String?
    @Option(help: "Steps around --ego.") var depth: Int = 1
    @Option(name: .customLong("relation"), help: "Only this relation type (repeatable).") var relations: [String] = []
    @Option(name: .customLong("type"), help: "Only this actor type (repeatable).") var types: [String] = []
    @Option(help: "Only the N actors with the largest --size-by values.") var top: Int?
    @Flag(help: "Leave out actors without ties.") var hideIsolates = false
    @Flag(name: [.customLong("anonymize"), .customLong("anonymise")], help: "Replace names by pseudonyms per type (\"Zorgaanbieder 3\").") var anonymize = false
    @Option(name: .customLong("highlight"), help: "Outline this actor (repeatable).") var highlights: [String] = []
    @Option(help: "Positions file (CSV id,x,y): known actors keep their place; new ones are added to it.") var positions: String?
    @Option(help: "Language of legend and caption: nl or en.") var language: Language?
    @Flag(help: "Overwrite an existing output file.") var force = false

    static let sizeMeasures = ["partners", "degree", "strength", "betweenness", "pagerank", "eigenvector", "harmonic", "closeness", "size", "influence"]

    func validate() throws {
        let ext = URL(fileURLWithPath: output).pathExtension.lowercased()
        if ext != "html" && DiagramFormat(fileExtension: ext) == nil {
            throw ValidationError("Cannot tell the diagram format from \"\(output)\": use a name ending in .svg, .png, .pdf, .dot or .html.")
        }
        if !Self.sizeMeasures.contains(sizeBy) { throw ValidationError("--size-by must be one of: \(Self.sizeMeasures.joined(separator: ", ")).") }
        if DiagramPreset(rawValue: preset) == nil { throw ValidationError("--preset must be screen, beamer, print-a4 or print-a3.") }
        if !["auto", "target"].contains(layout) { throw ValidationError("--layout must be auto or target.") }
        if depth < 0 { throw ValidationError("--depth must be 0 or more.") }
    }

    func run() throws {
        let inputPaths = [path] + ["actors.csv", "relations.csv", "network.yaml"].map { URL(fileURLWithPath: path).appendingPathComponent($0).path }
        if inputPaths.map({ URL(fileURLWithPath: $0).standardizedFileURL.path }).contains(URL(fileURLWithPath: output).standardizedFileURL.path) {
            Console.error("\(output): error: this is an input file; netan never writes over its inputs. Hint: choose another output name.")
            throw Exit.cannotCreate
        }
        try checkOverwrite(output, force: force)
        let full = try loadNetwork(path)
        let language = language?.rawValue ?? full.metadata.language
        let nl = language != "en"
        // Measures on the full network, so sizes compare across views.
        let analysis = CentralityAnalysis(full)
        let power = PowerAnalysis(full, options: PowerOptions(thresholds: FlagThresholds(overrides: full.metadata.thresholds)))
        let values: [Double]
        switch sizeBy {
        case "partners": values = Degree.partners(Graph(full, weights: .ignore)).map(Double.init)
        case "size": values = full.actors.map { $0.size ?? 0 }
        case "influence": values = full.actors.map { $0.influence ?? 0 }
        default: values = analysis.actorValues[sizeBy]!.map { $0.isNaN ? 0 : $0 }
        }
        var view = DiagramView()
        view.ego = ego; view.depth = depth; view.hideIsolates = hideIsolates; view.anonymise = anonymize
        view.relationTypes = relations.isEmpty ? nil : Set(relations)
        view.actorTypes = types.isEmpty ? nil : Set(types)
        view.top = top; view.ranking = values
        let (network, original) = try { () throws -> (Network, [Int]) in
            do { return try view.apply(to: full) } catch let error as DiagramView.UnknownActor {
                throw ValidationError("\(error.description) Actor ids are in the id column of actors.csv.")
            }
        }()
        for id in highlights where full.index(ofActor: id) == nil { throw ValidationError("--highlight: there is no actor \"\(id)\".") }
        if network.actors.isEmpty { throw ValidationError("The view is empty: no actor matches the chosen --type/--relation/--ego.") }
        var rules: [Int: [String]] = [:]
        for flag in power.flags where flag.isDomination && flag.subject.kind == .actor {
            if let i = full.index(ofActor: flag.subject.ids[0]) { rules[i, default: []].append(flag.rule) }
        }
        var options = DiagramOptions(nodeMeasure: original.map { values[$0] }, measureName: sizeBy, language: language)
        options.preset = DiagramPreset(rawValue: preset)!
        options.flagged = Set(original.indices.filter { rules[original[$0]] != nil })
        options.flagNotes = Dictionary(uniqueKeysWithValues: original.indices.compactMap { k in rules[original[k]].map { (k, Array(Set($0)).sorted()) } })
        options.highlight = Set(original.indices.filter { highlights.contains(full.actors[original[$0]].id) })
        options.date = ISO8601DateFormatter.string(from: Date(), timeZone: .current, formatOptions: [.withFullDate])
        var requested = engine
        if layout == "target" {
            requested = .twopi
            options.root = original.indices.max { values[original[$0]] < values[original[$1]] }
        }
        let (chosen, message) = LayoutEngine.bounded(requested, nodeCount: network.actors.count)
        if let message { Console.error("netan: \(message).") }
        options.engine = chosen
        do {
            if let positions {
                // Pin known actors, place the rest, and remember everyone's place.
                var known = try StableLayout.read(positions)
                for (k, i) in original.enumerated() { if let p = known[full.actors[i].id] { options.positions[k] = p } }
                let engine = options.positions.isEmpty ? chosen : .neato
                let placed = try StableLayout.positions(dot: DiagramBuilder.dot(for: network, options: options), engine: engine)
                // Graphviz shifts the whole drawing; bring new places into the file's frame.
                let shift = StableLayout.offset(pinned: options.positions, placed: placed)
                for (k, p) in placed where options.positions[k] == nil {
                    let q = (p.0 - shift.0, p.1 - shift.1)
                    options.positions[k] = q
                    known[full.actors[original[k]].id] = q
                }
                options.engine = .neato
                try StableLayout.write(known, to: positions)
            }
        } catch let error as GraphvizError {
            Console.error("\(output): error: \(error.description)")
            throw Exit.software
        }
        let inputs = [path] + ["actors.csv", "relations.csv", "network.yaml"].map { URL(fileURLWithPath: path).appendingPathComponent($0).path }
        if URL(fileURLWithPath: output).pathExtension.lowercased() == "html" {
            let svg: RenderedDiagram
            do { svg = try Graphviz.render(dot: DiagramBuilder.dot(for: network, options: options), engine: options.engine!, format: .svg) } catch let error as GraphvizError {
                Console.error("\(output): error: \(error.description)")
                throw Exit.software
            }
            let figures = ["degree", "betweenness_normalized", "pagerank", "core_number"]
            let infos = original.map { i -> InteractiveHTML.ActorInfo in
                var list = figures.map { ($0, CentralityReport.format(analysis.value($0, i), measure: $0)) }
                if let size = full.actors[i].size, !anonymize { list.append(("size", DiagramBuilder.format(size))) }
                let notes = power.flags.filter { $0.subject.ids.first == full.actors[i].id }.map { "\($0.rule) (\(nl ? $0.severity.dutch : $0.severity.rawValue))" }
                let actor = network.actors[original.firstIndex(of: i)!]
                return InteractiveHTML.ActorInfo(name: actor.name, type: network.vocabulary.actorType(named: actor.type)?.label ?? actor.type, figures: list, flags: anonymize ? [] : notes)
            }
            do { try AtomicFile.write(InteractiveHTML.page(svg: svg.data, network: network, actors: infos, language: language), to: output) } catch {
                Console.error("\(error)")
                throw Exit.cannotCreate
            }
            return
        }
        try writeDiagram(network, to: output, options: options, inputs: inputs)
    }
}

struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Convert a network between formats (folder, YAML, JSON, XLSX, GraphML, GEXF, Pajek, DOT, node-link JSON, edge list).",
        discussion: """
        Formats come from the extensions (.yaml .json .xlsx .graphml .gexf .net .dot .csv/.txt
        for edge lists; a path without extension is a network folder) or from --from/--to.
        What a format cannot hold is named in a warning.

        Examples:
          netan convert datasets/breda-illustratief breda.graphml
          netan convert netwerk.xlsx netwerk/
          netan convert gephi-export.gexf netwerk.json --to node-link
        """)

    @Argument(help: "The network to read.")
    var input: String

    @Argument(help: "The file or folder to write.")
    var output: String

    @Option(help: "Input format (default: from the path): \(NetworkFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var from: NetworkFormat?

    @Option(help: "Output format (default: from the path).")
    var to: NetworkFormat?

    @Flag(help: "Overwrite an existing output.")
    var force = false

    func run() throws {
        guard let format = to ?? NetworkFormat.detect(path: output, forWriting: true) else {
            throw ValidationError("Cannot tell the output format from \"\(output)\": use a known extension or --to.")
        }
        let inputURL = URL(fileURLWithPath: input).standardizedFileURL, outputURL = URL(fileURLWithPath: output).standardizedFileURL
        if inputURL.path == outputURL.path {
            Console.error("\(output): error: this is the input; netan never writes over its inputs. Hint: choose another output name.")
            throw Exit.cannotCreate
        }
        if FileManager.default.fileExists(atPath: output) && !force && format != .folder {
            Console.error("\(output): error: the file exists. Hint: add --force to overwrite it.")
            throw Exit.cannotCreate
        }
        let network = try loadNetwork(input, format: from)
        do {
            if let loss = try NetworkWriter.write(network, to: output, format: format) {
                Console.error("\(output): warning: \(loss).")
            }
        } catch {
            Console.error("\(output): error: cannot write: \(error)")
            throw Exit.cannotCreate
        }
        Console.error("netan: wrote \(network.actors.count) actors and \(network.relations.count) relations to \(output) (\(format.rawValue)).")
    }
}

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a network and list every problem with file and line.",
        discussion: """
        Exits 0 when the network can be used (warnings allowed), 65 when it has errors
        (or warnings, with --strict).

        Examples:
          netan validate mijn-netwerk/
          netan validate netwerk.yaml --strict
        """)

    @Argument(help: "A network folder, or a .yaml/.json network file.")
    var path: String

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    func run() throws {
        do {
            let loaded = try NetworkLoader.load(path: path)
            loaded.warnings.forEach { Console.error($0.description) }
            let n = loaded.network
            Console.output("\(path): \(n.actors.count) actors, \(n.relations.count) relations, \(loaded.warnings.count) warning\(loaded.warnings.count == 1 ? "" : "s"), no errors.\n")
            if strict && !loaded.warnings.isEmpty { throw Exit.dataError }
        } catch let error as NetworkLoadError {
            error.diagnostics.forEach { Console.error($0.description) }
            let errors = error.errors.count, warnings = error.diagnostics.count - errors
            Console.output("\(path): \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s").\n")
            throw Exit.dataError
        }
    }
}
