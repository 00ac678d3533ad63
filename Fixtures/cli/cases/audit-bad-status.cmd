args: audit Fixtures/projects --status sometimes --rules Fixtures/packs/golden
