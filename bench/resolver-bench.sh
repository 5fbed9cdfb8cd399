#!/usr/bin/env bash
# Resolver benchmark (issue 4), one command, one run, figures beside their baseline:
#   bash bench/resolver-bench.sh
# Needs PostgreSQL at 127.0.0.1:5432 (trust auth), wrk, and a JDK 21 or newer (tools/jdk.sh finds
# one; bench/lib.sh checks the tools first and installs missing ones as root; SKIP_BUILD=1 reuses
# the built jars). Builds, creates
# a scratch database, starts the api jar against it, writes a lot 5 transformation levels above
# 40 harvest lots (~200 upstream entries) through the append API (bench ResolverSetup), then runs
# wrk with 64 connections against: GET /actuator/info (the trivial baseline), the resolver as JSON
# and as the HTML page; each twice: with the provenance cache (default 5 s TTL) and with it off
# (ledger.resolver.cache-ttl=0s: every request queries, verifies ~200 entries and renders).
# Prints a markdown table for docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/jdk.sh

source bench/lib.sh
API_OPTS=${API_OPTS:--Xmx256m}
DURATION=${DURATION:-20s}
bench_tools wrk psql curl python3

bench_build
bench_db "resolver_bench_$(date +%s)"

bench_machine
bench_start_api 18090 main /tmp/resolver-bench-api.log
eval "$(java -cp "$BENCH_JAR" net.suyuan.ledger.bench.ResolverSetup --base http://127.0.0.1:18090 --admin-key "$ADMIN_KEY")"
# Planner statistics for the freshly written tables, as autovacuum would gather within a minute or
# two; without them the lineage query plans nested loops over whole tables on this small database.
bench_psql "$DB" -c "ANALYZE" >/dev/null
entries=$(curl -fs -H 'Accept: application/json' "http://127.0.0.1:18090$LOT_PATH" | python3 -c 'import json,sys; p=json.load(sys.stdin); print(len(p["timeline"]), max(l["depth"] for l in p["lineage"]["upstream"]), p["verification"]["ok"])')
echo "== lot $LOT_PATH: entries shown, upstream depth, verified: $entries" >&2

run() { # label url header out
  wrk -t2 -c64 -d"$DURATION" --latency -H "$3" "$2" >"$4"
  bench_wrk_row "$1" "$4"
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
bench_stop "$STARTED_PID"
bench_start_api 18091 main /tmp/resolver-bench-api-nocache.log --ledger.resolver.cache-ttl=0s
bench_instance 18091 "cache off"
