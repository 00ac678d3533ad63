args: score - --format json --as-of 2026-11-29
stdin: Fixtures/projects/gb-norwich-cctv.yaml
