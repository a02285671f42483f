import Foundation
import NetGraph

/// One actor or relation as read from a file, before validation: raw text by field, plus
/// the other columns, and the line it came from.
package struct RawRecord<Field: Hashable> {
    package var line: Int
    package var values: FieldValues<Field>
    package var attributes: [String: String]
}

extension RawRecord: Sendable where Field: Sendable {}
extension FieldValues: Sendable where Field: Sendable {}

/// The records of one input, as `NetworkBuilder` reads them: for each, its line, the raw
/// (untrimmed) text of each known field and the other columns. A CSV table serves them
/// straight from its bytes (`CSVRecords`); the other readers from a list of `RawRecord`s.
package protocol RecordSource<Field>: Sendable {
    associatedtype Field: Hashable & Sendable
    /// Number of records.
    var count: Int { get }
    /// The line record `index` comes from.
    func line(_ index: Int) -> Int
    /// The text of `field` in record `index`; nil when the record has no such column.
    func text(_ index: Int, _ field: Field) -> String?
    /// The other columns of record `index` that are not empty, by header as written.
    func attributes(_ index: Int) -> [String: String]
    /// The UTF-8 bytes of `field` in record `index` when the source keeps them in memory that
    /// lives as long as it does (a CSV table); nil otherwise (then read `text`).
    func bytes(_ index: Int, _ field: Field) -> UnsafeBufferPointer<UInt8>?
}

/// A list of `RawRecord`s as a `RecordSource`.
struct RawRecordList<Field: Hashable & Sendable>: RecordSource {
    var records: [RawRecord<Field>]
    init(_ records: [RawRecord<Field>]) { self.records = records }
    var count: Int { records.count }
    func line(_ index: Int) -> Int { records[index].line }
    func text(_ index: Int, _ field: Field) -> String? { records[index].values[field] }
    func attributes(_ index: Int) -> [String: String] { records[index].attributes }
    func bytes(_ index: Int, _ field: Field) -> UnsafeBufferPointer<UInt8>? { nil }
}

/// The known fields of one record, by field: a few (field, text) pairs searched in order. A
/// record has at most seven known fields, so a linear search beats hashing, and one small array
/// per row is all it allocates (a dictionary per row took a fifth of the time of reading a
/// 200,000-relation folder).
package struct FieldValues<Field: Hashable>: ExpressibleByDictionaryLiteral {
    private var pairs: [(field: Field, text: String)] = []

    /// No values.
    package init() {}

    /// Room for `capacity` values without growing.
    package init(minimumCapacity capacity: Int) { pairs.reserveCapacity(capacity) }

    /// The given values (a later duplicate field replaces an earlier one).
    package init(dictionaryLiteral elements: (Field, String)...) {
        for (field, text) in elements { self[field] = text }
    }

    /// The text of `field`, or nil when the record does not have it; setting nil removes it.
    package subscript(field: Field) -> String? {
        get {
            for pair in pairs where pair.field == field { return pair.text }
            return nil
        }
        set {
            if let k = pairs.firstIndex(where: { $0.field == field }) {
                if let newValue { pairs[k].text = newValue } else { pairs.remove(at: k) }
            } else if let newValue {
                pairs.append((field, newValue))
            }
        }
    }
}

/// Turns raw records into a `Network`, checking everything and reporting every problem
/// with its file and line. Shared by the CSV folder reader and the YAML/JSON reader, so
/// both give the same messages.
struct NetworkBuilder {
    var network: Network
    var log = DiagnosticLog()
    /// Numbers use a decimal comma (`;`/tab-separated files).
    var decimalComma = false
    /// The line of each actor added, by its index in the network.
    private var actorLines: [Int] = []
    /// Per year, in order of first appearance: the file and line of the first actor carrying it.
    private var actorYears: [YearPlace] = []
    /// Per year, in order of first appearance: the file and line of the first relation carrying it.
    private var relationYears: [YearPlace] = []

    /// Where a second year first appears: the first relation whose year differs from the first
    /// relation's; else the first actor whose year differs from the first actor's; else, when
    /// actors and relations each carry one year and they differ, the first relation of its year.
    var secondYear: YearPlace? {
        if relationYears.count > 1 { return relationYears[1] }
        if actorYears.count > 1 { return actorYears[1] }
        if let relation = relationYears.first, let actor = actorYears.first, relation.year != actor.year {
            return relation
        }
        return nil
    }

