import Foundation
import TestSupport
import Testing

@testable import NetGraph
@testable import NetGraphIO
@testable import NetGraphRender

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("Graphviz in process", .serialized)
struct RenderingTests {
    static let awkwardNames = [
        "Quote \"Q\" here", "Back\\slash", "Less < more & more > less", "Esc \\N \\G \\L",
        "Cliëntenraad Zoë & Jeroen", "<script>alert(1)</script>", "]]> and -->",
    ]

    func awkwardNetwork() -> Network {
        var n = Network(metadata: NetworkMetadata(name: "Test <&> \"netwerk\"", source: "bron \\N"))
        for (i, name) in Self.awkwardNames.enumerated() {
            n.add(Actor(id: "id \"\(i)\"\\", name: name, type: i == 0 ? "gemeente" : "eigen <type>"))
        }
        for i in 1..<Self.awkwardNames.count {
            n.add(
                Relation(
                    source: n.actors[0].id, target: n.actors[i].id,
                    type: i % 2 == 0 ? "overleg" : "financiering",
                    weight: Double(i), directed: i % 2 == 1))
        }
        return n
    }

    @Test("DOT escaping of labels and HTML")
    func escaping() {
        #expect(DOTEscaping.label("a\"b\\c\nd\r") == "a\\\"b\\\\c\\nd")
        #expect(DOTEscaping.label("\\N") == "\\\\N")
        #expect(DOTEscaping.html("<b>&\"'\n") == "&lt;b&gt;&amp;&quot;&apos;<br/>")
    }

    @Test("SVG is well-formed XML and shows every name literally")
    func svgLabels() throws {
        let network = awkwardNetwork()
        let dot = DiagramBuilder.dot(
            for: network, options: DiagramOptions(nodeMeasure: [5, 1, 1, 1, 1, 1, 1], measureName: "graad"))
        let svg = try Graphviz.render(dot: dot, engine: .neato, format: .svg)
        let texts = try #require(TextCollector.parse(svg.data))
        for name in Self.awkwardNames {
            #expect(texts.contains(name), "missing label \(name)")
        }
        #expect(texts.contains { $0.contains("Test <&> \"netwerk\"") })
        #expect(texts.contains { $0.contains("eigen <type>") })
        #expect(!String(decoding: svg.data, as: UTF8.self).contains("<script>"))
    }

    @Test("PNG, PDF and DOT outputs have the right signatures", arguments: [DiagramFormat.png, .pdf, .dot])
    func formats(format: DiagramFormat) throws {
        let dot = DiagramBuilder.dot(for: awkwardNetwork())
        let data = try Graphviz.render(dot: dot, engine: .sfdp, format: format).data
        switch format {
        case .png: #expect(Array(data.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        case .pdf: #expect(String(decoding: data.prefix(5), as: UTF8.self) == "%PDF-")
        case .dot: #expect(String(decoding: data, as: UTF8.self).contains("pos="))
        case .svg: break
        }
    }

    @Test("every layout engine works on a small graph", arguments: LayoutEngine.allCases)
    func engines(engine: LayoutEngine) throws {
        let svg = try Graphviz.render(
            dot: "digraph g { a -> b; b -> c; c -> a; }", engine: engine, format: .svg)
        #expect(TextCollector.parse(svg.data) != nil)
    }

