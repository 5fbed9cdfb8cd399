#!/usr/bin/env bash
# Checks api/Dockerfile without a Docker engine, as far as that is possible (docs/deployment.md):
#
#  build stage  the build context is this working tree's files (tracked and untracked, not
#               git-ignored) less .dockerignore; every COPY line copies exactly its sources into
#               a scratch file system, and every RUN line runs there with `sh -c`, the same
#               command, with the stage's WORKDIR bind-mounted at its real path (a private mount
#               namespace, so absolute paths in the commands mean what they mean in the image).
#               The JDK is this machine's (tools/jdk.sh: Temurin 25 here), not the image's.
#  run stage    the jar that `COPY --from=build` takes is started the ENTRYPOINT's way with the
#               stage's ENV: without LEDGER_DB_URL it must refuse to start; with one (a fresh
#               database on the local PostgreSQL) the HEALTHCHECK command must pass. Not run:
#               the base image, its RUN line (groupadd/useradd) and USER (this runs as root).
#
# Needs root (unshare --mount), a JDK 21 or newer (tools/jdk.sh finds it), psql and a PostgreSQL at 127.0.0.1:5432 (trust auth).
# Maven runs inside: take the build lock when other builds share the machine.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
source "$root/tools/jdk.sh" # JAVA_HOME and PATH, inherited by the RUN lines and the run stage
dockerfile="$root/api/Dockerfile"
work="$(mktemp -d /tmp/dockerfile-check.XXXXXX)"
say() { echo "dockerfile-check: $*"; }
say "scratch directory $work"

# Dockerfile instructions, one a line (continuations joined, comments dropped).
mapfile -t lines < <(sed -e '/^[[:space:]]*#/d' "$dockerfile" | sed -e ':a' -e '/\\$/N; s/\\\n//; ta' \
  | sed -e '/^[[:space:]]*$/d')

# ---- the build context --------------------------------------------------------------------------
context="$work/context"
mkdir -p "$context"
excludes=()
while IFS= read -r pattern; do
  pattern="${pattern%%#*}"
  [ -n "${pattern// /}" ] || continue
  # Docker anchors patterns at the context root; **/ means at any depth.
  case "$pattern" in
    '**/'*) excludes+=("--exclude=${pattern#'**/'}") ;;
    *) excludes+=("--exclude=/${pattern}") ;;
  esac
done <"$root/.dockerignore"
(cd "$root" && git ls-files -co --exclude-standard -z) \
  | rsync -a --from0 --files-from=- "${excludes[@]}" "$root/" "$context/"
say "context: $(find "$context" -type f | wc -l) files"

# ---- build stage ----------------------------------------------------------------------------------
fs="$work/build-fs"
stage=""
workdir="/"
made_mountpoints=()
cleanup() {
  for m in "${made_mountpoints[@]}"; do rmdir "$m" 2>/dev/null || true; done
}
trap cleanup EXIT

copy_into() { # copy_into DEST SRC... (paths of SRC relative to the context, DEST in the image)
  local dest="$1"
  shift
  local target="$dest"
  [ "${dest:0:1}" = / ] || target="$workdir/$dest"
  target="$fs$target"
  if [ "$#" -gt 1 ] || [ "${dest: -1}" = / ] || [ "$dest" = . ]; then
    mkdir -p "$target"
    for src in "$@"; do
      if [ -d "$context/$src" ]; then cp -a "$context/$src/." "$target/"; else cp -a "$context/$src" "$target/"; fi
    done
  elif [ -d "$context/$1" ]; then
    mkdir -p "$target"
    cp -a "$context/$1/." "$target/"
  else
    mkdir -p "$(dirname "$target")"
    cp -a "$context/$1" "$target"
  fi
}

