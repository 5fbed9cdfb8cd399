# shellcheck shell=bash
# Shared by the benchmark scripts (bench/*.sh), which source it right after `set -euo pipefail` and
# `cd` to the repository root: PostgreSQL settings, the tools checked (and installed) up front, the
# build, a scratch database dropped on exit, starting the api jar and waiting for its readiness, the
# machine line, and wrk's figures as a markdown row. Not meant to be run on its own.
#
# Knobs every script has: PG_USER (default postgres), SKIP_BUILD=1 reuses the built jars,
# KEEP_DB=1 keeps the scratch database, LEDGER_TEST_DEPS_INSTALL=0 forbids installing a missing
# tool (tools/test-deps.sh, which installs it with apt-get when run as root, as the build does).

PG_HOST=127.0.0.1
PG_PORT=5432
PG_USER=${PG_USER:-postgres}
ADMIN_KEY="bench-admin-$(date +%s%N)"
API_JAR=""
BENCH_JAR=bench/target/benchmarks.jar
BENCH_DB="" # the database bench_db made or chose, which cleanup drops
JDBC=""
STARTED_PID=""
PIDS=()

# Stops every process the script started and drops its database (unless KEEP_DB=1).
bench_cleanup() {
  for pid in "${PIDS[@]:-}"; do [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [ -n "$BENCH_DB" ] && [ "${KEEP_DB:-}" != 1 ]; then
    bench_psql postgres -c "DROP DATABASE IF EXISTS $BENCH_DB WITH (FORCE)" >/dev/null 2>&1 || true
  fi
}
trap bench_cleanup EXIT

# bench_tools TOOL...: every tool the script needs, before anything starts (a JDK, and e.g. wrk
# psql curl python3 bc): a missing one is installed as root with apt-get, or the script stops
# naming its package, instead of failing midway.
bench_tools() {
  command -v java >/dev/null 2>&1 || { echo "a JDK 21 or newer is needed (tools/jdk.sh finds one under /usr/lib/jvm)" >&2; exit 1; }
  tools/test-deps.sh "$@" >&2
}

# bench_build: the jars (./mvnw package), unless SKIP_BUILD=1; then API_JAR and BENCH_JAR.
bench_build() {
  if [ "${SKIP_BUILD:-}" != 1 ]; then
    echo "== build" >&2
    ./mvnw -q -B -DskipTests -Dspotless.check.skip package >&2
  fi
  API_JAR=$(ls api/target/api-*.jar | grep -v original | head -n 1)
  [ -f "$BENCH_JAR" ] || { echo "$BENCH_JAR is missing: build without SKIP_BUILD=1" >&2; exit 1; }
}

# bench_psql DATABASE ARGS...: psql against the benchmark's PostgreSQL, quiet.
bench_psql() {
  local database=$1
  shift
  psql -q -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$database" "$@"
}

# bench_db NAME [existing]: uses database NAME (dropped on exit unless KEEP_DB=1), sets DB and
# JDBC; creates it unless the second argument is "existing".
bench_db() {
  DB=$1
  BENCH_DB=$1
  JDBC="jdbc:postgresql://$PG_HOST:$PG_PORT/$DB"
  if [ "${2:-}" != existing ]; then
    bench_psql postgres -c "CREATE DATABASE $DB" >/dev/null
  fi
}

# bench_start_api PORT LEDGER_ID LOG [ARG...]: starts the api jar on the database (JVM options
# API_OPTS, admin key ADMIN_KEY) and waits up to 2 minutes until it is ready (readiness, as the
# container healthchecks probe: the overall health is DOWN while the income projection is stopped,
# e.g. on ledger-bench's preloaded audit entries, which income does not read); sets STARTED_PID (a
# global, so cleanup can stop it).
bench_start_api() {
  local port=$1 ledger=$2 log=$3
  shift 3
  # shellcheck disable=SC2086 # API_OPTS is a list of JVM options
  LEDGER_DB_URL="$JDBC" LEDGER_DB_USER="$PG_USER" LEDGER_ADMIN_KEY="$ADMIN_KEY" PORT="$port" \
    LEDGER_ID="$ledger" java ${API_OPTS:-} -jar "$API_JAR" "$@" >"$log" 2>&1 &
  STARTED_PID=$!
  PIDS+=("$STARTED_PID")
  for _ in $(seq 1 240); do
    curl -fs "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null 2>&1 && return 0
    kill -0 "$STARTED_PID" 2>/dev/null || break
    sleep 0.5
  done
  echo "api did not start, see $log" >&2
  exit 1
}

# bench_stop PID: stops a process the script started and waits for it.
bench_stop() {
  kill "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}

# bench_machine [MORE]: the machine line on standard error (cores, CPU, JDK, PostgreSQL, MORE).
bench_machine() {
  echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -n 1), $(psql -V)${1:-}" >&2
}

# bench_wrk_row LABEL FILE: wrk --latency output FILE as "| LABEL | N requests/s | p50 .., p99 .. |".
bench_wrk_row() {
  local rps p50 p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' "$2")
  p50=$(awk '$1 == "50%" {print $2}' "$2")
  p99=$(awk '$1 == "99%" {print $2}' "$2")
  errors=$(awk '/Non-2xx/ {print $NF}' "$2")
  echo "| $1 | $rps requests/s | p50 $p50, p99 $p99${errors:+, $errors non-2xx} |"
}
