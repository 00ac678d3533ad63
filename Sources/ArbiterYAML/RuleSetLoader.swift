import ArbiterCore

/// Loads pack files (already read into memory by the caller) into a compiled
/// `RuleSet`, gathering YAML, pack and expression problems from every file.
public struct RuleSetLoader: Sendable {
    public var loader: YAMLLoader
    public var compiler: RuleSetCompiler

    public init(loader: YAMLLoader = YAMLLoader(), compiler: RuleSetCompiler = RuleSetCompiler()) {
        self.loader = loader
        self.compiler = compiler
    }

    public func load(_ files: [(path: String, bytes: [UInt8])]) -> Result<RuleSet, DiagnosticError> {
        var diagnostics: [Diagnostic] = []
        var definitions: [PackDefinition] = []
        for file in files {
            switch loader.load(file: file.path, bytes: file.bytes) {
            case .failure(let error):
                diagnostics += error.diagnostics
            case .success(let document):
                switch PackDecoder().decode(document, source: SourceText(file: file.path, bytes: file.bytes)) {
                case .success(let pack): definitions.append(pack)
                case .failure(let error): diagnostics += error.diagnostics
                }
            }
        }
        if diagnostics.hasErrors { return .failure(DiagnosticError(diagnostics)) }
        return compiler.compile(definitions)
    }
}
