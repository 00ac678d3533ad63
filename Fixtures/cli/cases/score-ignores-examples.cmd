args: score Fixtures/cli/broken-example/project.yaml --rules Fixtures/cli/broken-example/pack.yaml --as-of 2026-11-29
