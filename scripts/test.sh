#!/usr/bin/env bash
# Runs every JRM test: processor and plugin unit tests, then modules built and loaded into real
# redis-servers (the example module, and jrmtest beside it).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-tools.sh
exec mvn -B -ntp verify "$@"
