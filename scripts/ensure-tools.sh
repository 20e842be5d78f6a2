#!/usr/bin/env bash
# Makes sure the tools JRM builds and tests with are here: redis-server, redis-cli, gcc, Maven and
# a JDK. Installs what is missing with apt when run as root; otherwise names the packages and stops.
set -euo pipefail

missing=()
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
command -v redis-cli >/dev/null 2>&1 || missing+=(redis-tools)
command -v gcc >/dev/null 2>&1 || missing+=(gcc)
command -v mvn >/dev/null 2>&1 || missing+=(maven)
command -v javac >/dev/null 2>&1 || missing+=(openjdk-17-jdk-headless)

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing ${missing[*]} with apt-get"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "Missing: ${missing[*]}. Install them (Debian: sudo apt-get install ${missing[*]}) and run again." >&2
    exit 1
  fi
fi

# A JDK 22+ beside JDK 17: its javac compiles the runtime's java.lang.foreign backend, and the
# integration tests run again on it (pom.xml: jrm.jdk22plus). Temurin 25, from Adoptium's apt
# repository.
jdk22plus=${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}
if [ ! -x "$jdk22plus/bin/javac" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing temurin-25-jdk from packages.adoptium.net with apt-get"
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -qq wget gpg ca-certificates >/dev/null
    wget -qO - https://packages.adoptium.net/artifactory/api/gpg/key/public |
      gpg --dearmor > /etc/apt/trusted.gpg.d/adoptium.gpg
    echo "deb https://packages.adoptium.net/artifactory/deb $(. /etc/os-release && echo "$VERSION_CODENAME") main" \
      > /etc/apt/sources.list.d/adoptium.list
    apt-get update -qq
    apt-get install -y -qq temurin-25-jdk >/dev/null
  else
    echo "Missing: a JDK 22+ at $jdk22plus. Install Temurin 25 (https://adoptium.net) there, or pass" \
      "-Djrm.jdk22plus=/path/to/jdk to Maven and set JDK25 for scripts/." >&2
    exit 1
  fi
fi

# apt may start a redis-server service on port 6379; JRM's tests never use it, and pick free ports.
