/// **isolated-actor**: an actor without a single tie in the network.
///
/// Named one by one, because an average hides them: a warning for a client organisation or
/// citizens' initiative (their voice is missing at the table), `info` for any other party
/// (often a gap in the data). The network-wide fragmentation finding leaves isolated actors
/// out, so one missing initiative does not read as "the network falls apart". An actor known
/// not to have answered the survey (`responded` = false) is reported as `missing-answers`
/// instead: nobody named a tie with it, and its own answers are missing.
///
/// Reference: isolates (Wasserman & Faust 1994, §4.3); voice and access (Gould & Fernandez 1989).
struct IsolatedActorRule: FindingRule {
    static let id = "isolated-actor"

    func evaluate(_ c: FindingContext) -> [PowerFlag] {
        var flags = FlagBuilder(rule: Self.id)
        var missing = FlagBuilder(rule: MissingAnswers.id)
        for i in c.network.actors.indices where c.partners[i] == 0 {
            if c.answersMissing[i] {
                MissingAnswers.add(i, to: &missing, c)
                continue
            }
            let voice = [.clientVoice, .citizen].contains(c.role(i))
            let type = c.network.actors[i].type
            flags.add(
                voice ? .warning : .info, .actor, [c.id(i)],
                evidence: [("partners", 0)], threshold: [],
                nl: FindingText.nl.isolatedActor(
                    actor: c.name(i), typeLabel: c.label(type, "nl"), voice: voice),
                en: FindingText.en.isolatedActor(
                    actor: c.name(i), typeLabel: c.label(type, "en"), voice: voice),
                reference: FindingReferences.isolatedActor)
        }
        return flags.flags + missing.flags
    }
}

/// **missing-answers**: an actor that did not answer the survey the network came from
/// (actor attribute `responded` = false), where `isolated-actor` or `sidelined-group` would
/// otherwise name it. Its ties are only those others named, so a place without ties or at the
/// edge may be a gap in the data rather than a position: the finding (`info`) says so instead
/// of calling the actor isolated or sidelined. Raised by those two rules.
///
/// Reference: missing data in network surveys (Kossinets 2006).
enum MissingAnswers {
    /// The rule id the flags carry.
    static let id = "missing-answers"
    /// Where the idea comes from.
    static let reference = "Kossinets 2006, doi:10.1016/j.socnet.2005.07.002"

    /// Adds the finding about actor `i` to `flags` (a builder for `id`).
    static func add(_ i: Int, to flags: inout FlagBuilder, _ c: FindingContext) {
        let type = c.network.actors[i].type
        flags.add(
            .info, .actor, [c.id(i)], evidence: [("partners", Double(c.partners[i]))], threshold: [],
            nl: FindingMessagesDutch().missingAnswers(
                actor: c.name(i), typeLabel: c.label(type, "nl"), partners: c.partners[i]),
            en: FindingMessagesEnglish().missingAnswers(
                actor: c.name(i), typeLabel: c.label(type, "en"), partners: c.partners[i]),
            reference: reference)
    }
}
