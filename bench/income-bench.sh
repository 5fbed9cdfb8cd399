#!/usr/bin/env bash
# Income benchmark (issue 5), one command, one run, figures beside their baseline:
#   bash bench/income-bench.sh            (ENTRIES=1000000 HOUSEHOLDS=20000 DURATION=20s CONNECTIONS=32)
# Needs PostgreSQL at 127.0.0.1:5432 (trust auth), wrk, and a JDK 21 or newer (tools/jdk.sh finds
# one; bench/lib.sh checks the tools first and installs missing ones as root; SKIP_BUILD=1 reuses
# the built jars). Builds, creates a
# scratch database (schema by a first api start), preloads ENTRIES valid income entries with COPY
# (bench PreloadIncome: deliveries, grading, packing, sales on all channels, refunds, wages,
# payouts), starts the api on them and times the projector catching up from seq 0, then runs wrk
# against GET /actuator/info (trivial baseline), household income summaries (random households,
# one year) and program summaries, and finally POST /api/v1/income/replay (full replay compared
# with every live row) and a restart (start-up rebuild by replay). Prints a markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/jdk.sh

source bench/lib.sh
API_OPTS=${API_OPTS:--Xmx512m}
ENTRIES=${ENTRIES:-1000000}
HOUSEHOLDS=${HOUSEHOLDS:-20000}
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-32}
bench_tools wrk psql curl bc

bench_build
bench_db "income_bench_$(date +%s)"

as_of() { # port
  curl -fs "http://127.0.0.1:$1/api/v1/programs/prog-0/summary?year=2022" | grep -o '"asOfSeq":[-0-9]*' | cut -d: -f2
}

bench_machine ", load $(cut -d' ' -f1-3 /proc/loadavg)"
bench_start_api 18100 schema /tmp/income-bench-schema.log # migrates the schema
bench_stop "$STARTED_PID"

echo "== preload $ENTRIES entries" >&2
eval "$(java -cp "$BENCH_JAR" net.suyuan.ledger.bench.PreloadIncome --jdbc-url "$JDBC" --jdbc-user "$PG_USER" \
  --ledger-id income --entries "$ENTRIES" --households "$HOUSEHOLDS")"
start=$(date +%s.%N)
bench_start_api 18101 income /tmp/income-bench-api.log
API_PID=$STARTED_PID
until [ "$(as_of 18101 || echo -1)" = "$HEAD_SEQ" ]; do sleep 1; done
catchup=$(echo "$(date +%s.%N) - $start" | bc)
lines=$(bench_psql "$DB" -tA -c "SELECT (SELECT count(*) FROM income_line) || ' income lines, ' || (SELECT count(*) FROM revenue_line) || ' revenue lines'")
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
  bench_wrk_row "$1, $c connections" "$3"
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
bench_stop "$API_PID"
bench_start_api 18102 income /tmp/income-bench-restart.log
for _ in $(seq 1 120); do grep -q "state rebuilt from" /tmp/income-bench-restart.log && break; sleep 0.5; done
rebuilt=$(grep "state rebuilt from" /tmp/income-bench-restart.log | tail -n 1 | sed 's/.*state rebuilt from //')
echo "| start-up rebuild by replay (no comparison) | $rebuilt | |"
