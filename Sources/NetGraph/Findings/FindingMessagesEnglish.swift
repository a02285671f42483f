import Foundation

/// The findings in English.
struct FindingMessagesEnglish: FindingMessages {
    // MARK: dominant-broker

    func mandatedBroker(actor: String, share: String, typeLabel: String) -> String {
        "\(actor) lies on \(share) of all shortest connections between other parties. "
            + "As \(typeLabel) that is its task: a connecting link, not a sign of domination."
    }

    func dominantBroker(actor: String, share: String) -> String {
        "\(actor) lies on \(share) of all shortest connections between other parties. "
            + "Others often have to go through it to reach each other: in practice it decides much of who "
            + "reaches whom, without holding that role as an authority or region."
    }

    func accessBroker(paths: Int, from: String, to: String, share: String, broker: String) -> String {
        "Of the \(paths) indirect connections between \(from) and \(to), \(share) run through \(broker). "
            + "That party largely decides what one group hears from the other."
    }

    // MARK: centralized-network

    func centralizedNetwork(hub: String, centralization: String, pValue: Double?) -> String {
        let tested = pValue.map { String(format: " (p = %.3f in a CUG test)", $0) } ?? ""
        return "The network is centralised around \(hub): centralisation \(centralization) "
            + "on a scale from 0 (all equal) to 1 (a star)\(tested). Much runs through one centre."
    }

    // MARK: large-party-dominance

    func largePartyDominance(
        parties: [String], share: String, measure: ActorMeasure, ratio: String
    ) -> String {
        let several = parties.count > 1
        return "The largest provider\(several ? "s" : "") by size (\(list(parties))) "
            + "hold\(several ? "" : "s") \(share) of \(measureName(measure)) of all providers, "
            + "\(ratio) times what \(several ? "their" : "its") number justifies. "
            + "Large organisations are closer to the agenda than small ones."
    }

    /// What the large parties hold a share of, by measure.
    private func measureName(_ measure: ActorMeasure) -> String {
        switch measure {
        case .degree: "the ties"
        case .betweenness: "the broker positions"
        case .pagerank: "the attention and resources received"
        default: measure.label("en")  // not read by large-party-dominance
        }
    }

    func sizeDrivesTies(correlation: String) -> String {
        "The larger a provider, the more ties it has (rank correlation \(correlation)). "
            + "Size translates directly into network position here."
    }

    // MARK: sidelined-group

    func sidelinedGroup(groupPlural: String, groupSize: Int, members: [String], reason: SidelinedReason)
        -> String
    {
        let one = members.count == 1
        let who = members.joined(separator: ", ")
        let count = one ? "" : " (\(members.count) of the \(groupSize) \(groupPlural))"
        switch reason {
        case let .underrepresented(share, actorShare, ratio):
            return "No direct line to the authorities: \(who)\(count). The \(groupPlural) together hold "
                + "\(share) of the ties while they are \(actorShare) of the parties (ratio \(ratio)). "
                + "Their voice reaches the table only in part."
        case .outerShell:
            return "\(who)\(count) \(one ? "has" : "have") no direct line to the authorities and "
                + "\(one ? "sits" : "sit") at the edge of the network, with few partners. "
                + "\(one ? "Its" : "Their") voice reaches the table only in part."
        case let .onlyThrough(gatekeeper):
            return "\(who)\(count) \(one ? "has" : "have") no direct line to the authorities and "
                + "\(one ? "reaches" : "reach") them only through \(gatekeeper)."
        }
    }

    // MARK: isolated-actor

    func isolatedActor(actor: String, typeLabel: String, voice: Bool) -> String {
        voice
            ? "\(actor) (\(typeLabel)) has no tie at all in this network: its voice is missing at the table. "
                + "Check whether that is so or whether data are missing."
            : "\(actor) (\(typeLabel)) has no tie at all in this network. "
                + "Check whether that is so or whether data are missing."
    }

    // MARK: missing-answers

    /// `actor` (of type `typeLabel`) did not answer the survey; `partners` others named a tie
    /// with it. Not part of `FindingMessages` (its file is outside this change): called on
    /// the struct by `MissingAnswers`.
    func missingAnswers(actor: String, typeLabel: String, partners: Int) -> String {
        if partners == 0 {
            return "\(actor) (\(typeLabel)) did not answer the survey, and nobody named a tie with it. "
                + "Its own answers are missing: whether it has ties is unknown. "
                + "Ask it to fill in the survey after all."
        }
        let others = partners == 1 ? "one other party named a tie" : "\(partners) other parties named a tie"
        return "\(actor) (\(typeLabel)) did not answer the survey; \(others) with it. "
            + "Its own answers are missing, so its ties may be under-reported: a place at the edge or "
            + "without a direct line to the authorities may come from that. "
            + "Ask it to fill in the survey after all."
    }

    // MARK: single-gatekeeper

