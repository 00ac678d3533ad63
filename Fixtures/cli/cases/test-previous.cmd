# A rule added since the baseline report (SV-MIS-001) without enforce_from is warned about.
args: test --rules Fixtures/packs/golden --as-of 2026-11-29 --previous Fixtures/cli/baseline-sample.json
