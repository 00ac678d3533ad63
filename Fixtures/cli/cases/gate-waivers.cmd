args: gate Fixtures/projects/rs-belgrade-safe-city.yaml --waivers Fixtures/cli/waivers.yaml --fail-on-severity none --as-of 2026-11-29 --rules Fixtures/packs/golden
