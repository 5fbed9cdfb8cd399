#!/usr/bin/env bash
# Ledger service benchmark (issue 3), one command, one run, all figures beside their baselines:
#   bash bench/ledger-bench.sh
# Needs PostgreSQL at 127.0.0.1:5432 (trust auth), wrk, and a JDK 21 or newer (tools/jdk.sh finds
# one; bench/lib.sh checks the tools first and installs missing ones as root; SKIP_BUILD=1 reuses
# the built jars). Builds, creates a
# scratch database, starts the api jar against it, runs bench ApiLoad (single-event appends over
# HTTP; batch appends alternating with the plain INSERT baseline over the same rows for 5 rounds
# after a warm-up, medians reported; RSS), then preloads 1,000,000 entries and times
# GET /api/v1/audit over them. Prints a markdown table for docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/jdk.sh

source bench/lib.sh
API_OPTS=${API_OPTS:--Xmx256m}
AUDIT_ENTRIES=${AUDIT_ENTRIES:-1000000}
bench_tools wrk psql curl

bench_build
bench_db "ledger_bench_$(date +%s)"

# Samples the resident memory of a process every 100 ms into a file until killed.
sample_rss() { # pid file
  while kill -0 "$1" 2>/dev/null; do
    awk '/VmRSS/ {print $2}' /proc/"$1"/status 2>/dev/null || true
    sleep 0.1
  done >"$2"
}

bench_machine
echo "== appends (api $API_OPTS)" >&2
bench_start_api 18080 main /tmp/ledger-bench-api.log
API_PID=$STARTED_PID
sample_rss "$API_PID" /tmp/ledger-bench-api-rss.txt &
PIDS+=("$!")
eval "$(java -cp "$BENCH_JAR" net.suyuan.ledger.bench.ApiLoad --base http://127.0.0.1:18080 \
  --admin-key "$ADMIN_KEY" --jdbc-url "$JDBC" --jdbc-user "$PG_USER" --setup-only)"
export COOP_KEY GTIN BASE_ID HOUSEHOLD LOT
wrk -t2 -c32 -d10s http://127.0.0.1:18080/actuator/info >/dev/null # JIT warm-up
wrk -t2 -c32 -d30s -s bench/append.lua http://127.0.0.1:18080 >/dev/null # JIT warm-up
wrk -t2 -c32 -d20s --latency http://127.0.0.1:18080/actuator/info >/tmp/ledger-bench-trivial.txt
wrk -t2 -c32 -d20s --latency -s bench/append.lua http://127.0.0.1:18080 >/tmp/ledger-bench-append.txt
cat /tmp/ledger-bench-append.txt >&2
bench_wrk_row "baseline: GET /actuator/info, same server, 32 connections" /tmp/ledger-bench-trivial.txt
bench_wrk_row "(1) single-event appends, 32 connections (wrk)" /tmp/ledger-bench-append.txt
java -cp "$BENCH_JAR" net.suyuan.ledger.bench.ApiLoad --base http://127.0.0.1:18080 --admin-key "$ADMIN_KEY" \
  --jdbc-url "$JDBC" --jdbc-user "$PG_USER" --clients 0 "$@"
echo "| api resident memory, max during (1)-(3) | $(( $(sort -n /tmp/ledger-bench-api-rss.txt | tail -n 1) / 1024 )) MB | |"

echo "== audit over $AUDIT_ENTRIES stored entries" >&2
java -cp "$BENCH_JAR" net.suyuan.ledger.bench.PreloadChain --jdbc-url "$JDBC" --jdbc-user "$PG_USER" \
  --ledger-id audit-1m --entries "$AUDIT_ENTRIES" >&2
bench_start_api 18081 audit-1m /tmp/ledger-bench-audit.log
AUDIT_PID=$STARTED_PID
sample_rss "$AUDIT_PID" /tmp/ledger-bench-audit-rss.txt &
PIDS+=("$!")
for run in cold warm; do
  curl -fs -o /tmp/ledger-bench-audit.json -w '%{time_total}\n' http://127.0.0.1:18081/api/v1/audit >/tmp/ledger-bench-audit-time.txt
  grep -q '"ok":true' /tmp/ledger-bench-audit.json || { echo "audit not ok: $(cat /tmp/ledger-bench-audit.json)" >&2; exit 1; }
  seconds=$(cat /tmp/ledger-bench-audit-time.txt)
  verified=$(grep -o '"verified":[0-9]*' /tmp/ledger-bench-audit.json | cut -d: -f2)
  awk -v n="$verified" -v s="$seconds" -v run="$run" 'BEGIN {
    printf "| (4) GET /api/v1/audit over %d stored entries (%s JVM) | %.0f entries/s | %.2f s |\n", n, run, n / s, s }'
done
echo "| api resident memory, max during (4) | $(( $(sort -n /tmp/ledger-bench-audit-rss.txt | tail -n 1) / 1024 )) MB | |"
