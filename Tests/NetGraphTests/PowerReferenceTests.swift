import Foundation
import TestSupport
import Testing

@testable import NetGraph
@testable import NetGraphIO

/// Power-measure fixtures (Fixtures/power/README.md): brokerage computed by R sna 2.7-1
/// itself; constraint, effective size, dependence, HHI and fragmentation in exact rational
/// arithmetic, cross-checked with networkx (per node) and igraph.
struct PowerFixture: Sendable, CustomStringConvertible {
    let name: String
    let object: [String: AnyJSON]
    var description: String { name }

    static let directory = fixtures.appendingPathComponent("power")

    static func all(having key: String) -> [PowerFixture] {
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter {
            $0.hasPrefix("power_") && $0.hasSuffix(".json")
        }.sorted()
        return files.compactMap { file in
            let object =
                try! JSONSerialization.jsonObject(
                    with: Data(contentsOf: directory.appendingPathComponent(file))) as! [String: Any]
            guard object[key] != nil || (object["node_metrics"] as? [String: Any])?[key] != nil else {
                return nil
            }
            return PowerFixture(name: file, object: object.mapValues(AnyJSON.init))
        }
    }

    var nodes: [String] { (object["nodes"]!.value as! [Any]).map { "\($0)" } }
    var directed: Bool { object["directed"]!.value as! Bool }
    var weighted: Bool { object["weighted"]!.value as! Bool }

    func graph(weighted useWeights: Bool) -> Graph {
        let index = Dictionary(uniqueKeysWithValues: nodes.enumerated().map { ($1, Int32($0)) })
        var arcs: [(Int32, Int32, Double)] = []
        for e in object["edges"]!.value as! [[Any]] {
            let u = index["\(e[0])"]!
            let v = index["\(e[1])"]!
            let w = useWeights ? ((e.count > 2 ? e[2] as? Double : nil) ?? 1) : 1
            arcs.append((u, v, w))
            if !directed { arcs.append((v, u, w)) }
        }
        return Graph(
            nodeCount: nodes.count, arcs: arcs, isDirected: directed,
            weights: useWeights ? .strength : .ignore)
    }

    func nodeMetric(_ key: String) -> [String: Any]? {
        (object["node_metrics"]?.value as? [String: Any])?[key] as? [String: Any]
    }
}

/// A JSON value that is Sendable (fixtures are read-only).
struct AnyJSON: @unchecked Sendable {
    let value: Any
    init(_ value: Any) { self.value = value }
}

@Suite("Power measures against R sna and exact references")
struct PowerReferenceTests {
    @Test("fixtures are present")
    func present() {
        #expect(PowerFixture.all(having: "brokerage").count >= 4)
        #expect(PowerFixture.all(having: "constraint").count >= 4)
    }