for line in "${lines[@]}"; do
  read -r instruction rest <<<"$line"
  case "${instruction^^}" in
    FROM)
      stage="$(sed -nE 's/.* [Aa][Ss] ([A-Za-z0-9_-]+)$/\1/p' <<<"$rest")"
      [ -n "$stage" ] || stage="final"
      say "FROM $rest (stage $stage)"
      ;;
  esac
  [ "$stage" = build ] || continue
  case "${instruction^^}" in
    WORKDIR)
      workdir="$rest"
      mkdir -p "$fs$workdir"
      say "WORKDIR $workdir"
      ;;
    COPY)
      read -r -a args <<<"$rest"
      say "COPY ${args[*]}"
      copy_into "${args[-1]}" "${args[@]:0:${#args[@]}-1}"
      ;;
    RUN)
      say "RUN $rest"
      if [ ! -e "$workdir" ]; then
        mkdir -p "$workdir"
        made_mountpoints+=("$workdir")
      fi
      # An empty ~/.m2 as in a fresh image, unless DOCKERFILE_CHECK_M2=host (faster, but then
      # the dependency layer is not shown to fetch what the build needs).
      m2="$work/m2"
      [ "${DOCKERFILE_CHECK_M2:-fresh}" = host ] && m2="$HOME/.m2"
      mkdir -p "$m2" "$HOME/.m2"
      unshare --mount --propagation private \
        sh -c 'mount --bind "$1" "$2" && mount --bind "$4" "$HOME/.m2" && cd "$2" && exec sh -c "$3"' \
        run "$fs$workdir" "$workdir" "$rest" "$m2"
      ;;
    FROM) ;;
    *) say "not run in the build stage: $line" ;;
  esac
done

# ---- run stage ------------------------------------------------------------------------------------
final=0
env_args=()
jar=""
entry=""
health=""
for line in "${lines[@]}"; do
  read -r instruction rest <<<"$line"
  case "${instruction^^}" in
    FROM) [[ "$rest" =~ [Aa][Ss]\ build$ ]] && final=0 || final=1 ;;
  esac
  [ "$final" = 1 ] || continue
  case "${instruction^^}" in
    COPY)
      read -r -a args <<<"$rest"
      src="${args[-2]}"
      jar="$work/run-fs${args[-1]}"
      mkdir -p "$(dirname "$jar")"
      cp "$fs$src" "$jar"
      say "COPY --from=build $src -> $jar ($(du -h "$jar" | cut -f1))"
      ;;
    ENV) eval "env_args+=($rest)" ;;
    ENTRYPOINT) entry="$rest" ;;
    HEALTHCHECK) # the CMD's JSON array, decoded: its third element is the bash command
      health="$(python3 -c 'import json,sys; print(json.loads(sys.argv[1].split(" CMD ",1)[1])[2])' "$rest")" ;;
    FROM | WORKDIR | EXPOSE) ;;
    *) say "not run in the run stage: $instruction ${rest:0:60}..." ;;
  esac
done
[ -n "$jar" ] && [ -f "$jar" ] || { say "FAILED: the run stage copies no jar"; exit 1; }
[ "$entry" = '["java", "-jar", "/app/app.jar"]' ] || { say "FAILED: unexpected ENTRYPOINT $entry"; exit 1; }
say "ENV ${env_args[*]}"

port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
run_jar() { # run_jar LOG VAR=VALUE...: the ENTRYPOINT with the stage's ENV, then the given ones
  local log="$1"
  shift
  env -u LEDGER_DB_URL -u LEDGER_DB_USER -u LEDGER_DB_PASSWORD -u LEDGER_DATA_DIR \
    "${env_args[@]}" PORT="$port" "$@" java -jar "$jar" >"$log" 2>&1 &
  pid=$! # a child of this shell, so `wait` gets its exit code
}

say "run 1: the image's environment without LEDGER_DB_URL must refuse to start"
run_jar "$work/run1.log"
refused=1
for _ in $(seq 1 120); do
  kill -0 "$pid" 2>/dev/null || { refused=0; break; }
  sleep 1
done
if [ "$refused" = 1 ]; then
  kill "$pid"
  say "FAILED: still running after 120 s"
  exit 1
fi
rc=0
wait "$pid" || rc=$?
if [ "$rc" = 0 ] || ! grep -q "LEDGER_DB_URL is not set" "$work/run1.log"; then
  say "FAILED: exit $rc, log $work/run1.log"
  exit 1
fi
say "refused (exit $rc): $(grep -m1 -A2 'Description:' "$work/run1.log" | tail -n1)"

db="dockerfile_check_$$"
psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $db"
say "run 2: with LEDGER_DB_URL (database $db) the HEALTHCHECK must pass"
run_jar "$work/run2.log" LEDGER_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" LEDGER_DB_USER=postgres
healthy=0
for _ in $(seq 1 90); do
  kill -0 "$pid" 2>/dev/null || break
  if PORT="$port" bash -c "$health" 2>/dev/null; then
    healthy=1
    break
  fi
  sleep 2
done
kill "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE $db"
[ "$healthy" = 1 ] || { say "FAILED: HEALTHCHECK never passed, log $work/run2.log"; exit 1; }
say "HEALTHCHECK passed on port $port"
say "OK: build stage built $(basename "$jar"), run stage refused without a database and ran with one"
