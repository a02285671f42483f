import Foundation
import NetGraph

/// Settings of a synthetic regional network.
public struct GeneratorSettings: Sendable {
    /// Seed of the random choices (default 1); it is mixed with the region code, so the same
    /// seed gives each region its own network and the same network every run.
    public var seed: UInt64 = 1
    /// Year of the network, in its name and metadata (default 2024).
    public var year: Int = 2024
    /// Number of care providers; nil scales with inhabitants (one per 4,000, between 12 and 400).
    public var providers: Int?
    /// 0…1: how much of the youth-care money goes to the largest provider (0.2 even, 0.8 dominant).
    public var dominance: Double = 0.35
    /// 0…1: share of small providers with a single contract and no other ties (versnippering).
    public var fragmentation: Double = 0.3
    /// Whether a regional body and VNG act as intermediaries (else gemeenten contract directly).
    public var intermediaries: Bool = true
    /// 0…1: chance that a client organisation talks with its gemeente directly (else only
    /// through the largest provider).
    public var clientInvolvement: Double = 0.7

    /// The defaults: seed 1, year 2024, providers scaled by inhabitants, dominance 0.35,
    /// fragmentation 0.3, intermediaries, client involvement 0.7.
    public init() {}
}

/// Synthetic governance networks on real gemeenten (seeded, deterministic).
///
/// Built per DESIGN §2 with public facts (`datasets/README.md`): the gemeenten of a jeugdregio
/// with their inhabitants; a regio (the centrumgemeente construction) and VNG; VWS; providers
/// with a heavy-tailed (Pareto, α = 1.2) size distribution — few large "systeempartijen",
/// many small ones; welzijnsorganisaties, one wijkteam per gemeente (plus one per 50,000
/// inhabitants), a Wmo-adviesraad per gemeente and a regional cliëntenraad jeugd, citizens'
/// initiatives (one per 30,000 inhabitants), a zorgkantoor and a zorgverzekeraar. Money:
/// youth-care budget € 300 per inhabitant (national € 5.76 bn / 17.4 m inhabitants ≈ € 330),
/// in € million. Everything but the gemeenten is invented, and `network.yaml` says so.
public enum RegionGenerator {
    /// A synthetic network of one jeugdregio: the same region and settings always give the
    /// same network. Names and the source note are in Dutch (language `nl`); the size
    /// attribute is called `omvang`.
    public static func generate(_ region: Jeugdregio, settings: GeneratorSettings) -> Network {
        var rng = SplitMix64(seed: settings.seed ^ stableHash(region.code))
        var metadata = NetworkMetadata(
            name: "\(region.name) \(settings.year) (synthetisch)", region: region.name, year: settings.year,
            source: """
                Synthetisch netwerk van netan generate (seed \(settings.seed), \
                dominantie \(settings.dominance), versnippering \(settings.fragmentation), \
                intermediairs \(settings.intermediaries ? "ja" : "nee"), \
                cliëntbetrokkenheid \(settings.clientInvolvement)). Gemeenten en inwoners: CBS 2020; \
                alle andere actoren en alle relaties zijn verzonnen.
                """,
            sizeAttribute: "omvang")
        metadata.language = "nl"
        var network = Network(metadata: metadata)
        var relationCount = 0
        func relate(_ s: String, _ t: String, _ type: String, _ w: Double) {
            guard s != t, let known = network.vocabulary.relationType(named: type) else { return }
            network.add(
                Relation(
                    source: s, target: t, type: type, weight: (w * 1000).rounded() / 1000,
                    directed: known.directed))
            relationCount += 1
        }
        let inhabitants = region.inhabitants
        // Gemeenten, largest first (the centrumgemeente).
        let gemeenten = region.gemeenten.sorted { $0.inhabitants > $1.inhabitants }
        for g in gemeenten {
            network.add(
                Actor(
                    id: g.cbsCode.lowercased(), name: "Gemeente \(g.name)", type: "gemeente",
                    size: Double(g.inhabitants), attributes: ["cbs_code": g.cbsCode]))
        }
        network.add(Actor(id: "vws", name: "Ministerie van VWS", type: "rijk"))
        let regio = "regio-\(region.code.lowercased())"
        if settings.intermediaries {
            network.add(Actor(id: regio, name: "Jeugdregio \(region.name)", type: "regio"))
            network.add(Actor(id: "vng", name: "VNG", type: "vng"))
        }
        // Providers: Pareto sizes (turnover, € million), the largest scaled by dominance.
        let providerCount = settings.providers ?? min(400, max(12, inhabitants / 4000))
        var sizes = (0..<providerCount).map { _ in 0.2 * pow(1 - rng.nextDouble(), -1 / 1.2) }.sorted(by: >)
        let budget = Double(inhabitants) * 300 / 1_000_000
        let others = sizes.dropFirst().reduce(0, +)
        let dominance = min(0.95, max(0.01, settings.dominance))
        sizes[0] = others * dominance / (1 - dominance)
        let providers = (0..<providerCount).map { "za\($0 + 1)" }
        for (i, id) in providers.enumerated() {
            let large = i < max(1, providerCount / 20)
            network.add(
                Actor(
                    id: id,
                    name: large
                        ? "Zorgaanbieder \(i + 1) (groot, fictief)" : "Zorgaanbieder \(i + 1) (fictief)",
                    type: "zorgaanbieder",
                    size: (sizes[i] * 1000).rounded() / 1000))
        }
        let totalSize = sizes.reduce(0, +)
        let welfare = (0..<max(1, gemeenten.count / 2)).map { "welzijn\($0 + 1)" }
        for (i, id) in welfare.enumerated() {
            network.add(
                Actor(
                    id: id, name: "Welzijnsorganisatie \(i + 1) (fictief)", type: "welzijnsorganisatie",
                    size: 2 + rng.nextDouble() * 8))
        }
        network.add(Actor(id: "zorgkantoor", name: "Zorgkantoor \(region.name) (fictief)", type: "financier"))
        network.add(Actor(id: "zorgverzekeraar", name: "Zorgverzekeraar (fictief)", type: "financier"))
        network.add(
            Actor(
                id: "clientenraad-jeugd", name: "Cliëntenraad jeugd \(region.name) (fictief)",
                type: "clientorganisatie", size: 0.05))

        let largest = providers[0]
        for (gi, g) in gemeenten.enumerated() {
            let gid = g.cbsCode.lowercased()
            let youthBudget = Double(g.inhabitants) * 300 / 1_000_000
            relate("vws", gid, "financiering", youthBudget * 1.6)
            // Wijkteams and a Wmo-adviesraad per gemeente, initiatives per 30,000 inhabitants.
            let teams = 1 + g.inhabitants / 50_000
            for t in 0..<teams {
                let wt = "wijkteam-\(gid)-\(t + 1)"
                network.add(
                    Actor(
                        id: wt, name: "Wijkteam \(g.name)\(teams > 1 ? " \(t + 1)" : "")", type: "wijkteam",
                        size: 1 + rng.nextDouble()))
                relate(gid, wt, "financiering", youthBudget * 0.05 / Double(teams))
                relate(wt, gid, "informatie", 12)
                relate(wt, welfare[gi % welfare.count], "samenwerking", 6)
                // Referrals: to providers in proportion to size.
                for _ in 0..<3 {
                    let p = pick(sizes, &rng)
                    relate(wt, providers[p], "verwijzing", Double(1 + Int(rng.next(below: 20))))
                }
            }
            let raad = "wmo-raad-\(gid)"
            network.add(
                Actor(id: raad, name: "Wmo-adviesraad \(g.name)", type: "clientorganisatie", size: 0.02))
            relate(gid, raad, "financiering", 0.02)
            if rng.nextDouble() < settings.clientInvolvement {
                relate(gid, raad, "overleg", 4)
            } else {
                relate(largest, raad, "overleg", 4)
            }
            for b in 0..<max(1, g.inhabitants / 30_000) {
                let bid = "burgers-\(gid)-\(b + 1)"
                network.add(
                    Actor(
                        id: bid, name: "Bewonersinitiatief \(g.name)\(b > 0 ? " \(b + 1)" : "") (fictief)",
                        type: "burgerinitiatief", size: 0.01))
                relate(welfare[gi % welfare.count], bid, "samenwerking", 3)
                if rng.nextDouble() < settings.clientInvolvement { relate(gid, bid, "financiering", 0.01) }
            }
            relate(gid, welfare[gi % welfare.count], "financiering", youthBudget * 0.04)
            if settings.intermediaries {
                relate(gid, regio, "financiering", youthBudget * 0.8)
                relate(gid, regio, "overleg", 12)
                relate("vng", gid, "vertegenwoordiging", 1)
            } else {
                relate(gid, largest, "overleg", 6)
            }
        }
        if settings.intermediaries {
            relate("vng", "vws", "overleg", 6)
            relate("vng", regio, "overleg", 4)
            relate(regio, largest, "overleg", 10)
        }
        // Youth-care money to providers: by size; small providers with a single contract under
        // fragmentation, otherwise contracts with several gemeenten.
        let payers = settings.intermediaries ? [regio] : gemeenten.map { $0.cbsCode.lowercased() }
        for (i, id) in providers.enumerated() {
            let amount = budget * 0.8 * sizes[i] / totalSize
            let isolated = i > 0 && rng.nextDouble() < settings.fragmentation
            let contracts = isolated ? 1 : min(payers.count, 1 + Int(rng.next(below: 3)))
            for c in 0..<contracts {
                let payer = payers[(i + c) % payers.count]
                relate(payer, id, "financiering", amount / Double(contracts))
                relate(payer, id, "contract", 1)
            }
            if !isolated && i > 0 {
                // Collaboration among providers; the largest represents some small ones.
                relate(id, providers[Int(rng.next(below: UInt64(providerCount)))], "samenwerking", 2)
                if rng.nextDouble() < dominance { relate(largest, id, "vertegenwoordiging", 1) }
            }
        }
        relate(largest, "clientenraad-jeugd", "overleg", 6)
        if rng.nextDouble() < settings.clientInvolvement {
            relate(payers[0], "clientenraad-jeugd", "overleg", 4)
        }
        relate("zorgkantoor", providers[min(1, providerCount - 1)], "financiering", budget * 0.2)
        relate("zorgverzekeraar", providers[min(2, providerCount - 1)], "financiering", budget * 0.05)
        relate("zorgkantoor", payers[0], "overleg", 2)
        return network
    }

