#!/usr/bin/env bash
# Measures what JRM's fork safety costs: the pause it adds before each fork (values that changed
# since the last fork are serialized in the parent, inside fork()'s prepare handler) and the native
# memory the serialized forms take, as a function of data size and of writes since the last fork.
# Compares with the same elements held in plain Redis lists. Writes bench/results/fork-cost.md.
#
# Usage: bench/fork-cost.sh [keys...]   (default: 10000 50000 200000 keys of 10 elements)
# BENCH_PORT the port; BENCH_MAVEN_ARGS extra arguments of mvn (as bench/run.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-tools.sh
# shellcheck disable=SC2086
[ -f example-module/target/helloworld.so ] || mvn -B -ntp -q ${BENCH_MAVEN_ARGS:-} install -DskipTests
sizes=("${@:-10000 50000 200000}")
read -r -a sizes <<< "${sizes[*]}"
elements=10
port=${BENCH_PORT:-6391}
out=bench/results/fork-cost.md
mkdir -p bench/results

. bench/lib.sh

start_hello() {
  rm -f "$dir/dump.rdb" # each run starts empty
  start --loadmodule "$PWD/example-module/target/helloworld.so"
}

# RESP for COMMAND key:i j, for every key and element: what redis-cli --pipe expects.
fill() { # command keys
  awk -v cmd="$1" -v n="$2" -v e="$elements" 'BEGIN {
    for (i = 0; i < n; i++) for (j = 0; j < e; j++) {
      k = "key:" i; v = j * 7919 % 1000003
      printf "*3\r\n$%d\r\n%s\r\n$%d\r\n%s\r\n$%d\r\n%s\r\n", length(cmd), cmd, length(k), k, length(v), v
    } }' | cli --pipe >/dev/null
}

bgsave() { # prints the fork time in microseconds once the save is done
  cli BGSAVE >/dev/null
  while [ "$(info persistence rdb_bgsave_in_progress)" != 0 ]; do sleep 0.05; done
  [ "$(info persistence rdb_last_bgsave_status)" = ok ] || { echo "BGSAVE failed" >&2; exit 1; }
  info stats latest_fork_usec
}

touch_keys() { # writes one element to the first n keys
  awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++) {
    k = "key:" i; printf "*3\r\n$16\r\nHELLOTYPE.INSERT\r\n$%d\r\n%s\r\n$1\r\n7\r\n", length(k), k } }' | cli --pipe >/dev/null
}

{
  echo "# Fork cost of JRM data types"
  echo
  echo "Measured $(date -u +%Y-%m-%d) on $(nproc) cores, $(redis-server --version | awk '{print $3}'), $(java -version 2>&1 | head -1)."
  echo "Each key holds a HELLOTYPE value of $elements elements (example module), or a Redis list of $elements"
  echo "elements for the baseline. Fork time is Redis's latest_fork_usec, which includes JRM's prepare"
  echo "handler. Extra memory is the growth of used_memory over the first BGSAVE: the serialized forms"
  echo "JRM keeps in native memory for the next fork."
  echo
  echo "| keys | baseline fork (lists) | 1st fork, all values new | fork, no writes | fork, 1% written | fork, 10% written | extra memory | extra per key |"
  echo "|---:|---:|---:|---:|---:|---:|---:|---:|"
} > "$out"

for keys in "${sizes[@]}"; do
  start_hello
  fill RPUSH "$keys"
  baseline=$(bgsave)
  stop
  start_hello
  fill HELLOTYPE.INSERT "$keys"
  before=$(info memory used_memory)
  first=$(bgsave)
  after=$(info memory used_memory)
  none=$(bgsave)
  touch_keys $((keys / 100))
  one=$(bgsave)
  touch_keys $((keys / 10))
  ten=$(bgsave)
  extra=$((after - before))
  stop
  printf '| %d | %d µs | %d µs | %d µs | %d µs | %d µs | %.1f MB | %d B |\n' "$keys" "$baseline" "$first" \
    "$none" "$one" "$ten" "$(awk -v b="$extra" 'BEGIN { print b / 1048576 }')" $((extra / keys)) >> "$out"
  echo "measured $keys keys" >&2
done
cat "$out"
