import ArbiterCore
import ArbiterEngine
import ArbiterReport
import ArgumentParser
import Foundation

/// What `score`, `audit` and `gate` share: load the workspace, find the files, run the
/// batch, write the reports, and turn the outcome into an exit code.
enum Runner {
    static func run(paths: [String], packs: PackOptions, output: OutputOptions, waivers: WaiverOptions, batch: BatchOptions?, gate: GateOptions?,
                    whatIf: WhatIfOptions? = nil) throws -> Int32 {
        OutputSink.installInterruptCleanup()
        let workspace = try Workspace.load(packs, waiversPath: waivers.waivers)
        if output.verbose {
            Terminal.writeError("configuration: \(workspace.configuration.file ?? "none (no .arbiter.yaml up to the repository's root or the home folder)")\n")
        }
        let overrides = try whatIf?.overrides(workspace) ?? []

        let baselinePath = gate.flatMap { $0.baseline ?? workspace.config.baseline.map(workspace.configuration.resolve) }
        var baseline: Baseline?
        if let path = baselinePath {
            switch FileInput.load(path, limit: BaselineReader.fileLimit)
                .flatMap({ BaselineReader.read($0, file: path).mapError { Diagnostics($0.diagnostics) } }) {
            case .success(let read): baseline = read
            case .failure(let problems):
                Console.print(problems.diagnostics, sources: [])
                return 2
            }
        }

        var excluded = Set(workspace.packFiles)
        if let file = waivers.waivers { excluded.insert(file) }
        if let waivers = workspace.config.waivers { excluded.insert(workspace.configuration.resolve(waivers)) }
        let shard = try batch?.parsedShard()
        let packFolders = workspace.packFiles.map { URL(fileURLWithPath: $0).deletingLastPathComponent().path }
        let walk = { DossierFinder(paths: paths, config: workspace.config, excluded: excluded, packFolders: packFolders, shard: shard) }
        let files = walk()
        if files.peek() == nil {
            Terminal.writeError("error: no dossiers (*.yaml, *.yml) found in \(paths.joined(separator: ", "))\n   = hint: pass dossier files or a folder that holds them\n")
            return 2
        }

        let plan: ReportPlan
        do {
            // Everything the run reads: the files the walk leaves out as not dossiers (packs,
            // waivers), the configuration and the baseline, and every dossier.
            plan = try ReportPlan(output, batch: batch != nil) {
                var inputs = (excluded.sorted() + [workspace.configuration.file, baselinePath].compactMap { $0 }).map(RawPath.init)
                let files = walk()
                while let item = files.next() { if case .file(let path) = item { inputs.append(path) } }
                return inputs
            }
        } catch let error as CLIError {
            Terminal.writeError(error.description + "\n")
            return 2
        }
        let policy = gate.map { $0.policy(config: workspace.config) }
        var context = ReportContext(toolVersion: ToolVersion.current, asOf: workspace.asOf, packs: workspace.ruleSet.packs,
                                    gated: policy != nil, colored: ReportPlan.colored(output))
        context.listing = try output.listing()
        context.verbose = output.verbose
        context.quiet = output.quiet
        context.onlyFailing = gate?.onlyFailing ?? false
        context.maxBytes = output.maxBytes
        context.width = ReportPlan.width(output)
        context.fullReport = plan.fullReport
        context.configuration = workspace.configuration.file
        // A progress bar needs the total, which costs a second walk (no dossier is read);
        // only a terminal shows one.
        let total = batch != nil && Terminal.isTerminal(STDERR_FILENO) ? walk().count() : nil
        let settings = BatchRunner.Settings(
            jobs: batch?.jobs ?? 1, coloredDiagnostics: Terminal.wantsColor(STDERR_FILENO), progress: (total ?? 0) > 1,
            overrides: overrides)
        let runner = BatchRunner(session: workspace.session.gated(by: policy, baseline: baseline), sinks: plan.sinks,
                                 settings: settings, context: context, files: files, rewalk: walk)
        let summary = runner.run(total: total)

        // An invalid single dossier has nothing to report; leave no empty report behind.
        if batch == nil && summary.projectCount == 0 {
            plan.abandon()
            return 2
        }
        do {
            try plan.finish()
        } catch let error as CLIError {
            Terminal.writeError(error.description + "\n")
            return 2
        }
        if summary.errors.contains(where: { $0.severity == .error }) { return 2 }
        if policy != nil && summary.gateFailures > 0 { return 1 }
        return 0
    }
}
