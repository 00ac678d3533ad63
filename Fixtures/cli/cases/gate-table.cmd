args: gate Fixtures/projects --as-of 2026-11-29 --rules Fixtures/packs/golden
