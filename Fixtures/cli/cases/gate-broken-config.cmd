args: gate ../../projects/gb-norwich-cctv.yaml --as-of 2026-11-29
cwd: Fixtures/cli/broken-config
