#!/usr/bin/env bash
# The benchmark of issue 10: every command of the benchmark module as its C twin (bench/c-module),
# as a Lua function (bench/functions.lua) and as the Java module (bench/java-module) on each backend
# and JDK. Rounds are interleaved (each round starts every column's server once) and the median of
# the rounds is kept. Writes bench/results/latest.md and the chart of the ratios to C,
# bench/results/latest.png.
#
# Usage: bench/run.sh                 (the full run: 3 rounds; about 12 min on 2 cores)
#        BENCH_QUICK=1 bench/run.sh   (fewer requests, 1 round: to try the script)
# BENCH_BACKENDS="jni ffm jna" (ffm on JDKs 22+ only) and BENCH_JDKS="default /path/to/jdk" pick the Java columns ("default" is
# the JDK the stub finds by itself); BENCH_PORT the port; BENCH_MAVEN_ARGS extra arguments of mvn.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-tools.sh
port=${BENCH_PORT:-6393}
. bench/lib.sh
if [ "${BENCH_QUICK:-0}" = 1 ]; then
  requests=20000 rounds=1 saved_values=20000 copied_values=2000
else
  requests=50000 rounds=3 saved_values=200000 copied_values=10000
fi
elements=10 # per value of the native type in the persistence figures
persistence_heap=256m # jrm.xmx of the Java columns' persistence servers
backends=${BENCH_BACKENDS:-jni ffm jna}
temurin25=/usr/lib/jvm/temurin-25-jdk-amd64
jdks=${BENCH_JDKS:-default $([ -d "$temurin25" ] && echo "$temurin25")}
maven=${BENCH_MAVEN_ARGS:-} # e.g. "-o -Dmaven.repo.local=..."
out=bench/results/latest.md

# Build: the JRM artifacts when the local Maven repository lacks them, the Java module, the C twin.
mvn -B -ntp -q $maven -f bench/java-module/pom.xml package 2>/dev/null ||
  { mvn -B -ntp -q $maven install -DskipTests && mvn -B -ntp -q $maven -f bench/java-module/pom.xml package; }
gcc -O2 -Wall -fPIC -shared -o "$dir/benchc.so" bench/c-module/bench.c

# The commands: name|keys|arguments|lua. The Java and C modules run BENCH.<name> keys arguments, Lua
# FCALL bench_<name> <number of keys> keys arguments unless lua is "none" (Lua has no native types).
# __rand_int__ spreads the writes over 1000 keys; insert adds 7 to values that grow to about 60 elements.
commands=(
  "noop|||"
  "counter|counter:__rand_int__||"
  "rpush|push:__rand_int__|x|"
  "lrange|list||"
  "array|||"
  "zrange|zset||"
  "insert|type:__rand_int__|7|none"
  "range|type|0 100|none"
)

# The data the commands read: a list of 100 elements of 10 bytes, a sorted set of 100 members.
fill() {
  # shellcheck disable=SC2046
  cli RPUSH list $(for i in $(seq 1 100); do printf 'element%03d ' "$i"; done) >/dev/null
  # shellcheck disable=SC2046
  cli ZADD zset $(for i in $(seq 1 100); do printf '%d member%03d ' "$i" "$i"; done) >/dev/null
}

# RESP of BENCH.INSERT for $2 values of $elements elements in keys $1<i> (i on 12 digits, as
# redis-benchmark's __rand_int__): what redis-cli --pipe and an AOF file hold.
inserts() { # prefix values
  awk -v p="$1" -v n="$2" -v e="$elements" 'BEGIN {
    for (i = 0; i < n; i++) for (j = 0; j < e; j++) {
      k = sprintf("%s%012d", p, i); v = (i + j * 7919) % 1000003
      printf "*3\r\n$12\r\nBENCH.INSERT\r\n$%d\r\n%s\r\n$%d\r\n%s\r\n", length(k), k, length(v), v
    } }'
}