    /// Reads a year cell: a whole number, or an error naming file and line (nil).
    private func year(_ text: String, file: String, line: Int, log: inout DiagnosticLog) -> Int? {
        if let value = Int(text.trimmedSpaces) { return value }
        log.error(
            file, line, "The year \"\(text)\" is not a whole number.",
            hint: "Write the year as four digits, e.g. 2024.",
            nl: "Het jaar \"\(text)\" is geen geheel getal.",
            hintNL: "Schrijf het jaar in vier cijfers, bijvoorbeeld 2024.")
        return nil
    }

    init(metadata: NetworkMetadata, vocabulary: Vocabulary) {
        network = Network(metadata: metadata, vocabulary: vocabulary)
    }

    /// Values of this file whose reading depends on the separator convention and that the
    /// rest of the file settles (e.g. "1.250" = 1250 in a file that writes "0,6").
    private var settled: [String: Double] = [:]

    private func number(_ text: String) -> Double? {
        settled[text] ?? NumberParsing.parse(text, decimalComma: decimalComma)
    }

    /// Checks the numbers of one file before reading it. In a `;`- or tab-separated file a
    /// value such as "1.250" or "1,250" means 1.25 or 1250 depending on the convention. The
    /// rest of the file decides: "1.250" is 1250 when the file otherwise writes decimal commas
    /// or thousands dots and no decimal point; "1,250" is 1.25 unless the file elsewhere uses a
    /// decimal point. Any other case is an error naming file, line, column and both readings:
    /// a thousand-fold mistake in a budget is never read silently. Comma-separated files use a
    /// decimal point throughout and need no check.
    mutating func checkNumbers<Records: RecordSource>(
        _ records: Records, fields: [(Records.Field, String)], file: String
    ) {
        settled = [:]
        guard decimalComma else { return }
        var evidence = Set<NumberParsing.Evidence>()
        for index in 0..<records.count {
            for (field, _) in fields {
                if let text = nonEmpty(records.text(index, field)), let e = NumberParsing.evidence(text) {
                    evidence.insert(e)
                }
            }
        }
        for index in 0..<records.count {
            for (field, column) in fields {
                guard let text = nonEmpty(records.text(index, field)), let r = NumberParsing.readings(text)
                else {
                    continue
                }
                let small = String(format: "%g", r.small)
                let large = String(format: "%g", r.large)
                if r.separator == "." && evidence == [.decimalComma] {
                    settled[text] = r.large
                    continue
                }
                if r.separator == "," && !evidence.contains(.decimalPoint) { continue }
                let elsewhere =
                    evidence.contains(.decimalPoint)
                    ? "this file elsewhere writes a decimal point (0.6)"
                    : "this file is separated by ; as Dutch Excel writes it, where a dot groups thousands"
                let elsewhereNL =
                    evidence.contains(.decimalPoint)
                    ? "elders in dit bestand staat een decimale punt (0.6)"
                    : "dit bestand is gescheiden door ; zoals Nederlandse Excel het schrijft, "
                        + "waar een punt duizendtallen scheidt"
                log.error(
                    file, records.line(index),
                    "The number \"\(text)\" in column \(column) can be read as \(small) or as \(large); "
                        + "\(elsewhere).",
                    hint: "Write it without a thousands separator and with the file's decimal separator "
                        + "(1250 or 1,25), and use one convention in the whole file.",
                    nl: "Het getal \"\(text)\" in kolom \(column) kan "
                        + "\(small.replacingOccurrences(of: ".", with: ",")) of \(large) betekenen; "
                        + "\(elsewhereNL).",
                    hintNL:
                        "Schrijf het zonder scheiding voor duizendtallen en met het decimaalteken van het "
                        + "bestand (1250 of 1,25), en gebruik in het hele bestand dezelfde schrijfwijze.")
            }
        }
    }

    mutating func addActors(_ records: [RawRecord<ActorField>], file: String) {
        addActors(RawRecordList(records), file: file)
    }

