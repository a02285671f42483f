/// **sidelined-group**: members of a group whose voice reaches the table only in part, named
/// one by one.
///
/// The groups at risk named in DESIGN: client organisations and citizens' initiatives (by
/// actor type) and, when at least four providers have a size, the small providers (those below
/// the median provider size). Only members with at least one tie and no direct tie to an
/// authority (gemeente, Rijk) can be sidelined: an actor that talks to the gemeente itself is
/// never called sidelined, and an actor without any tie is reported by `isolated-actor`. Such
/// members are named (a warning) when the group's representation ratio (share of all ties ÷
/// share of actors) is at most `sidelined-group.ratio`, when they sit in the outermost shell
/// of the partner graph (core numbers on partners, a tie counting once), or when a party
/// without a bridging mandate is their only way to the authorities; the first reason that
/// holds is given. With permutations, a p-value for the ratio comes from random groups of the
/// same size. A member known not to have answered the survey (`responded` = false) is not
/// called sidelined: where it would be named, a `missing-answers` finding says that its own
/// answers are missing instead.
///
/// Reference: representation ratio; k-core (Seidman 1983); gatekeeping (Gould & Fernandez 1989).
struct SidelinedGroupRule: FindingRule {
    static let id = "sidelined-group"

    /// Subject id of the small providers (a group that is not an actor type).
    static let smallProviders = "kleine aanbieders"

    func evaluate(_ c: FindingContext) -> [PowerFlag] {
        let level = c.thresholds.sidelinedGroupRatio
        let network = c.network
        let degree = c.centrality[.degree]
        var candidates: [(label: String, ids: [String], members: [Int])] = []
        var plurals: [String: (nl: String, en: String)] = [
            Self.smallProviders: ("kleine aanbieders", "small providers")
        ]
        for group in c.groups where [.clientVoice, .citizen].contains(group.role) {
            candidates.append((c.label(group.type), [group.type], group.actors))
            plurals[group.type] = (
                c.label(group.type, "nl", plural: true), c.label(group.type, "en", plural: true)
            )
        }
        // Small providers: providers below the median provider size.
        let providers = network.actors.indices.filter {
            c.role($0) == .provider && network.actors[$0].size != nil
        }
        if providers.count >= 4 {
            let sizes = providers.map { network.actors[$0].size! }.sorted()
            let median = sizes[sizes.count / 2]
            let small = providers.filter { network.actors[$0].size! < median }
            if !small.isEmpty { candidates.append((Self.smallProviders, [Self.smallProviders], small)) }
        }
        let n = Double(network.actors.count)
        let total = degree.reduce(0, +)
        let cores = c.partnerCores
        let connected = network.actors.indices.filter { c.partners[$0] > 0 }
        let minCore = connected.map { cores[$0] }.min() ?? 0
        let maxCore = connected.map { cores[$0] }.max() ?? 0
        var flags = FlagBuilder(rule: Self.id)
        var missing = FlagBuilder(rule: MissingAnswers.id)
        for candidate in candidates where total > 0 {
            let members = candidate.members
            // Who can be sidelined: tied to someone, but not to an authority.
            let exposed = members.filter { c.partners[$0] > 0 && !c.authorityTie[$0] }
            guard !exposed.isEmpty else { continue }
            let share = members.reduce(0) { $0 + degree[$1] } / total
            let ratio = share / (Double(members.count) / n)
            let outer = Set(exposed.filter { maxCore > minCore && cores[$0] == minCore })
            // Per member: the party without a bridging mandate that is its only way in.
            var keeperOf: [Int: Int] = [:]
            for m in exposed {
                if let k = c.gatekeepers(of: [m]).first(where: { !c.bridgesByMandate($0) && $0 != m }) {
                    keeperOf[m] = k
                }
            }
            let wouldName: [Int]
            if ratio <= level {
                wouldName = exposed
            } else if !outer.isEmpty || !keeperOf.isEmpty {
                wouldName = exposed.filter { outer.contains($0) || keeperOf[$0] != nil }
            } else {
                continue
            }
            // Members that did not answer the survey: their own ties are missing, so they are
            // not called sidelined; the finding says their answers are missing instead.
            for m in wouldName where c.answersMissing[m] { MissingAnswers.add(m, to: &missing, c) }
            let named = wouldName.filter { !c.answersMissing[$0] }
            guard !named.isEmpty else { continue }
            let reason: SidelinedReason
            if ratio <= level {
                reason = .underrepresented(
                    share: FindingContext.percent(share),
                    actorShare: FindingContext.percent(Double(members.count) / n),
                    ratio: FindingContext.number(ratio, digits: 2, "nl"))
            } else {
                let keepers = Set(named.compactMap { keeperOf[$0] })
                if keepers.count == 1, let k = keepers.first, named.allSatisfy({ keeperOf[$0] != nil }) {
                    reason = .onlyThrough(gatekeeper: c.name(k))
                } else {
                    reason = .outerShell(core: Int(minCore))
                }
            }
            let keeper = keeperOf.values.first
            var p: Double? = nil
            let options = c.options
            if options.permutations > 0 {
                p = Permutation.pValue(
                    permutations: options.permutations, seed: options.seed, observed: -ratio
                ) { rng in
                    var pick = Array(0..<network.actors.count)
                    for i in 0..<members.count {
                        pick.swapAt(i, i + Int(rng.next(below: UInt64(pick.count - i))))
                    }
                    let held = pick.prefix(members.count).reduce(0) { $0 + degree[$1] }
                    return -(held / total / (Double(members.count) / n))
                }
            }
            let names = named.map(c.name)
            let plural = plurals[candidate.ids[0]] ?? (candidate.label, candidate.label)
            var reasonEnglish = reason
            if case .underrepresented(let share, let actorShare, _) = reason {
                reasonEnglish = .underrepresented(
                    share: share, actorShare: actorShare, ratio: FindingContext.number(ratio, digits: 2, "en")
                )
            }
            flags.add(
                .warning, .type, candidate.ids + named.map(c.id),
                evidence: [
                    // "representation_ratio" only when the ratio is the reason; "group_ratio" else.
                    (ratio <= level ? "representation_ratio" : "group_ratio", ratio),
                    ("share_of_degree", share),
                    ("share_of_actors", Double(members.count) / n), ("named", Double(named.count)),
                    ("outer_shell", Double(outer.filter { !c.answersMissing[$0] }.count)),
                    ("single_gatekeeper", keeper == nil ? 0 : 1),
                ],
                threshold: [("ratio", level)],
                nl: FindingText.nl.sidelinedGroup(
                    groupPlural: plural.nl, groupSize: members.count, members: names, reason: reason),
                en: FindingText.en.sidelinedGroup(
                    groupPlural: plural.en, groupSize: members.count, members: names, reason: reasonEnglish),
                reference: FindingReferences.sidelinedGroup, p: p)
        }
        return flags.flags + missing.flags
    }
}
