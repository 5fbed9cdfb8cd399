#!/usr/bin/env bash
# The system tools some tests run, checked (and on Debian as root installed) by the build itself:
# `./mvnw -B verify` runs this before the tests of qr-tools and api (maven-antrun-plugin, phase
# process-test-classes), so the README's test command needs nothing installed by hand. The
# benchmark scripts check theirs with it too, before they start (bench/lib.sh, bench_tools).
#
#   tools/test-deps.sh TOOL...      TOOL: zbarimg | rsvg-convert | chromium | curl | python3
#                                         | wrk | psql | bc (the benchmarks' tools)
#
# A missing tool is installed with apt-get when running as root on a machine that has it
# (`apt-get update` once, then `--no-install-recommends`, noninteractive); otherwise, or when
# LEDGER_TEST_DEPS_INSTALL=0, the build fails naming the tool and the package. Tests never skip.
set -euo pipefail

# Debian package of each tool (bookworm): the independent QR decoder, the SVG rasterizer, the browser.
package_of() {
  case "$1" in
    zbarimg) echo zbar-tools ;;
    rsvg-convert) echo librsvg2-bin ;;
    chromium) echo chromium ;;
    # The documented commands DocsExamplesIT runs use curl and python3 (tools/ledger_verify.py).
    curl) echo curl ;;
    python3) echo python3 ;;
    # The benchmarks (bench/*.sh): the HTTP load generator, PostgreSQL's client, arithmetic.
    wrk) echo wrk ;;
    psql) echo postgresql-client ;;
    bc) echo bc ;;
    *) return 1 ;;
  esac
}

# Where a test looks for the tool: HeadlessChromium honours LEDGER_CHROMIUM, the rest use the PATH.
locate() {
  if [ "$1" = chromium ] && [ -n "${LEDGER_CHROMIUM:-}" ]; then
    [ -x "$LEDGER_CHROMIUM" ] && echo "$LEDGER_CHROMIUM"
    return 0
  fi
  command -v "$1" 2>/dev/null || true
}

say() { echo "test-deps: $*"; }

[ "$#" -gt 0 ] || { say "usage: $0 zbarimg|rsvg-convert|chromium|curl|python3|wrk|psql|bc ..."; exit 2; }
missing_tools=()
missing_packages=()
for tool in "$@"; do
  package="$(package_of "$tool")" || { say "unknown tool '$tool'"; exit 2; }
  if [ -z "$(locate "$tool")" ]; then
    missing_tools+=("$tool")
    missing_packages+=("$package")
  fi
done

if [ "${#missing_tools[@]}" -gt 0 ]; then
  say "missing ${missing_tools[*]} (Debian packages: ${missing_packages[*]})"
  why=""
  if [ "${LEDGER_TEST_DEPS_INSTALL:-1}" = 0 ]; then
    why="LEDGER_TEST_DEPS_INSTALL=0 forbids installing"
  elif [ "$(id -u)" != 0 ]; then
    why="not running as root, so they cannot be installed here"
  elif ! command -v apt-get >/dev/null 2>&1; then
    why="no apt-get on this machine"
  fi
  if [ -n "$why" ]; then
    say "FAILED: $why. Install them, e.g. as root:"
    say "  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${missing_packages[*]}"
    say "(chromium elsewhere: set LEDGER_CHROMIUM to its binary). The tests that use them never skip."
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  # Another build on the same machine may be installing too: wait for dpkg's lock, do not fail.
  lock_wait=(-o DPkg::Lock::Timeout=600)
  say "running apt-get update"
  apt-get "${lock_wait[@]}" update -q
  say "running apt-get install -y --no-install-recommends ${missing_packages[*]}"
  apt-get "${lock_wait[@]}" install -y -q --no-install-recommends "${missing_packages[@]}"
fi

# Every tool, found, and runnable: its version goes into the build log.
for tool in "$@"; do
  path="$(locate "$tool")"
  if [ -z "$path" ]; then
    say "FAILED: $tool is still missing after installing $(package_of "$tool")"
    exit 1
  fi
  case "$tool" in
    zbarimg) version="$("$path" --version 2>&1 | head -n 1)" ;;
    rsvg-convert) version="$("$path" --version 2>&1 | head -n 1)" ;;
    chromium) version="$("$path" --headless=new --no-sandbox --version 2>&1 | tail -n 1)" ;;
    curl | python3 | psql | bc) version="$("$path" --version 2>&1 | head -n 1)" ;;
    # wrk has no version option: -v prints the version line, then the usage, and exits 1.
    wrk) version="$("$path" -v 2>&1 | head -n 1)"; [[ "$version" == wrk* ]] ;;
  esac || { say "FAILED: $path does not run: $version"; exit 1; }
  say "$tool: $path ($version)"
done
