#!/usr/bin/env bash
# Benchmark: redis-memory-sidecar vs Debian's prometheus-redis-exporter, side by side on one redis-server.
#   bench/run.sh            full run (about 55 minutes), writes BENCHMARKS.md and BENCHMARKS.png here
#   bench/run.sh --quick    smoke run (under 2 minutes), writes target/bench/BENCHMARKS-quick.{md,png}
# Needs redis-server, prometheus-redis-exporter and wrk (apt-get install redis-server prometheus-redis-exporter wrk).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q package -DskipTests
./mvnw -B -q test-compile
out=.
for arg in "$@"; do
  if [ "$arg" = "--quick" ]; then out=target/bench; fi
done
exec java ${BENCH_JAVA_OPTS:-} -cp target/test-classes io.github.redissidecar.bench.Benchmark "$@" --out "$out"
