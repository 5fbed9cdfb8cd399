#!/usr/bin/env bash
# Sourced by the scripts that build or run the project (.ci/run, tools/dockerfile-check.sh, the
# bench scripts): exports JAVA_HOME (and puts its bin first on PATH) for a JDK 21 or newer.
#
# Order: a JAVA_HOME already set to a JDK >= 21 is kept; otherwise the newest Temurin JDK under
# /usr/lib/jvm (temurin-NN-jdk-*), then any other JDK >= 21 there. Fails naming what it found when
# there is none. The build itself refuses an older JDK too (maven-enforcer, root pom.xml).

# The feature release of the JDK at $1 (its `release` file), or 0 when it is not a JDK.
jdk_feature() {
  local v
  [ -x "$1/bin/javac" ] && [ -f "$1/release" ] || { echo 0; return; }
  v="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release")"
  echo "${v:-0}"
}

jdk_find() {
  local candidate
  if [ -n "${JAVA_HOME:-}" ] && [ "$(jdk_feature "$JAVA_HOME")" -ge 21 ]; then
    echo "$JAVA_HOME"
    return
  fi
  for candidate in $(ls -d /usr/lib/jvm/temurin-*-jdk* 2>/dev/null | sort -V -r) \
    $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sed 's:/$::' | sort -V -r); do
    if [ "$(jdk_feature "$candidate")" -ge 21 ]; then
      echo "$candidate"
      return
    fi
  done
  return 1
}

if ! jdk_home="$(jdk_find)"; then
  echo "jdk: no JDK 21 or newer found (JAVA_HOME=${JAVA_HOME:-unset};" \
    "/usr/lib/jvm holds: $(ls /usr/lib/jvm 2>/dev/null | tr '\n' ' '))." \
    "Install one (e.g. Temurin 25) and set JAVA_HOME to it." >&2
  return 1 2>/dev/null || exit 1
fi
export JAVA_HOME="$jdk_home"
export PATH="$JAVA_HOME/bin:$PATH"
