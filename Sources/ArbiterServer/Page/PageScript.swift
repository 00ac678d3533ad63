/// The analyst's page's script, served at `/assets/page.js`: it calls the `/v1` API with
/// `fetch` and builds the report from the JSON with DOM calls (never from HTML strings,
/// since every text in a report comes from a dossier or a pack).
enum PageScript {
    static let js = #"""
        "use strict";
        (function () {
          const $ = (id) => document.getElementById(id);
          const editor = $("dossier"), gutter = $("gutter"), status = $("status");
          const state = { packs: null, diagnostics: [] };
          const LINE = 18;

          function el(tag, attributes, ...children) {
            const node = document.createElement(tag);
            for (const [key, value] of Object.entries(attributes || {})) {
              if (value === undefined || value === null || value === false) continue;
              if (key === "class") node.className = value; else node.setAttribute(key, value === true ? "" : String(value));
            }
            for (const child of children.flat(Infinity)) {
              if (child === undefined || child === null || child === false) continue;
              node.append(child instanceof Node ? child : document.createTextNode(String(child)));
            }
            return node;
          }
          const svg = (tag, attributes) => {
            const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
            for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
            return node;
          };
          const number = (value) => (Math.round(value * 10) / 10).toFixed(1);
          const band = (name) => el("span", { class: "band " + name }, name);

          function headers(extra) {
            const all = Object.assign({}, extra);
            const token = $("token").value.trim();
            if (token) all["Authorization"] = "Bearer " + token;
            return all;
          }

          async function call(method, path, body) {
            const options = { method, headers: headers(body === undefined ? {} : { "Content-Type": "application/yaml", "Accept": "application/json" }) };
            if (body !== undefined) options.body = body;
            const response = await fetch(path, options);
            const text = await response.text();
            let json = null;
            try { json = JSON.parse(text); } catch (error) { json = null; }
            return { status: response.status, text, json };
          }

          // ---- the editor: line numbers, markers beside lines with problems, line links

          function drawGutter() {
            const count = editor.value.split("\n").length;
            const marked = new Map();
            for (const diagnostic of state.diagnostics) marked.set(diagnostic.line, diagnostic.message);
            gutter.replaceChildren();
            for (let line = 1; line <= count; line++) {
              const mark = marked.get(line);
              gutter.append(mark ? el("span", { class: "bad", title: mark }, "! " + line) : String(line), "\n");
            }
            gutter.scrollTop = editor.scrollTop;
          }

          function showLine(line, column) {
            const lines = editor.value.split("\n");
            let start = 0;
            for (let index = 0; index < line - 1 && index < lines.length; index++) start += lines[index].length + 1;
            const length = (lines[line - 1] || "").length;
            editor.focus();
            editor.setSelectionRange(start + Math.max(0, Math.min((column || 1) - 1, length)), start + length);
            editor.scrollTop = Math.max(0, (line - 1) * LINE - editor.clientHeight / 3);
            drawGutter();
          }

          const lineLink = (line, column, text) => {
            const link = el("a", { href: "#dossier", class: "line" }, text || ("line " + line));
            link.addEventListener("click", (event) => { event.preventDefault(); showLine(line, column); });
            return link;
          };

          editor.addEventListener("input", () => { state.diagnostics = []; drawGutter(); });
          editor.addEventListener("scroll", () => { gutter.scrollTop = editor.scrollTop; });

          // ---- problems: every located diagnostic, each linked to its line

          function showProblems(error) {
            state.diagnostics = error.diagnostics || [];
            const list = $("problem-list");
            list.replaceChildren();
            if (state.diagnostics.length === 0) list.append(el("li", {}, error.message, (error.hints || []).map((hint) => el("div", { class: "hint" }, "hint: " + hint))));
            for (const diagnostic of state.diagnostics) {
              list.append(el("li", {},
                lineLink(diagnostic.line, diagnostic.column, "line " + diagnostic.line + ", column " + diagnostic.column), ": ",
                diagnostic.message, " ", el("span", { class: "code" }, "[" + diagnostic.code + "]"),
                diagnostic.hints.map((hint) => el("div", { class: "hint" }, "hint: " + hint)),
                diagnostic.notes.map((note) => el("div", { class: "hint" }, "note: " + note.message + (note.line ? " (line " + note.line + ")" : "")))));
            }
            $("problems").hidden = false;
            drawGutter();
          }

          // ---- the report

          function bar(pack, bands) {
            // Points have no ceiling: the axis runs a quarter past critical, or to the worst case.
            const top = Math.max(bands.critical * 1.25, pack.score_range[1]);
            const width = 1000, x = (score) => 24 + score / top * (width - 48);
            const picture = svg("svg", { class: "bar", viewBox: "0 0 " + width + " 96", role: "img",
              "aria-label": pack.id + ": score " + number(pack.score) + ", range " + number(pack.score_range[0]) + " to " + number(pack.score_range[1]) + ", band " + pack.band });
            const zones = [["low", 0, bands.moderate], ["moderate", bands.moderate, bands.high], ["high", bands.high, bands.critical], ["critical", bands.critical, top]];
            const colours = { low: "#2e7d32", moderate: "#b58900", high: "#d35400", critical: "#b71c1c" };
            for (const [name, from, to] of zones) {
              picture.append(svg("rect", { x: x(from), y: 16, width: Math.max(0, x(to) - x(from)), height: 30, fill: colours[name], "fill-opacity": 0.55 }));
              if (x(to) - x(from) < name.length * 11 + 8) continue;
              const label = svg("text", { x: (x(from) + x(to)) / 2, y: 37, "text-anchor": "middle", "font-size": 19, fill: "#111" });
              label.textContent = name;
              picture.append(label);
            }
            for (const tick of [0, bands.moderate, bands.high, bands.critical]) {
              picture.append(svg("line", { x1: x(tick), x2: x(tick), y1: 12, y2: 50, stroke: "#333", "stroke-width": 1.5 }));
              const label = svg("text", { x: x(tick), y: 68, "text-anchor": "middle", "font-size": 17, fill: "#333" });
              label.textContent = String(tick);
              picture.append(label);
            }
            const [low, high] = pack.score_range;
            picture.append(svg("rect", { x: x(low), y: 24, width: Math.max(2, x(high) - x(low)), height: 14, fill: "#1d2430", "fill-opacity": 0.35, stroke: "#1d2430" }));
            picture.append(svg("rect", { x: x(pack.score) - 4, y: 8, width: 8, height: 46, fill: "#000" }));
            const caption = svg("text", { x: Math.min(x(pack.score) + 10, width - 260), y: 90, "font-size": 18, "font-weight": 600, fill: "#000" });
            caption.textContent = number(pack.score) + " points · up to " + number(high);
            picture.append(caption);
            return picture;
          }

          function categories(pack) {
            const rows = pack.categories.map((category) => el("tr", {},
              el("th", { scope: "row" }, category.category),
              el("td", { class: "num" }, number(category.score)),
              el("td", { class: "num" }, number(category.worst)),
              el("td", {}, meter(category.score, category.worst))));
            return el("table", { class: "categories" },
              el("caption", { class: "visually-hidden" }, "Categories of " + pack.id),
              el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "category"), el("th", { scope: "col" }, "known"), el("th", { scope: "col" }, "worst case"), el("th", { scope: "col" }, ""))),
              el("tbody", {}, rows));
          }

          function meter(known, worst) {
            const box = el("span", { class: "meter", role: "img", "aria-label": "known " + number(known) + ", worst case " + number(worst) });
            const worstBar = el("span", { class: "worst" }); worstBar.style.width = Math.min(100, worst) + "%";
            const knownBar = el("span", { class: "known" }); knownBar.style.width = Math.min(100, known) + "%";
            box.append(worstBar, knownBar);
            return box;
          }

          const safeLink = (source) => /^https?:\/\//.test(source.url || "")
            ? el("a", { href: source.url, rel: "noopener noreferrer" }, source.title || source.id)
            : (source.title || source.id);

          function finding(item) {
            const status = item.status === "fired" ? "" : item.status;
            return el("article", { class: "finding " + item.severity },
              el("h4", {}, el("span", { class: "severity" }, item.severity), item.rule + " — " + item.title,
                status ? el("span", { class: "tag" }, status) : null, item.advisory ? el("span", { class: "tag" }, "advisory") : null,
                item.status === "fired" ? el("span", { class: "tag" }, "+" + number(item.contribution)) : null),
              item.message && item.message !== item.title ? el("p", {}, item.message) : null,
              item.evidence.length ? el("ul", {}, item.evidence.map((evidence) => el("li", {},
                el("code", {}, evidence.path + " = " + JSON.stringify(evidence.value)), " (", lineLink(evidence.line, evidence.column), ")",
                evidence.sources.length ? [" — ", evidence.sources.map((source, index) => [index ? "; " : "", safeLink(source)])] : " — no source cited"))) : null,
              item.missing.length ? el("p", {}, "Would be settled by: ", item.missing.map((path, index) => [index ? ", " : "", el("code", {}, path)])) : null,
              item.waiver ? el("p", {}, "Waiver " + item.waiver.state + ": " + item.waiver.reason + " (approved by " + item.waiver.approved_by + ", expires " + item.waiver.expires + ")") : null,
              item.mitigations.length && item.status !== "unknown" ? el("details", {}, el("summary", {}, "Mitigations"), el("ul", {}, item.mitigations.map((text) => el("li", {}, text)))) : null);
          }

          function factsToCollect(project) {
            const weights = new Map();
            for (const pack of project.packs) for (const item of pack.findings) {
              if (item.status !== "unknown") continue;
              for (const path of item.missing) weights.set(path, (weights.get(path) || 0) + item.weight);
            }
            const ranked = [...weights.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
            if (ranked.length === 0) return null;
            return el("details", {}, el("summary", {}, "Facts to collect (" + ranked.length + ")"),
              el("ol", { class: "facts" }, ranked.map(([path, weight]) => el("li", {}, el("code", {}, path), " — decides up to " + number(weight) + " weight points"))));
          }

          function render(report, gated) {
            const body = $("report-body");
            body.replaceChildren();
            for (const project of report.projects) {
              body.append(el("div", { class: "verdict" },
                el("span", { class: "who" }, project.name + " (" + project.id + ")"),
                el("span", {}, "Overall ", band(project.verdict || project.band)),
                el("span", {}, "points " + number(project.score) + ", range " + number(project.score_range[0]) + "–" + number(project.score_range[1])),
                el("span", {}, "worst case ", band(project.worst_band)),
                el("span", { class: "pack-line" }, "as of " + report.as_of)));
              if (gated && project.gate) {
                body.append(el("div", { class: "gate " + (project.gate.passed ? "passed" : "failed") },
                  el("strong", {}, "Gate " + (project.gate.passed ? "passed" : "failed")),
                  project.gate.reasons.length ? el("ul", {}, project.gate.reasons.map((reason) => el("li", {}, reason))) : null,
                  (project.gate.warnings || []).length ? el("details", {}, el("summary", {}, "Warnings: " + project.gate.warnings.length + " unknown rules that do not fail the gate"),
                    el("ul", {}, project.gate.warnings.map((warning) => el("li", {}, warning)))) : null));
              }
              const collect = factsToCollect(project);
              if (collect) body.append(collect);
              // The riskiest pack first: the board reads what decided the band before the rest.
              const rank = { "not-applicable": -2, "insufficient-data": -1, low: 0, moderate: 1, high: 2, critical: 3 };
              const verdict = (pack) => pack.verdict || pack.band;
              const ordered = [...project.packs].sort((a, b) => rank[verdict(b)] - rank[verdict(a)] || b.score - a.score || a.id.localeCompare(b.id));
              for (const pack of ordered) {
                const bands = (state.packs && state.packs[pack.id]) || { moderate: 25, high: 50, critical: 75 };
                const fired = pack.findings.filter((item) => item.status === "fired");
                const unknown = pack.findings.filter((item) => item.status === "unknown");
                const waived = pack.findings.filter((item) => item.status === "waived");
                body.append(el("section", { class: "pack", "aria-label": pack.id },
                  el("h3", {}, pack.id + " " + pack.version + " — ", band(verdict(pack)), " (worst case ", band(pack.worst_band), ")"),
                  el("p", { class: "pack-line" }, number(pack.score) + " points, range " + number(pack.score_range[0]) + "–" + number(pack.score_range[1]) +
                    ", completeness " + Math.round(pack.completeness * 100) + "%" +
                    (verdict(pack) === "insufficient-data" ? " — too little known for a verdict; the known facts give " + pack.band : "") +
                    (verdict(pack) === "not-applicable" ? " — no rule of this pack applies to the project" : "")),
                  pack.floor ? el("p", { class: "pack-line" }, "band " + pack.floor.band + " set by a floor: " + pack.floor.reason + " (" + pack.floor.rules.join(", ") + ")") : null,
                  bar(pack, bands),
                  categories(pack),
                  el("h4", {}, "Fired (" + fired.length + ")"),
                  fired.length ? fired.map(finding) : el("p", {}, "No rule fired on the known facts."),
                  waived.length ? el("details", { open: true }, el("summary", {}, "Waived (" + waived.length + ")"), waived.map(finding)) : null,
                  unknown.length ? el("details", {}, el("summary", {}, "Unknown (" + unknown.length + ") — facts that would settle them"), unknown.map(finding)) : null));
              }
            }
            for (const error of report.errors || []) body.append(el("p", {}, error.file + ":" + error.line + ": " + error.message));
            $("report").hidden = false;
          }

          // ---- actions

          async function packs() {
            if (state.packs) return;
            const reply = await call("GET", "/v1/packs");
            if (reply.status !== 200 || !reply.json) return;
            state.packs = {};
            for (const pack of reply.json.packs) state.packs[pack.id] = pack.bands;
          }

          /// Posts the dossier to `path` and renders the 200 answer with `show`; refusals
          /// list their diagnostics beside the lines and clear a report that would mislead.
          async function submit(path, busy, done, show) {
            const buttons = [$("score"), $("gate"), $("plan")];
            buttons.forEach((button) => { button.disabled = true; });
            status.textContent = busy;
            $("problems").hidden = true;
            try {
              await packs();
              const asOf = $("as-of").value;
              const url = asOf ? path + (path.includes("?") ? "&" : "?") + "as_of=" + encodeURIComponent(asOf) : path;
              const reply = await call("POST", url, editor.value);
              if (reply.status === 200 && reply.json) {
                state.diagnostics = [];
                drawGutter();
                show(reply.json);
                status.textContent = done;
                $("report").focus();
              } else if (reply.json && reply.json.error) {
                // A report of the dossier as it was would now mislead: it goes.
                $("report").hidden = true;
                $("report-body").replaceChildren();
                showProblems(reply.json.error);
                status.textContent = reply.json.error.message + " (HTTP " + reply.status + ")";
              } else {
                status.textContent = "The server answered HTTP " + reply.status + ".";
              }
            } catch (error) {
              status.textContent = "Could not reach the server: " + error.message;
            } finally {
              buttons.forEach((button) => { button.disabled = false; });
            }
          }

          const score = (gated) => submit(gated ? "/v1/gate" : "/v1/score", "Scoring…", "Scored.", (report) => render(report, gated));

          // ---- the plan: the mitigations that bring each pack to the target, on the known facts

          function renderPlan(plan, target) {
            const body = $("report-body");
            body.replaceChildren(el("div", { class: "verdict" },
              el("span", { class: "who" }, "Plan for " + plan.project.name + " (" + plan.project.id + ")"),
              el("span", { class: "pack-line" }, "to " + target + " or lower on the known facts, as of " + plan.as_of)));
            for (const pack of plan.packs) {
              const item = pack.plan;
              const section = el("section", { class: "pack", "aria-label": pack.id },
                el("h3", {}, pack.id + " " + pack.version + " — now ", band(pack.start.band), " (score " + number(pack.start.score) + ")"));
              if (item.reached && item.steps.length === 0) {
                section.append(el("p", {}, "Already there: nothing to change."));
              } else {
                section.append(el("ol", {}, item.steps.map((step) => el("li", {},
                  el("strong", {}, step.rule), ": " + step.mitigation,
                  el("div", { class: "hint" }, "sets " + step.set.map((change) => change.path + " = " + JSON.stringify(change.value)).join(", ")),
                  el("div", {}, "after: score " + number(step.after.score) + " ", band(step.after.band),
                    step.passes.length ? " — now passing " + step.passes.join(", ") : "")))));
                section.append(el("p", { class: "pack-line" }, item.method === "exact"
                  ? "Exact: no smaller set of mitigations reaches the target."
                  : "Greedy: one mitigation added at a time; a smaller set may exist."));
                if (!item.reached) {
                  section.append(el("p", {}, "Cannot reach " + target + " with the pack's mitigations. In the way: " +
                    item.obstacles.slice(0, 8).map((obstacle) => obstacle.rule + " (+" + number(obstacle.contribution) + ")").join(", ")));
                }
              }
              body.append(section);
            }
            $("report").hidden = false;
          }

          const plan = () => {
            const target = $("target").value;
            return submit("/v1/plan?unknown=best&target=" + encodeURIComponent(target), "Planning…", "Planned.",
                          (result) => renderPlan(result, target));
          };

          $("plan").addEventListener("click", plan);
          $("score").addEventListener("click", () => score(false));
          $("gate").addEventListener("click", () => score(true));
          editor.addEventListener("keydown", (event) => {
            if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) { event.preventDefault(); score(false); }
          });
          $("template").addEventListener("click", async () => {
            const reply = await call("GET", "/v1/template");
            if (reply.status === 200) { editor.value = reply.text; state.diagnostics = []; drawGutter(); status.textContent = "Template loaded."; }
            else status.textContent = (reply.json && reply.json.error ? reply.json.error.message : "The template could not be loaded") + " (HTTP " + reply.status + ").";
          });
          $("file").addEventListener("change", async () => {
            const file = $("file").files[0];
            if (!file) return;
            editor.value = await file.text();
            state.diagnostics = [];
            drawGutter();
            status.textContent = "Opened " + file.name + ".";
          });
          $("as-of").value = new Date().toISOString().slice(0, 10);
          drawGutter();
        })();
        """#
}
