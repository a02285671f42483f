import ArgumentParser
import Foundation
import NetGraph

@main
struct Netan: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "netan",
        abstract: "Maps governance networks of the Dutch sociaal domein and shows who holds power in them.",
        discussion: """
            A network is a folder with network.yaml, actors.csv and relations.csv (or one .yaml/.json file).

            Examples:
              netan demo
              netan validate datasets/breda-illustratief
              netan analyze datasets/breda-illustratief --format markdown
              netan centrality datasets/breda-illustratief --measure betweenness --top 5
              netan render datasets/breda-illustratief -o breda.svg

            Exit codes: 0 success, 64 wrong usage, 65 invalid input data, 70 Graphviz failure, \
            73 output cannot be written.
            """,
        version: NetanVersion.string,
        subcommands: [
            Demo.self, Init.self, Analyze.self, Centrality.self, Flags.self, Render.self, Report.self,
            Compare.self, Diff.self, Generate.self, Convert.self, Survey.self, Validate.self, Serve.self,
            QAP.self,
            Fuzz.self,
        ]
    )

    /// Progress for long computations, on stderr when it is a terminal: percentage and an
    /// estimate of the time left.
    static func installProgress() {
        guard isatty(STDERR_FILENO) != 0 else { return }
        let start = Date()
        Parallel.progress = { task, fraction in
            let elapsed = Date().timeIntervalSince(start)
            let left = fraction > 0 ? elapsed * (1 - fraction) / fraction : 0
            let text = String(format: "\r%@: %3.0f%%, about %.0f s left   ", task, fraction * 100, left)
            FileHandle.standardError.write(Data((fraction >= 1 ? text + "\n" : text).utf8))
        }
    }
}
