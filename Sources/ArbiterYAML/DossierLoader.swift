import ArbiterCore

/// Loads and decodes one dossier from bytes: YAML first, then the schema check.
public struct DossierLoader: Sendable {
    public var loader: YAMLLoader
    public var decoder: DossierDecoder

    public init(schema: InputSchema, loader: YAMLLoader = YAMLLoader()) {
        self.loader = loader
        self.decoder = DossierDecoder(schema: schema)
    }

    /// Loads a dossier: straight from the parser's events when the file is a plain,
    /// valid dossier, and through a `Document` otherwise, so that every problem is
    /// reported at its place. Both ways give the same dossier.
    public func load(path: String, bytes: [UInt8]) -> Result<Dossier, DiagnosticError> {
        if let dossier = loadDirectly(path: path, bytes: bytes) { return .success(dossier) }
        return loadThroughDocument(path: path, bytes: bytes)
    }

    /// The fast path alone: the dossier, or nil when the file needs the full load
    /// (because it has a problem, or uses YAML that the fast path leaves to it).
    public func loadDirectly(path: String, bytes: [UInt8]) -> Dossier? {
        guard bytes.count <= min(loader.limits.maxFileSize, LoaderLimits.fileSizeCeiling) else { return nil }
        return bytes.withUnsafeBufferPointer { buffer in
            DossierEventPump(decoder: decoder, file: path, limits: loader.limits, input: buffer).run()
        }
    }

    /// The full path alone: a `Document`, then `DossierDecoder`.
    public func loadThroughDocument(path: String, bytes: [UInt8]) -> Result<Dossier, DiagnosticError> {
        loader.load(file: path, bytes: bytes).flatMap(decoder.decode)
    }
}
