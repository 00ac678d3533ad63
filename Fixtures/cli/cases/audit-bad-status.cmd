args: audit Fixtures/projects --status sometimes
