args: lint Fixtures/cli/hints.yaml --rules Fixtures/packs/golden
