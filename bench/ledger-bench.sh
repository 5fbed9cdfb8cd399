#!/usr/bin/env bash
# Ledger service benchmark (issue 3), one command, one run, all figures beside their baselines:
#   bash bench/ledger-bench.sh
# Needs PostgreSQL at 127.0.0.1:5432 (trust auth) and a JDK 17. Builds the project, creates a
# scratch database, starts the api jar against it, runs bench ApiLoad (single-event and batch
# appends over HTTP, plain INSERT baseline, RSS), then preloads 1,000,000 entries and times
# GET /api/v1/audit over them. Prints a markdown table for docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."

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
  psql -q -h $PG_HOST -p $PG_PORT -U "$PG_USER" -d postgres -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1 || true
}
trap cleanup EXIT

echo "== build" >&2
./mvnw -q -B -DskipTests -Dspotless.check.skip install >&2
API_JAR=$(ls api/target/api-*.jar | grep -v original | head -n 1)
BENCH_JAR=bench/target/benchmarks.jar
psql -q -h $PG_HOST -p $PG_PORT -U "$PG_USER" -d postgres -c "CREATE DATABASE $DB" >/dev/null

start_api() { # port ledger-id log
  LEDGER_DB_URL="$JDBC" LEDGER_DB_USER="$PG_USER" LEDGER_ADMIN_KEY="$ADMIN_KEY" PORT="$1" LEDGER_ID="$2" \
    java $API_OPTS -jar "$API_JAR" >"$3" 2>&1 &
  local pid=$!
  PIDS+=("$pid")
  for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$1/actuator/health" >/dev/null 2>&1 && { echo "$pid"; return 0; }
    sleep 0.5
  done
  echo "api did not start, see $3" >&2
  exit 1
}

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -n 1), $(psql -V)" >&2
echo "== appends (api $API_OPTS)" >&2
API_PID=$(start_api 18080 main /tmp/ledger-bench-api.log)
java -cp "$BENCH_JAR" net.suyuan.ledger.bench.ApiLoad --base http://127.0.0.1:18080 --admin-key "$ADMIN_KEY" \
  --jdbc-url "$JDBC" --jdbc-user "$PG_USER" --api-pid "$API_PID" "$@"

echo "== audit over $AUDIT_ENTRIES stored entries" >&2
java -cp "$BENCH_JAR" net.suyuan.ledger.bench.PreloadChain --jdbc-url "$JDBC" --jdbc-user "$PG_USER" \
  --ledger-id audit-1m --entries "$AUDIT_ENTRIES" >&2
AUDIT_PID=$(start_api 18081 audit-1m /tmp/ledger-bench-audit.log)
rss_max=0
( while kill -0 "$AUDIT_PID" 2>/dev/null; do
    r=$(awk '/VmRSS/ {print $2}' /proc/"$AUDIT_PID"/status 2>/dev/null || echo 0)
    echo "$r"; sleep 0.1
  done ) >/tmp/ledger-bench-audit-rss.txt &
SAMPLER=$!
curl -fs -o /tmp/ledger-bench-audit.json -w '%{time_total}\n' http://127.0.0.1:18081/api/v1/audit >/tmp/ledger-bench-audit-time.txt
kill "$SAMPLER" 2>/dev/null || true
seconds=$(cat /tmp/ledger-bench-audit-time.txt)
verified=$(grep -o '"verified":[0-9]*' /tmp/ledger-bench-audit.json | cut -d: -f2)
rss_max=$(sort -n /tmp/ledger-bench-audit-rss.txt | tail -n 1)
grep -q '"ok":true' /tmp/ledger-bench-audit.json || { echo "audit not ok: $(cat /tmp/ledger-bench-audit.json)" >&2; exit 1; }
awk -v n="$verified" -v s="$seconds" -v r="$rss_max" 'BEGIN {
  printf "| (4) GET /api/v1/audit over %d stored entries | %.0f entries/s | %.2f s; api resident memory max %d MB |\n", n, n / s, s, r / 1024 }'
