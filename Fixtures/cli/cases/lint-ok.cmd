args: lint Fixtures/projects --rules Fixtures/packs/golden
