args: plan Fixtures/projects/gb-norwich-cctv.yaml --as-of 2026-11-29 --pack debt-samples --rules Fixtures/packs/golden
