import ArbiterCore
import ArbiterEngine
import Synchronization

/// The scoring session every request uses, swapped whole on reload: a request takes
/// the session current when it starts and keeps it to the end, so a reload never
/// mixes two rule sets in one answer, and no lock is held while scoring.
public final class SessionStore: Sendable {
    private let current: Mutex<ScoringSession>
    private let load: @Sendable () -> Result<ScoringSession, Diagnostics>

    /// Loads the first session; its problems are the caller's to report.
    public init(load: @escaping @Sendable () -> Result<ScoringSession, Diagnostics>) throws(Diagnostics) {
        self.load = load
        switch load() {
        case .success(let session): current = Mutex(session)
        case .failure(let problems): throw problems
        }
    }

    public var session: ScoringSession { current.withLock { $0 } }

    /// Loads the packs again: a good set replaces the current one; a broken one is
    /// reported and the current set keeps serving.
    @discardableResult
    public func reload() -> Result<ScoringSession, Diagnostics> {
        let loaded = load()
        if case .success(let session) = loaded { current.withLock { $0 = session } }
        return loaded
    }

    /// The loader `arbiter serve` uses: the CLI's discovery of configuration and packs,
    /// from `configuration.workingDirectory`.
    public static func discovering(_ configuration: ServerConfiguration) -> @Sendable () -> Result<ScoringSession, Diagnostics> {
        { () -> Result<ScoringSession, Diagnostics> in
            let discovery = PackDiscovery(workingDirectory: configuration.workingDirectory)
            let found: PackDiscovery.Configuration
            switch discovery.configuration() {
            case .success(let value): found = value
            case .failure(let problems): return .failure(problems)
            }
            let packs: [String]
            switch discovery.packFiles(explicit: configuration.packPaths, configuration: found) {
            case .success(let files): packs = files
            case .failure(let problems): return .failure(problems)
            }
            let waivers = configuration.waiversFile ?? found.config.waivers.map(found.resolve)
            return ScoringSession.load(packFiles: packs, waiversFile: waivers, options: SessionOptions(asOf: Clock.today()))
        }
    }
}
