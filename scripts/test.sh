#!/usr/bin/env bash
# Installs what the tests need (Debian 12, as root) and runs every test: unit, contract, end-to-end.
set -euo pipefail
repo=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
cd "$repo"
bash scripts/install-deps.sh test
mvn -B -ntp verify "$@"