    mutating func addActors<Records: RecordSource>(_ records: Records, file: String)
    where Records.Field == ActorField {
        checkNumbers(records, fields: [(.size, "size"), (.influence, "influence")], file: file)
        if records.count > Limits.maximumActors {
            log.error(
                file, nil,
                "The file holds \(records.count) actors, more than the limit of \(Limits.maximumActors).",
                hint: "Check that this is the right file, or raise the limit with NETAN_MAX_ACTORS.",
                nl:
                    "Het bestand bevat \(records.count) actoren, "
                    + "meer dan de limiet van \(Limits.maximumActors).",
                hintNL: "Controleer of dit het juiste bestand is, of verhoog de limiet met NETAN_MAX_ACTORS.")
            return
        }
        let knownTypes = network.vocabulary.actorTypes.map(\.name)
        network.reserveActors(records.count)
        actorLines.reserveCapacity(actorLines.count + records.count)
        for index in 0..<records.count {
            let line = records.line(index)
            let id = (records.text(index, .id) ?? "").trimmedSpaces
            guard !id.isEmpty else {
                log.error(
                    file, line, "This actor has no id.",
                    hint:
                        "Give every actor a unique id (for example a short code such as gem-breda); "
                        + "relations refer to it.",
                    nl: "Deze actor heeft geen id.",
                    hintNL:
                        "Geef elke actor een unieke id (bijvoorbeeld een korte code zoals gem-breda); "
                        + "relaties verwijzen ernaar."
                )
                continue
            }
            if let existing = network.index(ofActor: id) {
                let first = actorLines[existing]
                log.error(
                    file, line, "The actor id \"\(id)\" is used twice (first on line \(first)).",
                    hint: "Give each actor its own id; merge the rows if they are the same organisation.",
                    nl: "De actor-id \"\(id)\" komt twee keer voor (eerst op regel \(first)).",
                    hintNL:
                        "Geef elke actor een eigen id; "
                        + "voeg de rijen samen als het om dezelfde organisatie gaat."
                )
                continue
            }
            var type = (records.text(index, .type) ?? "").trimmedSpaces
            if type.isEmpty {
                log.warning(
                    file, line, "Actor \"\(id)\" has no type; it is treated as \"overig\".",
                    hint: "Fill in one of: \(knownTypes.joined(separator: ", ")).",
                    nl: "Actor \"\(id)\" heeft geen type en wordt als \"overig\" behandeld.",
                    hintNL: "Vul een van deze types in: \(knownTypes.joined(separator: ", ")).")
                type = "overig"
            } else if let known = network.vocabulary.actorType(named: type) {
                type = known.name
            } else {
                let closest = Normalize.closest(to: type, in: knownTypes)
                let suggestion = closest.map { "Did you mean \"\($0)\"? " } ?? ""
                let suggestionNL = closest.map { "Bedoelt u \"\($0)\"? " } ?? ""
                log.warning(
                    file, line,
                    "Actor \"\(id)\" has the unknown type \"\(type)\"; it gets the role \"other\".",
                    hint:
                        "\(suggestion)Known types: \(knownTypes.joined(separator: ", ")); "
                        + "or declare it under actor_types in network.yaml.",
                    nl: "Actor \"\(id)\" heeft het onbekende type \"\(type)\" en krijgt de rol \"other\".",
                    hintNL:
                        "\(suggestionNL)Bekende types: \(knownTypes.joined(separator: ", ")); "
                        + "of voeg het type toe onder actor_types in network.yaml."
                )
            }
            var actor = Actor(
                id: id, name: nonEmpty(records.text(index, .name)) ?? id, type: type,
                region: nonEmpty(records.text(index, .region)), attributes: records.attributes(index))
            if let text = nonEmpty(records.text(index, .year)),
                let value = year(text, file: file, line: line, log: &log)
            {
                actor.year = value
                if !actorYears.contains(where: { $0.year == value }) {
                    actorYears.append(YearPlace(year: value, file: file, line: line, isRelation: false))
                }
            }
            if let text = nonEmpty(records.text(index, .size)) {
                if let value = number(text) {
                    if value < 0 {
                        log.error(
                            file, line, "Actor \"\(id)\" has a negative size (\(text)).",
                            hint:
                                "Size is a budget, turnover, FTE or number of inhabitants: "
                                + "use 0 or a positive number, or leave it empty.",
                            nl: "Actor \"\(id)\" heeft een negatieve omvang (\(text)).",
                            hintNL:
                                "Omvang is een budget, omzet, aantal fte of aantal inwoners: "
                                + "gebruik 0 of een positief getal, of laat het veld leeg."
                        )
                    }
                    actor.size = value
                } else {
                    log.error(
                        file, line, "Actor \"\(id)\" has a size that is not a number: \"\(text)\".",
                        hint: numberHint, nl: "De omvang van actor \"\(id)\" is geen getal: \"\(text)\".",
                        hintNL: numberHintNL)
                }
            }
            if let text = nonEmpty(records.text(index, .influence)) {
                if let value = number(text) {
                    if !(0...10).contains(value) {
                        log.warning(
                            file, line,
                            "Actor \"\(id)\" has influence \(text), outside the usual 0–10 scale.",
                            hint: "Perceived influence is scored 0–10; rescale if another scale was used.",
                            nl: "Actor \"\(id)\" heeft invloed \(text), "
                                + "buiten de gebruikelijke schaal 0–10.",
                            hintNL:
                                "Ervaren invloed wordt gescoord op 0–10; "
                                + "reken de scores om als een andere schaal is gebruikt."
                        )
                    }
                    actor.influence = value
                } else {
                    log.error(
                        file, line, "Actor \"\(id)\" has an influence that is not a number: \"\(text)\".",
                        hint: numberHint, nl: "De invloed van actor \"\(id)\" is geen getal: \"\(text)\".",
                        hintNL: numberHintNL)
                }
            }
            actorLines.append(line)
            network.add(actor)
        }
    }

