/// The literature and methods each rule rests on, as shown with its findings.
enum FindingReferences {
    /// dominant-broker.
    static let dominantBroker =
        "Freeman 1977 (betweenness as control over communication), doi:10.2307/3033543; "
        + "Gould & Fernandez 1989, doi:10.2307/270949"
    /// centralized-network.
    static let centralizedNetwork =
        "Freeman 1979, doi:10.1016/0378-8733(78)90021-7; "
        + "CUG test: Anderson, Butts & Carley 1999, doi:10.1016/S0378-8733(98)00012-4"
    /// large-party-dominance.
    static let largePartyDominance =
        "Representation ratio (share of centrality / share of actors); "
        + "Spearman rank correlation of size and degree"
    /// sidelined-group.
    static let sidelinedGroup =
        "Representation ratio; k-core (Seidman 1983, doi:10.1016/0378-8733(83)90028-X); "
        + "gatekeeping (Gould & Fernandez 1989)"
    /// single-gatekeeper.
    static let singleGatekeeper =
        "Articulation points (Hopcroft & Tarjan 1973); gatekeeper role, Gould & Fernandez 1989"
    /// isolated-actor.
    static let isolatedActor =
        "Isolates (Wasserman & Faust 1994, Social Network Analysis, §4.3); access and voice "
        + "(Gould & Fernandez 1989, doi:10.2307/270949)"
    /// funding-concentration.
    static let fundingConcentration =
        "Normalised Herfindahl–Hirschman index (H − 1/k)/(1 − 1/k); EU horizontal-merger guidelines "
        + "(2004/C 31/03) for the reading of concentration"
    /// one-sided-dependence.
    static let oneSidedDependence =
        "Emerson 1962, doi:10.2307/2089716; Casciaro & Piskorski 2005, doi:10.2189/asqu.2005.50.2.167"
    /// fragmentation.
    static let fragmentation = "Borgatti 2006, key player, doi:10.1007/s10588-006-7084-x"
    /// perception-gap.
    static let perceptionGap =
        "Net-Map influence towers (Schiffer & Hauck 2010, doi:10.1177/1525822X10374798) "
        + "against structural centrality"
}
