/// Writes realistic dossiers of about 1 KB over the vocabulary, deterministically from
/// a seed, with a share of facts left out as in real work.
struct CorpusGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    private mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    private mutating func chance(_ percent: UInt64) -> Bool { next() % 100 < percent }
    private mutating func pick<T>(_ values: [T]) -> T { values[Int(next() % UInt64(values.count))] }
    private mutating func number(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }

    mutating func dossier(index: Int) -> String {
        let countries = ["RS", "KE", "PK", "EC", "UG", "ME", "LK", "GB", "ZM", "MU"]
        let country = pick(countries)
        var lines = ["id: bench-\(index)", "name: \"Benchmark project \(index)\"", "country: \(country)"]
        lines.append("project:")
        lines.append("  sector: \(pick(["public-security", "transport", "smart-city", "port", "energy"]))")
        lines.append("  status: \(pick(["contracted", "under-construction", "operating"]))")
        lines.append("  year: \(number(2008...2024))")
        if chance(70) { lines.append("  cost_usd: \(number(10...900))000000") }
        lines.append("vendor:")
        lines.append("  name: \(pick(["Huawei", "ZTE", "Hikvision", "Dahua", "CRBC", "Siemens"]))")
        lines.append("  country: \(pick(["CN", "CN", "SE", "DE"]))")
        if chance(60) { lines.append("  listings: [\(pick(["us-entity-list", "fcc-covered-list"]))]") }
        if chance(40) { lines.append("  remote_access: \(pick(["true", "false"]))") }
        lines.append("surveillance:")
        lines.append("  cameras: \(number(0...9000))")
        lines.append("  deployment: \(pick(["city-wide", "public-spaces", "transport-hubs", "none"]))")
        for key in ["facial_recognition", "realtime_identification", "licence_plate_recognition"] where chance(70) {
            lines.append("  \(key): \(pick(["true", "false"]))")
        }
        if chance(60) { lines.append("  purposes: [crime-prevention, \(pick(["traffic", "public-order", "victim-search"]))]") }
        lines.append("data:")
        if chance(60) { lines.append("  retention_days: \(number(7...400))") }
        if chance(50) { lines.append("  storage_country: \(pick([country, "CN"]))") }
        if chance(50) { lines.append("  integrations: [police-records\(chance(30) ? ", national-id" : "")]") }
        lines.append("governance:")
        if chance(70) { lines.append("  legal_basis: \(pick(["statute", "bylaw", "mou", "none"]))") }
        lines.append("  dpia:")
        lines.append("    performed: \(pick(["true", "false"]))")
        if chance(50) { lines.append("    published: \(pick(["true", "false"]))") }
        if chance(50) { lines.append("  oversight: {independent_body: \(pick(["true", "false"])), public_reporting: \(pick(["true", "false"]))}") }
        lines.append("procurement:")
        lines.append("  method: \(pick(["open-tender", "direct-award", "single-source", "government-to-government"]))")
        if chance(60) { lines.append("  contract_published: \(pick(["true", "false"]))") }
        lines.append("financing:")
        lines.append("  lender_type: \(pick(["policy-bank", "commercial-bank", "multilateral", "domestic-budget"]))")
        if chance(70) { lines.append("  interest_rate_pct: \(number(0...8)).\(number(0...9))") }
        if chance(70) { lines.append("  maturity_years: \(number(5...38))") }
        if chance(50) { lines.append("  clauses: {confidentiality: \(pick(["true", "false"])), revenue_account: \(pick(["true", "false"]))}") }
        lines.append("country_context:")
        lines.append("  income_group: \(pick(["low-income", "emerging-market"]))")
        if chance(70) { lines.append("  public_debt_pct_gdp: \(number(20...110)).\(number(0...9))") }
        if chance(50) { lines.append("  debt_carrying_capacity: \(pick(["weak", "medium", "strong"]))") }
        lines.append("sources:")
        lines.append("  - id: src-\(index)")
        lines.append("    title: \"Report on benchmark project \(index)\"")
        lines.append("    url: https://example.org/reports/\(index)")
        lines.append("citations:")
        lines.append("  surveillance.cameras: [src-\(index)]")
        return lines.joined(separator: "\n") + "\n"
    }
}
