args: gate Fixtures/projects --baseline Fixtures/cli/baseline-sample.json --as-of 2026-11-29 --format markdown --rules Fixtures/packs/golden
