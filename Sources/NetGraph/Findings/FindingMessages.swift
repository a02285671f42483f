/// The sentences of the findings, one method per kind of message.
///
/// Rules pass typed arguments: names and labels as they are shown, percentages and numbers
/// already formatted (`FindingContext.percent(_:)`, `FindingContext.number(_:digits:_:)`), counts
/// as integers. Each language implements every method; a rule writes both texts through
/// `FindingText`.
protocol FindingMessages: Sendable {
    // MARK: dominant-broker

    /// An intermediary, authority or frontline team on a large share of the shortest paths.
    func mandatedBroker(actor: String, share: String, typeLabel: String) -> String
    /// Another party on a large share of the shortest paths.
    func dominantBroker(actor: String, share: String) -> String
    /// One party on most of the brokered paths between two groups (`from` and `to` are type
    /// labels).
    func accessBroker(paths: Int, from: String, to: String, share: String, broker: String) -> String

    // MARK: centralized-network

    /// A network centralised around `hub`, with the p-value of the CUG test when it ran.
    func centralizedNetwork(hub: String, centralization: String, pValue: Double?) -> String

    // MARK: large-party-dominance

    /// The largest parties by size (`parties`, at least one) hold `share` of `measure`, `ratio`
    /// times what their number justifies.
    func largePartyDominance(parties: [String], share: String, measure: ActorMeasure, ratio: String) -> String
    /// Size and degree strongly correlated (`correlation` is Spearman's rho).
    func sizeDrivesTies(correlation: String) -> String

    // MARK: sidelined-group

    /// `members` of a group (`groupPlural`, `groupSize` actors) without a direct tie to an
    /// authority, sidelined for `reason`.
    func sidelinedGroup(groupPlural: String, groupSize: Int, members: [String], reason: SidelinedReason)
        -> String

    // MARK: isolated-actor

    /// `actor` (of type `typeLabel`) has no tie at all; `voice`: a client organisation or
    /// citizens' initiative, whose voice is then missing.
    func isolatedActor(actor: String, typeLabel: String, voice: Bool) -> String

    // MARK: single-gatekeeper

    /// A group reaches the authorities only through a party whose task that is.
    func groupGatekeeperByMandate(group: String, several: Bool, gatekeeper: String) -> String
    /// A group (with members `members`) reaches the authorities only through one other party,
    /// which may itself be a member (`isMember`).
    func groupGatekeeper(group: String, members: [String], gatekeeper: String, isMember: Bool) -> String
    /// One actor reaches the authorities only through a party whose task that is.
    func actorGatekeeperByMandate(actor: String, gatekeeper: String) -> String
    /// One actor reaches the authorities only through one other party.
    func actorGatekeeper(actor: String, gatekeeper: String) -> String

    // MARK: funding-concentration

    /// The money for a provider group (`groupPlural`, `members` of them) is concentrated:
    /// `top` receives `share`, `ratio` times an equal share; `index` is the normalised HHI.
    func groupFundingConcentration(
        groupPlural: String, members: Int, top: String, share: String, ratio: String, index: String,
        level: PowerFlag.Severity
    ) -> String
    /// A payer's spending over `recipients` market parties is concentrated: `share` goes to
    /// `top`; `excluded` payments to wijkteams and intermediaries are left out.
    func spendingConcentration(
        payer: String, recipients: Int, share: String, top: String, ratio: String, index: String,
        level: PowerFlag.Severity, excluded: Int
    ) -> String

    // MARK: one-sided-dependence

    /// `dependent` gets `share` of its resources from the market party `funder`, which gets
    /// `reverse` of its own back.
    func marketDependence(dependent: String, share: String, funder: String, reverse: String) -> String
    /// Several parties depend on the market party `funder`.
    func marketDependents(funder: String, dependents: [Dependent]) -> String
    /// One or more parties depend on `funder`, an authority, financier or intermediary.
    func fundedDependents(funder: String, dependents: [Dependent]) -> String
    /// Small providers get nearly all their money from one authority or financier and have no
    /// other source of weight.
    func singleFunderDependence(dependents: [Dependent], funder: String) -> String

    // MARK: fragmentation

    /// `unreachable` of all pairs of actors cannot reach each other.
    func networkFragmented(unreachable: String) -> String
    /// Without `actor` a further `rise` of all pairs cannot reach each other.
    func keyPlayer(actor: String, rise: String) -> String
    /// `isolated` of the `providers` providers (`share`) have at most one tie.
    func isolatedProviders(isolated: Int, providers: Int, share: String) -> String

    // MARK: perception-gap

    /// `actor` is seen as more influential than its position shows (`gap` > 0).
    func seenAsMoreInfluential(actor: String, gap: String) -> String
    /// `actor` holds more structural power than the group perceives (`gap` < 0).
    func hiddenInfluence(actor: String, gap: String) -> String
}

/// The message catalogues, one per language.
enum FindingText {
    /// Dutch.
    static let nl: any FindingMessages = FindingMessagesDutch()
    /// English.
    static let en: any FindingMessages = FindingMessagesEnglish()
}

/// Why a group counts as sidelined (sidelined-group); the rule reports the first that holds.
enum SidelinedReason: Sendable {
    /// The group holds `share` of the ties while it is `actorShare` of the parties (`ratio`).
    case underrepresented(share: String, actorShare: String, ratio: String)
    /// The members sit at the edge of the network: in the outermost shell of the partner graph.
    case outerShell(core: Int)
    /// The group reaches the authorities only through `gatekeeper`.
    case onlyThrough(gatekeeper: String)
}

/// A party that depends on a funder, with the share of its resources from it, formatted.
struct Dependent: Sendable {
    /// The dependent party's name.
    let name: String
    /// Its share of resources from the funder, formatted as a percentage.
    let share: String
}

extension FindingMessages {
    /// Names separated by commas: "A, B, C".
    func list(_ names: [String]) -> String { names.joined(separator: ", ") }

    /// Dependents with their shares: "A (60%), B (75%)".
    func list(_ dependents: [Dependent]) -> String {
        dependents.map { "\($0.name) (\($0.share))" }.joined(separator: ", ")
    }
}
