import ArbiterCore
import ArbiterEngine
import ArgumentParser

extension Band: ExpressibleByArgument {}
extension Severity: ExpressibleByArgument {}
extension GatePolicy.UnknownTreatment: ExpressibleByArgument {}

/// When the gate fails. Flags override `gate:` in .arbiter.yaml, which overrides the
/// defaults (high, critical, decisive with critical unknowns and half the weight known).
struct GateOptions: ParsableArguments {
    @Option(name: .customLong("fail-on"), help: "Fail when a pack's gate band reaches this band (default: high).")
    var failOn: Band?

    @Option(name: .customLong("fail-on-severity"),
            help: ArgumentHelp("Fail on any enforced finding of this severity or worse, or 'none' (default: critical).", valueName: "severity"))
    var failOnSeverity: String?

    @Option(name: .long, help: ArgumentHelp("""
        decisive: fail on the known band, on an unknown rule of --fail-on-unknown severity, and on too little known; \
        worst: count every unknown at its worst; best: ignore unknowns (default: decisive).
        """, valueName: "decisive|worst|best"))
    var unknown: GatePolicy.UnknownTreatment?

    @Option(name: .customLong("fail-on-unknown"),
            help: ArgumentHelp("With --unknown decisive: fail when an enforced rule of this severity or worse is unknown, or 'none' (default: critical).", valueName: "severity"))
    var failOnUnknown: String?

    @Option(name: .customLong("min-completeness"),
            help: ArgumentHelp("With --unknown decisive: fail a pack that knows less than this share of its applicable weight (default: 0.5).", valueName: "share"))
    var minCompleteness: Double?

    @Option(name: .long, help: ArgumentHelp("A JSON report from an earlier run; fail only on what is new.", valueName: "file"),
            completion: .file(extensions: ["json"]))
    var baseline: String?

    @Flag(name: .customLong("only-failing"), help: "Report only the projects that fail the gate (the totals still count every project).")
    var onlyFailing = false

    func validate() throws {
        if let failOnSeverity, GateSettings.severityThreshold(failOnSeverity) == nil {
            throw ValidationError("unknown severity '\(failOnSeverity)'; use none, \(Severity.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if let failOnUnknown, GateSettings.severityThreshold(failOnUnknown) == nil {
            throw ValidationError("unknown severity '\(failOnUnknown)'; use none, \(Severity.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if let minCompleteness, !(0...1).contains(minCompleteness) {
            throw ValidationError("--min-completeness must be a share between 0 and 1, such as 0.5")
        }
    }

    func policy(config: ProjectConfig) -> GatePolicy {
        GateSettings(failOn: failOn, failOnSeverity: failOnSeverity.flatMap(GateSettings.severityThreshold), unknown: unknown,
                     failOnUnknown: failOnUnknown.flatMap(GateSettings.severityThreshold), minCompleteness: minCompleteness)
            .policy(config: config)
    }
}