    mutating func addRelations(_ records: [RawRecord<RelationField>], file: String) {
        addRelations(RawRecordList(records), file: file)
    }

    /// Checks the relations and adds those that can be used. Records are checked in blocks on
    /// every core (each block with its own log); the blocks' relations, messages and years are
    /// then taken in file order, so the result is the sequential one.
    mutating func addRelations<Records: RecordSource>(_ records: Records, file: String)
    where Records.Field == RelationField {
        checkNumbers(records, fields: [(.weight, "weight")], file: file)
        if records.count > Limits.maximumRelations {
            log.error(
                file, nil,
                "The file holds \(records.count) relations, "
                    + "more than the limit of \(Limits.maximumRelations).",
                hint: "Check that this is the right file, or raise the limit with NETAN_MAX_RELATIONS.",
                nl: "Het bestand bevat \(records.count) relaties, "
                    + "meer dan de limiet van \(Limits.maximumRelations).",
                hintNL:
                    "Controleer of dit het juiste bestand is, of verhoog de limiet met NETAN_MAX_RELATIONS."
            )
            return
        }
        guard records.count > 0 else { return }
        let builder = self
        let lookup = ActorLookup(ids: network.actors.map(\.id))
        var blocks: [RelationBlock] = []
        // Each block writes its relations into its own part of one array (from the slot of its
        // first record on); the parts are then moved together, so no relation is copied.
        let relations = [Relation](unsafeUninitializedCapacity: records.count) { buffer, initialized in
            let slots = RelationSlots(base: buffer.baseAddress!)
            // About a microsecond per record: blocks on every core from some 2,000 records on.
            blocks = Parallel.blocks(count: records.count, work: Double(records.count) * 1_000) { range in
                builder.relations(
                    records, range, file: file, lookup: lookup, into: slots.base + range.lowerBound)
            }
            var total = 0
            for block in blocks {
                if total != block.start {
                    (slots.base + total).moveInitialize(from: slots.base + block.start, count: block.count)
                }
                total += block.count
            }
            initialized = total
        }
        network.addChecked(contentsOf: relations)
        for block in blocks {
            log.append(contentsOf: block.log.items)
            for place in block.years where !relationYears.contains(where: { $0.year == place.year }) {
                relationYears.append(place)
            }
        }
    }

    /// Where the blocks of `addRelations` write their relations.
    private struct RelationSlots: @unchecked Sendable {
        let base: UnsafeMutablePointer<Relation>
    }

    /// What one block of relation records gave: the relations to add, the messages, and the
    /// years in order of first appearance.
    struct RelationBlock: Sendable {
        /// Index of the block's first record: its relations were written from that slot on.
        var start: Int
        /// Number of relations written.
        var count = 0
        var log = DiagnosticLog()
        var years: [YearPlace] = []
    }

