#!/usr/bin/env bash
# AST-only batch vs a bare JavaParser parse of the same files, measured in the same run.
#
#   bench/run.sh [files=5000] [seed=42] [runs=3]
#
# Needs the plugin installed in ~/.m2 (README command 1, or ./mvnw install -DskipTests -Dinvoker.skip).
# Prints wall time and peak RSS of each, and their ratios. Nothing here is a test.
set -euo pipefail
cd "$(dirname "$0")/.."
files=${1:-5000}
seed=${2:-42}
runs=${3:-3}
work=${BENCH_DIR:-/tmp/reverse-spec-bench}
version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -1)
jp=$(ls ~/.m2/repository/com/github/javaparser/javaparser-core/*/javaparser-core-*.jar | grep -v sources | sort -V | tail -1)
plugin="io.github.reversespec:reverse-spec-maven-plugin:${version}:batch"

rm -rf "$work" && mkdir -p "$work/classes"
java bench/GenerateReactor.java "$work/reactor" "$files" "$seed" > "$work/generate.log"
javac -d "$work/classes" -cp "$jp" bench/ParseOnly.java
count=$(find "$work/reactor" -name '*.java' | wc -l)
echo "reactor: $count Java files under $work/reactor (seed $seed)"

measure() { # label, command...
  local label=$1; shift
  /usr/bin/time -f '%e %M' -o "$work/time.txt" "$@" > "$work/$label.log" 2>&1 || { cat "$work/$label.log"; exit 1; }
  read -r wall rss < "$work/time.txt"
  echo "$wall $rss"
}

printf '%-4s %14s %14s %16s %16s %8s %8s\n' run parse_s batch_s parse_rss_MB batch_rss_MB time_x rss_x
for i in $(seq 1 "$runs"); do
  rm -rf "$work/reactor/specs"
  read -r pw pr < <(measure parse java -cp "$work/classes:$jp" ParseOnly "$work/reactor")
  read -r bw br < <(measure batch ./mvnw -B -o -q -f "$work/reactor/pom.xml" "$plugin")
  awk -v i="$i" -v pw="$pw" -v bw="$bw" -v pr="$pr" -v br="$br" 'BEGIN {
    printf "%-4s %14.2f %14.2f %16.0f %16.0f %8.2f %8.2f\n", i, pw, bw, pr/1024, br/1024, bw/pw, br/pr }'
done
echo "specs written: $(find "$work/reactor/specs" -name '*.spec.md' | wc -l)"
