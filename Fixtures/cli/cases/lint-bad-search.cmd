args: lint Fixtures/cli/bad-search.yaml Fixtures/cli/bad-search-2.yaml --rules Fixtures/packs/gate
