args: lint --rules Fixtures/packs/golden Fixtures/cli/uncited.yaml