    /// Index drawn with probability proportional to `weights`.
    static func pick(_ weights: [Double], _ rng: inout SplitMix64) -> Int {
        let total = weights.reduce(0, +)
        var target = rng.nextDouble() * total
        for (i, w) in weights.enumerated() {
            target -= w
            if target < 0 { return i }
        }
        return weights.count - 1
    }

    /// FNV-1a, stable across runs and platforms (Swift's `hashValue` is seeded per process).
    static func stableHash(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }

    /// A national network: every region generated and joined, with one VWS and one VNG.
    public static func national(settings: GeneratorSettings) throws -> Network {
        var combined = Network(
            metadata: NetworkMetadata(
                name: "Nederland \(settings.year) (synthetisch)", region: "Nederland", year: settings.year,
                source:
                    "Synthetisch nationaal netwerk van netan generate (seed \(settings.seed)): "
                    + "alle 42 jeugdregio's; gemeenten en inwoners CBS 2020, al het andere verzonnen.",
                sizeAttribute: "omvang"))
        for region in try Jeugdregio.all() {
            var s = settings
            s.seed = settings.seed &+ stableHash(region.code)
            let part = generate(region, settings: s)
            let prefix = region.code.lowercased() + "-"
            func global(_ id: String) -> String {
                ["vws", "vng"].contains(id) || id.hasPrefix("gm") ? id : prefix + id
            }
            for actor in part.actors where !combined.contains(actor: global(actor.id)) {
                var a = actor
                a.id = global(actor.id)
                if !["vws", "vng"].contains(actor.id) && !actor.id.hasPrefix("gm") {
                    a.name = "\(actor.name) [\(region.code)]"
                }
                combined.add(a)
            }
            for relation in part.relations {
                var r = relation
                r.source = global(relation.source)
                r.target = global(relation.target)
                combined.add(r)
            }
        }
        return combined
    }
}
