import Foundation

/// The findings in Dutch.
struct FindingMessagesDutch: FindingMessages {
    // MARK: dominant-broker

    func mandatedBroker(actor: String, share: String, typeLabel: String) -> String {
        "\(actor) ligt op \(share) van alle kortste verbindingen tussen andere partijen. "
            + "Als \(typeLabel) is dat haar taak: een verbindende schakel, geen teken van dominantie."
    }

    func dominantBroker(actor: String, share: String) -> String {
        "\(actor) ligt op \(share) van alle kortste verbindingen tussen andere partijen. "
            + "Wie elkaar wil bereiken, moet vaak via deze partij: zij heeft in de praktijk veel regie, "
            + "terwijl dat niet haar taak is."
    }

    func accessBroker(paths: Int, from: String, to: String, share: String, broker: String) -> String {
        "Van de \(paths) indirecte verbindingen tussen \(from) en \(to) loopt \(share) via \(broker). "
            + "Deze partij bepaalt zo grotendeels wat de ene groep van de andere hoort."
    }

    // MARK: centralized-network

    func centralizedNetwork(hub: String, centralization: String, pValue: Double?) -> String {
        let tested = pValue.map { String(format: " (p = %.3f in een CUG-toets)", $0) } ?? ""
        return "Het netwerk is sterk gecentraliseerd rond \(hub): centralisatie \(centralization) "
            + "op een schaal van 0 (iedereen gelijk) tot 1 (een ster)\(tested). "
            + "Veel loopt via één middelpunt."
    }

    // MARK: large-party-dominance

    func largePartyDominance(
        parties: [String], share: String, measure: ActorMeasure, ratio: String
    ) -> String {
        let several = parties.count > 1
        return "De grootste partij\(several ? "en" : "") naar omvang (\(list(parties))) "
            + "\(several ? "hebben" : "heeft") \(share) van \(measureName(measure)) in handen, "
            + "\(ratio) keer zoveel als \(several ? "hun" : "haar") aantal rechtvaardigt. "
            + "Grote organisaties zitten zo dichter bij de agenda dan kleine."
    }

    /// What the large parties hold a share of, by measure.
    private func measureName(_ measure: ActorMeasure) -> String {
        switch measure {
        case .degree: "de relaties"
        case .betweenness: "de makelaarsposities"
        case .pagerank: "de ontvangen aandacht en middelen"
        default: measure.label("nl")  // not read by large-party-dominance
        }
    }

    func sizeDrivesTies(correlation: String) -> String {
        "Hoe groter een organisatie, hoe meer relaties ze heeft (rangcorrelatie \(correlation)). "
            + "Omvang vertaalt zich hier direct in positie in het netwerk."
    }

    // MARK: sidelined-group

    func sidelinedGroup(label: String, members: [String], reason: SidelinedReason) -> String {
        let why: String
        switch reason {
        case let .underrepresented(share, actorShare, ratio):
            why =
                "heeft samen \(share) van de relaties, terwijl ze \(actorShare) van de partijen zijn "
                + "(verhouding \(ratio))"
        case let .outerShell(core):
            why = "zit geheel in de buitenste schil van het netwerk (k-kern \(core))"
        case let .onlyThrough(gatekeeper):
            why = "bereikt de overheid alleen via \(gatekeeper)"
        }
        return "De groep \(label) (\(list(members))) \(why). "
            + "Hun stem komt maar beperkt aan tafel: ze staan buitenspel."
    }

    // MARK: single-gatekeeper

    func groupGatekeeperByMandate(group: String, gatekeeper: String) -> String {
        "\(group) bereikt de overheid alleen via \(gatekeeper). "
            + "Die vervult hier de rol van verbindende schakel; let erop dat die verbinding open blijft."
    }

