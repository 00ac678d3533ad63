args: lint Fixtures/cli/hints.yaml
