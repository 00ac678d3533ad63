args: score Fixtures/projects/gb-norwich-cctv.yaml --as-of 2026-11-29 --set surveillance.realtime_identification=true --format markdown --rules Fixtures/packs/golden
