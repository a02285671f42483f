/// The literature and methods each rule rests on, as shown with its findings: authors, year and
/// DOI only, so that the line reads the same in a Dutch and an English report.
enum FindingReferences {
    /// dominant-broker.
    static let dominantBroker =
        "Freeman 1977, doi:10.2307/3033543; Gould & Fernandez 1989, doi:10.2307/270949"
    /// centralized-network.
    static let centralizedNetwork =
        "Freeman 1979, doi:10.1016/0378-8733(78)90021-7; "
        + "Anderson, Butts & Carley 1999, doi:10.1016/S0378-8733(98)00012-4"
    /// large-party-dominance.
    static let largePartyDominance =
        "Spearman 1904, doi:10.2307/1412159; Freeman 1979, doi:10.1016/0378-8733(78)90021-7"
    /// sidelined-group.
    static let sidelinedGroup =
        "Seidman 1983, doi:10.1016/0378-8733(83)90028-X; Gould & Fernandez 1989, doi:10.2307/270949"
    /// isolated-actor.
    static let isolatedActor = "Wasserman & Faust 1994, §4.3; Gould & Fernandez 1989, doi:10.2307/270949"
    /// single-gatekeeper.
    static let singleGatekeeper = "Hopcroft & Tarjan 1973, doi:10.1145/362248.362272; Gould & Fernandez 1989"
    /// funding-concentration.
    static let fundingConcentration = "Rhoades 1993, Federal Reserve Bulletin 79; EU 2004/C 31/03"
    /// one-sided-dependence.
    static let oneSidedDependence =
        "Emerson 1962, doi:10.2307/2089716; Casciaro & Piskorski 2005, doi:10.2189/asqu.2005.50.2.167"
    /// fragmentation.
    static let fragmentation = "Borgatti 2006, doi:10.1007/s10588-006-7084-x"
    /// perception-gap.
    static let perceptionGap = "Schiffer & Hauck 2010, doi:10.1177/1525822X10374798"
}
