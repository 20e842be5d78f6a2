#!/usr/bin/env bash
# The persistence benchmark of issue 13: N values of 10 elements of the native type benchtype in the
# Java module (bench/java-module, BenchType) next to its C twin (bench/c-module, the same RDB
# encoding), with 0%, 1%, 10% and 100% of the values written since the last fork. Per column: the
# fork pause (latest_fork_usec), SAVE, the startup load, DEBUG RELOAD, restart to the first PONG,
# RSS and used_memory per value (the JVM's fixed cost apart), the Java heap per value, and the max
# and p99.9 latency of BENCH.INSERT under load (redis-benchmark -P 1 -c 50) across a BGSAVE.
# Rounds are interleaved; the median of the rounds is kept. Writes bench/results/persistence.md.
#
# Usage: bench/persistence.sh                      (1,000,000 values, 3 rounds)
#        PERSIST_VALUES=20000 PERSIST_ROUNDS=1 bench/persistence.sh   (to try the script)
# BENCH_JDKS="default /path/to/jdk" the Java columns (as bench/run.sh), BENCH_BACKEND their backend
# (jni), PERSIST_XMX their jrm.xmx (default: the sizing rule of docs/data-types.md), BENCH_PORT the
# port, BENCH_MAVEN_ARGS extra arguments of mvn.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-tools.sh
port=${BENCH_PORT:-6395}
. bench/lib.sh
values=${PERSIST_VALUES:-1000000}
rounds=${PERSIST_ROUNDS:-3}
elements=10
shares=(0 1 10 100) # percent of the values written since the last fork
backend=${BENCH_BACKEND:-jni}
temurin25=/usr/lib/jvm/temurin-25-jdk-amd64
jdks=${BENCH_JDKS:-default $([ -d "$temurin25" ] && echo "$temurin25")}
# docs/data-types.md, "Sizing jrm.xmx": 400 bytes of heap per value of 10 elements over the 80% heap
# limit, plus 64 MB for the runtime and the garbage of the writes.
xmx=${PERSIST_XMX:-$((values * 400 / 80 * 100 / 1048576 + 64))m}
maven=${BENCH_MAVEN_ARGS:-}
out=bench/results/persistence.md
mkdir -p bench/results

# shellcheck disable=SC2086
mvn -B -ntp -q $maven -f bench/java-module/pom.xml clean package 2>/dev/null ||
  { mvn -B -ntp -q $maven install -DskipTests && mvn -B -ntp -q $maven -f bench/java-module/pom.xml clean package; }
gcc -O2 -Wall -fPIC -shared -o "$dir/benchc.so" bench/c-module/bench.c

# RESP of one BENCH.INSERT of $3 into each of the first $2 keys v:<i> (i on 12 digits, as
# redis-benchmark's __rand_int__), $1 times over: what redis-cli --pipe takes.
inserts() { # times keys element-offset
  awk -v t="$1" -v n="$2" -v o="$3" 'BEGIN {
    for (j = 0; j < t; j++) for (i = 0; i < n; i++) {
      k = sprintf("v:%012d", i); v = (i + (j + o) * 7919) % 1000003
      printf "*3\r\n$12\r\nBENCH.INSERT\r\n$%d\r\n%s\r\n$%d\r\n%s\r\n", length(k), k, length(v), v
    } }'
}

now_ms() { echo $(($(date +%s%N) / 1000000)); }

bgsave() { # runs a BGSAVE to its end
  cli BGSAVE >/dev/null
  for _ in $(seq 1 6000); do [ "$(info persistence rdb_bgsave_in_progress)" = 0 ] && break; sleep 0.05; done
  [ "$(info persistence rdb_last_bgsave_status)" = ok ] || { echo "BGSAVE failed: $(tail -3 "$dir/redis.log")" >&2; exit 1; }
}

# The live Java heap of the running server's JVM, in bytes, after the full GC of a class histogram
# (jcmd attaches to the JVM inside redis-server); empty when jcmd cannot attach.
live_heap() {
  timeout 120 jcmd "$server" GC.class_histogram 2>/dev/null | awk '$1 == "Total" { print $3 }' || true
}

