/// The gate's judgement over one project, as a pure function of its result, the
/// policy and an optional baseline.
///
/// The gate counts neither waived nor advisory findings (a rule before its
/// `enforce_from` fails nothing, fired or unknown). By default (`decisive`) a project
/// fails on what is known to be risky, on a decisive unknown (a rule of
/// `failOnUnknown` severity or worse) and on a pack that knows too little; the other
/// unknowns become warnings, so a documented project can pass and an undocumented
/// one cannot. `worst` counts every unknown at its largest contribution; `best` none.
package enum Gate {
    /// The pack's points as the gate counts them: enforced findings only, unknown ones at
    /// their largest contribution with `worst`, category caps applied.
    package static func gateScore(_ pack: PackResult, unknown: GatePolicy.UnknownTreatment) -> Double {
        let findings = pack.findings
        return Scoring.oneDecimal(Scoring.points(findings, caps: pack.caps) { position in
            guard findings.isEnforced(at: position) else { return 0 }
            return unknown == .worst ? findings.maxContribution(at: position) : findings.contribution(at: position)
        })
    }

    package static func decide(_ project: ProjectResult, policy: GatePolicy, baseline: Baseline.Project?) -> GateDecision {
        var reasons: [String] = []
        var causes: [GateDecision.Cause] = []
        var warnings: [GateDecision.Warning] = []
        func fail(_ reason: String, _ cause: GateDecision.Cause) {
            reasons.append(reason)
            causes.append(cause)
        }
        for pack in project.packs where pack.isApplicable {
            let judgedBefore = baseline?.bands[pack.pack] != nil
            if pack.isInsufficientData && policy.unknown != .best, !judgedBefore {
                fail("\(pack.pack): insufficient data (completeness \(Value.format(pack.completeness)) below \(Value.format(pack.minimumCompleteness ?? 0))), judged unknown",
                     .missingFacts)
                continue
            }
            if policy.unknown == .decisive, pack.completeness < policy.minCompleteness, !judgedBefore {
                fail("\(pack.pack): completeness \(Value.format(pack.completeness)) of the applicable rules is below --min-completeness \(Value.format(policy.minCompleteness))",
                     .missingFacts)
            }
            let counting: GatePolicy.UnknownTreatment = policy.unknown == .decisive ? .best : policy.unknown
            let score = gateScore(pack, unknown: counting)
            let (band, floor) = gateBand(pack, score: score, unknown: counting)
            guard band >= policy.failOn else { continue }
            let widened = counting == .worst && score > gateScore(pack, unknown: .best)
            var basis = "\(widened ? "worst case" : "points") \(Value.format(score))"
            if let floor { basis += "; floor: \(floor.reason) (\(floor.rules.joined(separator: ", ")))" }
            if let baseline {
                if let before = baseline.bands[pack.pack], band <= before { continue }
                let was = baseline.bands[pack.pack].map { "was \($0.rawValue)" } ?? "new to the baseline"
                fail("\(pack.pack): band rose to \(band.rawValue) (\(basis); \(was))", .baselineChange)
            } else {
                let known = counting == .best ? band : gateBand(pack, score: gateScore(pack, unknown: .best), unknown: .best).band
                fail("\(pack.pack): band \(band.rawValue) (\(basis)) reaches --fail-on \(policy.failOn.rawValue)",
                     known >= policy.failOn ? .knownRisk : .missingFacts)
            }
        }
        for pack in project.packs where pack.isApplicable {
            for position in pack.findings.indices {
                let outcome = pack.findings.outcome(at: position)
                guard outcome == .fired || outcome == .unknown else { continue }
                let finding = pack.findings[position]
                // Advisory and waived findings fail nothing; an advisory unknown still warns.
                guard finding.isEnforced else {
                    if outcome == .unknown, finding.status != .waived, policy.unknown == .decisive {
                        let until = finding.definition.enforceFrom.map { " until \($0)" } ?? ""
                        warnings.append(.init(pack: pack.pack, rule: finding.rule, text: "\(finding.rule) [\(finding.severity.rawValue), advisory\(until)] is unknown (missing: \(finding.missing.joined(separator: ", "))): \(finding.title)"))
                    }
                    continue
                }
                let missing = outcome == .unknown ? " (missing: \(finding.missing.joined(separator: ", ")))" : ""
                let what = outcome == .fired ? "fired" : "is unknown\(missing)"
                let reason = "\(finding.rule) [\(finding.severity.rawValue)] \(what): \(finding.title)"
                let fails: Bool = switch (outcome, policy.unknown) {
                case (.fired, _): policy.failOnSeverity.map { finding.severity >= $0 } ?? false
                case (_, .worst): policy.failOnSeverity.map { finding.severity >= $0 } ?? false
                case (_, .decisive): policy.failOnUnknown.map { finding.severity >= $0 } ?? false
                default: false
                }
                if fails, baseline?.rules.contains(finding.rule) != true {
                    fail(reason, baseline != nil ? .baselineChange : outcome == .fired ? .finding : .missingFacts)
                } else if outcome == .unknown, policy.unknown == .decisive {
                    warnings.append(.init(pack: pack.pack, rule: finding.rule, text: reason))
                }
            }
        }
        return GateDecision(passed: reasons.isEmpty, reasons: reasons, causes: causes, warnings: warnings)
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
