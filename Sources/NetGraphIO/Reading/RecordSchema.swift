import NetGraph

/// The fields of actor and relation records, and the column names accepted for each.
///
/// Column names are matched case-, accent- and separator-insensitively ("Naam", "naam ",
/// "NAAM" all match `name`), in Dutch or English.
package enum ActorField: String, CaseIterable {
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

package enum RelationField: String, CaseIterable {
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
