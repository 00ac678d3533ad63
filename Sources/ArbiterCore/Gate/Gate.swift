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
        var causes: [GateDecision.Cause] = []
        func fail(_ reason: String, _ cause: GateDecision.Cause) {
            reasons.append(reason)
            causes.append(cause)
        }
        for pack in project.packs {
            if pack.isInsufficientData && policy.unknown == .worst, baseline?.bands[pack.pack] == nil {
                fail("\(pack.pack): insufficient data (completeness \(Value.format(pack.completeness)) below \(Value.format(pack.minimumCompleteness ?? 0))), judged unknown",
                     .missingFacts)
                continue
            }
            let score = gateScore(pack, unknown: policy.unknown)
            let (band, floor) = gateBand(pack, score: score, unknown: policy.unknown)
            guard band >= policy.failOn else { continue }
            let widened = policy.unknown == .worst && score > gateScore(pack, unknown: .best)
            var basis = "\(widened ? "worst case" : "score") \(Value.format(score))"
            if let floor { basis += "; floor: \(floor.reason) (\(floor.rules.joined(separator: ", ")))" }
            if let baseline {
                if let before = baseline.bands[pack.pack], band <= before { continue }
                let was = baseline.bands[pack.pack].map { "was \($0.rawValue)" } ?? "new to the baseline"
                fail("\(pack.pack): band rose to \(band.rawValue) (\(basis); \(was))", .baselineChange)
            } else {
                let known = policy.unknown == .best ? band : gateBand(pack, score: gateScore(pack, unknown: .best), unknown: .best).band
                fail("\(pack.pack): band \(band.rawValue) (\(basis)) reaches --fail-on \(policy.failOn.rawValue)",
                     known >= policy.failOn ? .knownRisk : .missingFacts)
            }
        }
        if let threshold = policy.failOnSeverity {
            for finding in project.allFindings where finding.isEnforced && finding.severity >= threshold {
                let counts = finding.outcome == .fired || (finding.outcome == .unknown && policy.unknown == .worst)
                guard counts else { continue }
                if let baseline, baseline.rules.contains(finding.rule) { continue }
                let what = finding.outcome == .fired ? "fired" : "is unknown (missing: \(finding.missing.joined(separator: ", ")))"
                fail("\(finding.rule) [\(finding.severity.rawValue)] \(what): \(finding.title)",
                     baseline != nil ? .baselineChange : finding.outcome == .fired ? .finding : .missingFacts)
            }
        }
        return GateDecision(passed: reasons.isEmpty, reasons: reasons, causes: causes)
    }

    /// The band the gate judges a pack by: the band of its gate score, lifted by any floor
    /// its enforced findings meet (unknown ones too when counted at their worst).
    static func gateBand(_ pack: PackResult, score: Double, unknown: GatePolicy.UnknownTreatment) -> (band: Band, floor: AppliedFloor?) {
        let scoreBand = pack.bands.band(of: score)
        let findings = pack.findings
        let floor = AppliedFloor.highest(pack.floors, above: scoreBand, in: findings) { position in
            findings.isEnforced(at: position)
                && (findings.outcome(at: position) == .fired || (unknown == .worst && findings.outcome(at: position) == .unknown))
        }
        return (floor?.band ?? scoreBand, floor)
    }
}
