# Shell shared by the benchmark scripts (sourced, not run): a redis-server on loopback in a
# temporary directory, stopped on exit. The sourcing script sets port before calling start.
dir=$(mktemp -d)
server=
trap 'stop; rm -rf "$dir"' EXIT

cli() { redis-cli -p "$port" "$@"; }

# The value of field $2 in section $1 of INFO.
info() { cli INFO "$1" | tr -d '\r' | awk -F: -v k="$2" '$1 == k { print $2 }'; }

start() { # [--loadmodule module.so [module args...]]
  redis-server --port "$port" --bind 127.0.0.1 --dir "$dir" --save "" --appendonly no \
    --logfile "$dir/redis.log" "$@" &
  server=$!
  # PONG once the data set is loaded (LOADING before): a JRM module loading 200k values may take a while.
  for _ in $(seq 1 1200); do [ "$(cli PING 2>/dev/null)" = PONG ] && return; sleep 0.1; done
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
