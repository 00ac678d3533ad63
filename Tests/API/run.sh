#!/usr/bin/env bash
# `make test-api`: schemathesis against a live `arbiter serve`, with the committed OpenAPI
# document. Installs schemathesis from PyPI into .build-api/, starts the server on a free
# port, runs every phase with every check, and stops the server whatever happens.
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=${BIN:-.build/debug/arbiter}
MAX_EXAMPLES=${MAX_EXAMPLES:-100}
VENV=.build-api/venv
if [ ! -x "$VENV/bin/st" ]; then
    if ! python3 -m venv "$VENV" 2> /dev/null; then
        # Debian's own python3 keeps venv in a package of its own.
        SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
        $SUDO apt-get update -qq && $SUDO apt-get install -y -qq python3-venv
        python3 -m venv "$VENV"
    fi
    "$VENV/bin/pip" install -q --disable-pip-version-check schemathesis
fi
mkdir -p .build-api
LOG=.build-api/server.log
# With a token, so that the token check and POST /v1/reload are exercised too.
TOKEN="api-test-$(date +%s)-$$-token"
printf '%s\n' "$TOKEN" > .build-api/token
"$BIN" serve --port 0 --rules Rules --token-file .build-api/token > .build-api/server.out 2> "$LOG" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 100); do
    grep -q "listening on" .build-api/server.out 2>/dev/null && break
    sleep 0.1
done
BASE=$(sed -n 's/^arbiter serve: listening on //p' .build-api/server.out)
[ -n "$BASE" ] || { echo "the server did not start"; cat "$LOG"; exit 1; }
echo "server at $BASE"
"$VENV/bin/st" --config-file Tests/API/schemathesis.toml run "$BASE/v1/openapi.yaml" --url "$BASE" -H "Authorization: Bearer $TOKEN" \
    --max-examples "$MAX_EXAMPLES" --workers 2 \
    --request-timeout 10 --suppress-health-check all \
    --report junit --report-dir .build-api/report "$@"
echo "requests answered by the server: $(grep -c ' ms$' "$LOG")"
echo "5xx answers: $(grep -cE ' 5[0-9][0-9] [0-9.]+ ms$' "$LOG" || true)"
