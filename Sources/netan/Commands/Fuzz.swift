import ArgumentParser
import Foundation
import NetGraph
import NetGraphIO
import NetGraphRender

struct Fuzz: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Developer tool: feed mutated files to every reader for a while (a crash is a bug).",
        discussion: """
            Examples:
              netan fuzz Tests/TestSupport/Fixtures/fuzz-seeds --seconds 60 --seed 7
            """,
        shouldDisplay: false)

    @Argument(help: "Folder of seed files (one per format).") var seeds: String
    @Option(help: "How long to run.") var seconds: Double = 60
    @Option(help: "Seed of the mutations.") var seed: UInt64 = 1

    func run() throws {
        let folder = URL(fileURLWithPath: seeds)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().map {
            folder.appendingPathComponent($0)
        }
        let tried = Fuzzing.run(
            seeds: files, rounds: Int.max / 2, seed: seed, deadline: Date().addingTimeInterval(seconds),
            codecs: extraCodecs)
        Console.output("fuzz: \(tried) mutated inputs, no crash\n")
    }
}
