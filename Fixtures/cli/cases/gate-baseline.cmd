args: gate Fixtures/projects --baseline Fixtures/cli/baseline.json --as-of 2026-11-29 --format markdown
