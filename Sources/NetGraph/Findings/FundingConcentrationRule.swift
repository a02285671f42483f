/// **funding-concentration**: money that flows to or from few parties (Herfindahl–Hirschman
/// index, HHI, in points 0–10,000).
///
/// For each provider group of two or more, the concentration of its inflow over its members;
/// for each authority or financier paying at least three parties that are not authorities or
/// intermediaries, the concentration of that spending. The band decides the severity: `info`
/// from `funding-concentration.moderate`, warning from `funding-concentration.high`, critical
/// from `funding-concentration.critical`.
///
/// Reference: Herfindahl–Hirschman index; bands of the EU horizontal-merger guidelines
/// (2004/C 31/03), which the ACM follows.
struct FundingConcentrationRule: FindingRule {
    static let id = "funding-concentration"

    func evaluate(_ c: FindingContext) -> [PowerFlag] {
        let moderate = c.thresholds.fundingConcentrationModerate
        let high = c.thresholds.fundingConcentrationHigh
        let critical = c.thresholds.fundingConcentrationCritical
        func severity(_ points: Double) -> PowerFlag.Severity? {
            points >= critical ? .critical : points >= high ? .warning : points >= moderate ? .info : nil
        }
        let thresholds = [("moderate", moderate), ("high", high), ("critical", critical)]
        let flows = c.flows
        var flags = FlagBuilder(rule: Self.id)
        // A provider group: how concentrated is the money it receives over its members?
        for group in c.groups where group.role == .provider && group.actors.count >= 2 {
            guard let hhi = group.inflowHHI, hhi.parts >= 2, let s = severity(hhi.points),
                let top = group.actors.max(by: { flows.inStrength[$0] < flows.inStrength[$1] })
            else { continue }
            let topShare = flows.inStrength[top] / group.actors.reduce(0) { $0 + flows.inStrength[$1] }
            let points = Int(hhi.points.rounded())
            let share = FindingContext.percent(topShare)
            let typeLabel = c.label(group.type)
            flags.add(
                s, .type, [group.type, c.id(top)],
                evidence: [
                    ("hhi_points", hhi.points), ("hhi_normalized", hhi.normalized ?? .nan),
                    ("largest_share", topShare),
                ],
                threshold: thresholds,
                nl: FindingText.nl.groupFundingConcentration(
                    typeLabel: typeLabel, points: points, top: c.name(top), share: share),
                en: FindingText.en.groupFundingConcentration(
                    typeLabel: typeLabel, points: points, top: c.name(top), share: share),
                reference: FindingReferences.fundingConcentration)
        }
        // A payer: how concentrated is its spending on parties that are not authorities or intermediaries?
        for i in 0..<c.network.actors.count where [.publicAuthority, .financier].contains(c.role(i)) {
            let spending = flows.outflow[i].filter {
                ![.publicAuthority, .intermediary].contains(c.role($0.key))
            }
            guard spending.count >= 3, let hhi = FlowAnalysis.concentration(Array(spending.values)),
                let s = severity(hhi.points),
                let top = spending.max(by: { ($0.value, $1.key) < ($1.value, $0.key) })
            else { continue }
            let topShare = top.value / spending.values.reduce(0, +)
            let points = Int(hhi.points.rounded())
            let share = FindingContext.percent(topShare)
            let payer = c.name(i)
            let recipient = c.name(top.key)
            flags.add(
                s, .actor, [c.id(i), c.id(top.key)],
                evidence: [
                    ("hhi_points", hhi.points), ("hhi_normalized", hhi.normalized ?? .nan),
                    ("largest_share", topShare), ("recipients", Double(hhi.parts)),
                ],
                threshold: thresholds,
                nl: FindingText.nl.spendingConcentration(
                    payer: payer, points: points, recipients: hhi.parts, share: share, top: recipient),
                en: FindingText.en.spendingConcentration(
                    payer: payer, points: points, recipients: hhi.parts, share: share, top: recipient),
                reference: FindingReferences.fundingConcentration)
        }
        return flags.flags
    }
}