    @Test(
        "Gould–Fernandez brokerage: raw, expectation, sd and z equal R sna's",
        arguments: PowerFixture.all(having: "brokerage"))
    func brokerage(fixture: PowerFixture) throws {
        let groupsByNode = fixture.object["groups"]!.value as! [String: String]
        var groupIndex: [String: Int] = [:]
        let groups = fixture.nodes.map { node -> Int in
            let g = groupsByNode[node]!
            if let i = groupIndex[g] { return i }
            groupIndex[g] = groupIndex.count
            return groupIndex.count - 1
        }
        let result = Brokerage.compute(fixture.graph(weighted: false), groups: groups)
        let reference =
            (fixture.object["brokerage"]!.value as! [String: Any])["node"]
            as! [String: [String: [String: Any]]]
        for (i, node) in fixture.nodes.enumerated() {
            for role in Brokerage.Role.allCases {
                let expected = reference[node]![role.rawValue]!
                let score = result.scores[i][role]!
                #expect(
                    score.raw == (expected["raw"] as! NSNumber).doubleValue,
                    "\(fixture.name) \(node) \(role) raw")
                #expect(
                    close(score.expected, (expected["exp"] as! NSNumber).doubleValue, relative: 1e-12),
                    "\(fixture.name) \(node) \(role) exp")
                #expect(
                    close(
                        score.standardDeviation, (expected["sd"] as! NSNumber).doubleValue, relative: 1e-12),
                    "\(fixture.name) \(node) \(role) sd")
                if let z = expected["z"] as? NSNumber {
                    #expect(
                        score.z != nil && close(score.z!, z.doubleValue, relative: 1e-12),
                        "\(fixture.name) \(node) \(role) z")
                } else {
                    #expect(score.z == nil, "\(fixture.name) \(node) \(role) z should be undefined")
                }
            }
        }
    }

    @Test(
        "Burt constraint and effective size (correct per-node formula)",
        arguments: PowerFixture.all(having: "constraint"))
    func structuralHoles(fixture: PowerFixture) throws {
        let holes = StructuralHoles.compute(fixture.graph(weighted: fixture.weighted))
        for (key, values) in [("constraint", holes.constraint), ("effective_size", holes.effectiveSize)] {
            let reference = try #require(fixture.nodeMetric(key))
            for (i, node) in fixture.nodes.enumerated() {
                if let v = reference[node] as? NSNumber {
                    #expect(
                        values[i] != nil && close(values[i]!, v.doubleValue, relative: 1e-12),
                        "\(fixture.name) \(key) \(node): \(String(describing: values[i])) vs \(v)")
                } else {
                    #expect(values[i] == nil, "\(fixture.name) \(key) \(node) should be undefined")
                }
            }
        }
    }

    @Test(
        "Emerson dependence, imbalance, mutual dependence and HHI of flows",
        arguments: PowerFixture.all(having: "dependence"))
    func dependence(fixture: PowerFixture) throws {
        let flows = FlowAnalysis(fixture.graph(weighted: true))
        let nodes = fixture.nodes
        let dependence = fixture.object["dependence"]!.value as! [String: Any]
        let d = dependence["D"] as! [String: [String: NSNumber]]
        let pi = dependence["PI"] as! [String: [String: NSNumber]]
        for (j, row) in d {
            for (i, value) in row {
                #expect(
                    close(
                        flows.dependence(of: nodes.firstIndex(of: j)!, on: nodes.firstIndex(of: i)!),
                        value.doubleValue, relative: 1e-12), "D(\(j) on \(i))")
            }
        }
        for (i, row) in pi {
            for (j, value) in row {
                #expect(
                    close(
                        flows.powerImbalance(of: nodes.firstIndex(of: i)!, over: nodes.firstIndex(of: j)!),
                        value.doubleValue, relative: 1e-12), "PI(\(i) over \(j))")
            }
        }
        let maxDependence = try #require(fixture.nodeMetric("max_dependence"))
        let partner = try #require(fixture.nodeMetric("max_dependence_partner"))
        for (k, node) in nodes.enumerated() {
            if let v = maxDependence[node] as? NSNumber {
                let mine = try #require(flows.largestDependence(of: k))
                #expect(close(mine.share, v.doubleValue, relative: 1e-12))
                #expect(nodes[mine.partner] == partner[node] as? String, "\(node) partner")
            } else {
                #expect(flows.largestDependence(of: k) == nil)
            }
        }
        let hhi = fixture.object["hhi"]!.value as! [String: [String: Any]]
        for (k, node) in nodes.enumerated() {
            for (direction, concentration) in [
                ("inflow", flows.inflowConcentration(k)), ("outflow", flows.outflowConcentration(k)),
            ] {
                if let v = hhi[direction]?[node] as? NSNumber {
                    #expect(
                        concentration != nil && close(concentration!.hhi, v.doubleValue, relative: 1e-12),
                        "\(direction) HHI \(node)")
                    let normalized = hhi[direction + "_normalized"]?[node] as? NSNumber
                    #expect(
                        concentration?.normalized.map {
                            close($0, normalized?.doubleValue ?? .nan, relative: 1e-12)
                        } ?? (normalized == nil), "\(direction) normalised \(node)")
                } else {
                    #expect(concentration == nil, "\(direction) HHI \(node) should be undefined")
                }
            }
        }
    }

    @Test(
        "Borgatti fragmentation of the whole and after removing each actor",
        arguments: PowerFixture.all(having: "fragmentation_after_removal"))
    func fragmentation(fixture: PowerFixture) throws {
        let graph = fixture.graph(weighted: false)
        if let metrics = fixture.object["graph_metrics"]?.value as? [String: Any],
            let f = metrics["fragmentation"] as? NSNumber
        {
            let mine = Inequality.fragmentation(graph)
            #expect(close(mine.fragmentation, f.doubleValue, relative: 1e-12, absolute: 1e-12))
            #expect(
                close(
                    mine.distanceFragmentation, (metrics["distance_fragmentation"] as! NSNumber).doubleValue,
                    relative: 1e-12))
        }
        let after = try #require(fixture.nodeMetric("fragmentation_after_removal"))
        let distanceAfter = fixture.nodeMetric("distance_fragmentation_after_removal")
        for (i, node) in fixture.nodes.enumerated() {
            guard let v = after[node] as? NSNumber else { continue }
            #expect(
                close(
                    Inequality.componentFragmentation(graph, removing: i), v.doubleValue, relative: 1e-12,
                    absolute: 1e-12), "\(fixture.name) F without \(node)")
            if let dv = distanceAfter?[node] as? NSNumber {
                #expect(
                    close(
                        Inequality.fragmentation(graph, removing: i).distanceFragmentation, dv.doubleValue,
                        relative: 1e-12), "\(fixture.name) DF without \(node)")
            }
        }
    }
}