    func groupGatekeeperByMandate(group: String, several: Bool, gatekeeper: String) -> String {
        "The \(group) \(several ? "reach" : "reaches") the authorities only through \(gatekeeper). "
            + "It acts as the connecting link here; make sure that connection stays open."
    }

    func groupGatekeeper(group: String, members: [String], gatekeeper: String, isMember: Bool) -> String {
        "The \(group) (\(list(members))) \(members.count > 1 ? "reach" : "reaches") the authorities only through \(gatekeeper)"
            + "\(isMember ? ", itself a member of the group" : ""). "
            + "If that party drops out or holds information back, the group is cut off: "
            + "\(gatekeeper) is the only gatekeeper."
    }

    func actorGatekeeperByMandate(actor: String, gatekeeper: String) -> String {
        "\(actor) reaches the authorities only through \(gatekeeper), a connecting link. "
            + "Keep that connection open."
    }

    func actorGatekeeper(actor: String, gatekeeper: String) -> String {
        "\(actor) reaches the authorities only through \(gatekeeper). "
            + "What \(actor) brings in reaches the table only if \(gatekeeper) passes it on."
    }

    // MARK: funding-concentration

    private func band(_ level: PowerFlag.Severity) -> String {
        switch level {
        case .critical: "highly concentrated"
        case .warning: "concentrated"
        case .info: "somewhat uneven"
        }
    }

    func groupFundingConcentration(
        groupPlural: String, members: Int, top: String, share: String, ratio: String, index: String,
        level: PowerFlag.Severity
    ) -> String {
        "The money for \(groupPlural) is \(band(level)): \(top) receives \(share) of what the "
            + "\(members) \(groupPlural) get together, \(ratio) times an equal share "
            + "(normalised HHI \(index) on a scale from 0 to 1)."
    }

    func spendingConcentration(
        payer: String, recipients: Int, share: String, top: String, ratio: String, index: String,
        level: PowerFlag.Severity, excluded: Int
    ) -> String {
        var text =
            "The spending of \(payer) is \(band(level)): \(share) goes to \(top), \(ratio) times an "
            + "equal share over \(recipients) recipients (normalised HHI \(index) on a scale from 0 to 1)."
        if excluded > 0 {
            text +=
                " Money to others than providers (neighbourhood teams, the region, grants; \(excluded) "
                + (excluded == 1 ? "recipient" : "recipients") + ") is left out: that is not a market."
        }
        return text
    }

    // MARK: one-sided-dependence

    func marketDependence(dependent: String, share: String, funder: String, reverse: String) -> String {
        "\(dependent) gets \(share) of its resources from \(funder); "
            + "the other way round it is \(reverse). "
            + "\(dependent) depends on another market party, which thereby has power over it."
    }

    func marketDependents(funder: String, dependents: [Dependent]) -> String {
        "\(dependents.count) parties get at least half of their resources from \(funder), another market party, "
            + "and give it hardly anything back: \(list(dependents)). \(funder) has power over them."
    }

    func fundedDependents(funder: String, dependents: [Dependent]) -> String {
        let count = dependents.count
        let one = count == 1
        return
            "\(count) part\(one ? "y gets" : "ies get") at least half of \(one ? "its" : "their") resources "
            + "from \(funder): \(list(dependents)). "
            + "They depend on this funder; that comes with the role, but gives \(funder) much power."
    }

    func singleFunderDependence(dependents: [Dependent], funder: String) -> String {
        if dependents.count == 1, let one = dependents.first {
            return "The small provider \(one.name) gets \(one.share) of its money from \(funder) and has no "
                + "other source of weight. If \(funder) changes how it buys or subsidises, its survival is at "
                + "stake; that gives \(funder) much power over it."
        }
        return "\(dependents.count) small providers get nearly all their money from \(funder) and have no "
            + "other source of weight: \(list(dependents)). If \(funder) changes how it buys or subsidises, "
            + "their survival is at stake; that gives \(funder) much power over them."
    }

    // MARK: fragmentation

    func networkFragmented(unreachable: String) -> String {
        "The network falls apart: \(unreachable) of all pairs of parties cannot reach each other "
            + "by any route. That is fragmentation (versnippering)."
    }

    func keyPlayer(actor: String, rise: String) -> String {
        "Without \(actor) a further \(rise) of all pairs of parties could no longer reach each other. "
            + "The network hinges on this party."
    }

    func isolatedProviders(isolated: Int, providers: Int, share: String) -> String {
        "\(isolated) of the \(providers) providers (\(share)) have at most one tie: "
            + "many loose, small parties without mutual ties (fragmentation)."
    }

    // MARK: perception-gap

    func seenAsMoreInfluential(actor: String, gap: String) -> String {
        "\(actor) is seen as more influential than its network position shows "
            + "(gap \(gap) on a scale from 0 to 1). "
            + "Influence through reputation or formal role rather than ties?"
    }

    func hiddenInfluence(actor: String, gap: String) -> String {
        "\(actor) holds more structural power than the group perceives "
            + "(gap \(gap) on a scale from 0 to 1): hidden influence worth discussing."
    }
}
