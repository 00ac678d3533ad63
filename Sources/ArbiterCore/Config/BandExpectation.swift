/// A case in `Rules/tests/*.yaml`: a dossier and the bands a careful analyst expects
/// from each pack, with the reason in one line. `insufficient-data` may stand among the
/// bands: the pack must then decline a verdict.
package struct BandExpectation: Sendable {
    package var dossier: String
    package var bands: [(pack: String, allowed: [String])]
    package var reason: String
    package var file: String
    package var range: SourceRange

    package static let insufficientData = "insufficient-data"

    package static let notApplicable = "not-applicable"

    /// Whether a pack's verdict is one of `allowed`: a band, `insufficient-data` or
    /// `not-applicable`, each only itself (a pack that declines a verdict is not "low").
    package static func holds(_ allowed: [String], for result: PackResult) -> Bool {
        allowed.contains(result.verdict)
    }
}
