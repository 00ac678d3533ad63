args: lint --rules Rules Fixtures/cli/uncited.yaml
