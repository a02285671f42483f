/// **funding-concentration**: money that goes to few of the parties that could get it.
///
/// Two views. A payer (an authority or financier) paying at least
/// `funding-concentration.recipients` providers: how uneven is that spending? Payments to
/// anyone else (other authorities, the regio or VNG, wijkteams, client organisations and
/// initiatives) are left out, with a sentence saying so: a gemeente funding its own wijkteam
/// or subsidising a client council is not buying on a market. And a provider
/// type with at least that many paid members: how uneven is the money over them?
///
/// Concentration is the normalised Herfindahl–Hirschman index H* = (H − 1/k)/(1 − 1/k) over
/// the k recipients (0 = an even split, 1 = one takes all), so that its bands mean the same
/// for 3 and for 300 recipients; raw HHI points cannot fall below 10,000/k and would call
/// any split over two or three parties concentrated. A finding also needs the largest share
/// to reach `funding-concentration.share-ratio` times the equal share 1/k. Severity: info from
/// `funding-concentration.info`, warning from `.warning`, critical from `.critical`. Payers or
/// groups with a flow whose amount the data does not give are skipped (a default weight of
/// 1 is not an amount).
///
/// Reference: Herfindahl–Hirschman index; normalised form as in e.g. Rhoades (1993), Federal
/// Reserve Bulletin 79; bands of the EU horizontal-merger guidelines (2004/C 31/03).
struct FundingConcentrationRule: FindingRule {
    static let id = "funding-concentration"

    func evaluate(_ c: FindingContext) -> [PowerFlag] {
        let t = c.thresholds
        let minimum = max(2, Int(t.fundingConcentrationRecipients.rounded()))
        func severity(_ index: Double, top: Double, k: Int) -> PowerFlag.Severity? {
            guard k >= minimum, top >= t.fundingConcentrationShareRatio / Double(k) else { return nil }
            if index >= t.fundingConcentrationCritical { return .critical }
            if index >= t.fundingConcentrationWarning { return .warning }
            return index >= t.fundingConcentrationInfo ? .info : nil
        }
        let thresholds = [
            ("recipients", Double(minimum)), ("share-ratio", t.fundingConcentrationShareRatio),
            ("info", t.fundingConcentrationInfo), ("warning", t.fundingConcentrationWarning),
            ("critical", t.fundingConcentrationCritical),
        ]
        let flows = c.flows
        var flags = FlagBuilder(rule: Self.id)
        func digits(_ x: Double, _ language: String) -> String {
            FindingContext.number(x, digits: 2, language)
        }
        func ratio(_ x: Double, _ language: String) -> String {
            FindingContext.number(x, digits: 1, language)
        }
        // A provider group: how uneven is the money over its paid members?
        for group in c.groups where group.role == .provider {
            let paid = group.actors.filter { flows.inStrength[$0] > 0 }
            guard paid.count >= minimum, c.amountMissingTo.isDisjoint(with: paid),
                let hhi = FlowAnalysis.concentration(paid.map { flows.inStrength[$0] }),
                let index = hhi.normalized,
                let top = paid.max(by: { (flows.inStrength[$0], $1) < (flows.inStrength[$1], $0) })
            else { continue }
            let topShare = flows.inStrength[top] / paid.reduce(0) { $0 + flows.inStrength[$1] }
            guard let s = severity(index, top: topShare, k: paid.count) else { continue }
            let times = topShare * Double(paid.count)
            flags.add(
                s, .type, [group.type, c.id(top)],
                evidence: [
                    ("hhi_normalized", index), ("largest_share", topShare),
                    ("recipients", Double(paid.count)),
                    ("hhi_points", hhi.points),
                ],
                threshold: thresholds,
                nl: FindingText.nl.groupFundingConcentration(
                    groupPlural: c.label(group.type, "nl", plural: true), members: paid.count,
                    top: c.name(top),
                    share: FindingContext.percent(topShare), ratio: ratio(times, "nl"),
                    index: digits(index, "nl"),
                    level: s),
                en: FindingText.en.groupFundingConcentration(
                    groupPlural: c.label(group.type, "en", plural: true), members: paid.count,
                    top: c.name(top),
                    share: FindingContext.percent(topShare), ratio: ratio(times, "en"),
                    index: digits(index, "en"),
                    level: s),
                reference: FindingReferences.fundingConcentration)
        }
        // A payer: how uneven is its spending on market parties?
        // The market is the providers: subsidies to client organisations and initiatives, and
        // money to wijkteams, the regio or other authorities, are not purchases on a market.
        for i in 0..<c.network.actors.count where [.publicAuthority, .financier].contains(c.role(i)) {
            guard !c.amountMissingFrom.contains(i) else { continue }
            let spending = flows.outflow[i].filter { c.role($0.key) == .provider }
            let excluded = flows.outflow[i].count - spending.count
            guard let hhi = FlowAnalysis.concentration(Array(spending.values)), let index = hhi.normalized,
                let top = spending.max(by: { ($0.value, $1.key) < ($1.value, $0.key) })
            else { continue }
            let topShare = top.value / spending.values.reduce(0, +)
            guard let s = severity(index, top: topShare, k: hhi.parts) else { continue }
            let times = topShare * Double(hhi.parts)
            flags.add(
                s, .actor, [c.id(i), c.id(top.key)],
                evidence: [
                    ("hhi_normalized", index), ("largest_share", topShare), ("recipients", Double(hhi.parts)),
                    ("hhi_points", hhi.points), ("excluded_recipients", Double(excluded)),
                ],
                threshold: thresholds,
                nl: FindingText.nl.spendingConcentration(
                    payer: c.name(i), recipients: hhi.parts, share: FindingContext.percent(topShare),
                    top: c.name(top.key), ratio: ratio(times, "nl"), index: digits(index, "nl"), level: s,
                    excluded: excluded),
                en: FindingText.en.spendingConcentration(
                    payer: c.name(i), recipients: hhi.parts, share: FindingContext.percent(topShare),
                    top: c.name(top.key), ratio: ratio(times, "en"), index: digits(index, "en"), level: s,
                    excluded: excluded),
                reference: FindingReferences.fundingConcentration)
        }
        return flags.flags
    }
}
