#!/usr/bin/env bash
# One line per test class of the last Maven run (its surefire and failsafe reports): server, class, tests, failures,
# errors, skipped, seconds. .ci/run prints it after each server of the matrix.
set -euo pipefail
server=${1:?usage: summary.sh SERVER}
cd "$(dirname "$0")/../.."
for report in target/surefire-reports/TEST-*.xml target/failsafe-reports/TEST-*.xml; do
  [ -e "$report" ] || continue
  suite=$(head -c 4000 "$report" | tr '\n' ' ' | grep -o '<testsuite [^>]*>' | head -1)
  get() { echo "$suite" | grep -o " $1=\"[^\"]*\"" | head -1 | cut -d'"' -f2; }
  printf '%s | %s | %s tests | %s failures | %s errors | %s skipped | %s s\n' "$server" \
    "$(get name | sed 's/^io\.github\.redissidecar\.//')" "$(get tests)" "$(get failures)" "$(get errors)" \
    "$(get skipped)" "$(get time)"
done
