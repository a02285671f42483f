import Foundation
import TestSupport
import Testing

@testable import NetGraph
@testable import NetGraphIO
@testable import NetGraphRender

@Suite(
    "Slides and prints: exact pages, legend beside or below the map, no name on a name or node", .serialized)
struct PageLayoutTests {
    func demo() throws -> NetworkAnalysis { NetworkAnalysis(try DemoDataset.load().network) }

    /// A generated region: JZ10, seed 3, 58 actors (folded to about 33 nodes by default).
    func region() throws -> NetworkAnalysis {
        var settings = GeneratorSettings()
        settings.seed = 3
        return NetworkAnalysis(
            RegionGenerator.generate(try #require(try Jeugdregio.find("JZ10")), settings: settings))
    }

    func plan(
        _ analysis: NetworkAnalysis, _ preset: DiagramPreset, fold: Bool = true, language: String = "nl"
    ) throws -> DiagramPlan {
        var request = DiagramRequest()
        request.preset = preset
        request.view.fold = fold
        request.language = language
        request.date = "2026-12-07"
        return try DiagramPlan(analysis, request: request)
    }

    /// Width and height from a PNG's IHDR chunk.
    static func pngSize(_ data: Data) -> (width: Int, height: Int) {
        let bytes = [UInt8](data.prefix(24))
        guard bytes.count == 24 else { return (0, 0) }
        func integer(_ offset: Int) -> Int { bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (integer(16), integer(20))
    }

    /// The first page's MediaBox of a PDF: [x0, y0, x1, y1] in points.
    static func mediaBox(_ data: Data) -> [Double] {
        let text = String(decoding: data, as: UTF8.self)
        guard let range = text.range(of: #"/MediaBox\s*\[[^\]]*\]"#, options: .regularExpression) else {
            return []
        }
        return text[range].dropFirst("/MediaBox".count).split(whereSeparator: { " []\n\r".contains($0) })
            .compactMap { Double($0) }
    }

    @Test(
        "a slide is exactly 16:9: PNG 1920 × 1080 pixels, PDF page 960 × 540 points",
        arguments: [false, true])
    func slide(region useRegion: Bool) throws {
        let drawing = try plan(useRegion ? try region() : try demo(), .beamer)
        let png = Self.pngSize(try drawing.render(.png).data)
        #expect(png.width == 1920 && png.height == 1080, "\(png)")
        let box = Self.mediaBox(try drawing.render(.pdf).data)
        try #require(box.count == 4, "no MediaBox")
        #expect(box[2] - box[0] == 960 && box[3] - box[1] == 540, "\(box)")
    }

    @Test(
        "A4 and A3 fill their paper: PNG and PDF in the paper's aspect",
        arguments: [DiagramPreset.printA4, .printA3])
    func paper(preset: DiagramPreset) throws {
        let drawing = try plan(try demo(), preset)
        let (short, long): (Double, Double) = preset == .printA4 ? (595, 842) : (842, 1191)
        let png = Self.pngSize(try drawing.render(.png).data)
        let pngRatio = Double(min(png.width, png.height)) / Double(max(png.width, png.height))
        #expect(abs(pngRatio / (1 / 2.0.squareRoot()) - 1) < 0.02, "\(png)")
        #expect(Double(max(png.width, png.height)) >= long / 72 * 300 - 1, "300 dpi: \(png)")
        let box = Self.mediaBox(try drawing.render(.pdf).data)
        try #require(box.count == 4, "no MediaBox")
        let (w, h) = (box[2] - box[0], box[3] - box[1])
        #expect(abs(min(w, h) - short) <= 1 && abs(max(w, h) - long) <= 1, "\(box)")
    }

    @Test("slides put the legend beside the map; portrait paper below it")
    func legendPlacement() throws {
        for preset in [DiagramPreset.beamer, .printA4] {
            let svg = try plan(try demo(), preset).render(.svg).data
            let geometry = try #require(SVGGeometry.parse(svg))
            let actors = geometry.shapes.filter { $0.key.hasPrefix("actor-") }.values
            let legend = geometry.texts.filter { $0.group == "legend" }.map(\.box)
            try #require(actors.count == 22 && !legend.isEmpty)
            let text = String(decoding: svg, as: UTF8.self)
            let portrait = text.contains("width=\"595pt\" height=\"842pt\"")
            if preset == .beamer || !portrait {
                #expect(legend.map(\.minX).min()! > actors.map(\.maxX).max()!, "\(preset): legend beside")
            } else {
                // SVG y grows downwards: the legend starts below the lowest node.
                #expect(legend.map(\.minY).min()! > actors.map(\.maxY).max()!, "\(preset): legend below")
            }
            #expect(
                geometry.texts.contains { $0.group == "title" && $0.text.hasPrefix("Zorg voor elkaar Breda") }
            )
        }
    }

    @Test(
        "no name covers another name or a node: demo and a 58-actor region, folded and whole",
        arguments: [
            ("demo", DiagramPreset.beamer, true), ("region", .beamer, true), ("region", .beamer, false),
            ("demo", .printA4, true), ("region", .printA4, false), ("region", .printA3, true),
        ])
    func noOverlaps(network: String, preset: DiagramPreset, fold: Bool) throws {
        let drawing = try plan(network == "demo" ? try demo() : try region(), preset, fold: fold)
        let geometry = try #require(SVGGeometry.parse(try drawing.render(.svg).data))
        let overlaps = geometry.overlaps()
        #expect(overlaps.isEmpty, "\(network) \(preset) fold \(fold): \(overlaps.prefix(5))")
        // Names are drawn: every essential one, and most of the others.
        let named = Set(geometry.texts.filter { $0.group.hasPrefix("actor-") }.map(\.group))
        for i in drawing.options.essentialLabels {
            #expect(named.contains("actor-\(i)"), "\(drawing.network.actors[i].name) has no name")
        }
        let wanted = drawing.options.labelled?.count ?? drawing.network.actors.count
        #expect(Double(named.count) >= 0.4 * Double(wanted), "\(named.count) of \(wanted) names")
    }

    @Test("relation types differ by colour and by line or arrowhead; the legend shows both")
    func relationStyles() throws {
        let vocabulary = Vocabulary.standard
        let styles = vocabulary.relationTypes.map { DiagramStyle.relationStyle(forRelationType: $0.name) }
        #expect(Set(styles.map(\.colour)).count == styles.count, "a colour twice")
        // Line pattern with the arrowhead as drawn (none for undirected types) is unique too.
        let patterns = zip(vocabulary.relationTypes, styles).map { type, style in
            style.style + "/" + (type.directed ? style.arrowhead : "none")
        }
        #expect(Set(patterns).count == patterns.count, "\(patterns)")
        // The diagram draws them; the legend shows each type's line in its colour.
        let network = try DemoDataset.load().network
        let dot = DiagramBuilder.dot(for: network)
        // Ties between the same two actors are one line in the style of its first type, so a
        // type is drawn in its own style where it is the only type between two actors.
        var pairTypes: [String: Set<String>] = [:]
        for r in network.relations {
            pairTypes[[r.source, r.target].sorted().joined(separator: "|"), default: []].insert(r.type)
        }
        let alone = Set(pairTypes.values.filter { $0.count == 1 }.map { $0.first! })
        for type in Set(network.relations.map(\.type)) {
            let style = DiagramStyle.relationStyle(forRelationType: type)
            let directed = network.vocabulary.relationType(named: type)?.directed ?? true
            if alone.contains(type) {
                #expect(dot.contains("style=\(style.style), color=\"\(style.colour)\""), "\(type) not drawn")
            }
            #expect(
                dot.contains("<font color=\"\(style.colour)\">\(style.glyph(directed: directed))</font>"),
                "\(type) not in the legend")
        }
        #expect(dot.contains("arrowhead=onormal") || !alone.contains("contract"))
    }

    @Test("legend and captions speak the network's language only")
    func languageOnly() throws {
        let analysis = try demo()
        /// The title's and the legend's words, one string.
        func legend(_ language: String) throws -> String {
            let svg = try plan(analysis, .beamer, language: language).render(.svg).data
            return try #require(SVGGeometry.parse(svg)).texts.filter {
                ["title", "legend"].contains($0.group)
            }
            .map(\.text).joined(separator: " ")
        }
        let english = try legend("en")
        for words in [
            "municipality", "public authority", "funding", "Node size (area): number of partners", "Made:",
        ] {
            #expect(english.contains(words), "missing \(words)")
        }
        for words in [
            "Knoopgrootte", "overheid", "financiering", "Gemaakt", "aantal partners", "Rode rand", "Bron:",
        ] {
            #expect(!english.contains(words), "Dutch \(words) in English")
        }
        let dutch = try legend("nl")
        for words in [
            "gemeente", "overheid", "financiering", "Knoopgrootte (oppervlak): aantal partners", "Gemaakt:",
        ] {
            #expect(dutch.contains(words), "missing \(words)")
        }
        for words in ["municipality", "public authority", "funding", "Node size", "Made:", "Source:"] {
            #expect(!dutch.contains(words), "English \(words) in Dutch")
        }
        var view = DiagramView()
        view.anonymise = true
        view.language = "en"
        #expect(try view.select(from: analysis.network).network.metadata.source == "anonymised")
    }

    @Test("netan render --preset beamer writes a 1920 × 1080 PNG for the demo and a generated region")
    func renderCommand() throws {
        let folder = TemporaryFolder()
        let region = folder.url.appendingPathComponent("region").path
        #expect(try netan(["generate", "JZ10", "-o", region, "--seed", "3"]).status == 0)
        let demo = packageRoot.appendingPathComponent("datasets/breda-illustratief").path
        for (input, extra) in [(demo, [String]()), (region, []), (region, ["--all"])] {
            let output = folder.url.appendingPathComponent("slide.png").path
            let result = try netan(["render", input, "-o", output, "--preset", "beamer", "--force"] + extra)
            #expect(result.status == 0, "\(result.stderr)")
            let size = Self.pngSize(folder.contents("slide.png") ?? Data())
            #expect(size.width == 1920 && size.height == 1080, "\(input) \(extra): \(size)")
        }
    }
}
