import Foundation
import TestSupport
import Testing

@testable import NetGraph
@testable import NetGraphReports

@Suite("Network summary")
struct SummaryTests {
    @Test("the summary counts types and ranks by degree; JSON follows the contract")
    func summary() throws {
        let summary = NetworkSummary(sampleNetwork())
        #expect(summary.actors.first?.id == "g")
        #expect(summary.relationsByType.first { $0.type == "financiering" }?.totalWeight == 10)
        let json = summary.render(.json, language: "en")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect((object["network"] as? [String: Any])?["actors"] as? Int == 4)
        let actors = try #require(object["actors"] as? [[String: Any]])
        #expect(actors.first?["id"] as? String == "g")
        #expect(actors.first?["in_degree"] as? Int == 2)
        #expect((object["flags"] as? [Any])?.isEmpty == true)
    }
}
