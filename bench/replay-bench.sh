#!/usr/bin/env bash
# Full-replay timer (issue 5), outside the api, figures beside their baseline in the same run:
#   bash bench/replay-bench.sh          (ENTRIES=1000000 HOUSEHOLDS=20000 ROUNDS=2)
# Needs a JDK 21 or newer (tools/jdk.sh finds one). Builds, creates a scratch database (schema by a first api start), preloads ENTRIES valid income
# entries with COPY (bench PreloadIncome, as bench/income-bench.sh), then runs the api's
# IncomeReplayTimer (test classes, on the api jar's classpath): raw JDBC read of the entries, and
# the replay (no writes, as the start-up rebuild) with the strict parse, the lean reader, and the
# lean reader in parallel chunks. KEEP_DB=1 keeps the database; DB=name SKIP_PRELOAD=1 reuses one.
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/jdk.sh

PG_HOST=127.0.0.1 PG_PORT=5432 PG_USER=${PG_USER:-postgres}
DB=${DB:-"replay_bench_$(date +%s)"}
JDBC="jdbc:postgresql://$PG_HOST:$PG_PORT/$DB"
ENTRIES=${ENTRIES:-1000000}
HOUSEHOLDS=${HOUSEHOLDS:-20000}
ROUNDS=${ROUNDS:-2}
TIMER_OPTS=${TIMER_OPTS:--Xmx1g}
PIDS=()
cleanup() {
  for pid in "${PIDS[@]:-}"; do [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [ "${KEEP_DB:-}" != 1 ]; then
    psql -q -h $PG_HOST -p $PG_PORT -U "$PG_USER" -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT

if [ "${SKIP_BUILD:-}" != 1 ]; then
  echo "== build" >&2
  ./mvnw -q -B -DskipTests -Dspotless.check.skip package >&2
fi
API_JAR=$(ls api/target/api-*.jar | grep -v original | head -n 1)
BENCH_JAR=bench/target/benchmarks.jar
echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -n 1), $(psql -V), $(date -u '+%Y-%m-%d %H:%M UTC'), load $(cut -d' ' -f1-3 /proc/loadavg)" >&2

if [ "${SKIP_PRELOAD:-}" != 1 ]; then
  psql -q -h $PG_HOST -p $PG_PORT -U "$PG_USER" -d postgres -c "CREATE DATABASE $DB" >/dev/null
  LEDGER_DB_URL="$JDBC" LEDGER_DB_USER="$PG_USER" PORT=18110 LEDGER_ID=schema \
    java -jar "$API_JAR" >/tmp/replay-bench-schema.log 2>&1 &
  PIDS+=("$!")
  for _ in $(seq 1 240); do
    curl -fs "http://127.0.0.1:18110/actuator/health" >/dev/null 2>&1 && break
    sleep 0.5
  done
  kill "${PIDS[-1]}"; wait "${PIDS[-1]}" 2>/dev/null || true
  echo "== preload $ENTRIES entries into $DB" >&2
  java -cp "$BENCH_JAR" net.suyuan.ledger.bench.PreloadIncome --jdbc-url "$JDBC" --jdbc-user "$PG_USER" \
    --ledger-id income --entries "$ENTRIES" --households "$HOUSEHOLDS" >/dev/null
  psql -q -h $PG_HOST -p $PG_PORT -U "$PG_USER" -d "$DB" -c "VACUUM ANALYZE entry" >/dev/null
fi

echo "== replay timer, $ROUNDS rounds" >&2
java $TIMER_OPTS -cp "$API_JAR" -Dloader.path=api/target/test-classes \
  -Dloader.main=net.suyuan.ledger.api.income.IncomeReplayTimer \
  org.springframework.boot.loader.launch.PropertiesLauncher "$JDBC" "$PG_USER" income "$ROUNDS"
