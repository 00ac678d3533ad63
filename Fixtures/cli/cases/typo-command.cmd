args: scroe Fixtures/projects/rs-belgrade-safe-city.yaml