    @Test("malformed DOT throws with Graphviz' message, and the next parse still works")
    func malformed() throws {
        #expect(throws: GraphvizError.self) {
            try Graphviz.render(dot: "digraph { a -> ; }", engine: .dot, format: .svg)
        }
        do { _ = try Graphviz.validate(dot: "digraph { a -> ; }") } catch let error as GraphvizError {
            #expect(error.diagnostics.contains { $0.contains("syntax error") })
        }
        #expect(throws: GraphvizError.self) {
            try Graphviz.render(dot: "digraph {a -> b} garbage", engine: .dot, format: .svg)
        }
        #expect(throws: GraphvizError.self) { try Graphviz.render(dot: "", engine: .dot, format: .svg) }
        let svg = try Graphviz.render(dot: "digraph { x -> y }", engine: .dot, format: .svg)
        #expect(TextCollector.parse(svg.data)?.contains("x") == true)
    }

    @Test("a second graph in the same text is refused")
    func twoGraphs() {
        #expect(throws: GraphvizError.self) { try Graphviz.validate(dot: "graph a { x } graph b { y }") }
        #expect((try? Graphviz.validate(dot: "graph c { z }")) != nil)
    }

    @Test("concurrent renders from several threads are serialised and all succeed")
    func concurrent() {
        let dot = DiagramBuilder.dot(for: awkwardNetwork())
        let results = ResultBox(count: 8)
        DispatchQueue.concurrentPerform(iterations: 8) { i in
            let engine: LayoutEngine = i % 2 == 0 ? .neato : .sfdp
            let ok =
                (try? Graphviz.render(dot: dot, engine: engine, format: i % 3 == 0 ? .png : .svg))?.data
                .isEmpty == false
            results.set(i, ok)
        }
        #expect(results.values.allSatisfy { $0 })
    }

    @Test("the demo network draws every actor and a legend entry for every type present")
    func demoDiagram() throws {
        let network = try DemoDataset.load().network
        let degree = Degree.partners(Graph(network)).map(Double.init)
        let dot = DiagramBuilder.dot(
            for: network, options: DiagramOptions(nodeMeasure: degree, measureName: "graad"))
        let texts = try #require(
            TextCollector.parse(try Graphviz.render(dot: dot, engine: .neato, format: .svg).data))
        for actor in network.actors { #expect(texts.contains(actor.name)) }
        for type in Set(network.actors.map(\.type)) {
            let label = network.vocabulary.actorType(named: type)!.label
            #expect(texts.contains { $0.hasPrefix(label) }, "legend lacks \(label)")
        }
    }
}

extension RenderingTests {
    @Test("every preset's SVG holds the whole drawing inside its viewBox", arguments: DiagramPreset.allCases)
    func svgViewBox(preset: DiagramPreset) throws {
        let network = try DemoDataset.load().network
        var options = DiagramOptions(nodeMeasure: nil, measureName: nil)
        options.preset = preset
        let svg = String(
            decoding: try Graphviz.render(
                dot: DiagramBuilder.dot(for: network, options: options), engine: .neato, format: .svg
            ).data, as: UTF8.self)
        func number(_ pattern: String) -> [Double] {
            guard let range = svg.range(of: pattern, options: .regularExpression) else { return [] }
            return svg[range].split(whereSeparator: { !"0123456789.-".contains($0) }).compactMap {
                Double($0)
            }
        }
        let box = number(#"viewBox="[^"]*""#)
        let scale = number(#"scale\([0-9.]+ [0-9.]+\)"#)
        // The background polygon spans the whole drawing, in drawing units before scaling.
        let polygon = number(#"points="[^"]*""#)
        try #require(box.count == 4 && scale.count == 2 && polygon.count >= 6)
        let xs = stride(from: 0, to: polygon.count, by: 2).map { polygon[$0] }
        let ys = stride(from: 1, to: polygon.count, by: 2).map { polygon[$0] }
        let drawnWidth = (xs.max()! - xs.min()!) * scale[0]
        let drawnHeight = (ys.max()! - ys.min()!) * scale[1]
        #expect(
            drawnWidth <= box[2] * 1.02 && drawnHeight <= box[3] * 1.02,
            "\(preset): \(box) vs \(drawnWidth)×\(drawnHeight)")
        #expect(drawnWidth >= box[2] * 0.9 || drawnHeight >= box[3] * 0.9, "\(preset): drawing fills the box")
    }
}

final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [Bool]
    init(count: Int) { storage = Array(repeating: false, count: count) }
    func set(_ i: Int, _ value: Bool) {
        lock.lock()
        storage[i] = value
        lock.unlock()
    }
    var values: [Bool] {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }
}
