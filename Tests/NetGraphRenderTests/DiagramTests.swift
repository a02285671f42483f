import Foundation
import TestSupport
import Testing

@testable import NetGraph
@testable import NetGraphIO
@testable import NetGraphRender

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("Workshop diagrams: views, styling, stable layouts, HTML", .serialized)
struct DiagramTests {
    func demo() throws -> Network { try DemoDataset.load().network }

    @Test(
        "DOT of a small network: one node per actor with colour and shape per type, one edge per pair, a legend"
    )
    func dotStructure() {
        var n = Network(metadata: NetworkMetadata(name: "Klein", year: 2024, source: "test"))
        n.add(Actor(id: "g", name: "Gemeente", type: "gemeente"))
        n.add(Actor(id: "c", name: "Cliëntenraad", type: "clientorganisatie"))
        n.add(Relation(source: "g", target: "c", type: "financiering", weight: 2, directed: true))
        n.add(Relation(source: "g", target: "c", type: "overleg", weight: 1, directed: false))
        let dot = DiagramBuilder.dot(
            for: n, options: DiagramOptions(nodeMeasure: [1, 1], measureName: "graad"))
        #expect(dot.contains("a0 [xlabel=\"Gemeente\", shape=box"))
        #expect(dot.contains("fillcolor=\"#332288\""))  // gemeente
        #expect(dot.contains("a1 [xlabel=\"Cliëntenraad\", shape=hexagon"))
        #expect(dot.contains("fillcolor=\"#882255\""))  // clientorganisatie
        #expect(dot.components(separatedBy: " -> ").count == 2)  // two relations, one pair
        #expect(dot.contains("style=bold"))  // financiering wins the pair's style
        #expect(dot.contains("dir=forward"))
        #expect(dot.contains("label=<<table"))
        #expect(dot.contains("Knoopgrootte (oppervlak): graad"))
    }

