args: score - --format json --as-of 2026-11-29 --rules Fixtures/packs/golden
stdin: Fixtures/projects/gb-norwich-cctv.yaml
