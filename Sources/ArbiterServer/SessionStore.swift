import ArbiterCore
import ArbiterEngine
import ArbiterReport
import Synchronization

/// The scoring session every request uses, swapped whole on reload: a request takes
/// the session current when it starts and keeps it to the end, so a reload never
/// mixes two rule sets in one answer, and no lock is held while scoring.
public final class SessionStore: Sendable {
    /// A session with every report format prepared for its packs once, not per request.
    struct Served: Sendable {
        let session: ScoringSession
        let renderers: [ReportFormat: any Reporter]

        init(_ session: ScoringSession) {
            self.session = session
            let context = ReportContext(toolVersion: ToolVersion.current, asOf: session.options.asOf, packs: session.ruleSet.packs)
            var renderers: [ReportFormat: any Reporter] = [:]
            for format in ReportFormat.allCases { renderers[format] = format.reporter.prepared(for: context) }
            self.renderers = renderers
        }
    }

    private let current: Mutex<Served>
    private let load: @Sendable () -> Result<ScoringSession, Diagnostics>

    /// Loads the first session; its problems are the caller's to report.
    public init(load: @escaping @Sendable () -> Result<ScoringSession, Diagnostics>) throws(Diagnostics) {
        self.load = load
        switch load() {
        case .success(let session): current = Mutex(Served(session))
        case .failure(let problems): throw problems
        }
    }

    public var session: ScoringSession { served.session }

    var served: Served { current.withLock { $0 } }

    /// Loads the packs again: a good set replaces the current one; a broken one is
    /// reported and the current set keeps serving.
    @discardableResult
    public func reload() -> Result<ScoringSession, Diagnostics> {
        let loaded = load()
        if case .success(let session) = loaded {
            let served = Served(session)
            current.withLock { $0 = served }
        }
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
