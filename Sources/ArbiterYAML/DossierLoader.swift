import ArbiterCore

/// Loads and decodes one dossier from bytes: the YAML loader's event loop builds the
/// document, and `DossierDecoder` checks it against the schema, reporting every problem
/// at its place.
package struct DossierLoader: Sendable {
    package var loader: YAMLLoader
    package var decoder: DossierDecoder

    package init(schema: InputSchema, loader: YAMLLoader = YAMLLoader()) {
        var loader = loader
        // Dossiers' `x-` keys are the analyst's own and ignored.
        loader.freeFormKeyPrefix = "x-"
        self.loader = loader
        self.decoder = DossierDecoder(schema: schema)
    }

    package func load(path: String, bytes: [UInt8]) -> Result<Dossier, DiagnosticError> {
        loader.load(file: path, bytes: bytes).flatMap(decoder.decode)
    }
}
