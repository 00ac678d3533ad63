args: lint Fixtures/cli/typo.yaml --rules Fixtures/packs/golden
