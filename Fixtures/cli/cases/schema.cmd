args: schema --rules Fixtures/packs/sample.yaml
