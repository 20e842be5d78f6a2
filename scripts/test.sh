#!/usr/bin/env bash
# Runs every JRM test: processor and plugin unit tests, then modules built and loaded into real
# redis-servers (the example module, and jrmtest beside it), then Redis's module API test suite
# against the conformance ports, then the README's quick start outside the tree.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-tools.sh
# JDK25 names the JDK 22+ (default: Temurin 25) that compiles and tests the ffm backend.
mvn -B -ntp ${JDK25:+"-Djrm.jdk22plus=$JDK25"} verify "$@"
# Redis's own module API tests against the Java ports that verify built (conformance/); fails when a
# ported unit does not pass whole. Writes conformance/results/latest.md.
scripts/redis-conformance.sh
# The README's quick start (a project from the archetype) outside the tree, on JDK 17 and 25 (about 4 minutes).
scripts/outside-project-check.sh
