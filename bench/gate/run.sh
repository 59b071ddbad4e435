#!/usr/bin/env bash
# The gate's schema step at start-up (what `bulwark scan` pays every time it starts the embedded
# gate), on an H2 database that is already up to date, each start in a fresh JVM: Flyway today
# against the pre-Flyway schema_version runner it replaced. Prints each run and the medians.
# Usage: bench/gate/run.sh [runs (default 7)]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
runs="${1:-7}"
cp_file="$(mktemp)"
dir="$(mktemp -d)"
trap 'rm -rf "$cp_file" "$dir"' EXIT
./mvnw -q -B -pl gate-service -am test-compile dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test >/dev/null
cp="gate-service/target/test-classes:gate-service/target/classes:$(cat "$cp_file")"
main=dev.bulwark.gate.db.MigrationStartBench
java -cp "$cp" "$main" prepare "$dir" >/dev/null 2>&1
declare -A times
for ((i = 0; i < runs; i++)); do
  for mode in legacy flyway; do   # interleaved, so load on the machine hits both alike
    read -r m ms < <(java -cp "$cp" "$main" "$mode" "$dir" 2>/dev/null | tail -1)
    times[$m]+="$ms "
    echo "run $((i + 1)) $m ${ms} ms"
  done
done
median() { tr ' ' '\n' <<<"$1" | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
l=$(median "${times[legacy]}"); f=$(median "${times[flyway]}")
echo "median: schema_version runner ${l} ms, Flyway ${f} ms, Flyway/runner $(awk "BEGIN {printf \"%.1f\", $f/$l}")x, +$((f - l)) ms per start"
