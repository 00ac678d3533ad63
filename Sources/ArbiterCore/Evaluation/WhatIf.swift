/// What a what-if run changed: the facts overridden, and each pack's verdict on the
/// dossier as written, to show beside the verdict with the overrides.
package struct WhatIf: Hashable, Sendable {
    /// A pack's verdict before the overrides.
    package struct Before: Hashable, Sendable {
        package var pack: String
        package var score: Double
        package var worst: Double
        package var band: Band
        package var worstBand: Band

        package init(_ result: PackResult) {
            pack = result.pack
            score = result.score
            worst = result.worst
            band = result.band
            worstBand = result.worstBand
        }
    }

    package var overrides: [FactOverride]
    package var before: [Before]

    package init(overrides: [FactOverride], before: [Before]) {
        self.overrides = overrides
        self.before = before
    }

    /// The options that reproduce the run: `--set a=b --unset c`.
    package var options: String { overrides.options }
}
