args: score Fixtures/cli/no-such-file.yaml --as-of 2026-11-29 --rules Fixtures/packs/golden