    /// Checks the relation records in `range` against the actors read so far (`lookup` holds
    /// their ids) and writes the relations that can be used from `slots` on (at most one per
    /// record).
    ///
    /// The common case is read from the cells' bytes: both ids found in `lookup` as written, a
    /// type or yes/no value seen before in this block (`ByteCache`), a plain positive number as
    /// weight. Whatever is not that case — an unknown id, a cell with spaces around it, a type
    /// not seen yet, a weight such as "1.250" — takes the general path, which gives the same
    /// values and every message.
    func relations<Records: RecordSource>(
        _ records: Records, _ range: Range<Int>, file: String, lookup: ActorLookup,
        into slots: UnsafeMutablePointer<Relation>
    ) -> RelationBlock
    where Records.Field == RelationField {
        var block = RelationBlock(start: range.lowerBound)
        var log = DiagnosticLog()
        let knownTypes = network.vocabulary.relationTypes.map(\.name)
        var knownIDs: [String]? = nil
        func actorIDs() -> [String] {
            if let knownIDs { return knownIDs }
            knownIDs = network.actors.map(\.id)
            return knownIDs!
        }
        var typeCache = ByteCache<(name: String, directed: Bool)>()
        var directedCache = ByteCache<Bool>()
        let plainWeights = settled.isEmpty
        for index in range {
            let line = records.line(index)

            var source: String
            var target: String
            var usable = true
            var endsKnown = false
            // Both ids as written in `lookup`: new strings from the bytes (taking the actors' own
            // would bump shared reference counts from every core).
            if let sourceBytes = records.bytes(index, .source), sourceBytes.isTrimmed,
                lookup.find(sourceBytes) != nil,
                let targetBytes = records.bytes(index, .target), targetBytes.isTrimmed,
                lookup.find(targetBytes) != nil
            {
                source = String(decoding: sourceBytes, as: UTF8.self)
                target = String(decoding: targetBytes, as: UTF8.self)
                endsKnown = true
            } else {
                source = (records.text(index, .source) ?? "").trimmedSpaces
                target = (records.text(index, .target) ?? "").trimmedSpaces
            }
            for isTarget in endsKnown ? [] : [false, true] {
                let id = isTarget ? target : source
                if !id.isEmpty && network.contains(actor: id) { continue }
                let end = isTarget ? "target" : "source"
                let endNL = isTarget ? "het doel" : "de bron"
                if id.isEmpty {
                    log.error(
                        file, line, "This relation has no \(end).",
                        hint: "Fill in the id of an actor from the actors list.",
                        nl: "Deze relatie heeft geen \(endNL.split(separator: " ").last!).",
                        hintNL: "Vul de id in van een actor uit de lijst met actoren.")
                    usable = false
                } else {
                    let closest = Normalize.closest(to: id, in: actorIDs())
                    let suggestion = closest.map { " Did you mean \"\($0)\"?" } ?? ""
                    let suggestionNL = closest.map { " Bedoelt u \"\($0)\"?" } ?? ""
                    log.error(
                        file, line, "The relation's \(end) \"\(id)\" is not an actor.",
                        hint: "Add \"\(id)\" to the actors, or correct the id.\(suggestion)",
                        nl:
                            "\(endNL.prefix(1).uppercased() + endNL.dropFirst()) \"\(id)\" van deze relatie is geen actor.",
                        hintNL: "Voeg \"\(id)\" toe aan de actoren, of verbeter de id.\(suggestionNL)")
                    usable = false
                }
            }
            var type = ""
            var directed = true
            if let bytes = records.bytes(index, .type), let cached = typeCache.find(bytes) {
                type = cached.name
                directed = cached.directed
            } else {
                type = (records.text(index, .type) ?? "").trimmedSpaces
                if type.isEmpty {
                    log.warning(
                        file, line,
                        "This relation has no type; it is treated as \"samenwerking\" (undirected).",
                        hint: "Fill in one of: \(knownTypes.joined(separator: ", ")).",
                        nl:
                            "Deze relatie heeft geen type en wordt behandeld als \"samenwerking\" (ongericht).",
                        hintNL: "Vul een van deze types in: \(knownTypes.joined(separator: ", ")).")
                    type = "samenwerking"
                    directed = false
                } else if let known = network.vocabulary.relationType(named: type) {
                    type = known.name
                    directed = known.directed
                    if let bytes = records.bytes(index, .type) {
                        typeCache.insert(bytes, (known.name, known.directed))
                    }
                } else {
                    let closest = Normalize.closest(to: type, in: knownTypes)
                    let suggestion = closest.map { "Did you mean \"\($0)\"? " } ?? ""
                    let suggestionNL = closest.map { "Bedoelt u \"\($0)\"? " } ?? ""
                    log.warning(
                        file, line, "The relation type \"\(type)\" is unknown; it is treated as directed.",
                        hint:
                            "\(suggestion)Known types: \(knownTypes.joined(separator: ", ")); "
                            + "or declare it under relation_types in network.yaml.",
                        nl: "Het relatietype \"\(type)\" is onbekend en wordt als gericht behandeld.",
                        hintNL:
                            "\(suggestionNL)Bekende types: \(knownTypes.joined(separator: ", ")); "
                            + "of voeg het type toe onder relation_types in network.yaml."
                    )
                }
            }
            if let bytes = records.bytes(index, .directed), let cached = directedCache.find(bytes) {
                directed = cached
            } else if let text = nonEmpty(records.text(index, .directed)) {
                if let value = NumberParsing.parseBool(text) {
                    directed = value
                    if let bytes = records.bytes(index, .directed) { directedCache.insert(bytes, value) }
                } else {
                    log.error(
                        file, line, "\"\(text)\" is not a yes/no value for directed.",
                        hint: "Use ja/nee (or yes/no, true/false, 1/0).",
                        nl: "\"\(text)\" is geen ja/nee-waarde voor gericht (directed).",
                        hintNL: "Gebruik ja/nee (of yes/no, true/false, 1/0).")
                    usable = false
                }
            }
            var weight = 1.0
            var weightGiven = false
            // A plain positive number written as such (no settled "1.250" in this file).
            if plainWeights, let bytes = records.bytes(index, .weight), bytes.isTrimmed,
                let plainWeight = NumberParsing.plainNumber(bytes), plainWeight > 0
            {
                weight = plainWeight
                weightGiven = true
            } else if let text = nonEmpty(records.text(index, .weight)) {
                weightGiven = true
                if let value = number(text) {
                    if value <= 0 {
                        log.error(
                            file, line, "The relation weight \(text) is not positive.",
                            hint:
                                "Weights are tie strengths (amount, frequency) and must be greater than 0; "
                                + "remove ties that do not exist.",
                            nl: "Het gewicht \(text) van de relatie is niet positief.",
                            hintNL:
                                "Gewichten zijn sterktes van relaties (bedrag, frequentie) en moeten groter "
                                + "zijn dan 0; verwijder relaties die niet bestaan."
                        )
                        usable = false
                    }
                    weight = value
                } else {
                    log.error(
                        file, line, "The relation weight \"\(text)\" is not a number.", hint: numberHint,
                        nl: "Het gewicht \"\(text)\" van de relatie is geen getal.", hintNL: numberHintNL)
                    usable = false
                }
            }
            var relationYear: Int? = nil
            if let text = nonEmpty(records.text(index, .year)) {
                if let value = year(text, file: file, line: line, log: &log) {
                    relationYear = value
                } else {
                    usable = false
                }
            }
            if usable && source == target {
                log.warning(
                    file, line, "Actor \"\(source)\" has a relation with itself; it is left out.",
                    hint: "Remove the row, or correct the source or target.",
                    nl: "Actor \"\(source)\" heeft een relatie met zichzelf; deze relatie wordt weggelaten.",
                    hintNL: "Verwijder de rij, of verbeter de bron of het doel.")
                continue
            }
            if usable {
                (slots + block.count).initialize(
                    to: Relation(
                        source: source, target: target, type: type, weight: weight,
                        weightGiven: weightGiven, directed: directed,
                        year: relationYear, attributes: records.attributes(index)))
                block.count += 1
                if let relationYear, !block.years.contains(where: { $0.year == relationYear }) {
                    block.years.append(
                        YearPlace(year: relationYear, file: file, line: line, isRelation: true))
                }
            }
        }
        block.log = log
        return block
    }

