#!/usr/bin/env bash
# Runs Redis's own module API tests (tests/unit/moduleapi/<unit>.tcl of the installed redis-server's
# version) against the Java ports of Redis's C test modules, and writes conformance/results/latest.md.
#
#   scripts/redis-conformance.sh [unit...]     (default: every unit of conformance/units.txt)
#
# The ports are built by `mvn package` (conformance/, into conformance/target/modules). Redis's test
# suite comes from Debian's source package of the installed version (`apt-get source`, run as root
# with a deb-src entry this script adds when none exists), unpacked into conformance/target/redis;
# REDIS_SRC=/path/to/redis-<version> uses an unpacked tree instead (it is written into: give a copy).
# A unit runs only when every module it loads is ported; the others are listed as "not ported".
# Exit status: non-zero when a unit that ran did not pass whole.
# CONFORMANCE_BASEPORT (default 21111) is the first port the Tcl harness uses.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
units_file=conformance/units.txt
modules_dir=conformance/target/modules
results=conformance/results/latest.md

as_root_with_apt() { [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; }

# tclsh 8.6 runs Redis's harness; dpkg-dev unpacks the source package.
ensure_packages() {
  local missing=()
  command -v tclsh8.6 >/dev/null 2>&1 || missing+=(tcl)
  [ -n "${REDIS_SRC:-}" ] || command -v dpkg-source >/dev/null 2>&1 || missing+=(dpkg-dev)
  [ ${#missing[@]} -eq 0 ] && return
  if as_root_with_apt; then
    echo "Installing ${missing[*]} with apt-get"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "Missing: ${missing[*]} (Debian: sudo apt-get install ${missing[*]})." >&2
    exit 1
  fi
}

# A deb-src twin of every deb entry, so that `apt-get source` finds the installed version.
ensure_deb_src() {
  if grep -rqsE '^(deb-src |Types:.*deb-src)' /etc/apt/sources.list /etc/apt/sources.list.d/; then return; fi
  local f
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -e "$f" ] && sed 's/^Types: deb$/Types: deb-src/' "$f" > "/etc/apt/sources.list.d/jrm-src-$(basename "$f")"
  done
  if [ -f /etc/apt/sources.list ]; then
    sed -n 's/^deb /deb-src /p' /etc/apt/sources.list > /etc/apt/sources.list.d/jrm-src.list
  fi
  apt-get update -qq
}

# Prints the unpacked Redis tree whose tests match the installed redis-server.
redis_tree() {
  if [ -n "${REDIS_SRC:-}" ]; then
    echo "$REDIS_SRC"
    return
  fi
  local version dir=conformance/target/redis
  version=$(dpkg-query -W -f='${Version}' redis-server 2>/dev/null) || {
    echo "redis-server is not a Debian package here: give REDIS_SRC=/path/to/redis-<version>" >&2
    exit 1
  }
  local upstream=${version#*:}
  upstream=${upstream%%-*}
  if [ ! -d "$dir/redis-$upstream/tests" ]; then
    as_root_with_apt || {
      echo "apt-get source needs root here: give REDIS_SRC=/path/to/redis-$upstream" >&2
      exit 1
    }
    ensure_deb_src
    mkdir -p "$dir"
    (cd "$dir" && apt-get source -qq "redis=$version" >/dev/null)
  fi
  echo "$root/$dir/redis-$upstream"
}

ensure_packages
tree=$(redis_tree)
mkdir -p "$tree/src" "$tree/tests/modules"
for tool in redis-server redis-cli redis-benchmark redis-check-aof redis-check-rdb; do
  if command -v "$tool" >/dev/null 2>&1; then ln -sf "$(command -v "$tool")" "$tree/src/$tool"; fi
done

ported() { [ -d "conformance/modules/$1" ]; }

wanted=("$@")
selected() {
  [ ${#wanted[@]} -eq 0 ] && return 0
  local w
  for w in "${wanted[@]}"; do [ "$w" = "$1" ] && return 0; done
  return 1
}

mkdir -p conformance/results "$root/conformance/target/logs"
passed_total=0 baseline_total=0 failed=0
rows=()
while read -r unit baseline modules; do
  [[ -z "$unit" || "$unit" == \#* ]] && continue
  selected "$unit" || continue
  baseline_total=$((baseline_total + baseline))
  missing=()
  for m in $modules; do ported "$m" || missing+=("$m"); done
  if [ ${#missing[@]} -gt 0 ]; then
    rows+=("| $unit | - | $baseline | not ported (${missing[*]}) |")
    continue
  fi
  for m in $modules; do
    if [ ! -f "$modules_dir/$m.so" ]; then
      echo "$modules_dir/$m.so is missing: build the ports first (mvn package -pl conformance -amd)" >&2
      exit 1
    fi
    cp "$modules_dir/$m.so" "$modules_dir/$m.jar" "$tree/tests/modules/"
  done
  log=$root/conformance/target/logs/$unit.log
  echo "Running unit/moduleapi/$unit (log: $log)"
  (cd "$tree" && tclsh8.6 tests/test_helper.tcl --single "unit/moduleapi/$unit" --clients 1 \
    --baseport "${CONFORMANCE_BASEPORT:-21111}" --timeout 600) > "$log" 2>&1 || true
  passed=$(sed 's/\x1b\[[0-9;]*m//g' "$log" | grep -c '^\[ok\]: ' || true)
  problems=$(sed 's/\x1b\[[0-9;]*m//g' "$log" | grep -cE '^\[(err|exception|TIMEOUT)\]' || true)
  passed_total=$((passed_total + passed))
  if [ "$passed" -ge "$baseline" ] && [ "$problems" -eq 0 ]; then
    rows+=("| $unit | $passed | $baseline | passes |")
  else
    rows+=("| $unit | $passed | $baseline | FAILS (see conformance/target/logs/$unit.log) |")
    failed=1
  fi
done < "$units_file"

{
  echo "# Redis module API conformance"
  echo
  echo "Redis's tests/unit/moduleapi units ($(redis-server --version | grep -o 'v=[0-9.]*' | cut -c3-)) run"
  echo "against the Java ports (scripts/redis-conformance.sh): tests passed, of those that pass with"
  echo "Redis's C test modules."
  echo
  echo "| unit | passed | with the C modules | result |"
  echo "|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
  echo
  echo "Total: $passed_total of $baseline_total."
} > "$results"
cat "$results"
exit "$failed"
