/// What a what-if run changed: the facts overridden, and each pack's verdict on the
/// dossier as written, to show beside the verdict with the overrides.
public struct WhatIf: Hashable, Sendable {
    /// A pack's verdict before the overrides.
    public struct Before: Hashable, Sendable {
        public var pack: String
        public var score: Double
        public var worst: Double
        public var band: Band
        public var worstBand: Band

        public init(_ result: PackResult) {
            pack = result.pack
            score = result.score
            worst = result.worst
            band = result.band
            worstBand = result.worstBand
        }
    }

    public var overrides: [FactOverride]
    public var before: [Before]

    public init(overrides: [FactOverride], before: [Before]) {
        self.overrides = overrides
        self.before = before
    }

    /// The options that reproduce the run: `--set a=b --unset c`.
    public var options: String { overrides.options }
}
