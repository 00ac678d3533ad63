args: gate Fixtures/cli/gate --rules Fixtures/packs/gate --as-of 2026-11-29 --format github
