args: gate Fixtures/projects/rs-belgrade-safe-city.yaml --as-of 2026-11-29 --format github --min-severity critical --rules Fixtures/packs/golden
