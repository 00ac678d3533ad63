import ArbiterCore
import ArbiterYAML
import Testing

/// Random bytes and random mutations of a valid dossier must never crash or hang the
/// loader: every outcome is either a document or located diagnostics.
struct LoaderRobustnessTests {
    static let seedDossier = """
        id: rs-belgrade-safe-city
        name: "Safe City, Belgrade"
        country: RS
        surveillance:
          cameras: 1000
          facial_recognition: true
          purposes: [crime-prevention, traffic]
        financing:
          interest_rate_pct: 2.5
          clauses: {confidentiality: true, cross_default: standard}
        sources:
          - id: share-2019
            url: https://example.org/a
            date: 2019-03-29
        citations:
          surveillance.cameras: [share-2019]
        """

    @Test(arguments: 0..<4)
    func randomBytesNeverCrash(seed: Int) {
        var rng = SplitMix(seed: UInt64(seed))
        let loader = YAMLLoader(limits: LoaderLimits(maxFileSize: 4096))
        for _ in 0..<500 {
            let count = Int.random(in: 0...300, using: &rng)
            let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &rng) }
            checkOutcome(loader.load(file: "random.yaml", bytes: bytes))
        }
    }

    @Test(arguments: 0..<4)
    func mutatedDossiersNeverCrash(seed: Int) {
        var rng = SplitMix(seed: UInt64(seed) &+ 1000)
        let loader = YAMLLoader()
        let original = Array(Self.seedDossier.utf8)
        let alphabet = Array(":-[]{}&*!|>'\"#\n\t ,?%@`".utf8) + [0x00, 0xC3, 0xFF, 0x85]
        for _ in 0..<1000 {
            var bytes = original
            for _ in 0..<Int.random(in: 1...6, using: &rng) {
                let index = Int.random(in: 0..<max(bytes.count, 1), using: &rng)
                switch Int.random(in: 0..<4, using: &rng) {
                case 0 where !bytes.isEmpty: bytes[index] = alphabet.randomElement(using: &rng)!
                case 1: bytes.insert(alphabet.randomElement(using: &rng)!, at: min(index, bytes.count))
                case 2 where !bytes.isEmpty: bytes.remove(at: index)
                default:
                    let end = min(bytes.count, index + Int.random(in: 1...40, using: &rng))
                    bytes.insert(contentsOf: bytes[index..<end], at: index)
                }
            }
            checkOutcome(loader.load(file: "mutant.yaml", bytes: bytes))
        }
    }

    private func checkOutcome(_ outcome: Result<Document, DiagnosticError>) {
        if case .failure(let error) = outcome {
            #expect(!error.diagnostics.isEmpty)
            for diagnostic in error.diagnostics {
                #expect(diagnostic.code.hasPrefix("yaml."))
                #expect(diagnostic.range.start.line >= 1 && diagnostic.range.start.column >= 1)
            }
        }
    }
}
