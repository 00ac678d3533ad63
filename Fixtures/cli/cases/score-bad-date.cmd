args: score Fixtures/projects/gb-norwich-cctv.yaml --as-of 2026-02-30 --rules Fixtures/packs/golden
