args: audit Fixtures/projects --format markdown --as-of 2026-11-29 --rules Fixtures/packs/golden
