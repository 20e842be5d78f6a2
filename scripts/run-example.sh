#!/usr/bin/env bash
# Builds the example module (Java port of Redis's helloworld.c), loads it into a real redis-server
# on port ${JRM_EXAMPLE_PORT:-6380} and runs each of its commands with redis-cli.
# With --keep the server stays up (Ctrl-C stops it) so you can try more commands yourself.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-tools.sh
mvn -B -ntp -q install -DskipTests
port=${JRM_EXAMPLE_PORT:-6380}
dir=$(mktemp -d)
module="$PWD/example-module/target/helloworld.so"

redis-server --port "$port" --bind 127.0.0.1 --dir "$dir" --save "" --appendonly no \
  --logfile "$dir/redis.log" --loadmodule "$module" greeting=hello &
server=$!
stop() { kill "$server" 2>/dev/null && wait "$server" 2>/dev/null; rm -rf "$dir"; }
trap stop EXIT
for _ in $(seq 1 100); do
  redis-cli -p "$port" PING >/dev/null 2>&1 && break
  kill -0 "$server" 2>/dev/null || { cat "$dir/redis.log"; exit 1; }
  sleep 0.1
done

run() { echo "> $*"; redis-cli -p "$port" "$@"; }
run MODULE LIST
run HELLO.SIMPLE
run DEL mylist
run HELLO.PUSH.CALL mylist a
run HELLO.PUSH.CALL2 mylist bb
run HELLO.LIST.SUM.LEN mylist
run HELLO.RAND.ARRAY 3
run HELLO.LEFTPAD 42 8 0
run HELLO.LEFTPAD 42 8 xy
run HELLO.PUSH.CALL onlyonearg
run DEL numbers
run HELLOTYPE.INSERT numbers 30
run HELLOTYPE.INSERT numbers 10
run HELLOTYPE.RANGE numbers 0 10
run TYPE numbers
run HELLOTOPK.ADD visits home 3
run HELLOTOPK.ADD visits about
run HELLOTOPK.LIST visits WITHCOUNTS
echo "> (Redis log)"; grep -E "JRM|Module loaded" "$dir/redis.log" || true

if [ "${1:-}" = "--keep" ]; then
  echo "redis-server with the helloworld module is running on port $port: redis-cli -p $port HELLO.SIMPLE (Ctrl-C stops it)"
  wait "$server"
fi