# max and p99.9 (the first percentile of redis-benchmark's distribution at or above 99.9%) in ms of
# BENCH.INSERT on the values (-P 1 -c 50), with a BGSAVE forked one second into the run.
under_load() { # column share
  local column=$1 share=$2 pid
  timeout 600 redis-benchmark -p "$port" -r "$values" -P 1 -c 50 -n "$load_requests" --precision 3 \
    BENCH.INSERT v:__rand_int__ 7 > "$dir/load.txt" 2>/dev/null &
  pid=$!
  sleep 1
  bgsave
  echo "$column|$share|fork-load|$(info stats latest_fork_usec)" >> "$dir/data"
  wait "$pid"
  tr '\r' '\n' < "$dir/load.txt" | awk -v c="$column" -v s="$share" '
    /^Latency by percentile/ { on = 1; next }
    /^Cumulative distribution/ { on = 0 }
    on && /%/ { p = $1 + 0; if (p >= 99.9 && !p999) { p999 = $3 }; max = $3 }
    END { print c "|" s "|p999|" p999; print c "|" s "|max|" max }' >> "$dir/data"
}

# One column of one round. $1 the column, then the module and its arguments.
run_column() {
  local column=$1 t0 rss0 used0 rss used heap share
  shift
  rm -f "$dir/dump.rdb"
  start --loadmodule "$@"
  rss0=$(info memory used_memory_rss) used0=$(info memory used_memory)
  echo "$column|all|module-rss|$(((rss0 - plain_rss) / 1048576))" >> "$dir/data"
  stop
  cp "$dir/values.rdb" "$dir/dump.rdb"
  : > "$dir/redis.log"
  t0=$(now_ms)
  start --loadmodule "$@"
  echo "$column|all|restart|$(($(now_ms) - t0))" >> "$dir/data"
  [ "$(info keyspace db0 | cut -d, -f1)" = "keys=$values" ] || { echo "$column: the RDB file did not load" >&2; exit 1; }
  rss=$(info memory used_memory_rss) used=$(info memory used_memory)
  heap=$([ "$column" = C ] || live_heap)
  {
    echo "$column|all|load|$(awk -v s="$(loaded_seconds disk)" 'BEGIN { print s * 1000 }')"
    echo "$column|all|rss|$(((rss - rss0) / values))"
    echo "$column|all|used|$(((used - used0) / values))"
    [ -z "$heap" ] || echo "$column|all|heap|$((heap / values))"
  } >> "$dir/data"
  for share in "${shares[@]}"; do
    [ "$share" = 0 ] || inserts 1 $((values * share / 100)) "$share" | cli --pipe >/dev/null
    bgsave
    echo "$column|$share|fork|$(info stats latest_fork_usec)" >> "$dir/data"
  done
  echo "$column|all|rss-saved|$((($(info memory used_memory_rss) - rss0) / values))" >> "$dir/data"
  cli CONFIG RESETSTAT >/dev/null
  cli SAVE >/dev/null
  echo "$column|all|save|$(awk -v u="$(usec_per_call save)" 'BEGIN { print u / 1000 }')" >> "$dir/data"
  t0=$(now_ms)
  [ "$(cli DEBUG RELOAD)" = OK ] || { echo "$column: DEBUG RELOAD failed: $(tail -3 "$dir/redis.log")" >&2; exit 1; }
  echo "$column|all|reload|$(($(now_ms) - t0))" >> "$dir/data"
  for share in "${shares[@]}"; do
    [ "$share" = 0 ] || inserts 1 $((values * share / 100)) "$share" | cli --pipe >/dev/null
    under_load "$column" "$share"
    bgsave # the writes of the run: the next share starts from a fork, as the quiet one did
  done
  stop
}

# The values, written once by the C twin into an RDB file every column starts from.
start
plain_rss=$(info memory used_memory_rss)
stop
start --loadmodule "$dir/benchc.so"
inserts "$elements" "$values" 0 | cli --pipe >/dev/null
cli SAVE >/dev/null
mv "$dir/dump.rdb" "$dir/values.rdb"
stop
load_requests=$((values < 100000 ? 100000 : values / 2)) # at least a few seconds around the fork

