/// The analyst's page's style sheet, served at `/assets/page.css`. Band colours come with
/// the band's name written beside them, never alone; a print style leaves the report.
enum PageStyle {
    static let css = #"""
        :root {
          --ink: #1d2430; --muted: #5b6575; --line: #d5dae1; --paper: #ffffff; --wash: #f4f6f8;
          --low: #2e7d32; --moderate: #b58900; --high: #d35400; --critical: #b71c1c; --focus: #1a56db;
          font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--wash);
        }
        body { margin: 0; line-height: 1.45; }
        .masthead { background: var(--ink); color: #fff; padding: 0.8rem 1.5rem; }
        .masthead h1 { margin: 0; font-size: 1.4rem; }
        .masthead p { margin: 0.2rem 0 0; color: #cfd6e0; max-width: 60rem; }
        main { display: grid; grid-template-columns: minmax(22rem, 38rem) 1fr; gap: 1.2rem; padding: 1.2rem 1.5rem; align-items: start; }
        @media (max-width: 70rem) { main { grid-template-columns: 1fr; } }
        section.workspace, section.report { background: var(--paper); border: 1px solid var(--line); border-radius: 6px; padding: 0.8rem 1rem 1rem; }
        h2 { font-size: 1.15rem; margin: 0.2rem 0 0.6rem; }
        h3 { font-size: 1.02rem; margin: 1rem 0 0.4rem; }
        .controls { display: grid; grid-template-columns: auto 1fr; gap: 0.45rem 0.8rem; align-items: center; margin-bottom: 0.6rem; font-size: 0.92rem; }
        .controls > span { display: flex; flex-wrap: wrap; gap: 0.4rem 0.6rem; align-items: center; }
        .hint { color: var(--muted); font-size: 0.85em; }
        input, button, textarea { font: inherit; }
        button { border: 1px solid var(--line); background: var(--wash); border-radius: 4px; padding: 0.35rem 0.8rem; cursor: pointer; }
        button.primary { background: var(--ink); color: #fff; border-color: var(--ink); }
        button:disabled { opacity: 0.6; cursor: progress; }
        :focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
        .editor { display: flex; border: 1px solid var(--line); border-radius: 4px; height: 30rem; overflow: hidden; background: var(--paper); }
        .gutter, textarea { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, monospace; font-size: 13px; line-height: 18px; margin: 0; padding: 6px 0; }
        .gutter { min-width: 3.6rem; text-align: right; color: var(--muted); background: var(--wash); border-right: 1px solid var(--line); overflow: hidden; user-select: none; padding-right: 0.4rem; }
        .gutter .bad { color: #fff; background: var(--critical); font-weight: 600; }
        textarea { flex: 1; border: 0; resize: none; padding-left: 0.5rem; white-space: pre; overflow: auto; }
        .actions { display: flex; gap: 0.6rem; align-items: center; margin-top: 0.6rem; }
        #status { color: var(--muted); font-size: 0.92rem; }
        .problems { margin-top: 0.8rem; border-left: 4px solid var(--critical); padding-left: 0.8rem; }
        .problems li { margin-bottom: 0.5rem; }
        .where { font-family: ui-monospace, monospace; font-size: 0.9em; }
        a.line { font-family: ui-monospace, monospace; }
        .code { color: var(--muted); font-family: ui-monospace, monospace; font-size: 0.85em; }
        .verdict { display: flex; flex-wrap: wrap; gap: 0.4rem 1rem; align-items: baseline; border-bottom: 1px solid var(--line); padding-bottom: 0.6rem; }
        .verdict .who { font-size: 1.1rem; font-weight: 600; width: 100%; }
        .band { display: inline-block; padding: 0.05rem 0.5rem; border-radius: 3px; color: #fff; font-weight: 700; letter-spacing: 0.03em; text-transform: uppercase; font-size: 0.85rem; }
        .band.low { background: var(--low); } .band.moderate { background: var(--moderate); }
        .band.high { background: var(--high); } .band.critical { background: var(--critical); }
        .band.insufficient-data, .band.not-applicable { background: #546e7a; }
        .gate { margin: 0.6rem 0; padding: 0.5rem 0.8rem; border-radius: 4px; background: var(--wash); }
        .gate.failed { border-left: 4px solid var(--critical); } .gate.passed { border-left: 4px solid var(--low); }
        .pack { border-top: 1px solid var(--line); margin-top: 1rem; padding-top: 0.4rem; }
        .pack-line { color: var(--muted); font-size: 0.92rem; margin: 0.2rem 0; }
        svg.bar { width: 100%; max-width: 46rem; height: auto; display: block; margin: 0.3rem 0 0.6rem; }
        table.categories { border-collapse: collapse; font-size: 0.9rem; margin: 0.4rem 0; }
        table.categories th, table.categories td { text-align: left; padding: 0.15rem 0.6rem 0.15rem 0; }
        table.categories td.num { text-align: right; font-variant-numeric: tabular-nums; }
        .meter { display: inline-block; width: 8rem; height: 0.6rem; background: var(--wash); border: 1px solid var(--line); position: relative; vertical-align: middle; }
        .meter .worst { position: absolute; top: 0; bottom: 0; left: 0; background: repeating-linear-gradient(45deg, #c7ccd4 0 3px, transparent 3px 6px); }
        .meter .known { position: absolute; top: 0; bottom: 0; left: 0; background: var(--ink); }
        .finding { border: 1px solid var(--line); border-left-width: 4px; border-radius: 4px; padding: 0.4rem 0.7rem; margin: 0.5rem 0; }
        .finding.critical { border-left-color: var(--critical); } .finding.high { border-left-color: var(--high); }
        .finding.medium { border-left-color: var(--moderate); } .finding.low, .finding.info { border-left-color: var(--low); }
        .finding h4 { margin: 0; font-size: 0.97rem; }
        .finding .severity { text-transform: uppercase; font-size: 0.78rem; font-weight: 700; margin-right: 0.4rem; }
        .finding .tag { font-size: 0.78rem; border: 1px solid var(--line); border-radius: 3px; padding: 0 0.3rem; margin-left: 0.3rem; }
        .finding ul { margin: 0.3rem 0; padding-left: 1.2rem; }
        .finding p { margin: 0.25rem 0; }
        details { margin: 0.5rem 0; } summary { cursor: pointer; font-weight: 600; }
        .facts li { margin: 0.15rem 0; }
        footer { color: var(--muted); font-size: 0.85rem; padding: 0 1.5rem 1.5rem; }
        .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
        @media print {
          body { background: #fff; }
          .masthead p, .workspace, footer { display: none; }
          main { display: block; padding: 0; }
          section.report { border: 0; padding: 0; }
          details > *:not(summary) { display: block; }
          .finding { break-inside: avoid; }
          a { color: inherit; text-decoration: none; }
        }
        """#
}