# redis-benchmark's CSV row for the line $2.. with options $1: "test","rps","avg","min","p50","p95","p99","max".
bench_csv() {
  local options=$1
  shift
  # bounded: redis-benchmark retries for ever when the server is gone
  # shellcheck disable=SC2086
  timeout 600 redis-benchmark -p "$port" -r 1000 --csv --precision 3 $options "$@" | tail -1 | tr -d '"'
}

# Measures every command on the running server; appends "column|command|figure|value" lines to $dir/data.
# $1 column, $2 "module" or "lua", $3 the module's INFO section with bench_main_thread_allocated_bytes (Redis prefixes the module name).
measure_column() {
  local column=$1 kind=$2 heap=$3 spec name keys args lua line stat n
  for spec in "${commands[@]}"; do
    IFS='|' read -r name keys args lua <<< "$spec"
    if [ "$kind" = lua ]; then
      [ "$lua" != none ] || continue
      line="FCALL bench_$name $([ -n "$keys" ] && echo 1 || echo 0) $keys $args" stat=fcall
    else
      line="BENCH.${name^^} $keys $args" stat=bench.$name
    fi
    n=$requests
    bench_csv "-P 16 -n $((n / 4))" $line >/dev/null # warm-up: the JIT compiles
    cli CONFIG RESETSTAT >/dev/null
    local before after
    before=$(info "$heap" bench_main_thread_allocated_bytes)
    local row
    row=$(bench_csv "-P 16 -n $n" $line)
    after=$(info "$heap" bench_main_thread_allocated_bytes)
    {
      echo "$column|$name|usec|$(usec_per_call "$stat")"
      echo "$column|$name|ops|$(echo "$row" | cut -d, -f2)"
      if [ -n "$before" ] && [ -n "$after" ]; then
        echo "$column|$name|alloc|$(awk -v a="$after" -v b="$before" -v n="$n" 'BEGIN { printf "%.1f", (a - b) / n }')"
      fi
      row=$(bench_csv "-P 1 -c 50 -n $((n / 2))" $line)
      echo "$column|$name|p50|$(echo "$row" | cut -d, -f5)"
      echo "$column|$name|p99|$(echo "$row" | cut -d, -f7)"
    } >> "$dir/data"
  done
}

# Runs the command $2.. on the server; stops the script when it replies an error. $1 the column.
checked() {
  local column=$1 reply
  shift
  reply=$(cli "$@")
  case $reply in ERR* | *rror*) echo "$column: $* failed: $reply" >&2; exit 1 ;; esac
}

# One column of one round: a plain server, the module (or the functions) loaded into it, the
# commands measured, the RSS before the load and after the measures.
run_column() { # column kind heap load-command...
  local column=$1 kind=$2 heap=$3 t0 t1 rss
  shift 3
  start --enable-module-command local
  fill
  rss=$(info memory used_memory_rss)
  t0=$(date +%s%N)
  checked "$column" "$@"
  t1=$(date +%s%N)
  echo "$column|all|load|$(((t1 - t0) / 1000000))" >> "$dir/data"
  [ "$kind" = lua ] || for i in $(seq 1 100); do echo "BENCH.INSERT type $i"; done | cli >/dev/null
  measure_column "$column" "$kind" "$heap"
  echo "$column|all|rss|$((($(info memory used_memory_rss) - rss) / 1048576))" >> "$dir/data"
  [ "$heap" = none ] || java_version > "$dir/version-${column//\//_}"
  stop
}

# The major version of JDK $1 ("default": JAVA_HOME's, else the java on the PATH, as the stub finds it).
jdk_major() {
  local java=java
  if [ "$1" != default ]; then java=$1/bin/java; elif [ -n "${JAVA_HOME:-}" ]; then java=$JAVA_HOME/bin/java; fi
  "$java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ { print $2 }'
}

