#!/usr/bin/env bash
# Full-replay timer (issue 5), outside the api, figures beside their baseline in the same run:
#   bash bench/replay-bench.sh          (ENTRIES=1000000 HOUSEHOLDS=20000 ROUNDS=2)
# Needs a JDK 21 or newer (tools/jdk.sh finds one). Builds, creates a scratch database (schema by a first api start), preloads ENTRIES valid income
# entries with COPY (bench PreloadIncome, as bench/income-bench.sh), then runs the api's
# IncomeReplayTimer (test classes, on the api jar's classpath): raw JDBC read of the entries, and
# the replay (no writes, as the start-up rebuild) with the strict parse, the lean reader, and the
# lean reader in parallel chunks. KEEP_DB=1 keeps the database; DB=name SKIP_PRELOAD=1 reuses one.
# bench/lib.sh checks the tools first (installs missing ones as root); SKIP_BUILD=1 reuses the jars.
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/jdk.sh

DB=${DB:-"replay_bench_$(date +%s)"}
source bench/lib.sh
ENTRIES=${ENTRIES:-1000000}
HOUSEHOLDS=${HOUSEHOLDS:-20000}
ROUNDS=${ROUNDS:-2}
TIMER_OPTS=${TIMER_OPTS:--Xmx1g}
API_OPTS="" # the schema start: the JVM's defaults
bench_tools psql curl

bench_build
bench_machine ", $(date -u '+%Y-%m-%d %H:%M UTC'), load $(cut -d' ' -f1-3 /proc/loadavg)"

if [ "${SKIP_PRELOAD:-}" != 1 ]; then
  bench_db "$DB"
  bench_start_api 18110 schema /tmp/replay-bench-schema.log # migrates the schema
  bench_stop "$STARTED_PID"
  echo "== preload $ENTRIES entries into $DB" >&2
  java -cp "$BENCH_JAR" net.suyuan.ledger.bench.PreloadIncome --jdbc-url "$JDBC" --jdbc-user "$PG_USER" \
    --ledger-id income --entries "$ENTRIES" --households "$HOUSEHOLDS" >/dev/null
  bench_psql "$DB" -c "VACUUM ANALYZE entry" >/dev/null
else
  bench_db "$DB" existing
fi

echo "== replay timer, $ROUNDS rounds" >&2
java $TIMER_OPTS -cp "$API_JAR" -Dloader.path=api/target/test-classes \
  -Dloader.main=net.suyuan.ledger.api.income.projection.IncomeReplayTimer \
  org.springframework.boot.loader.launch.PropertiesLauncher "$JDBC" "$PG_USER" income "$ROUNDS"
