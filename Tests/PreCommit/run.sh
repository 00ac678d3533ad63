#!/bin/sh
# `make test-precommit`: pre-commit (from PyPI, in .build-precommit/) runs this repository's
# .pre-commit-hooks.yaml in a scratch dossier repository whose .pre-commit-config.yaml names
# this repository at its committed HEAD, as a policy repository would after adding the
# lines in the README. pre-commit builds the package itself the first time for a commit
# (minutes); its store is kept in .build-precommit/, so the checks share one build.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
venv="$root/.build-precommit/venv"
if [ ! -x "$venv/bin/pre-commit" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet pre-commit
fi
export PRE_COMMIT_HOME="$root/.build-precommit/store"
head=$(git -C "$root" rev-parse HEAD)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cd "$scratch"
git init --quiet
git config user.email test@example.org
git config user.name "pre-commit test"
mkdir projects drafts
cp "$root"/Fixtures/projects/*.yaml projects/
cp "$root/Fixtures/cli/typo.yaml" drafts/typo.yaml
# A workflow file: YAML, hidden, and not a dossier; the hooks must leave it alone.
mkdir -p .github/workflows
printf 'on: push\njobs: {}\n' > .github/workflows/ci.yml
cat > .pre-commit-config.yaml <<CONFIG
repos:
  - repo: $root
    rev: $head
    hooks: [{id: arbiter-lint}, {id: arbiter-gate}]
CONFIG
git add .
git commit --quiet -m "dossiers"

failures=0
expect() { # expect STATUS WORDS -- pre-commit arguments
    want=$1; words=$2; shift 3
    if "$venv/bin/pre-commit" run "$@" > out.txt 2>&1; then got=0; else got=1; fi
    if [ "$got" != "$want" ] || ! grep -q -- "$words" out.txt; then
        echo "FAIL: pre-commit run $* (exit $got, wanted $want, output should contain '$words'):"
        cat out.txt
        failures=$((failures + 1))
    else
        echo "ok: $* → exit $got, '$words'"
    fi
}

expect 0 "arbiter lint.*Passed" -- arbiter-lint --files projects/*.yaml .github/workflows/ci.yml
expect 1 "drafts/typo.yaml:" -- arbiter-lint --files drafts/typo.yaml
expect 1 "rs-belgrade-safe-city" -- arbiter-gate --files projects/rs-belgrade-safe-city.yaml
# The repository's own .arbiter.yaml sets the gate: critical on known facts passes Norwich.
printf 'gate:\n  fail_on: critical\n  unknown: best\n' > .arbiter.yaml
git add .arbiter.yaml
expect 0 "arbiter gate.*Passed" -- arbiter-gate --files projects/gb-norwich-cctv.yaml

if [ "$failures" -gt 0 ]; then
    echo "$failures pre-commit check(s) failed"
    exit 1
fi
echo "pre-commit hooks: all checks passed"