# The data of the persistence figures, built once with the C twin: an RDB file of $saved_values
# values of the native type (every module column starts from a copy), an AOF file of the inserts
# of $copied_values values.
start --loadmodule "$dir/benchc.so"
inserts v: "$saved_values" | cli --pipe >/dev/null
cli SAVE >/dev/null
mv "$dir/dump.rdb" "$dir/values.rdb"
stop
inserts a: "$copied_values" > "$dir/inserts.aof"

# DUMP then RESTORE of the values v:<i> for i < ARGV[1], into keys ARGV[2]<i>.
copy_script="for i = 0, tonumber(ARGV[1]) - 1 do
  redis.call('RESTORE', ARGV[2] .. i, 0, redis.call('DUMP', string.format('v:%012d', i))) end"

# The persistence figures of one module column of one round: the startup load of the RDB file,
# SAVE, DUMP and RESTORE per value (after a warm-up pass), then a server started on the AOF file
# for the replay per command. $1 column, then the module and its arguments.
persist_column() {
  local column=$1
  shift
  cp "$dir/values.rdb" "$dir/dump.rdb"
  : > "$dir/redis.log" # the load lines read below are this server's
  start --loadmodule "$@"
  [ "$(info keyspace db0 | cut -d, -f1)" = "keys=$saved_values" ] || { echo "$column: the RDB file did not load" >&2; exit 1; }
  {
    echo "$column|all|rdb-load|$(awk -v s="$(loaded_seconds disk)" 'BEGIN { print s * 1000 }')"
    cli CONFIG RESETSTAT >/dev/null
    checked "$column" SAVE
    echo "$column|all|save|$(awk -v u="$(usec_per_call save)" 'BEGIN { print u / 1000 }')"
    checked "$column" EVAL "$copy_script" 0 "$copied_values" w:
    cli CONFIG RESETSTAT >/dev/null
    checked "$column" EVAL "$copy_script" 0 "$copied_values" r:
    echo "$column|all|dump|$(usec_per_call dump)"
    echo "$column|all|restore|$(usec_per_call restore)"
  } >> "$dir/data"
  stop
  rm -rf "$dir/dump.rdb" "$dir/appendonlydir"
  cp "$dir/inserts.aof" "$dir/appendonly.aof" # Redis 7 takes an appendonly.aof without manifest as the base file
  : > "$dir/redis.log"
  start --appendonly yes --loadmodule "$@"
  echo "$column|all|aof|$(awk -v s="$(loaded_seconds 'append only file')" -v n=$((copied_values * elements)) \
    'BEGIN { printf "%.3f", s * 1e6 / n }')" >> "$dir/data"
  stop
  rm -rf "$dir/appendonlydir"
}

columns=("C" "Lua")
for jdk in $jdks; do
  for backend in $backends; do
    # Before Java 22 ffm falls back to jni: no column of its own.
    [ "$backend" != ffm ] || [ "$(jdk_major "$jdk")" -ge 22 ] || continue
    columns+=("$backend@$jdk")
  done
done
: > "$dir/data"
for round in $(seq 1 "$rounds"); do
  echo "round $round of $rounds" >&2
  for column in "${columns[@]}"; do
    case $column in
      C)
        run_column C module none MODULE LOAD "$dir/benchc.so"
        persist_column C "$dir/benchc.so"
        ;;
      Lua) run_column Lua lua none FUNCTION LOAD "$(cat bench/functions.lua)" ;;
      *)
        args=("jrm.backend=${column%@*}")
        [ "${column#*@}" = default ] || args+=("jrm.jdk=${column#*@}")
        run_column "$column" module bench_heap MODULE LOAD "$PWD/bench/java-module/target/bench.so" "${args[@]}" jrm.xmx=64m
        # 200k values take about 48 MB of Java heap: more than 64m leaves before JRM refuses writes
        persist_column "$column" "$PWD/bench/java-module/target/bench.so" "${args[@]}" jrm.xmx=$persistence_heap
        ;;
    esac
  done
done

