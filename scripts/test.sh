#!/usr/bin/env bash
# Installs what the tests need (Debian 12, as root) and runs every test: unit, contract, end-to-end, then
# installs the Debian package `mvn verify` built, uses it and purges it (scripts/package-check.sh).
set -euo pipefail
repo=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
cd "$repo"
bash scripts/install-deps.sh test
mvn -B -ntp verify "$@"
bash scripts/package-check.sh
