args: audit Fixtures/projects --as-of 2026-11-29 --format markdown --max-bytes 6000 --rules Fixtures/packs/golden
