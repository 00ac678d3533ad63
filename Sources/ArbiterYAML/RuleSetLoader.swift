import ArbiterCore

/// Loads pack files (already read into memory by the caller) into a compiled
/// `RuleSet`, gathering YAML, pack and expression problems from every file.
public struct RuleSetLoader: Sendable {
    public var loader: YAMLLoader
    public var compiler: RuleSetCompiler

    /// A pack file parsed into a document, kept so that further copies of the rule set
    /// can be decoded and compiled without parsing the YAML again (see `recompile`).
    public struct ParsedPack: Sendable {
        public let document: Document
        public let source: SourceText
    }

    public init(loader: YAMLLoader = YAMLLoader(), compiler: RuleSetCompiler = RuleSetCompiler()) {
        self.loader = loader
        self.compiler = compiler
    }

    public func load(_ files: [(path: String, bytes: [UInt8])]) -> Result<RuleSet, DiagnosticError> {
        loadKeepingDocuments(files).map(\.ruleSet)
    }

    /// The rule set, and the parsed packs it was built from.
    public func loadKeepingDocuments(_ files: [(path: String, bytes: [UInt8])])
        -> Result<(ruleSet: RuleSet, packs: [ParsedPack]), DiagnosticError> {
        var diagnostics: [Diagnostic] = []
        var packs: [ParsedPack] = []
        for file in files {
            switch loader.load(file: file.path, bytes: file.bytes) {
            case .failure(let error):
                diagnostics += error.diagnostics
            case .success(let document):
                packs.append(ParsedPack(document: document, source: SourceText(file: file.path, bytes: file.bytes)))
            }
        }
        return compile(packs, after: diagnostics).map { ($0, packs) }
    }

    /// Decodes and compiles parsed packs again: a rule set that shares no object with one
    /// built before from the same packs, since decoding makes every string afresh.
    public func recompile(_ packs: [ParsedPack]) -> Result<RuleSet, DiagnosticError> {
        compile(packs.map { pack in
            // The file name is the one string a document hands over as it is; every
            // compiled rule keeps it, so the copy gets its own.
            var document = pack.document
            document.file = String(decoding: Array(document.file.utf8), as: UTF8.self)
            return ParsedPack(document: document, source: pack.source)
        }, after: [])
    }

    private func compile(_ packs: [ParsedPack], after parseProblems: [Diagnostic]) -> Result<RuleSet, DiagnosticError> {
        var diagnostics = parseProblems
        var definitions: [PackDefinition] = []
        for pack in packs {
            let (definition, problems) = PackDecoder().decodeCollecting(pack.document, source: pack.source)
            diagnostics += problems
            if let definition { definitions.append(definition) }
        }
        // Compile even when decoding found problems, so expression errors are reported
        // in the same pass as structural ones.
        switch compiler.compile(definitions) {
        case .success(let ruleSet):
            return diagnostics.hasErrors ? .failure(DiagnosticError(diagnostics)) : .success(ruleSet)
        case .failure(let error):
            return .failure(DiagnosticError(diagnostics + error.diagnostics))
        }
    }
}
