import Foundation
import NetGraph

/// The 42 Dutch jeugdzorgregio's with their gemeenten, CBS codes and inhabitants, embedded as
/// a package resource (`Resources/jeugdregios/`, a copy of `datasets/reference/`; provenance
/// in `datasets/reference/README.md`): membership after CBS table 83287NED (2016) moved to the
/// 2023 municipal division, inhabitants CBS 2020.
public struct Jeugdregio: Sendable {
    /// A gemeente (municipality) of the region.
    public struct Gemeente: Sendable {
        /// The name as CBS writes it ("Breda", "Het Hogeland").
        public var name: String
        /// The CBS municipality code ("GM0758").
        public var cbsCode: String
        /// Inhabitants (CBS 2020); 0 when the data file has no usable number.
        public var inhabitants: Int
    }

    /// The CBS region code ("JZ34").
    public var code: String
    /// The region's name (CBS/PDOK 2025).
    public var name: String
    /// The gemeenten of the region, in the order of the data file.
    public var gemeenten: [Gemeente]
    /// Inhabitants of all its gemeenten together.
    public var inhabitants: Int { gemeenten.reduce(0) { $0 + $1.inhabitants } }

    /// The embedded data folder (a copy of datasets/reference, with its provenance there).
    package static var resources: URL { Bundle.module.resourceURL!.appendingPathComponent("jeugdregios") }

    /// All regions, in code order.
    public static func all() throws -> [Jeugdregio] {
        let url = resources.appendingPathComponent("jeugdregio-gemeenten.csv")
        let data = try Data(contentsOf: url)
        let table = try CSVTable.parse(String(decoding: data, as: UTF8.self))
        func column(_ name: String) -> Int { table.header.firstIndex(of: name)! }
        let region = column("region")
        let code = column("jz_code")
        let gemeente = column("gemeente")
        let gm = column("gm_code")
        let inhabitants = column("inwoners")
        var byCode: [String: Jeugdregio] = [:]
        let names = try regionNames()
        for record in table.records {
            let f = record.fields
            // "JZ26/JZ31": membership uncertain after a merger (Vijfheerenlanden); the gemeente
            // is placed in the first region listed, as documented in datasets/reference/README.md.
            let regionCode = String(f[code].split(separator: "/").first ?? "")
            var r =
                byCode[regionCode]
                ?? Jeugdregio(code: regionCode, name: names[regionCode] ?? f[region], gemeenten: [])
            r.gemeenten.append(
                Gemeente(name: f[gemeente], cbsCode: f[gm], inhabitants: Int(f[inhabitants]) ?? 0))
            byCode[regionCode] = r
        }
        return byCode.values.sorted { $0.code < $1.code }
    }

    static func regionNames() throws -> [String: String] {
        let url = resources.appendingPathComponent("jeugdregio-namen.csv")
        let table = try CSVTable.parse(String(decoding: try Data(contentsOf: url), as: UTF8.self))
        return Dictionary(table.records.map { ($0.fields[0], $0.fields[1]) }, uniquingKeysWith: { a, _ in a })
    }

    /// The region with this code ("JZ34") or name ("West-Brabant Oost", accents and case ignored).
    public static func find(_ query: String) throws -> Jeugdregio? {
        let regions = try all()
        let key = Normalize.compactKey(query)
        return regions.first { Normalize.compactKey($0.code) == key || Normalize.compactKey($0.name) == key }
            ?? regions.first { Normalize.compactKey($0.name).hasPrefix(key) }
    }
}
