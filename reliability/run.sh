#!/usr/bin/env bash
# The reliability suites, long versions: the bank test, the crash test and the two-instance test
# (docs/RELIABILITY.md). Sizes can be changed, e.g.
#   reliability/run.sh -Dreliability.bank.seconds=300 -Dreliability.crash.kills=10
# Each suite prints what it tried and what it found; the services' logs are in target/reliability/.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target
mvn -B -ntp -Preliability verify -Dspotless.check.skip=true "$@" | tee target/reliability-run.txt
grep -A30 '^=== ' target/reliability-run.txt > target/reliability-summary.txt || true
echo "summary: target/reliability-summary.txt"
