import ArgumentParser
import Foundation
import NetGraph
import NetGraphIO
import NetGraphReports

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Write a report folder: index.html (offline), report.md, analysis.ipynb, tables/, figures/.",
        discussion: """
            The default folder is notebooks-out/<network-name>/ (with the year for one year of a
            network holding several); an earlier report there is replaced in one step.

            A network holding more than two years (a year column in relations.csv) is reported on
            its latest year, or the one given with --year, with a section on the trend: key figures
            of every year. With two years, choose one with --year (or use netan diff).

            Examples:
              netan report datasets/breda-illustratief
              netan report mijn-netwerk/ -o rapport/ --lang en
              netan report --compare 'datasets/regions/*/2024' -o vergelijking/
              netan report golven/                 # latest year, with the trend of all years
              netan report golven/ --year 2023
            """)

    @Argument(help: "A network (folder or file); with --compare, several.")
    var paths: [String]

    @Option(
        name: .shortAndLong,
        help: "Report folder (default: notebooks-out/<network-slug>, or notebooks-out/vergelijking).")
    var output: String?

    @Option(name: [.customLong("lang"), .customLong("language")], help: "Language: nl or en.")
    var language: Language?

    @Flag(
        help: ArgumentHelp(
            "One report comparing all given networks: table with ranks, small multiples, "
                + "findings per network."))
    var compare = false

    @OptionGroup var yearOptions: YearOptions

    func validate() throws {
        if paths.isEmpty { throw ValidationError("Give a network.") }
        if !compare && paths.count > 1 {
            throw ValidationError("Give one network, or add --compare for several.")
        }
    }

    func run() throws {
        if compare {
            let expanded = Glob.paths(paths)
            let analyses = try expanded.map {
                ($0, NetworkAnalysis(try loadNetwork($0, year: yearOptions.year)))
            }
            let folder = URL(fileURLWithPath: output ?? "notebooks-out/vergelijking")
            try OutputGuard.check(
                folder.path, inputs: expanded.flatMap(OutputGuard.inputs), replaceable: true)
            try writeReport(to: folder) {
                try ComparisonReport(analyses: analyses, language: language?.rawValue ?? "nl").write(to: $0)
            }
            Console.output("\(folder.path)/index.html\n")
            return
        }
        let path = paths[0]
        let loaded = try loadNetworkFile(path)
        let years = loaded.network.years
        // More than two years: the latest (or --year) with the trend; two: --year is needed.
        let showsTrend = years.count > 2
        let year: Int? = showsTrend ? (yearOptions.year ?? years[years.count - 1]) : yearOptions.year
        let network: Network
        do {
            network = try loaded.selecting(year: year, path: path)
        } catch let error as NetworkLoadError {
            try failLoading(error, path: path)
        }
        let reportLanguage = language?.rawValue ?? network.metadata.language
        if showsTrend && yearOptions.year == nil, let year {
            Console.error(
                reportLanguage == "en"
                    ? "netan: \(path) holds \(years.count) years; the report is about \(year), the latest, "
                        + "with the trend of every year (--year chooses another)."
                    : "netan: \(path) bevat \(years.count) jaren; het rapport gaat over \(year), het laatste, "
                        + "met de ontwikkeling over alle jaren (--year kiest een ander jaar).")
        }
        var name = network.metadata.name
        if years.count > 1, let year { name += " \(year)" }  // one folder per year
        let folder = URL(fileURLWithPath: output ?? "notebooks-out/" + Slug.make(name))
        try OutputGuard.check(folder.path, inputs: OutputGuard.inputs(of: path), replaceable: true)
        let analysis = NetworkAnalysis(network)
        var builder = ReportBuilder(analysis, language: reportLanguage, inputDescription: path)
        if showsTrend, let year {
            let waves = years.map { each in
                (year: each, analysis: each == year ? analysis : NetworkAnalysis(loaded.network.wave(each)))
            }
            builder.trend = WaveTrend(
                waves, reportedYear: year, relationsWithoutYear: loaded.network.relationsWithoutYear)
        }
        try writeReport(to: folder) { try builder.write(to: $0) }
        Console.output("\(folder.path)/index.html\n")
    }
}