medians "$dir/data" > "$dir/medians"
get() { awk -F'|' -v k="$1|$2|$3" '$1 "|" $2 "|" $3 == k { print $4 }' "$dir/medians"; }
title() { # a column's header: C, Lua, or Java <version> <backend>
  case $1 in C | Lua) echo "$1" ;; *) echo "Java $(cat "$dir/version-${1//\//_}") ${1%@*}" ;; esac
}
ratio() { awk -v a="$1" -v c="$2" 'BEGIN { if (a == "" || c == "" || c == 0) print "n/a"; else printf "%.2f", a / c }'; }
with_ratio() { [ -z "$1" ] || echo "$1 ($(ratio "$1" "$2")×)"; } # value C's-value
java_columns=("${columns[@]:2}")

# The persistence figures of the native type: figure|label, measured once per module column and round.
persistence=(
  "dump|DUMP, µs per value"
  "restore|RESTORE, µs per value"
  "aof|AOF replay, µs per BENCH.INSERT"
  "save|SAVE of $saved_values values, ms"
  "rdb-load|startup load of $saved_values values, ms"
)

# The chart's input: command, column title, ratio to C of usec_per_call.
: > "$dir/ratios"
for spec in "${commands[@]}"; do
  name=${spec%%|*}
  for column in "${columns[@]:1}"; do
    printf '%s\t%s\t%s\n' "$name" "$(title "$column")" "$(ratio "$(get "$column" "$name" usec)" "$(get C "$name" usec)")" >> "$dir/ratios"
  done
done
# The chart also shows the persistence ratios (not in the geometric mean of the commands).
cp "$dir/ratios" "$dir/chart"
for spec in "${persistence[@]}"; do
  for column in "${java_columns[@]}"; do
    printf '%s\t%s\t%s\n' "${spec%%|*}" "$(title "$column")" "$(ratio "$(get "$column" all "${spec%%|*}")" "$(get C all "${spec%%|*}")")" >> "$dir/chart"
  done
done

table() { # figure unit-note: one row per command, one cell per column, ratio to C for usec
  local figure=$1 spec name column value
  printf '| command |'; for column in "${columns[@]}"; do printf ' %s |' "$(title "$column")"; done; echo
  printf '|---|'; for _ in "${columns[@]}"; do printf -- '---:|'; done; echo
  for spec in "${commands[@]}"; do
    name=${spec%%|*}
    printf '| %s |' "$name"
    for column in "${columns[@]}"; do
      value=$(get "$column" "$name" "$figure")
      [ "$figure" != usec ] || [ "$column" = C ] || value=$(with_ratio "$value" "$(get C "$name" usec)")
      printf ' %s |' "${value:-n/a}"
    done
    echo
  done
  [ "$figure" = usec ] || echo
}
row() { # figure label: one row over the columns for a figure measured once per column
  local column
  printf '| %s |' "$2"; for column in "${columns[@]}"; do printf ' %s |' "$(get "$column" all "$1")"; done; echo
}
persistence_table() { # one row per persistence figure, over C and the Java columns, ratio to C
  local spec figure column value
  printf '| figure | C |'; for column in "${java_columns[@]}"; do printf ' %s |' "$(title "$column")"; done; echo
  printf '|---|---:|'; for _ in "${java_columns[@]}"; do printf -- '---:|'; done; echo
  for spec in "${persistence[@]}"; do
    figure=${spec%%|*}
    printf '| %s | %s |' "${spec#*|}" "$(get C all "$figure")"
    for column in "${java_columns[@]}"; do
      value=$(with_ratio "$(get "$column" all "$figure")" "$(get C all "$figure")")
      printf ' %s |' "${value:-n/a}"
    done
    echo
  done
}
geomean() { # column: geometric mean of the usec ratios to C
  awk -F'\t' -v c="$(title "$1")" '$2 == c && $3 != "n/a" { s += log($3); n++ } END { if (n) printf "%.2f", exp(s / n); else print "n/a" }' "$dir/ratios"
}

