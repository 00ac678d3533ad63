args: gate Fixtures/projects/gb-norwich-cctv.yaml --unknown best --as-of 2026-11-29 --rules Fixtures/packs/golden
