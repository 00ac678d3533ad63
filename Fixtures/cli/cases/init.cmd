args: init ke-new-project --rules Fixtures/packs/sample.yaml
