import ArbiterCore
import ArbiterEngine
import ArgumentParser

/// Facts changed before evaluation, to see what a change would do to the verdict.
struct WhatIfOptions: ParsableArguments {
    @Option(name: .customLong("set"),
            help: ArgumentHelp("Set a fact before evaluation, checked like the dossier's own (repeatable), e.g. governance.legal_basis=statute.",
                               valueName: "path=value"))
    var set: [String] = []

    @Option(name: .customLong("unset"), help: ArgumentHelp("Make a fact unknown before evaluation (repeatable).", valueName: "path"))
    var unset: [String] = []

    /// The overrides, checked against the loaded schema; problems are printed (each at
    /// its option) and end the run with exit code 2.
    func overrides(_ workspace: Workspace) throws -> [FactOverride] {
        if set.isEmpty && unset.isEmpty { return [] }
        return try Workspace.succeed(FactOverrideParser.parse(set: set, unset: unset, schema: workspace.ruleSet.schema))
    }
}
