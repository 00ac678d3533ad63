/// What a pack, or a project, is judged to be: a band, too little known to say
/// (`insufficient-data`), or nothing to judge (`not-applicable`). Every summary counts
/// the three kinds apart, so missing data never reads as low risk.
public enum Verdict: Hashable, Sendable, Comparable {
    case notApplicable
    case insufficientData
    case band(Band)

    public init(_ pack: PackResult) {
        self = !pack.isApplicable ? .notApplicable : pack.isInsufficientData ? .insufficientData : .band(pack.band)
    }

    /// A project's verdict: the highest band its packs decide; else insufficient data
    /// when a pack applies but knows too little; else not applicable.
    public init(_ project: ProjectResult) {
        self = project.packs.map(Verdict.init).max() ?? .notApplicable
    }

    public init?(rawValue: String) {
        switch rawValue {
        case "not-applicable": self = .notApplicable
        case "insufficient-data": self = .insufficientData
        default:
            guard let band = Band(rawValue: rawValue) else { return nil }
            self = .band(band)
        }
    }

    public var rawValue: String {
        switch self {
        case .notApplicable: "not-applicable"
        case .insufficientData: "insufficient-data"
        case .band(let band): band.rawValue
        }
    }

    /// Every verdict, most severe first, as summaries list them.
    public static let allCases: [Verdict] = Band.allCases.reversed().map { .band($0) } + [.insufficientData, .notApplicable]

    /// The verdict in words, for people: "high", "insufficient data", "not applicable".
    package var label: String { rawValue.split(separator: "-").joined(separator: " ") }

    /// The band, when the verdict is one.
    public var band: Band? { if case .band(let band) = self { band } else { nil } }
}
