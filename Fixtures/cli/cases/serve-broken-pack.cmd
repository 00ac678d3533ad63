args: serve --port 0 --rules Fixtures/packs/invalid/many-errors.yaml
