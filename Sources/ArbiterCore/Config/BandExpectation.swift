/// A case in `Rules/tests/*.yaml`: a dossier and the bands a careful analyst expects
/// from each pack, with the reason in one line.
public struct BandExpectation: Sendable {
    public var dossier: String
    public var bands: [(pack: String, allowed: [Band])]
    public var reason: String
    public var file: String
    public var range: SourceRange
}
