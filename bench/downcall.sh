#!/usr/bin/env bash
# Measures the Java->Redis call path: server-side usec_per_call (INFO commandstats) of the helloworld
# port's commands under redis-benchmark -P 16, median of 3 runs, on each downcall backend
# (jrm.backend=jni|jna|ffm; ffm on Java 22+ only) and JDK, next to Redis's own C helloworld module
# when its source is at $REDIS_SRC (built in a temporary directory, never committed). Writes bench/results/downcall.md.
#
# Usage: bench/downcall.sh   (JRM_BENCH_JDKS="jdk-home ..." picks the JDKs; default: the one found
#                             by the stub, plus Temurin 25 when installed)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-tools.sh
[ -f example-module/target/helloworld.so ] || mvn -B -ntp -q install -DskipTests
port=${JRM_BENCH_PORT:-6392}
requests=${JRM_BENCH_REQUESTS:-200000}
redis_src=${REDIS_SRC:-/work/redis-src/redis-7.0.15}
temurin25=/usr/lib/jvm/temurin-25-jdk-amd64
jdks=${JRM_BENCH_JDKS:-default $([ -d "$temurin25" ] && echo "$temurin25")}
. bench/lib.sh
out=bench/results/downcall.md
mkdir -p bench/results
# The commands, as redis-benchmark runs them (__rand_int__ spreads the pushes over keys).
commands=(
  "HELLO.SIMPLE"
  "HELLO.PUSH.NATIVE push:__rand_int__ x"
  "HELLO.PUSH.CALL push:__rand_int__ x"
  "HELLO.LIST.SUM.LEN sum"
)

# usec_per_call of command $1 after redis-benchmark runs "$2", median of 3 after a warm-up run.
measure() {
  local name=$1 line=$2 n=$requests runs=()
  [ "$name" = hello.list.sum.len ] && n=$((requests / 10))
  # shellcheck disable=SC2086
  redis-benchmark -p "$port" -P 16 -n "$n" -r 1000 -q $line >/dev/null # warm-up: the JIT compiles
  for _ in 1 2 3; do
    cli CONFIG RESETSTAT >/dev/null
    # shellcheck disable=SC2086 # the command line is split into words on purpose
    redis-benchmark -p "$port" -P 16 -n "$n" -r 1000 -q $line >/dev/null
    runs+=("$(usec_per_call "$name")")
  done
  printf '%s\n' "${runs[@]}" | sort -g | sed -n 2p
}

# One column of the table: every command on the server just started.
column() {
  cli DEL sum >/dev/null
  # shellcheck disable=SC2046 # 100 elements of 10 bytes
  cli RPUSH sum $(for i in $(seq 1 100); do printf 'element%03d ' "$i"; done) >/dev/null
  for line in "${commands[@]}"; do
    local name
    name=$(echo "${line%% *}" | tr '[:upper:]' '[:lower:]')
    measure "$name" "$line"
  done
}

headers=()
columns=()
if [ -f "$redis_src/src/modules/helloworld.c" ]; then
  gcc -O2 -fPIC -shared -I"$redis_src/src" -o "$dir/helloworld-c.so" "$redis_src/src/modules/helloworld.c"
  start --loadmodule "$dir/helloworld-c.so"
  headers+=("C")
  columns+=("$(column)")
  stop
fi
for jdk in $jdks; do
  for backend in jni jna ffm; do
    args=("jrm.backend=$backend")
    [ "$jdk" = default ] || args+=("jrm.jdk=$jdk")
    start --loadmodule "$PWD/example-module/target/helloworld.so" "${args[@]}"
    # Before Java 22, ffm falls back to another backend: no column.
    grep -q "(backend $backend)" "$dir/redis.log" || { stop; continue; }
    headers+=("Java $(java_version) $backend")
    columns+=("$(column)")
    stop
  done
done

{
  echo "# Downcall path: server-side usec_per_call"
  echo
  echo "bench/downcall.sh, $(date -u +%Y-%m-%d), $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)),"
  echo "Redis $(redis-server --version | grep -o 'v=[^ ]*' | cut -d= -f2), redis-benchmark -P 16, $requests requests (a tenth for HELLO.LIST.SUM.LEN), median of 3 runs after a warm-up;"
  echo "HELLO.LIST.SUM.LEN over 100 elements. The machine was shared with other jobs: compare columns, not runs."
  echo
  printf '| command |'
  printf ' %s |' "${headers[@]}"
  echo
  printf '|---|'
  printf -- '---:|%.0s' "${headers[@]}"
  echo
  for i in "${!commands[@]}"; do
    printf '| %s |' "${commands[$i]%% *}"
    for column in "${columns[@]}"; do
      printf ' %s |' "$(echo "$column" | sed -n "$((i + 1))p")"
    done
    echo
  done
  echo
  echo "C: Redis's src/modules/helloworld.c. jni: the default before Java 22 (natives the stub registers,"
  echo "one per C signature shape). ffm: the default on Java 22+ (java.lang.foreign downcall handles,"
  echo "critical for leaf functions). Both are typed per shape (no boxing; variadic calls included);"
  echo "jna: JNA's Function on every downcall. All columns already have the fork-child flag (no getpid() per upcall)"
  echo "and argv read in one call. Before those (JNA only), issue 10 measured 1.07, 3.12, 4.25 and 81.5"
  echo "on Java 17 and 0.79, 2.18, 3.23 and 56.1 on Java 25."
} > "$out"
cat "$out"
