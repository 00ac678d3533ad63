import ArbiterCore

/// JUnit XML for GitLab, Jenkins and similar: a testsuite per project, a testcase per
/// rule (passes included). Unknown rules are skipped with the facts to collect. When a
/// gate ran, a `gate` testcase carries its reasons, and fired findings are failures
/// only in projects that failed it; without a gate every enforced fired finding fails.
public struct JUnitReporter: Reporter {
    public init() {}

    public func begin(_ context: ReportContext) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"arbiter\">\n"
    }

    public func project(_ project: ProjectResult, context: ReportContext) -> String {
        let gateFailed = project.gate?.passed == false
        var cases: [String] = []
        var failures = 0, skipped = 0
        for pack in project.packs {
            for finding in pack.findings where context.listing.lists(finding) {
                let name = XMLText.escape("\(finding.rule) \(finding.title)")
                var body = ""
                switch finding.status {
                case .fired:
                    let fails = finding.isEnforced && (!context.gated || gateFailed)
                    if fails {
                        failures += 1
                        let line = finding.primaryEvidence.map { " at \(project.file):\($0.range.start.line)" } ?? ""
                        body = "      <failure type=\"\(finding.severity.rawValue)\" message=\"\(XMLText.escape(finding.message))\">"
                            + XMLText.escape("\(finding.message)\(line)\ncontribution \(finding.contribution.scoreText) of weight \(Value.format(finding.weight))")
                            + "</failure>\n"
                    } else {
                        body = "      <system-out>\(XMLText.escape("fired\(finding.advisory ? " (advisory)" : ""): \(finding.message)"))</system-out>\n"
                    }
                case .unknown:
                    skipped += 1
                    body = "      <skipped message=\"\(XMLText.escape("unknown; collect: " + finding.missing.joined(separator: ", ")))\"/>\n"
                case .waived:
                    body = "      <system-out>\(XMLText.escape("waived until \(finding.waiver?.expires.description ?? "?"): \(finding.waiver?.reason ?? "")"))</system-out>\n"
                case .notApplicable:
                    body = "      <system-out>not applicable to this project</system-out>\n"
                case .passed:
                    break
                }
                let open = "    <testcase classname=\"\(XMLText.escape("\(project.id).\(pack.pack)"))\" name=\"\(name)\" file=\"\(XMLText.escape(project.file))\""
                cases.append(body.isEmpty ? open + "/>\n" : open + ">\n" + body + "    </testcase>\n")
            }
        }
        if let gate = project.gate {
            let open = "    <testcase classname=\"\(XMLText.escape(project.id))\" name=\"gate\" file=\"\(XMLText.escape(project.file))\""
            if gate.passed {
                cases.append(open + "/>\n")
            } else {
                failures += 1
                cases.append(open + ">\n      <failure type=\"gate\" message=\"\(XMLText.escape("gate failed"))\">"
                             + XMLText.escape(gate.reasons.joined(separator: "\n")) + "</failure>\n    </testcase>\n")
            }
        }
        var out = "  <testsuite name=\"\(XMLText.escape(project.id))\" tests=\"\(cases.count)\" failures=\"\(failures)\" errors=\"0\" skipped=\"\(skipped)\">\n"
        out += "    <properties>\n      <property name=\"name\" value=\"\(XMLText.escape(project.name))\"/>\n"
        out += "      <property name=\"band\" value=\"\(project.band.rawValue)\"/>\n      <property name=\"score\" value=\"\(project.score.scoreText)\"/>\n"
        out += "      <property name=\"verdict\" value=\"\(project.verdict.rawValue)\"/>\n"
        for pack in project.packs {
            out += "      <property name=\"verdict.\(XMLText.escape(pack.pack))\" value=\"\(pack.verdict)\"/>\n"
        }
        out += "    </properties>\n"
        return out + cases.joined() + "  </testsuite>\n"
    }

    public func end(_ summary: RunSummary, context: ReportContext) -> String {
        let errors = summary.errors.filter { $0.severity == .error }
        var out = ""
        if !errors.isEmpty {
            out += "  <testsuite name=\"invalid-input\" tests=\"\(errors.count)\" failures=\"0\" errors=\"\(errors.count)\" skipped=\"0\">\n"
            for error in errors {
                out += "    <testcase classname=\"invalid-input\" name=\"\(XMLText.escape(error.file))\" file=\"\(XMLText.escape(error.file))\">\n"
                out += "      <error type=\"\(XMLText.escape(error.code))\" message=\"\(XMLText.escape(error.message))\">"
                out += XMLText.escape("\(error.location): \(error.message)") + "</error>\n    </testcase>\n"
            }
            out += "  </testsuite>\n"
        }
        return out + "</testsuites>\n"
    }
}
