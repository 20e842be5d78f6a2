#!/usr/bin/env bash
# Checks README.md's quick start as a new user would follow it: installs JRM's artifacts into an empty
# local Maven repository, then builds a fresh project outside this tree, made only of what the README
# says (example-module/pom.xml copied as is with new coordinates, and the README's `java file=...`
# blocks), and runs its module test against a real redis-server: on JDK 17 and on JDK 25 with the
# JUnit version of jrm-bom, and on JDK 17 with another JUnit 5 (imported before jrm-bom; and written
# on junit-jupiter in a project without jrm-bom).
#
# Environment: JDK17, JDK25 (JDK homes), OTHER_JUNIT (default 5.11.4), JRM_OUTSIDE_REPO (a local
# repository to use instead of an empty one, which needs Maven Central). Everything else is removed.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
jdk17=${JDK17:-/usr/lib/jvm/java-17-openjdk-amd64}
jdk25=${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}
other_junit=${OTHER_JUNIT:-5.11.4}
work=$(mktemp -d "${TMPDIR:-/tmp}/jrm-outside.XXXXXX")
trap 'rm -rf "$work"' EXIT
repo=${JRM_OUTSIDE_REPO:-$work/m2}
mvn=(mvn -B -ntp "-Dmaven.repo.local=$repo")

step() { echo "== outside-project-check: $*"; }

step "installing JRM's artifacts (README: mvn -B install -DskipTests) into $repo"
(cd "$root" && JAVA_HOME=$jdk17 "${mvn[@]}" -q install -DskipTests)

project=$work/greet
mkdir -p "$project"
# The project's own coordinates are the only lines at two spaces of indentation.
sed -e 's|^  <groupId>io.jrm</groupId>$|  <groupId>com.example</groupId>|' \
    -e 's|^  <artifactId>jrm-example-module</artifactId>$|  <artifactId>greet</artifactId>|' \
    -e 's|^  <version>[^<]*</version>$|  <version>1.0</version>|' \
    "$root/example-module/pom.xml" > "$project/pom.xml"
grep -q '<artifactId>greet</artifactId>' "$project/pom.xml"
# Each ```java file=PATH block of the README becomes that file.
awk -v dir="$project" '
  /^```java file=/ { file = dir "/" substr($2, 6); system("mkdir -p \"$(dirname \"" file "\")\""); next }
  /^```/ { file = ""; next }
  file != "" { print > file }
' "$root/README.md"
test -f "$project/src/main/java/com/example/greet/Greet.java"
test -f "$project/src/test/java/com/example/greet/GreetIT.java"

# Builds the project with a JDK and checks that the module test ran and passed.
build() {
  local jdk=$1 pom=$2
  step "mvn verify with $(basename "$jdk") ($pom)"
  (cd "$project" && JAVA_HOME=$jdk "${mvn[@]}" -q -f "$pom" clean verify)
  grep -q 'tests="2" errors="0" skipped="0" failures="0"' \
    "$project/target/failsafe-reports/TEST-com.example.greet.GreetIT.xml"
  test -f "$project/target/greet.so" && test -f "$project/target/greet.jar"
}

# Checks that the last build tested with this JUnit Jupiter version only, not mixed with JRM's: the
# failsafe report records the test class path.
jupiter_only() {
  local versions
  versions=$(grep -o 'junit-jupiter-[a-z]*-[0-9][0-9.]*[0-9]\.jar' \
    "$project/target/failsafe-reports/TEST-com.example.greet.GreetIT.xml" \
    | sed 's/.*-\([0-9.]*\)\.jar$/\1/' | sort -u)
  [ "$versions" = "$1" ] || { echo "tested with JUnit Jupiter $versions, not $1 alone" >&2; exit 1; }
}

build "$jdk17" pom.xml
if [ -x "$jdk25/bin/java" ]; then
  build "$jdk25" pom.xml
else
  step "SKIPPED the JDK 25 build: no JDK at $jdk25 (set JDK25)"
fi
# README: for another JUnit 5 version, import org.junit:junit-bom with it before jrm-bom.
awk -v v="$other_junit" '
  /<artifactId>jrm-bom<\/artifactId>/ {
    print "      <dependency><groupId>org.junit</groupId><artifactId>junit-bom</artifactId><version>" v "</version><type>pom</type><scope>import</scope></dependency>"
  }
  { print }
' "$project/pom.xml" > "$project/pom-junit-$other_junit.xml"
build "$jdk17" "pom-junit-$other_junit.xml"
jupiter_only "$other_junit"
# Without jrm-bom, a version written on each dependency: the test kit must bring no JUnit of its own
# to mix with the user's (GreetIT needs no AssertJ).
sed -e '/<artifactId>jrm-bom<\/artifactId>/d' -e '/<artifactId>assertj-core<\/artifactId>/d' \
  -e 's|<artifactId>\(jrm-[a-z]*\)</artifactId></dependency>|<artifactId>\1</artifactId><version>${jrm.version}</version></dependency>|' \
  -e 's|<artifactId>\(jrm-[a-z]*\)</artifactId><scope>|<artifactId>\1</artifactId><version>${jrm.version}</version><scope>|' \
  -e "s|<artifactId>junit-jupiter</artifactId>|&<version>$other_junit</version>|" \
  "$project/pom.xml" > "$project/pom-no-bom.xml"
build "$jdk17" pom-no-bom.xml
jupiter_only "$other_junit"
step "passed"
