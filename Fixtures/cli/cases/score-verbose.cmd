args: score Fixtures/projects/rs-belgrade-safe-city.yaml --as-of 2026-11-29 --verbose --rules Fixtures/packs/golden
