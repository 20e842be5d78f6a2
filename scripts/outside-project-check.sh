#!/usr/bin/env bash
# Checks README.md's quick start as a new user would follow it: installs JRM's artifacts into an empty
# local Maven repository, generates a project outside this tree with the README's `mvn
# archetype:generate` (in batch mode), adds the complete tests of docs/testing.md (its `java file=...`
# blocks), and runs them against real redis-servers: on JDK 17 and on JDK 25 with the JUnit version
# of jrm-bom, and on JDK 17 with another JUnit 5 (imported before jrm-bom; and written on
# junit-jupiter in a project without jrm-bom).
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
# JRM's version: the only line of the BOM at two spaces of indentation that is a <version>.
version=$(sed -n 's|^  <version>\([^<]*\)</version>$|\1|p' "$root/bom/pom.xml")
slf4j=$(sed -n 's|^ *<slf4j.version>\([^<]*\)</slf4j.version>$|\1|p' "$root/bom/pom.xml")

step() { echo "== outside-project-check: $*"; }

step "installing JRM $version's artifacts (README: mvn -B install -DskipTests) into $repo"
(cd "$root" && JAVA_HOME=$jdk17 "${mvn[@]}" -q install -DskipTests)

# The README's command names this version.
grep -q -- "-DarchetypeVersion=$version " "$root/README.md"
step "generating a project from io.jrm:jrm-module-archetype:$version"
(cd "$work" && JAVA_HOME=$jdk17 "${mvn[@]}" -q archetype:generate \
  -DarchetypeGroupId=io.jrm -DarchetypeArtifactId=jrm-module-archetype "-DarchetypeVersion=$version" \
  -DgroupId=com.example -DartifactId=mymodule)
project=$work/mymodule
test -f "$project/src/main/java/com/example/CounterModule.java"
test -f "$project/src/test/java/com/example/CounterModuleIT.java"
# Each ```java file=PATH block of docs/testing.md becomes that file.
awk -v dir="$project" '
  /^```java file=/ { file = dir "/" substr($2, 6); system("mkdir -p \"$(dirname \"" file "\")\""); next }
  /^```/ { file = ""; next }
  file != "" { print > file }
' "$root/docs/testing.md"
test -f "$project/src/test/java/com/example/UsingTheTestKitIT.java"
reports=(CounterModuleIT UsingTheTestKitIT)

# Builds the project with a JDK and checks that each module test class ran and passed.
build() {
  local jdk=$1 pom=$2 report
  step "mvn verify with $(basename "$jdk") ($pom)"
  (cd "$project" && JAVA_HOME=$jdk "${mvn[@]}" -q -f "$pom" clean verify)
  for report in "${reports[@]}"; do
    grep -q 'tests="[1-9][0-9]*" errors="0" skipped="0" failures="0"' \
      "$project/target/failsafe-reports/TEST-com.example.$report.xml"
  done
  test -f "$project/target/mymodule.so" && test -f "$project/target/mymodule.jar"
  # The generated pom's slf4j-nop keeps Jedis's "SLF4J: ..." lines out of the test output.
  if grep -rq 'SLF4J:' "$project/target/failsafe-reports"; then
    echo "the tests printed SLF4J warnings" >&2
    exit 1
  fi
}

# Checks that the last build tested with this JUnit Jupiter version only, not mixed with JRM's: the
# failsafe report records the test class path.
jupiter_only() {
  local versions
  versions=$(grep -o 'junit-jupiter-[a-z]*-[0-9][0-9.]*[0-9]\.jar' \
    "$project/target/failsafe-reports/TEST-com.example.${reports[0]}.xml" \
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
# to mix with the user's.
sed -e '/<artifactId>jrm-bom<\/artifactId>/d' \
  -e 's|<artifactId>\(jrm-[a-z]*\)</artifactId></dependency>|<artifactId>\1</artifactId><version>${jrm.version}</version></dependency>|' \
  -e 's|<artifactId>\(jrm-[a-z]*\)</artifactId><scope>|<artifactId>\1</artifactId><version>${jrm.version}</version><scope>|' \
  -e "s|<artifactId>junit-jupiter</artifactId>|&<version>$other_junit</version>|" \
  -e "s|<artifactId>slf4j-nop</artifactId>|&<version>$slf4j</version>|" \
  "$project/pom.xml" > "$project/pom-no-bom.xml"
build "$jdk17" pom-no-bom.xml
jupiter_only "$other_junit"
step "passed"
