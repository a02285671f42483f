/// **isolated-actor**: an actor without a single tie in the network.
///
/// Named one by one, because an average hides them: a warning for a client organisation or
/// citizens' initiative (their voice is missing at the table), `info` for any other party
/// (often a gap in the data). The network-wide fragmentation finding leaves isolated actors
/// out, so one missing initiative does not read as "the network falls apart".
///
/// Reference: isolates (Wasserman & Faust 1994, §4.3); voice and access (Gould & Fernandez 1989).
struct IsolatedActorRule: FindingRule {
    static let id = "isolated-actor"

    func evaluate(_ c: FindingContext) -> [PowerFlag] {
        var flags = FlagBuilder(rule: Self.id)
        for i in c.network.actors.indices where c.partners[i] == 0 {
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
        return flags.flags
    }
}
