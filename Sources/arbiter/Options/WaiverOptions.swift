import ArgumentParser

/// The waivers a scoring run applies, shown with the packs and the date under "Evaluation".
struct WaiverOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Waivers file; default: `waivers:` in .arbiter.yaml.", valueName: "file"),
            completion: .file(extensions: ["yaml", "yml"]))
    var waivers: String?
}
