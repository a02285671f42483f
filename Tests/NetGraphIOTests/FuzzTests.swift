import Foundation
import TestSupport
import Testing

@testable import NetGraph
@testable import NetGraphIO

@Suite("Fuzzing the readers (seeded, bounded)", .serialized)
struct FuzzTests {
    /// Seed 20261123 found a trap in Foundation's XML parser on Linux (invalid UTF-8 inside an
    /// attribute); the same rounds are kept as the regression test.
    @Test("mutated inputs of every format never crash a reader")
    func fuzz() throws {
        let directory = fixtures.appendingPathComponent("fuzz-seeds")
        let seeds = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted().map {
            directory.appendingPathComponent($0)
        }
        #expect(seeds.count >= 9)
        let tried = Fuzzing.run(seeds: seeds, rounds: 40, seed: 20261123)
        #expect(tried == seeds.count * 40)
    }
}
