#!/usr/bin/env bash
# Ledger service benchmark (issue 3), one command, one run, all figures beside their baselines:
#   bash bench/ledger-bench.sh
# Needs PostgreSQL at 127.0.0.1:5432 (trust auth) and a JDK 21 or newer (tools/jdk.sh finds one). Builds the project, creates a
# scratch database, starts the api jar against it, runs bench ApiLoad (single-event appends over
# HTTP; batch appends alternating with the plain INSERT baseline over the same rows for 5 rounds
# after a warm-up, medians reported; RSS), then preloads 1,000,000 entries and times
# GET /api/v1/audit over them. Prints a markdown table for docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/jdk.sh

PG_HOST=127.0.0.1 PG_PORT=5432 PG_USER=${PG_USER:-postgres}
DB="ledger_bench_$(date +%s)"
JDBC="jdbc:postgresql://$PG_HOST:$PG_PORT/$DB"
ADMIN_KEY="bench-admin-$(date +%s%N)"
API_OPTS=${API_OPTS:--Xmx256m}
AUDIT_ENTRIES=${AUDIT_ENTRIES:-1000000}
PIDS=()
cleanup() {
  for pid in "${PIDS[@]:-}"; do [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  psql -q -h $PG_HOST -p $PG_PORT -U "$PG_USER" -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true
}
trap cleanup EXIT

echo "== build" >&2
./mvnw -q -B -DskipTests -Dspotless.check.skip install >&2
API_JAR=$(ls api/target/api-*.jar | grep -v original | head -n 1)
BENCH_JAR=bench/target/benchmarks.jar
psql -q -h $PG_HOST -p $PG_PORT -U "$PG_USER" -d postgres -c "CREATE DATABASE $DB" >/dev/null

# Starts the api jar; sets STARTED_PID (a global, so cleanup can stop it).
start_api() { # port ledger-id log
  LEDGER_DB_URL="$JDBC" LEDGER_DB_USER="$PG_USER" LEDGER_ADMIN_KEY="$ADMIN_KEY" PORT="$1" LEDGER_ID="$2" \
    java $API_OPTS -jar "$API_JAR" >"$3" 2>&1 &
  STARTED_PID=$!
  PIDS+=("$STARTED_PID")
  for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$1/actuator/health" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "api did not start, see $3" >&2
  exit 1
}

# Samples the resident memory of a process every 100 ms into a file until killed.
sample_rss() { # pid file
  while kill -0 "$1" 2>/dev/null; do
    awk '/VmRSS/ {print $2}' /proc/"$1"/status 2>/dev/null || true
    sleep 0.1
  done >"$2"
}

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -n 1), $(psql -V)" >&2
echo "== appends (api $API_OPTS)" >&2
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }
start_api 18080 main /tmp/ledger-bench-api.log
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
for f in trivial append; do
  rps=$(awk '/Requests\/sec/ {print $2}' /tmp/ledger-bench-$f.txt)
  p50=$(awk '$1 == "50%" {print $2}' /tmp/ledger-bench-$f.txt)
  p99=$(awk '$1 == "99%" {print $2}' /tmp/ledger-bench-$f.txt)
  errors=$(awk '/Non-2xx/ {print $NF}' /tmp/ledger-bench-$f.txt)
  label=$([ $f = trivial ] && echo "baseline: GET /actuator/info, same server, 32 connections" || echo "(1) single-event appends, 32 connections (wrk)")
  echo "| $label | $rps requests/s | p50 $p50, p99 $p99${errors:+, $errors non-2xx} |"
done
java -cp "$BENCH_JAR" net.suyuan.ledger.bench.ApiLoad --base http://127.0.0.1:18080 --admin-key "$ADMIN_KEY" \
  --jdbc-url "$JDBC" --jdbc-user "$PG_USER" --clients 0 "$@"
echo "| api resident memory, max during (1)-(3) | $(( $(sort -n /tmp/ledger-bench-api-rss.txt | tail -n 1) / 1024 )) MB | |"

echo "== audit over $AUDIT_ENTRIES stored entries" >&2
java -cp "$BENCH_JAR" net.suyuan.ledger.bench.PreloadChain --jdbc-url "$JDBC" --jdbc-user "$PG_USER" \
  --ledger-id audit-1m --entries "$AUDIT_ENTRIES" >&2
start_api 18081 audit-1m /tmp/ledger-bench-audit.log
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
