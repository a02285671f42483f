import ArgumentParser
import Foundation
import NetGraph
import NetGraphIO
import NetGraphRender

/// Language of text, legends and findings.
enum Language: String, ExpressibleByArgument, CaseIterable {
    case nl, en
}

extension OutputFormat: ExpressibleByArgument {}
extension LayoutEngine: ExpressibleByArgument {}
extension WeightMode: ExpressibleByArgument {}
extension NetworkFormat: ExpressibleByArgument {}
extension DiagramPreset: ExpressibleByArgument {}
extension DiagramLayout: ExpressibleByArgument {}
extension NodeSizeMeasure: ExpressibleByArgument {}
extension ActorMeasure: ExpressibleByArgument {}

struct OutputOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: "Output format: table, csv, json or markdown.")
    var format: OutputFormat = .table

    @Option(help: "Language of the text: nl or en (default: the network's own, else nl).")
    var language: Language?

    func language(for network: Network) -> String { language?.rawValue ?? network.metadata.language }
}

/// `--year Y`: one year (wave) of a network whose relations or actors carry several years.
struct YearOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Use one year (wave): the relations of that year and those without a year. Needed when the "
                + "network holds several years (a year column in relations.csv or actors.csv)."))
    var year: Int?
}

/// Which view of the network to analyse (`--relation`, `--weights`, sampling, threads).
struct ViewOptions: ParsableArguments {
    @Option(name: .customLong("relation"), help: "Only relations of this type (repeat for a set of layers).")
    var relations: [String] = []

    @Option(
        help: ArgumentHelp(
            "Weights: strength (tie strengths; distance = 1/weight on paths) or ignore. Default: strength "
                + "for one weighted relation type, ignore when the view mixes several (their units differ)."))
    var weights: WeightMode?

    @Option(help: "Estimate betweenness from K sampled sources (for very large networks).")
    var sample: Int?

    @Option(help: "Estimate betweenness within ±EPSILON (share of pairs), see --delta.")
    var epsilon: Double?

    @Option(help: "Failure probability for --epsilon (default 0.1).")
    var delta: Double = 0.1

    @Option(help: "Seed for sampling and community detection.")
    var seed: UInt64 = 42

    @Option(help: "Worker threads (default: all cores).")
    var threads: Int?

    func validate() throws {
        if let sample, sample < 1 { throw ValidationError("--sample must be at least 1.") }
        if let epsilon, !(epsilon > 0 && epsilon < 1) {
            throw ValidationError("--epsilon must lie between 0 and 1, e.g. 0.01.")
        }
        if !(delta > 0 && delta < 1) { throw ValidationError("--delta must lie between 0 and 1, e.g. 0.1.") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1.") }
    }

    /// Sets threads and progress, and builds the view (relation types checked against the
    /// network; nil `network` for edge lists, which have no relation types to choose).
    func makeView(for network: Network?) throws -> AnalysisView {
        if let threads { Parallel.threadCount = max(1, threads) }
        Netan.installProgress()
        var types: Set<String>? = nil
        if !relations.isEmpty {
            guard let network else {
                throw ValidationError(
                    "--relation needs a network with relation types; an edge list has none.")
            }
            var chosen = Set<String>()
            for name in relations {
                if let type = network.vocabulary.relationType(named: name) {
                    chosen.insert(type.name)
                } else if network.relations.contains(where: { $0.type == name }) {
                    chosen.insert(name)
                } else {
                    let known = Set(network.relations.map(\.type)).sorted().joined(separator: ", ")
                    throw ValidationError(
                        "The relation type \"\(name)\" does not occur in this network. "
                            + "Types present: \(known)."
                    )
                }
            }
            types = chosen
        }
        // Weights are comparable within one relation type only: without --weights the view is
        // the recommended one (unweighted when several types carry weights), with a note.
        var mode = weights ?? .strength
        if let network {
            let weighted = network.weightedRelationTypes(in: types)
            let list = weighted.joined(separator: ", ")
            let dutch = network.metadata.language != "en"
            if weights == nil {
                mode = AnalysisView.recommended(for: network, relationTypes: types).weights
                if mode == .ignore {
                    Console.error(
                        dutch
                            ? "let op: deze weergave bevat gewichten van meerdere relatietypen (\(list)) in "
                                + "verschillende eenheden; ze wordt zonder gewichten geanalyseerd. Kies één type met "
                                + "--relation om de gewichten te gebruiken."
                            : "note: this view holds weights of several relation types (\(list)) in different "
                                + "units; it is analysed without weights. Choose one type with --relation to use "
                                + "its weights.")
                }
            } else if weights == .strength && weighted.count > 1 {
                Console.error(
                    dutch
                        ? "waarschuwing: --weights strength telt gewichten van meerdere relatietypen (\(list)) "
                            + "op alsof ze één eenheid hebben; de uitkomst hangt af van hoe elk type telt."
                        : "warning: --weights strength adds weights of several relation types (\(list)) "
                            + "as if they were one unit; results depend on how each type is counted.")
            }
        }
        return AnalysisView(
            relationTypes: types, weights: mode, betweennessSample: sample,
            betweennessErrorBound: epsilon.map { AnalysisView.ErrorBound(epsilon: $0, delta: delta) },
            seed: seed)
    }
}

/// Settings of the power analysis (`netan flags`).
struct PowerOptionGroup: ParsableArguments {
    @Option(help: "Random graphs / label permutations for p-values (0 = no test).")
    var permutations: Int = 0

    @Option(name: .customLong("threshold"), help: "Override a threshold: rule.parameter=value (repeatable).")
    var thresholds: [String] = []

    @Option(
        name: .customLong("flow-relation"),
        help: "Relation type that carries money or resources (repeatable; default: financiering).")
    var flowRelations: [String] = []

    func validate() throws {
        _ = try parsedThresholds()
        if permutations < 0 { throw ValidationError("--permutations must be 0 or more.") }
    }

    func parsedThresholds() throws -> [String: Double] {
        var result: [String: Double] = [:]
        for entry in thresholds {
            let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let value = Double(parts[1]) else {
                throw ValidationError(
                    "Write --threshold as rule.parameter=value, e.g. dominant-broker.share=0.5.")
            }
            guard FlagThresholds.knownKeys.contains(parts[0]) else {
                throw ValidationError(
                    "Unknown threshold \"\(parts[0])\". "
                        + "Known: \(FlagThresholds.knownKeys.joined(separator: ", "))."
                )
            }
            result[parts[0]] = value
        }
        return result
    }

    /// The one place where the command line meets network.yaml: defaults, then the network's
    /// thresholds, then `--threshold`.
    func options(for network: Network, seed: UInt64) throws -> PowerOptions {
        do {
            return try PowerOptions(
                network: network, overrides: parsedThresholds(), permutations: permutations, seed: seed,
                flowRelationTypes: flowRelations.isEmpty ? nil : Set(flowRelations))
        } catch let error as UnknownThresholdError {
            throw ValidationError(error.description)
        } catch let error as InvalidThresholdError {
            throw ValidationError(error.description)
        }
    }
}
