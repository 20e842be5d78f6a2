# Shell shared by the benchmark scripts (sourced, not run): a redis-server on loopback in a
# temporary directory, stopped on exit. The sourcing script sets port before calling start.
dir=$(mktemp -d)
server=
trap 'stop; rm -rf "$dir"' EXIT

cli() { redis-cli -p "$port" "$@"; }

# The value of field $2 in section $1 of INFO.
info() { cli INFO "$1" | tr -d '\r' | awk -F: -v k="$2" '$1 == k { print $2 }'; }

start() { # [--loadmodule module.so [module args...]]
  # DEBUG RELOAD needs enable-debug-command (off by default since Redis 7).
  redis-server --port "$port" --bind 127.0.0.1 --dir "$dir" --save "" --appendonly no \
    --enable-debug-command local --logfile "$dir/redis.log" "$@" &
  server=$!
  # PONG once the data set is loaded (LOADING before): a JRM module loading 1M values may take a while;
  # polled every 20 ms, the resolution of persistence.sh's restart to the first PONG.
  for _ in $(seq 1 6000); do [ "$(cli PING 2>/dev/null)" = PONG ] && return; sleep 0.02; done
  echo "redis-server did not start: $(tail -3 "$dir/redis.log")" >&2
  exit 1
}

stop() {
  [ -n "$server" ] || return 0
  cli SHUTDOWN NOSAVE >/dev/null 2>&1 || true
  wait "$server" 2>/dev/null || true
  server=
}

# usec_per_call of command $1 (lower case) in INFO commandstats.
usec_per_call() {
  cli INFO commandstats | tr -d '\r' | grep "^cmdstat_$1:" | sed 's/.*usec_per_call=\([0-9.]*\).*/\1/'
}

# The Java version of the JVM the JRM module of the running server started, from its log.
java_version() {
  grep -o 'on Java [0-9][^ ]*' "$dir/redis.log" | tail -1 | cut -d' ' -f3 | cut -d. -f1 | cut -d+ -f1
}

# The seconds of the last "DB loaded from $1: ... seconds" line of the log.
loaded_seconds() { grep -o "DB loaded from $1: [0-9.]* seconds" "$dir/redis.log" | tail -1 | awk '{ print $(NF - 1) }'; }

# The median over the rounds of each "column|command|figure|value" line of file $1, per column,
# command and figure: "column|command|figure|median".
medians() {
  awk -F'|' '{ k = $1 "|" $2 "|" $3; v[k, ++n[k]] = $4 }
    END { for (k in n) { m = n[k]; for (i = 1; i <= m; i++) a[i] = v[k, i] + 0
            for (i = 2; i <= m; i++) for (j = i; j > 1 && a[j-1] > a[j]; j--) { t = a[j]; a[j] = a[j-1]; a[j-1] = t }
            print k "|" a[int((m + 1) / 2)] } }' "$1"
}
