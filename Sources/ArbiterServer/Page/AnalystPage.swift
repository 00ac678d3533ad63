/// The analyst's page at `/`: write or open a dossier, press Score, read the explained
/// report. One HTML document; its style sheet and script are served beside it from the
/// binary (`/assets/…`), so the page works offline and under a Content-Security-Policy
/// that allows nothing but this server.
enum AnalystPage {
    /// Sent with the page and its assets: nothing but this origin, no inline script or
    /// style, no frames, no forms posted elsewhere.
    static let contentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; "
        + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

    static let html = #"""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Arbiter — score a dossier</title>
        <link rel="icon" href="data:,">
        <link rel="stylesheet" href="/assets/page.css">
        <script src="/assets/page.js" defer></script>
        </head>
        <body>
        <header class="masthead">
          <h1>Arbiter</h1>
          <p>Score a project's dossier against the digital-authoritarianism and debt-risk packs: every finding with the facts and sources behind it, and the facts still to collect.</p>
        </header>
        <main>
          <section class="workspace" aria-labelledby="dossier-heading">
            <h2 id="dossier-heading">Dossier</h2>
            <div class="controls">
              <label for="file">Open a file</label>
              <span><input id="file" type="file" accept=".yaml,.yml,.json,application/yaml,application/json">
                <button id="template" type="button">New from template</button></span>
              <label for="as-of">Evaluate as of</label>
              <input id="as-of" type="date">
              <label for="token">Token</label>
              <span><input id="token" type="password" autocomplete="off" spellcheck="false">
                <span class="hint">only if the server asks; kept in this page alone</span></span>
            </div>
            <div class="editor">
              <pre id="gutter" class="gutter" aria-hidden="true"></pre>
              <label for="dossier" class="visually-hidden">Dossier (YAML or JSON)</label>
              <textarea id="dossier" spellcheck="false" autocapitalize="off" autocomplete="off" wrap="off"
                placeholder="id: rs-belgrade-safe-city&#10;name: Safe City, Belgrade&#10;…"></textarea>
            </div>
            <div class="actions">
              <button id="score" type="button" class="primary">Score</button>
              <button id="gate" type="button">Gate</button>
              <label for="target" class="visually-hidden">Plan target band</label>
              <select id="target">
                <option value="moderate">to moderate</option>
                <option value="low">to low</option>
                <option value="high">to high</option>
              </select>
              <button id="plan" type="button">Plan</button>
              <span id="status" role="status" aria-live="polite"></span>
            </div>
            <section id="problems" class="problems" aria-labelledby="problems-heading" hidden>
              <h3 id="problems-heading">Problems in the dossier</h3>
              <ol id="problem-list"></ol>
            </section>
          </section>
          <section id="report" class="report" aria-labelledby="report-heading" tabindex="-1" hidden>
            <h2 id="report-heading">Report</h2>
            <div id="report-body"></div>
          </section>
        </main>
        <footer>
          <p>Scores follow the loaded packs: a score is what the known facts establish, its range reaches what it would be if every unknown rule fired, and the band is the band of the score. <a href="/v1/openapi.yaml">API</a></p>
        </footer>
        </body>
        </html>
        """#
}
