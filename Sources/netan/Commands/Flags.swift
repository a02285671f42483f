import ArgumentParser
import Foundation
import NetGraph
import NetGraphReports

struct Flags: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Explain the balance of power: who dominates, who is sidelined (nl/en).",
        discussion: """
            Rules: dominant-broker, centralized-network, large-party-dominance, sidelined-group, isolated-actor, missing-answers, single-gatekeeper, funding-concentration, one-sided-dependence, fragmentation, perception-gap.
            Thresholds come from network.yaml (thresholds:) or --threshold.

            Examples:
              netan flags datasets/breda-illustratief --lang nl
              netan flags mijn-netwerk/ --permutations 1000 --seed 7 --format json
              netan flags mijn-netwerk/ --threshold dominant-broker.share=0.5 --lang en
            """)

    @Argument(help: "A network folder, or a .yaml/.json network file.")
    var path: String

    @Option(name: .shortAndLong, help: "Output format: table, csv, json or markdown.")
    var format: OutputFormat = .table

    @Option(
        name: [.customLong("lang"), .customLong("language")], help: "Language of the findings: nl or en.")
    var language: Language?

    @Option(help: "Seed for the tests and community detection.")
    var seed: UInt64 = 42

    @OptionGroup var power: PowerOptionGroup
    @OptionGroup var yearOptions: YearOptions

    func run() throws {
        let network = try loadNetwork(path, year: yearOptions.year)
        let options = try power.options(for: network, seed: seed)
        let analysis = PowerAnalysis(network, options: options)
        let language = language?.rawValue ?? network.metadata.language
        Console.output(FlagReport(power: analysis, language: language).render(format))
    }
}