columns=(C)
for jdk in $jdks; do columns+=("$jdk"); done
: > "$dir/data"
for round in $(seq 1 "$rounds"); do
  echo "round $round of $rounds" >&2
  for column in "${columns[@]}"; do
    case $column in
      C) run_column C "$dir/benchc.so" ;;
      *)
        args=("jrm.backend=$backend" "jrm.xmx=$xmx")
        [ "$column" = default ] || args+=("jrm.jdk=$column")
        run_column "$column" "$PWD/bench/java-module/target/bench.so" "${args[@]}"
        java_version > "$dir/version-${column//\//_}"
        ;;
    esac
  done
done

medians "$dir/data" > "$dir/medians"
get() { awk -F'|' -v k="$1|$2|$3" '$1 "|" $2 "|" $3 == k { print $4 }' "$dir/medians"; }
title() { case $1 in C) echo C ;; *) echo "Java $(cat "$dir/version-${1//\//_}") $backend" ;; esac; }
cell() { # column share figure: the value, and its ratio to C's in the Java columns
  local value c
  value=$(get "$1" "$2" "$3") c=$(get C "$2" "$3")
  if [ -z "$value" ]; then printf 'n/a'
  elif [ "$1" = C ] || [ -z "$c" ] || [ "$c" = 0 ]; then printf '%s' "$value"
  else printf '%s (%s×)' "$value" "$(awk -v a="$value" -v c="$c" 'BEGIN { printf "%.1f", a / c }')"
  fi
}
rows=(
  "all|restart|restart to the first PONG, ms"
  "all|load|startup load (log's DB loaded from disk), ms"
  "all|save|SAVE, ms"
  "all|reload|DEBUG RELOAD, ms"
)
for share in "${shares[@]}"; do rows+=("$share|fork|fork pause, $share% written since the last fork, µs"); done
for share in "${shares[@]}"; do
  rows+=("$share|fork-load|fork pause under load, $share% written before, µs"
    "$share|max|BENCH.INSERT max latency under load, $share% written before, ms"
    "$share|p999|BENCH.INSERT p99.9 latency under load, $share% written before, ms")
done
rows+=(
  "all|used|used_memory per value after the load, B"
  "all|rss|RSS per value after the load, B"
  "all|rss-saved|RSS per value after the BGSAVEs, B"
  "all|heap|live Java heap per value, B"
  "all|module-rss|fixed cost: RSS of the loaded module without values, MB"
)

{
  echo "# Persistence benchmark: the Java native type next to its C twin"
  echo
  echo "bench/persistence.sh, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)),"
  echo "Redis $(redis-server --version | grep -o 'v=[^ ]*' | cut -d= -f2), median of $rounds interleaved round(s). $values values of benchtype"
  echo "($elements elements each, BENCH.INSERT) written once by the C twin into an RDB file every column starts from;"
  echo "Java columns: backend $backend, jrm.xmx=$xmx. The machine may have been shared: compare columns of one run."
  echo
  printf '| figure |'; for column in "${columns[@]}"; do printf ' %s |' "$(title "$column")"; done; echo
  printf '|---|'; for _ in "${columns[@]}"; do printf -- '---:|'; done; echo
  for spec in "${rows[@]}"; do
    IFS='|' read -r share figure label <<< "$spec"
    printf '| %s |' "$label"
    for column in "${columns[@]}"; do printf ' %s |' "$(cell "$column" "$share" "$figure")"; done
    echo
  done
  echo
  echo "Each column: a server with the module and no values (its RSS over a plain server's is the fixed cost;"
  echo "its used_memory and RSS the base of the per-value figures), then a server started on the RDB file"
  echo "(restart: from exec to the first PONG), the live heap after a full GC (jcmd GC.class_histogram), one"
  echo "BGSAVE per write share (the share's values get one more BENCH.INSERT first, so values grow by up to 3"
  echo "elements; latest_fork_usec), SAVE (INFO commandstats), DEBUG RELOAD (wall time), then per share the"
  echo "share's writes, then redis-benchmark -P 1 -c 50 -n $load_requests of BENCH.INSERT on random values with a"
  echo "BGSAVE one second in (p99.9: the first step of its distribution at or above 99.9%)."
} > "$out"
cat "$out"
