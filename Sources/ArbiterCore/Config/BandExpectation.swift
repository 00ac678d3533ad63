/// A case in `Rules/tests/*.yaml`: a dossier and the bands a careful analyst expects
/// from each pack, with the reason in one line. `insufficient-data` may stand among the
/// bands: the pack must then decline a verdict.
public struct BandExpectation: Sendable {
    public var dossier: String
    public var bands: [(pack: String, allowed: [String])]
    public var reason: String
    public var file: String
    public var range: SourceRange

    public static let insufficientData = "insufficient-data"

    public static let notApplicable = "not-applicable"

    /// Whether a pack's verdict is one of `allowed`: a band, `insufficient-data` or
    /// `not-applicable`, each only itself (a pack that declines a verdict is not "low").
    public static func holds(_ allowed: [String], for result: PackResult) -> Bool {
        allowed.contains(result.verdict)
    }
}
