import Foundation
import NetGraph
import NetGraphIO
import NetGraphRender

/// The first look at a network: who is in it, which ties, and who has the most ties.
public struct NetworkSummary: Sendable {
    /// The number of actors of one actor type.
    public struct TypeCount: Sendable {
        /// The actor type's name as used in the data.
        public var type: String
        /// The type's label from the vocabulary (the name itself for a type it does not know).
        public var label: String
        /// The type's role from the vocabulary (`.other` for a type it does not know).
        public var role: ActorRole
        /// Actors of this type.
        public var count: Int
    }
    /// The number and total weight of the relations of one relation type.
    public struct RelationCount: Sendable {
        /// The relation type's name as used in the data.
        public var type: String
        /// Whether the type's relations are directed (taken from the first relation of the type).
        public var directed: Bool
        /// Relations of this type.
        public var count: Int
        /// Sum of the weights of the relations of this type.
        public var totalWeight: Double
    }
    /// One actor with its numbers of partners.
    public struct ActorRow: Sendable {
        /// Position of the actor in `Network.actors`.
        public var index: Int
        /// The actor's id.
        public var id: String
        /// The actor's name.
        public var name: String
        /// The actor's type.
        public var type: String
        /// Distinct partners, regardless of direction (`Degree.partners`).
        public var degree: Int
        /// Distinct actors with a tie towards this one (an undirected tie counts both ways).
        public var inDegree: Int
        /// Distinct actors this one has a tie towards (an undirected tie counts both ways).
        public var outDegree: Int
    }

    /// The network's name, region, year, language and source.
    public var metadata: NetworkMetadata
    /// Number of actors.
    public var actorCount: Int
    /// Number of relations, parallel relations counted separately.
    public var relationCount: Int
    /// Actor types present, in vocabulary order, then types unknown to the vocabulary by name.
    public var actorsByType: [TypeCount]
    /// Relation types present, in vocabulary order, then types unknown to the vocabulary by name.
    public var relationsByType: [RelationCount]
    /// All actors, by degree (descending), then name.
    public var actors: [ActorRow]
    /// The unit each relation type declares in network.yaml (`unit: mln euro`), by type name.
    public var units: [String: String]

    /// Counts the actors and relations of `network` and the partners of every actor (ties
    /// without weights, all relation types).
    public init(_ network: Network) {
        metadata = network.metadata
        units = Dictionary(
            network.vocabulary.relationTypes.compactMap { type in type.unit.map { (type.name, $0) } },
            uniquingKeysWith: { a, _ in a })
        actorCount = network.actors.count
        relationCount = network.relations.count
        var typeCounts: [String: Int] = [:]
        for actor in network.actors { typeCounts[actor.type, default: 0] += 1 }
        let knownTypes = network.vocabulary.actorTypes.map(\.name)
        let orderedTypes =
            knownTypes.filter { typeCounts[$0] != nil }
            + typeCounts.keys.filter { !knownTypes.contains($0) }.sorted()
        actorsByType = orderedTypes.map { name in
            let type = network.vocabulary.actorType(named: name)
            return TypeCount(
                type: name, label: type?.label ?? name, role: type?.role ?? .other, count: typeCounts[name]!)
        }
        var relationCounts: [String: (Bool, Int, Double)] = [:]
        for relation in network.relations {
            let current = relationCounts[relation.type] ?? (relation.directed, 0, 0)
            relationCounts[relation.type] = (current.0, current.1 + 1, current.2 + relation.weight)
        }
        let knownRelations = network.vocabulary.relationTypes.map(\.name)
        let orderedRelations =
            knownRelations.filter { relationCounts[$0] != nil }
            + relationCounts.keys.filter { !knownRelations.contains($0) }.sorted()
        relationsByType = orderedRelations.map {
            RelationCount(
                type: $0, directed: relationCounts[$0]!.0, count: relationCounts[$0]!.1,
                totalWeight: relationCounts[$0]!.2)
        }

        let graph = Graph(network, weights: .ignore)
        let degree = Degree.partners(graph)
        let inDegree = Degree.inDegree(graph)
        let outDegree = Degree.outDegree(graph)
        actors = network.actors.enumerated().map { i, actor in
            ActorRow(
                index: i, id: actor.id, name: actor.name, type: actor.type, degree: degree[i],
                inDegree: inDegree[i], outDegree: outDegree[i])
        }.sorted { ($0.degree, $1.name) > ($1.degree, $0.name) }
    }

    /// Degree of each actor in `Network.actors` order.
    public var degreeByIndex: [Double] {
        var values = [Double](repeating: 0, count: actorCount)
        for row in actors { values[row.index] = Double(row.degree) }
        return values
    }

