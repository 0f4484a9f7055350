#!/usr/bin/env bash
# Builds a reactor of real open-source code from published -sources.jars on Maven Central, to read
# and measure specs of code nobody wrote for us: Guava, jackson-databind, commons-lang3,
# commons-collections4 and commons-io as five modules of one reactor, 1,991 files (the sources
# only; their own poms are not used, nothing is compiled).
#
#   bench/real-reactor.sh [dir=/tmp/real-reactor]
#
# Then run the plugin on it, e.g. (from the repo, plugin installed by README command 1):
#   ./mvnw -B -f /tmp/real-reactor/pom.xml io.github.reversespec:reverse-spec-maven-plugin:0.1.0-SNAPSHOT:batch
set -euo pipefail
dir=${1:-/tmp/real-reactor}
central=https://repo.maven.apache.org/maven2
modules=(
  "com.google.guava guava 33.5.0-jre"
  "com.fasterxml.jackson.core jackson-databind 2.21.3"
  "org.apache.commons commons-lang3 3.20.0"
  "org.apache.commons commons-collections4 4.6.0"
  "commons-io commons-io 2.22.0"
)
rm -rf "$dir" && mkdir -p "$dir"
names=()
for m in "${modules[@]}"; do
  read -r group artifact version <<< "$m"
  jar="$dir/$artifact-$version-sources.jar"
  curl -fsS -o "$jar" "$central/${group//.//}/$artifact/$version/$artifact-$version-sources.jar"
  mkdir -p "$dir/$artifact/src/main/java"
  (cd "$dir/$artifact/src/main/java" && unzip -q "$jar" '*.java')
  rm "$jar"
  cat > "$dir/$artifact/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <parent><groupId>bench.real</groupId><artifactId>real-reactor</artifactId><version>1</version></parent>
  <artifactId>$artifact</artifactId>
  <description>$artifact $version sources from Maven Central</description>
</project>
POM
  names+=("$artifact")
done
{
  echo '<project xmlns="http://maven.apache.org/POM/4.0.0">'
  echo '  <modelVersion>4.0.0</modelVersion>'
  echo '  <groupId>bench.real</groupId><artifactId>real-reactor</artifactId><version>1</version>'
  echo '  <packaging>pom</packaging>'
  echo '  <properties><project.build.sourceEncoding>UTF-8</project.build.sourceEncoding></properties>'
  echo '  <modules>'
  for n in "${names[@]}"; do echo "    <module>$n</module>"; done
  echo '  </modules>'
  echo '</project>'
} > "$dir/pom.xml"
echo "$(find "$dir" -name '*.java' | wc -l) Java files in ${#names[@]} modules under $dir"
