#!/usr/bin/env bash
# The facts cache: check and batch on an unchanged reactor, and a stale batch after one file
# changed, each against a bare JavaParser parse of the same files measured in the same run.
#
#   bench/cache.sh [files=5000] [seed=42] [runs=3]
#
# Needs the plugin installed in the local repository (README command 1, or ./mvnw install -DskipTests
# -Dinvoker.skip); MAVEN_OPTS=-Dmaven.repo.local=DIR selects another one, for this script and its mvn runs.
# A first batch fills specs/ and the cache; then each run measures, in order: the bare parse, a
# check (nothing changed), a batch (nothing to do), a batch -Dreverse-spec.refresh=stale after one
# file of a package in the middle of the chain gained a public method. Nothing here is a test.
set -euo pipefail
cd "$(dirname "$0")/.."
files=${1:-5000}
seed=${2:-42}
runs=${3:-3}
work=${BENCH_DIR:-/tmp/reverse-spec-cache-bench}
version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -1)
# the local repository Maven uses: -Dmaven.repo.local in MAVEN_OPTS if set (so parallel benchmarks can
# each install their own build), else ~/.m2/repository
repo=$(sed -n 's/.*-Dmaven\.repo\.local=\([^ ]*\).*/\1/p' <<< "${MAVEN_OPTS:-}")
repo=${repo:-$HOME/.m2/repository}
jp=$(ls "$repo"/com/github/javaparser/javaparser-core/*/javaparser-core-*.jar | grep -v sources | sort -V | tail -1)
plugin="io.github.reversespec:reverse-spec-maven-plugin:${version}"

rm -rf "$work" && mkdir -p "$work/classes"
java bench/GenerateReactor.java "$work/reactor" "$files" "$seed" > "$work/generate.log"
javac -d "$work/classes" -cp "$jp" bench/ParseOnly.java
count=$(find "$work/reactor" -name '*.java' | wc -l)
echo "reactor: $count Java files under $work/reactor (seed $seed)"

measure() { # label, command...
  local label=$1; shift
  /usr/bin/time -f '%e' -o "$work/time.txt" "$@" > "$work/$label.log" 2>&1 || { cat "$work/$label.log"; exit 1; }
  cat "$work/time.txt"
}

measure first ./mvnw -B -o -q -f "$work/reactor/pom.xml" "$plugin:batch" > /dev/null
echo "first batch (fills the cache): $(cat "$work/time.txt") s, cache: $(du -sh "$work/reactor/specs/.reverse-spec/cache" | cut -f1)"
# a file in the middle of the list of files: a package somewhere along the chain
victim=$(find "$work/reactor" -name '*.java' -path '*src/main/java*' | sort | sed -n "$((count / 2))p")
echo "changed in each run: ${victim#$work/reactor/}"

printf '%-4s %9s %9s %9s %10s %8s %8s %10s\n' run parse_s check_s batch_s stale_1_s check_x batch_x stale_1_x
for i in $(seq 1 "$runs"); do
  pw=$(measure parse java -cp "$work/classes:$jp" ParseOnly "$work/reactor")
  cw=$(measure check ./mvnw -B -o -q -f "$work/reactor/pom.xml" "$plugin:check")
  bw=$(measure batch ./mvnw -B -o -q -f "$work/reactor/pom.xml" "$plugin:batch")
  # a public method more: its unit's interface changes, so its spec is stale
  sed -i "0,/^}/s//    public int benchChange$i() { return $i; }\n}/" "$victim"
  sw=$(measure stale ./mvnw -B -o -q -f "$work/reactor/pom.xml" "$plugin:batch" -Dreverse-spec.refresh=stale)
  awk -v i="$i" -v pw="$pw" -v cw="$cw" -v bw="$bw" -v sw="$sw" 'BEGIN {
    printf "%-4s %9.2f %9.2f %9.2f %10.2f %8.2f %8.2f %10.2f\n", i, pw, cw, bw, sw, cw/pw, bw/pw, sw/pw }'
done
