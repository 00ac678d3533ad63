import ArbiterEngine
import ArbiterServer
import ArgumentParser
import Dispatch
import Foundation
import Logging

extension Arbiter {
    /// The scoring pipeline over HTTP, with the analyst's page at `/`.
    struct Serve: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "serve",
            abstract: "Serve scoring over HTTP (the /v1 API) with a page for analysts at /.",
            discussion: """
                Loads the packs once and scores every request with them; SIGHUP, or POST /v1/reload with the token, loads them again and keeps the old set if the new one is broken. Binds to 127.0.0.1 unless --host says otherwise. Stops gracefully on SIGINT and SIGTERM: requests in flight finish, new ones are refused. One log line per request goes to standard error; the address it listens on goes to standard output once it runs.

                Examples:
                  arbiter serve
                  arbiter serve --port 9000 --token-file token.txt
                  arbiter serve --decision-log decisions.jsonl
                  curl -H 'Content-Type: application/yaml' \\
                    --data-binary @dossier.yaml localhost:8080/v1/score
                """)

        @Option(help: "The address to bind.")
        var host = "127.0.0.1"

        @Option(help: "The port to listen on; 0 picks a free one.")
        var port = 8080

        @Option(name: .long, help: ArgumentHelp("A rule pack file or a folder of packs (repeatable).", valueName: "path"),
                completion: .file(extensions: ["yaml", "yml"]))
        var rules: [String] = []

        @Option(help: ArgumentHelp("Waivers file; default: `waivers:` in .arbiter.yaml.", valueName: "file"), completion: .file())
        var waivers: String?

        @Option(name: .customLong("token-file"), help: ArgumentHelp("Require `Authorization: Bearer` with the token in this file on every route but the page, /healthz and /readyz.", valueName: "file"),
                completion: .file())
        var tokenFile: String?

        @Flag(name: .customLong("public-metrics"), help: "Serve /metrics without the token (for a scraper on a private network).")
        var publicMetrics = false

        @Option(name: .customLong("decision-log"), help: ArgumentHelp("Append one JSON line per decision to this file.", valueName: "file"),
                completion: .file())
        var decisionLog: String?

        @Option(name: .customLong("max-body"), help: ArgumentHelp("The largest request body, in bytes.", valueName: "bytes"))
        var maxBody = 1 << 20

        @Option(name: .customLong("max-concurrent"),
                help: ArgumentHelp("Requests admitted to scoring at once; more are answered 503. Default: eight a core.", valueName: "n"))
        var maxConcurrent: Int?

        @Option(name: .customLong("max-documents"), help: ArgumentHelp("Dossiers one /v1/audit request may hold; more are answered 413.", valueName: "n"))
        var maxDocuments = 500

        @Option(name: .customLong("max-response"), help: ArgumentHelp("The largest answer, in bytes; a larger one is answered 413.", valueName: "bytes"))
        var maxResponse = 64 << 20

        @Option(name: .customLong("max-connections"), help: ArgumentHelp("Open connections at once; more wait to be accepted.", valueName: "n"))
        var maxConnections = 512

        @Option(name: .customLong("idle-timeout"),
                help: ArgumentHelp("Seconds a connection may sit idle (a slow client, or kept alive between requests).", valueName: "seconds"))
        var idleTimeout = 10

        @Option(name: .customLong("body-timeout"),
                help: ArgumentHelp("Seconds a request's whole body may take to arrive, however steadily it trickles in; then 408.", valueName: "seconds"))
        var bodyTimeout = 30

        @Option(name: .customLong("shutdown-timeout"),
                help: ArgumentHelp("Seconds a graceful stop waits for requests in flight before cancelling them.", valueName: "seconds"))
        var shutdownTimeout = 10

        func validate() throws {
            guard (0...65_535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
            guard (1...(1 << 30)).contains(maxBody) else { throw ValidationError("--max-body must be between 1 and 1073741824 bytes") }
            guard (maxConcurrent ?? 1) >= 1 else { throw ValidationError("--max-concurrent must be at least 1") }
            // Each document of a stream is padded to its line in the stream, so a request's
            // memory grows with the square of its documents; 10,000 is far past any use.
            guard (1...10_000).contains(maxDocuments) else { throw ValidationError("--max-documents must be between 1 and 10000") }
            guard (1...(1 << 32)).contains(maxResponse) else { throw ValidationError("--max-response must be between 1 and 4294967296 bytes") }
            guard (1...1_000_000).contains(maxConnections) else { throw ValidationError("--max-connections must be between 1 and 1000000") }
            guard (1...3600).contains(idleTimeout) else { throw ValidationError("--idle-timeout must be between 1 and 3600 seconds") }
            guard (1...3600).contains(bodyTimeout) else { throw ValidationError("--body-timeout must be between 1 and 3600 seconds") }
            guard (1...3600).contains(shutdownTimeout) else { throw ValidationError("--shutdown-timeout must be between 1 and 3600 seconds") }
        }

        func run() throws {
            var configuration = ServerConfiguration(workingDirectory: FileManager.default.currentDirectoryPath)
            configuration.host = host
            configuration.port = port
            configuration.packPaths = rules
            configuration.waiversFile = waivers
            configuration.decisionLog = decisionLog
            configuration.maxBodyBytes = maxBody
            if let maxConcurrent { configuration.maxConcurrentEvaluations = maxConcurrent }
            configuration.maxAuditDocuments = maxDocuments
            configuration.maxResponseBytes = maxResponse
            configuration.maxConnections = maxConnections
            configuration.idleTimeout = .seconds(idleTimeout)
            configuration.bodyTimeout = .seconds(bodyTimeout)
            configuration.shutdownTimeout = .seconds(shutdownTimeout)
            if let tokenFile { configuration.token = try readToken(tokenFile) }
            configuration.publicMetrics = publicMetrics

            let store: SessionStore
            do {
                store = try SessionStore(load: SessionStore.discovering(configuration))
            } catch {
                Console.print(error)
                throw ExitCode(2)
            }
            let service: ArbiterService
            do {
                service = try ArbiterService(configuration: configuration, store: store)
            } catch {
                Terminal.writeError("error: \(error)\n")
                throw ExitCode(2)
            }
            var logger = Logger(label: "arbiter") { StreamLogHandler.standardError(label: $0) }
            logger.logLevel = .info
            let reloads = reloadOnHangUp(store, service: service, logger: logger)
            let host = host
            let group = service.serviceGroup(logger: logger) { port in
                Terminal.writeOutput("arbiter serve: listening on http://\(host):\(port)\n")
            }
            let finished = DispatchSemaphore(value: 0)
            let failure = FailureBox()
            Task {
                do { try await group.run() } catch { failure.error = error }
                finished.signal()
            }
            finished.wait()
            reloads.cancel()
            if let error = failure.error {
                Terminal.writeError("error: the server stopped: \(error)\n")
                throw ExitCode(2)
            }
        }

        private func readToken(_ path: String) throws -> String {
            guard case .success(let bytes) = FileInput.read(path, limit: 4096) else {
                throw ValidationError("cannot read the token file '\(path)'")
            }
            let token = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            guard token.count >= 16 else { throw ValidationError("the token in '\(path)' is shorter than 16 characters") }
            return token
        }

        /// SIGHUP loads the packs again, as `POST /v1/reload` does, and opens the decision
        /// log anew, so log rotation can move the old file away.
        private func reloadOnHangUp(_ store: SessionStore, service: ArbiterService, logger: Logger) -> any DispatchSourceSignal {
            signal(SIGHUP, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: SIGHUP, queue: .global())
            source.setEventHandler {
                if let problem = service.reopenLogs() { logger.error("the decision log was not reopened: \(problem)") }
                switch store.reload() {
                case .success(let session):
                    logger.info("reloaded packs: \(session.ruleSet.packs.map { "\($0.id)@\($0.version)" }.joined(separator: ", "))")
                case .failure(let problems):
                    logger.error("the packs did not load; the previous packs keep serving\n\(problems.rendered())")
                }
            }
            source.resume()
            return source
        }
    }
}

/// The error a server run ended with, handed from its task to the waiting command.
private final class FailureBox: @unchecked Sendable {
    var error: (any Error)?
}
