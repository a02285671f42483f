import Foundation
import NetGraph

/// Where a year first appears in the input: the file, the line, and whether a relation or an
/// actor carries it there.
public struct YearPlace: Sendable, Hashable {
    /// The year.
    public var year: Int
    /// The file as the reader named it (`relations.csv` of a folder, the document, a sheet).
    public var file: String
    /// 1-based line (row, item) in `file`; nil when the format has none.
    public var line: Int?
    /// True when a relation carries the year here, false when an actor does.
    public var isRelation: Bool

    /// A place of `year` in `file` at `line`.
    public init(year: Int, file: String, line: Int?, isRelation: Bool) {
        self.year = year
        self.file = file
        self.line = line
        self.isRelation = isRelation
    }
}

/// Choosing a wave of a network that holds several years (see `Network.wave(_:)`), with the
/// refusals the command line shows: several years and none chosen, or a year that is not there.
extension LoadedNetwork {
    /// The network to analyse: the wave of `year`, or the whole network when no year is given.
    ///
    /// A network whose relations or actors carry two or more years is never analysed as one:
    /// without `year` it is refused (unless `refuseSeveralYears` is false, for checking and
    /// converting), naming the file and line where the second year first appears, the years,
    /// and what to do. A `year` the network does not hold is refused with the list of its years;
    /// a network without years accepts only the year of its metadata (and is then returned whole).
    ///
    /// - Parameters:
    ///   - year: the year asked for (`--year`); nil: none.
    ///   - path: the path as the user gave it, for the messages.
    ///   - refuseSeveralYears: whether a network of several years without `year` is refused.
    /// - Throws: ``NetworkLoadError`` with one diagnostic, in the network's language.
    public func selecting(year: Int?, path: String, refuseSeveralYears: Bool = true) throws -> Network {
        let years = network.years
        guard let year else {
            if refuseSeveralYears && years.count > 1 { throw severalYearsError(path: path) }
            return network
        }
        if years.contains(year) { return network.wave(year) }
        if years.isEmpty && network.metadata.year == year { return network }
        throw unknownYearError(year, path: path)
    }

    /// Every wave of the network, oldest first, for `netan compare PATH --years`.
    ///
    /// - Throws: ``NetworkLoadError`` when no relation or actor carries a year.
    public func waves(path: String) throws -> [(year: Int, network: Network)] {
        let waves = network.waves()
        if waves.isEmpty {
            throw NetworkLoadError(
                [
                    Diagnostic(
                        .error, file: path,
                        "No relation or actor carries a year, so there are no years to compare.",
                        hint: "Add a year column to relations.csv (one row per relation and year).",
                        nl: "Geen relatie of actor heeft een jaar, dus er zijn geen jaren om te vergelijken.",
                        hintNL: "Voeg een kolom jaar toe aan relations.csv (één rij per relatie en jaar).")
                ], language: network.metadata.language)
        }
        return waves
    }

    /// The refusal of a network of several years analysed without `--year`.
    public func severalYearsError(path: String) -> NetworkLoadError {
        let years = network.years
        let list = years.map(String.init).joined(separator: ", ")
        let latest = years.last.map(String.init) ?? "2024"
        let quoted = LoadedNetwork.shellQuoted(path)
        var english = "This network holds \(years.count) years (\(list))"
        var dutch = "Dit netwerk bevat \(years.count) jaren (\(list))"
        if let place = secondYear, place.line != nil {
            english +=
                "; this line holds the first \(place.isRelation ? "relation" : "actor") of \(place.year)"
            dutch +=
                "; op deze regel staat de eerste \(place.isRelation ? "relatie" : "actor") van \(place.year)"
        }
        english += ". netan analyses one year at a time and never adds years together."
        dutch += ". netan analyseert één jaar tegelijk en telt jaren nooit bij elkaar op."
        return NetworkLoadError(
            [
                Diagnostic(
                    .error, file: secondYear?.file ?? path, line: secondYear?.line, english,
                    hint:
                        "Choose one with --year \(latest), or compare them: netan compare \(quoted) --years.",
                    nl: dutch,
                    hintNL:
                        "Kies er één met --year \(latest), of vergelijk ze: netan compare \(quoted) --years.")
            ], language: network.metadata.language)
    }

    /// The refusal of a year the network does not hold.
    func unknownYearError(_ year: Int, path: String) -> NetworkLoadError {
        let years = network.years
        let diagnostic: Diagnostic
        if years.isEmpty {
            let named = network.metadata.year.map { " (network.yaml names \($0))" } ?? ""
            let namedNL = network.metadata.year.map { " (network.yaml noemt \($0))" } ?? ""
            diagnostic = Diagnostic(
                .error, file: path,
                "The year \(year) was asked for, but no relation or actor carries a year\(named).",
                hint: "Leave out --year, or add a year column to relations.csv.",
                nl:
                    "Er is gevraagd om het jaar \(year), maar geen relatie of actor heeft een jaar\(namedNL).",
                hintNL: "Laat --year weg, of voeg een kolom jaar toe aan relations.csv.")
        } else {
            let list = years.map(String.init).joined(separator: ", ")
            diagnostic = Diagnostic(
                .error, file: path, "The year \(year) does not occur in this network; its years are \(list).",
                hint: "Choose one of them with --year.",
                nl: "Het jaar \(year) komt niet voor in dit netwerk; de jaren zijn \(list).",
                hintNL: "Kies er één van met --year.")
        }
        return NetworkLoadError([diagnostic], language: network.metadata.language)
    }

    /// `path` as a shell word: unchanged when it holds only safe characters, else in single quotes.
    package static func shellQuoted(_ path: String) -> String {
        let safe = CharacterSet(
            charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/._-+:,=@%")
        if !path.isEmpty && path.unicodeScalars.allSatisfy({ safe.contains($0) }) { return path }
        return "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
