#!/usr/bin/env bash
# Income benchmark (issue 5), one command, one run, figures beside their baseline:
#   bash bench/income-bench.sh            (ENTRIES=1000000 HOUSEHOLDS=20000 DURATION=20s CONNECTIONS=32)
# Needs PostgreSQL at 127.0.0.1:5432 (trust auth), wrk, and a JDK 21 or newer (tools/jdk.sh finds one). Builds the project, creates a
# scratch database (schema by a first api start), preloads ENTRIES valid income entries with COPY
# (bench PreloadIncome: deliveries, grading, packing, sales on all channels, refunds, wages,
# payouts), starts the api on them and times the projector catching up from seq 0, then runs wrk
# against GET /actuator/info (trivial baseline), household income summaries (random households,
# one year) and program summaries, and finally POST /api/v1/income/replay (full replay compared
# with every live row) and a restart (start-up rebuild by replay). Prints a markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/jdk.sh

PG_HOST=127.0.0.1 PG_PORT=5432 PG_USER=${PG_USER:-postgres}
DB="income_bench_$(date +%s)"
JDBC="jdbc:postgresql://$PG_HOST:$PG_PORT/$DB"
ADMIN_KEY="bench-admin-$(date +%s%N)"
API_OPTS=${API_OPTS:--Xmx512m}
ENTRIES=${ENTRIES:-1000000}
HOUSEHOLDS=${HOUSEHOLDS:-20000}
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-32}
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
  ./mvnw -q -B -DskipTests -Dspotless.check.skip package >&2
fi
API_JAR=$(ls api/target/api-*.jar | grep -v original | head -n 1)
BENCH_JAR=bench/target/benchmarks.jar
psql -q -h $PG_HOST -p $PG_PORT -U "$PG_USER" -d postgres -c "CREATE DATABASE $DB" >/dev/null

start_api() { # port ledger-id log
  LEDGER_DB_URL="$JDBC" LEDGER_DB_USER="$PG_USER" LEDGER_ADMIN_KEY="$ADMIN_KEY" PORT="$1" LEDGER_ID="$2" \
    java $API_OPTS -jar "$API_JAR" >"$3" 2>&1 &
  STARTED_PID=$!
  PIDS+=("$STARTED_PID")
  for _ in $(seq 1 240); do
    curl -fs "http://127.0.0.1:$1/actuator/health" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "api did not start, see $3" >&2
  exit 1
}
as_of() { # port
  curl -fs "http://127.0.0.1:$1/api/v1/programs/prog-0/summary?year=2022" | grep -o '"asOfSeq":[-0-9]*' | cut -d: -f2
}

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -n 1), $(psql -V), load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
start_api 18100 schema /tmp/income-bench-schema.log # migrates the schema
kill "$STARTED_PID"; wait "$STARTED_PID" 2>/dev/null || true

echo "== preload $ENTRIES entries" >&2
eval "$(java -cp "$BENCH_JAR" net.suyuan.ledger.bench.PreloadIncome --jdbc-url "$JDBC" --jdbc-user "$PG_USER" \
  --ledger-id income --entries "$ENTRIES" --households "$HOUSEHOLDS")"
start=$(date +%s.%N)
start_api 18101 income /tmp/income-bench-api.log
API_PID=$STARTED_PID
until [ "$(as_of 18101 || echo -1)" = "$HEAD_SEQ" ]; do sleep 1; done
catchup=$(echo "$(date +%s.%N) - $start" | bc)
lines=$(psql -qtA -h $PG_HOST -p $PG_PORT -U "$PG_USER" -d "$DB" -c "SELECT (SELECT count(*) FROM income_line) || ' income lines, ' || (SELECT count(*) FROM revenue_line) || ' revenue lines'")
echo "== projector caught up with seq $HEAD_SEQ in $catchup s ($lines)" >&2
echo "| projector catch-up from seq 0 (api start included) | $(echo "($HEAD_SEQ + 1) / $catchup" | bc) entries/s | $catchup s, $lines |"

export ADMIN_KEY HOUSEHOLDS
wrk -t2 -c"$CONNECTIONS" -d10s http://127.0.0.1:18101/actuator/info >/dev/null # JIT warm-up
wrk -t2 -c"$CONNECTIONS" -d10s -s bench/income-household.lua http://127.0.0.1:18101 >/dev/null
wrk -t2 -c"$CONNECTIONS" -d10s -s bench/income-program.lua http://127.0.0.1:18101 >/dev/null
run() { # label script out [connections]
  local c=${4:-$CONNECTIONS}
  if [ -n "$2" ]; then
    wrk -t2 -c"$c" -d"$DURATION" --latency -s "$2" http://127.0.0.1:18101 >"$3"
  else
    wrk -t2 -c"$c" -d"$DURATION" --latency http://127.0.0.1:18101/actuator/info >"$3"
  fi
  local rps p50 p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' "$3")
  p50=$(awk '$1 == "50%" {print $2}' "$3")
  p99=$(awk '$1 == "99%" {print $2}' "$3")
  errors=$(awk '/Non-2xx/ {print $NF}' "$3")
  echo "| $1, $c connections | $rps requests/s | p50 $p50, p99 $p99${errors:+, $errors non-2xx} |"
}
# many clients (CONNECTIONS), then 4: closed-loop latency is queueing at saturation, the second
# pass shows the service time at moderate load
for c in "$CONNECTIONS" 4; do
  run "baseline: GET /actuator/info" "" /tmp/income-bench-trivial.txt "$c"
  run "GET /api/v1/households/{id}/income?from=&to= (one year, random of $HOUSEHOLDS)" bench/income-household.lua /tmp/income-bench-household.txt "$c"
  run "GET /api/v1/programs/{orgId}/summary?year= (3 programs x 2 years)" bench/income-program.lua /tmp/income-bench-program.txt "$c"
done

echo "== replay check" >&2
curl -fs -X POST -H "Authorization: Bearer $ADMIN_KEY" http://127.0.0.1:18101/api/v1/income/replay >/tmp/income-bench-replay.json
grep -q '"ok":true' /tmp/income-bench-replay.json || { echo "replay not ok: $(head -c 2000 /tmp/income-bench-replay.json)" >&2; exit 1; }
eps=$(grep -o '"entriesPerSecond":[0-9]*' /tmp/income-bench-replay.json | cut -d: -f2)
ms=$(grep -o '"millis":[0-9]*' /tmp/income-bench-replay.json | cut -d: -f2)
echo "| POST /api/v1/income/replay (replay of $((HEAD_SEQ + 1)) entries + comparison with every live row), ok | $eps entries/s | $ms ms |"

echo "== restart: start-up rebuild by replay" >&2
kill "$API_PID"; wait "$API_PID" 2>/dev/null || true
start_api 18102 income /tmp/income-bench-restart.log
for _ in $(seq 1 120); do grep -q "state rebuilt from" /tmp/income-bench-restart.log && break; sleep 0.5; done
rebuilt=$(grep "state rebuilt from" /tmp/income-bench-restart.log | tail -n 1 | sed 's/.*state rebuilt from //')
echo "| start-up rebuild by replay (no comparison) | $rebuilt | |"
