args: diff Fixtures/cli/baseline.json Fixtures/golden/report.json --fail-on band-change
