args: rules --pack debt-sample --min-severity high --rules Fixtures/packs/golden
