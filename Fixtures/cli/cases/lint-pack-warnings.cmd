args: lint --rules Rules/vocabulary.yaml --rules Fixtures/diff/base.yaml