{
  echo "# Benchmark: JRM next to C and Lua"
  echo
  echo "bench/run.sh$([ "${BENCH_QUICK:-0}" = 1 ] && echo " (BENCH_QUICK=1)"), $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)),"
  echo "Redis $(redis-server --version | grep -o 'v=[^ ]*' | cut -d= -f2). JDKs: $(for jdk in $jdks; do
    if [ "$jdk" = default ]; then printf '%s (the stub default); ' "$(java -version 2>&1 | head -1)"; else printf '%s (%s); ' "$("$jdk/bin/java" -version 2>&1 | head -1)" "$jdk"; fi; done)"
  echo "$requests requests per command and run (redis-benchmark -r 1000), median of $rounds interleaved round(s), each after a"
  echo "warm-up of a quarter of that. The machine was shared with other jobs: compare columns of one run, not runs."
  echo "Java columns load the module with jrm.xmx=64m (jrm.xmx=$persistence_heap for the persistence figures)."
  echo
  echo "## Server-side usec_per_call (INFO commandstats, redis-benchmark -P 16), ratio to C"
  echo
  table usec
  printf '| geometric mean of the ratios |'; for column in "${columns[@]}"; do
    [ "$column" = C ] && printf ' 1 |' || printf ' %s |' "$(geomean "$column")"; done; echo
  echo
  echo "![ratios to C](latest.png)"
  echo
  echo "## Client ops/s (-P 16)"
  echo
  table ops
  echo "## Latency p50 and p99 in ms (-P 1 -c 50)"
  echo
  echo "p50:"; echo; table p50
  echo "p99:"; echo; table p99
  echo "## Bytes allocated per call on the main thread"
  echo
  echo "From bench_main_thread_allocated_bytes in INFO bench_heap around the -P 16 run; n/a where the module does"
  echo "not report it (C and Lua do not run Java)."
  echo
  table alloc
  echo "## Loading and memory"
  echo
  printf '| figure |'; for column in "${columns[@]}"; do printf ' %s |' "$(title "$column")"; done; echo
  printf '|---|'; for _ in "${columns[@]}"; do printf -- '---:|'; done; echo
  row load "MODULE LOAD (FUNCTION LOAD for Lua), ms"
  row rss "RSS growth after load and measures, MB"
  echo
  echo "## Persistence of the native type, ratio to C"
  echo
  echo "Values of $elements elements of benchtype (BENCH.INSERT's type). The C twin writes an RDB file of"
  echo "$saved_values values once; in each round every column starts a server on a copy of it (the startup load is"
  echo "the log's \"DB loaded from disk\"), then SAVE (its usec in INFO commandstats), then one script DUMPs and"
  echo "RESTOREs $copied_values values twice, the second time measured (usec_per_call of DUMP and RESTORE). AOF"
  echo "replay: a server started on an AOF file of the $((copied_values * elements)) BENCH.INSERT of $copied_values values (the log's"
  echo "\"DB loaded from append only file\" over the number of commands). Both twins write the same RDB encoding:"
  echo "Java columns load the file C wrote."
  echo
  persistence_table
  echo
  echo "Commands: noop replies 1; counter adds one to a byte of an 8-byte string through StringDMA (Lua: INCR,"
  echo "it has no direct access); rpush is RPUSH through Call; lrange sums the lengths of LRANGE 0 -1 over 100"
  echo "elements of 10 bytes; array replies 100 integers; zrange sums the scores of a 100-member sorted set"
  echo "walked by score (Lua: ZRANGE BYSCORE WITHSCORES); insert adds 7 to a value of the native type benchtype"
  echo "(a sorted array of integers in C, a long[] in Java, both written for the benchmark), which walks to the"
  echo "first larger element; range replies the first 100 elements of a 100-element value. Lua has no native"
  echo "types: n/a."
} > "$out"
java bench/Chart.java "$dir/chart" bench/results/latest.png "ratio to C of usec_per_call and of the persistence figures (lower is better)"
cat "$out"
