# The same folder with the gate of 2.x: every unknown at its worst.
args: gate Fixtures/cli/gate --rules Fixtures/packs/gate --as-of 2026-11-29 --unknown worst
