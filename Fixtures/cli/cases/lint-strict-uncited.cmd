args: lint --strict --rules Rules Fixtures/cli/uncited.yaml
