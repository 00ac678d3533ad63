args: explain SV-BIO-001 --rules Fixtures/packs/golden