    /// Renders the summary. Terminal and Markdown output show three tables (actors by type,
    /// relations by type, the `top` actors by degree); CSV gives the per-actor table; JSON
    /// follows netan's contract `{"network": {…}, "actors": [{"id": …}], "flags": []}`.
    public func render(_ format: OutputFormat, language: String, top: Int = 10, includeTop: Bool = true)
        -> String
    {
        let nl = language != "en"
        let typeTable = TextTable(
            columns: nl ? ["type", "rol", "aantal"] : ["type", "role", "count"],
            rows: actorsByType.map {
                [$0.label, nl ? $0.role.dutchLabel : $0.role.rawValue, String($0.count)]
            },
            numericColumns: [2])
        // The unit column only when network.yaml declares a unit for some type.
        let showUnits = !units.isEmpty
        let relationTable = TextTable(
            columns: (nl
                ? ["relatietype", "gericht", "aantal", "totaal gewicht"]
                : ["relation type", "directed", "count", "total weight"])
                + (showUnits ? [nl ? "eenheid" : "unit"] : []),
            rows: relationsByType.map {
                [
                    $0.type, $0.directed ? (nl ? "ja" : "yes") : (nl ? "nee" : "no"), String($0.count),
                    nl
                        ? DiagramBuilder.format($0.totalWeight).replacingOccurrences(of: ".", with: ",")
                        : DiagramBuilder.format($0.totalWeight),
                ] + (showUnits ? [units[$0.type] ?? ""] : [])
            },
            numericColumns: [2, 3])
        let actorColumns = [
            "id", nl ? "naam" : "name", "type", nl ? "partners" : "partners", nl ? "in-graad" : "in_degree",
            nl ? "uit-graad" : "out_degree",
        ]
        let actorRows = actors.map {
            [$0.id, $0.name, $0.type, String($0.degree), String($0.inDegree), String($0.outDegree)]
        }
        let topTable = TextTable(
            columns: actorColumns, rows: Array(actorRows.prefix(top)), numericColumns: [3, 4, 5])
        let header = metadata.title
        let counts =
            nl
            ? "\(actorCount) actoren, \(relationCount) relaties"
            : "\(actorCount) actors, \(relationCount) relations"
        let topTitle =
            nl
            ? "Meeste partners (top \(min(top, actorCount)); in/uit: aantal partners per richting)"
            : "Most partners (top \(min(top, actorCount)); in/out: partners per direction)"
        switch format {
        case .table:
            var text = "\(header)\n\(counts)\n"
            if let source = metadata.source { text += (nl ? "Bron: " : "Source: ") + source + "\n" }
            text += "\n" + (nl ? "Actoren per type\n" : "Actors by type\n") + typeTable.terminal()
            text += "\n" + (nl ? "Relaties per type\n" : "Relations by type\n") + relationTable.terminal()
            if includeTop { text += "\n" + topTitle + "\n" + topTable.terminal() }
            return text
        case .markdown:
            var text = "# \(header)\n\n\(counts)\n\n"
            if let source = metadata.source { text += (nl ? "*Bron:* " : "*Source:* ") + source + "\n\n" }
            text += "## " + (nl ? "Actoren per type" : "Actors by type") + "\n\n" + typeTable.markdown()
            text +=
                "\n## " + (nl ? "Relaties per type" : "Relations by type") + "\n\n" + relationTable.markdown()
            if includeTop { text += "\n## " + topTitle + "\n\n" + topTable.markdown() }
            return text
        case .csv:
            return TextTable(
                columns: ["id", "name", "type", "partners", "in_degree", "out_degree"], rows: actorRows
            ).csv()
        case .json:
            var networkObject: [String: Any] = [
                "name": metadata.name, "actors": actorCount, "relations": relationCount,
                "language": metadata.language,
                "actors_by_type": Dictionary(uniqueKeysWithValues: actorsByType.map { ($0.type, $0.count) }),
                "relations_by_type": Dictionary(
                    uniqueKeysWithValues: relationsByType.map { ($0.type, $0.count) }),
            ]
            if let region = metadata.region { networkObject["region"] = region }
            if let year = metadata.year { networkObject["year"] = year }
            if let source = metadata.source { networkObject["source"] = source }
            let actorObjects: [[String: Any]] = actors.map {
                [
                    "id": $0.id, "name": $0.name, "type": $0.type, "partners": $0.degree,
                    "in_degree": $0.inDegree, "out_degree": $0.outDegree,
                ]
            }
            let object: [String: Any] = ["network": networkObject, "actors": actorObjects, "flags": [Any]()]
            return JSONOutput.text(object) + "\n"
        }
    }
}
