args: lint --strict --rules Fixtures/packs/golden Fixtures/cli/uncited.yaml
