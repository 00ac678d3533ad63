/// The gate's judgement over one project, as a pure function of its result, the
/// policy and an optional baseline.
///
/// The gate score leaves out waived and advisory findings; with `unknown: worst`
/// unknown findings count at their largest contribution, so missing facts never let
/// a project pass silently.
public enum Gate {
    public static func gateScore(_ pack: PackResult, unknown: GatePolicy.UnknownTreatment) -> Double {
        let findings = pack.findings
        var counted = 0.0
        for position in findings.indices where findings.isEnforced(at: position) {
            counted += unknown == .worst ? findings.maxContribution(at: position) : findings.contribution(at: position)
        }
        return Scoring.percentage(counted, of: pack.totalWeight)
    }

    public static func decide(_ project: ProjectResult, policy: GatePolicy, baseline: Baseline.Project?) -> GateDecision {
        var reasons: [String] = []
        for pack in project.packs {
            if pack.isInsufficientData && policy.unknown == .worst, baseline?.bands[pack.pack] == nil {
                reasons.append("\(pack.pack): insufficient data (completeness \(Value.format(pack.completeness)) below \(Value.format(pack.minimumCompleteness ?? 0))), judged unknown")
                continue
            }
            let score = gateScore(pack, unknown: policy.unknown)
            let scoreBand = pack.bands.band(of: score)
            let findings = pack.findings
            let floor = AppliedFloor.highest(pack.floors, above: scoreBand, in: findings) { position in
                findings.isEnforced(at: position)
                    && (findings.outcome(at: position) == .fired || (policy.unknown == .worst && findings.outcome(at: position) == .unknown))
            }
            let band = floor?.band ?? scoreBand
            guard band >= policy.failOn else { continue }
            let widened = policy.unknown == .worst && score > gateScore(pack, unknown: .best)
            var basis = "\(widened ? "worst case" : "score") \(Value.format(score))"
            if let floor { basis += "; floor: \(floor.reason) (\(floor.rules.joined(separator: ", ")))" }
            if let baseline {
                if let before = baseline.bands[pack.pack], band <= before { continue }
                let was = baseline.bands[pack.pack].map { "was \($0.rawValue)" } ?? "new to the baseline"
                reasons.append("\(pack.pack): band rose to \(band.rawValue) (\(basis); \(was))")
            } else {
                reasons.append("\(pack.pack): band \(band.rawValue) (\(basis)) reaches --fail-on \(policy.failOn.rawValue)")
            }
        }
        if let threshold = policy.failOnSeverity {
            for finding in project.allFindings where finding.isEnforced && finding.severity >= threshold {
                let counts = finding.outcome == .fired || (finding.outcome == .unknown && policy.unknown == .worst)
                guard counts else { continue }
                if let baseline, baseline.rules.contains(finding.rule) { continue }
                let what = finding.outcome == .fired ? "fired" : "is unknown (missing: \(finding.missing.joined(separator: ", ")))"
                reasons.append("\(finding.rule) [\(finding.severity.rawValue)] \(what): \(finding.title)")
            }
        }
        return GateDecision(passed: reasons.isEmpty, reasons: reasons)
    }
}
