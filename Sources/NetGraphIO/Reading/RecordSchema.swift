import NetGraph

/// The fields of actor and relation records, and the column names accepted for each.
///
/// Column names are matched case-, accent- and separator-insensitively ("Naam", "naam ",
/// "NAAM" all match `name`), in Dutch or English.
package enum ActorField: String, CaseIterable, Sendable {
    case id, name, type, size, influence, region, year

    package var aliases: [String] {
        switch self {
        case .id: ["id", "code", "actor_id", "actor", "sleutel"]
        case .name: ["name", "naam", "label", "organisatie", "organisation", "organization"]
        case .type: ["type", "soort", "actor_type", "categorie", "category"]
        case .size: ["size", "omvang", "grootte"]
        case .influence: ["influence", "invloed", "perceived_influence", "ervaren_invloed"]
        case .region: ["region", "regio"]
        case .year: ["year", "jaar"]
        }
    }
}

package enum RelationField: String, CaseIterable, Sendable {
    case source, target, type, weight, directed, year

    package var aliases: [String] {
        switch self {
        case .source: ["source", "bron", "van", "from", "afzender"]
        case .target: ["target", "doel", "naar", "to", "ontvanger"]
        case .type: ["type", "soort", "relatie", "relation", "relation_type", "relatietype"]
        case .weight: ["weight", "gewicht", "sterkte"]
        case .directed: ["directed", "gericht"]
        case .year: ["year", "jaar"]
        }
    }
}

/// Maps column headers to record fields.
package struct ColumnMap<Field: RawRepresentable & CaseIterable & Hashable> where Field.RawValue == String {
    /// Field → column index.
    package var fields: [Field: Int] = [:]
    /// Column index → header as written, for columns that are attributes.
    package var attributes: [(index: Int, name: String)] = []
    /// Headers that occur twice (same field).
    package var duplicates: [String] = []

    package init(header: [String], aliases: (Field) -> [String], extraAliases: [Field: [String]] = [:]) {
        var lookup: [String: Field] = [:]
        for field in Field.allCases {
            for alias in aliases(field) + (extraAliases[field] ?? []) {
                lookup[Normalize.compactKey(alias)] = lookup[Normalize.compactKey(alias)] ?? field
            }
        }
        for (index, name) in header.enumerated() {
            if let field = lookup[Normalize.compactKey(name)] {
                if fields[field] != nil { duplicates.append(name) } else { fields[field] = index }
            } else if !name.isEmpty {
                attributes.append((index, name))
            }
        }
    }
}

/// The records of a CSV table by field, read straight from the table's bytes: a cell becomes
/// a `String` only when the builder asks for it. A class, so handing it from record to record
/// costs one reference count, not one per array of the table.
package final class CSVRecords<Field: RawRepresentable & CaseIterable & Hashable & Sendable>: RecordSource,
    @unchecked Sendable
where Field.RawValue == String {
    // Read-only after init. The per-record lookups use memory allocated here rather than
    // arrays: every block of records is read on its own core, and retaining a shared array
    // per cell made the cores fight over its reference count.
    let table: CSVTable
    /// The table's records kept, when some were left out (rows with too many fields); nil: all.
    private let kept: UnsafeMutableBufferPointer<Int>?
    /// Each known field present, with its column.
    private let fields: UnsafeMutableBufferPointer<Field>
    private let fieldColumns: UnsafeMutableBufferPointer<Int>
    /// Index and header of the other columns.
    let attributeColumns: [(index: Int, name: String)]
    private let hasAttributes: Bool

    init(table: CSVTable, columns: ColumnMap<Field>, kept: [Int]?) {
        self.table = table
        if let kept {
            let buffer = UnsafeMutableBufferPointer<Int>.allocate(capacity: kept.count)
            _ = buffer.initialize(from: kept)
            self.kept = buffer
        } else {
            self.kept = nil
        }
        let pairs = columns.fields.sorted { $0.value < $1.value }
        fields = .allocate(capacity: pairs.count)
        _ = fields.initialize(from: pairs.map(\.key))
        fieldColumns = .allocate(capacity: pairs.count)
        _ = fieldColumns.initialize(from: pairs.map(\.value))
        attributeColumns = columns.attributes
        hasAttributes = !columns.attributes.isEmpty
    }

    deinit {
        kept?.deallocate()
        fields.deinitialize()
        fields.deallocate()
        fieldColumns.deallocate()
    }

    package var count: Int { kept?.count ?? table.count }

    private func row(_ index: Int) -> Int { kept?[index] ?? index }

    package func line(_ index: Int) -> Int { table.line(row(index)) }

    package func text(_ index: Int, _ field: Field) -> String? {
        for k in 0..<fields.count where fields[k] == field {
            let r = row(index)
            let column = fieldColumns[k]
            return column < table.fieldCount(r) ? table.field(r, column) : nil
        }
        return nil
    }

    package func bytes(_ index: Int, _ field: Field) -> UnsafeBufferPointer<UInt8>? {
        for k in 0..<fields.count where fields[k] == field {
            let r = row(index)
            let column = fieldColumns[k]
            return column < table.fieldCount(r) ? table.bytes(r, column) : nil
        }
        return nil
    }

    package func attributes(_ index: Int) -> [String: String] {
        guard hasAttributes else { return [:] }
        let r = row(index)
        let fields = table.fieldCount(r)
        var result: [String: String] = [:]
        for (column, name) in attributeColumns where column < fields {
            let value = table.field(r, column)
            if !value.isEmpty { result[name] = value }
        }
        return result
    }

    /// The records as a list (for readers that edit them before building).
    package var rawRecords: [RawRecord<Field>] {
        (0..<count).map { index in
            var values = FieldValues<Field>(minimumCapacity: fields.count)
            for field in fields { values[field] = text(index, field) }
            return RawRecord(line: line(index), values: values, attributes: attributes(index))
        }
    }
}
