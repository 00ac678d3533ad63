import ArbiterCore
import ArbiterEngine
import ArbiterReport
import Foundation
import Synchronization

/// The scoring session every request uses, swapped whole on reload: a request takes
/// the session current when it starts and keeps it to the end, so a reload never
/// mixes two rule sets in one answer, and no lock is held while scoring.
public final class SessionStore: Sendable {
    /// What a load gives: the session, and the configuration found beside it, whose
    /// `gate:` thresholds a gate request is resolved over (its baseline is in the session).
    public struct Loaded: Sendable {
        public var session: ScoringSession
        public var config: ProjectConfig
        /// The configuration file, as reports name it; nil without one.
        public var configurationFile: String?

        public init(session: ScoringSession, config: ProjectConfig = ProjectConfig(), configurationFile: String? = nil) {
            self.session = session
            self.config = config
            self.configurationFile = configurationFile
        }
    }

    /// A session with every report format prepared for its packs once, not per request.
    struct Served: Sendable {
        let session: ScoringSession
        let config: ProjectConfig
        let configurationFile: String?
        let renderers: [ReportFormat: any Reporter]

        init(_ loaded: Loaded) {
            let session = loaded.session
            self.session = session
            config = loaded.config
            configurationFile = loaded.configurationFile
            let context = ReportContext(toolVersion: ToolVersion.current, asOf: session.options.asOf, packs: session.ruleSet.packs)
            var renderers: [ReportFormat: any Reporter] = [:]
            for format in ReportFormat.allCases { renderers[format] = format.reporter.prepared(for: context) }
            self.renderers = renderers
        }
    }

    private let current: Mutex<Served>
    private let load: @Sendable () -> Result<Loaded, Diagnostics>

    /// Loads the first session; its problems are the caller's to report.
    public init(load: @escaping @Sendable () -> Result<Loaded, Diagnostics>) throws(Diagnostics) {
        self.load = load
        switch load() {
        case .success(let loaded): current = Mutex(Served(loaded))
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
        if case .success(let value) = loaded {
            let served = Served(value)
            current.withLock { $0 = served }
        }
        return loaded.map(\.session)
    }

    /// The loader `arbiter serve` uses: the CLI's discovery of configuration and packs,
    /// from `configuration.workingDirectory`, with the configuration's waivers and
    /// baseline, as `arbiter gate` run from that folder has them.
    public static func discovering(_ configuration: ServerConfiguration) -> @Sendable () -> Result<Loaded, Diagnostics> {
        { () -> Result<Loaded, Diagnostics> in
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
            // Paths are shown relative to the working directory; they are opened from it
            // too, when it is not the process's own (a server embedded in another program).
            let cwd = FileManager.default.currentDirectoryPath
            let open = { (path: String) in configuration.workingDirectory == cwd ? path : PackDiscovery.resolve(path, against: configuration.workingDirectory) }
            let waivers = (configuration.waiversFile ?? found.config.waivers.map(found.resolve)).map(open)
            var baseline: Baseline?
            if let path = found.config.baseline.map(found.resolve).map(open) {
                switch FileInput.load(path, limit: BaselineReader.fileLimit)
                    .flatMap({ BaselineReader.read($0, file: path).mapError { Diagnostics($0.diagnostics) } }) {
                case .success(let read): baseline = read
                case .failure(let problems): return .failure(problems)
                }
            }
            return ScoringSession.load(packFiles: packs.map(open), waiversFile: waivers, options: SessionOptions(asOf: Clock.today(), baseline: baseline))
                .map { Loaded(session: $0, config: found.config, configurationFile: found.file) }
        }
    }
}
