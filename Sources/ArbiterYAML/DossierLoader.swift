import ArbiterCore

/// Loads and decodes one dossier from bytes: the YAML loader's event loop builds the
/// document, and `DossierDecoder` checks it against the schema, reporting every problem
/// at its place.
public struct DossierLoader: Sendable {
    public var loader: YAMLLoader
    public var decoder: DossierDecoder

    public init(schema: InputSchema, loader: YAMLLoader = YAMLLoader()) {
        var loader = loader
        // Dossiers' `x-` keys are the analyst's own and ignored.
        loader.freeFormKeyPrefix = "x-"
        self.loader = loader
        self.decoder = DossierDecoder(schema: schema)
    }

    public func load(path: String, bytes: [UInt8]) -> Result<Dossier, DiagnosticError> {
        loader.load(file: path, bytes: bytes).flatMap(decoder.decode)
    }
}
