args: lint Fixtures/cli/typo.yaml
