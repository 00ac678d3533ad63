import ArbiterCore

/// Loads pack files (already read into memory by the caller) into a compiled
/// `RuleSet`, gathering YAML, pack and expression problems from every file.
package struct RuleSetLoader: Sendable {
    package var loader: YAMLLoader
    package var compiler: RuleSetCompiler

    package init(loader: YAMLLoader = YAMLLoader(), compiler: RuleSetCompiler = RuleSetCompiler()) {
        self.loader = loader
        self.compiler = compiler
    }

    package func load(_ files: [(path: String, bytes: [UInt8])]) -> Result<RuleSet, DiagnosticError> {
        var diagnostics: [Diagnostic] = []
        var packs: [(document: Document, source: SourceText)] = []
        for file in files {
            switch loader.load(file: file.path, bytes: file.bytes) {
            case .failure(let error):
                diagnostics += error.diagnostics
            case .success(let document):
                packs.append((document, SourceText(file: file.path, bytes: file.bytes)))
            }
        }
        return compile(packs, after: diagnostics)
    }

    private func compile(_ packs: [(document: Document, source: SourceText)], after parseProblems: [Diagnostic]) -> Result<RuleSet, DiagnosticError> {
        var diagnostics = parseProblems
        var definitions: [PackDefinition] = []
        var vocabularies: [VocabularyDefinition] = []
        for pack in packs {
            if VocabularyDefinition.isVocabulary(pack.document) {
                let (vocabulary, problems) = VocabularyDecoder().decodeCollecting(pack.document)
                diagnostics += problems
                if let vocabulary { vocabularies.append(vocabulary) }
                continue
            }
            let (definition, problems) = PackDecoder().decodeCollecting(pack.document, source: pack.source)
            diagnostics += problems
            if let definition { definitions.append(definition) }
        }
        // Compile even when decoding found problems, so expression errors are reported
        // in the same pass as structural ones.
        switch compiler.compile(definitions, vocabularies: vocabularies) {
        case .success(let ruleSet):
            return diagnostics.hasErrors ? .failure(DiagnosticError(diagnostics)) : .success(ruleSet)
        case .failure(let error):
            return .failure(DiagnosticError(diagnostics + error.diagnostics))
        }
    }
}
