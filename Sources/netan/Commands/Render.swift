import ArgumentParser
import Foundation
import NetGraph
import NetGraphRender

struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Draw a network diagram with Graphviz: SVG, PNG, PDF, DOT, or an interactive offline HTML page.",
        discussion: """
            Colour per actor type and shape per role (legend always included), node area by a
            measure, edge width by weight, colour, line and arrowhead by relation type, flagged
            actors outlined in red. Slides and prints (--preset) fill their page exactly and place
            every name clear of other names and nodes.

            Above 40 actors, small providers are folded into one node per type and region (the
            caption says what was folded; client organisations, citizens' initiatives and every
            actor a finding names stay). --all draws every actor; --ego, --top and --type draw
            what they select. The analysis always covers the whole network.

            Examples:
              netan render datasets/breda-illustratief -o breda.svg
              netan render datasets/breda-illustratief -o breda.html
              netan render mijn-netwerk/ -o poster.pdf --preset print-a3 --size-by betweenness
              netan render mijn-netwerk/ -o ego.png --ego gem-breda --depth 2 --preset beamer
              netan render regio/2023 -o 2023.svg --positions posities.csv
              netan render regio/2024 -o 2024.svg --positions posities.csv     # same places
              netan render golven/ --year 2023 -o 2023.svg     # one year of a folder holding several
              netan render mijn-netwerk/ -o doelwit.svg --layout target --anonymize
              netan render regio/ -o alles.svg --all     # every actor, no groups
            """)

    @Argument(help: "A network (folder or file).")
    var path: String

    @Option(name: .shortAndLong, help: "Output file: .svg, .png, .pdf, .dot or .html.")
    var output: String

    @Option(help: "Layout engine: dot, neato, fdp, sfdp, circo or twopi (default: by size).")
    var engine: LayoutEngine?

    @Option(help: "Layout: auto, or target (radial, the most central actor in the middle).")
    var layout: DiagramLayout = .auto

    @Option(help: "Node area by: \(NodeSizeMeasure.allCases.map(\.rawValue).joined(separator: ", ")).")
    var sizeBy: NodeSizeMeasure = .partners

    @Option(
        help: """
            Preset: screen; beamer (16:9 slide, PNG 1920×1080, legend beside the map); print-a4 or \
            print-a3 (the whole page, legend below the map or, landscape, beside it).
            """)
    var preset: DiagramPreset = .screen

    @Option(help: "Show this actor and its neighbourhood.") var ego: String?
    @Option(help: "Steps around --ego.") var depth: Int = 1
    @Option(name: .customLong("relation"), help: "Only this relation type (repeatable).") var relations:
        [String] = []
    @Option(name: .customLong("type"), help: "Only this actor type (repeatable).") var types: [String] = []
    @Option(help: "Only the N actors with the largest --size-by values.") var top: Int?
    @Flag(help: "Leave out actors without ties.") var hideIsolates = false
    @Flag(help: "Draw every actor: do not fold small providers into groups above 40 actors.")
    var all = false
    @Flag(
        name: [.customLong("anonymize"), .customLong("anonymise")],
        help: "Replace names by pseudonyms per type (\"Zorgaanbieder 3\").")
    var anonymize = false
    @Option(name: .customLong("highlight"), help: "Outline this actor (repeatable).") var highlights:
        [String] = []
    @Option(help: "Positions file (CSV id,x,y): known actors keep their place; new ones are added to it.")
    var positions: String?
    @Option(help: "Language of legend and caption: nl or en.") var language: Language?
    @OptionGroup var yearOptions: YearOptions
    @Flag(help: "Overwrite an existing output file.") var force = false

    var isHTML: Bool { URL(fileURLWithPath: output).pathExtension.lowercased() == "html" }

    func validate() throws {
        let ext = URL(fileURLWithPath: output).pathExtension.lowercased()
        if ext != "html" && DiagramFormat(fileExtension: ext) == nil {
            throw ValidationError(
                "Cannot tell the diagram format from \"\(output)\": "
                    + "use a name ending in .svg, .png, .pdf, .dot or .html."
            )
        }
        if depth < 0 { throw ValidationError("--depth must be 0 or more.") }
    }

    func run() throws {
        try OutputGuard.check(output, inputs: OutputGuard.inputs(of: path), force: force)
        let full = try loadNetwork(path, year: yearOptions.year)
        let analysis = NetworkAnalysis(full)
        var request = DiagramRequest()
        request.view.ego = ego
        request.view.depth = depth
        request.view.hideIsolates = hideIsolates
        request.view.anonymise = anonymize
        request.view.relationTypes = relations.isEmpty ? nil : Set(relations)
        request.view.actorTypes = types.isEmpty ? nil : Set(types)
        request.view.top = top
        request.view.fold = !(all || ego != nil || top != nil || !types.isEmpty)
        request.sizeBy = sizeBy
        request.preset = preset
        request.layout = layout
        request.engine = engine
        request.highlights = highlights
        request.language = language?.rawValue ?? full.metadata.language
        request.date = ISO8601DateFormatter.string(
            from: Date(), timeZone: .current, formatOptions: [.withFullDate])
        var plan: DiagramPlan
        do {
            plan = try DiagramPlan(analysis, request: request)
        } catch let error as DiagramView.UnknownActor {
            throw ValidationError("\(error.description) Actor ids are in the id column of actors.csv.")
        } catch let error as DiagramPlanError {
            throw ValidationError(error.description)
        }
        if let note = plan.engineNote { Console.error("netan: \(note).") }
        if let positions {
            try withGraphviz(output) { try plan.applyPositions(file: positions, full: full) }
        }
        if isHTML {
            let page = try withGraphviz(output) { try plan.interactivePage(analysis, anonymise: anonymize) }
            try writeOutput(Data(page.utf8), to: output)
            return
        }
        let format = DiagramFormat(fileExtension: URL(fileURLWithPath: output).pathExtension)!
        if let debug = ProcessInfo.processInfo.environment["NETAN_DEBUG_DOT"] {
            // The DOT Graphviz draws: for a page preset the composed page (see DiagramPreset).
            let text = (try? plan.pageDOT(format)) ?? plan.dot
            try? text.write(toFile: debug, atomically: true, encoding: .utf8)
        }
        let rendered = try withGraphviz(output) { try plan.render(format) }
        for warning in rendered.warnings { Console.error("graphviz: warning: \(warning)") }
        try writeOutput(rendered.data, to: output)
    }
}
