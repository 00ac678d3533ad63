args: plan Fixtures/projects/rs-belgrade-safe-city.yaml --as-of 2026-11-29 --target moderate --unknown best --rules Fixtures/packs/golden
