#!/usr/bin/env bash
# Benchmark: redis-memory-sidecar vs Debian's prometheus-redis-exporter, side by side (same redis-server, or twins
# with the same data scraped in the same minutes).
#   bench/run.sh                    full run (about 80 minutes), writes docs/benchmarks.md and docs/benchmarks.png
#   bench/run.sh --quick            smoke run (a few minutes), writes target/bench/BENCHMARKS-quick.{md,png}
#   bench/run.sh --per-minute-only  per-minute and irate rows alone (about 40 minutes), for a polling change:
#                                   target/bench/BENCHMARKS-per-minute.md; one interval with
#                                   BENCH_JAVA_OPTS=-Dbench.intervals=15
#   bench/run.sh --keys-only        key-group rows alone (a few minutes): target/bench/BENCHMARKS-keys.md
# Needs redis-server, prometheus-redis-exporter and wrk (apt-get install redis-server prometheus-redis-exporter wrk).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q package -DskipTests
./mvnw -B -q test-compile
# The test helpers it shares with the tests wait with Awaitility: the test classpath, without the project itself.
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
out=docs
for arg in "$@"; do
  if [ "$arg" = "--quick" ]; then out=target/bench; fi
done
exec java ${BENCH_JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  io.github.redissidecar.bench.Benchmark "$@" --out "$out"
