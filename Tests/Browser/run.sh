#!/usr/bin/env bash
# `make test-browser`: the analyst's page end to end in Debian's Chromium. Installs
# chromium, chromium-driver and python3-selenium when they are missing, then runs
# page_test.py against a live `arbiter serve`. Screenshots land in .build-browser/.
set -euo pipefail
cd "$(dirname "$0")/../.."
SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ] || ! /usr/bin/python3 -c 'import selenium' 2> /dev/null; then
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq chromium chromium-driver python3-selenium
fi
# Debian's own Python, where python3-selenium is installed.
/usr/bin/python3 Tests/Browser/page_test.py "${BIN:-.build/debug/arbiter}"
