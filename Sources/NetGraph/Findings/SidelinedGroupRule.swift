/// **sidelined-group**: a group whose voice reaches the table only in part.
///
/// The groups at risk named in DESIGN: client organisations and citizens' initiatives (by
/// actor type) and, when at least four providers have a size, the small providers (those below
/// the median provider size). A group is flagged as a warning when its representation ratio
/// (share of all degree ÷ share of actors) is at most `sidelined-group.ratio`, when all its
/// members sit in the outermost k-shell, or when a party without a bridging mandate is its
/// only gatekeeper to the authorities; the first of these that holds is reported. With
/// permutations, a p-value for the ratio comes from random groups of the same size.
///
/// Reference: representation ratio; k-core (Seidman 1983); gatekeeping (Gould & Fernandez 1989).
struct SidelinedGroupRule: FindingRule {
    static let id = "sidelined-group"

    /// Label and id of the small providers. It is Dutch in both languages, as it has always
    /// been, and stays so: it is the subject id of the finding.
    static let smallProviders = "kleine aanbieders"

    func evaluate(_ c: FindingContext) -> [PowerFlag] {
        let level = c.thresholds.sidelinedGroupRatio
        let network = c.network
        let degree = c.centrality[.degree]
        var candidates: [(label: String, ids: [String], members: [Int])] = []
        for group in c.groups where [.clientVoice, .citizen].contains(group.role) {
            candidates.append((c.label(group.type), [group.type], group.actors))
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
        let cores = c.centrality[.coreNumber]
        let minCore = cores.min() ?? 0
        let maxCore = cores.max() ?? 0
        var flags = FlagBuilder(rule: Self.id)
        for candidate in candidates where total > 0 {
            let members = candidate.members
            let share = members.reduce(0) { $0 + degree[$1] } / total
            let ratio = share / (Double(members.count) / n)
            let allOuter = maxCore > minCore && members.allSatisfy { cores[$0] == minCore }
            let keeper = c.gatekeepers(of: members).first { !c.bridgesByMandate($0) }
            let reason: SidelinedReason
            if ratio <= level {
                reason = .underrepresented(
                    share: FindingContext.percent(share),
                    actorShare: FindingContext.percent(Double(members.count) / n),
                    ratio: FindingContext.number(ratio))
            } else if allOuter {
                reason = .outerShell(core: Int(minCore))
            } else if let keeper {
                reason = .onlyThrough(gatekeeper: c.name(keeper))
            } else {
                continue
            }
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
            let names = members.map(c.name)
            flags.add(
                .warning, .type, candidate.ids + members.map(c.id),
                evidence: [
                    ("share_of_degree", share), ("share_of_actors", Double(members.count) / n),
                    ("representation_ratio", ratio), ("outer_shell", allOuter ? 1 : 0),
                    ("single_gatekeeper", keeper == nil ? 0 : 1),
                ],
                threshold: [("ratio", level)],
                nl: FindingText.nl.sidelinedGroup(label: candidate.label, members: names, reason: reason),
                en: FindingText.en.sidelinedGroup(label: candidate.label, members: names, reason: reason),
                reference: FindingReferences.sidelinedGroup, p: p)
        }
        return flags.flags
    }
}
