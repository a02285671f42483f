import Foundation

/// The 42 Dutch jeugdzorgregio's with their gemeenten, CBS codes and inhabitants, embedded as
/// a package resource (`Resources/jeugdregios/`, a copy of `datasets/reference/`; provenance
/// in `datasets/reference/README.md`): membership after CBS table 83287NED (2016) moved to the
/// 2023 municipal division, inhabitants CBS 2020.
public struct Jeugdregio: Sendable {
    public struct Gemeente: Sendable {
        public var name: String
        public var cbsCode: String
        public var inhabitants: Int
    }

    public var code: String
    public var name: String
    public var gemeenten: [Gemeente]
    public var inhabitants: Int { gemeenten.reduce(0) { $0 + $1.inhabitants } }

    /// All regions, in code order.
    public static func all() throws -> [Jeugdregio] {
        let url = Bundle.module.resourceURL!.appendingPathComponent("jeugdregios/jeugdregio-gemeenten.csv")
        let data = try Data(contentsOf: url)
        let table = try CSVTable.parse(String(decoding: data, as: UTF8.self))
        func column(_ name: String) -> Int { table.header.firstIndex(of: name)! }
        let region = column("region"), code = column("jz_code"), gemeente = column("gemeente"), gm = column("gm_code"), inhabitants = column("inwoners")
        var byCode: [String: Jeugdregio] = [:]
        for record in table.records {
            let f = record.fields
            var r = byCode[f[code]] ?? Jeugdregio(code: f[code], name: f[region], gemeenten: [])
            r.gemeenten.append(Gemeente(name: f[gemeente], cbsCode: f[gm], inhabitants: Int(f[inhabitants]) ?? 0))
            byCode[f[code]] = r
        }
        return byCode.values.sorted { $0.code < $1.code }
    }

    /// The region with this code ("JZ34") or name ("West-Brabant Oost", accents and case ignored).
    public static func find(_ query: String) throws -> Jeugdregio? {
        let regions = try all()
        let key = Normalize.compactKey(query)
        return regions.first { Normalize.compactKey($0.code) == key || Normalize.compactKey($0.name) == key }
            ?? regions.first { Normalize.compactKey($0.name).hasPrefix(key) }
    }
}