    func groupGatekeeper(group: String, members: [String], gatekeeper: String, isMember: Bool) -> String {
        "\(group) (\(list(members))) bereikt de overheid alleen via \(gatekeeper)"
            + "\(isMember ? ", zelf lid van de groep" : ""). "
            + "Valt die partij weg of houdt ze informatie vast, dan is de groep afgesloten: "
            + "\(gatekeeper) is de enige poortwachter."
    }

    func actorGatekeeperByMandate(actor: String, gatekeeper: String) -> String {
        "\(actor) bereikt de overheid alleen via \(gatekeeper), een verbindende schakel. "
            + "Houd die verbinding open."
    }

    func actorGatekeeper(actor: String, gatekeeper: String) -> String {
        "\(actor) bereikt de overheid alleen via \(gatekeeper). "
            + "Wat \(actor) inbrengt, komt alleen aan tafel als \(gatekeeper) het doorgeeft."
    }

    // MARK: funding-concentration

    func groupFundingConcentration(typeLabel: String, points: Int, top: String, share: String) -> String {
        "Het geld voor \(typeLabel) is geconcentreerd: HHI \(points) punten; \(top) ontvangt \(share). "
            + "Boven 2.000 punten spreken mededingingstoezichthouders van een sterk geconcentreerde markt."
    }

    func spendingConcentration(
        payer: String, points: Int, recipients: Int, share: String, top: String
    ) -> String {
        "\(payer) besteedt geconcentreerd: HHI \(points) punten over \(recipients) ontvangers; "
            + "\(share) gaat naar \(top)."
    }

    // MARK: one-sided-dependence

    func marketDependence(dependent: String, share: String, funder: String, reverse: String) -> String {
        "\(dependent) krijgt \(share) van haar middelen van \(funder); "
            + "omgekeerd is dat \(reverse). "
            + "\(dependent) is afhankelijk van een andere marktpartij, die daarmee macht over haar heeft."
    }

    func marketDependents(funder: String, dependents: [Dependent]) -> String {
        "\(dependents.count) partijen krijgen het grootste deel van hun middelen van \(funder), "
            + "een andere marktpartij, en geven haar nauwelijks iets terug: \(list(dependents)). "
            + "\(funder) heeft macht over hen."
    }

    func fundedDependents(funder: String, dependents: [Dependent]) -> String {
        let count = dependents.count
        let one = count == 1
        return "\(count) partij\(one ? "" : "en") krijg\(one ? "t" : "en") het grootste deel van "
            + "\(one ? "haar" : "hun") middelen van \(funder): \(list(dependents)). "
            + "\(one ? "Die is" : "Zij zijn") afhankelijk van deze financier; dat hoort bij de rol, "
            + "maar geeft \(funder) veel macht."
    }

    // MARK: fragmentation

    func networkFragmented(unreachable: String) -> String {
        "Het netwerk valt uiteen: \(unreachable) van alle paren partijen kan elkaar via geen enkele route "
            + "bereiken. Dat is versnippering."
    }

    func keyPlayer(actor: String, rise: String) -> String {
        "Zonder \(actor) kan nog eens \(rise) van alle paren partijen elkaar niet meer bereiken. "
            + "Het netwerk hangt op deze partij."
    }

    func isolatedProviders(isolated: Int, providers: Int, share: String) -> String {
        "\(isolated) van de \(providers) aanbieders (\(share)) hebben hooguit één relatie: "
            + "veel losse, kleine partijen zonder onderling verband (versnippering)."
    }

    // MARK: perception-gap

    func seenAsMoreInfluential(actor: String, gap: String) -> String {
        "\(actor) wordt als invloedrijker gezien dan de netwerkpositie laat zien "
            + "(verschil \(gap) op een schaal van −1 tot 1). "
            + "Invloed via reputatie of formele rol, niet via relaties?"
    }

    func hiddenInfluence(actor: String, gap: String) -> String {
        "\(actor) heeft structureel meer macht dan de groep denkt "
            + "(verschil \(gap) op een schaal van −1 tot 1): verborgen invloed die het bespreken waard is."
    }
}
