args: lint --rules Fixtures/cli/broken-example/pack.yaml Fixtures/cli/broken-example/project.yaml
