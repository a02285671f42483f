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
        // financiering wins the pair's style: a solid blue line with a filled arrowhead.
        #expect(dot.contains("style=solid, color=\"#0072B2\""))
        #expect(dot.contains("arrowhead=normal"))
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
        // On its own, the one-pass DOT scales the drawing to fit the slide (13.33 × 7.5 in);
        // DiagramPlan.render composes the page (PageLayoutTests).
        let dot = DiagramBuilder.dot(for: network, options: options)
        #expect(dot.contains("fontsize=12") && dot.contains("size=\"13.333333,7.500000\""))
        let svg = String(
            decoding: try Graphviz.render(dot: dot, engine: .neato, format: .svg).data, as: UTF8.self)
        let header = try #require(
            svg.range(of: #"<svg width="[0-9.]+pt" height="[0-9.]+pt""#, options: .regularExpression))
        let size = svg[header].split(whereSeparator: { !"0123456789.".contains($0) }).compactMap {
            Double($0)
        }
        try #require(size.count == 2)
        #expect(size[0] <= 960.5 && size[1] <= 540.5 && (size[0] >= 955 || size[1] >= 535), "\(size)")
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

    @Test(
        "the interactive page works for a presenter in Chromium (Playwright): fits the window, filters, zoom, PNG",
        .enabled(if: Tools.playwright, "Chromium and Playwright are not installed (make test installs them)"),
        arguments: ["datasets/breda-illustratief", "generated-60"]
    )
    func interactivePageInBrowser(network: String) throws {
        let folder = TemporaryFolder()
        var input = packageRoot.appendingPathComponent(network).path
        if network == "generated-60" {
            // A generated region of about 60 actors: the size where overlaps and filters matter.
            input = folder.url.appendingPathComponent("region").path
            let generated = try netan(["generate", "JZ10", "-o", input, "--seed", "3"])
            #expect(generated.status == 0, "\(generated.stderr)")
        }
        let page = folder.url.appendingPathComponent("view.html").path
        let result = try netan(["render", input, "-o", page])
        #expect(result.status == 0, "\(result.stderr)")
        let script = packageRoot.appendingPathComponent("scripts/render/check_interactive.py").path
        let check = try #require(
            try runCheckScript("/usr/bin/env", ["python3", script, page]), "the check could not run")
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
    /// A generated region (JZ10, seed 3: 58 actors; JZ20: 120).
    func region(_ code: String) throws -> Network {
        var settings = GeneratorSettings()
        settings.seed = 3
        return RegionGenerator.generate(try #require(try Jeugdregio.find(code)), settings: settings)
    }

    @Test("a network too large to draw: at most 250 nodes, the most central and the named actors kept")
    func tooLargeToDraw() throws {
        // 1,200 actors: 40 gemeenten, 1,000 other parties and 160 client organisations, in a
        // ring with chords, so that every actor has ties and the ranking has a clear top.
        var network = Network(metadata: NetworkMetadata(name: "groot"))
        for k in 0..<1200 {
            let type = k < 40 ? "gemeente" : k < 1040 ? "overig" : "clientorganisatie"
            network.add(Actor(id: "a\(k)", name: "Actor \(k)", type: type))
        }
        for k in 0..<1200 {
            network.add(
                Relation(source: "a\(k)", target: "a\((k + 1) % 1200)", type: "overleg", directed: false))
            // The first 40 actors are hubs: each tied to 25 others.
            if k < 40 {
                for j in 1...25 {
                    network.add(
                        Relation(
                            source: "a\(k)", target: "a\(40 + (k * 25 + j) % 1160)", type: "overleg",
                            directed: false))
                }
            }
        }
        var view = DiagramView()
        view.fold = true
        view.unfolded = [1199]  // e.g. an actor a finding names
        view.ranking = (0..<1200).map { Double(1200 - $0) }  // actor 0 highest
        let selection = try view.select(from: network)
        #expect(selection.network.actors.count <= DiagramView.maximumDrawn)
        let drawn = Set(selection.original)
        #expect(drawn.contains(1199))
        #expect(drawn.isSuperset(of: 0..<200))  // the highest ranked stay
        // Every actor is drawn once: as itself or in one group; the groups are per type.
        let members = selection.groups.flatMap(\.members)
        #expect((selection.original + members).sorted() == Array(0..<1200))
        #expect(selection.groups.allSatisfy { $0.lessCentral })
        #expect(Set(selection.groups.map(\.type)).count == selection.groups.count)
        // Worked out: 0–9 and 1199 are kept as essential, then the next 236 by rank (10–245)
        // fit in 250 nodes with one group per type; the rest are folded per type.
        let names = selection.network.actors[selection.original.count...].map(\.name)
        #expect(Set(names) == ["794 overige partijen", "159 andere cliëntorganisaties"])

        // Drawn: the caption says what was folded, tooltips list at most 60 names, and the
        // lines are straight above 400 relations.
        var options = DiagramOptions()
        for (g, group) in selection.groups.enumerated() {
            options.groupMembers[selection.original.count + g] = group.names
            options.lessCentralGroups.insert(selection.original.count + g)
        }
        let dot = DiagramBuilder.dot(for: selection.network, options: options)
        #expect(
            dot.contains(
                "Samengevoegd (gestippelde rand): 159 andere cliëntorganisaties en 794 overige partijen in 2 groepen"
            ))
        #expect(dot.contains("en 734 meer"), "a long group tooltip ends with how many more")
        #expect(
            DiagramView.otherPlural(type: "overig", vocabulary: .standard, language: "en") == "other parties")
        #expect(
            DiagramView.otherPlural(type: "gemeente", vocabulary: .standard, language: "en")
                == "other municipalities")
        #expect(selection.network.relations.count > DiagramBuilder.curvedEdgeLimit)
        #expect(dot.contains("splines=line"))
    }

    @Test(
        "a large region folds small providers by default: few nodes, every client voice and named actor kept"
    )
    func foldedByDefault() throws {
        let full = try region("JZ10")
        #expect(full.actors.count > DiagramView.foldThreshold)
        let analysis = NetworkAnalysis(full)
        let plan = try DiagramPlan(analysis, request: DiagramRequest())
        #expect(plan.network.actors.count <= 45, "\(plan.network.actors.count) nodes")
        #expect(!plan.groups.isEmpty)
        // Every actor is drawn once: as itself or in one group.
        let members = plan.groups.flatMap(\.members)
        #expect((plan.original + members).sorted() == Array(full.actors.indices))
        #expect(plan.network.actors.count == plan.original.count + plan.groups.count)
        let drawn = Set(plan.original)
        for (i, actor) in full.actors.enumerated()
        where ["clientorganisatie", "burgerinitiatief"].contains(actor.type) {
            #expect(drawn.contains(i), "\(actor.id) folded")
        }
        let named = DiagramPlan.namedActors(analysis.flags, in: full)
        #expect(!named.isEmpty)
        for i in named { #expect(drawn.contains(i), "\(full.actors[i].id) is named by a finding but folded") }
        for i in members { #expect(full.role(of: full.actors[i]) == .provider) }
        // Measures stay those of the full network; a group is sized by its members' sum.
        let partners = Degree.partners(Graph(full, weights: .ignore)).map(Double.init)
        let measure = try #require(plan.options.nodeMeasure)
        for (k, i) in plan.original.enumerated() { #expect(measure[k] == partners[i]) }
        for (g, group) in plan.groups.enumerated() {
            #expect(measure[plan.original.count + g] == group.members.reduce(0) { $0 + partners[$1] })
            let node = plan.network.actors[plan.original.count + g]
            #expect(node.name == "\(group.members.count) kleine zorgaanbieders", "\(node.name)")
            #expect(group.names == group.members.map { full.actors[$0].name })
        }
        // Caption, group tooltips with every member, dashed outline; labels only where they matter.
        let dot = plan.dot
        #expect(dot.contains("Samengevoegd (gestippelde rand): "))
        #expect(dot.contains("netan render --all tekent alles."))
        for name in plan.groups.flatMap(\.names) { #expect(dot.contains(DOTEscaping.label(name)), "\(name)") }
        #expect(dot.contains("style=\"filled,dashed\""))
        let labelled = try #require(plan.options.labelled)
        #expect(labelled.count < plan.network.actors.count)
        let voices: Set<ActorRole> = [.clientVoice, .citizen]
        for (k, i) in plan.original.enumerated()
        where named.contains(i) || voices.contains(full.role(of: full.actors[i])) {
            #expect(labelled.contains(k), "\(full.actors[i].id) has no label")
        }
        #expect(dot.components(separatedBy: "xlabel=").count - 1 == labelled.count)
        // Ties of a group: one line per partner, type and direction, weights summed.
        let groupIDs = Set(plan.network.actors[plan.original.count...].map(\.id))
        var seen = Set<String>()
        var drawnWeight: [String: Double] = [:]
        for r in plan.network.relations where groupIDs.contains(r.source) || groupIDs.contains(r.target) {
            #expect(seen.insert("\(r.source)|\(r.target)|\(r.type)|\(r.directed)").inserted)
            drawnWeight[r.type, default: 0] += r.weight
        }
        let memberIDs = Set(members.map { full.actors[$0].id })
        var fullWeight: [String: Double] = [:]
        for r in full.relations where memberIDs.contains(r.source) != memberIDs.contains(r.target) {
            fullWeight[r.type, default: 0] += r.weight
        }
        #expect(Set(drawnWeight.keys) == Set(fullWeight.keys))
        for (type, weight) in fullWeight {
            #expect(abs((drawnWeight[type] ?? 0) - weight) < 1e-9 * max(1, weight), "\(type)")
        }
        // The picture renders.
        let svg = String(decoding: try plan.render(.svg).data, as: UTF8.self)
        #expect(svg.components(separatedBy: "class=\"node\"").count - 1 == plan.network.actors.count)

        // The largest region: fewer nodes, the same guarantees.
        let large = try region("JZ20")
        let largeAnalysis = NetworkAnalysis(large)
        let largePlan = try DiagramPlan(largeAnalysis, request: DiagramRequest())
        let largeCount = largePlan.network.actors.count
        #expect(largeCount < large.actors.count * 2 / 3, "\(largeCount) nodes")
        let largeDrawn = Set(largePlan.original)
        for i in DiagramPlan.namedActors(largeAnalysis.flags, in: large) { #expect(largeDrawn.contains(i)) }
        for (i, actor) in large.actors.enumerated() where actor.type == "clientorganisatie" {
            #expect(largeDrawn.contains(i))
        }
    }

    @Test("--all draws every actor; a small network and an English caption; groups per type and region")
    func foldingOptions() throws {
        let full = try region("JZ10")
        let analysis = NetworkAnalysis(full)
        var request = DiagramRequest()
        request.view.fold = false
        let all = try DiagramPlan(analysis, request: request)
        #expect(all.network.actors.count == full.actors.count && all.groups.isEmpty)
        #expect(all.options.labelled == nil && !all.dot.contains("Samengevoegd"))
        // A network of at most 40 actors is drawn as it is.
        let small = try DiagramPlan(NetworkAnalysis(try demo()), request: DiagramRequest())
        #expect(small.groups.isEmpty && small.options.labelled == nil)
        // English.
        request = DiagramRequest()
        request.language = "en"
        let english = try DiagramPlan(analysis, request: request)
        let groupName = english.network.actors[english.original.count].name
        #expect(groupName.hasSuffix(" small care providers"), "\(groupName)")
        #expect(english.dot.contains("Folded (dashed outline): "))
        #expect(english.dot.contains("--all draws everything."))
        // Providers with a region: one group per type and region, named after it.
        var regional = Network(metadata: full.metadata, vocabulary: full.vocabulary)
        for (i, actor) in full.actors.enumerated() {
            var copy = actor
            if full.role(of: actor) == .provider { copy.region = i % 2 == 0 ? "Velsen" : "Beverwijk" }
            regional.add(copy)
        }
        for relation in full.relations { regional.add(relation) }
        let plan = try DiagramPlan(NetworkAnalysis(regional), request: DiagramRequest())
        #expect(plan.groups.count >= 2)
        for (g, group) in plan.groups.enumerated() {
            let region = try #require(group.region)
            #expect(group.members.allSatisfy { regional.actors[$0].region == region })
            #expect(plan.network.actors[plan.original.count + g].name.hasSuffix("(\(region))"))
        }
        #expect(plan.dot.contains("in \(plan.groups.count) groepen"))
        // Anonymised: the groups list pseudonyms, never a real name.
        request = DiagramRequest()
        request.view.anonymise = true
        let anonymous = try DiagramPlan(analysis, request: request)
        let dot = anonymous.dot
        for actor in full.actors where full.role(of: actor) == .provider {
            #expect(!dot.contains(DOTEscaping.label(actor.name)), "\(actor.name) leaks")
        }
    }

    @Test("an ego view outlines the ego and says whose network it is")
    func egoView() throws {
        let analysis = NetworkAnalysis(try demo())
        var request = DiagramRequest()
        request.view.ego = "gem-breda"
        let plan = try DiagramPlan(analysis, request: request)
        let ego = try #require(plan.options.ego)
        #expect(plan.network.actors[ego].id == "gem-breda")
        let dot = plan.dot
        #expect(dot.contains("Netwerk rond Gemeente Breda"))
        let line = try #require(dot.split(separator: "\n").first { $0.hasPrefix("  a\(ego) [") })
        #expect(line.contains("peripheries=2"))
        request.language = "en"
        #expect(try DiagramPlan(analysis, request: request).dot.contains("Network around Gemeente Breda"))
        // The whole network has no ego.
        #expect(try DiagramPlan(analysis, request: DiagramRequest()).options.ego == nil)
    }

    @Test("netan render folds a large region, --all and --top draw what they say")
    func renderFolded() throws {
        let folder = TemporaryFolder()
        let input = folder.url.appendingPathComponent("region").path
        #expect(try netan(["generate", "JZ10", "-o", input, "--seed", "3"]).status == 0)
        func nodes(_ arguments: [String]) throws -> (count: Int, svg: String) {
            let output = folder.url.appendingPathComponent("view.svg").path
            let result = try netan(["render", input, "-o", output, "--force"] + arguments)
            #expect(result.status == 0, "\(result.stderr)")
            let svg = String(decoding: folder.contents("view.svg") ?? Data(), as: UTF8.self)
            return (svg.components(separatedBy: "class=\"node\"").count - 1, svg)
        }
        let folded = try nodes([])
        #expect(folded.count <= 45 && folded.svg.contains("Samengevoegd"))
        #expect(try nodes(["--all"]).count == 58)
        let top = try nodes(["--top", "50"])
        #expect(top.count == 50 && !top.svg.contains("Samengevoegd"))
    }
}
