args: gate Fixtures/projects --as-of 2026-11-29 --only-failing --quiet --rules Fixtures/packs/golden
