#!/usr/bin/env bash
# Latency benchmark (issue 5): the batch against a fake model that answers every request after a
# fixed latency L, at several concurrencies, compared with the ideal max(N·L/C, CP·L) + AST-only time.
#
#   bench/latency.sh [latencyMs=200] [packages=300] [files=1000] [seed=42]
#
# Environment: BENCH_DIR (default /tmp/reverse-spec-latency), CONCURRENCIES (default "1 4 8"),
# CONTEXT_TOKENS (default 32000, the plugin's default), WARM (default 0; 1 adds, per C, the same pair
# rerun over the specs/ the first pair left, so its facts cache is warm: a rerun's analysis).
# After each model run a line says how long its first request waited: from the mvn start, and from
# the goal's start (the Maven log carries times), with the analysis time the plugin logged.
#
# Needs the plugin installed in ~/.m2 (./mvnw -B -o -q install -DskipTests -Dinvoker.skip=true), or
# in the local repository MAVEN_OPTS="-Dmaven.repo.local=DIR" names: every mvnw call here honours it
# (the settings file below sets no localRepository), so builds sharing a machine need not share ~/.m2.
# The fake model is the tests' FakeModelServer, compiled here by test-compile and run from target/.
# Nothing leaves the machine: the fake listens on loopback, and Maven runs with a settings file
# that sends every repository to a closed loopback port. Maven cannot run with -o here: offline,
# the plugin makes no model request by design; -nsu keeps it from looking for newer snapshots.
set -euo pipefail
cd "$(dirname "$0")/.."
latency=${1:-200}
packages=${2:-300}
files=${3:-1000}
seed=${4:-42}
work=${BENCH_DIR:-/tmp/reverse-spec-latency}
concurrencies=${CONCURRENCIES:-1 4 8}
context=${CONTEXT_TOKENS:-32000}
warm=${WARM:-0}
version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -1)
plugin="io.github.reversespec:reverse-spec-maven-plugin:${version}:batch"
repo=$PWD

rm -rf "$work" && mkdir -p "$work"
java bench/GenerateReactor.java "$work/reactor" "$files" "$seed" "$packages" > "$work/generate.log"
cat > "$work/settings.xml" <<'EOF'
<settings>
  <!-- Everything comes from ~/.m2; a remote lookup would hit a closed loopback port and fail at once. -->
  <mirrors>
    <mirror>
      <id>central</id>
      <mirrorOf>*</mirrorOf>
      <url>http://127.0.0.1:9/</url>
    </mirror>
  </mirrors>
</settings>
EOF

# The fake is the tests' own (src/test/java/io/github/reversespec/testing/FakeModelServer.java),
# run from the build's class folders: JDK only, plus the plugin's TokenEstimator for its estimates.
"$repo/mvnw" -B -ntp -o -q test-compile
java -cp target/classes:target/test-classes io.github.reversespec.testing.FakeModelServer 0 "$latency" "$work/port" \
    > "$work/fake.log" 2>&1 &
fake=$!
trap 'kill "$fake" 2>/dev/null || true' EXIT
for _ in $(seq 1 150); do [ -s "$work/port" ] && break; sleep 0.2; done
[ -s "$work/port" ] || { echo "the fake model did not start:"; cat "$work/fake.log"; exit 1; }
port=$(cat "$work/port")
fake_url="http://127.0.0.1:$port"

batch() { # label, extra -D options...: runs the batch on a fresh specs/ (kept when KEEP_SPECS=1), prints its wall time
  local label=$1; shift
  [ "${KEEP_SPECS:-0}" = 1 ] || rm -rf "$work/reactor/specs"
  date +%s%3N > "$work/$label.start"
  /usr/bin/time -f '%e' -o "$work/$label.time" "$repo/mvnw" -B -nsu -s "$work/settings.xml" \
      -Dorg.slf4j.simpleLogger.showDateTime=true -Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS \
      -f "$work/reactor/pom.xml" "$plugin" -Dreverse-spec.force=true \
      -Dreverse-spec.contextTokens="$context" "$@" > "$work/$label.log" 2>&1 \
    || { echo "$label failed:" >&2; tail -40 "$work/$label.log" >&2; exit 1; }
  cat "$work/$label.time"
}

cat "$work/generate.log"
echo "fake model at $fake_url/v1, latency ${latency} ms; contextTokens $context"
java bench/LatencyReport.java header > "$work/table.md"
start_delay() { # label: when its first request came, against the mvn start, the goal's start and the analysis
  local label=$1 log="$work/$1.log"
  local epoch first start goal analysed
  epoch=$(sed -n 's/.*"epochUnixMs" *: *\([0-9]*\).*/\1/p' "$work/stats-$label.json")
  first=$(( epoch + $(tail -n +2 "$work/timeline-$label.csv" | cut -d, -f1 | sort -n | head -1) ))
  start=$(cat "$work/$label.start")
  # the log's first line of the goal (HH:mm:ss.SSS, today) as epoch ms
  goal=$(grep -m1 -- '--- reverse-spec' "$log" | cut -d' ' -f1)
  goal=$(( $(date -d "$(date +%F) $goal" +%s%3N) ))
  analysed=$(sed -n 's/.*Analysed .* in \([0-9]*\) ms.*/\1/p' "$log")
  printf '%s: first request %.1f s after the mvn start, %.1f s after the goal started; the analysis took %.1f s\n' \
      "$label" "$(( first - start ))e-3" "$(( first - goal ))e-3" "${analysed}e-3" | tee -a "$work/start-delay.txt"
}

model_pair() { # label suffix, concurrency: an AST-only run, then the model run, then its table row
  local suffix=$1 c=$2
  # The AST-only run just before its model run, so both see the same machine load.
  ast=$(batch "ast-c$c$suffix" -Dreverse-spec.provider=none -Dreverse-spec.concurrency="$c")
  curl -sf -X POST "$fake_url/reset" > /dev/null
  wall=$(REVERSE_SPEC_API_KEY=bench-not-a-secret batch "model-c$c$suffix" -Dreverse-spec.provider=openai \
      -Dreverse-spec.baseUrl="$fake_url/v1" -Dreverse-spec.model=fake -Dreverse-spec.concurrency="$c")
  curl -sf "$fake_url/stats" > "$work/stats-model-c$c$suffix.json"
  curl -sf "$fake_url/timeline" > "$work/timeline-model-c$c$suffix.csv"
  summary="$work/reactor/specs/_batch-summary.json"
  units=$(sed -n 's/.*"totalModules" : \([0-9]*\).*/\1/p' "$summary")
  llm=$(sed -n 's/.*"written-llm" : \([0-9]*\).*/\1/p' "$summary")
  [ "$llm" = "$units" ] || { echo "C=$c: only $llm of $units units written by the model; see $work/model-c$c$suffix.log" >&2; exit 1; }
  java bench/LatencyReport.java row "$work/reactor" "$c" "$wall" "$ast" "$latency" "$context" \
      "$work/stats-model-c$c$suffix.json" "$work/timeline-model-c$c$suffix.csv" \
    | sed "s/^| $c |/| $c${suffix:+ ($suffix)} |/" | tee -a "$work/table.md.rows"
  start_delay "model-c$c$suffix"
}

for c in $concurrencies; do
  model_pair "" "$c"
  if [ "$warm" = 1 ]; then
    KEEP_SPECS=1 model_pair warm "$c"
  fi
done
cat "$work/table.md.rows" >> "$work/table.md"
echo
cat "$work/table.md"
echo
cat "$work/start-delay.txt"
echo "logs, stats and timelines in $work"
