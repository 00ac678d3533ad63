args: plan Fixtures/projects/ug-national-cctv.yaml --as-of 2026-11-29 --collect --pack surveillance-sample --rules Fixtures/packs/golden
