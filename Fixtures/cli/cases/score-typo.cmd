args: score Fixtures/cli/typo.yaml --as-of 2026-11-29 --rules Fixtures/packs/golden
