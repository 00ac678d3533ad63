args: audit Fixtures/cli/batch --format csv --as-of 2026-11-29 --jobs 2 --rules Fixtures/packs/golden
