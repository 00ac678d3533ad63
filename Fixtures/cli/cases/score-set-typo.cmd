args: score Fixtures/projects/rs-belgrade-safe-city.yaml --set financing.lender_type=polciy-bank --set surveillance.camras=3 --rules Fixtures/packs/golden
