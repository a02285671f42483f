import Foundation
import TestSupport
import Testing

@testable import NetGraph
@testable import NetGraphIO
@testable import NetGraphRender
@testable import NetGraphReports

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("The change diagram of netan diff")
struct DiffDiagramTests {
    /// Oost in 2023 and 2024: one tie added (to a new actor), one removed, one stronger, one
    /// weaker, three unchanged; money in "mln euro".
    func pair() -> NetworkDiff {
        var vocabulary = Vocabulary.standard
        vocabulary.define(
            RelationType(name: "financiering", directed: true, weightMeaning: "bedrag", unit: "mln euro"))
        var before = Network(metadata: NetworkMetadata(name: "Oost 2023"), vocabulary: vocabulary)
        var after = Network(metadata: NetworkMetadata(name: "Oost 2024"), vocabulary: vocabulary)
        let actors = [
            Actor(id: "g", name: "Gemeente Oost", type: "gemeente"),
            Actor(id: "a", name: "Aanbieder A", type: "zorgaanbieder"),
            Actor(id: "b", name: #"Welzijn "Noord" <&> \N"#, type: "welzijnsorganisatie"),
            Actor(id: "c", name: "Cliëntenraad", type: "clientorganisatie"),
            Actor(id: "d", name: "Wijkteam Zuid", type: "wijkteam"),
        ]
        for actor in actors {
            before.add(actor)
            after.add(actor)
        }
        after.add(Actor(id: "n", name: "Nieuwe aanbieder", type: "zorgaanbieder"))
        func tie(_ source: String, _ target: String, _ type: String, _ weight: Double, directed: Bool = true)
            -> Relation
        {
            Relation(source: source, target: target, type: type, weight: weight, directed: directed)
        }
        let unchanged = [
            tie("a", "b", "samenwerking", 2, directed: false), tie("c", "g", "vertegenwoordiging", 1),
            tie("d", "a", "samenwerking", 1, directed: false),
        ]
        let changing = [
            tie("g", "a", "financiering", 4), tie("g", "b", "financiering", 10), tie("g", "d", "contract", 2),
        ]
        let changed = [
            tie("g", "a", "financiering", 6), tie("g", "b", "financiering", 7), tie("g", "n", "contract", 3),
        ]
        for relation in unchanged + changing { before.add(relation) }
        for relation in unchanged + changed { after.add(relation) }
        return NetworkDiff(old: NetworkAnalysis(before), new: NetworkAnalysis(after))
    }

    func count(_ part: String, in text: String) -> Int { text.components(separatedBy: part).count - 1 }

    @Test("one drawn element per change, unchanged ties faded, changes in words, names escaped")
    func classes() throws {
        let diff = pair()
        let positions = try diff.diagramPositions(oldPositions: try diff.oldPositions())
        let dot = diff.diagram(positions: positions, language: "nl")
        let changes = NetworkDiff.TieChange.allCases.filter { $0 != .unchanged }
        for change in changes {
            #expect(count("class=\"\(change.svgClass)\"", in: dot) == 1, "\(change)")
        }
        #expect(count("class=\"actor-added\"", in: dot) == 1)
        #expect(count("class=\"actor-removed\"", in: dot) == 0)
        let faded = dot.split(separator: "\n").filter { $0.contains("class=\"unchanged\"") }
        #expect(faded.count == 3)
        #expect(faded.allSatisfy { $0.contains("color=\"#D4D4D4\"") && $0.contains("penwidth=0.7") })
        #expect(faded.allSatisfy { $0.contains("(ongewijzigd)") })
        #expect(dot.contains("▲ Gemeente Oost → Aanbieder A: financiering 4 → 6 mln euro (+50%)"))
        #expect(dot.contains("financiering 10 → 7 mln euro (−30%)"))
        #expect(dot.contains("+ Gemeente Oost → Nieuwe aanbieder: contract 3 (nieuw)"))
        #expect(dot.contains("− Gemeente Oost → Wijkteam Zuid: contract 2 (verdwenen)"))
        #expect(dot.contains("xlabel=\"+ Nieuwe aanbieder\""))
        #expect(dot.contains("Wat is er veranderd: Oost 2023 → Oost 2024"))
        #expect(dot.contains("1 relatie erbij, 1 weg, 1 sterker, 1 zwakker · 1 actor erbij, 0 weg"))
        // The quote and the backslash of a name stay literal text.
        #expect(dot.contains(#"xlabel="Welzijn \"Noord\" <&> \\N""#))

        // The SVG has the same: Graphviz writes "-" in attributes as "&#45;".
        let rendered = try Graphviz.render(dot: dot, engine: .neato, format: .svg).data
        let svg = String(decoding: rendered, as: UTF8.self).replacingOccurrences(of: "&#45;", with: "-")
        for change in changes {
            #expect(count("class=\"edge \(change.svgClass)\"", in: svg) == 1, "\(change)")
        }
        #expect(count("class=\"edge unchanged\"", in: svg) == 3)
        #expect(count("class=\"node actor-added\"", in: svg) == 1)
        let texts = try #require(TextCollector.parse(rendered))
        #expect(texts.contains(#"Welzijn "Noord" <&> \N"#))
        #expect(texts.contains("+ Nieuwe aanbieder"))
    }

    @Test("unchanged actors keep the old network's places; the new actor gets a free place near them")
    func positions() throws {
        let diff = pair()
        let old = try diff.oldPositions()
        #expect(Set(old.keys) == ["g", "a", "b", "c", "d"])
        let positions = try diff.diagramPositions(oldPositions: old)
        for (id, point) in old {
            let kept = try #require(positions[id])
            #expect(kept.0 == point.0 && kept.1 == point.1, "\(id)")
        }
        let added = try #require(positions["n"])
        #expect(old.values.allSatisfy { hypot($0.0 - added.0, $0.1 - added.1) >= 40 - 1e-9 })
        // Drawn, Graphviz may move the whole picture, never one pinned actor against the others.
        let ids = diff.diagramActorIDs
        #expect(ids == ["g", "a", "b", "c", "d", "n"])
        let placed = try StableLayout.positions(
            dot: diff.diagram(positions: positions, language: "nl"), engine: .neato)
        var pinned: [Int: (Double, Double)] = [:]
        for (i, id) in ids.enumerated() { pinned[i] = positions[id] }
        let shift = StableLayout.offset(pinned: pinned, placed: placed)
        for (i, id) in ids.enumerated() {
            let drawn = try #require(placed[i])
            let wanted = try #require(positions[id])
            #expect(
                abs(drawn.0 - shift.0 - wanted.0) < 0.5 && abs(drawn.1 - shift.1 - wanted.1) < 0.5, "\(id)")
        }
    }

