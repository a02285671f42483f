import Foundation
import Testing

@testable import NetGraph

/// The reference values once more, read through `CentralityAnalysis`, the object that the
/// power analysis, the reports and the command line use (the other suite calls the kernels).
/// Every metric in a fixture is either compared or named below as checked elsewhere; a value
/// that is undefined in the reference (null) must be NaN here, with a reason.
@Suite("Reference values through the analysis object")
struct AnalysisReferenceTests {
    /// Fixture metrics that are not a measure of the analysis object, and where they are checked.
    static let checkedElsewhere: Set<String> = [
        "modularity_louvain_networkx", "modularity_leiden_igraph",  // floors in ReferenceMeasureTests
    ]

    /// Network measures netan defines only on unweighted views. Freeman's closeness
    /// centralization divides by the value of a star with unit distances; the reference
    /// files apply the formula to weighted closeness as a formula check only.
    static let unweightedOnly: Set<NetworkMeasure> = [.closenessCentralization]

    /// The fixture as a network: actors by id, each edge one relation of type "x".
    static func network(_ fixture: ReferenceFixture) -> Network {
        var network = Network(metadata: NetworkMetadata(name: fixture.name))
        for id in fixture.nodes { network.add(Actor(id: id, type: "overig")) }
        for (source, target, weight) in fixture.edges {
            network.add(
                Relation(
                    source: fixture.nodes[Int(source)], target: fixture.nodes[Int(target)], type: "x",
                    weight: weight, directed: fixture.directed))
        }
        return network
    }

    @Test("every per-actor and network value matches the peers", arguments: ReferenceFixture.all)
    func throughAnalysis(fixture: ReferenceFixture) throws {
        let network = Self.network(fixture)
        let view = AnalysisView(weights: fixture.weighted ? .strength : .ignore)
        let analysis = CentralityAnalysis(network, view: view)
        var compared = 0
        for (metric, expected) in fixture.nodeMetrics.sorted(by: { $0.key < $1.key }) {
            let measure = try #require(
                ActorMeasure(rawValue: metric), "\(fixture.name): no measure \(metric)")
            #expect(analysis.has(measure), "\(fixture.name): \(metric) not computed")
            for (i, value) in expected.enumerated() {
                let actual = analysis[measure, actor: i]
                if let value {
                    compared += 1
                    #expect(
                        close(actual, value),
                        "\(fixture.name) \(metric) \(fixture.nodes[i]): netan \(actual), reference \(value)")
                } else {
                    // Undefined for the peers: netan leaves it undefined (NaN) or gives the
                    // value its iteration reaches together with a note on how to read it.
                    #expect(
                        actual.isNaN || analysis.actorNotes[measure] != nil,
                        "\(fixture.name) \(metric): reference undefined, netan \(actual) without a note")
                    if actual.isNaN {
                        #expect(
                            analysis.actorNotes[measure] != nil, "\(fixture.name) \(metric): NaN, no reason")
                    }
                }
            }
        }
        for (metric, expected) in fixture.graphMetrics.sorted(by: { $0.key < $1.key }) {
            if Self.checkedElsewhere.contains(metric) { continue }
            let measure = try #require(
                NetworkMeasure(rawValue: metric), "\(fixture.name): no measure \(metric)")
            let actual = analysis[measure]
            if let expected, fixture.weighted, Self.unweightedOnly.contains(measure) {
                // Deliberate difference: undefined here, with the reason.
                _ = expected
                #expect(actual.isNaN && analysis.undefinedReason(measure) != nil, "\(fixture.name) \(metric)")
            } else if let expected {
                compared += 1
                #expect(
                    close(actual, expected),
                    "\(fixture.name) \(metric): netan \(actual), reference \(expected)")
            } else {
                #expect(actual.isNaN, "\(fixture.name) \(metric): reference undefined, netan \(actual)")
                #expect(
                    analysis.undefinedReason(measure) != nil, "\(fixture.name) \(metric): NaN without reason")
            }
        }
        #expect(compared > 10 * fixture.nodes.count / 2)
    }
}
