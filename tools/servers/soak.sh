#!/usr/bin/env bash
# Errors the sidecar makes a server count over a long run: Redis 7.0, Redis 8.0 and Valkey 8.0 side by side, each
# with its sidecar (settings declared, key sampling at its defaults), scraped every 15 s as Prometheus would,
# restarted with kill -9 halfway. At the end, prints each server's INFO errorstats and total_error_replies.
#
#   tools/servers/soak.sh SERVERS_DIR APP_DIR [MINUTES]    (servers from install.sh; APP_DIR = target/quarkus-app)
set -euo pipefail
servers=${1:?usage: soak.sh SERVERS_DIR APP_DIR [MINUTES]}; app=${2:?}; minutes=${3:-60}
work=$(mktemp -d /tmp/soak.XXXXXX)
declare -A bin=([redis-7.0]=$(command -v redis-server) [redis-8.0]=$servers/redis-8.0/bin/redis-server
  [valkey-8.0]=$servers/valkey-8.0/bin/redis-server)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
pids=()
trap 'kill ${pids[@]} 2>/dev/null || true' EXIT
start_redis() { # NAME PORT
  "${bin[$1]}" --port "$2" --bind 127.0.0.1 --dir "$work/$1" --appendonly yes --save "" \
    --logfile "$work/$1/redis.log" & echo $! > "$work/$1/redis.pid"
  until redis-cli -p "$2" INFO persistence 2>/dev/null | grep -qx $'loading:0\r'; do sleep 0.1; done
}
declare -A rport sport
for name in "${!bin[@]}"; do
  mkdir -p "$work/$name"; rport[$name]=$(free_port); sport[$name]=$(free_port)
  start_redis "$name" "${rport[$name]}"
  redis-cli -p "${rport[$name]}" EVAL "for i = 1, 20000 do redis.call('SET', 'celery-task-meta-' .. i, string.rep('x', 200)) end" 0 >/dev/null
  REDIS_ADDR=redis://127.0.0.1:${rport[$name]} SIDECAR_SETTINGS=$'maxmemory 64mb\nmaxmemory-policy allkeys-lru' \
    SIDECAR_CONTAINER_MEMORY_LIMIT=256mb QUARKUS_HTTP_PORT=${sport[$name]} \
    java -jar "$app/quarkus-run.jar" > "$work/$name/sidecar.log" 2>&1 & pids+=($!)
done
end=$((SECONDS + minutes * 60)); restarted=0
while [ $SECONDS -lt $end ]; do
  for name in "${!bin[@]}"; do curl -s -o /dev/null "http://127.0.0.1:${sport[$name]}/metrics" || true; done
  if [ $restarted = 0 ] && [ $SECONDS -ge $((end - minutes * 30)) ]; then
    for name in "${!bin[@]}"; do
      kill -9 "$(cat "$work/$name/redis.pid")"; sleep 0.2; start_redis "$name" "${rport[$name]}"
    done
    restarted=1
  fi
  sleep 15
done
for name in "${!bin[@]}"; do
  echo "== $name ($(redis-cli -p "${rport[$name]}" INFO server | grep -E '^(redis|valkey)_version' | tr -d '\r' | tr '\n' ' '))"
  redis-cli -p "${rport[$name]}" INFO errorstats | tr -d '\r'
  redis-cli -p "${rport[$name]}" INFO stats | tr -d '\r' | grep total_error_replies
  redis-cli -p "${rport[$name]}" CONFIG GET maxmemory | tr -d '\r' | tr '\n' ' '; echo
  grep -c 'restarted' "$work/$name/sidecar.log" | sed 's/^/sidecar log lines about a restart: /'
  redis-cli -p "${rport[$name]}" SHUTDOWN NOSAVE >/dev/null 2>&1 || true
done