    @Test("above 40 actors only the actors at a change are named on the picture; English")
    func large() throws {
        var before = Network(metadata: NetworkMetadata(name: "Ring 2023"))
        for k in 0..<45 { before.add(Actor(id: "p\(k)", name: "Partij \(k)", type: "overig")) }
        for k in 0..<45 {
            before.add(
                Relation(source: "p\(k)", target: "p\((k + 1) % 45)", type: "overleg", directed: false))
        }
        var after = before
        after.metadata.name = "Ring 2024"
        after.add(Relation(source: "p0", target: "p20", type: "overleg", directed: false))
        let diff = NetworkDiff(old: NetworkAnalysis(before), new: NetworkAnalysis(after), language: "en")
        let dot = diff.diagram(positions: try diff.oldPositions(), language: "en")
        let named = dot.split(separator: "\n").filter { $0.contains("xlabel=") }
        #expect(named.count == 2)
        #expect(dot.contains("xlabel=\"Partij 0\"") && dot.contains("xlabel=\"Partij 20\""))
        #expect(dot.contains("tooltip=\"Partij 7 (overig)\\nunchanged\""))
        #expect(dot.contains("What changed: Ring 2023 → Ring 2024"))
        #expect(dot.contains("1 relation added, 0 removed, 0 stronger, 0 weaker · 0 actors added, 0 removed"))
        #expect(dot.contains("names in the tooltip"))
        #expect(count("class=\"change-added\"", in: dot) == 1 && count("class=\"unchanged\"", in: dot) == 45)
        // Every actor pinned, none placed anew: the picture renders.
        let svg = try Graphviz.render(dot: dot, engine: .neato, format: .svg).data
        #expect(TextCollector.parse(svg) != nil)
    }
}
