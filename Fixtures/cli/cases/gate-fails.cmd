args: gate Fixtures/projects/ec-ecu-911.yaml Fixtures/projects/me-bar-boljare-motorway.yaml --as-of 2026-11-29 --format github --rules Fixtures/packs/golden