    /// Final whole-network checks; `readFailed` says an input could not be read at all
    /// (then an empty network is a consequence, not a separate problem).
    mutating func finish(file: String, readFailed: Bool) {
        if network.actors.isEmpty && !log.hasErrors && !readFailed {
            log.error(
                file, nil, "The network has no actors.",
                hint: "Add at least one actor with an id and a type.",
                nl: "Het netwerk heeft geen actoren.",
                hintNL: "Voeg minstens één actor toe met een id en een type."
            )
        }
    }

    private var numberHint: String {
        decimalComma
            ? "Write a number such as 1234,5 or 1.234,5 "
                + "(this file uses ; so a comma is the decimal separator)."
            : "Write a number such as 1234.5 (this file uses , as separator, "
                + "so use a decimal point and no thousands separator)."
    }

    private var numberHintNL: String {
        decimalComma
            ? "Schrijf een getal zoals 1234,5 of 1.234,5 "
                + "(dit bestand gebruikt ; dus de komma is het decimaalteken)."
            : "Schrijf een getal zoals 1234.5 (dit bestand gebruikt , als scheidingsteken, "
                + "dus gebruik een punt als decimaalteken en geen scheiding voor duizendtallen)."
    }
}

func nonEmpty(_ text: String?) -> String? {
    guard let trimmed = text?.trimmedSpaces, !trimmed.isEmpty else { return nil }
    return trimmed
}
