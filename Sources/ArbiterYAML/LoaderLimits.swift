/// Bounds that keep a hostile file from costing more than a fair share of time or memory.
/// Every one ends in an ordinary diagnostic, never a crash.
public struct LoaderLimits: Sendable, Hashable {
    /// Largest file accepted, in bytes. Never more than `fileSizeCeiling`, whatever is set.
    public var maxFileSize: Int
    /// Node indices are 32-bit; a file of 1 GiB has far fewer nodes than they address.
    public static let fileSizeCeiling = 1 << 30
    /// Deepest nesting of mappings and sequences.
    public var maxDepth: Int
    /// Nodes that may be created by expanding aliases, summed over the document.
    /// Small on purpose: dossiers have no reason to use aliases heavily, and a
    /// billion-laughs file must fail after a few thousand steps, not a few billion.
    public var maxAliasNodes: Int
    /// Longest scalar, in bytes.
    public var maxScalarLength: Int

    public init(
        maxFileSize: Int = 1 << 20,
        maxDepth: Int = 64,
        maxAliasNodes: Int = 1_000,
        maxScalarLength: Int = 64 << 10
    ) {
        self.maxFileSize = maxFileSize
        self.maxDepth = maxDepth
        self.maxAliasNodes = maxAliasNodes
        self.maxScalarLength = maxScalarLength
    }
}
