args: gate --as-of 2026-11-29
cwd: Fixtures/cli/configured
