import ArbiterCore
import ArbiterEngine
import ArgumentParser

extension Band: ExpressibleByArgument {}
extension Severity: ExpressibleByArgument {}
extension GatePolicy.UnknownTreatment: ExpressibleByArgument {}

/// When the gate fails. Flags override `gate:` in .arbiter.yaml, which overrides the
/// defaults (high, critical, worst).
struct GateOptions: ParsableArguments {
    @Option(name: .customLong("fail-on"), help: "Fail when a pack's gate band reaches this band (default: high).")
    var failOn: Band?

    @Option(name: .customLong("fail-on-severity"),
            help: ArgumentHelp("Fail on any enforced finding of this severity or worse, or 'none' (default: critical).", valueName: "severity"))
    var failOnSeverity: String?

    @Option(name: .long, help: "Count unknown findings at their worst or ignore them (default: worst).")
    var unknown: GatePolicy.UnknownTreatment?

    @Option(name: .long, help: ArgumentHelp("A JSON report from an earlier run; fail only on what is new.", valueName: "file"),
            completion: .file(extensions: ["json"]))
    var baseline: String?

    @Flag(name: .customLong("only-failing"), help: "Report only the projects that fail the gate (the totals still count every project).")
    var onlyFailing = false

    func validate() throws {
        if let failOnSeverity, GateSettings.severityThreshold(failOnSeverity) == nil {
            throw ValidationError("unknown severity '\(failOnSeverity)'; use none, \(Severity.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    func policy(config: ProjectConfig) -> GatePolicy {
        GateSettings(failOn: failOn, failOnSeverity: failOnSeverity.flatMap(GateSettings.severityThreshold), unknown: unknown)
            .policy(config: config)
    }
}
