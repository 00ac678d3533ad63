# Norwich, the low-risk control, fails the default gate on missing facts alone; with the
# one fact it lacks most (whether the supplier can reach the system remotely) recorded
# as absent it passes: a well-documented low-risk project can pass, and the table says
# the result rests on a what-if.
args: gate Fixtures/projects/gb-norwich-cctv.yaml --as-of 2026-11-29 --set vendor.remote_access=false --rules Fixtures/packs/golden
