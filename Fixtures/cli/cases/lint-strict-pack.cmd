args: lint --strict --rules Rules/vocabulary.yaml --rules Fixtures/diff/base.yaml
