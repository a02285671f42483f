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
            + "Wie elkaar wil bereiken, moet vaak via deze partij: zij heeft in de praktijk veel regie over "
            + "wie wie bereikt, zonder dat het netwerk haar die rol als overheid of regio heeft gegeven."
    }

    func accessBroker(paths: Int, from: String, to: String, share: String, broker: String) -> String {
        "Van de \(paths) indirecte verbindingen tussen \(from) en \(to) loopt \(share) via \(broker). "
            + "Deze partij bepaalt zo grotendeels wat de ene groep van de andere hoort."
    }

    // MARK: centralized-network

    func centralizedNetwork(hub: String, centralization: String, pValue: Double?) -> String {
        let tested =
            pValue.map {
                " (p = " + String(format: "%.3f", $0).replacingOccurrences(of: ".", with: ",")
                    + " in een CUG-toets)"
            }
            ?? ""
        return "Het netwerk is gecentraliseerd rond \(hub): centralisatie \(centralization) "
            + "op een schaal van 0 (iedereen gelijk) tot 1 (een ster)\(tested). "
            + "Veel loopt via één middelpunt."
    }

    // MARK: large-party-dominance

    func largePartyDominance(
        parties: [String], share: String, measure: ActorMeasure, ratio: String
    ) -> String {
        let several = parties.count > 1
        return "De grootste aanbieder\(several ? "s" : "") naar omvang (\(list(parties))) "
            + "\(several ? "hebben" : "heeft") \(share) van \(measureName(measure)) van alle aanbieders in handen, "
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
        "Hoe groter een aanbieder, hoe meer relaties ze heeft (rangcorrelatie \(correlation)). "
            + "Omvang vertaalt zich hier direct in positie in het netwerk."
    }

    // MARK: sidelined-group

    func sidelinedGroup(groupPlural: String, groupSize: Int, members: [String], reason: SidelinedReason)
        -> String
    {
        let one = members.count == 1
        let who = list(members)
        let count = one ? "" : " (\(members.count) van de \(groupSize) \(groupPlural))"
        switch reason {
        case let .underrepresented(share, actorShare, ratio):
            return
                "Geen directe lijn naar de overheid: \(who)\(count). De \(groupPlural) hebben samen \(share) "
                + "van de relaties, terwijl ze \(actorShare) van de partijen zijn (verhouding \(ratio)). "
                + "Hun stem komt maar beperkt aan tafel."
        case .outerShell:
            return "\(who)\(count) \(one ? "heeft" : "hebben") geen directe lijn naar de overheid en "
                + "\(one ? "staat" : "staan") aan de rand van het netwerk, met weinig partners. "
                + "\(one ? "Haar" : "Hun") stem komt maar beperkt aan tafel."
        case let .onlyThrough(gatekeeper):
            return "\(who)\(count) \(one ? "heeft" : "hebben") geen directe lijn naar de overheid en "
                + "\(one ? "bereikt" : "bereiken") haar alleen via \(gatekeeper)."
        }
    }

    // MARK: isolated-actor

    func isolatedActor(actor: String, typeLabel: String, voice: Bool) -> String {
        voice
            ? "\(actor) (\(typeLabel)) heeft geen enkele relatie in dit netwerk: haar stem ontbreekt aan tafel. "
                + "Ga na of dat klopt of dat gegevens ontbreken."
            : "\(actor) (\(typeLabel)) heeft geen enkele relatie in dit netwerk. "
                + "Ga na of dat klopt of dat gegevens ontbreken."
    }

    // MARK: missing-answers

    /// `actor` (of type `typeLabel`) did not answer the survey; `partners` others named a tie
    /// with it. Not part of `FindingMessages` (its file is outside this change): called on
    /// the struct by `MissingAnswers`.
    func missingAnswers(actor: String, typeLabel: String, partners: Int) -> String {
        if partners == 0 {
            return "\(actor) (\(typeLabel)) heeft de vragenlijst niet ingevuld, en niemand noemde "
                + "een relatie met haar. Haar eigen antwoorden ontbreken: of ze relaties heeft, is onbekend. "
                + "Vraag haar alsnog om de vragenlijst in te vullen."
        }
        let others = partners == 1 ? "één andere partij noemde" : "\(partners) andere partijen noemden"
        return "\(actor) (\(typeLabel)) heeft de vragenlijst niet ingevuld; \(others) een relatie met haar. "
            + "Haar eigen antwoorden ontbreken, dus haar relaties zijn mogelijk onvolledig: "
            + "een plaats aan de rand of zonder directe lijn naar de overheid kan daaraan liggen. "
            + "Vraag haar alsnog om de vragenlijst in te vullen."
    }

    // MARK: single-gatekeeper

    func groupGatekeeperByMandate(group: String, several: Bool, gatekeeper: String) -> String {
        "De \(group) \(several ? "bereiken" : "bereikt") de overheid alleen via \(gatekeeper). "
            + "Die vervult hier de rol van verbindende schakel; let erop dat die verbinding open blijft."
    }

    func groupGatekeeper(group: String, members: [String], gatekeeper: String, isMember: Bool) -> String {
        "De \(group) (\(list(members))) \(members.count > 1 ? "bereiken" : "bereikt") de overheid alleen via \(gatekeeper)"
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

    private func band(_ level: PowerFlag.Severity) -> String {
        switch level {
        case .critical: "sterk geconcentreerd"
        case .warning: "geconcentreerd"
        case .info: "enigszins scheef verdeeld"
        }
    }

    func groupFundingConcentration(
        groupPlural: String, members: Int, top: String, share: String, ratio: String, index: String,
        level: PowerFlag.Severity
    ) -> String {
        "Het geld voor de \(groupPlural) is \(band(level)): \(top) ontvangt \(share) van wat de "
            + "\(members) \(groupPlural) samen krijgen, \(ratio) keer een gelijk deel "
            + "(genormaliseerde HHI \(index) op een schaal van 0 tot 1)."
    }

    func spendingConcentration(
        payer: String, recipients: Int, share: String, top: String, ratio: String, index: String,
        level: PowerFlag.Severity, excluded: Int
    ) -> String {
        var text =
            "De uitgaven van \(payer) zijn \(band(level)): \(share) gaat naar \(top), \(ratio) keer een "
            + "gelijk deel over \(recipients) ontvangers (genormaliseerde HHI \(index) op een schaal van 0 tot 1)."
        if excluded > 0 {
            text +=
                " Geld aan anderen dan aanbieders (wijkteams, de regio, subsidies; \(excluded) "
                + (excluded == 1 ? "ontvanger" : "ontvangers") + ") telt hier niet mee: dat is geen markt."
        }
        return text
    }

    // MARK: one-sided-dependence

    func marketDependence(dependent: String, share: String, funder: String, reverse: String) -> String {
        "\(dependent) krijgt \(share) van haar middelen van \(funder); "
            + "omgekeerd is dat \(reverse). "
            + "\(dependent) is afhankelijk van een andere marktpartij, die daarmee macht over haar heeft."
    }

    func marketDependents(funder: String, dependents: [Dependent]) -> String {
        "\(dependents.count) partijen krijgen minstens de helft van hun middelen van \(funder), "
            + "een andere marktpartij, en geven haar nauwelijks iets terug: \(list(dependents)). "
            + "\(funder) heeft macht over hen."
    }

    func fundedDependents(funder: String, dependents: [Dependent]) -> String {
        let count = dependents.count
        let one = count == 1
        return "\(count) partij\(one ? "" : "en") krijg\(one ? "t" : "en") minstens de helft van "
            + "\(one ? "haar" : "hun") middelen van \(funder): \(list(dependents)). "
            + "\(one ? "Die is" : "Zij zijn") afhankelijk van deze financier; dat hoort bij de rol, "
            + "maar geeft \(funder) veel macht."
    }

    func singleFunderDependence(dependents: [Dependent], funder: String) -> String {
        if dependents.count == 1, let one = dependents.first {
            return
                "De kleine aanbieder \(one.name) haalt \(one.share) van haar geld bij \(funder) en heeft geen "
                + "andere bron van betekenis. Als \(funder) anders gaat inkopen of subsidiëren, staat haar "
                + "voortbestaan op het spel; dat geeft \(funder) veel macht over haar."
        }
        return "\(dependents.count) kleine aanbieders halen vrijwel al hun geld bij \(funder) en hebben geen "
            + "andere bron van betekenis: \(list(dependents)). Als \(funder) anders gaat inkopen of "
            + "subsidiëren, staat hun voortbestaan op het spel; dat geeft \(funder) veel macht over hen."
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
            + "(verschil \(gap) op een schaal van 0 tot 1). "
            + "Invloed via reputatie of formele rol, niet via relaties?"
    }

    func hiddenInfluence(actor: String, gap: String) -> String {
        "\(actor) heeft structureel meer macht dan de groep denkt "
            + "(verschil \(gap) op een schaal van 0 tot 1): verborgen invloed die het bespreken waard is."
    }
}