    @Test("views: ego, layer, type, top, isolates")
    func views() throws {
        let network = try demo()
        var view = DiagramView()
        view.ego = "clientenraad-jeugd"
        var (sub, original) = try view.apply(to: network)
        #expect(Set(sub.actors.map(\.id)) == ["clientenraad-jeugd", "groot-jeugd"])
        #expect(original.map { network.actors[$0].id } == sub.actors.map(\.id))
        view.depth = 2
        (sub, _) = try view.apply(to: network)
        #expect(sub.actors.contains { $0.id == "gem-breda" } && sub.actors.count > 5)
        view = DiagramView()
        view.relationTypes = ["financiering"]
        view.hideIsolates = true
        (sub, _) = try view.apply(to: network)
        #expect(
            sub.relations.allSatisfy { $0.type == "financiering" } && !sub.actors.contains { $0.id == "vng" })
        view = DiagramView()
        view.actorTypes = ["zorgaanbieder"]
        (sub, _) = try view.apply(to: network)
        #expect(sub.actors.allSatisfy { $0.type == "zorgaanbieder" } && sub.actors.count == 5)
        view = DiagramView()
        view.top = 3
        view.ranking = Degree.partners(Graph(network)).map(Double.init)
        (sub, _) = try view.apply(to: network)
        #expect(sub.actors.count == 3 && sub.actors.contains { $0.id == "gem-breda" })
        view = DiagramView()
        view.ego = "gemeente-breda"
        #expect(throws: DiagramView.UnknownActor.self) { try view.apply(to: network) }
    }

    @Test("anonymisation leaves no real name in SVG, HTML or DOT, and pseudonyms are stable per type")
    func anonymise() throws {
        let network = try demo()
        var view = DiagramView()
        view.anonymise = true
        let (sub, _) = try view.apply(to: network)
        #expect(sub.actors.first { $0.type == "zorgaanbieder" }?.name == "Zorgaanbieder 1")
        var ego = DiagramView()
        ego.anonymise = true
        ego.ego = "groot-ggz"
        let (egoView, _) = try ego.apply(to: network)
        #expect(egoView.actors.contains { $0.name == "Zorgaanbieder 2" })  // groot-ggz is the second provider
        let dot = DiagramBuilder.dot(for: sub, options: DiagramOptions())
        let svg = String(
            decoding: try Graphviz.render(dot: dot, engine: .neato, format: .svg).data, as: UTF8.self)
        let html = InteractiveHTML.page(
            svg: Data(svg.utf8), network: sub,
            actors: sub.actors.map { .init(name: $0.name, type: $0.type, figures: [], flags: []) },
            language: "nl")
        for actor in network.actors where !actor.name.hasPrefix("VNG") {
            for output in [dot, svg, html] { #expect(!output.contains(actor.name), "\(actor.name) leaks") }
            #expect(!dot.contains("\"\(actor.id)\""))
        }
    }

    @Test("stable positions: an actor keeps its place in the full view, its ego view and next year's network")
    func stablePositions() throws {
        let network = try demo()
        let full = try StableLayout.positions(dot: DiagramBuilder.dot(for: network), engine: .neato)
        var known: [String: (Double, Double)] = [:]
        for (i, p) in full { known[network.actors[i].id] = p }
        var view = DiagramView()
        view.ego = "groot-jeugd"
        let (sub, _) = try view.apply(to: network)
        var options = DiagramOptions()
        for (k, actor) in sub.actors.enumerated() { options.positions[k] = known[actor.id] }
        let placed = try StableLayout.positions(
            dot: DiagramBuilder.dot(for: sub, options: options), engine: .neato)
        // Graphviz may move the drawing's origin; relative places must not change.
        let shift = StableLayout.offset(pinned: options.positions, placed: placed)
        for (k, actor) in sub.actors.enumerated() {
            let a = known[actor.id]!
            let b = placed[k]!
            #expect(abs(b.0 - shift.0 - a.0) < 1 && abs(b.1 - shift.1 - a.1) < 1, "\(actor.id) moved")
        }
        // Positions file round trip.
        let folder = TemporaryFolder()
        let file = folder.url.appendingPathComponent("pos.csv").path
        try StableLayout.write(known, to: file)
        let back = try StableLayout.read(file)
        #expect(back.count == known.count && abs(back["gem-breda"]!.0 - known["gem-breda"]!.0) < 0.01)
    }

    @Test("presets change fonts and page size; slow engines fall back on large networks")
    func presetsAndEngines() throws {
        let network = try demo()
        var options = DiagramOptions()
        options.preset = .beamer
        let dot = DiagramBuilder.dot(for: network, options: options)
        #expect(dot.contains("fontsize=16") && dot.contains("size=\"12.8,7.2!\""))
        // The beamer PNG fills a 1920-pixel-wide slide and is wider than tall.
        let slide = try Graphviz.render(dot: dot, engine: .neato, format: .png).data
        let width = slide[16..<20].reduce(0) { $0 << 8 | Int($1) }
        let height = slide[20..<24].reduce(0) { $0 << 8 | Int($1) }
        #expect(width >= 1400 && Double(width) / Double(height) > 1.3, "\(width)×\(height)")
        options.preset = .printA4
        let png = try Graphviz.render(
            dot: DiagramBuilder.dot(for: network, options: options), engine: .neato, format: .png
        ).data
        #expect(png.count > 10_000)
        #expect(LayoutEngine.bounded(.dot, nodeCount: 300).engine == .sfdp)
        #expect(LayoutEngine.bounded(.dot, nodeCount: 300).message != nil)
        #expect(LayoutEngine.bounded(.dot, nodeCount: 30).engine == .dot)
        #expect(LayoutEngine.bounded(nil, nodeCount: 5000).engine == .sfdp)
    }

    @Test("the HTML view is self-contained, escapes names, and carries every actor's data")
    func html() throws {
        var n = Network(metadata: NetworkMetadata(name: "Test"))
        n.add(Actor(id: "a", name: "</script><script>alert(1)</script>", type: "gemeente"))
        n.add(Actor(id: "b", name: "Quote \" and \\ back\nslash", type: "zorgaanbieder"))
        n.add(Relation(source: "a", target: "b", type: "contract", directed: true))
        let svg = try Graphviz.render(dot: DiagramBuilder.dot(for: n), engine: .neato, format: .svg).data
        let page = InteractiveHTML.page(
            svg: svg, network: n,
            actors: n.actors.map {
                .init(name: $0.name, type: $0.type, figures: [("degree", "1")], flags: [])
            }, language: "en")
        #expect(!page.contains("<script>alert(1)"))
        #expect(page.components(separatedBy: "<script").count == 3)  // the data block and the code only
        let urls = page.matches(of: /https?:\/\/[^"' <)]+/).map { String($0.output) }
        #expect(urls.allSatisfy { $0.hasPrefix("http://www.w3.org/") })
        let parser = XMLParser(data: Data(page.utf8))
        #expect(parser.parse(), "the page is not well-formed: \(String(describing: parser.parserError))")
    }

    @Test(
        "render to HTML end to end, and the page's filters work in headless Chromium",
        .enabled(if: Tools.chromium, "Chromium is not installed (make test installs it)")
    )
    func htmlInBrowser() throws {
        let folder = TemporaryFolder()
        let page = folder.url.appendingPathComponent("view.html").path
        let result = try netan([
            "render", packageRoot.appendingPathComponent("datasets/breda-illustratief").path, "-o", page,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let check = try #require(
            try runCheckScript(
                "/bin/bash", [packageRoot.appendingPathComponent("scripts/render/check_html.sh").path, page]),
            "the check script reported a missing tool")
        #expect(check.status == 0, "\(check.output)")
    }

    @Test("render options end to end: ego, preset, positions, target layout, bad ids")
    func renderCommand() throws {
        let folder = TemporaryFolder()
        let demo = packageRoot.appendingPathComponent("datasets/breda-illustratief").path
        let positions = folder.url.appendingPathComponent("pos.csv").path
        #expect(
            try netan([
                "render", demo, "-o", folder.url.appendingPathComponent("a.svg").path, "--positions",
                positions,
            ]).status == 0)
        let first = try StableLayout.read(positions)
        #expect(first.count == 22)
        #expect(
            try netan([
                "render", demo, "-o", folder.url.appendingPathComponent("b.png").path, "--ego", "gem-breda",
                "--preset", "beamer", "--positions", positions,
            ]).status == 0)
        let second = try StableLayout.read(positions)
        #expect(abs(second["gem-breda"]!.0 - first["gem-breda"]!.0) < 0.01)
        #expect(
            try netan([
                "render", demo, "-o", folder.url.appendingPathComponent("c.pdf").path, "--layout", "target",
                "--size-by", "betweenness",
            ]).status == 0)
        let bad = try netan([
            "render", demo, "-o", folder.url.appendingPathComponent("d.svg").path, "--ego", "gemeente-breda",
        ])
        #expect(bad.status == 64 && bad.stderr.contains("gem-breda"))
        let anon = try netan([
            "render", demo, "-o", folder.url.appendingPathComponent("e.svg").path, "--anonymize",
        ])
        #expect(anon.status == 0)
        #expect(
            !(String(data: folder.contents("e.svg") ?? Data(), encoding: .utf8) ?? "Jeugdzorg Baronie")
                .contains("Jeugdzorg Baronie"))
    }
}
