args: score Fixtures/projects/gb-norwich-cctv.yaml --formt json
