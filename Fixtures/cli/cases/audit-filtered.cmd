args: audit Fixtures/projects --as-of 2026-11-29 --min-severity critical --status fired --rules Fixtures/packs/golden
