/// **single-gatekeeper**: a group or a single voice that reaches the public authorities only
/// through one party.
///
/// Works on the undirected structural view and only when the network has an authority. For
/// each client-voice, citizen or provider group that reaches an authority, every cut vertex
/// (not an authority) without which it no longer does is flagged: `info` when that party
/// bridges by mandate, critical when a provider or financier is the gatekeeper of client
/// organisations or citizens, otherwise a warning. Then each single client organisation or
/// citizens' initiative with no authority among its neighbours is checked the same way
/// (`info` or warning), skipping a party already reported as the gatekeeper of a whole group
/// when the actor is a member of a group checked. The rule reads no thresholds.
///
/// Reference: articulation points (Hopcroft & Tarjan 1973); gatekeeper role (Gould & Fernandez
/// 1989).
struct SingleGatekeeperRule: FindingRule {
    static let id = "single-gatekeeper"

    func evaluate(_ c: FindingContext) -> [PowerFlag] {
        let view = c.undirected
        let n = c.network.actors.count
        let authorities = Set((0..<n).filter { c.role($0) == .publicAuthority })
        guard !authorities.isEmpty else { return [] }
        let voices: [ActorRole] = [.clientVoice, .citizen]
        var flags = FlagBuilder(rule: Self.id)
        // Members of the groups already checked.
        var reportedMembers = Set<Int>()
        // Gatekeepers reported for a whole group (a separate set: ids are actor indices in both).
        var reportedGatekeepers = Set<Int>()
        for group in c.groups where [.clientVoice, .citizen, .provider].contains(group.role) {
            let members = group.actors
            for x in c.gatekeepers(of: members) {
                let severity: PowerFlag.Severity
                if c.bridgesByMandate(x) {
                    severity = .info
                } else if [.provider, .financier].contains(c.role(x)) && voices.contains(group.role) {
                    severity = .critical
                } else {
                    severity = .warning
                }
                let plural = members.count > 1
                let groupNL = c.label(group.type, "nl", plural: plural)
                let groupEN = c.label(group.type, "en", plural: plural)
                let names = members.map(c.name)
                let nl: String
                let en: String
                if severity == .info {
                    nl = FindingText.nl.groupGatekeeperByMandate(
                        group: groupNL, several: plural, gatekeeper: c.name(x))
                    en = FindingText.en.groupGatekeeperByMandate(
                        group: groupEN, several: plural, gatekeeper: c.name(x))
                } else {
                    let inside = members.contains(x)
                    nl = FindingText.nl.groupGatekeeper(
                        group: groupNL, members: names, gatekeeper: c.name(x), isMember: inside)
                    en = FindingText.en.groupGatekeeper(
                        group: groupEN, members: names, gatekeeper: c.name(x), isMember: inside)
                }
                flags.add(
                    severity, .actor, [c.id(x)] + members.map(c.id),
                    evidence: [
                        ("group_size", Double(members.count)),
                        ("articulation_point", c.centrality[.articulationPoint, actor: x]),
                    ],
                    threshold: [], nl: nl, en: en, reference: FindingReferences.singleGatekeeper)
                reportedGatekeepers.insert(x)
            }
            reportedMembers.formUnion(members)
        }
        // Single client organisations and citizens' initiatives whose only route to the
        // authorities runs through one other party.
        // A non-respondent's own ties are missing from the data: no gatekeeper is inferred for it.
        for a in 0..<n
        where voices.contains(c.role(a)) && !c.answersMissing[a] && c.reachesAuthority([a], removing: nil) {
            let neighbours = Set(view.targets[view.offsets[a]..<view.offsets[a + 1]].map(Int.init))
            guard neighbours.isDisjoint(with: authorities) else { continue }
            for x in c.cutVertices
            where x != a && !authorities.contains(x) && !c.reachesAuthority([a], removing: x) {
                // Already reported for the whole group through this gatekeeper?
                if reportedGatekeepers.contains(x) && reportedMembers.contains(a) { continue }
                let byMandate = c.bridgesByMandate(x)
                let actor = c.name(a)
                let gatekeeper = c.name(x)
                flags.add(
                    byMandate ? .info : .warning, .actor, [c.id(x), c.id(a)],
                    evidence: [("articulation_point", c.centrality[.articulationPoint, actor: x])],
                    threshold: [],
                    nl: byMandate
                        ? FindingText.nl.actorGatekeeperByMandate(actor: actor, gatekeeper: gatekeeper)
                        : FindingText.nl.actorGatekeeper(actor: actor, gatekeeper: gatekeeper),
                    en: byMandate
                        ? FindingText.en.actorGatekeeperByMandate(actor: actor, gatekeeper: gatekeeper)
                        : FindingText.en.actorGatekeeper(actor: actor, gatekeeper: gatekeeper),
                    reference: FindingReferences.singleGatekeeper)
            }
        }
        return flags.flags
    }
}
