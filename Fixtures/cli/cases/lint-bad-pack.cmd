args: lint --rules Fixtures/packs/invalid/many-errors.yaml
