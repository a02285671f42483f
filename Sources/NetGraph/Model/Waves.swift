/// Waves: one network folder holding several years of the same network.
///
/// Relations and actors may carry a `year`. A network that holds two or more years is a set of
/// waves, not one network: adding the years together would count a tie that lasted three years
/// three times. Analyse one wave at a time (``Network/wave(_:)``), or compare them.
///
/// - A relation with a year belongs to that year's wave; a relation without a year belongs to
///   every wave (a standing tie, recorded once).
/// - An actor without a year belongs to every wave; an actor with a year belongs to that year's
///   wave, and to every wave in which one of its relations lies (a relation needs both ends).
extension Network {
    /// The distinct years of the relations and actors, ascending; empty when none carries one.
    /// The year of the metadata (`network.yaml`) does not count: it names the network, not a wave.
    public var years: [Int] {
        var found = Set<Int>()
        for relation in relations {
            if let year = relation.year { found.insert(year) }
        }
        for actor in actors {
            if let year = actor.year { found.insert(year) }
        }
        return found.sorted()
    }

    /// Whether the relations and actors carry two or more years (waves that must not be
    /// analysed as one network).
    public var hasSeveralYears: Bool { years.count > 1 }

    /// Relations that carry no year while others do: they count in every wave.
    public var relationsWithoutYear: Int {
        relations.contains(where: { $0.year != nil }) ? relations.count(where: { $0.year == nil }) : 0
    }

    /// The wave of `year`: the relations of that year and those without a year; the actors
    /// without a year, those of that year, and every end of those relations. Actors and
    /// relations keep their order; the metadata's `year` becomes `year`, the rest is kept.
    ///
    /// A year no relation or actor carries gives the network of the relations and actors
    /// without a year (check ``Network/years`` first to refuse unknown years).
    ///
    /// - Complexity: O(actors + relations).
    public func wave(_ year: Int) -> Network {
        var metadata = self.metadata
        metadata.year = year
        var result = Network(metadata: metadata, vocabulary: vocabulary)
        let chosen = relations.filter { $0.year == nil || $0.year == year }
        var ends = Set<String>()
        for relation in chosen {
            ends.insert(relation.source)
            ends.insert(relation.target)
        }
        for actor in actors where actor.year == nil || actor.year == year || ends.contains(actor.id) {
            result.add(actor)
        }
        for relation in chosen { result.add(relation) }
        return result
    }

    /// Every wave, oldest first: one network per year of ``Network/years`` (empty when there are none).
    public func waves() -> [(year: Int, network: Network)] {
        years.map { ($0, wave($0)) }
    }
}
