#!/usr/bin/env bash
# Runs docker/Dockerfile.native's Maven steps as a clean Docker builder would (no Docker engine needed): the files
# the Dockerfile copies, an empty local repository, the same commands in the same order, with the build argument
# VERSION set. Two departures, because there is no GraalVM here: -Pnative is dropped (the jar is built and tested
# instead of the native executable), and the test stage runs one packaged-artifact test, not all of them.
# What it proves is that every step resolves from a clean builder (the test stage once ran offline and could not
# find Failsafe's JUnit Platform provider). Usage: tools/dockerfile-maven.sh [WORKDIR]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
work=${1:-$(mktemp -d)}
version=9.9.9-dockerfile-check
rm -rf "$work/build" "$work/m2"
mkdir -p "$work/build"
cp -r mvnw pom.xml .mvn src "$work/build/"
cd "$work/build"

grep -E '^RUN \./mvnw ' "$root/docker/Dockerfile.native" | sed 's/^RUN //' | while read -r line; do
  line=${line//'${VERSION}'/$version}
  line=${line//' -Pnative'/}
  case $line in *failsafe:integration-test*) line="$line -Dit.test=ExpositionPackagedIT" ;; esac
  echo "=== $line"
  # shellcheck disable=SC2086 # the Dockerfile's words, split as its shell would split them
  $line -Dmaven.repo.local="$work/m2" </dev/null
done

grep -qx "redis-memory-sidecar $version" target/classes/version.txt \
  || { echo "the build did not take VERSION=$version: $(cat target/classes/version.txt)"; exit 1; }
grep -q 'tests="[1-9]' target/failsafe-reports/TEST-*ExpositionPackagedIT.xml \
  || { echo "the test stage ran no test"; exit 1; }
echo "Dockerfile.native's Maven steps resolve from a clean builder (version $version)"
