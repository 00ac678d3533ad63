args: explain SV-BIO-01 --rules Fixtures/packs/golden
