#!/usr/bin/env bash
# Resolver benchmark (issue 4), one command, one run, figures beside their baseline:
#   bash bench/resolver-bench.sh
# Needs PostgreSQL at 127.0.0.1:5432 (trust auth), wrk, and a JDK 21 or newer (tools/jdk.sh finds one). Builds the project, creates
# a scratch database, starts the api jar against it, writes a lot 5 transformation levels above
# 40 harvest lots (~200 upstream entries) through the append API (bench ResolverSetup), then runs
# wrk with 64 connections against: GET /actuator/info (the trivial baseline), the resolver as JSON
# and as the HTML page; each twice: with the provenance cache (default 5 s TTL) and with it off
# (ledger.resolver.cache-ttl=0s: every request queries, verifies ~200 entries and renders).
# Prints a markdown table for docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/jdk.sh

PG_HOST=127.0.0.1 PG_PORT=5432 PG_USER=${PG_USER:-postgres}
DB="resolver_bench_$(date +%s)"
JDBC="jdbc:postgresql://$PG_HOST:$PG_PORT/$DB"
ADMIN_KEY="bench-admin-$(date +%s%N)"
API_OPTS=${API_OPTS:--Xmx256m}
DURATION=${DURATION:-20s}
PIDS=()
cleanup() {
  for pid in "${PIDS[@]:-}"; do [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  psql -q -h $PG_HOST -p $PG_PORT -U "$PG_USER" -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true
}
trap cleanup EXIT
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }

if [ "${SKIP_BUILD:-}" != 1 ]; then
  echo "== build" >&2
  ./mvnw -q -B -DskipTests -Dspotless.check.skip install >&2
fi
API_JAR=$(ls api/target/api-*.jar | grep -v original | head -n 1)
BENCH_JAR=bench/target/benchmarks.jar
psql -q -h $PG_HOST -p $PG_PORT -U "$PG_USER" -d postgres -c "CREATE DATABASE $DB" >/dev/null

start_api() { # port log extra-args...
  local port=$1 log=$2
  shift 2
  LEDGER_DB_URL="$JDBC" LEDGER_DB_USER="$PG_USER" LEDGER_ADMIN_KEY="$ADMIN_KEY" PORT="$port" \
    java $API_OPTS -jar "$API_JAR" "$@" >"$log" 2>&1 &
  STARTED_PID=$!
  PIDS+=("$STARTED_PID")
  for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "api did not start, see $log" >&2
  exit 1
}

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -n 1), $(psql -V)" >&2
start_api 18090 /tmp/resolver-bench-api.log
eval "$(java -cp "$BENCH_JAR" net.suyuan.ledger.bench.ResolverSetup --base http://127.0.0.1:18090 --admin-key "$ADMIN_KEY")"
# Planner statistics for the freshly written tables, as autovacuum would gather within a minute or
# two; without them the lineage query plans nested loops over whole tables on this small database.
psql -q -h $PG_HOST -p $PG_PORT -U "$PG_USER" -d "$DB" -c "ANALYZE" >/dev/null
entries=$(curl -fs -H 'Accept: application/json' "http://127.0.0.1:18090$LOT_PATH" | python3 -c 'import json,sys; p=json.load(sys.stdin); print(len(p["timeline"]), max(l["depth"] for l in p["lineage"]["upstream"]), p["verification"]["ok"])')
echo "== lot $LOT_PATH: entries shown, upstream depth, verified: $entries" >&2

run() { # label url header out
  wrk -t2 -c64 -d"$DURATION" --latency -H "$3" "$2" >"$4"
  local rps p50 p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' "$4")
  p50=$(awk '$1 == "50%" {print $2}' "$4")
  p99=$(awk '$1 == "99%" {print $2}' "$4")
  errors=$(awk '/Non-2xx/ {print $NF}' "$4")
  echo "| $1 | $rps requests/s | p50 $p50, p99 $p99${errors:+, $errors non-2xx} |"
}

bench_instance() { # port label
  local base="http://127.0.0.1:$1"
  # JIT warm-up of every path measured.
  wrk -t2 -c64 -d10s "$base/actuator/info" >/dev/null
  wrk -t2 -c64 -d10s -H 'Accept: application/json' "$base$LOT_PATH" >/dev/null
  wrk -t2 -c64 -d10s -H 'Accept: text/html' "$base$LOT_PATH" >/dev/null
  run "baseline: GET /actuator/info ($2)" "$base/actuator/info" 'Accept: application/json' /tmp/resolver-bench-trivial-$1.txt
  run "resolver JSON, $2" "$base$LOT_PATH" 'Accept: application/json' /tmp/resolver-bench-json-$1.txt
  run "resolver HTML page, $2" "$base$LOT_PATH" 'Accept: text/html' /tmp/resolver-bench-html-$1.txt
}

echo "| 64 connections, $DURATION each (wrk) | throughput | latency |"
echo "|---|---|---|"
bench_instance 18090 "cache on (5 s)"
kill "$STARTED_PID"; wait "$STARTED_PID" 2>/dev/null || true
start_api 18091 /tmp/resolver-bench-api-nocache.log --ledger.resolver.cache-ttl=0s
bench_instance 18091 "cache off"
